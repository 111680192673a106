"""Read a brief into typed constraints: split each field into clauses, run the typed extractors, deduplicate.

The pipeline per free-text field: JSON literals and bullet label lists first (they span lines), then each
clause through every extractor. Order is deterministic: by brief field, list index, then span start.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

import msgspec

from app.engine.brief import Brief
from app.engine.constraints import (
    fallbacks,
    formats,
    imperatives,
    labels,
    language,
    layout,
    limits,
    parameters,
    people,
    rules,
    scoping,
    sections,
    structure,
    tools,
)
from app.engine.constraints.clauses import Clause, instruction_case, sentence_case, split_clauses
from app.engine.constraints.formality import describe_formality, find_formality
from app.engine.constraints.model import BriefSpan, Constraint, ConstraintSource
from app.engine.language_id import identify
from app.engine.phrasing import second_person
from app.engine.references import label_table
from app.engine.tool_text import TOOLS_INTRO, without_tool_output

FIELD_ORDER: tuple[ConstraintSource, ...] = (
    "task", "role", "audience", "tone", "constraints", "output_format", "language", "length", "json_schema", "tools",
)  # fmt: skip
_IMPLICIT_LANGUAGE_CONFIDENCE = 0.3


class _Field:
    """One free-text field of the brief being read, to build spans from local offsets."""

    def __init__(self, name: ConstraintSource, text: str, index: int | None = None) -> None:
        self.name = name
        self.text = text
        self.index = index

    def span(self, start: int, end: int) -> BriefSpan:
        start, end = max(0, start), min(len(self.text), end)
        return BriefSpan(field=self.name, index=self.index, start=start, end=end, text=self.text[start:end])


def _mask(text: str, start: int, end: int) -> str:
    """Blank out [start, end) keeping offsets, so later extractors do not read it again."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


_REPLY_LEAD = re.compile(
    r"\b(?:return|output|respond|reply|answer|format|give|emit|produce)\w*\b(?:\s+(?:with|as|in|only|just|exactly|"
    r"this|the|following|a|an|object|json|shape|form|like)\b)*\s*:?\s*$",
    re.IGNORECASE,
)


def _field_limits(field: _Field, obj: structure.FoundObject, schema: dict[str, object]) -> Iterator[Constraint]:
    """'"resumen": "máx. 25 palabras"': a limit written as a field's value limits that field, and the schema keeps
    the brief's words as the field's description."""
    properties = schema.get("properties")
    for key, raw in obj.value.items():
        if not isinstance(raw, str) or not isinstance(properties, dict) or not isinstance(properties.get(key), dict):
            continue
        found = [f for f in limits.find_limits(raw) if f.unit != "items" and not f.capped]
        if len(found) != 1:
            continue
        limit, scope = found[0], f"the {key} field"
        properties[key].setdefault("description", raw.strip())
        yield Constraint(
            kind="limit", text=limits.describe_limit(limit.unit, limit.minimum, limit.maximum, limit.exact, scope),
            span=field.span(obj.start, obj.end), unit=limit.unit, minimum=limit.minimum, maximum=limit.maximum,
            exact=limit.exact, scope=scope,
        )  # fmt: skip


_TYPE_WORDS = frozenset({"string", "str", "number", "integer", "int", "boolean", "bool", "object", "array", "null"})


def _tool_spec(value: object) -> tuple[str, list[str], str | None] | None:
    """A function-calling tool written as JSON ({"name", "description", "parameters"}, or OpenAI's
    {"type": "function", "function": {…}}): its name, parameters and purpose."""
    if not isinstance(value, dict):
        return None
    inner = value.get("function")
    if value.get("type") == "function" and isinstance(inner, dict):
        value = inner
    name, parameters, description = value.get("name"), value.get("parameters"), value.get("description")
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z_][\w.]*", name):
        return None
    if name.lower() in _TYPE_WORDS or (isinstance(description, str) and description.lower() in _TYPE_WORDS):
        return None  # '{"name": "string", "description": "string", …}': a reply schema with those keys
    if not isinstance(parameters, dict) and not isinstance(description, str):
        return None
    if isinstance(parameters, dict):
        properties = parameters.get("properties")
        names = list(properties) if isinstance(properties, dict) else [k for k in parameters if k != "type"]
    else:
        names = []
    return name, [str(n) for n in names], description if isinstance(description, str) else None


def _structures(field: _Field) -> tuple[list[Constraint], str]:
    """Schemas from JSON literals and label sets from bullet lists, and the text with both masked out."""
    found: list[Constraint] = []
    masked = field.text
    for obj in structure.find_objects(field.text):
        if layout.on_signature_line(field.text, obj.start):
            continue  # "reportIssue(…): Promise<{ ticketRef: string }>": what a tool returns, not the reply
        spec = _tool_spec(obj.value)
        if spec is not None:
            # '{"name": "query_order", "description": …, "parameters": {"phone": "string"}}': a tool, not the reply
            name, parameters, purpose = spec
            found.append(
                Constraint(
                    kind="tool", text=tools.describe_tool(name, parameters, purpose),
                    span=field.span(obj.start, obj.end), name=name, parameters=parameters, value=purpose,
                )
            )  # fmt: skip
            masked = _mask(masked, obj.start, obj.end)
            continue
        schema = structure.to_json_schema(obj.value)
        keys = structure.schema_keys(schema)
        found.append(
            Constraint(
                kind="schema", text=structure.describe_schema(keys), span=field.span(obj.start, obj.end),
                schema=schema, values=keys,
            )
        )  # fmt: skip
        if _REPLY_LEAD.search(field.text[max(0, obj.start - 50) : obj.start]):
            # 'Return {"decision": ...}': the reply itself is that JSON.
            found.append(
                Constraint(
                    kind="format", text=formats.describe_format("json", []), span=field.span(obj.start, obj.end),
                    value="json",
                )
            )  # fmt: skip
        # A closed set of values for one key is that key's label set.
        for key, prop in schema.get("properties", {}).items():
            enum = prop.get("enum") if isinstance(prop, dict) else None
            values = [str(value) for value in enum or () if value is not None]  # null is no label: "none of them"
            if isinstance(enum, list) and len(values) >= 2:
                nullable = " (or null)" if None in enum else ""
                found.append(
                    Constraint(
                        kind="labels", text=f"Set `{key}` to exactly one of: {', '.join(values)}{nullable}.",
                        span=field.span(obj.start, obj.end), values=values, scope=key,
                    )
                )  # fmt: skip
        found.extend(_field_limits(field, obj, schema))
        masked = _mask(masked, obj.start, obj.end)
    for values, multi, start, end in labels.find_label_block(masked):
        found.append(
            Constraint(
                kind="labels", text=labels.describe_labels(values, multi), span=field.span(start, end),
                values=values, multi=multi,
            )
        )  # fmt: skip
        masked = _mask(masked, start, end)
    return found, masked


