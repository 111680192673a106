"""The typed readers one clause goes through (format, labels and fields, tools, fallbacks, language,
people) and the rule reader (ordering, prohibition, requirement) that runs after them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import msgspec

from app.engine.constraints import (
    code_docs,
    data_formats,
    fallback_wording,
    fallbacks,
    formats,
    label_items,
    label_wording,
    labels,
    language,
    people,
    rationed,
    structure,
    tool_gates,
    tool_orders,
    tools,
)
from app.engine.constraints.added_routes import added_contact
from app.engine.constraints.address_scope import address_scope
from app.engine.constraints.ban_extent import PROHIBITION_EN
from app.engine.constraints.clauses import in_exact_line, points_back_next
from app.engine.constraints.formality import describe_formality, find_formality
from app.engine.constraints.found_rules import FoundRule, is_english
from app.engine.constraints.leading_conditions import condition_end
from app.engine.constraints.model import BriefSpan, Constraint, ConstraintSource, FoundFallback
from app.engine.constraints.orderings import NEGATED_ORDER, find_ordering
from app.engine.constraints.prohibitions import find_prohibitions
from app.engine.constraints.requirements import find_requirement, must_segments
from app.engine.constraints.scope_restrictions import find_scope_restrictions
from app.engine.constraints.sentence_case import instruction_case, sentence_case
from app.engine.phrasing import second_person


class Field:
    """One free-text field of the brief being read, to build spans from local offsets."""

    def __init__(self, name: ConstraintSource, text: str, index: int | None = None) -> None:
        self.name = name
        self.text = text
        self.index = index

    def span(self, start: int, end: int) -> BriefSpan:
        start, end = max(0, start), min(len(self.text), end)
        return BriefSpan(field=self.name, index=self.index, start=start, end=end, text=self.text[start:end])


Span = Callable[[int, int], BriefSpan]
"""Maps a [start, end) range of the clause to a span of the brief."""

# "When you show a rota keep it to 5 bullet points", "In those moments …, no bullet points": a limit or a format
# rule under a condition holds only then; the brief's sentence says so, the whole reply is not capped.
CONDITIONAL_CLAUSE = re.compile(
    r"^\s*(?:and\s+)?(?:(?:when(?:ever)?|if|in\s+(?:those|these|such)\s+(?:moments|cases|situations)|during|while|once|"
    # "Si le texte fait moins de 30 mots, mets 0/20", "Wenn der Text …", "Se o texto …": the same in other languages.
    r"si|wenn|falls|sofern|quand|lorsque|cuando|quando|wanneer|indien|"
    r"se\s+(?:o|a|os|as|um|uma|il|un|una|uno|não|non|ci|houver|tiver|for|alguém|qualcuno|você)|"
    r"als\s+(?:de|het|een|je|jij|u|er|iemand))\b(?!\s+(?:tu\s+|du\s+|je\s+|usted\s+|lei\s+)?(?:respond|répond|"
    r"antwort|rispond|antwoord|contest|schreib|escrib|écri|scriv|possible|posible|possibile|möglich|mogelijk))|"
    r"(?:如果|若是|假如|倘若|要是|もし)|"
    # "controlled = true: never submit", "refills_left = 0: don't submit": a field test opens the rule as "if" would
    r"[A-Za-z_][\w.]*\s*(?:==?|!=|>=?|<=?|≥|≤)\s*[\w\"'.%-]+\s*:)",
    re.IGNORECASE,
)


def read_format(text: str, unquoted: str, span: Span) -> list[Constraint]:
    """The clause's reply format (plain text, JSON, a table), the formatting it forbids, and what it rations."""
    ration = rationed.find_ration(unquoted)
    if ration is None:
        return _read_format(text, unquoted, span)
    # "Use emojis, but not too many", "don't use too many emojis": a soft rule (or a count) for the thing, never a
    # ban on it (a ban on other formatting in the clause stays)
    kept = []
    for c in _read_format(text, unquoted, span):
        forbidden = [f for f in c.forbidden if f != ration.feature]
        if forbidden != c.forbidden and not forbidden and not c.value:
            continue
        if forbidden != c.forbidden:
            c = msgspec.structs.replace(c, forbidden=forbidden, text=formats.describe_format(c.value, forbidden))
        kept.append(c)
    rule = Constraint(kind="requirement", text=ration.text, span=span(ration.start, ration.end), value=ration.text)
    return [*kept, rule]


