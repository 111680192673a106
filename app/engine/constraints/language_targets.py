"""The language a translation goes into ("Translate our Dutch texts into German", "vertalen naar het Duits",
"Target language: Portuguese") is the translation's, not the language its readers read: its rule says so ("Write
the translation in German.") and is scoped to the translation, so the prompt gives no reason about who reads it.

This is known where the language is read (the brief's own sentence names the translation), so the constraint carries
it from extraction: its text is the rule the prompt states word for word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import msgspec

from app.engine.constraints.clause_readers import Field
from app.engine.constraints.language import USER_LANGUAGE, lookup
from app.engine.constraints.model import Constraint

TRANSLATION_SCOPE = "the translation"
"""The scope of a language that is a translation's target."""

# A verb or noun of translating ("translate", "traduire", "übersetzen", "vertalen", "翻訳") or a label that names
# the target ("Target language:", "Zielsprache:", "langue cible", "idioma de destino", "doeltaal")
_TRANSLATION = re.compile(
    r"translat|tradu[cizçs]|tradott|übersetz|vertal|vertaal|翻訳|翻译|翻譯|译成|訳|"
    r"target\s+language|zielsprache|langue\s+cible|idioma\s+(?:de\s+)?destino|lingua\s+(?:di\s+)?destinazione|"
    r"l[íi]ngua\s+(?:de\s+)?destino|doeltaal",
    re.IGNORECASE,
)

# A reply written after the translation ("Translate … into English, then draft a reply in German"): the language
# after it is the reply's, whatever came before
_REPLY_BETWEEN = re.compile(
    r"\b(?:repl\w*|respond\w*|answer\w*|draft\w*|antwort\w*|beantwort\w*|r[ée]pond\w*|respond\w*|contest\w*|"
    r"rispond\w*|antwoord\w*|reageer\w*)\b|返信|回复|回覆|回答",
    re.IGNORECASE,
)

_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)|\n")


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding position `at` begins."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0


def translates_into(text: str, start: int, end: int) -> bool:
    """Whether the language at [start, end) of `text` is what its sentence translates into: a word of translating
    comes before it in the sentence, with no reply written in between."""
    begin = _sentence_start(text, start)
    # the brief's words for the language may open with the verb ("Translate our Dutch texts into German")
    cues = list(_TRANSLATION.finditer(text, begin, end))
    if not cues:
        return False
    cue = cues[-1]
    return _REPLY_BETWEEN.search(text, cue.end(), end) is None


# "into German, French and Italian", "ins Deutsche, Französische und Italienische": more targets after the first
_MORE_TARGETS = re.compile(
    r"(?:\s*,\s*(?:(?:and|und|et|y|e|en|or|oder|ou|o)\s+)?|\s+(?:and|und|et|y|e|en|or|oder|ou|o)\s+)"
    r"(?:(?:en|in|into|to|ins|al|em|para|naar)\s+)?(?:(?:the|das|le|l'|el|il|lo|het|o)\s+)?(?P<name>[^\W\d_]{3,20})|"
    # "翻译成英文和日文", "英語と中国語に翻訳": a CJK list, joined with 和/与/及/、/と/や
    r"\s*(?:和|与|與|及|跟|、|と|や|，)\s*(?P<cjk>[\u3040-\u30ff\u4e00-\u9fff]{2,4})",
    re.IGNORECASE,
)

_EACH_OF = re.compile(r"^Write a translation in each of (?P<listed>.+)\.$")


def translation_targets(rule: str) -> list[str]:
    """Every target language a translation rule of `translation_rule` names, in order ("German, French and
    Italian" -> three); one for a single target."""
    match = _EACH_OF.match(rule)
    if match is None:
        single = re.match(r"^Write the translation in (?P<name>.+)\.$", rule)
        return [single.group("name")] if single else []
    head, _, last = match.group("listed").rpartition(" and ")
    return [*head.split(", "), last]


def listed_languages(names: list[str]) -> str:
    """The languages as a list in prose: "German", "German and French", "German, French and Italian"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"


def translation_rule(language: str, more: Iterable[str] = ()) -> str:
    """The rule for a translation's target language (and any further targets listed with it)."""
    others = [name for name in more if name != language]
    if not others:
        return f"Write the translation in {language}."
    listed = ", ".join([language, *others[:-1]]) + f" and {others[-1]}"
    return f"Write a translation in each of {listed}."


def _target_at(match: re.Match[str]) -> tuple[str | None, int]:
    """The language one listed target names and where it ends (a CJK name is the longest known start of the run:
    "日文。" -> Japanese)."""
    if match.group("name"):
        found = lookup(match.group("name"))
        return (found[0] if found else None), match.end()
    run = match.group("cjk")
    for size in range(len(run), 1, -1):
        if (found := lookup(run[:size])) is not None:
            return found[0], match.start("cjk") + size
    return None, match.end()


