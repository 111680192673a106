"""Cases named by a head and a colon or dash: "- burglary: ask for the crime reference number first. if they haven't
got one, …", "complaint - no draft, just put REPLY: FLAG for Jo", "extensions / extenuating circumstances: point them
to …".

The head is the case's condition. The clause readers see what follows it as plain orders ("Always ask for the crime
reference number first.") and its contact as the catch-all ("When you cannot help, point the user to …"), so the rule
would hold for every conversation. A line that names a case keeps its head on every sentence of its action: its rules
become one rule in the brief's words ("For burglary: ask for … first. if they haven't got one, …"), and a contact in
it is that case's route.

A head is a case when the brief declares it (a label, a tool parameter's value, a snake_case name) or, for any other
short noun phrase, when its action opens with an instruction ("point them to …", "never …"). A setting ("tone:
warm"), a heading over a list ("must:"), a condition of its own ("if they ask:") or a layout key in capitals
("REPLY: …") is no case head.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

import msgspec

from app.engine.constraints.fallback_cases import for_case
from app.engine.constraints.fallback_wording import describe_fallback
from app.engine.constraints.model import BriefSpan, Constraint

# A list item or line: an optional marker, the head (up to six words, no sentence punctuation), then ":" or a spaced
# dash, then the action on the same line.
_CASE_LINE = re.compile(
    r"^[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*"
    r"(?P<head>[^\W\d][^\n:;,.!?()\"“”«»<>{}\[\]|=]{0,70}?)"
    r"(?:[ \t]*:|[ \t]+[-–—]|[ \t]*=)[ \t]+(?P<action>\S[^\n]*)$",
    re.MULTILINE,
)
_MAX_HEAD_WORDS = 6

# Words a head never opens with: a condition of its own, a pronoun or a verb (a sentence, not a case), a standing
# order, a pointer to what follows.
_NOT_A_HEAD_START = frozenset(
    {
        "if", "when", "whenever", "unless", "otherwise", "else", "in", "on", "at", "with", "to", "by", "from",
        "we", "i", "you", "they", "he", "she", "it", "our", "my", "your", "their", "this", "that", "these", "those",
        "there", "here", "please", "also", "and", "or", "but", "so", "then", "do", "don't", "dont", "never", "always",
        "only", "just", "note", "notes", "nb", "ps", "tip", "e.g", "eg", "example", "examples", "important", "remember",
        "si", "cuando", "wenn", "falls", "quand", "se", "quando", "als", "nunca", "siempre", "jamais", "toujours",
        "nie", "immer", "mai", "sempre", "nooit", "altijd",
    }
)  # fmt: skip
# Words that name a setting or a part of the brief, not a case: "tone: warm", "format: plain text", "rules: …".
_SETTINGS = frozenset(
    {
        "tone", "style", "voice", "format", "formatting", "length", "language", "languages", "output", "reply",
        "replies", "response", "responses", "answer", "answers", "rules", "rule", "guidelines", "instructions",
        "constraints", "limits", "context", "background", "role", "persona", "task", "goal", "goals", "job",
        "audience", "users", "input", "inputs", "tools", "steps", "step", "must", "should", "scope", "fallback",
        "escalation", "safety", "privacy", "security", "sign-off", "signoff", "signature", "greeting", "subject",
        "hours", "opening", "address", "phone", "email", "contact", "website", "name", "label", "labels", "layout",
        "structure", "schema", "fields", "keys", "policy", "policies", "faq", "summary", "title", "headline",
        "tono", "formato", "idioma", "reglas", "normas", "ton", "règles", "sprache", "regeln", "stil", "lingua",
        "regole", "regras", "toon", "regels", "taal",
    }
)  # fmt: skip
# Words of a heading that stresses what follows ("Very important:", "Order matters:", "Guardrails:", "Key rule:")
_EMPHASIS = frozenset(
    {
        "important", "very", "really", "super", "critical", "crucial", "key", "matters", "matter", "order",
        "priority", "priorities", "guardrail", "guardrails", "warning", "caution", "reminder", "attention",
        "absolutely", "essential", "mandatory", "required", "strict", "hard", "golden", "wichtig", "importante",
        "importantísimo", "crítico", "essentiel", "belangrijk", "重要",
    }
)  # fmt: skip
# A head that names the assistant ("Recipe helper: suggest recipes …", "Writing coach for teenagers: …"): the brief's
# opening, its role and job, not a case
_ROLE_NOUNS = frozenset(
    {
        "assistant", "helper", "bot", "chatbot", "agent", "coach", "tutor", "grader", "writer", "moderator",
        "reviewer", "editor", "translator", "summariser", "summarizer", "classifier", "companion", "buddy", "guide",
        "concierge", "advisor", "adviser", "copilot", "asistente", "assistente", "assistent", "assistentin",
        "chatbots", "helfer", "ayudante", "tuteur", "tutora", "tutore",
    }
)  # fmt: skip
# What a case's action opens with when it instructs: an order, a ban, a modal for the assistant (English and the
# other supported languages' common imperatives and infinitives).
_INSTRUCTION = re.compile(
    r"(?:(?:please|just|politely|always|first|then|only)\s+)?"
    r"(?:ask|tell|say|reply|respond|answer|point|send|refer|direct|offer|give|explain|suggest|recommend|check|"
    r"confirm|call|use|book|cancel|flag|escalate|put|write|add|include|mention|apologi[sz]e|stop|route|pass|hand|"
    r"forward|transfer|log|record|open|create|remind|warn|advise|encourage|invite|decline|refuse|let|get|make|"
    r"share|link|quote|collect|request|take|keep|leave|mark|label|tag|draft|no|not|never|don'?t|do\s+not|avoid|"
    r"must|should|has\s+to|have\s+to|need\s+to|pide|pedir|pregunta|preguntar|di|decir|dile|responde|responder|"
    r"contesta|contestar|envía|enviar|ofrece|ofrecer|explica|explicar|indica|indicar|remite|remitir|llama|llamar|"
    r"deriva|derivar|nunca|no|demande|demander|dis|dire|réponds|répondre|envoie|envoyer|propose|proposer|explique|"
    r"expliquer|indique|indiquer|renvoie|renvoyer|appelle|appeler|jamais|ne|frag|fragen|sag|sagen|antworte|"
    r"antworten|schick|schicken|biete|anbieten|erkläre|erklären|verweise|verweisen|ruf|nie|niemals|nicht|kein|"
    r"chiedi|chiedere|rispondi|rispondere|invia|inviare|offri|offrire|spiega|spiegare|indirizza|mai|pergunte|"
    r"perguntar|diga|dizer|responda|envie|ofereça|explique|encaminhe|nunca|vraag|vragen|zeg|zeggen|antwoord|"
    r"stuur|bied|leg|verwijs|nooit|geen)\b",
    re.IGNORECASE,
)
# A head that opens with a verb of the request itself ("Write a prompt:", "Schreibe einen Prompt:", "Crea un …:")
_TASK_VERB = re.compile(
    r"(?:write|create|make|generate|build|design|produce|summari[sz]e|translate|classify|extract|review|rewrite|"
    r"schreib\w*|erstell\w*|mach\w*|übersetz\w*|escrib\w*|crea\w*|genera\w*|traduc\w*|écri\w*|rédig\w*|"
    r"tradui\w*|scriv\w*|tradu\w*|escrev\w*|maak|schrijf|vertaal)\b",
    re.IGNORECASE,
)
# A layout key the case's reply is given in: "spam - REPLY: none", "LABEL: X"
_FIXED_KEY = re.compile(r"[\"“']?[A-Z][A-Z0-9_]{1,20}(?:\s[A-Z0-9_]{2,20})?\s*:")
# "complaint = no draft. just DRAFT: PASS TO KERRY", "refund - kein Entwurf, nur ANTWORT: …": the case's fixed line
# after a word that sets it
_FIXED_LATER = re.compile(
    r"\b(?i:just|only|then|instead|nur|stattdessen|dann|solo|seulement|alleen|apenas)\s+(?i:put\s+|write\s+)?"
    + _FIXED_KEY.pattern
)
_RULE_KINDS = frozenset({"requirement", "prohibition", "ordering"})
_ROUTES = frozenset({"email", "phone", "url", "handoff"})
_TOOL_STEP = re.compile(r"call\s+[A-Za-z_][\w.]*$")


class CaseLine(NamedTuple):
    """A line that names a case: its head, where the line's text starts and ends, and its action."""

    head: str
    start: int
    end: int
    action: str
    label: bool  # the head is a value of the reply's label set


