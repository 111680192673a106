"""Per-kind fidelity checks: is a constraint carried by a prompt, and what in the prompt contradicts it."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from app.engine.constraints.fallback_handoffs import handoff_phrase
from app.engine.constraints.formats import forbidden_features
from app.engine.constraints.language import USER_LANGUAGE
from app.engine.constraints.limit_exceptions import EXCEPT_WORD
from app.engine.constraints.limit_numbers import INPUT_SCOPE, FoundLimit
from app.engine.constraints.model import Constraint
from app.engine.constraints.people import tone_synonyms
from app.engine.constraints.structure import find_objects
from app.engine.fidelity.formats import Feature, bans, clash
from app.engine.fidelity.part_limits import brief_part_limit
from app.engine.fidelity.prompt import PromptView, content_stems

LENGTH_UNITS = frozenset({"words", "sentences", "paragraphs", "characters", "lines", "tokens"})


class Conflict(NamedTuple):
    """A part of the prompt that contradicts a constraint."""

    start: int
    end: int


class Verdict(NamedTuple):
    carried: bool
    conflicts: list[Conflict]


def _numbers(minimum: int | None, maximum: int | None, exact: int | None) -> frozenset[int]:
    return frozenset(n for n in (minimum, maximum, exact) if n is not None)


def _same_unit(a: str, b: str) -> bool:
    return a == b or {a, b} == {"bullets", "items"}


def check_limit(constraint: Constraint, view: PromptView, brief: Sequence[Constraint]) -> Verdict:
    """Carried when the prompt states the same unit and number(s); contradicted by another reply-length limit."""
    assert constraint.unit is not None
    wanted = _numbers(constraint.minimum, constraint.maximum, constraint.exact)
    carried = any(
        _same_unit(limit.unit, constraint.unit) and _numbers(limit.minimum, limit.maximum, limit.exact) == wanted
        for limit in view.limits
    )
    conflicts: list[Conflict] = []
    if constraint.scope is None and constraint.unit in LENGTH_UNITS:
        # Every unit the brief limits the whole reply in: a prompt limit in another unit is a default that crept in.
        brief_units = {c.unit for c in brief if c.kind == "limit" and c.scope is None}
        # "Make the points forts exactly 2 sentences.": the brief's own limit on one part, carried as the brief said it
        # ("When the user types RESULTS, make the comment exactly 1 sentence.": with the step's trigger before it)
        lowered = view.text.lower()
        parts = [
            (i, i + len(c.text))
            for c in brief
            if c.kind == "limit" and c.scope and (i := lowered.find(c.text.lower().rstrip("."))) >= 0
        ]
        for limit in view.limits:
            if limit.scope is not None or limit.unit not in LENGTH_UNITS or not _bounds_the_reply(limit, view):
                continue
            if any(start <= limit.start < end for start, end in parts) or _in_exception(view.text, limit.start):
                continue
            if brief_part_limit(limit, view, brief):
                continue  # ("exception is kiln_firing - those can go to 90 words": the exempt case's own size)
            numbers = _numbers(limit.minimum, limit.maximum, limit.exact)
            if (limit.unit == constraint.unit and numbers != wanted) or limit.unit not in brief_units:
                conflicts.append(Conflict(limit.start, limit.end))
    elif _names_a_part(constraint):
        conflicts = _widened(constraint, wanted, view, brief)
    return Verdict(carried, conflicts)


def _names_a_part(constraint: Constraint) -> bool:
    """A limit the brief scopes to one part of the reply ("the summary", "the code", "each bullet")."""
    scope = constraint.scope or ""
    return constraint.unit in LENGTH_UNITS and (
        scope.startswith("each ") or (scope.startswith("the ") and scope not in (INPUT_SCOPE, _WHOLE_SENTENCE))
    )


_WHOLE_SENTENCE = "the part this sentence names"


# "Keep the reply to", "Reply in", "Your answer must be": words that put a limit on the whole reply.
_WHOLE_REPLY_LIMIT = re.compile(
    r"(?:\b(?:keep|limit|cap)\s+(?:the\s+|your\s+|each\s+|every\s+|all\s+)?(?:reply|replies|response|responses|"
    r"answers?|output|messages?|it|them)|\b(?:reply|respond|answer)\s+(?:in|with|using|within)|"
    r"\b(?:the|your|each)\s+(?:reply|response|answer|output|message)\s+(?:must|should|is|has)|"
    r"\bmake\s+(?:the|your)\s+(?:reply|response))\b[^.;:!?]*$",
    re.IGNORECASE,
)


def _widened(
    constraint: Constraint, wanted: frozenset[int], view: PromptView, brief: Sequence[Constraint]
) -> list[Conflict]:
    """ "Keep the reply to at most 60 words." for the brief's "the summary under 60 words": a part's limit the prompt
    applies to the whole reply (unless the brief also limits the whole reply so). Only a limit the prompt's words
    put on the reply counts; the brief's own sentences carried in the prompt are never one."""
    if any(
        c.kind == "limit"
        and c.scope is None
        and c.unit == constraint.unit
        and _numbers(c.minimum, c.maximum, c.exact) == wanted
        for c in brief
    ):
        return []
    carried = [(index, index + len(c.text)) for c in brief if c.text and (index := view.text.find(c.text)) != -1]
    conflicts: list[Conflict] = []
    for limit in view.limits:
        if limit.scope is not None or limit.unit != constraint.unit:
            continue
        if _numbers(limit.minimum, limit.maximum, limit.exact) != wanted or not _bounds_the_reply(limit, view):
            continue
        if any(start <= limit.start < end for start, end in carried):
            continue
        sentence = view.sentence_at(limit.start)
        before = view.text[sentence.start if sentence else max(0, limit.start - 60) : limit.start]
        if _WHOLE_REPLY_LIMIT.search(before):
            conflicts.append(Conflict(limit.start, limit.end))
    return conflicts


