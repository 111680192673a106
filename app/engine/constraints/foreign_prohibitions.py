"""Prohibitions in a clause not in English ("keine Emojis", "nunca confirmes …", "不要使用表情符号"): the part that
holds the negation, quoted as the rule, or translated where a known phrasing allows it."""

from __future__ import annotations

import re

from app.engine.constraints import foreign_rules
from app.engine.constraints.ban_extent import closing_aside
from app.engine.constraints.clauses import EXACT_COLON
from app.engine.constraints.fallback_replies import EXACT_CODE
from app.engine.constraints.found_rules import FoundRule
from app.engine.constraints.leading_conditions import condition_end
from app.engine.constraints.negation import JA_RULE_NEGATIVE
from app.engine.language_id import identify
from app.engine.phrasing import ASKS_FOR_ASSISTANT

_PROHIBITION_OTHER = re.compile(
    # "si no lo dice", "se não disser", "s'il ne le dit pas": a negation inside a condition forbids nothing.
    r"\b(?:nunca|jamás|(?<!que\s)(?<!qui\s)(?<!\bsi\s)no\s+(?:\w+(?:es|as|e|a|s|ar|er|ir)|le|les|lo|la|te|se)\b|"
    r"evita|prohibido|nie(?:mals)?|keine?[nmrs]?\b|(?<!\bwenn\s)(?<!\bfalls\s)nicht\b|vermeide|verboten|"
    r"jamais|(?<!\bsi\s)(?<!\bil\s)(?<!\belle\s)(?<!\bon\s)ne\s+\w+\s+(?:pas|jamais)|(?<!\bsi\s)(?<!s'il\s)"
    r"n'\w+\s+(?:pas|jamais)|évite[rz]?|interdit|pas\s+de|(?<!\bse\s)(?<!\bcaso\s)não(?!\s+ser\s+que)|(?<!\bse\s)nao(?!\s+ser\s+que)|evite|"
    r"proibido|mai\s+\w+(?:are|ere|ire)|(?<![èÈ]\s)vietato|[èÈ]\s+vietato\s+(?:dare|dire|rispondere|consigliare|usare|parlare|promettere|fornire|"
    r"chiedere|inventare))\b|不要|禁止|切勿|不得|不能|别(?![的人处])|しないで|しないこと|禁止|避けて|ないでください|ないこと(?![はがをもにで])|"
    # "訳注は一切いりません", "説明は要りません": what the reply must not carry is "not needed"
    r"(?:一切|全く|特に)?(?:いりません|要りません|いらない|要らない|不要です)(?=\s*(?:$|[。！]))|"
    # "他のスクールの名前は出さない": a rule in the plain negative, ending its line or sentence (see JA_RULE_NEGATIVE)
    rf"{JA_RULE_NEGATIVE}(?=\s*(?:$|[。！]))",
    re.IGNORECASE,
)


def _part_start(text: str, position: int) -> int:
    """Where the comma-separated part holding `position` starts; a comma inside brackets separates nothing
    ("(máximo 4 personas) y nunca confirmes …" is quoted from its bracket, not from "personas)")."""
    depth = 0
    for index in range(position - 1, -1, -1):
        char = text[index]
        if char in ")）":
            depth += 1
        elif char in "(（":
            if depth == 0:
                if closing_aside(text, position):
                    continue  # "… で指摘（うちは動的メモリ禁止）。": the aside gives the reason of the rule before it
                return index + 1 if text.find(")", index, position) < 0 else index
            depth -= 1
        elif char in ",;，、；" and depth == 0:
            return index + 1
    return 0


_GERMAN_RELATIVE = re.compile(
    r"(?:die|der|das|den|dem|deren|dessen|welche[rsnm]?)\s.*\b(?:sind|ist|war|waren|hat|haben|wird|werden|kann|"
    r"können|gibt|gab)\)?$",
    re.IGNORECASE,
)


_FOREIGN_CONDITION = re.compile(r"(?:si|se|s'ils?|wenn|falls|sofern|caso|quand|lorsque|cuando|quando)\b", re.I)


# "dire que …", "decir que …", "sagen, dass …", "dizer que …", "dire che …", "zeggen dat …": what to say comes next
_FOREIGN_REPORTED = re.compile(
    r"\b(?:dire|dis|dites|decir|di|diga|digas|dizer|diz|sagen|sag|sage|zeggen|zeg|explicar|expliquer|explique)\s*,?\s+"
    r"(?:que|qu['’]|dass|che|dat)\b[^,;.]*$",
    re.IGNORECASE,
)