def _more_targets(text: str, end: int) -> list[str]:
    """The further target languages listed right after the first ("…into German, French and Italian")."""
    names: list[str] = []
    at = end
    while (match := _MORE_TARGETS.match(text, at)) is not None:
        found, at = _target_at(match)
        if found is None:
            break
        names.append(found)
    return names


# "die Speisekarte auf Englisch", "our menus in English", "los textos en inglés", "em inglês": the language texts
# are wanted in, in a brief that translates; not a case ("if they write in English") nor a reply's language
_WANTED_IN = re.compile(
    r"\b(?:auf|in|en|em|in\s+het|into|ins|naar)\s+(?:(?:einfache[ms]?|simple|plain|sencillo|einfachem)\s+)?"
    r"(?P<name>[^\W\d_]{4,20})\b",
    re.IGNORECASE,
)
_NOT_WANTED_BEFORE = re.compile(
    r"\b(?:if|when|whenever|unless|already|si|cuando|wenn|falls|schon|bereits|quand|lorsque|déjà|se|quando|já|als|"
    r"wanneer|ya|write\w*|speak\w*|schreib\w*|sprech\w*|sprich\w*|escrib\w*|habl\w*|écri\w*|parl\w*|"
    r"escrev\w*|fal[ae]\w*|schrijf\w*|spreek\w*|"
    # ("Fachbegriffe nicht ins Englische übersetzen": what not to translate into)
    r"nicht|nie|niemals|kein\w*|niet|nooit|geen|never|not|pas|jamais|nunca|mai|não)\b",
    re.IGNORECASE,
)


def _wanted_target(fields: Iterable[Field]) -> Constraint | None:
    """The language a translation brief wants its texts in, said without a verb of translating beside it ("Wir
    brauchen die Speisekarte auf Englisch. … Nur die Übersetzung, bitte."), as the translation's target."""
    for field in fields:
        if field.name != "task" or _TRANSLATION.search(field.text) is None:
            continue
        wanted: list[tuple[tuple[str, str], re.Match[str]]] = []
        for match in _WANTED_IN.finditer(field.text):
            found = lookup(match["name"])
            begin = _sentence_start(field.text, match.start())
            before = field.text[begin : match.start()]
            if found is not None and not _NOT_WANTED_BEFORE.search(before) and not _REPLY_BETWEEN.search(before):
                wanted.append((found, match))
        # ("reçoit des répliques en italien et rend les surtitres en français": two languages, the source among them)
        if not wanted or len({found for found, _ in wanted}) > 1:
            return None
        (name, code), match = wanted[0]
        span = field.span(match.start(), match.end())
        return Constraint(
            kind="language", text=translation_rule(name), value=name, code=code, scope=TRANSLATION_SCOPE, span=span
        )
    return None


def _whole_field(c: Constraint, texts: Mapping[tuple[str, int | None], str]) -> bool:
    """Whether a constraint was read from its whole field (the language of the brief itself)."""
    span = c.span
    text = texts.get((span.field, span.index)) if span is not None else None
    return span is not None and text is not None and span.end - span.start >= len(text)


def _after(c: Constraint, wanted: Constraint) -> bool:
    """Whether `c` comes after `wanted`, a constraint read in the task (the task's constraints come first)."""
    return c.span is None or c.span.field != "task" or (wanted.span is not None and c.span.start > wanted.span.start)


def as_translation_targets(fields: Iterable[Field], found: list[Constraint]) -> list[Constraint]:
    """The constraints with each reply language that a translation's own sentence goes into stated as the
    translation's ("Write the translation in German."), scoped to it; with no language stated at all, the language a
    translation brief wants its texts in."""
    fields = list(fields)
    texts: dict[tuple[str, int | None], str] = {(field.name, field.index): field.text for field in fields}
    # (the language read for the whole task is the brief's own, no language the brief states)
    stated = [c for c in found if c.kind == "language" and not _whole_field(c, texts)]
    if not stated and (wanted := _wanted_target(fields)) is not None:
        found = [c for c in found if c.kind != "language"]
        at = next((i for i, c in enumerate(found) if _after(c, wanted)), len(found))
        return [*found[:at], wanted, *found[at:]]
    out: list[Constraint] = []
    for c in found:
        span = c.span
        text = texts.get((span.field, span.index)) if span is not None and c.kind == "language" else None
        # (a language with cases or the user's own is the reply's; one read for the whole task is the brief's own)
        plain = bool(c.value) and c.value != USER_LANGUAGE and not c.values and c.scope is None
        said = span is not None and text is not None and span.end - span.start < len(text)
        if plain and said and span is not None and text is not None and translates_into(text, span.start, span.end):
            rule = translation_rule(c.value or "", _more_targets(text, span.end))
            c = msgspec.structs.replace(c, text=rule, scope=TRANSLATION_SCOPE)
        out.append(c)
    return out