_PART_CUE = re.compile(
    r"\b(?:start|begin|open|end|close|finish)\s+(?:with|by)\b|\bfollowed\s+by\b|\b(?:for\s+)?each\b|\bper\b|"
    r"\bthen\b|\bfirst\b",
    re.IGNORECASE,
)


def _bounds_the_reply(limit: FoundLimit, view: PromptView) -> bool:
    """Whether a prompt limit bounds the whole reply: a bare count ("explain it in one sentence", "start with a
    one-line verdict") usually sizes one part of it, so only cued limits ("at most", "under", "exactly") count,
    and not when the sentence is about a part ("start with", "for each", "then")."""
    text = view.text[limit.start : limit.end].lower()
    if limit.exact is not None and "exact" not in text:
        return False
    sentence = view.sentence_at(limit.start)
    before = view.text[sentence.start if sentence else max(0, limit.start - 60) : limit.start]
    return not _PART_CUE.search(before)


def _forbids(view: PromptView, feature: str) -> bool:
    if feature in view.forbidden:
        return True
    text = view.text
    if feature == "markdown" and re.search(r"\bplain[- ]text\b", text, re.IGNORECASE):
        return True
    return feature == "lists" and bool(re.search(r"\b(?:in\s+)?(?:plain\s+)?prose\b|\bfull\s+sentences\b", text, re.I))


_VALUE_TERMS: dict[str, str] = {
    "json": r"\bjson\b",
    "plain": r"\bplain[- ]text\b|\bno\s+markdown\b|\bwithout\s+(?:any\s+)?markdown\b",
    "markdown": r"\bmarkdown\b",
    "bullets": r"\bbullet",
    "table": r"\btable\b",
    "label": r"\b(?:label|category|class)\b",
    "code": r"\bcode\b",
    "lines": r"\bone per line\b|\bplain lines\b",
    "numbered": r"\bnumbered\s+list\b",
    "csv": r"\bcsv\b",
    "yaml": r"\bya?ml\b",
}


def _brief_bans(constraint: Constraint) -> list[Feature]:
    """The features a format constraint rules out, as the brief's own words read in context: a feature that its
    words name only as a thing ("isn't on the wine list") or past a step boundary ("don't give the answers, then
    list them all") is no ban. A feature its words do not name at all (a ban derived from "plain text") stays."""
    named: dict[str, list[Feature]] = {}
    if constraint.span is not None and constraint.span.text.strip():
        words = constraint.span.text
        named = {name: [] for name, _, _ in forbidden_features(words)}
        for feature in bans(words):
            named.setdefault(feature.name, []).append(feature)
    kept: list[Feature] = []
    for name in constraint.forbidden:
        if name not in named:
            kept.append(Feature(name, 0, 0, names_list=True))
        elif named[name]:
            kept.append(max(named[name], key=lambda feature: feature.names_list))
    return kept


