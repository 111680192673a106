"""Reading one written list into label names: "a, b or c" split into clean items, where the list ends, and the
asides and lead-in words that are no part of a label."""

from __future__ import annotations

import re
from typing import NamedTuple

_SPLIT = re.compile(
    r"\s*(?:,|;|\||/|\bor\b|\band\b|\boder\b|\bund\b|\bou\b|\bet\b|\bo\b|\bu\b|\by\b|\be\b)\s*", re.IGNORECASE
)
_TRAILING = re.compile(
    r"\s+(?:based|depending|according|for|from|if|when|using|by|to|with|then|so|because|as|in|on|only|"
    r"según|dependiendo|je|nach|selon|conforme|de\s+acuerdo|etc)\b.*$",
    re.IGNORECASE,
)
_NOT_LABELS = frozenset({"e.g", "eg", "i.e", "ie", "etc", "the", "a", "an", "it", "them", "this", "that", "s"})


# "nothing else", "nichts anderes", "rien d'autre", "nada más", "nient'altro", "verder niets": words that only stress
# that the reply holds one thing; they are never a label.
CLOSING = re.compile(
    r"(?:nothing|no|none)\s+(?:else|other|more)\b|nichts\s+(?:anderes|weiter|mehr)\b|sonst\s+nichts\b|"
    r"rien\s+(?:d['’]autre|de\s+plus)\b|nada\s+(?:más|mas|mais)\b|nient['’]\s*altro\b|niente\s+(?:altro|di\s+più)\b|"
    r"(?:verder\s+)?niets\s+(?:anders|meer)\b|verder\s+niets\b",
    re.IGNORECASE,
)
_CLOSED = CLOSING


_INSTRUCTION = re.compile(
    r"(?:(?:and|then|plus)\s+)?(?:return|output|reply|respond|write|give|use|explain|add|include|provide|then|send|show|"
    r"list|keep|make|summari[sz]e|extract|answer|explain|justify|cite|suggest|recommend|note|mention|offer|draft|"
    r"propose|state|quote|highlight|point|ask|escalate|route|forward|assign|flag|say|tell|describe|responde|devuelve|gib|antworte|"
    r"réponds|donne|responda|retorne|"
    # ("alta, media o baja, y escribe una respuesta breve": the next task in the brief's language)
    r"escribe|redacta|añade|indica|explica|resume|écris|rédige|ajoute|indique|explique|résume|escreva|redija|"
    r"adicione|explique|resuma|scrivi|aggiungi|indica|spiega|riassumi|schreib|schreibe|ergänze|erkläre|fasse|"
    r"schrijf|voeg|geef|leg|vat)\b",
    re.IGNORECASE,
)


class FoundLabels(NamedTuple):
    """A label set and where it is stated."""

    values: list[str]
    multi: bool
    start: int
    end: int


_FOREIGN_ONE_OF = re.compile(
    r"^(?:(?:une?\s+)?(?:seule?\s+)?parmi|l['’]une?\s+(?:de|des)|(?:genau\s+|nur\s+)?(?:eins|einer|eine)\s+(?:von|aus)|"
    r"(?:s[oó]lo\s+)?un[oa]\s+(?:de|tra|fra|sola\s+tra)|(?:apenas\s+)?um[a]?\s+de|(?:precies\s+)?(?:één|een)\s+van|"
    r"exactly\s+one\s+of)\s*:?\s+(?=\S)",
    re.IGNORECASE,
)


def clean_item(item: str) -> str:
    # "TAG: <one of SUPPORT_REQUEST, …, OTHER>": the slot's angle brackets and its "one of" are no part of a label
    item = re.sub(r"^<\s*(?:one\s+of\s*:?\s*)?|>$", "", item.strip(), flags=re.IGNORECASE)
    item = item.strip().strip("\"'“”‘’`*[]").strip()
    item = re.sub(r"^(?:a|an|the|either)\s+", "", item, flags=re.IGNORECASE)
    # "flags: only from ID_DOCUMENT, BANK_CARD, …": "only from" says where the values come from, it is no label
    item = re.sub(r"^(?:only\s+(?:from|one\s+of)|one\s+of)\s*:?\s+(?=\S)", "", item, flags=re.IGNORECASE)
    # "une seule parmi DEGAT_DES_EAUX", "genau eins von A", "uno de ACOSO": the lead-in says "one of", no label
    item = _FOREIGN_ONE_OF.sub("", item)
    if re.fullmatch(r"[A-Z][A-Z0-9_]*\?", item):
        return item  # "REFUND?": an upper-case code that ends in a question mark is spelt that way on purpose
    return re.sub(r"[.!?]+$", "", item).strip().strip("\"'“”‘’`*")


MAX_LABEL_WORDS = 4  # "à traiter cette semaine"