_QUOTED = re.compile(r"(?<![\w])'(?:[^']|(?<=\w)'(?=\w)){3,}'(?![\w])|\"[^\"]{3,}\"|“[^”]{3,}”|«[^»]{3,}»")


def _unquoted(text: str) -> str:
    """The text with quoted words blanked out (offsets kept)."""
    return _QUOTED.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1], text)


def _continues_exact_reply(text: str, start: int) -> bool:
    """Whether the clause at `start` goes on the words of an exact reply its sentence began ("… reply exactly: LGTM
    — no blocking issues.")."""
    sentence_start = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "! ", "? ")) + 1
    return _EXACT_REPLY.search(text, sentence_start, start) is not None


# "reply exactly: LGTM — no blocking issues", "say only: …": what follows the colon is the reply's own words.
_EXACT_REPLY = re.compile(
    r"\b(?:reply|respond|answer|say|write)\s+(?:with\s+)?(?:exactly|verbatim|literally)\s*:",
    re.IGNORECASE,
)


Span = Callable[[int, int], BriefSpan]
"""Maps a [start, end) range of the clause to a span of the brief."""


# "E. Mise en page et longueur (entre 80 et 150 mots) : 2 pts", "Length (250-300 words) - 10 marks": a rubric
# criterion scores the graded text; its length is what the input should have, not a limit on the reply.
_RUBRIC_SCORE = re.compile(r"[:(–—-]\s*\d+(?:[.,]\d+)?\s*(?:pts?|marks?|pkt|分)\.?\)?\s*[.;]?\s*$", re.IGNORECASE)
# "Points" alone may count bullets ("Key takeaways: 3 points"): a criterion only when a length comes before it.
_RUBRIC_POINTS = re.compile(
    r"[:(–—-]\s*\d+(?:[.,]\d+)?\s*(?:points?|punkte?|puntos?|pontos?|punti|punten|点)\.?\)?\s*[.;]?\s*$",
    re.IGNORECASE,
)


def _rubric_criterion(text: str, found: list[limits.FoundLimit]) -> bool:
    """A rubric line scores the graded text: its length is what the input should have, not a reply limit."""
    if _RUBRIC_SCORE.search(text):
        return True
    points = _RUBRIC_POINTS.search(text)
    # "Mise en page et longueur (entre 80 et 150 mots) : 2 points": the criterion's length is in brackets
    return points is not None and any(
        lim.end <= points.start() and text.rfind("(", 0, lim.start) > text.rfind(")", 0, lim.start) for lim in found
    )


def _limits(text: str, unquoted: str, span: Span) -> list[Constraint]:
    found = limits.find_limits(text)
    if _rubric_criterion(text, found):
        return []
    opening = span(0, 0)
    if opening.field == "task" and opening.start == 0:
        # "Newsletter: 300-400 words" opening the brief names the deliverable itself: the whole reply.
        found = [lim._replace(scope=None) if limits.heading_scope(text, lim.start) else lim for lim in found]
    either: dict[int, str] = {}
    for first, second in limits.alternatives(found, text):
        found[second] = limits.carried_bound(found[first], found[second], text)
        # "up to 5 bullet points or 3 sentences, whichever fits": one sentence says both, once
        either[first] = either[second] = limits.describe_either(found[first], found[second])
    out = []
    for index, lim in enumerate(found):
        if _one_thing_not_length(lim, text):
            continue  # "explique au plus un mot difficile par réponse": one word to explain, not a one-word reply
        if _MERGED_INTO.search(text, max(0, lim.start - 30), lim.start) and _INPUT_STATE.search(
            text, max(0, lim.start - 80), lim.start
        ):
            continue  # "two columns merged into one line": what the input looks like, not the reply's length
        # ("Don't ask follow-up questions - if the sku is missing, say which in one line": a dash opens the case)
        case_start = max(text.rfind(mark, 0, lim.start) for mark in (" - ", " – ", " — ", "; "))
        conditional = (
            _CONDITIONAL_CLAUSE.match(text[: lim.start]) is not None
            or (
                case_start > 0
                and _CONDITIONAL_CLAUSE.match(text[case_start + 2 : lim.start]) is not None
                # ("Be direct - when you answer, keep every reply under 80 words": every reply, whatever the case)
                and not _EVERY_REPLY.search(text, case_start, lim.start)
                and not re.match(
                    r"\s*\W*\s*(?:when|whenever)\s+you\s+(?:answer|reply|respond|write)\s*,", text[case_start + 2 :]
                )
            )
        )
        if _one_part_line(lim, text) or conditional:
            # "End with the service details on one line", "After the query, one sentence saying what it returns":
            # one line or sentence is a part of the reply; the brief's sentence says which, the reply has no cap.
            rule = (
                instruction_case(text)
                if rules.is_english(text)
                else f'Follow this rule from the brief: "{text.strip().rstrip(".。")}".'
            )
            out.append(
                Constraint(
                    kind="limit", text=rule,
                    span=span(0, len(text.rstrip())) if conditional else span(lim.start, lim.end),
                    unit=lim.unit, minimum=lim.minimum,
                    maximum=lim.maximum, exact=lim.exact, scope="the part this sentence names",
                )
            )  # fmt: skip
            continue
        out.append(
            Constraint(
                kind="limit",
                text=either.get(index)
                or _per_turn_questions(lim, text[lim.end :], text[max(0, lim.start - 40) : lim.start])
                or _with_parts(
                    limits.describe_limit(
                        lim.unit, lim.minimum, lim.maximum, lim.exact, lim.scope, lim.noun, lim.rest_free
                    ),
                    text[lim.end :], lim.exact,
                ),
                span=span(lim.start, lim.end), unit=lim.unit, minimum=lim.minimum, maximum=lim.maximum,
                exact=lim.exact, scope=lim.scope,
            )
        )  # fmt: skip
    return out


# Words that make "one line" or "one sentence" the length of the whole reply ("reply in one line").
_WHOLE_REPLY = re.compile(
    r"\b(?:repl(?:y|ies)|answers?|respon(?:d|se|ses)|messages?|output|each|every|always|keep\s+(?:it|them)|status|"
    r"respuestas?|responde|réponses?|réponds|respostas?|responda|antwort\w*|mensajes?|nachricht\w*)\b|"
    r"整条|每条|回复|回答|返信|回答は|答え",
    re.IGNORECASE,
)