def check_format(constraint: Constraint, view: PromptView, brief: Sequence[Constraint]) -> Verdict:
    """Carried when the prompt asks for the format and forbids each ruled-out feature; contradicted when it asks
    for a feature the brief rules out ("Markdown with headings", "use bullet points", "list them all")."""
    ruled_out = _brief_bans(constraint)
    if constraint.value == "sections":
        carried = all(view.has(heading) for heading in constraint.values)  # the brief's outline, heading by heading
    else:
        carried = constraint.value is None or bool(re.search(_VALUE_TERMS[constraint.value], view.text, re.I))
    carried = carried and all(_forbids(view, ban.name) for ban in ruled_out)
    conflicts = [
        Conflict(request.start, request.end)
        for request in view.requests
        if any(clash(request, ban) for ban in ruled_out) and not _in_exception(view.text, request.start)
    ]
    return Verdict(carried, conflicts)


# "keine Aufzählungen. Ausnahme: die Unterlagen … dürfen als Liste kommen", "No lists, except for opening hours,
# which can be a short list": the brief's own exception to its ban asks for the feature on purpose.
_EXCEPTION_LEAD = re.compile(
    r"\b(?:ausnahme|exception|excepci[oó]n|exce[cç][ãa]o|eccezione|uitzondering)\b|\b" + EXCEPT_WORD, re.IGNORECASE
)
_SENTENCE_MARKS = (". ", ".\n", "\n", "; ", "! ", "? ")


def _in_exception(text: str, position: int) -> bool:
    """Whether the sentence up to `position` opens an exception to a ban."""
    start = max(text.rfind(mark, 0, position) for mark in _SENTENCE_MARKS) + 1
    return _EXCEPTION_LEAD.search(text, start, position) is not None


_LABEL_SLOT = re.compile(
    r"^(?:allowed_|valid_|possible_)?(?:labels?|label_set|categories|category_list|classes|tags|options|intents)$"
)


def check_labels(constraint: Constraint, view: PromptView, brief: Sequence[Constraint]) -> Verdict:
    """Carried when every label appears; contradicted by a label slot ({{labels}}) standing in for them."""
    carried = all(view.has(label) for label in constraint.values)
    conflicts = [Conflict(start, end) for name, start, end in view.slots if _LABEL_SLOT.match(name)]
    return Verdict(carried, conflicts)


def _words_of(key: str) -> str:
    """A key's words: "orderId" and "order_id" both read "order id"."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", key).replace("_", " ").lower()


def _key_id(key: str) -> str:
    """A key compared loosely: case, spaces, hyphens and a possessive ("company's HQ city") do not matter."""
    return re.sub(r"[\s_-]+", "_", re.sub(r"['’]s\b", "", key.lower())).strip("_")


def check_keys(constraint: Constraint, view: PromptView, brief: Sequence[Constraint]) -> Verdict:
    """Schema and fields: carried when every key appears; contradicted by a JSON object with another key set."""
    keys = constraint.values
    carried = bool(keys) and all(view.has(key) or view.has(_words_of(key)) or view.has(_key_id(key)) for key in keys)
    wanted = {_key_id(key) for key in keys}
    conflicts: list[Conflict] = []
    if keys:
        for obj in find_objects(view.text):
            found = {_key_id(str(key)) for key in obj.value}
            if found == wanted or (carried and not found & wanted):
                continue  # the brief's object, or an unrelated input example
            if found & wanted or not carried:
                conflicts.append(Conflict(obj.start, obj.end))
    return Verdict(carried, conflicts)


def check_tool(constraint: Constraint, view: PromptView, brief: Sequence[Constraint]) -> Verdict:
    """Carried when the tool's name appears."""
    return Verdict(bool(constraint.name and view.has(constraint.name)), [])


_GENERIC_FALLBACK = re.compile(
    r"\b(?:say|reply|respond|answer|tell\s+(?:them|the\s+user))\b[^.\n]{0,40}?\b(?:you\s+don'?t\s+know|"
    r"i\s+don'?t\s+know|you\s+(?:are|'re)\s+not\s+sure)|i\s+don'?t\s+(?:know|have\s+(?:that|this|enough)\s+information)"
    r"[^.\n]{0,40}|\bbased\s+on\s+the\s+(?:documents?|provided\s+\w+|context)\b[^.\n]{0,30}\bdon'?t\s+know",
    re.IGNORECASE,
)
_SLOT_WORDS = {"email": ("email", "mail"), "phone": ("phone", "tel", "number"), "url": ("url", "link", "website")}