# "AVISO, no BORRAR", "HINWEIS, nicht LÖSCHEN": the label a case gets, set against another one, no ban
_LABEL_CONTRAST = re.compile(
    r"(?:no|nicht|pas|não|nao|non|niet|geen)\s+(?-i:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\b(?![a-zà-ÿ])"
)


_LABEL_JUST_BEFORE = re.compile(r"(?-i:[A-Z][A-Z0-9]{2,}(?:_[A-Z0-9]+)*)\s*[,;/]?\s*$")


# German cues that are also acronyms elsewhere (the Spanish foreigner's number NIE)
_FOREIGN_ACRONYM_CUES = frozenset({"nie", "kein", "keine"})


# "Quero um assistente que nunca dê conselhos médicos": a "never" in the request is still the brief's ban (unlike "o
# que não consegue resolver", which describes the job).
_NEVER_WORD = re.compile(r"(?i)nunca|jamais|jam[áa]s|niemals|nie\b|never|mai\b|nooit|nimmer")


def find_foreign_prohibitions(stripped: str) -> list[FoundRule]:
    """The prohibition a clause not in English states, if any, as one rule quoting the part that holds it."""
    exact = EXACT_COLON.search(stripped)
    code = EXACT_CODE.search(stripped)  # ("wenn … leer ist, schreib nur KEINE EINTRÄGE": the words to write)
    asks = ASKS_FOR_ASSISTANT.match(stripped)
    for other in _PROHIBITION_OTHER.finditer(stripped, condition_end(stripped)):
        if exact is not None and other.start() >= exact.end() - 1:
            break  # "… exatamente: Beba com moderação. Proibido para menores …": words to write, not a ban
        if code is not None and code.start("code") <= other.start() < code.end("code"):
            continue
        contrast = _LABEL_CONTRAST.match(stripped, other.start())
        if contrast is not None and _LABEL_JUST_BEFORE.search(stripped, max(0, other.start() - 40), other.start()):
            continue  # "insultos entre amigos: AVISO, no BORRAR": the label the case gets, contrasted; no ban
        acronym = other.group(0).isupper() and other.group(0).lower() in _FOREIGN_ACRONYM_CUES
        if acronym and identify(stripped)[0] != "de":
            continue  # "renovación de NIE y TIE": a document's acronym in a Spanish line, no German "nie"
        # Quote the comma-separated part that holds the negation ("keine Emojis", "不要使用表情符号").
        start = _part_start(stripped, other.start())
        # A part inside brackets ends with them: "(z. B. Posten, die nicht umlagefähig sind) in …".
        inside = stripped.count("(", 0, start) > stripped.count(")", 0, start)
        opening = stripped.rfind("(", 0, other.start())
        if inside and "," in stripped[opening:start]:
            continue  # "el 016 (gratuito, 24 horas, no deja rastro en la factura)": a trait in a list of them
        close = stripped.find(")", other.start()) if inside else -1
        end = close if close >= 0 else len(stripped)
        if _FOREIGN_REPORTED.search(stripped, max(0, other.start() - 60), other.start()):
            continue  # "dire que ce n'est pas nous", "decir que no somos nosotros": words to say, not a ban
        if asks is not None:
            # ("Wir brauchen einen Bot, der jede neue Anzeige prüft, bevor sie online geht: keine Waffen, …": what
            # follows the colon is the rule; the request before it is the job)
            colon = stripped.rfind(":", start, other.start())
            start = colon + 1 if colon >= 0 else start  # (the words are found again from here, spaces skipped)
        if asks is not None and start <= asks.end() and not _NEVER_WORD.match(other.group(0).strip()):
            continue  # "Quero um assistente … que passe para a equipa o que não consegue resolver": the job
        words = foreign_rules.strip_conjunction(stripped[start:end].strip().rstrip(".。!！"))
        if _FOREIGN_CONDITION.match(words) or _GERMAN_RELATIVE.match(words):
            continue  # "…, wenn er ihn nicht nennt", "…, die nicht umlagefähig sind": the negation describes
        start = stripped.index(words, start)
        rule = foreign_rules.translate_prohibition(words) or f'Follow this prohibition from the brief: "{words}".'
        return [FoundRule(rule, None, None, start, start + len(words), words)]
    return []
