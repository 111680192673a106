"""Later sentences of a task written as instructions to the assistant ("Cite the section.", "Corrige une erreur.").

The first sentence of a task states the job; a later sentence in the imperative is one of the brief's own rules, read
as a requirement in the user's words, in English and in the other languages the engine reads.
"""

from __future__ import annotations

import re

from app.engine.constraints.clauses import Clause
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.inline_items import opens_inline_item

# "Cite the section like [§ 4.2].", "Keep all HTML tags exactly as they are.": after the sentence that states the job,
# a sentence in the imperative is an instruction of the brief, read as a requirement in the user's words.
_IMPERATIVE_LEAD = re.compile(
    r"(?:please\s+|pls\s+)?(?:also\s+|then\s+)?(?:cite|say|keep|use|include|mention|add|start|begin|write|reply|"
    r"respond|answer|ask|make|give|list|return|output|format|put|quote|link|refer|tell|offer|suggest|explain|check|"
    r"confirm|verify|greet|prefer|focus|highlight|summari[sz]e|translate|show|stay|remind|encourage|follow|stick|"
    r"speak|talk|assume|consider|remember|inform|warn|recommend|provide|describe|spell|convert|prefix|capitali[sz]e|"
    r"avoid|limit|end|sign|treat|respect)\b(?!\s*:)"
    # "Use it sparingly" is an instruction; "End users are ..." or "Say hello is our slogan" are not.
    r"(?!\s+(?:is|are|was|were|has|have|users?|customers?)\b)",
    re.IGNORECASE,
)
# "After 6 questions, give feedback: ...": a time or condition phrase may open the instruction.
# "If they've been stuck for 3 turns on the same step, show a worked example": so may a condition.
_LEADING_WHEN = re.compile(
    r"^(?:after|when|whenever|once|if|unless|at\s+the\s+end(?:\s+of)?|before|for|in)\b[^,.;:]{1,80},\s*", re.I
)


# The same in French, Spanish, German and Portuguese (tu/vous, tú/usted, du/Sie, você forms), and the Chinese and
# Japanese ways of asking ("请…", "…必须…", "…てください").
_FOREIGN_IMPERATIVE_LEAD = re.compile(
    r"(?:corrige[sz]?|r[ée]ponds|r[ée]pondez|utilise[sz]?|pose[sz]?|donne[sz]?|propose[sz]?|termine[sz]?|commence[sz]?|"
    r"garde[sz]?|reste[sz]?|[ée]cri(?:s|vez)|indique[sz]?|cite[sz]?|demande[sz]?|vouvoie[sz]?|tutoie[sz]?|ajoute[sz]?|"
    r"mentionne[sz]?|explique[sz]?|rappelle[sz]?|v[ée]rifie[sz]?|"
    r"responde|responda|usa|use|usem|utiliza|utilize|pregunta|pergunte|dé|dê|diga|dile|diles|dites|dis|sag|sage|usar|use|utilizar|deixe|deja|devolver|retorne|devuelve|incluye|inclua|termina|empieza|comece|"
    r"mant[ée]n|mantenha|escribe|escreva|ofrece|ofere[çc]a|corrija|explica|explique|pide|pe[çc]a|sé|seja|"
    r"nombra|menciona|recuerda|lembre|verifica|confirma|confirme|"
    r"antworte|antworten\s+sie|nutze|verwende|gib|nenne|frage|schreibe?|beende|beginne|halte|bleib|bleibe|erkl[äa]re|"
    r"korrigiere|biete|sieze|duze|f[üu]ge|erw[äa]hne|best[äa]tige|pr[üu]fe)\b",
    re.IGNORECASE,
)
_FOREIGN_ADVERB = re.compile(
    r"^(?:s[óo]|solo|sólo|solamente|apenas|seulement|uniquement|nur|immer|siempre|sempre|toujours|nunca|jamais|"
    r"niemals|tamb[ée]m|también|aussi|auch)\s+",
    re.IGNORECASE,
)
# "Se a criança disser que está triste, com medo …, diga …": a condition (commas and all) before the instruction.
_FOREIGN_CONDITION = re.compile(
    rf"^(?:se|si|wenn|falls|quand|cuando|caso|lorsque)\b[^.;]{{3,200}}?,\s*(?={_FOREIGN_IMPERATIVE_LEAD.pattern})",
    re.IGNORECASE,
)
_CJK_INSTRUCTION = re.compile(r"^\s*请|必须|务必|一定要|需要先|先.{1,12}再|てください|すること|しなさい|必ず")


def later_instruction(task: str, clause: Clause) -> bool:
    """Whether a clause of the task is a later sentence written as an instruction (not the job statement)."""
    raw = task[max(0, clause.start - 3) : clause.start]
    before = raw.rstrip()
    if clause.start == 0 or not before:
        return False
    # "Rules: 1) never … 3) if they're angry, offer a call back": an item of an inline rule list opens a rule too
    if not ("\n" in raw or before[-1] in ".!?—–-。！？" or opens_inline_item(task, clause.start)):
        return False
    text = _LEADING_WHEN.sub("", clause.text.lstrip(), count=1)
    if is_english(clause.text):
        return bool(_IMPERATIVE_LEAD.match(text))
    text = _FOREIGN_ADVERB.sub("", text, count=1)  # "Só use …", "Nur antworten …", "Siempre responde …"
    text = _FOREIGN_CONDITION.sub("", text, count=1)  # "Se a criança disser …, diga …": the instruction after it
    return bool(_FOREIGN_IMPERATIVE_LEAD.match(text) or _CJK_INSTRUCTION.search(text))