def _fallback_carried(constraint: Constraint, view: PromptView) -> bool:
    value = constraint.value or ""
    if constraint.action in ("email", "url"):
        return value.lower().rstrip("/") in view.lowered
    if constraint.action == "phone":
        return re.sub(r"\D", "", value) in re.sub(r"[^\d]", "", view.digits) if value else False
    normalized = _normalize_quote(value)
    if constraint.action == "handoff":
        # "point them to their Carta account": the brief's own words carry a hand-off no hand-off phrase names
        return handoff_phrase(view.text) is not None or (bool(normalized) and normalized in _normalize_quote(view.text))
    return bool(normalized) and normalized in _normalize_quote(view.text)


def _normalize_quote(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", re.sub(r"[.!?\"']+(?=\s|$)", "", text)).strip()


def check_fallback(constraint: Constraint, view: PromptView, brief: Sequence[Constraint]) -> Verdict:
    """Carried when the exact address, number, URL, words or a hand-off appear; contradicted by a slot for the
    address or by a generic "I don't know" fallback that replaced it."""
    carried = _fallback_carried(constraint, view)
    conflicts: list[Conflict] = []
    # A slot named for the address stands in for it only when the address itself is missing: beside the address, an
    # {{email}} slot is the e-mail the assistant answers (an input), not a replacement for the brief's contact.
    words = () if carried else _SLOT_WORDS.get(constraint.action or "", ())
    for name, start, end in view.slots:
        if any(word in name for word in words):
            conflicts.append(Conflict(start, end))
    if not carried and any(key in view.lowered for key in ("know", "not sure", "information")):
        for match in _GENERIC_FALLBACK.finditer(view.text):
            conflicts.append(Conflict(match.start(), match.end()))
    return Verdict(carried, conflicts)


def check_language(constraint: Constraint, view: PromptView, brief: Sequence[Constraint]) -> Verdict:
    """Carried when the prompt tells the model to reply in it (or is written in it); contradicted by an
    instruction to reply in another language."""
    stated = view.languages
    mirror = constraint.value == USER_LANGUAGE
    carried = False
    conflicts: list[Conflict] = []
    for found, offset in stated:
        if (mirror and found.code is None) or (not mirror and found.code == constraint.code):
            carried = True
        elif not mirror or found.code is not None:
            conflicts.append(Conflict(offset + found.start, offset + found.end))
    if not carried and not mirror and view.written_in(constraint.code):
        carried = True
    return Verdict(carried, [] if carried else conflicts)


def _enough(stems: list[str], lowered: str, share: float = 0.6) -> bool:
    """Whether enough of the stems occur in a (lower-cased) text."""
    if not stems:
        return False
    return sum(1 for s in stems if s in lowered) >= max(1, math.ceil(share * len(stems)))


def _windows(view: PromptView, stems: list[str], share: float) -> list[tuple[int, str]]:
    """(sentence index, lower-cased text of it and the next sentence) for sentences holding any stem."""
    index_of = {id(sentence): i for i, sentence in enumerate(view.sentences)}
    out: list[tuple[int, str]] = []
    for sentence in view.sentences_with(stems):
        i = index_of[id(sentence)]
        following = view.sentences[i + 1].lowered if i + 1 < len(view.sentences) else ""
        if _enough(stems, sentence.lowered + " " + following, share):
            out.append((i, sentence.lowered + " " + following))
    return out


def check_audience(constraint: Constraint, view: PromptView, brief: Sequence[Constraint]) -> Verdict:
    """Carried when every content word of the audience phrase appears in the prompt."""
    # Age words vary ("aged 8-12", "ages 8 to 12", "8-12 year olds"): the ages themselves must appear.
    stems = [s for s in content_stems(constraint.value or "") if s not in _AGE_WORDS and not s.isdigit()]
    ages = [str(n) for n in (constraint.minimum, constraint.maximum) if n is not None]
    carried = bool(stems or ages) and all(s in view.lowered for s in stems)
    return Verdict(carried and all(re.search(rf"(?<!\d){age}(?!\d)", view.text) for age in ages), [])


_AGE_WORDS = frozenset({"aged", "age", "ages", "years", "year", "old", "olds", "años", "jahre", "ans", "anos"})