_ASIDE = re.compile(r"\s*(?:\([^()]*\)|（[^（）]*）)")  # ("SPAM（宣伝、外部サイトへの誘導）": a full-width aside too)
# In a comma list an unspaced slash belongs to the label ("area/api"); a spaced one (" / ") still separates.
_SPLIT_NO_SLASH = re.compile(_SPLIT.pattern.replace(r"\||/|", r"\||\s/\s|"), re.IGNORECASE)


def split_items(text: str, *, last_trim: bool = True) -> list[str] | None:
    """Split "a, b or c" into ["a", "b", "c"]; None when it does not read as a short list of names.

    An aside after a label ("URGENT (same day)", "P1 (safety risk)") describes it and is not part of its name; in a
    comma list a slash belongs to the label ("area/api, kind/bug").
    """
    text = _ASIDE.sub("", text) if not text.lstrip().startswith("(") else text
    raw = (_SPLIT_NO_SLASH if "," in text else _SPLIT).split(text.strip())
    items = [clean_item(item) for item in raw]
    if last_trim and items:
        if _joined_instruction(text, items[-1]):
            items.pop()  # "PASS or FAIL and explain in one sentence": the list ends before the instruction
        elif items:
            items[-1] = clean_item(_TRAILING.sub("", items[-1]))
    # "sales, support or partnerships and nothing else": the closing words only stress that the set is closed.
    items = [item for item in items if item and item.lower() not in {"etc", "etc."} and not _CLOSED.match(item)]
    # "hot / warm / cold and return JSON", "warm, curt or rude, and suggest a fix": the list ends where an
    # instruction starts. A single word ("FLAG", "escalate") may well be a label itself.
    cut = next((i for i, item in enumerate(items) if _INSTRUCTION.match(item) and " " in item), len(items))
    items = items[:cut]
    if len(items) < 2 or len(items) > 30:
        return None
    letters = all(re.fullmatch(r"[A-Z]", item) for item in items)  # "A, B, C or D": answer letters
    if any(
        len(item.split()) > MAX_LABEL_WORDS or (item.lower() in _NOT_LABELS and not letters) or len(item) > 40
        for item in items
    ):
        return None
    if len({item.lower() for item in items}) != len(items):
        return None
    return items


def _joined_instruction(text: str, last: str) -> bool:
    """Whether a list's last piece is an instruction joined by "and"/"then" ("… and explain in one sentence")."""
    if " " not in last or not _INSTRUCTION.match(last):
        return False
    return re.search(rf"\s(?:and|then|und|dann|et|puis|y|e|luego|depois)\s+{re.escape(last)}", text, re.I) is not None


def list_extent(text: str, start: int) -> int:
    """Where a list that starts at `start` ends: the end of the clause or a closing parenthesis."""
    # ', written as "Tone: <label>"' says how the label is written; it is not one more label.
    boundary = re.compile(
        # "billing, tech or other and urgency is low, medium or high": a new clause about another field
        r",?\s+and\s+(?:the\s+)?[A-Za-z_][\w-]*\s+(?:is|are|must\s+be|should\s+be)\s|"
        r",?\s+(?:and\s+|then\s+)?\(\d{1,2}\)\s|[.;:!?)\n](?:\s|$)|[.;!?)\n]$|\s[-–—]\s|\s(?:based|depending|according|using|so\s+that)\b|"
        r",\s+(?:written|formatted|shown|printed|given|prefixed|spelled|in\s+the\s+form)\b|"
        # "…, OTHER and pull out the plot number": the next task, joined by "and", ends the list
        r"\s(?:and|then)\s+(?=(?:pull|extract|give|write|add|return|include|note|copy|list|explain|draft|suggest)"
        r"\s+(?:out\s+)?(?:the|a|an|any|their|its|it|them|one)\b)"
    )
    match = boundary.search(text, start)
    return match.start() if match else len(text)


CODE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")
_FULL_WIDTH_ASIDE = re.compile(r"\s*（[^（）]*）\s*$")


def without_full_width_asides(values: list[str]) -> list[str]:
    """Labels without the full-width aside that describes them ("SPAM（宣伝、外部サイトへの誘導）" -> "SPAM"); the code
    in the aside when every aside holds one ("請求・支払い（BILLING）" -> "BILLING"); unchanged when the asides tell
    labels apart ("返金（全額）", "返金（一部）")."""
    if not any("（" in value for value in values):
        return values
    asides = [_FULL_WIDTH_ASIDE.search(value) for value in values]
    codes = [CODE.fullmatch(a.group(0).strip(" （）")) if a else None for a in asides]
    if all(code is not None for code in codes):
        return [code.group(0) for code in codes if code is not None]
    bare = [_FULL_WIDTH_ASIDE.sub("", value).strip() for value in values]
    return bare if len(set(bare)) == len(bare) else values