def _words(head: str) -> list[str]:
    return re.findall(r"[\w'’-]+", head.lower())


def _declared(head: str, values: set[str]) -> bool:
    """Whether a head opens with a name the brief declares: a label or parameter value, a snake_case name."""
    head = re.sub(r"^for\s+", "", head, flags=re.IGNORECASE)
    first = head.split()[0].strip("`'\"").lower()
    snake = re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+", first) is not None
    return first in values or head.lower() in values or snake


def case_lines(text: str, values: set[str], labels: set[str]) -> list[CaseLine]:
    """The lines of a text that name a case by a head before a colon or dash (see the module's docstring)."""
    if ":" not in text and "-" not in text and "–" not in text and "—" not in text:
        return []
    found = []
    for match in _CASE_LINE.finditer(text):
        head, action = match.group("head").strip(), match.group("action").strip()
        words = _words(head)
        if not words or len(words) > _MAX_HEAD_WORDS or words[0] in _NOT_A_HEAD_START:
            continue
        if _INSTRUCTION.match(head) or _TASK_VERB.match(head):
            continue  # "Write a prompt: explain leases …", "Schreibe einen Prompt: …": an order, not a case
        if words[-1] in _SETTINGS or words[0] in _SETTINGS or head.isupper():
            continue  # "tone: warm", "Output format: …", "REPLY: <draft>": a setting or a layout key
        if any(word in _EMPHASIS for word in words):
            continue  # "Very important:", "Order matters:", "Guardrails:": a heading that stresses, not a case
        if any(word in _ROLE_NOUNS for word in words) or not text[: match.start()].strip():
            continue  # "Recipe helper: suggest recipes …", the brief's first line: the opening, not a case
        if not _declared(head, values) and _INSTRUCTION.match(action) is None:
            continue  # "we are open 9-5", "Delivery: usually two days": no case to condition
        label = head.split()[0].strip("`'\"").lower() in labels
        found.append(CaseLine(head, match.start("head"), match.end("action"), action, label))
    return found


