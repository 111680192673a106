"""Finding the closed label set stated in one clause ("one of: a, b, c", "(spam/ham)", "either a or b", "Decide OK,
EDIT or BLOCK", "labels: A | B | C", numbered and quoted sets), each found set checked for plausibility."""

from __future__ import annotations

import itertools
import re

from app.engine.constraints import label_forms, label_shapes
from app.engine.constraints.label_cjk import find_cjk_labels
from app.engine.constraints.label_cues import CLASSIFY, LABEL_CONTEXT, LABEL_NOUNS, MULTI, ONE_OF
from app.engine.constraints.label_fields import LIST_CUE_WORDS, list_field_values, prefixed_line_labels
from app.engine.constraints.label_items import (
    CODE,
    MAX_LABEL_WORDS,
    FoundLabels,
    clean_item,
    list_extent,
    split_items,
    without_full_width_asides,
)
from app.engine.constraints.label_markers import marked_labels
from app.engine.constraints.label_pipes import PATH_CELL, piped_labels
from app.engine.constraints.label_plausibility import reads_as_labels
from app.engine.phrasing import VERBS

_INTRO = re.compile(
    rf"(?P<one_of>{ONE_OF})\s*:?\s*|(?P<noun>\b(?:{LABEL_NOUNS}))(?:\s+[^\W\d_]+)?\s*(?:(?:are|is|sind|son|sont|são)\b\s*:?|[:=–—])\s*"
    r"(?:(?:one\s+of|either)\b\s*:?\s*)?|"
    rf"(?P<classify>{CLASSIFY})\s*:?\s*|(?P<either>\b(?:either|entweder|soit|o\s+bien|ou(?=\s+[^,.;:]+\bou\b))\s+)",
    re.IGNORECASE,
)
_REPLY_WITH = re.compile(
    r"\b(?i:reply|respond|answer|output|return|say|write)\s+(?i:only\s+|just\s+)?(?i:with\s+)?(?i:either\s+)?"
    r"(?P<list>(?:\"[^\"]+\"|'[^']+'|“[^”]+”|`[^`]+`|[A-Z][A-Z_]+|[A-Z]\b)(?:\s*(?:,|/|\bor\b)\s*(?:or\s+)?"
    r"(?:\"[^\"]+\"|'[^']+'|“[^”]+”|`[^`]+`|[A-Z][A-Z_]+|[A-Z]\b))+)",
)
_PARENS = re.compile(r"\((?P<list>[^()]{2,120})\)")
_LIST_MARK = re.compile(r"[,/|;]|\s(?:or|and|oder|und|ou|et|o|u|y|e)\s", re.IGNORECASE)


_YES_NO = re.compile(
    r"\b(?:answer|reply|respond|output|return|say)\s+(?:only\s+)?(?:with\s+)?(?:either\s+)?"
    r"(?P<a>yes|no|true|false)\s+or\s+(?P<b>yes|no|true|false)\b",
    re.IGNORECASE,
)


# "Labels (pick exactly one): 1) OK 2) SPAM 3) HARASSMENT": an inline numbered list, numbered from 1.
# Numbered labels need words about labels right before them ("Labels (pick one):", "classify as one of:").
_NUMBERED_CUE = re.compile(
    rf"\b(?:{LABEL_NOUNS}|labels?|categor\w*|classif\w*|tags?|one\s+of|verdicts?|buckets?)\b[^.;]*$", re.IGNORECASE
)
_NUMBER_MARK = re.compile(r"(?:(?<=[\s:])|^)\(?(?P<n>\d{1,2})[.)](?=\s)")


def _numbered(text: str) -> FoundLabels | None:
    """A label set written as an inline numbered list after words about labels."""
    run: list[re.Match[str]] = []
    for mark in _NUMBER_MARK.finditer(text):
        if int(mark.group("n")) == len(run) + 1:
            run.append(mark)
        elif run:
            break
    if len(run) < 2 or not _NUMBERED_CUE.search(text[: run[0].start()]):
        return None
    bounds = [(a.end(), b.start()) for a, b in itertools.pairwise(run)]
    bounds.append((run[-1].end(), list_extent(text, run[-1].end())))
    items = [clean_item(re.sub(r"[,;]?\s*(?:and|or)?\s*$", "", text[a:b].strip())) for a, b in bounds]
    if any(not item or len(item.split()) > MAX_LABEL_WORDS or len(item) > 40 for item in items):
        return None
    if any(len(item.split()) > 1 and item.split()[0].lower() in VERBS for item in items):
        return None  # "1. read the email 2. decide urgency": steps, not labels
    if len({item.lower() for item in items}) != len(items):
        return None
    return FoundLabels(items, bool(MULTI.search(text)), run[0].start(), bounds[-1][1])


