"""Length and count limits: "at most 3 sentences", "under 150 words", "2-3 bullets", "höchstens 100 Wörter", "3文以内".

`find_limits` is shared by extraction and the fidelity check (which reads the limits a prompt states).
"""

from __future__ import annotations

import re

from app.engine.constraints import parts
from app.engine.constraints.input_sizes import condition_on_input, unasked_size
from app.engine.constraints.limit_exceptions import without_exempt_limits
from app.engine.constraints.limit_numbers import (
    ASKED_COUNT,
    CJK_LIMIT,
    CORE,
    CORE_ITEMS,
    INPUT_SCOPE,
    LABELLED,
    Bound,
    FoundLimit,
    bounds,
    cue_before,
    number_starts,
    unit_of,
)
from app.engine.constraints.limit_outside import cjk_outside_scope, outside_scope
from app.engine.constraints.limit_scope import cjk_scope, limit_scope
from app.engine.constraints.model import Constraint, LimitUnit
from app.engine.constraints.non_limits import capped_counts, cjk_not_a_length, not_a_count, not_a_length
from app.engine.constraints.number_words import parse_number
from app.engine.constraints.scope_nouns import english_counted

# "Keep each meal description to 2 sentences": the scope sits between the cue and the number.
_EACH_INSIDE = re.compile(
    r"\b(?:each|every|per)\s+(?P<thing>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+(?:to|under|within|below)\s+$",
    re.IGNORECASE,
)


# Units that size text, which a limit "outside the table" can size ("at most 2 tips besides the table" is a count)
_SIZE_UNITS = frozenset({"words", "characters", "sentences", "tokens", "paragraphs"})
_AND_BEFORE = re.compile(r"\band\s+$")


def _rest_free(text: str, found: FoundLimit) -> bool:
    """A named part's limit whose sentence frees the rest, or a language version beside another language."""
    if found.scope is None or not found.scope.startswith("the ") or found.scope == INPUT_SCOPE:
        return False
    if found.scope.endswith(" version"):
        return parts.names_other_language(text, found.scope)
    return parts.releases(parts.sentence_of(text, found.start, found.end))


# ("righe CHECK per scheda", "lines NOTE per menu": a label, then what the count is per, or the clause's end)
_LABEL_AFTER_LINES = re.compile(
    r"""\s+["'“«]?(?P<label>[A-Z][A-Z_]{2,})\b["'”»]?(?!\s*:)"""
    r"(?=\s+(?:per|pro|par|por|each|for|in|at|di|de|du|van|pour|para|a|al)\b|\s*[.;)]?\s*$)"
)
_EMPHASIS = frozenset(
    {"TOTAL", "MAX", "MAXIMUM", "MIN", "MINIMUM", "ONLY", "EACH", "PER", "ALL", "NOT", "NO", "MORE", "LESS", "TOPS",
     "EXACTLY", "AND", "OR", "MAXIMAL", "MÁXIMO", "MASSIMO", "JUST", "PLEASE", "PLS", "ALWAYS", "NEVER", "STRICT",
     "HARD", "ABOUT", "APPROX", "OK", "FIRM", "LONG", "SHORT", "MAXI"}
)  # fmt: skip


_DELIVERABLES = re.compile(
    r"(?:options|variants|versions|ideas|suggestions|headlines|titles|captions|names|taglines|drafts|alternatives|"
    r"subject\s+lines|hooks|slogans|posts|tweets)"
)


def find_limits(text: str) -> list[FoundLimit]:
    """Every limit stated in `text`, in order of appearance."""
    found: list[FoundLimit] = []
    taken = -1
    for position in number_starts(text):
        if position < taken:
            continue
        match = CORE.match(text, position) or CORE_ITEMS.match(text, position)
        if match is None:
            continue
        n1 = parse_number(match.group("n1"))
        n2 = parse_number(match.group("n2")) if match.group("n2") else None
        if n1 is None or n1 <= 0 or not_a_count(text, position):
            continue
        taken = match.end()
        limit = _latin_limit(text, match, n1, n2, found)
        if limit is not None:
            found.append(limit)
    found.extend(_labelled_limits(text, found))
    found.extend(capped_counts(text, found))
    if not text.isascii():
        found.extend(_cjk_limits(text))
    found.sort(key=lambda f: (f.start, f.end))
    return without_exempt_limits(text, found)


