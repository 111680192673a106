"""A reply language with cases: the default and the languages the reply switches to.

"Answer in English, but if they write in German, answer in German", "Reply in English; if the customer writes in
Spanish, reply in Spanish", "Default to English. Switch to French when the user does", "Use English unless the user
writes Dutch", "Responde en español salvo que el cliente escriba en inglés, entonces en inglés", "Antwoord in het
Nederlands, tenzij iemand Engels schrijft; dan in het Engels", "Answer in the language the user writes in (default
English)". The clause readers see one clause at a time and keep the default alone ("Always reply in English"); this
reads the whole sentence (and the one beside it) and states the rule with its cases, once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from app.engine.constraints.clause_readers import Field
from app.engine.constraints.language import (
    CASE_ONLY_NAMES,
    LATIN_NAME_LIST,
    LATIN_NAMES,
    MIRROR,
    USER_LANGUAGE,
    find_language,
    lookup,
)
from app.engine.constraints.model import BriefSpan, Constraint
from app.engine.fastre import Twins, is_plain, prefiltered

# (with the names that are also common words, "Pools": after a writing verb they can only be the case's language)
_LANG = rf"(?:{LATIN_NAMES}|{'|'.join(CASE_ONLY_NAMES)})"
_PREP = r"(?:(?:in|en|em|auf|op|na|no|in\s+het)\s+)?"
_ARTICLE = r"(?:het\s+|l['’]|el\s+|o\s+|the\s+)?"
# "in English or German", "en inglés o en alemán", "Englisch oder Französisch", "in French, German or Dutch" (a comma
# joins only a list that ends in "or": "si escriben en inglés, en inglés" is the case and its reply)
_OR = r"\s*(?:/|\bor\b|\bo\b|\boder\b|\bou\b|\bof\b)\s*"
_LANGS = rf"{_LANG}(?:(?:\s*,\s*{_PREP}{_LANG})*{_OR}{_PREP}{_LANG})?"
# ("s'il écrit en anglais", "s'ils écrivent": the French "if" elided before "il")
_IF = (
    r"if|when|whenever|should|s['’]ils?|s['’]elles?|si|cuando|wenn|falls|sobald|lorsque|quand|se|quando|als|"
    r"wanneer|indien|zodra"
)
# A case that needs no reply of its own: "unless they write Dutch" means the reply is then in Dutch.
_UNLESS = (
    r"unless|except\s+(?:if|when)|salvo\s+(?:si|que|cuando|se)|excepto\s+(?:si|que|cuando)|a\s+menos\s+que|"
    r"au(?:ß|ss)er\s+(?:wenn|falls)|es\s+sei\s+denn|sauf\s+(?:si|quand|lorsque|s['’]ils?)|à\s+moins\s+qu(?:e|['’])|"
    r"exceto\s+(?:se|quando)|a\s+não\s+ser\s+que|tranne\s+(?:se|quando)|a\s+meno\s+che(?:\s+non)?|tenzij|"
    r"behalve\s+(?:als|wanneer)|"
    # the bare word, when a writing verb follows ("außer jemand schreibt auf Englisch, dann auf Englisch")
    r"au(?:ß|ss)er"
)
# What the user does in the language of the case (the subjunctive after "salvo que", "sauf si", "a não ser que" too)
_WRITES = (
    r"write|writes|wrote|writing|speak|speaks|message|messages|text|texts|contact|contacts|"
    r"escribe|escriben|escriba|escriban|habla|hablan|hable|hablen|se\s+dirige|escriu|escriuen|escrigui|"
    r"schreibt|schreiben|spricht|sprechen|écrit|écrivent|écrive|parle|parlent|"
    r"escreve|escrevem|escreva|escrevam|escrever|escreverem|fala|falam|fale|falem|"
    r"scrive|scrivono|scriva|scrivano|parla|parlano|parli|schrijft|schrijven|spreekt|spreken|"
    # "if the message is in German", "si el correo viene en inglés", "se a mensagem vier em inglês"
    r"(?:is|are|comes|arrives|está|están|viene|vienen|llega|llegan|ist|kommt|est|arrive|vem|vier|vierem|chega|è|"
    r"arriva)(?:\s+(?:written|escrit[oa]s?|geschrieben|écrite?s?|scritt[oa]|geschreven))?"
)
_CASE = re.compile(
    rf"\b(?P<opener>{_UNLESS}|{_IF})\b(?P<who>[^.;:\n]{{0,50}}?)\b(?:{_WRITES})\b\s*(?:(?:to\s+)?(?:us|you)\s+)?{_PREP}{_ARTICLE}"
    rf"(?P<langs>{_LANGS})\b|"
    # German and Dutch put the verb last: "wenn jemand Englisch schreibt", "als iemand in het Engels schrijft"
    rf"\b(?P<opener2>wenn|falls|sobald|als|wanneer|indien|zodra|tenzij|behalve\s+als|au(?:ß|ss)er\s+wenn|"
    rf"es\s+sei\s+denn)\s+(?P<who2>(?:[\w'’]+\s+){{0,4}}?)(?:(?:in\s+het|auf|in)\s+)?(?P<langs2>{_LANGS})\s+"
    r"(?:schrijft|schrijven|spreekt|spreken|schreibt|schreiben|spricht|sprechen)\b|"
    # ... or first, with no "als" / "wenn", opening the sentence or clause: "Schrijft iemand in het Engels of Pools,
    # antwoord dan in die taal", "Schreibt jemand auf Englisch, antworte auf Englisch"
    r"(?:(?<=^)|(?<=[.;:!?\n(])|(?<=[.;:!?\n(-] )|(?<=[.;:!?\n]  ))"
    r"(?P<v1>schrijft|schrijven|spreekt|spreken|schreibt|schreiben|spricht|sprechen)\s+"
    rf"(?P<who4>(?:[\w'’]+\s+){{0,4}}?)(?:(?:in\s+het|auf|in)\s+)?(?P<langs4>{_LANGS})\b|"
    # "Switch to French when the user does", "Cambia al inglés si el cliente escribe en inglés"
    rf"\b(?P<switch>switch|change|cambia|pasa|wechsle|wechselt|passe|passez|bascule|muda|passa|schakel|wissel)\w*\s+"
    rf"(?:over\s+)?(?:to|a|al|zu|auf|ins|à|en|em|para|in|naar|op)\s+{_ARTICLE}(?P<langs3>{_LANGS})\b"
    rf"(?=[^.;\n]{{0,60}}?\b(?:{_IF}|as\s+soon\s+as)\b)",
    re.IGNORECASE,
)
_CASE = prefiltered(_CASE)  # the same matches, found sooner (see app.engine.fastre); one copy of 226 KB kept, not two
_CASE_TWINS = Twins(_CASE)
_ASSISTANT = re.compile(r"\b(?:you|tú|du|vous|tu|jij|je)\b", re.IGNORECASE)
# "si on vous écrit", "wenn man dir schreibt", "if someone writes you": a pronoun after a subject and just before the
# verb is its object, the user writing to the assistant
_OBJECT_PRONOUN = re.compile(r"^\s*(?:[\w'’]+\s+){1,3}(?:vous|dir|je|jou|you)\s*$", re.IGNORECASE)
_UNLESS_OPENER = re.compile(rf"(?:{_UNLESS})$", re.IGNORECASE)
_ONE_LANG = re.compile(rf"\b{_LANG}\b", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_NAME_SET = frozenset((*LATIN_NAME_LIST, *CASE_ONLY_NAMES))
# "…, contesta en su idioma", "…, reply in their language", "…, antworte in seiner Sprache": the case's own language
_THEIRS = re.compile(
    r"\b(?:their|his\s+or\s+her|the\s+same|that|this|su|sua|seiner|ihrer|deren|sa|leur|hun|dezelfde|la\s+misma|"
    r"el\s+mismo|dieselbe|derselben|la\s+même|a\s+mesma|o\s+mesmo|la\s+stessa|quella|essa|esa|ese|dieser|"
    # "antwoord dan in die taal", "réponds dans cette langue", "responde nessa língua", "nella loro lingua"
    r"die|deze|diezelfde|cette|ce|loro|questa|nessa|nesse|nesta|neste|naquela|naquele|dessa|desse|esta|este|"
    r"aquella|aquel|jener|jenen|"
    # the definite article, once a case names the language: "wenn jemand auf Türkisch schreibt: in der Sprache
    # antworten", "si escriben en catalán, responde en la lengua"
    r"der|la)\s+"
    r"(?:own\s+)?(?:language|idioma|lengua|sprache|langue|língua|lingua|taal)\b|\bin\s+kind\b",
    re.IGNORECASE,
)
# "; then reply in English", "; entonces en inglés", "; dan in het Engels": the case's reply after a semicolon
_THEN = re.compile(
    r"\s*(?:and\s+)?(?:then|entonces|dann|alors|ent[ãa]o|allora|dan|in\s+that\s+case|en\s+ese\s+caso|"
    r"in\s+diesem\s+fall|dans\s+ce\s+cas|nesse\s+caso|in\s+quel\s+caso|in\s+dat\s+geval)\b",
    re.IGNORECASE,
)
# "…, otherwise English", "…, anders in het Engels", "sinon en anglais": the default, named after the case
_OTHERWISE = re.compile(
    r"\b(?:otherwise|else|in\s+all\s+other\s+cases|if\s+not|anders|sonst|ansonsten|sinon|autrement|si\s+no|se\s+non|"
    r"de\s+lo\s+contrario|"
    r"en\s+otro\s+caso|senão|caso\s+contrário|altrimenti|in\s+alle\s+andere\s+gevallen)\b[\s,:]*(?:(?:always\s+)?"
    r"(?:reply|answer|respond|write|use|responde|contesta|antworte|antwoord|réponds|répondez|responda|rispondi)\w*\s+)?"
    rf"{_PREP}{_ARTICLE}(?P<lang>{_LANG})\b",
    re.IGNORECASE,
)
# "Default to English", "English by default", "(default English)", "Use English unless …", "por defecto en inglés"
_DEFAULT = re.compile(
    r"\b(?:default(?:s|ing)?(?:\s+(?:language\s+)?(?:to|is|=|:))?|by\s+default,?\s+(?:reply\s+|answer\s+|write\s+)?in|"
    r"por\s+defecto,?\s+(?:en\s+)?|por\s+omisión\s+(?:en\s+)?|standardmäßig\s+(?:auf\s+)?|"
    r"par\s+défaut,?\s+(?:en\s+)?|por\s+padrão,?\s+(?:em\s+)?|di\s+default\s+(?:in\s+)?|standaard\s+(?:in\s+het\s+)?|"
    # "if you can't tell, English", "im Zweifel auf Deutsch": the language when the user's cannot be told
    r"if\s+(?:you(?:'re|\s+are)\s+)?(?:unsure|not\s+sure|in\s+doubt)|if\s+you\s+(?:can(?:no|['’])t|cannot)\s+tell|"
    r"en\s+caso\s+de\s+duda|im\s+zweifel|dans\s+le\s+doute|na\s+dúvida|in\s+caso\s+di\s+dubbio|bij\s+twijfel)"
    rf"[\s,:]*(?:(?:reply|answer|use)\s+)?{_PREP}{_ARTICLE}(?P<lang>{_LANG})\b|"
    rf"\b(?P<lang2>{_LANG})\s+(?:by\s+default|as\s+(?:the\s+)?default|por\s+defecto|standardmäßig|par\s+défaut|"
    r"por\s+padrão|di\s+default|als\s+standaard)\b",
    re.IGNORECASE,
)
# "Use English unless the user writes Dutch": a plain default beside a case (beside the user's own language, "use
# English for product names" is no default)
_USE = re.compile(rf"\b(?:use|stick\s+(?:to|with)|stay\s+in)\s+{_ARTICLE}(?P<lang>{_LANG})\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")


class LanguageCases(NamedTuple):
    """A reply language with cases, read from one field's text."""

    default: tuple[str, str] | None
    """(English name, ISO code) of the reply language when no case holds; None when the text names none."""
    switches: tuple[tuple[str, str], ...]
    """(the language the user writes in, the reply's language), English names."""
    mirror: bool
    """The reply follows the user's own language (`default` when it cannot be told), whatever it is."""
    start: int
    end: int