# '"Sentiment: POS", "Sentiment: NEG" or "Sentiment: MIXED"': one quoted line per label, sharing its prefix.
_PREFIXED = re.compile(
    r"[\"“](?P<prefix>[A-Za-z][\w -]{0,20}):\s*[^\"”<>]{1,30}[\"”]"
    r"(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:,\s*)?(?:or\s+)?[\"”“](?P=prefix):\s*[^\"”<>]{1,30}[\"”])+"
)
_PREFIXED_VALUE = re.compile(r"[\"“][^\"”:]+:\s*(?P<value>[^\"”]+)[\"”]")
# "Decide OK, EDIT or BLOCK": a verdict verb right before a list of upper-case names.
# "output: VERWIJDER of LATEN STAAN": a name may be two upper-case words, and "or" may be the brief's own word.
_UPPER_NAME = (
    r"[A-Z][A-Z_]+(?: (?!(?:AND|OR|OF|THE|THEN|TO|IN|ON|WITH|ONLY|FIRST|LAST|NOW|PLEASE|ALWAYS|NEVER|AGAIN|ALSO|"
    r"IF|WHEN|AS|FOR|AT|BY|ELSE|OTHERWISE|HERE|TOO|JUST|IS|ARE|BE)\b)[A-Z][A-Z_]+)?"
)
_UPPER_OR = r"(?:or|of|oder|ou|o)"
_DECIDE = re.compile(
    r"\b(?i:decide|choose|pick|verdict|answer|reply|respond|output|return|uitvoer|ausgabe|sortie|salida|saída|"
    r"risposta|antwoord|antwort|réponse|respuesta|resposta|"
    # "you put it in BILLING, TECH or ACCOUNT", "assign it POSITIVE, …", "file it under BILLING, …"
    r"put\s+it\s+(?:in|under)|assign\s+it(?:\s+to)?|file\s+it\s+(?:under|as|in)|mark\s+it(?:\s+as)?|tag\s+it(?:\s+as)?)"
    r"\s*:?\s+(?i:(?:either|one\s+of)\s+)?"
    rf"(?P<list>{_UPPER_NAME}(?:\s*(?:,|/|\b{_UPPER_OR}\b)\s*(?:{_UPPER_OR}\s+)?{_UPPER_NAME})+)\b"
)
_DECIDE_SPLIT = re.compile(rf"\s*(?:,|/|\b{_UPPER_OR}\b)\s*")
# "SEVERITY is BLOCKER, MAJOR or NIT": an upper-case field (a cell of the brief's line template) and its values.
# (the field is a word of four letters or more, and the values are joined by commas or "or": "Our API is
# REST/JSON" describes a stack)
_UPPER_FIELD_IS = re.compile(
    rf"\b[A-Z][A-Z_]{{3,}}\s+(?:is|must\s+be|should\s+be|can\s+be)\s+(?:(?:one|either)\s+of:?\s+)?"
    rf"(?P<list>{_UPPER_NAME}(?:\s*(?:,|\b{_UPPER_OR}\b)\s*(?:{_UPPER_OR}\s+)?{_UPPER_NAME})+)\b"
)


# "la urgencia es ALTA o BAJA", "Dringlichkeit ist HOCH oder NORMAL", "l'urgence est HAUTE ou BASSE": a field in any
# case before another language's "is", then its upper-case values
_FIELD_IS_FOREIGN = re.compile(
    # (a field that takes a value from a set: not "Die Währung ist EUR oder CHF", "el archivo es XLSX o CSV")
    r"\b(?i:urgencia|prioridad|categor[íi]a|estado|nivel|tipo|dringlichkeit|priorit[äa]t|kategorie|status|stufe|"
    r"urgence|priorit[ée]|cat[ée]gorie|statut|niveau|urgenza|priorit[àa]|categoria|stato|livello|urg[êe]ncia|"
    r"prioridade|urgentie|prioriteit|categorie|gravedad|schweregrad|gravit[ée]|gravit[àa]|gravidade|ernst)"
    r"\s+(?:es|ist|est|è|é)\s+(?:(?i:entweder|o\s+bien|soit)\s+)?"
    r"(?!(?:JSON|CSV|XML|YAML|HTML|PDF|SQL|API|URL|PNG|JPG)\b)"  # ("el formato es JSON o CSV": a format)
    rf"(?P<list>{_UPPER_NAME}(?:\s*(?:,|\b{_UPPER_OR}\b)\s*(?:{_UPPER_OR}\s+)?{_UPPER_NAME})+)\b"
    r"(?=\s*(?:[.;,:\n]|$))"
)