def _latin_limit(
    text: str, match: re.Match[str], n1: int, n2: int | None, found: list[FoundLimit]
) -> FoundLimit | None:
    """The limit a number with its unit states (`found` holds the limits before it), or None when it states none."""
    position = match.start()
    unit, noun = unit_of(match, "u_")
    if not_a_length(text, position, match, unit, noun):
        return None
    if match.re is CORE_ITEMS:
        noun = text[match.end("n1") : match.end()].strip()
    kind, start = cue_before(text, position)
    if condition_on_input(text, start, position):
        return None
    if kind is None and (match.group("post_max") or match.group("post_min")):
        kind = "max" if match.group("post_max") else "min"
    # A bare "3 examples" or "5 points" is a count only when asked for ("give 3 examples").
    bare_count = unit == "items" or noun.lower().startswith(("point", "punto"))
    if kind is None and n2 is None and bare_count and not _asked(text, match, start, n1, noun, found):
        return None
    if kind is None and n2 is None and unasked_size(text, position):
        return None
    minimum, maximum, exact = bounds(kind, unit, n1, n2)
    previous = found[-1].unit if found else None
    inner = _EACH_INSIDE.search(text, start, position)
    outside = outside_scope(text, start, match.end()) if unit in _SIZE_UNITS else None
    scope = outside or (
        f"each {inner.group('thing').lower()}" if inner else limit_scope(text, start, match.end(), previous)
    )
    labelled_lines = _LABEL_AFTER_LINES.match(text, match.end()) if unit == "lines" else None
    if labelled_lines is not None and (
        kind == "min" or labelled_lines.group("label") in _EMPHASIS or labelled_lines.group("label").endswith("LY")
    ):
        labelled_lines = None  # "3 lines TOTAL", "2 lines MAX": emphasis, no label of lines
    if labelled_lines is not None:
        # "Al massimo 2 righe CHECK per scheda": a count of the lines that open with that label, not the reply's
        noun = f"{labelled_lines.group('label')} lines"
        return FoundLimit("lines", None, n1, None, start, labelled_lines.end(), noun, noun, capped=True)
    if unit == "items":
        noun = english_counted(noun)  # "8 Kommentare pro PR": the prompt counts comments
    limit = FoundLimit(unit, minimum, maximum, exact, start, match.end(), scope, noun)
    return limit._replace(rest_free=_rest_free(text, limit))


# "6 questions total", "5 Fragen insgesamt": a count said to be the total is the count asked for
_TOTAL_AFTER = re.compile(
    r"\s*(?:in\s+)?total\b|\s*insgesamt\b|\s*(?:en|au|no|in)\s+total[e]?\b|\s*in\s+totaal\b", re.IGNORECASE
)


def _asked(text: str, match: re.Match[str], start: int, n1: int, noun: str, found: list[FoundLimit]) -> bool:
    """Whether a bare count of things is asked for ("give 3 examples"), not just mentioned."""
    # "give 3 headlines … and 2 descriptions": a count joined to an asked one is asked too
    joined = any(f.exact is not None and f.unit == "items" for f in found) and _AND_BEFORE.search(text, 0, start)
    if joined or ASKED_COUNT.search(text, max(0, start - 40), start) or _TOTAL_AFTER.match(text, match.end()):
        return True
    # "ig captions for Moo-Less. 3 options, under 150 chars each": a spec fragment that opens with a count of
    # things to deliver asks for them
    return (
        n1 <= 20  # "120 questions, all about shipping": a size of the material, not a count to deliver
        and _DELIVERABLES.fullmatch(noun.lower()) is not None
        and text[max(0, start - 40) : start].rstrip()[-1:] in ("", ".", ";", ":", "(")
        and re.match(r"\s*(?:[,;]|$)", text[match.end() : match.end() + 4]) is not None
    )


def _labelled_limits(text: str, found: list[FoundLimit]) -> list[FoundLimit]:
    """ "word limit: 100", "max words: 100": limits stated as a label and its number, where no other limit is."""
    lowered = text.lower()
    if not any(key in lowered for key in (" limit", " count", " max", " cap")):
        return []
    labelled: list[FoundLimit] = []
    for match in LABELLED.finditer(text):
        word = match.group("unit_word").lower()
        unit_name = {"char": "characters"}.get(word, word + "s")
        n1 = int(match.group("n1"))
        if not any(f.start <= match.start() < f.end for f in found):
            labelled.append(FoundLimit(unit_name, None, n1, None, match.start(), match.end(), None, word))  # type: ignore[arg-type]
    return labelled