def _sentence(text: str, at: int) -> tuple[int, int]:
    """[start, end) of the sentence holding position `at` (a full stop inside brackets ends none)."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, at):
        start = match.end()
    depth, end = 0, len(text)
    for index in range(at, len(text)):
        char = text[index]
        depth += (char == "(") - (char == ")" and depth > 0)
        if char == "\n" or (depth == 0 and char in ".!?" and (index + 1 == len(text) or text[index + 1].isspace())):
            end = index
            break
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _names(langs: str) -> list[tuple[str, str]]:
    found = [lookup(m.group(0)) for m in _ONE_LANG.finditer(langs)]
    return list(dict.fromkeys(f for f in found if f is not None))


def _case_reply(text: str, at: int, end: int) -> tuple[int, tuple[str, str] | str | None]:
    """Where the case's reply ends and what it is: a language, "theirs" (the case's own language) or None."""
    stop = text.find(";", at, end)
    if stop >= 0 and _THEN.match(text, stop + 1):
        stop = text.find(";", stop + 1, end)  # "…; dan in het Engels": the case's reply, after its semicolon
    clause_end = stop if stop >= 0 else end
    theirs = _THEIRS.search(text, at, clause_end)
    named = next((m for m in _ONE_LANG.finditer(text, at, clause_end) if not _after_otherwise(text, m.start())), None)
    if named is not None and (theirs is None or named.start() < theirs.start()):
        return named.end(), lookup(named.group(0))
    if theirs is not None:
        return theirs.end(), "theirs"
    return at, None


_OTHERWISE_WORD = re.compile(
    r"\b(?:otherwise|else|if\s+not|anders|sonst|ansonsten|sinon|senão|altrimenti|si\s+no|se\s+non)\b[^.;\n]{0,20}$",
    re.IGNORECASE,
)


def _after_otherwise(text: str, at: int) -> bool:
    """Whether the language name at `at` is the default an "otherwise" gives ("…, otherwise English")."""
    return _OTHERWISE_WORD.search(text, max(0, at - 30), at) is not None


def _trailing_reply(text: str, start: int, opener: int, langs: list[tuple[str, str]]) -> int | None:
    """Where a reply in the case's own language starts, said just before an "if" ("Reply in Portuguese if they write
    in Portuguese", "Antwoord in het Nederlands als de patiënt Nederlands schrijft")."""
    before = text[start:opener]
    found = find_language(before)
    if found is None or found.code is None or before[found.end :].strip(" ,"):
        return None
    return start + found.start if any(code == found.code for _, code in langs) else None