def _read_format(text: str, unquoted: str, span: Span) -> list[Constraint]:
    fmt = formats.find_format(unquoted)
    data = data_formats.find_data_format(unquoted) if fmt is None or fmt.value is None else None
    if data is not None and not CONDITIONAL_CLAUSE.match(text[: data.start]):
        # "export as CSV", "give me YAML": a data-file reply the prose formats do not name
        out = [
            Constraint(
                kind="format", text=data_formats.describe_data_format(data.value, data.columns),
                span=span(data.start, data.end), value=data.value, values=data.columns,
            )
        ]  # fmt: skip
        return out + read_format_bans(fmt, span)
    if fmt is None or (CONDITIONAL_CLAUSE.match(text[: fmt.start]) and fmt.value is None):
        return []
    return [
        Constraint(
            kind="format", text=formats.describe_format(fmt.value, fmt.forbidden), span=span(fmt.start, fmt.end),
            value=fmt.value, forbidden=fmt.forbidden,
        )
    ]  # fmt: skip


def read_format_bans(fmt: formats.FoundFormat | None, span: Span) -> list[Constraint]:
    """The formatting a clause rules out beside a data-file reply ("CSV only, no code fences")."""
    if fmt is None or not fmt.forbidden:
        return []
    return [
        Constraint(
            kind="format", text=formats.describe_format(None, fmt.forbidden), span=span(fmt.start, fmt.end),
            forbidden=fmt.forbidden,
        )
    ]  # fmt: skip


_SIGNATURE_CALL = re.compile(r"[A-Za-z_]\w*_\w*\(")


def _label_sets(text: str) -> list[label_items.FoundLabels]:
    """Every label set in a clause: "one category (heating, water, other) and one urgency (now, normal)" states two.
    A second set is read only in parentheses after the first, where it cannot be the tail of the first."""
    found = labels.find_labels(text)
    if found is None:
        return []
    sets = [found]
    rest = text[found.end :]
    if rest.startswith(")") and "(" in rest:
        more = labels.find_labels(rest)
        if more is not None and rest[: more.start].rstrip().endswith("("):
            sets.append(more._replace(start=found.end + more.start, end=found.end + more.end))
    return sets


def read_labels_and_fields(text: str, unquoted: str, span: Span) -> list[Constraint]:
    """The label set or the named reply fields the clause states."""
    out: list[Constraint] = []
    sets = _label_sets(text)
    found = sets[0] if sets else None
    for each in sets:
        out.append(
            Constraint(
                kind="labels", text=label_wording.describe_labels(each.values, each.multi, text[each.start : each.end]),
                span=span(each.start, each.end), values=each.values, multi=each.multi,
            )
        )  # fmt: skip
    fields = structure.find_fields(text)
    if fields is not None and _SIGNATURE_CALL.search(text[fields.start : fields.end]):
        fields = None  # "with restart_service(name), get_status(name)": tool signatures, not fields
    if fields is not None:
        # "reply with JSON like {category, urgency, summary}": the reply's keys, not a label set
        out = [c for c in out if not any("{" in v or v.lower().startswith("json") for v in c.values)]
    if fields is not None and (found is None or fields.values != found.values):
        describe = structure.describe_collected if fields.collect else structure.describe_fields
        out.append(
            Constraint(
                kind="fields", text=describe(fields.values, text[fields.start : fields.end]),
                span=span(fields.start, fields.end),
                values=fields.values, value="collect" if fields.collect else None,
            )
        )  # fmt: skip
    return out


def read_tools(text: str, unquoted: str, span: Span) -> list[Constraint]:
    """The tools the clause names with their parameters (`lookup_order(order_id)`)."""
    return [
        Constraint(
            kind="tool", text=tools.describe_tool(tool.name, tool.parameters, tool.purpose),
            span=span(tool.start, tool.end), name=tool.name, parameters=tool.parameters, value=tool.purpose,
        )
        for tool in tools.find_tools(text)
    ]  # fmt: skip