# "Decide approve, needs_changes or reject": single-word names in lower case need the full "a, b or c" shape.
_DECIDE_LOWER = re.compile(
    r"\b(?i:decide|choose|pick)\s*:?\s+(?i:(?:between|among|one\s+of)\s+)?"
    r"(?P<list>[a-z][a-z_-]+(?:\s*,\s*[a-z][a-z_-]+)+\s*,?\s+or\s+[a-z][a-z_-]+)\b(?=\s*[.;:,]|\s*$)"
)


# "For each answer give a score out of 10 and PASS or FAIL": upper-case names a judging verb asks for, a few words on.
_JUDGED = re.compile(
    r"\b(?i:give|mark|grade|score|rate|judge|assess|evaluate|label|tag|flag|classify|verdict|decide|award)\b"
    r"(?P<gap>[^.;:!?\n()]{0,60}?)(?<![\w-])"
    r"(?P<list>[A-Z]{2,}(?:[_-][A-Z]+)*(?:\s*(?:,|/|\bor\b)\s*(?:or\s+)?[A-Z]{2,}(?:[_-][A-Z]+)*)+)(?![\w-])"
)
_NEGATION = re.compile(r"\b(?:no|not|never|without|avoid|don'?t|nor)\b", re.IGNORECASE)


def prefixed_line(text: str) -> str | None:
    """The shared prefix of a label set written as quoted lines ("Sentiment" in '"Sentiment: POS" or …')."""
    match = _PREFIXED.search(text)
    return match.group("prefix").strip() if match else None


def find_labels(text: str) -> FoundLabels | None:
    """The label set stated in one clause, if any."""
    marked = marked_labels(text)  # ("VERDICT: APPROVE or VERDICT: CHANGES NEEDED": the values after the marker)
    if marked is not None:
        return marked[1]
    found = _find_labels(text)
    if found is not None:
        found = _without_trailing_phrase(_without_leading_only(found))
    if found is not None and any("（" in value for value in found.values):
        found = found._replace(values=without_full_width_asides(found.values))
    return found if found is not None and reads_as_labels(found, text) else None


# "severity is only MUST, SHOULD or NIT", "nur A, B oder C", "solo ALTA, MEDIA o BAJA": the word restricts the set,
# it is no part of its first label
_ONLY_BEFORE_CODE = re.compile(
    r"(?:only|just|nur|solo|sólo|seulement|uniquement|apenas|somente|alleen|soltanto)\s+(?=[A-Z][A-Z0-9_-]*$)",
    re.IGNORECASE,
)


def _without_leading_only(found: FoundLabels) -> FoundLabels:
    """The set without an "only" read into its first label ("only MUST" of "is only MUST, SHOULD or NIT")."""
    if not found.values or not CODE.fullmatch(_ONLY_BEFORE_CODE.sub("", found.values[0], count=1)):
        return found
    first = _ONLY_BEFORE_CODE.sub("", found.values[0], count=1)
    return found._replace(values=[first, *found.values[1:]]) if first != found.values[0] else found


def _without_trailing_phrase(found: FoundLabels) -> FoundLabels:
    """ "APROBADO, REVISAR o RECHAZADO, y una justificación corta": after a run of codes, a lowercase phrase is the
    next thing the reply gives, not one more label."""
    values = found.values
    codes = [v for v in values if CODE.fullmatch(v)]
    if len(codes) < 2 or len(codes) == len(values) or not all(CODE.fullmatch(v) for v in values[: len(codes)]):
        return found
    rest = values[len(codes) :]
    if all(len(v.split()) >= 2 and v[:1].islower() for v in rest):
        return found._replace(values=codes)
    return found