class _Default(NamedTuple):
    language: tuple[str, str]
    start: int
    end: int


def _default_in(text: str, start: int, end: int, exclude: set[tuple[str, str]], said: bool = True) -> _Default | None:
    """The default reply language stated in text[start:end] (the case masked out), and where it is said (`said`:
    a plain reply language counts, "Answer in English, but …", besides "by default", "otherwise" and the like)."""
    piece = text[start:end]
    for match in (*_OTHERWISE.finditer(piece), *_DEFAULT.finditer(piece), *(_USE.finditer(piece) if said else ())):
        found = lookup(match.group("lang") or match.groupdict().get("lang2") or "")
        if found is not None and found not in exclude:
            return _Default(found, start + match.start(), start + match.end())
    plain = find_language(piece) if said else None
    if plain is not None and plain.code is not None and (plain.name, plain.code) not in exclude:
        return _Default((plain.name, plain.code), start + plain.start, start + plain.end)
    return None


def _default_beside(text: str, start: int, end: int, exclude: set[tuple[str, str]]) -> _Default | None:
    """The default stated in the sentence after ("Otherwise English.") or before ("Default to English. Switch to
    French when the user does.") the case's."""
    if end < len(text) and text[end] != "\n":
        after = _sentence(text, end + 1)
        otherwise = _OTHERWISE.match(text, after[0])
        found = lookup(otherwise.group("lang")) if otherwise is not None else None
        if found is not None and found not in exclude:
            return _Default(found, after[0], otherwise.end() if otherwise is not None else after[1])
    before = _sentence(text, max(0, start - 2)) if start > 0 else None
    if before is None or before[1] > start or "\n\n" in text[before[1] : start] or _CASE.search(text, *before):
        return None
    return _default_in(text, before[0], before[1], exclude)