def with_line_purposes(field: Field, found: list[Constraint]) -> list[Constraint]:
    """Tools whose clause ended at a dash get what the rest of their line says they do ("- boot_suchen(datum,
    bootstyp) – zeigt freie Boote"), and tools whose clause ended inside their return type get all of it."""
    described = []
    for constraint in found:
        span = constraint.span
        said = None
        if constraint.kind == "tool" and span is not None and span.field == field.name:
            # (a docstring or comment pasted with its declaration says what it does; a return type the clause saw
            # only up to its ";" is read again from the whole line)
            said = code_docs.documented(field.text, span.start, span.end) or tools.typed_return(field.text, span.end)
            if said is None and constraint.value is None:
                said = tools.line_purpose(field.text, span.end)
        if said is not None:
            text = tools.describe_tool(constraint.name or "", list(constraint.parameters), said)
            constraint = msgspec.structs.replace(constraint, value=said, text=text)
        described.append(constraint)
    return described


def read_listed_tools(field: Field, found: list[Constraint]) -> list[Constraint]:
    """Tools that only their list beside a found tool shows to be tools ("- stornieren(reservierungs_id)")."""
    known = {c.name for c in found if c.kind == "tool" and c.name}
    if not known:
        return []
    return [
        Constraint(
            kind="tool", text=tools.describe_tool(tool.name, tool.parameters, tool.purpose),
            span=field.span(tool.start, tool.end), name=tool.name, parameters=tool.parameters, value=tool.purpose,
        )
        for tool in tools.tools_listed_with(field.text, known)
    ]  # fmt: skip


def read_fallbacks(text: str, unquoted: str, span: Span) -> list[Constraint]:
    """The routes the clause gives for what the assistant cannot do (an address, a phone, a person)."""
    return [
        Constraint(
            kind="fallback",
            text=_own_action(text, found)
            or fallback_wording.describe_fallback(
                found.action, found.value, found.condition, in_place=fallback_wording.written_in_place(text, found),
                channel=fallback_wording.message_channel(text, found.start) if found.action == "phone" else None,
                also=added_contact(text, found.start, found.end, found.condition),
            ),
            span=span(found.start, found.end), action=found.action, value=found.value, condition=found.condition,
            scope=fallbacks.QUOTED_SCOPE
            if found.action != "say"
            and fallbacks.in_quoted_sentence(text, found.start, conditioned=found.condition is not None)
            else None,
        )
        for found in fallbacks.find_fallbacks(text)
    ]  # fmt: skip


_ACTION_LEAD = re.compile(
    r"(?:stop|pause|end|tell|ask|give|share|offer|urge|encourage|advise|direct|point|refer|say|remind|suggest|go|"
    r"come|log|record|flag|call|use|book|cancel|send|do\s+not|don'?t)\b",
    re.IGNORECASE,
)


def _own_action(text: str, found: FoundFallback) -> str | None:
    """'If they mention self-harm, stop the journaling flow and tell them to call or text 988 or their local
    emergency number': an instruction that does more than name the contact keeps the brief's own words."""
    condition = found.condition
    at = text.find(condition) if condition else -1
    if condition is None or at < 0 or found.action in ("say", "handoff") or not is_english(text):
        return None
    action = text[at + len(condition) :].lstrip(" ,:")
    action = re.sub(r"^(?:->|→|=>)\s*", "", action)  # ("if they say they feel unwell -> do not book, tell them …")
    arrow = re.search(r"\s*(?:->|→|=>)\s*", condition)
    if arrow is not None and _ACTION_LEAD.match(condition, arrow.end()):
        # "If X -> go to the vet now, log it with log_emergency and give …": the arrow's words are the first action
        action = f"{condition[arrow.end() :].rstrip(' :,')}, {action}"
        condition = condition[: arrow.start()]
    # "if anyone mentions gas it must tell them to leave …": the modal subject is the assistant itself.
    action = re.sub(
        r"^(?:it|you|the\s+(?:bot|assistant|agent))\s+(?:must|should|will|needs?\s+to|has\s+to)\s+", "", action
    )
    end = re.search(r"[.;!?](?:\s|$)", action)
    action = (action[: end.start()] if end else action).strip()
    if found.value not in action or not _ACTION_LEAD.match(action) or len(action.split()) > 40:
        return None
    plain = re.match(r"(?:tell|ask)\s+(?:them|the\s+\w+)\s+to\s+(?:email|call|contact|visit)\s+\S+$", action, re.I)
    if plain:
        return None  # nothing beyond the contact: the standard sentence says the same
    condition = condition.rstrip(" :")  # "if … right now: tell them to call 911 …"
    return f"{condition[0].upper()}{condition[1:]}, {action}."