# Words that make "either a or b" the reply's choice ("reply either yes or no", "mark it either approved or …"),
# not a manner or a channel ("reach us either by phone or through the app").
_EITHER_CUE = re.compile(
    r"\b(?:repl|respon|answer|output|return|say|write|print|verdict|decid|judg|label|classif|categor|tag|mark|flag|"
    r"rate|grade|score|status|result|set\s+(?:it|the\s+\w+)\s+to|antwort|réponds|répond|rispond|antwoord|clasific|"
    r"klassifizier|einstuf|étiquet)\w*",
    re.IGNORECASE,
)


def _upper_items(listed: str) -> list[str] | None:
    """The names of an upper-case decision list ("REMOVE, KEEP or LATEN STAAN"), or None when fewer than two."""
    items = [item.strip() for item in _DECIDE_SPLIT.split(listed) if item.strip()]
    if len(items) < 2 or len({item.lower() for item in items}) != len(items):
        return None
    return items


def _find_labels(text: str) -> FoundLabels | None:
    compact = _compact_set(text)
    if compact is not None:
        return compact
    if text.count("|") >= 2 and any(PATH_CELL.search(cell) for cell in text.split("|")):
        # "SEVERITY | path/to/file.py:LINE | problem | fix": the layout of a line; only a cell of codes is a set
        return label_forms.template_cell(text)
    numbered = _numbered(text)
    if numbered is not None:
        return numbered
    if not _LIST_MARK.search(text):
        return None  # a label set needs at least two items
    multi = bool(MULTI.search(text))
    steps = (_yes_or_no, piped_labels, _reply_with, _introduced, _judged, label_forms.catch_all_list, _after_colon)
    for step in (*steps, label_forms.field_values, label_forms.rated_values, label_forms.field_codes, _in_parentheses):
        found = step(text, multi)
        if found is not None:
            return found
    return None


def _compact_set(text: str) -> FoundLabels | None:
    """A set in a compact shape of its own: brackets, CJK, slashes, a list field, a prefixed line, quoted prefixed
    lines, or upper-case names after a verdict verb."""
    formed = label_forms.described_codes(text)
    if formed is not None:
        return formed._replace(multi=bool(MULTI.search(text)))
    # "[BLOCKER], [MAJOR] or [NIT]" (in any language's sentence), "into billing/tech/cancel/other": compact shapes,
    # each value read alone, without its brackets or a lead-in word
    bracketed = label_shapes.bracket_set(text)
    if bracketed is not None:
        return FoundLabels(bracketed[0], bool(MULTI.search(text)), bracketed[1], bracketed[2])
    cjk = find_cjk_labels(text)
    if cjk is not None:
        return cjk
    slash_run = label_shapes.slash_set(text)
    if slash_run is not None:
        return FoundLabels(slash_run[0], bool(MULTI.search(text)), slash_run[1], slash_run[2])
    listed = list_field_values(text) if LIST_CUE_WORDS.search(text) else None
    if listed is not None:
        return listed
    line = prefixed_line_labels(text)
    if line is not None:
        return line
    prefixed = _PREFIXED.search(text)
    if prefixed is not None:
        values = [m.group("value").strip() for m in _PREFIXED_VALUE.finditer(prefixed.group(0))]
        if len(values) >= 2 and len(set(values)) == len(values):
            return FoundLabels(values, bool(MULTI.search(text)), prefixed.start(), prefixed.end())
    decide = (
        _DECIDE.search(text)
        or _UPPER_FIELD_IS.search(text)
        or _DECIDE_LOWER.search(text)
        or _FIELD_IS_FOREIGN.search(text)
    )
    if decide is not None:
        items = (
            _upper_items(decide.group("list"))
            if decide.re is not _DECIDE_LOWER
            else split_items(decide.group("list"), last_trim=False)
        )
        if items:
            return FoundLabels(items, bool(MULTI.search(text)), decide.start("list"), decide.end("list"))
    return None


def _yes_or_no(text: str, multi: bool) -> FoundLabels | None:
    yes_no = _YES_NO.search(text)
    if yes_no:
        return FoundLabels([yes_no.group("a"), yes_no.group("b")], multi, yes_no.start("a"), yes_no.end("b"))
    return None


def _reply_with(text: str, multi: bool) -> FoundLabels | None:
    reply = _REPLY_WITH.search(text)
    if reply:
        items = split_items(reply.group("list"), last_trim=False)
        if items:
            return FoundLabels(items, multi, reply.start("list"), reply.end("list"))
    return None