def _cjk_limits(text: str) -> list[FoundLimit]:
    """The limits stated in Chinese or Japanese ("3文以内", "不超过100字")."""
    found: list[FoundLimit] = []
    for match in CJK_LIMIT.finditer(text):
        n1 = parse_number(match.group("n1"))
        n2 = parse_number(match.group("n2")) if match.group("n2") else None
        if n1 is None or n1 <= 0 or parts.cjk_ordinal(text, match.start()):
            continue  # "第一句必须写型号": the first sentence's content, not a count of sentences
        unit, noun = unit_of(match, "c_")
        cjk_kind: Bound | None = None
        if match.group("pre_max") or match.group("post_max"):
            cjk_kind = "max"
        elif match.group("pre_min") or match.group("post_min"):
            cjk_kind = "min"
        if cjk_not_a_length(text, match, unit, cjk_kind, n1, n2):
            continue
        if unit == "items":
            noun = "entries"  # "最多15条": 条 counts entries of any kind (rows, suggestions, points)
        minimum, maximum, exact = bounds(cjk_kind, unit, n1, n2)
        outside = cjk_outside_scope(text, match.start()) if unit in _SIZE_UNITS else None
        scope = outside or cjk_scope(text, match)
        limit = FoundLimit(unit, minimum, maximum, exact, match.start(), match.end(), scope, noun)
        found.append(limit._replace(rest_free=_rest_free(text, limit)))
    return found


_REST_FREE = "the rest of the reply is not limited by this"


def frees_rest(constraint: Constraint) -> bool:
    """Whether a limit on one part says the rest of the reply has no limit (its text says so)."""
    return constraint.kind == "limit" and constraint.text.endswith(f"{_REST_FREE}.")


# "up to 5 bullet points or 3 sentences", "either one sentence or up to 60 words", "3 Sätze oder 50 Wörter"
_OR_BETWEEN = re.compile(
    r"^\s*,?\s*(?:or|o|ou|oder|of|oppure|eller|lub)\s+(?:(?P<carry>up\s+to|at\s+most|max(?:imum)?\.?|hasta|"
    r"máximo|jusqu'à|au\s+plus|até|höchstens|bis\s+zu|fino\s+a)\s+)?$",
    re.IGNORECASE,
)


# "3 sentences or 50 words, whichever is shorter": both limits hold, the stricter wins; no choice between them.
_BOTH_APPLY = re.compile(
    r"\s*,?\s*(?:whichever|which\s?ever)\s+(?:is|comes)\s+(?:shorter|less|fewer|smaller|first|lower)\b|"
    r"\s*,?\s*(?:lo\s+que\s+sea\s+menos|je\s+nachdem\s+was\s+kürzer)",
    re.IGNORECASE,
)


_ENGLISH_OF = re.compile(r"^\s*,?\s*of\s", re.IGNORECASE)
_ENGLISH_NOUN = re.compile(
    r"(?:sentence|paragraph|line|bullet|point|item|word|character|char|token|message|section|page)s?\b", re.IGNORECASE
)


def alternatives(found: list[FoundLimit], text: str) -> list[tuple[int, int]]:
    """Index pairs of limits the brief offers as alternatives ("up to 5 bullet points or 3 sentences, whichever
    fits"): two limits on one scope joined by "or" only."""
    pairs = []
    for index in range(len(found) - 1):
        first, second = found[index], found[index + 1]
        joined = _OR_BETWEEN.match(text[first.end : second.start])
        if joined is not None and _ENGLISH_OF.match(joined.group(0)) and _ENGLISH_NOUN.match(first.noun):
            joined = None  # "one sentence of at most 25 words": the sentence's length (Dutch "3 zinnen of 50 woorden")
        if (
            first.scope == second.scope
            and first.unit != second.unit
            and joined
            and not _BOTH_APPLY.match(text, second.end)
        ):
            pairs.append((index, index + 1))
    return pairs