def read_language(text: str, unquoted: str, span: Span) -> list[Constraint]:
    """The reply language the clause states."""
    found = language.find_language(text)
    if found is None:
        return []
    return [
        Constraint(
            kind="language", text=language.describe_language(found.name, text[found.start : found.end]),
            span=span(found.start, found.end),
            value=found.name, code=found.code,
        )
    ]  # fmt: skip


def read_people(text: str, unquoted: str, span: Span) -> list[Constraint]:
    """The audience (with its ages) and the formality the clause asks for."""
    out: list[Constraint] = []
    audience = people.find_audience(text)
    if audience is not None and audience.phrase and not unquoted[audience.start : audience.start + 1].strip():
        audience = None  # 'Don't use "perfect for beginners"': words quoted (to ban or to say), not the readers
    if (
        audience is not None
        and not text[: audience.start].strip(" \t-*•")
        and _CASE_COLON.fullmatch(text[: audience.end] + ":")
        and text[audience.end :].startswith(":")
    ):
        audience = None  # "Customers under 16: never recommend any medicine": a case the rule holds in, not the reader
    if audience is not None:
        out.append(audience_constraint(audience, span(audience.start, audience.end)))
    level = people.find_reading_level(text)
    if level is not None:
        out.append(
            Constraint(
                kind="requirement", text=people.describe_reading_level(level.phrase),
                span=span(level.start, level.end), value=level.phrase,
            )
        )  # fmt: skip
    formality = find_formality(text)
    if formality is not None:
        out.append(
            Constraint(
                kind="tone",
                text=describe_formality(
                    formality.register, formality.pronoun, address_scope(text, formality.start, formality.end)
                ),
                span=span(formality.start, formality.end), values=[formality.register],
            )
        )  # fmt: skip
    tone = people.find_tone(unquoted)
    if tone is not None and formality is not None:
        tone = tone._replace(values=[v for v in tone.values if v not in ("formal", "informal")])
    if tone is not None and tone.values:
        out.append(
            Constraint(
                kind="tone", text=people.describe_tone(tone.values), span=span(tone.start, tone.end), values=tone.values
            )
        )
    return out


OPENS_WITH_CONDITION = re.compile(r"\s*(?:if|when|whenever|should|in\s+case)\b", re.IGNORECASE)
_CONDITION_CUE = re.compile(
    r":|\b(?:if|when|unless|needs?|requires?)\b|^\s*(?:anything|any\s+questions?|questions?)\s+(?:about|on|regarding|involving)\b",
    re.I,
)
_TYPED_PARTS = frozenset({"limit", "format", "labels", "tone", "fields", "schema", "audience"})
"""A clause that states these is a list of separate rules, each typed on its own ("no emojis, no ALL CAPS")."""


def _bare_in_context(prohibition: FoundRule, text: str) -> bool:
    """A prohibition of one or two words at the end of a longer English clause that states when it applies, or any
    prohibition after the case it holds in and a colon."""
    short = len(re.sub(r"\s+(?:at\s+all|whatsoever|ever)$", "", prohibition.rest).split()) <= 2
    before = text[: prohibition.start]
    # "bigger boats: no booking, give the office number": the case before the colon says when it applies
    if _CASE_COLON.fullmatch(before) and len(text.split()) <= 40 and is_english(text):
        return True  # "Groups over 12: never take the booking yourself, give them events@…": that case only
    stated = prohibition.start > 20 and _CONDITION_CUE.search(before) is not None
    return short and stated and len(text.split()) <= 40 and is_english(text)


_CASE_COLON = re.compile(
    r"\s*(?:[-*•]\s*)?"
    # (a heading over a standing rule, not a case: "Privacy:", "Hard rule:", "Very important:", "Style guide:")
    r"(?![^:]*\b(?:notes?|rules?|important|format|output|style|tone|privacy|safety|security|guide|guidelines?|policy|"
    r"scope|reminder|warning|caution|compliance|confidentiality|constraints?|requirements?|language|data)\b)"
    r"[^\W\d_][\w'’ -]{2,40}:\s*",
    re.IGNORECASE,
)