_ONE_WORD_REPLY = re.compile(
    r"\bone[- ]word\b|\b(?:in|with|using)\s+(?:a\s+single|one|1|un|una|um|uma|einem|ein)\s+"
    r"(?:word|palabra|mot|palavra|wort)\b|"
    r"\b(?:single|one)\s+word\s+(?:answer|reply|response|label)|一言|一个词|一語",
    re.IGNORECASE,
)


def _one_thing_not_length(lim: limits.FoundLimit, text: str) -> bool:
    """ "At most one word" is a length only as a one-word reply; "explain at most one difficult word" counts words
    to explain."""
    one = lim.exact == 1 or (lim.maximum == 1 and lim.minimum is None)
    return one and lim.unit == "words" and lim.scope is None and _ONE_WORD_REPLY.search(text) is None


def _one_part_line(lim: limits.FoundLimit, text: str) -> bool:
    """A limit of one line or one sentence that no word ties to the whole reply: it names one part of it."""
    one = lim.exact == 1 or (lim.maximum == 1 and lim.minimum is None)
    return (
        one
        and lim.scope is None
        and lim.unit in ("sentences", "lines")
        and _WHOLE_REPLY.search(text[: lim.start]) is None
        and _WHOLE_REPLY.search(text[lim.end : lim.end + 25]) is None
        and (len(text.split()) > 4 or len(text) > 20)
        and _PART_CUE.search(text) is not None
    )


# Words that place one line or sentence among other parts of the reply.
_PART_CUE = re.compile(
    r"\b(?:then|after|before|end(?:s|ing)?\s+with|start(?:s|ing)?\s+with|first|finally|followed|plus|saying|"
    r"that\s+says|luego|primero|después|danach|zuerst|dann|puis|ensuite|d'abord|depois|primeiro)\b|先|再|然后|最后",
    re.IGNORECASE,
)


_PARTS_ASIDE = re.compile(r"\s*\((?P<parts>[^()]{3,160})\)")


# "Ask ONE question per message", "max 2 questions per reply": a cap on each turn of a conversation
_PER_TURN = re.compile(
    r"\s*(?:per|each|in\s+each|a|at\s+a)\s+(?P<turn>message|reply|turn|response|time)\b", re.IGNORECASE
)


_ANSWERED = re.compile(r"\b(?:answer|answers|respond\s+to|reply\s+to|handle|take)\b[^.,;]{0,20}$", re.IGNORECASE)