def carried_bound(first: FoundLimit, second: FoundLimit, text: str) -> FoundLimit:
    """The second of two alternatives with the bound the first states for both ("up to 5 bullets or 3 sentences":
    at most 3 sentences, not exactly 3)."""
    between = _OR_BETWEEN.match(text[first.end : second.start])
    carries = (between is not None and between.group("carry")) or (first.maximum is not None and first.exact is None)
    if second.exact is not None and carries:
        return second._replace(maximum=second.exact, exact=None)
    return second


def describe_either(first: FoundLimit, second: FoundLimit) -> str:
    """One sentence for two limits offered as alternatives: "Keep the reply to at most 5 bullets or at most 3
    sentences, whichever fits the request better."."""
    subject = first.scope or "the reply"
    return f"Keep {subject} to {_bound(first)} or {_bound(second)}, whichever fits the request better."


def _bound(limit: FoundLimit) -> str:
    def unit_word(count: int) -> str:
        return limit.unit[:-1] if count == 1 and limit.unit.endswith("s") else limit.unit

    if limit.exact is not None:
        return f"exactly {limit.exact} {unit_word(limit.exact)}"
    if limit.minimum is not None and limit.maximum is not None:
        return f"between {limit.minimum} and {limit.maximum} {limit.unit}"
    if limit.maximum is not None:
        return f"at most {limit.maximum} {unit_word(limit.maximum)}"
    return f"at least {limit.minimum} {unit_word(limit.minimum or 0)}"


# "items" in the brief's language ("no máximo 3 itens", "como máximo 3 elementos"): the plain unit, not a noun to keep
_GENERIC_ITEMS = frozenset(
    {"item", "items", "itens", "elemento", "elementos", "element", "elements", "élément", "éléments", "elementi",
     "elemente", "elementen"}
)  # fmt: skip


def describe_limit(
    unit: LimitUnit,
    minimum: int | None,
    maximum: int | None,
    exact: int | None,
    scope: str | None,
    noun: str | None = None,
    rest_free: bool = False,
) -> str:
    """The imperative sentence for a limit: "Keep the reply to at most 3 sentences."; counts of named things
    use their noun ("Give exactly 5 name ideas.")."""
    subject = scope if scope else "the reply"
    if scope == INPUT_SCOPE:
        # "the articles can be up to 5,000 words": what arrives, so the model expects it; nothing to keep short
        size = (
            f"exactly {exact}" if exact is not None
            else f"between {minimum} and {maximum}" if minimum is not None and maximum is not None
            else f"up to {maximum}" if maximum is not None
            else f"at least {minimum}"
        )  # fmt: skip
        return f"Expect inputs of {size} {unit}."
    if unit in ("items", "lines") and noun and scope == noun and maximum is not None:
        return f"Keep to at most {maximum} {noun}."
    if unit == "items" and noun and noun.lower() not in _GENERIC_ITEMS:
        target = f"{scope} " if scope else ""
        if exact is not None:
            return f"Give {target}exactly {exact} {noun}."
        if minimum is not None and maximum is not None:
            return f"Give {target}between {minimum} and {maximum} {noun}."
        if maximum is not None:
            return f"Give {target}at most {maximum} {noun}."
        return f"Give {target}at least {minimum} {noun}."

    def unit_word(count: int) -> str:
        return unit[:-1] if count == 1 and unit.endswith("s") else unit

    if exact == 1 and unit == "lines" and scope and scope.startswith("the ") and scope.endswith("s"):
        return f"Put {subject} on a single line."  # "the tags": several things on one line, not one line each
    if exact is not None:
        return (
            f"Make {subject} exactly {exact} {unit_word(exact)}."
            if scope
            else f"Reply in exactly {exact} {unit_word(exact)}."
        )
    if minimum is not None and maximum is not None:
        return f"Keep {subject} between {minimum} and {maximum} {unit}."
    if maximum is not None:
        rest = f"; {_REST_FREE}" if rest_free and scope else ""
        return f"Keep {subject} to at most {maximum} {unit_word(maximum)}{rest}."
    assert minimum is not None
    return (
        f"Make {subject} at least {minimum} {unit_word(minimum)} long."
        if unit in ("words", "characters", "tokens")
        else f"Write at least {minimum} {unit_word(minimum)}."
    )