def _says_more(text: str, default: _Default) -> bool:
    """Whether the sentence of a default said beside the case says more than the language ("Antwoord in eenvoudig
    Nederlands (taalniveau B1)."): it then stays a rule of its own, for the level, and the case's rule takes only
    its own sentence ("Default to English." says nothing more and goes with it)."""
    start, end = _sentence(text, default.start)
    rest = text[start : default.start] + " " + text[default.end : end]
    return bool(re.sub(r"(?i)\b(?:always|only|please)\b", "", rest).strip(" \t-*•.;:,!?"))


def _one_case(text: str, match: re.Match[str]) -> LanguageCases | None:
    """The cases rule one condition match belongs to, if it sets a reply language."""
    who = match.group("who") or match.group("who2") or match.group("who4") or ""
    if _ASSISTANT.search(who) and not _OBJECT_PRONOUN.search(who):
        return None  # "if you write in English …": the assistant's own writing, no case of the user's
    langs = _names(
        match.group("langs") or match.group("langs2") or match.group("langs3") or match.group("langs4") or ""
    )
    if not langs:
        return None
    start, end = _sentence(text, match.start())
    opener = match.group("opener") or match.group("opener2") or ""
    rule_start, reply_end = match.start(), match.end()
    reply: tuple[str, str] | str | None = "theirs"
    if match.group("switch"):
        stop = text.find(";", match.end(), end)
        reply_end = stop if stop >= 0 else end  # "Switch to French when the user does": the switch and its case
    else:
        reply_end, reply = _case_reply(text, match.end(), end)
        trailing = _trailing_reply(text, start, match.start(), langs) if reply is None else None
        if trailing is not None:
            rule_start, reply_end, reply = trailing, match.end(), "theirs"
        elif reply is None and _UNLESS_OPENER.match(opener):
            reply_end, reply = match.end(), "theirs"  # "Use English unless the user writes Dutch"
        elif reply is None:
            return None  # "if they write in German, be extra polite": a case that keeps the language
    reply_in = reply[0] if isinstance(reply, tuple) else None  # (None: each case's own language)
    switches = tuple((name, reply_in or name) for name, _ in langs)
    # (by name: "Schwiizerdütsch" as the case, "Hochdeutsch" as the default, both German)
    exclude = set(langs)
    masked = text[:rule_start] + " " * (reply_end - rule_start) + text[reply_end:]
    default = _default_in(masked, start, end, exclude) or _default_beside(text, start, end, exclude)
    span_start, span_end = rule_start, max(reply_end, match.end())
    if default is not None and (start <= default.start < end or not _says_more(text, default)):
        span_start, span_end = min(default.start, span_start), max(default.end, span_end)
    # ("if someone writes in Portuguese, still answer in English": the default, or one language, in every case)
    kept = tuple(
        (case, to) for case, to in switches if (to != default.language[0] if default is not None else case == to)
    )
    if not kept:
        return None
    return LanguageCases(default.language if default else None, kept, False, span_start, span_end)


