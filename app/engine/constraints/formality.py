"""How to address the user: formal or informal ("sieze die Kunden", "vouvoyer", "de usted", 'the informal "du"',
"です・ます調", "用您"). Read as a tone constraint, with the brief's own form of address kept in its sentence."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.address_register import CONCESSIVE

# (register, pronoun the brief names, pattern). The earliest match in a clause wins (see find_formality).
_FORMS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (register, pronoun, re.compile(pattern, re.IGNORECASE))
    for register, pronoun, pattern in (
        ("formal", "Sie", r"\bsiez\w*|\b(?:per|mit|in\s+der|use|using)\s+[„\"']?Sie\b[\"'“]?(?:-Form)?|\bSie-Form\b"),
        ("informal", "du", r"\bduz\w*|\b(?:per|mit|in\s+der|use|using)\s+[„\"']?du\b|\bDu-Form\b|[\"“„']du[\"”“']"),
        ("formal", "vous", r"\bvouvoi\w*|\bvouvoy\w*|\b(?:le|en|au)\s+[«\"']?\s*vous\b"),
        ("informal", "tu", r"\btutoi\w*|\btutoy\w*|\btute[ao]\w*|\btutear\b|\b(?:le|de)\s+[«\"']?\s*tú?\b[»\"']?"),
        ("formal", "Lei", r"\b(?:dare|dai|dia|diamo|date|del)\s+(?:del\s+)?[«\"']?lei\b"),
        ("informal", "tu", r"\b(?:dare|dai|dia|diamo|date)\s+del\s+[«\"']?tu\b"),
        ("formal", "u", r"\bu-vorm\b|\bvousvoy\w*"),
        ("informal", "je", r"\b(?:je|jij)-vorm\b|\bjijen\b"),
        ("informal", "vosotros", r"[\"“']?\bvosotros\b[\"”']?"),
        ("formal", "usted", r"\b(?:de|con|por)\s+[\"']?usted(?:es)?\b|[\"“']usted(?:es)?[\"”']"),
        ("informal", "você", r"[\"“']você[\"”']|\bpor\s+[\"“']?você\b"),
        ("formal", "o senhor / a senhora", r"\bo\s+senhor\b|\ba\s+senhora\b"),
        ("formal", "です・ます", r"です・?ます調?|敬語|丁寧語"),
        ("informal", "タメ口", r"タメ口|くだけた"),
        ("formal", "您", r"用[“\"]?您[”\"]?|称呼[“\"]?您"),
        ("informal", "你", r"用[“\"]?你[”\"]?(?:称呼)?"),
        ("formal", "", r"\bformal\s+(?:address|register|form\s+of\s+address|you)\b|\baddress\s+\w+\s+formally\b"),
        ("informal", "", r"\binformal\s+(?:address|register|form\s+of\s+address|you)\b|\baddress\s+\w+\s+informally\b"),
    )
)
# 'use the informal "du"', 'formal "Sie"': the register word beside the pronoun in an English brief.
_NAMED = re.compile(r"\b(?P<register>formal|informal|polite)\s+[\"“'«]?(?P<pronoun>\w+)[\"”'»]?", re.IGNORECASE)
_PRONOUNS = frozenset({"du", "sie", "tu", "vous", "tú", "usted", "você", "you"})


# Substrings without which no form of address is named: a cheap test before the patterns.
_KEYS = (
    "sie", "du", "vous", "vosotros", "vouvo", "tutoi", "tutoy", "tute", "tú", "tu ", "usted", "você", "senhor",
    "senhora", "lei", "vorm", "jijen",
    "です", "ます", "敬語", "丁寧", "タメ", "くだけ", "您", "你", "formal",
)  # fmt: skip


class FoundFormality(NamedTuple):
    """The register (formal or informal), the pronoun the brief names (may be empty), and its extent."""

    register: str
    pronoun: str
    start: int
    end: int


def find_formality(text: str) -> FoundFormality | None:
    """The form of address one clause asks for, if any."""
    lowered = text.lower()
    if not any(key in lowered for key in _KEYS):
        return None
    for named in _NAMED.finditer(text):
        if named.group("pronoun").lower() not in _PRONOUNS or _conceded(text, named.start()):
            continue
        register = "formal" if named.group("register").lower() in ("formal", "polite") else "informal"
        return FoundFormality(register, named.group("pronoun"), named.start(), named.end())
    found: list[FoundFormality] = []
    for register, pronoun, pattern in _FORMS:
        for match in pattern.finditer(text):
            if _NEGATED.search(text[max(0, match.start() - 14) : match.start()]):
                continue  # 'nada de "ustedes"', 'nicht siezen', 'pas de vous': the form ruled out
            if _CJK_NEGATED_AFTER.match(text, match.end()):
                continue  # "敬語じゃなくて、やさしめのタメ口で": the form ruled out, the next one asked for
            if _conceded(text, match.start()):
                continue  # "Du-Form, auch wenn jemand siezt": the user's form, which the rule overrides
            # "Duitse u-vorm (Sie)": the pronoun the brief names in brackets is the one to use
            named_after = _BRACKETED_PRONOUN.match(text, match.end())
            pronoun = named_after.group(1) if named_after else pronoun
            found.append(FoundFormality(register, pronoun, match.start(), match.end()))
            break
    # One form per register at most; when a clause names both ways, the one it asks for comes first
    return min(found, key=lambda form: form.start) if found else None


_BRACKETED_PRONOUN = re.compile(r"\s*\(\s*[«\"']?(Sie|du|vous|tu|usted|tú|vosotros|Lei|u|je|jij)[»\"']?\s*\)")


def _conceded(text: str, start: int) -> bool:
    """Whether a form named at `start` is the user's ("auch wenn jemand siezt"), which the rule overrides."""
    return CONCESSIVE.search(text[max(0, start - 40) : start]) is not None


_CJK_NEGATED_AFTER = re.compile(
    r"\s*(?:は|で|調)?(?:じゃなくて|じゃなく|ではなく(?:て)?|でなく|を使わず)|\s*(?:は|調は)(?:使わない|不要|禁止)"
)
# 'nada de "ustedes"', 'Nada de usted' (the pattern itself may start at "de"), 'nicht siezen': a form ruled out
_NEGATED = re.compile(r"\b(?:nada(?:\s+de)?|no|nunca|sin|ni|nicht|kein\w*|pas\s+de|jamais|não|never|not)\s*$", re.I)


def describe_formality(register: str, pronoun: str, scope: str | None = None) -> str:
    """The imperative sentence: "Use the formal form of address («Sie») throughout."; it fits a chat reply and a
    translation alike. A scope the brief gives keeps the form where it holds ("in the drafts to the parents")."""
    form = f" ({_quoted(pronoun)})" if pronoun else ""
    return f"Use the {register} form of address{form} {scope or 'throughout'}."


def _quoted(word: str) -> str:
    """A form of address in quotation marks that fit its script: 「です・ます」, «Sie»."""
    if any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in word):
        return f"「{word}」"
    return f"«{word}»"