def check_tone(constraint: Constraint, view: PromptView, brief: Sequence[Constraint]) -> Verdict:
    """Carried when each tone word (or a synonym in a supported language) appears."""
    lowered = view.text.lower()
    return Verdict(all(any(word in lowered for word in tone_synonyms(value)) for value in constraint.values), [])


_QUOTED = re.compile(r'"(.+)"')


def _quoted(constraint: Constraint) -> str | None:
    """The brief's own words a non-English rule quotes ('Follow this rule from the brief: "..."')."""
    if not constraint.text.startswith("Follow this"):
        return None
    match = _QUOTED.search(constraint.text)
    return match.group(1) if match else None


def _rule_words(constraint: Constraint) -> list[str]:
    source = _quoted(constraint) or (constraint.span.text if constraint.span else constraint.text)
    return content_stems(source)


def check_prohibition(constraint: Constraint, view: PromptView, brief: Sequence[Constraint]) -> Verdict:
    """Carried when a sentence of the prompt forbids the same thing (most of its content words, with a negation)."""
    # A foreign prohibition the extractor translated ("Nunca des diagnósticos" -> "Never give diagnoses.") may be
    # carried in either language: the brief's words or the English imperative.
    sources = [_rule_words(constraint)]
    if constraint.span is not None and not _quoted(constraint):
        sources.append(content_stems(constraint.text))
    carried = any(
        s.negates and _enough(stems, s.lowered) for stems in sources for s in view.sentences_with(stems) if stems
    )
    # ("En cas de doute, A_REVOIR plutôt que INTERDIT": a rule without a negation word, kept in the brief's words)
    quoted = _quoted(constraint)
    verbatim = quoted is not None and len(quoted) >= 12 and quoted in view.text
    # The brief's sentences kept whole, whatever their capitals ("… from Telford. further than that -> …" as the user
    # wrote it, where the constraint's text starts each sentence with a capital)
    return Verdict(carried or verbatim or constraint.text.lower() in view.lowered, [])


_ORDER_CUE = re.compile(
    r"\b(?:before|first|then|after|until|prior|once|only\s+when|start\s+by|begin\s+by|antes|después|bevor|"
    r"zuerst|dann|avant|puis|d'abord|primeiro|depois|"
    # ("exactly these four parts in this order", "sempre nesta ordem: …"): a stated order of parts is a cue too
    r"in\s+(?:this|that|the\s+following)\s+order|n?esta\s+orde[nm]|Reihenfolge|cet\s+ordre|questo\s+ordine|"
    r"volgorde)\b|先|然后|前に|顺序|順番",
    re.IGNORECASE,
)


def check_ordering(constraint: Constraint, view: PromptView, brief: Sequence[Constraint]) -> Verdict:
    """Carried when both actions appear in one sentence (or two adjacent ones) with before/first semantics."""
    if _quoted(constraint):
        stems_first, stems_then = _rule_words(constraint), []
    else:
        stems_first, stems_then = content_stems(constraint.first or ""), content_stems(constraint.then or "")
    for index, window in _windows(view, stems_first, 0.5):
        if not _ORDER_CUE.search(view.sentences[index].text):
            continue
        if not stems_then or _enough(stems_then, window, 0.5):
            return Verdict(True, [])
    # The brief's own sentence, kept word for word ("do not type commands unless I instruct you to"), carries it.
    own_words = constraint.span.text if constraint.span else ""
    return Verdict(constraint.text in view.text or bool(own_words and own_words in view.text), [])


def check_requirement(constraint: Constraint, view: PromptView, brief: Sequence[Constraint]) -> Verdict:
    """Carried when one sentence (or two adjacent) holds most content words and every amount the brief states."""
    source = _quoted(constraint) or (constraint.span.text if constraint.span else constraint.text)
    amounts = re.findall(r"[$€£¥]?\d[\d,.]*%?", source)
    if any(amount not in view.text for amount in amounts):
        return Verdict(False, [])
    stems = content_stems(source)
    return Verdict(bool(_windows(view, stems, 0.6)) or constraint.text in view.text, [])


CHECKS: dict[str, Callable[[Constraint, PromptView, Sequence[Constraint]], Verdict]] = {
    "limit": check_limit,
    "format": check_format,
    "labels": check_labels,
    "schema": check_keys,
    "fields": check_keys,
    "tool": check_tool,
    "fallback": check_fallback,
    "language": check_language,
    "audience": check_audience,
    "tone": check_tone,
    "prohibition": check_prohibition,
    "ordering": check_ordering,
    "requirement": check_requirement,
}