def _mirror_with_default(text: str) -> list[LanguageCases]:
    """ "Answer in the language the user writes in (default English)": the user's language, with a default."""
    found: list[LanguageCases] = []
    for mirror in MIRROR.finditer(text):
        start, end = _sentence(text, mirror.start())
        # (only a default said as one: "Answer in English or Spanish depending on the user" has none)
        default = _default_in(text, start, end, set(), said=False)
        if default is None and end < len(text) and text[end] != "\n":
            after = _sentence(text, end + 1)
            default = (
                _default_in(text, after[0], after[1], set(), said=False) if _DEFAULT.match(text, after[0]) else None
            )
        if default is not None and not any(c.start <= mirror.start() < c.end for c in found):
            found.append(LanguageCases(default.language, (), True, start, max(end, default.end)))
    return found


def find_language_cases(text: str) -> list[LanguageCases]:
    """Every reply-language rule with cases the text states, in order."""
    # (words looked up first: most briefs name no language, and a pattern of every name is slow to run)
    if _NAME_SET.isdisjoint(_WORD.findall(text.lower())):
        return []
    named = [m.start() for m in _WORD.finditer(text) if m.group(0).lower() in _NAME_SET]
    case_pattern = _CASE_TWINS.get(is_plain(text))
    sentences = dict.fromkeys(_sentence(text, at) for at in named)
    found: list[LanguageCases] = []
    for start, end in sentences:  # (a case names its language within its sentence)
        for match in case_pattern.finditer(text, start, end + 1):
            if any(c.start <= match.start() < c.end for c in found):
                continue  # a second case of a rule already read ("… in English or, if they write in French, …")
            case = _one_case(text, match)
            if case is not None:
                found.append(case)
    found.extend(m for m in _mirror_with_default(text) if not any(c.start < m.end and m.start < c.end for c in found))
    return _merged(sorted(found, key=lambda c: c.start))


def _merged(found: list[LanguageCases]) -> list[LanguageCases]:
    """Cases of one rule read one by one ("responde en castellano; si te escriben en catalán, en catalán; si escriben
    en inglés, en inglés"), as one rule: the same default, spans that overlap, every case kept."""
    out: list[LanguageCases] = []
    for case in found:
        last = out[-1] if out else None
        if last is None or last.mirror or case.mirror or last.default != case.default or case.start >= last.end:
            out.append(case)
            continue
        cases = {user for user, _ in last.switches}
        switches = last.switches + tuple(s for s in case.switches if s[0] not in cases)
        out[-1] = LanguageCases(last.default, switches, False, last.start, max(last.end, case.end))
    return out