# ("messy, sometimes two columns merged into one line": how the input arrives; not "return them combined into one
# sentence", "Summarise the commits, squashed into one line per release", where the reply is what is merged)
_INPUT_STATE = re.compile(
    r"\b(?:sometimes|often|usually|occasionally|messy|ocr\W?d|scanned|comes?|arrives?|are|is|were|was|gets?|got|"
    r"paste[sd]?|copied|exported|export)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
_EVERY_REPLY = re.compile(
    r"\b(?:every|each|all|any|always)\s+(?:\w+\s+)?(?:repl(?:y|ies)|answers?|responses?|messages?)\b", re.IGNORECASE
)
_MERGED_INTO = re.compile(
    r"\b(?:merged|combined|joined|squashed|collapsed|crammed|packed|run\s+together|together)\s+(?:in|into|onto|on)\s+$",
    re.I,
)


def _per_turn_questions(lim: limits.FoundLimit, after: str, before: str = "") -> str | None:
    """ "Ask ONE question per message": at most that many questions in each message (the closing message may ask
    none), rather than a reply of exactly one question."""
    turn = _PER_TURN.match(after)
    count = lim.exact if lim.exact is not None else lim.maximum
    if turn is None or lim.unit != "items" or lim.scope is not None or count is None:
        return None
    if not lim.noun.lower().startswith("question") or _ANSWERED.search(before):
        return None  # ("answer at most 3 questions per message": the user's questions, not the assistant's)
    noun = "question" if count == 1 else "questions"
    per = "at a time" if turn["turn"].lower() == "time" else f"per {turn['turn'].lower()}"
    if lim.exact is not None and lim.exact > 1:
        return f"Ask exactly {count} {noun} {per}."  # "Give exactly 2 questions per turn"
    return f"Ask no more than {count} {noun} {per}."


def _with_parts(sentence: str, after: str, exact: int | None) -> str:
    """ "exactly 3 bullet points (guidance, margins, risks)": an aside naming as many parts as the count says what
    each one covers, so it stays with the limit."""
    aside = _PARTS_ASIDE.match(after)
    if aside is None or exact is None:
        return sentence
    parts = labels.split_items(aside.group("parts"), last_trim=False)
    if parts is None or len(parts) != exact:
        return sentence
    return f"{sentence[:-1]}: {', '.join(parts)}."


# "When you show a rota keep it to 5 bullet points", "In those moments …, no bullet points": a limit or a format
# rule under a condition holds only then; the brief's sentence says so, the whole reply is not capped.
_CONDITIONAL_CLAUSE = re.compile(
    r"^\s*(?:and\s+)?(?:(?:when(?:ever)?|if|in\s+(?:those|these|such)\s+(?:moments|cases|situations)|during|while|once|"
    # "Si le texte fait moins de 30 mots, mets 0/20", "Wenn der Text …", "Se o texto …": the same in other languages.
    r"si|wenn|falls|sofern|quand|lorsque|cuando|quando|wanneer|indien|"
    r"se\s+(?:o|a|os|as|um|uma|il|un|una|uno|não|non|ci|houver|tiver|for|alguém|qualcuno|você)|"
    r"als\s+(?:de|het|een|je|jij|u|er|iemand))\b(?!\s+(?:tu\s+|du\s+|je\s+|usted\s+|lei\s+)?(?:respond|répond|"
    r"antwort|rispond|antwoord|contest|schreib|escrib|écri|scriv|possible|posible|possibile|möglich|mogelijk))|"
    r"(?:如果|若是|假如|倘若|要是|もし))",
    re.IGNORECASE,
)


def _format(text: str, unquoted: str, span: Span) -> list[Constraint]:
    fmt = formats.find_format(unquoted)
    if fmt is None or (_CONDITIONAL_CLAUSE.match(text[: fmt.start]) and fmt.value is None):
        return []
    return [
        Constraint(
            kind="format", text=formats.describe_format(fmt.value, fmt.forbidden), span=span(fmt.start, fmt.end),
            value=fmt.value, forbidden=fmt.forbidden,
        )
    ]  # fmt: skip


_SIGNATURE_CALL = re.compile(r"[A-Za-z_]\w*_\w*\(")


def _label_sets(text: str) -> list[labels.FoundLabels]:
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


def _labels_and_fields(text: str, unquoted: str, span: Span) -> list[Constraint]:
    out: list[Constraint] = []
    sets = _label_sets(text)
    found = sets[0] if sets else None
    for each in sets:
        out.append(
            Constraint(
                kind="labels", text=labels.describe_labels(each.values, each.multi, text[each.start : each.end]),
                span=span(each.start, each.end), values=each.values, multi=each.multi,
            )
        )  # fmt: skip
    fields = structure.find_fields(text)
    if fields is not None and _SIGNATURE_CALL.search(text[fields.start : fields.end]):
        fields = None  # "with restart_service(name), get_status(name)": tool signatures, not fields
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


def _tools(text: str, unquoted: str, span: Span) -> list[Constraint]:
    return [
        Constraint(
            kind="tool", text=tools.describe_tool(tool.name, tool.parameters, tool.purpose),
            span=span(tool.start, tool.end), name=tool.name, parameters=tool.parameters, value=tool.purpose,
        )
        for tool in tools.find_tools(text)
    ]  # fmt: skip


def _with_line_purposes(field: _Field, found: list[Constraint]) -> list[Constraint]:
    """Tools whose clause ended at a dash get what the rest of their line says they do ("- boot_suchen(datum,
    bootstyp) – zeigt freie Boote")."""
    described = []
    for constraint in found:
        span = constraint.span
        said = None
        if constraint.kind == "tool" and constraint.value is None and span is not None and span.field == field.name:
            said = tools.line_purpose(field.text, span.end)
        if said is not None:
            text = tools.describe_tool(constraint.name or "", list(constraint.parameters), said)
            constraint = msgspec.structs.replace(constraint, value=said, text=text)
        described.append(constraint)
    return described


def _listed_tools(field: _Field, found: list[Constraint]) -> list[Constraint]:
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


def _fallbacks(text: str, unquoted: str, span: Span) -> list[Constraint]:
    return [
        Constraint(
            kind="fallback",
            text=_own_action(text, found)
            or fallbacks.describe_fallback(
                found.action, found.value, found.condition, in_place=fallbacks.written_in_place(text, found)
            ),
            span=span(found.start, found.end), action=found.action, value=found.value, condition=found.condition,
            scope=fallbacks.QUOTED_SCOPE
            if found.action != "say" and fallbacks.in_quoted_sentence(text, found.start)
            else None,
        )
        for found in fallbacks.find_fallbacks(text)
    ]  # fmt: skip


_ACTION_LEAD = re.compile(
    r"(?:stop|pause|end|tell|ask|give|share|offer|urge|encourage|advise|direct|point|refer|say|remind|suggest)\b",
    re.IGNORECASE,
)


def _own_action(text: str, found: fallbacks.FoundFallback) -> str | None:
    """'If they mention self-harm, stop the journaling flow and tell them to call or text 988 or their local
    emergency number': an instruction that does more than name the contact keeps the brief's own words."""
    condition = found.condition
    at = text.find(condition) if condition else -1
    if condition is None or at < 0 or found.action in ("say", "handoff") or not rules.is_english(text):
        return None
    action = text[at + len(condition) :].lstrip(" ,:")
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


def _language(text: str, unquoted: str, span: Span) -> list[Constraint]:
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


def _people(text: str, unquoted: str, span: Span) -> list[Constraint]:
    out: list[Constraint] = []
    audience = people.find_audience(text)
    if audience is not None:
        out.append(_audience(audience, span(audience.start, audience.end)))
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
                kind="tone", text=describe_formality(formality.register, formality.pronoun),
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


# The typed readers, in the order their constraints are listed for one clause.
def _reply_limits(text: str, unquoted: str, span: Span) -> list[Constraint]:
    return _limits(without_tool_output(text), without_tool_output(unquoted), span)


def _reply_format(text: str, unquoted: str, span: Span) -> list[Constraint]:
    if TOOLS_INTRO.search(text):
        return []  # "能调用的工具如下（JSON 格式）：", "Tools (JSON schema):": the format of the tool list below
    return _format(without_tool_output(text), without_tool_output(unquoted), span)


_READERS: tuple[Callable[[str, str, Span], list[Constraint]], ...] = (
    _reply_limits, _reply_format, _labels_and_fields, _tools, _fallbacks, _language, _people,
)  # fmt: skip
_LED_READERS = frozenset({_fallbacks})
"""Readers that read a sentence of a conditioned list item under its condition (its routes hold only then)."""


# "1. If the person mentions smelling gas …: STOP. Don't call any tool. Tell them to get out …": a list item that
# opens with a condition and a colon; every sentence of the item holds under it.
_ITEM_CONDITION = re.compile(
    r"(?P<condition>(?:if|when|whenever|in\s+case|should|si|se|wenn|falls|cuando|quand|als)\b[^:\n()]{5,200}?)\s*:\s*",
    re.IGNORECASE,
)
_OWN_CONDITION = re.compile(r"\s*(?:if|when|whenever|unless|in\s+case|otherwise)\b", re.IGNORECASE)
_ITEM_MARKER = re.compile(r"\s*(?:[-*•・]|\d{1,2}[.)]|[a-z][.)])\s*")
_LINE_START = re.compile(r"\s*(?:[-*•・]|\d{1,2}[.)]|[a-z][.)])?\s*")


def _item_condition(text: str, clause: Clause, condition: str | None) -> tuple[bool, str | None]:
    """Whether the clause opens a line (a list item), and the condition its item's later sentences hold under."""
    line_start = text.rfind("\n", 0, clause.start) + 1
    if not _LINE_START.fullmatch(text, line_start, clause.start):
        return False, condition  # a later sentence of the same line keeps the item's condition
    if not _ITEM_MARKER.fullmatch(text, line_start, clause.start):
        return True, None  # "If a caller asks about results: …" in a paragraph: no list item to govern
    match = _ITEM_CONDITION.match(clause.text)
    if match is None or _ACTION_IN_CONDITION.search(match.group("condition")):
        return True, None  # "When the rep types END, drop the character and score … on each of:": an action's list
    return True, match.group("condition")


# An instruction inside what looked like a condition: ", stop the check-in and reply with exactly:".
_ACTION_IN_CONDITION = re.compile(
    r"[,;(]\s*(?:and\s+|then\s+)?(?:stop|drop|give|tell|say|reply|respond|ask|call|send|score|write|answer|use|"
    r"put|add|show|offer|end|start|return|output|explain|list|mark|flag|rate|refer|point|hand|pass|escalate|"
    r"réponds|répondez|responde|responda|antworte|gib|rispondi)\b",
    re.IGNORECASE,
)


def _clause_constraints(field: _Field, clause: Clause, lead: str = "") -> list[Constraint]:
    """Every constraint one clause states: the typed readers first, then rules (ordering, prohibition, must).
    `lead` is the condition of the list item the clause belongs to, read as the clause's own opening."""
    text, offset = (
        (lead + clause.text[:1].lower() + clause.text[1:], clause.start) if lead else (clause.text, clause.start)
    )
    shift = len(lead)

    def span(start: int, end: int) -> BriefSpan:
        return field.span(offset + max(0, start - shift), offset + max(0, end - shift))

    def plain_span(start: int, end: int) -> BriefSpan:
        return field.span(offset + start, offset + end)

    # Words to say ('reply "I can't answer from the available tables"') are not instructions themselves.
    unquoted = _unquoted(text)
    out = [
        constraint
        for reader in _READERS
        # a format or a limit in a conditioned item is the reply's own ("Never use bullet points"): read unled
        for constraint in (reader(text, unquoted, span) if not lead or reader in _LED_READERS else
                           reader(clause.text, _unquoted(clause.text), plain_span))
    ]  # fmt: skip
    if lead:
        # read under its item's condition, each constraint stands for the whole sentence
        sentence = field.span(offset, offset + len(clause.text.rstrip()))
        out = [msgspec.structs.replace(c, span=sentence) if c.kind in ("fallback", "requirement") else c for c in out]
    explicit = field.name == "constraints" or (
        field.name == "task" and imperatives.later_instruction(field.text, clause)
    )
    rule_constraints = list(_rules(unquoted, span, out, explicit=explicit, original=text))
    if _continues_exact_reply(field.text, offset):
        rule_constraints = []  # "reply exactly: LGTM — no blocking issues": the reply's own words, no prohibition
    elif _EXACT_REPLY.search(text) and not re.search(r"[.!?。！？][\"”»']*\s*$", text):
        rule_constraints = []  # its first clause: cut at the dash, the rule would misquote the reply
    tail = text.strip().rstrip(".")[-30:]
    kept_whole = [c for c in out if c.kind == "fallback" and c.condition and len(tail) == 30 and tail in c.text]
    if kept_whole and (cond_at := text.find(kept_whole[0].condition or "")) >= 0:
        # The brief's own crisis instruction is kept whole ("…, not touch switches and call …"); a prohibition
        # cut from its middle would garble it. One stated before the condition stays.
        rule_constraints = [
            c for c in rule_constraints if c.kind != "prohibition" or c.span is None or c.span.start < offset + cond_at
        ]
    whole = {c.text for c in out if c.scope == "the part this sentence names"}
    if whole:
        # The brief's own sentence is already a rule ("Exactly 5 bullets, then a one-line "Guidance:" line"): a
        # rewording of its order beside it would say the same thing twice, less well.
        rule_constraints = [c for c in rule_constraints if c.kind != "ordering" or c.text in whole]
    out.extend(_collapsed(_with_quotes_restored(c, text)) for c in rule_constraints)
    return _without_routes_of_bans(out)


def _without_routes_of_bans(found: list[Constraint]) -> list[Constraint]:
    """ "dont take orders in the chat, send ppl to baodown.co/order": a contact given as the alternative to what a
    prohibition forbids is that case's route, which the prohibition carries; as the general fallback it would send
    every question the assistant cannot answer to the order page."""
    bans = [
        c for c in found
        if c.kind == "prohibition" and c.span is not None and c.span.text and rules.is_english(c.span.text)
        and re.match(r"(?:do\s+not|don'?t|dont|never|no)\b", c.span.text.strip(), re.IGNORECASE)
    ]  # fmt: skip

    def carried(c: Constraint) -> bool:
        return any(
            c.span is not None and ban.span is not None and ban.span.start <= c.span.start
            and c.span.end <= ban.span.end and (c.value or "") in ban.text
            for ban in bans
        )  # fmt: skip

    return [c for c in found if not (c.kind == "fallback" and c.condition is None and c.value and carried(c))]


def _collapsed(constraint: Constraint) -> Constraint:
    """A rule without the run of spaces a joined wrapped line leaves ("through the   website")."""
    if "  " not in constraint.text:
        return constraint
    text = re.sub(r"[ \t]{2,}", " ", constraint.text)
    value = re.sub(r"[ \t]{2,}", " ", constraint.value) if constraint.value is not None else None
    return msgspec.structs.replace(constraint, text=text, value=value)


def _with_quotes_restored(constraint: Constraint, original: str) -> Constraint:
    """Rules are read with quoted words blanked (a quote negates nothing); their text gets the quotes back, so
    "say 'I've escalated this'" does not become "say '                   '"."""
    text, value = constraint.text, constraint.value
    for match in _QUOTED.finditer(original):
        quoted = match.group(0)
        blanked = quoted[0] + " " * (len(quoted) - 2) + quoted[-1]
        text = text.replace(blanked, quoted, 1)
        value = value.replace(blanked, quoted, 1) if value is not None else None
    if text == constraint.text and value == constraint.value:
        return constraint
    # A blanked quote got a full stop after it; the restored one may end its own sentence ('… at any time."').
    text = _DOUBLE_STOP.sub(r"\1", text)
    value = _DOUBLE_STOP.sub(r"\1", value) if value is not None else None
    return msgspec.structs.replace(constraint, text=text, value=value)


_DOUBLE_STOP = re.compile(r"([.!?。][\"”»'’」])\.$")


_OPENS_WITH_CONDITION = re.compile(r"\s*(?:if|when|whenever|should|in\s+case)\b", re.IGNORECASE)
_CONDITION_CUE = re.compile(
    r":|\b(?:if|when|unless|needs?|requires?)\b|^\s*(?:anything|any\s+questions?|questions?)\s+(?:about|on|regarding|involving)\b",
    re.I,
)
_TYPED_PARTS = frozenset({"limit", "format", "labels", "tone", "fields", "schema", "audience"})
"""A clause that states these is a list of separate rules, each typed on its own ("no emojis, no ALL CAPS")."""


def _bare_in_context(prohibition: rules.FoundRule, text: str) -> bool:
    """A prohibition of one or two words at the end of a longer English clause that states when it applies."""
    return (
        len(re.sub(r"\s+(?:at\s+all|whatsoever|ever)$", "", prohibition.rest).split()) <= 2
        and prohibition.start > 20
        and _CONDITION_CUE.search(text[: prohibition.start]) is not None
        and len(text.split()) <= 40
        and rules.is_english(text)
    )


_GO_OVER = re.compile(
    r"(?:go|run|going|running)\s+over(?:\s+(?:it|that|this|them|the\s+limits?))?|exceed(?:\s+(?:it|that|this|them|the\s+limits?))?"
    r"(?:,?\s+ever)?",
    re.IGNORECASE,
)


# "Never ask for the school, and send reports first": a new clause starts; the negation stays behind it.
_CLAUSE_BREAK = re.compile(r",\s*(?:and|but|then|so)\s|;")


def _rules(
    text: str, span: Span, found: list[Constraint], *, explicit: bool, original: str | None = None
) -> Iterator[Constraint]:
    """Ordering, prohibition and requirement for a clause the typed extractors have (or have not) read."""
    ordering = rules.find_ordering(text)
    if ordering is not None:
        # An instruction sentence of the brief says more than its order ("Ask one question at a time, 6 questions
        # total (mix of …), and wait for the answer before the next"): its own words are the rule.
        whole = explicit and rules.is_english(text) and len(ordering.text) < len(text.strip()) * 0.6
        # "If they mention chest pain …, tell them to stop and talk to their GP before carrying on": the order holds
        # only under its condition, so the sentence is the rule.
        whole = whole or (bool(_OPENS_WITH_CONDITION.match(text)) and rules.is_english(text))
        # "never advise them to destroy, harvest or replant the crop before the inspection": the order says what not
        # to do before it; without its negation it would order the harm.
        step_at = text.lower().find((ordering.first or "").lower()) if ordering.first else -1
        negated = bool(rules.NEGATED_ORDER.match(text)) and not _CLAUSE_BREAK.search(text, 0, max(step_at, 0))
        whole = whole or (negated and rules.is_english(text))
        yield Constraint(
            kind="ordering", text=second_person(instruction_case(text), "user") if whole else ordering.text,
            span=span(ordering.start, ordering.end), first=ordering.first, then=ordering.then,
        )  # fmt: skip
        if not (negated and whole):
            yield from _before_ordering(text, ordering, span)
        return
    typed = {c.kind for c in found}
    restrictions = rules.find_scope_restrictions(text) if " only" in text.lower() or "only " in text.lower() else []
    for restriction in restrictions:
        yield Constraint(
            kind="requirement", text=restriction.text, span=span(restriction.start, restriction.end),
            value=restriction.text,
        )  # fmt: skip
    if restrictions:
        typed.add("requirement")
    prohibitions = rules.find_prohibitions(text, original)
    # "no markdown" and "don't exceed 100 words" are already typed as a format or a limit.
    kept = [p for p in (_without_formatting(p) for p in prohibitions) if p is not None]
    opened = rules.condition_end(text) if rules.is_english(text) else 0
    if opened and kept and all(p.start >= opened for p in kept) and not _GO_OVER.fullmatch(kept[0].rest.strip()):
        # "If refills remaining is 0, do not tell them to 'ask your doctor'": the prohibition holds only under its
        # condition; cut from it, it would forbid the thing in every case.
        rule = instruction_case(text)
        # the value names only what is forbidden: "make your best guess, write the query" is no ban on writing
        banned = " ".join(p.text for p in kept)
        yield Constraint(kind="prohibition", text=rule, span=span(0, len(text.rstrip())), value=banned)
        kept = []
    for prohibition in kept:
        if _GO_OVER.fullmatch(prohibition.rest.strip()):
            # "Main-column blurbs can be up to 60 words. Never go over.": the limits stated before, said strictly
            rule = _LENGTH_LIMITS_RULE
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
    if explicit and typed == {"limit"} and all(c.scope for c in found) and rules.is_english(text):
        # "After the sixth answer, give feedback in 3 bullets: strongest, weakest, one thing to practise": the limit
        # covers one part; the sentence still says when and what.
        rule = instruction_case(text)
        yield Constraint(kind="requirement", text=rule, span=span(0, len(text.rstrip())), value=rule)
        return
    if kept or typed - {"audience"}:
        # A clause that also states a limit or a format may still hold a must of its own, after a comma:
        # "300-400 words, no exclamation marks, always include one call to action".
        for start, end in rules.must_segments(text):
            segment = span(start, end)
            covered = any(
                c.span is not None and c.span.start < segment.end and segment.start < c.span.end for c in found
            )
            if not covered:
                words = text[start:end].strip().rstrip(".")
                if rules.is_english(words):
                    rule = sentence_case(words)
                    yield Constraint(kind="requirement", text=rule, span=span(start, end), value=rule)
        return
    requirement = rules.find_requirement(text)
    heading = re.fullmatch(r"[^\W\d_][\w ,-]{0,40}[:：]", text.strip()) is not None  # "Format, no exceptions:"
    if requirement is None and explicit and not prohibitions and not typed and not heading:
        requirement = rules.FoundRule(
            instruction_case(text)
            if rules.is_english(text)
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


_ITEM_JOIN = re.compile(r"\s*(?:,|;|\band\b|\bor\b|\bnor\b)\s*(?:(?:no|not|never|any)\s+)?", re.IGNORECASE)


def _without_formatting(prohibition: rules.FoundRule) -> rules.FoundRule | None:
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
    rest = ", ".join(kept)
    lead = prohibition.text[: prohibition.text.index(prohibition.rest)]
    return prohibition._replace(text=f"{lead}{rest}.", rest=rest)


def _before_ordering(text: str, ordering: rules.FoundRule, span: Span) -> Iterator[Constraint]:
    """Prohibitions stated in the same sentence before an ordering rule ("never ask X, and send Y first")."""
    lead = text.find(ordering.first) if ordering.first else -1
    prefix = text[:lead].rstrip() if lead > 0 else ""
    # Only a separate item of a list ("never ask X, and send Y first"), not "never X without Y".
    if not re.search(r"(?:[,;]|\band)$", prefix):
        return
    for prohibition in rules.find_prohibitions(prefix):
        if formats.only_formatting(prohibition.rest):
            continue
        yield Constraint(
            kind="prohibition", text=prohibition.text, span=span(prohibition.start, prohibition.end),
            value=prohibition.text,
        )  # fmt: skip


def _audience(found: people.FoundAudience, span: BriefSpan) -> Constraint:
    return Constraint(
        kind="audience", text=people.describe_audience(found.phrase, found.minimum, found.maximum), span=span,
        value=found.phrase, minimum=found.minimum, maximum=found.maximum,
    )  # fmt: skip


def _free_text(brief: Brief) -> Iterator[_Field]:
    yield _Field("task", brief.task)
    if brief.role:
        yield _Field("role", brief.role)
    if brief.audience:
        yield _Field("audience", brief.audience)
    if brief.tone:
        yield _Field("tone", brief.tone)
    for index, entry in enumerate(brief.constraints):
        if entry.strip():
            yield _Field("constraints", entry, index)
    if brief.output_format:
        yield _Field("output_format", brief.output_format)


@lru_cache(maxsize=512)
def _read_field_cached(name: ConstraintSource, text: str, index: int | None) -> tuple[Constraint, ...]:
    """The constraints of one field's text. Cached: generating again from the same brief (or a brief that
    shares a field) reads each field once; the result is deterministic, so the cache changes nothing else."""
    return tuple(_read_field(_Field(name, text, index)))


def _fresh(constraint: Constraint) -> Constraint:
    """A copy whose lists the caller may change without touching the cached constraint."""
    return msgspec.structs.replace(
        constraint,
        values=list(constraint.values),
        forbidden=list(constraint.forbidden),
        parameters=list(constraint.parameters),
        schema=copy.deepcopy(constraint.schema),
    )


def _read_field(field: _Field) -> list[Constraint]:
    if field.name == "audience":
        audience = people.find_audience(field.text, whole=True)
        return [_audience(audience, field.span(audience.start, audience.end))] if audience else []
    if field.name == "tone":
        tone = people.find_tone(field.text, whole=True)
        if tone is None:
            return []
        return [
            Constraint(
                kind="tone",
                text=people.describe_tone(tone.values),
                span=field.span(tone.start, tone.end),
                values=tone.values,
            )
        ]
    found, masked = _structures(field)
    condition: str | None = None
    for clause in split_clauses(masked):
        opens_item, condition = _item_condition(masked, clause, condition)
        own = (
            _ITEM_CONDITION.match(clause.text) or rules.condition_end(clause.text) or _OWN_CONDITION.match(clause.text)
        )
        lead = "" if opens_item or condition is None or own else f"{condition}, "
        found.extend(_clause_constraints(field, clause, lead))
    found = _with_line_purposes(field, found)
    found.extend(_listed_tools(field, found))
    found = layout.with_field_lines(field.text, field.span, found)
    found = layout.with_line_templates(field.text, found)
    found = [c for c in found if not layout.describes_a_signature(field.text, c)]
    # "Appointment type | Bring" over a "---|---" line: a table's column headers, not a label set
    found = [c for c in found if not (c.kind == "labels" and c.span and labels.in_table(field.text, c.span.start))]
    table = label_table(field.text)
    if table is not None and not any(c.kind == "labels" for c in found):
        # "Use these labels:\nlabel | meaning\n---|---\nbilling | …": the first column is the label set; under
        # "severity:" it is the severity each item carries ("Tag each item's severity with exactly one of …")
        listed = field.text[table.start : table.end]
        text = (
            f"Tag each item's {table.part} with exactly one of: {'; '.join(layout.table_rows(listed))}."
            if table.part
            else labels.describe_labels(table.values, False, listed)
        )
        found.append(
            Constraint(
                kind="labels", text=text, span=field.span(table.start, table.end), values=table.values,
                scope=f"{table.part} label" if table.part else None,
            )
        )  # fmt: skip
    line = labels.label_line(field.text) if not any(c.kind == "labels" for c in found) else None
    if line is not None:
        listed = field.text[line.start : line.end]
        found.append(
            Constraint(
                kind="labels", text=labels.describe_labels(line.values, line.multi, listed),
                span=field.span(line.start, line.end), values=line.values, multi=line.multi,
            )
        )  # fmt: skip
    outline = sections.find_outline(field.text) if not any(c.kind == "schema" for c in found) else None
    if outline is not None:
        return _with_outline(field, found, outline)
    inline = (
        sections.find_inline_outline(field.text)
        if not any(c.kind in ("schema", "format") and c.value in ("json", "sections") for c in found)
        else None
    )
    if inline is not None:
        titles, start, end = inline
        found.append(
            Constraint(
                kind="format", text=sections.describe_inline_outline(titles), span=field.span(start, end),
                value="sections", values=titles,
            )
        )  # fmt: skip
    return found


def _with_outline(field: _Field, found: list[Constraint], outline: sections.Outline) -> list[Constraint]:
    """The outline as the reply's format, and each limit written on a section's line scoped to that section."""
    scoped: list[Constraint] = []
    for constraint in found:
        span = constraint.span
        section = sections.section_at(outline, span.start, span.end) if span is not None else None
        if constraint.kind == "limit" and section is not None and constraint.unit is not None:
            scope = f"the {section.heading} section"
            text = limits.describe_limit(
                constraint.unit, constraint.minimum, constraint.maximum, constraint.exact, scope
            )
            constraint = msgspec.structs.replace(constraint, scope=scope, text=text)
        elif constraint.kind in ("requirement", "prohibition") and section is not None:
            # "This list must be complete …" on the MEDS DUE line: said by that line of the outline, in context.
            constraint = msgspec.structs.replace(constraint, scope=f"the {section.heading} section")
        elif constraint.kind == "requirement" and span is not None and 0 <= outline.start - span.end <= 3:
            # "Summarise it for the next shift in this format:" introduces the outline the output format carries.
            constraint = msgspec.structs.replace(constraint, text=sections.pointing_to_outline(constraint.text))
        scoped.append(constraint)
    headings = [section.heading for section in outline.sections]
    scoped.append(
        Constraint(
            kind="format", text=sections.describe_outline(outline), span=field.span(outline.start, outline.end),
            value="sections", values=headings,
        )
    )  # fmt: skip
    return scoped


def _structured(brief: Brief) -> Iterator[Constraint]:
    """Constraints from the brief's structured fields: language, json_schema, tools."""
    if brief.language:
        found = language.lookup(brief.language)
        if found is not None:
            yield Constraint(
                kind="language", text=language.describe_language(found[0]), value=found[0], code=found[1],
                span=BriefSpan(field="language", start=0, end=len(brief.language), text=brief.language),
            )  # fmt: skip
    if brief.json_schema:
        schema = structure.to_json_schema(brief.json_schema)
        keys = structure.schema_keys(schema)
        yield Constraint(kind="schema", text=structure.describe_schema(keys), schema=schema, values=keys)
    for index, tool in enumerate(brief.tools):
        span = BriefSpan(field="tools", index=index, start=0, end=len(tool.name), text=tool.name)
        yield Constraint(
            kind="tool", text=tools.describe_tool(tool.name, list(tool.parameters), tool.purpose or None),
            name=tool.name, parameters=list(tool.parameters), value=tool.purpose or None, span=span,
        )  # fmt: skip


def _implicit_language(brief: Brief) -> Constraint | None:
    """The brief's own language as the reply language, when it is not English and nothing explicit is said."""
    text = " ".join([brief.task, *brief.constraints, brief.output_format or ""])
    code, name, confidence = identify(text)
    if code in ("en", "und") or confidence < _IMPLICIT_LANGUAGE_CONFIDENCE:
        return None
    if language.other_reply_language(text, code) or language.translates_to_other(text, code):
        return None  # "再写一封回复草稿，默认用英文": the brief gives the replies' languages in its own words
    return Constraint(
        kind="language", text=language.describe_language(name), value=name, code=code,
        span=BriefSpan(field="task", start=0, end=len(brief.task), text=brief.task),
    )  # fmt: skip


def _key(constraint: Constraint) -> tuple[object, ...]:
    kind = constraint.kind
    if kind == "limit":
        return (kind, constraint.unit, constraint.minimum, constraint.maximum, constraint.exact, constraint.scope)
    if kind in ("labels", "schema", "fields", "tone"):
        return (kind, tuple(v.lower() for v in constraint.values))
    if kind == "tool":
        return (kind, constraint.name)
    if kind == "language":
        return (kind, constraint.code or constraint.value)
    if kind == "fallback":
        return (kind, constraint.action, (constraint.value or "").lower())
    if kind == "format":
        return (kind, constraint.value, tuple(constraint.forbidden))
    return (kind, constraint.text.lower())


def _order(constraint: Constraint) -> tuple[int, int, int, int]:
    """Field, list index, start; at the same start the wider span (a whole-task language) comes first."""
    span = constraint.span
    if span is None:
        return (FIELD_ORDER.index("json_schema"), 0, 0, 0)
    return (FIELD_ORDER.index(span.field), span.index or 0, span.start, -span.end)


# Another job the reply does besides labelling: "summarise ... and assign a sentiment label".
def _without_unconditioned_copies(found: list[Constraint]) -> list[Constraint]:
    """A prohibition cut from inside a sentence kept whole with its condition ("If the DOB doesn't match, don't say
    anything about the prescription …") goes: alone it would forbid the thing in every case."""
    whole = [c for c in found if c.kind == "prohibition" and c.span is not None and _OPENS_WITH_CONDITION.match(c.text)]

    def inside_whole(c: Constraint) -> bool:
        span = c.span
        return any(
            w is not c and w.span is not None and span is not None and w.span.field == span.field
            and w.span.index == span.index and w.span.start <= span.start and span.end <= w.span.end
            for w in whole
        )  # fmt: skip

    return [c for c in found if not (c.kind == "prohibition" and inside_whole(c))]


def _written_piece(brief: Brief, constraint: Constraint) -> Constraint:
    """A limit read as the input's size whose subject is a piece the brief asks to write ("Draft social posts …
    Facebook posts can be up to 80 words") limits that piece: a clause alone cannot tell, the whole task can."""
    span = constraint.span
    if constraint.kind != "limit" or constraint.scope != "the input" or span is None or span.field != "task":
        return constraint
    written, scope = limits.written_piece_scope(brief.task, span.start)
    if not written or constraint.unit is None:
        return constraint
    text = limits.describe_limit(constraint.unit, constraint.minimum, constraint.maximum, constraint.exact, scope)
    return msgspec.structs.replace(constraint, scope=scope, text=text)


_LENGTH_LIMITS_RULE = "Never exceed the length limits stated here."


def _without_stray_go_over(found: list[Constraint]) -> list[Constraint]:
    """ "Never go over." says the stated lengths strictly only when the brief states one ("Don't go over it" about a
    data breach, or a session's minutes, is no length rule): otherwise the brief's own words stay."""
    if any(c.kind == "limit" and c.scope != "the input" for c in found):
        return found
    out = []
    for c in found:
        if c.kind == "prohibition" and c.text == _LENGTH_LIMITS_RULE and c.span is not None:
            words = sentence_case(
                f"Do not {c.span.text.split(' ', 1)[-1]}"
            )  # "Don't go over it." -> "Do not go over it."
            c = msgspec.structs.replace(c, text=words, value=words)
        out.append(c)
    return out


def extract_constraints(brief: Brief) -> list[Constraint]:
    """Every constraint the brief states, typed, each with its span; ordered by field then position, deduplicated."""
    found: list[Constraint] = []
    for field in _free_text(brief):
        found.extend(_fresh(c) for c in _read_field_cached(field.name, field.text, field.index))
    found.extend(_structured(brief))
    if not any(c.kind == "language" for c in found):
        implicit = _implicit_language(brief)
        if implicit is not None:
            found.append(implicit)
    found.sort(key=_order)
    schema_keys = {tuple(c.values) for c in found if c.kind == "schema"}
    # A tool the brief declares in its tools field is that one, with its parameters, even when the task names it.
    declared = {c.name for c in found if c.kind == "tool" and c.span is not None and c.span.field == "tools"}
    unique: list[Constraint] = []
    seen: set[tuple[object, ...]] = set()
    for constraint in found:
        key = _key(constraint)
        if key in seen or (constraint.kind == "fields" and tuple(constraint.values) in schema_keys):
            continue
        if (
            constraint.kind == "tool"
            and constraint.name in declared
            and constraint.span
            and constraint.span.field != "tools"
        ):
            continue
        seen.add(key)
        unique.append(constraint)
    unique = _without_unconditioned_copies(unique)
    tool_names = {c.name for c in unique if c.kind == "tool" and c.name}
    tool_words = tool_names | {p for c in unique if c.kind == "tool" for p in c.parameters}
    # "然后调用 transfer_to_human，reason 填 "gas_leak"": a tool and its argument, not fields of the reply
    unique = [
        c for c in unique
        if not (c.kind == "fields" and tool_names & set(c.values) and set(c.values) <= tool_words)
    ]  # fmt: skip
    unique = [_written_piece(brief, c) for c in unique]
    unique = _without_stray_go_over(unique)
    unique = parameters.with_parameter_values(brief, unique)
    unique = scoping.without_banned_labels(unique)
    scoping.multi_labels(brief, unique)
    scoping.scope_labels(brief, unique)
    scoping.scope_field_limits(brief, unique)
    scoping.scope_part_limits(brief, unique)
    scoping.scope_tiny_limits(unique)
    unique.extend(scoping.label_rules(brief, unique))
    return scoping.without_label_tones(unique)