_GO_OVER = re.compile(
    r"(?:go|run|going|running)\s+over(?:\s+(?:it|that|this|them|the\s+limits?))?|exceed(?:\s+(?:it|that|this|them|the\s+limits?))?"
    r"(?:,?\s+ever)?",
    re.IGNORECASE,
)

# "Never ask for the school, and send reports first": a new clause starts; the negation stays behind it.
# A line that opens with a section's name in capitals: "PUBLIC COMMENT: …", "NEXT STEPS: …"
_SECTION_LINE = re.compile(r"\s*[A-Z][A-Z0-9&/_-]+(?: [A-Z0-9&/_-]+){0,3}:\s")
_CLAUSE_BREAK = re.compile(r",\s*(?:and|but|then|so)\s|;")
_FINAL_LINE = re.compile(
    # ("then one final line: "Source: …"", "then a final line with the price")
    r"\s*(?:and\s+)?then\s+(?:one|a|an|the)\s+(?:final|last|closing)\s+line\b\s*(?:(?P<colon>[:：])\s*)?"
    r"(?P<line>(?(colon)\S|(?:with|that|for|showing|giving|stating|naming)\b).{0,200})$",
    re.IGNORECASE | re.DOTALL,
)


def read_rules(
    text: str, span: Span, found: list[Constraint], *, explicit: bool, original: str | None = None
) -> Iterator[Constraint]:
    """Ordering, prohibition and requirement for a clause the typed extractors have (or have not) read."""
    joined = _joined_back(text)
    if joined:
        # "Never change a drill or the number of laps. Only the coach does that.", "Nunca calcules indemnizaciones.
        # En ese caso responde: …": the second sentence points back to the first, so the rule the first one states
        # is both, whole (a first sentence that states no rule leaves both to the brief's own lines)
        first = list(read_rules(text[:joined], span, found, explicit=explicit, original=(original or text)[:joined]))
        if first:
            both = text.strip()
            english = is_english(both)
            # (in another language, the brief's own sentences, as its other lines are: quoting them would nest the
            # fixed reply's own quotes)
            rule = instruction_case(both) if english else both
            a_ban = any(c.kind == "prohibition" for c in first)
            yield Constraint(
                kind="prohibition" if a_ban else "requirement", text=rule, span=span(0, len(text.rstrip())), value=rule
            )
        return
    tooled = tool_orders.find_tool_orders(text)
    if tooled:
        yield from _tool_orderings(text, tooled, span, explicit=explicit)
        return
    ordering = find_ordering(text)
    gate = tool_gates.find_tool_gate(text)
    if gate is not None and (
        ordering is None or gate.outright
    ):  # ("verify_account first, always", "nothing happens until lookup_account comes back")
        yield _gate_ordering(text, gate, span, explicit=explicit)
        if not gate.ban:
            return
    if ordering is not None:
        # An instruction sentence of the brief says more than its order ("Ask one question at a time, 6 questions
        # total (mix of …), and wait for the answer before the next"): its own words are the rule.
        whole = explicit and is_english(text) and len(ordering.text) < len(text.strip()) * 0.6
        # "If they mention chest pain …, tell them to stop and talk to their GP before carrying on": the order holds
        # only under its condition, so the sentence is the rule.
        whole = whole or (bool(OPENS_WITH_CONDITION.match(text)) and is_english(text))
        # "never advise them to destroy, harvest or replant the crop before the inspection": the order says what not
        # to do before it; without its negation it would order the harm.
        step_at = text.lower().find((ordering.first or "").lower()) if ordering.first else -1
        negated = bool(NEGATED_ORDER.match(text)) and not _CLAUSE_BREAK.search(text, 0, max(step_at, 0))
        whole = whole or (negated and is_english(text))
        yield Constraint(
            kind="ordering", text=second_person(instruction_case(text), "user") if whole else ordering.text,
            span=span(ordering.start, ordering.end), first=ordering.first, then=ordering.then,
        )  # fmt: skip
        if not (negated and whole):
            yield from _before_ordering(text, ordering, span)
        return
    final = _FINAL_LINE.match(text)
    if final is not None and not found:  # (a label line or an outline's line is read as such)
        # "then one final line: "Source: <company> Q<n> <year> call"": the line the reply closes with, as written
        line = final.group("line").strip().rstrip(".")
        rule = f"End with one final line: {line}." if final.group("colon") else f"End with a final line {line}."
        yield Constraint(kind="requirement", text=rule, span=span(0, len(text.rstrip())), value=rule)
        return
    typed = {c.kind for c in found}
    if _SECTION_LINE.match(text) and find_prohibitions(text, original) and is_english(text):
        # "PUBLIC COMMENT: max 3 bullets, themes only, do not name private citizens (council members can be named)":
        # a section's rules hold for that section, with their exceptions, so the line is the rule (its limits are
        # read on their own and scoped to the section).
        rule = sentence_case(text.strip())
        yield Constraint(kind="requirement", text=rule, span=span(0, len(text.rstrip())), value=rule)
        return
    restrictions = find_scope_restrictions(text) if " only" in text.lower() or "only " in text.lower() else []
    for restriction in restrictions:
        yield Constraint(
            kind="requirement", text=restriction.text, span=span(restriction.start, restriction.end),
            value=restriction.text,
        )  # fmt: skip
    if restrictions:
        typed.add("requirement")
    prohibitions = find_prohibitions(text, original)
    # "no markdown" and "don't exceed 100 words" are already typed as a format or a limit.
    kept = [p for p in (_without_formatting(p) for p in prohibitions) if p is not None]
    ration = rationed.find_ration(text)
    kept = [p for p in kept if not rationed.within(ration, p.start, p.end)]  # "but not too many": no ban
    opened = condition_end(text) if is_english(text) else 0
    if opened and kept and all(p.start >= opened for p in kept) and not _GO_OVER.fullmatch(kept[0].rest.strip()):
        # "If refills remaining is 0, do not tell them to 'ask your doctor'": the prohibition holds only under its
        # condition; cut from it, it would forbid the thing in every case.
        rule = instruction_case(text)
        # the value names only what is forbidden: "make your best guess, write the query" is no ban on writing
        banned = " ".join(p.text for p in kept)
        yield Constraint(kind="prohibition", text=rule, span=span(0, len(text.rstrip())), value=banned)
        kept = []
    if is_english(text) and any(_points_back(p.rest) and text[: p.start].strip(" ,;-") for p in kept):
        # "Groups over 8 … go to events@…, don't book those here", "never ask for the PIN or the CVV, and never read
        # them back": "those" and "them" are what the clause named before, so the clause is the rule, whole
        rule = instruction_case(text)
        yield Constraint(kind="prohibition", text=rule, span=span(0, len(text.rstrip())), value=rule)
        kept = []
    for prohibition in kept:
        if _GO_OVER.fullmatch(prohibition.rest.strip()):
            # "Main-column blurbs can be up to 60 words. Never go over.": the limits stated before, said strictly
            rule = LENGTH_LIMITS_RULE
            yield Constraint(kind="prohibition", text=rule, span=span(prohibition.start, prohibition.end), value=rule)
            continue
        if not typed & _TYPED_PARTS and _bare_in_context(prohibition, text):
            # "Any reservation over 500 units needs a human: post to notify_slack and stop, don't reserve": "Do not
            # reserve." alone forbids every reservation; the sentence says when it applies.
            rule = instruction_case(text)
            yield Constraint(kind="prohibition", text=rule, span=span(0, len(text.rstrip())), value=rule)
            continue
        yield Constraint(
            kind="prohibition",
            text=prohibition.text,
            span=span(prohibition.start, prohibition.end),
            value=prohibition.text,
        )
    if not prohibitions and "fallback" in typed and _ban_words_fixed(text, found):
        # "If anyone mentions …, stop everything else and reply only with this: I'm so sorry … You don't have to …":
        # the case and the words it fixes are one rule, whole (the "don't" inside them is no ban; a number in them
        # is no route of its own)
        rule = instruction_case(text)
        yield Constraint(kind="requirement", text=rule, span=span(0, len(text.rstrip())), value=rule)
        return
    if explicit and typed == {"limit"} and all(c.scope for c in found) and is_english(text):
        # "After the sixth answer, give feedback in 3 bullets: strongest, weakest, one thing to practise": the limit
        # covers one part; the sentence still says when and what.
        rule = instruction_case(text)
        yield Constraint(kind="requirement", text=rule, span=span(0, len(text.rstrip())), value=rule)
        return
    if kept or typed - {"audience"}:
        # A clause that also states a limit or a format may still hold a must of its own, after a comma:
        # "300-400 words, no exclamation marks, always include one call to action".
        for start, end in must_segments(text):
            segment = span(start, end)
            covered = any(
                c.span is not None and c.span.start < segment.end and segment.start < c.span.end for c in found
            )
            if not covered:
                words = text[start:end].strip().rstrip(".")
                if is_english(words):
                    rule = sentence_case(words)
                    yield Constraint(kind="requirement", text=rule, span=span(start, end), value=rule)
        return
    requirement = find_requirement(text)
    heading = re.fullmatch(r"[^\W\d_][\w ,-]{0,40}[:：]", text.strip()) is not None  # "Format, no exceptions:"
    if requirement is None and explicit and not prohibitions and not typed and not heading:
        requirement = FoundRule(
            instruction_case(text)
            if is_english(text)
            else f'Follow this rule from the brief: "{text.strip().rstrip(".。")}".',
            None,
            None,
            0,
            len(text),
        )
    if requirement is not None:
        yield Constraint(
            kind="requirement",
            text=requirement.text,
            span=span(requirement.start, requirement.end),
            value=requirement.text,
        )