def _either(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def describe_cases(default: str, switches: tuple[tuple[str, str], ...], mirror: bool) -> str:
    """The imperative sentence for a reply language with cases."""
    if mirror:
        return (
            "Reply in the same language the user writes in; when you cannot tell which language that is, "
            f"reply in {default}."
        )
    theirs = [case for case, to in switches if case == to]
    parts = []
    if theirs:
        reply = theirs[0] if len(theirs) == 1 else "that language"
        parts.append(f"when the user writes in {_either(theirs)}, reply in {reply}")
    others: dict[str, list[str]] = {}
    for case, to in switches:
        if case != to:
            others.setdefault(to, []).append(case)
    parts.extend(f"when the user writes in {_either(cases)}, reply in {to}" for to, cases in others.items())
    return f"Reply in {default} by default; {'; '.join(parts)}."


def _inside(span: BriefSpan | None, outer: BriefSpan) -> bool:
    """Whether the span lies within `outer`, but for white space, list marks and punctuation at either end."""
    if span is None or (span.field, span.index) != (outer.field, outer.index):
        return False
    head = span.text[: max(0, outer.start - span.start)]
    tail = span.text[len(span.text) - max(0, span.end - outer.end) :] if span.end > outer.end else ""
    return span.start < outer.end and outer.start < span.end and not (head + tail).strip(" \t\n-*•.;:,!?")


def _cases_constraint(case: LanguageCases, default: tuple[str, str], span: BriefSpan) -> Constraint:
    if case.mirror:
        return Constraint(
            kind="language", text=describe_cases(default[0], (), True), span=span, value=USER_LANGUAGE,
            values=[default[0]],
        )  # fmt: skip
    others = [to for _, to in case.switches if to != default[0]]
    return Constraint(
        kind="language", text=describe_cases(default[0], case.switches, False), span=span, value=default[0],
        code=default[1], values=list(dict.fromkeys(others)),
    )  # fmt: skip


def with_language_cases(
    fields: Iterable[Field], found: list[Constraint], own: Callable[[], tuple[str, str] | None]
) -> list[Constraint]:
    """The constraints with each reply-language rule with cases stated once, as one language constraint (`values`:
    the languages a case switches to): the plain language its clauses gave ("Always reply in English") and the
    brief's sentence as a rule of its own go. A case with no default in its sentence takes the one language the
    brief states elsewhere, or else `own()`, the (English name, code) of the language the brief is written in."""
    read = [(field, case) for field in fields for case in find_language_cases(field.text)]
    out = list(found)
    for field, case in read:
        span = field.span(case.start, case.end)
        codes = {named[1] for name, _ in case.switches if (named := lookup(name)) is not None}
        default = case.default
        if default is None:
            plain = [
                c for c in out
                if c.kind == "language" and c.code and c.value and not c.values and c.code not in codes
                and not _inside(c.span, span)
            ]  # fmt: skip
            stated = (plain[0].value or "", plain[0].code or "") if len(plain) == 1 else None
            default = stated or own()
            if default is None or default[1] in codes:
                continue  # "Reply in Portuguese if they write in Portuguese" alone: a case, and no default to keep
        out = [
            c for c in out
            if not (
                (c.kind == "language" and not c.values and (_inside(c.span, span) or c.code == default[1]))
                or (c.kind in ("requirement", "prohibition") and _inside(c.span, span))
            )
        ]  # fmt: skip
        out.append(_cases_constraint(case, default, span))
    return out


_MARKS = " \t\n-*•.;:,!?0123456789)"


def said_by_cases(constraints: Iterable[Constraint], task: str, start: int, end: int) -> bool:
    """Whether a reply-language rule with cases states the whole of the task's sentence [start, end) ("Responde en
    español salvo que el cliente escriba en inglés, entonces en inglés."): the rule says it once, in English."""
    return any(
        c.kind == "language" and c.values and c.span is not None and c.span.field == "task"
        and not (task[start : max(start, c.span.start)] + task[min(end, c.span.end) : end]).strip(_MARKS)
        for c in constraints
    )  # fmt: skip


OTHERWISE = _OTHERWISE
"""The default named after a case ("…, otherwise English", "si no, en castellano")."""
sentence_at = _sentence