def _introduced(text: str, multi: bool) -> FoundLabels | None:
    """A list after an intro: "one of:", "labels are", a classifying verb, or "either" (only where the reply
    chooses)."""
    for intro in _INTRO.finditer(text):
        start = intro.end()
        end = list_extent(text, start)
        if text[start : start + 1] == "(":
            close = text.find(")", start)
            start, end = start + 1, close if close > 0 else end
        items = split_items(text[start:end])
        finished = label_forms.finished_list(text[start:end]) if items is None else None
        if finished is not None:
            items, end = split_items(finished), text.find(finished, start) + len(finished)
        if intro.group("noun") is not None and _CONDITION_BEFORE.search(text, 0, intro.start()):
            continue  # "note_kept = false only when decision = hide or block": a condition on a value, no set
        either = intro.group("either") is not None
        if either and not (_EITHER_CUE.search(text[: intro.start()]) or LABEL_CONTEXT.search(text[: intro.start()])):
            continue
        if items and (not either or len(items) == 2):
            return FoundLabels(items, multi, start, end)
    return None


# "only when", "if", "seulement quand", "si", "wenn", "cuando", "se", "quando": the field named next is tested, not set.
_CONDITION_BEFORE = re.compile(
    r"\b(?:when|whenever|if|unless|quand|lorsque|si|sauf\s+si|wenn|falls|cuando|se|quando|als|indien|tenzij)\s+"
    r"(?:(?:the|its|la|le|l'|el|der|die|das|o|a|il|de|het)\s*)?$",
    re.IGNORECASE,
)


def _judged(text: str, multi: bool) -> FoundLabels | None:
    judged = _JUDGED.search(text)
    if judged is not None and not _NEGATION.search(judged.group("gap")):
        items = split_items(judged.group("list"), last_trim=False)
        if items:
            return FoundLabels(items, multi, judged.start("list"), judged.end("list"))
    return None


def _after_colon(text: str, multi: bool) -> FoundLabels | None:
    colon = _colon_list(text)
    return colon._replace(multi=multi) if colon is not None else None


def _in_parentheses(text: str, multi: bool) -> FoundLabels | None:
    for parens in _PARENS.finditer(text):
        inner = parens.group("list")
        if re.match(r"\s*(?:e\.g|i\.e|eg|ie|for example|such as|like)\b", inner, re.IGNORECASE):
            continue
        # "(spam/ham)" is a label set wherever it stands; a comma list in parentheses ("(free, 24/7)" after a
        # helpline, "(phone numbers, emails)") only after words about labels.
        if _PATH.search(inner):
            continue  # "(src/interlock/*)", "(docs/api.md)": a path, not a label set
        slashed = "/" in inner and "," not in inner
        labelled = bool(LABEL_CONTEXT.search(text[: parens.start()]))
        if not labelled and (
            not slashed or _IN_A_LIST.search(text, parens.end()) or _NEGATION.search(text[: parens.start()])
        ):
            # "no sharing personal info: …, socials (snap/insta/discord tags), ages …": examples of one item of a
            # list, or of something forbidden, not a set of labels to choose from
            continue
        items = split_items(inner, last_trim=False)
        if items:
            return FoundLabels(items, multi, parens.start("list"), parens.end("list"))
    return None


_IN_A_LIST = re.compile(r"\s*,\s*[\w'’-]+(?:\s+[\w'’-]+){0,3}\s*(?:,|\band\b|\bor\b|$)")
"""After a parenthesis, a further item of the list it sits in (", ages of other players")."""


# A file path or glob: "src/interlock/*", "docs/api.md", "./build/", "app/**/*.py".
_PATH = re.compile(r"[\w-]+/[\w/.-]*\*|[\w-]+/[\w/-]*\.[a-z]{1,5}\b|(?:^|\s)\.{1,2}/|[\w-]+/[\w-]+/\s*$")


def _colon_list(text: str) -> FoundLabels | None:
    """ "Grade the urgency of each request: P1 (safety risk), P2 (within 48h), P3 (routine)": a list after a colon
    in a clause about labels, urgency or grades, each item a short name."""
    colon = text.find(":")
    if colon < 0 or not LABEL_CONTEXT.search(text[:colon]):
        return None
    start = colon + 1
    end = list_extent(text, start)
    items = split_items(text[start:end])
    if items is None or any(len(item.split()) > 2 for item in items):
        return None
    return FoundLabels(items, False, start + len(text[start:end]) - len(text[start:end].lstrip()), end)