def _ban_words_fixed(text: str, found: list[Constraint]) -> bool:
    """Whether an English clause that opens with its case fixes words to reply that hold a negation, and no fallback
    reads those words as the case's reply."""
    if (
        not is_english(text)
        or not condition_end(text)
        or any(c.kind == "fallback" and c.action == "say" for c in found)
    ):
        return False
    return any(in_exact_line(text, m.start("cue")) for m in PROHIBITION_EN.finditer(text))


def _joined_back(text: str) -> int:
    """Where a clause's second sentence opens, when it points back to the first ("… or sets. Only the physio does
    that."), else 0."""
    for mark in re.finditer(r"[.!?][\"”»']?(?=[ \t])", text.rstrip()):
        if points_back_next(text, mark.end() - 1):
            return mark.end()
    return 0


# "book those here", "offer it", "answer them": a ban whose object is what its clause named before it
_BACK_OBJECT = re.compile(
    r"\s*(?P<verb>[a-z]+)\s+(?P<object>those|these|them|it|that|this|such)\b(?!\s+\w+ing\b)(?!-)", re.IGNORECASE
)
# "tell them", "ask them", "give them …": "them" is the person the assistant talks to, not something named before
_TO_A_PERSON = frozenset(
    """tell ask give send remind offer show help let thank invite point direct refer get make call email text contact
    warn encourage suggest promise pressure rush push judge blame lecture correct interrupt""".split()  # noqa: SIM905
)