def _lead(case: CaseLine) -> str:
    """How the rule names its case: "When the label is complaint", "For burglary"."""
    if case.label and len(case.head.split()) == 1:
        return f"When the label is {case.head}"
    if re.match(r"for\s", case.head, re.IGNORECASE):
        return f"F{case.head[1:]}"  # "for burglary: …" names its case already
    return for_case(case.head)


def _said(action: str) -> str:
    """The action in the brief's words, closed as a sentence."""
    said = " ".join(action.split())
    return said if said[-1:] in ".!?\"”»'" else f"{said}."


def _tool_order(constraint: Constraint) -> bool:
    """An order between two tool calls ("call get_quote" before "call book"): checked on its own, kept as it is."""
    return (
        constraint.kind == "ordering"
        and _TOOL_STEP.match(constraint.first or "") is not None
        and _TOOL_STEP.match(constraint.then or "") is not None
    )


def with_case_heads(text: str, span_of: Callable[[int, int], BriefSpan], found: list[Constraint]) -> list[Constraint]:
    """The field's constraints with each case line's rules said as one rule under its head, and its routes given
    the case as their condition."""
    values = {v.lower() for c in found if c.kind == "labels" for v in c.values}
    labels = {v.lower() for c in found if c.kind == "labels" and c.scope is None and c.name is None for v in c.values}
    lines = case_lines(text, values, labels)
    if not lines:
        return found
    out = list(found)
    field = span_of(0, 0)
    for case in lines:
        inside = [
            c for c in out
            if c.span is not None and (c.span.field, c.span.index) == (field.field, field.index)
            and case.start <= c.span.start < case.end
        ]  # fmt: skip
        rules = [c for c in inside if c.kind in _RULE_KINDS and not _tool_order(c)]
        if rules and all(case.head.lower() in c.text.lower() for c in rules):
            continue  # the rules already name their case
        fixed = _FIXED_KEY.match(case.action) is not None or _FIXED_LATER.search(case.action) is not None
        if not rules and not fixed and not any(c.kind == "fallback" for c in inside):
            continue  # a definition ("billing: payment questions"), no rule to condition
        rule = Constraint(
            kind="requirement", text=f"{_lead(case)}: {_said(case.action)}", span=span_of(case.start, case.end),
            value=f"{_lead(case)}: {_said(case.action)}",
        )  # fmt: skip
        dropped = {id(c) for c in rules}
        moved = {id(c) for c in inside}
        out = [_routed(c, case) if id(c) in moved else c for c in out if id(c) not in dropped]
        if rules or fixed:
            out.append(rule)
    return out


def _routed(constraint: Constraint, case: CaseLine) -> Constraint:
    """A contact in a case line, as that case's route (not the catch-all for whatever you cannot help with)."""
    if constraint.kind != "fallback" or constraint.condition or constraint.action not in _ROUTES:
        return constraint
    condition = _lead(case)
    text = describe_fallback(constraint.action, constraint.value or "", condition)
    return msgspec.structs.replace(constraint, condition=condition, text=text)