def _points_back(rest: str) -> bool:
    """Whether a ban's object points back to what its clause named before ("book those here", "read them back")."""
    match = _BACK_OBJECT.match(rest)
    if match is None:
        return False
    return not (match.group("object").lower() == "them" and match.group("verb").lower() in _TO_A_PERSON)


_ITEM_JOIN = re.compile(r"\s*(?:,|;|\band\b|\bor\b|\bnor\b)\s*(?:(?:no|not|never|any)\s+)?", re.IGNORECASE)


# "or any of that", "or anything like that", "etc.": a list's catch-all, of the same kind as the items before it
_CATCH_ALL = re.compile(
    r"\s*(?:(?:any|anything|all)\s+)?(?:of\s+)?(?:that|this|those|these|(?:else\s+)?like\s+(?:that|this)|the\s+like)"
    r"(?:\s+stuff)?\s*\.?\s*|\s*(?:etc\.?|and\s+so\s+on|(?:that\s+)?(?:kind\s+of\s+)?(?:stuff|thing))\s*",
    re.IGNORECASE,
)
_REASON = re.compile(r"\s*(?:it['’]?s|it\s+is|this\s+is|that['’]?s|they['’]?re|because|since|as)\b", re.IGNORECASE)


def _without_formatting(prohibition: FoundRule) -> FoundRule | None:
    """The prohibition without the formatting items a format constraint already holds: "no markdown fences and no
    explanation" forbids the explanation here; None when it forbids formatting only."""
    if formats.only_formatting(prohibition.rest):
        return None
    if not formats.mentions_feature(prohibition.rest) or prohibition.rest not in prohibition.text:
        return prohibition
    items = [item for item in _ITEM_JOIN.split(prohibition.rest) if item.strip()]
    kept = [item for item in items if not formats.only_formatting(item)]
    if len(kept) == len(items):
        return prohibition
    # (", it's a tiny chat window": the reason given after the list, no banned thing)
    kept = [item for item in kept if not _REASON.match(item)]
    real = [item for item in kept if not _CATCH_ALL.fullmatch(item)]
    if not real:
        return None  # "no bullet points or bold or any of that": formatting only, its "any of that" included
    rest = ", ".join(real) + "".join(f" or {item.strip()}" for item in kept if item not in real)
    at = prohibition.text.index(prohibition.rest)
    lead, tail = prohibition.text[:at], prohibition.text[at + len(prohibition.rest) :]
    # (the tail keeps what closes the rule: 'Follow this prohibition from the brief: "…".' keeps its quote)
    return prohibition._replace(text=f"{lead}{rest}{tail if tail.strip() else '.'}", rest=rest)


# Words before the first tool that say no case: "Always call", "First, use", "Please run"
_CASE_LEAD = re.compile(
    r"\s*(?!(?i:(?:always|first|please|you\s+(?:must|should)|make\s+sure\s+(?:to|you)|call|use|run|invoke|only|"
    r"then)[\s,]+)*`?" + tool_orders.TOOL_NAME.join(("(?:", ")")) + r")\S"
)


def _tool_orderings(
    text: str, found: list[tool_orders.ToolOrder], span: Span, *, explicit: bool
) -> Iterator[Constraint]:
    """One ordering per pair of tools the clause orders, all said by one rule sentence."""
    # An instruction that says more than its order ("Lost or stolen card: freezeCard before orderReplacement, always,
    # even if they say they might find it") is the rule in its own words, as for the general order reader.
    # So is one whose steps hold only in a case said before them ("Otherwise always find_hire first, …").
    whole = is_english(text) and (
        (explicit and len(found[0].text) < len(text.strip()) * 0.6)
        or bool(OPENS_WITH_CONDITION.match(text))
        or bool(_CASE_LEAD.match(text))
    )
    sentence = second_person(instruction_case(text), "user") if whole else found[0].text
    for order in found:
        yield Constraint(
            kind="ordering", text=sentence, span=span(order.start, order.end), first=order.first, then=order.then
        )


def _gate_ordering(text: str, gate: tool_gates.ToolGate, span: Span, *, explicit: bool) -> Constraint:
    """The ordering of a tool that gates the rest; an English instruction that says more (its exception, its case)
    is the rule in its own words, as for an order between two tools."""
    english = is_english(text)
    # ("verify_member must succeed before any other tool, with one exception: … freeze_card can be called first")
    others = len(tool_orders.tool_names_in(text)) > 1
    whole = english and (
        (explicit and len(gate.text) < len(text.strip()) * 0.6) or bool(OPENS_WITH_CONDITION.match(text)) or others
    )
    sentence = second_person(instruction_case(text), "user") if whole else gate.text
    return Constraint(
        kind="ordering", text=sentence, span=span(0, len(text.rstrip())), first=gate.first, then=gate.then
    )


def _before_ordering(text: str, ordering: FoundRule, span: Span) -> Iterator[Constraint]:
    """Prohibitions stated in the same sentence before an ordering rule ("never ask X, and send Y first")."""
    lead = text.find(ordering.first) if ordering.first else -1
    prefix = text[:lead].rstrip() if lead > 0 else ""
    # Only a separate item of a list ("never ask X, and send Y first"), not "never X without Y".
    if not re.search(r"(?:[,;]|\band)$", prefix):
        return
    for prohibition in find_prohibitions(prefix):
        if formats.only_formatting(prohibition.rest):
            continue
        yield Constraint(
            kind="prohibition", text=prohibition.text, span=span(prohibition.start, prohibition.end),
            value=prohibition.text,
        )  # fmt: skip


def audience_constraint(found: people.FoundAudience, span: BriefSpan) -> Constraint:
    """An audience constraint for a found audience, described in the prompt's words."""
    return Constraint(
        kind="audience", text=people.describe_audience(found.phrase, found.minimum, found.maximum), span=span,
        value=found.phrase, minimum=found.minimum, maximum=found.maximum,
    )  # fmt: skip


LENGTH_LIMITS_RULE = "Never exceed the length limits stated here."
