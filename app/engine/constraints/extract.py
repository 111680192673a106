"""Read a brief into typed constraints: split each field into clauses, run the typed extractors, deduplicate.

The pipeline per free-text field: JSON literals and bullet label lists first (they span lines), then each
clause through every extractor. Order is deterministic: by brief field, list index, then span start.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import pairwise

import msgspec

from app.engine.brief import Brief
from app.engine.constraints import (
    antecedents,
    case_replies,
    code_docs,
    data_values,
    fallbacks,
    formats,
    imperatives,
    json_items,
    labels,
    language,
    language_cases,
    layout,
    lettered,
    limits,
    object_comments,
    openapi,
    parameters,
    pasted_tools,
    people,
    rules,
    scoping,
    sections,
    structure,
    tool_orders,
    tool_table,
    tools,
)
from app.engine.constraints.clause_readers import (
    LENGTH_LIMITS_RULE,
    OPENS_WITH_CONDITION,
    Field,
    Span,
    audience_constraint,
    read_fallbacks,
    read_format,
    read_labels_and_fields,
    read_language,
    read_listed_tools,
    read_people,
    read_rules,
    read_tools,
    with_line_purposes,
)
from app.engine.constraints.clauses import Clause, sentence_case, split_clauses
from app.engine.constraints.csv_reply import csv_reply, describe_columns, no_header_row
from app.engine.constraints.fixed_text import ALTERNATIVE_ROUTE
from app.engine.constraints.input_sizes import written_piece_scope
from app.engine.constraints.limit_clauses import read_limits
from app.engine.constraints.limit_numbers import IN_CHARACTER, INPUT_SCOPE, TURN_SCOPE
from app.engine.constraints.model import BriefSpan, Constraint, ConstraintSource
from app.engine.constraints.section_limits import scope_section_limits
from app.engine.constraints.unsure_reply import read_unsure_reply
from app.engine.language_id import identify
from app.engine.references import label_table
from app.engine.tool_text import TOOLS_INTRO, without_tool_output

FIELD_ORDER: tuple[ConstraintSource, ...] = (
    "task", "role", "audience", "tone", "constraints", "output_format", "language", "length", "json_schema", "tools",
)  # fmt: skip
_IMPLICIT_LANGUAGE_CONFIDENCE = 0.3


def _mask(text: str, start: int, end: int) -> str:
    """Blank out [start, end) keeping offsets, so later extractors do not read it again."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


_REPLY_LEAD = re.compile(
    r"\b(?:return|output|respond|reply|answer|format|give|emit|produce)\w*\b(?:\s+(?:with|as|in|only|just|exactly|"
    r"this|the|following|a|an|one|single|object|json|shape|form|like)\b)*\s*:?\s*$",
    re.IGNORECASE,
)


def _field_limits(field: Field, obj: structure.FoundObject, schema: dict[str, object]) -> Iterator[Constraint]:
    """'"resumen": "máx. 25 palabras"': a limit written as a field's value limits that field, and the schema keeps
    the brief's words as the field's description."""
    properties = schema.get("properties")
    # ('"notes_for_quoter": string  // max 30 words': a limit in the key's comment limits it the same way)
    comments = object_comments.key_comments(field.text[obj.start : obj.end])
    for key, raw in [*obj.value.items(), *comments.items()]:
        if not isinstance(raw, str) or not isinstance(properties, dict) or not isinstance(properties.get(key), dict):
            continue
        found = [f for f in limits.find_limits(raw) if f.unit != "items" and not f.capped]
        if len(found) != 1:
            continue
        # ('"hazards": [string]  // each max 8 words': each item of the list, not the list)
        each = found[0].scope is not None and found[0].scope.startswith("each")
        limit, scope = found[0], f"each item of the {key} field" if each else f"the {key} field"
        properties[key].setdefault("description", raw.strip())
        yield Constraint(
            kind="limit", text=limits.describe_limit(limit.unit, limit.minimum, limit.maximum, limit.exact, scope),
            span=field.span(obj.start, obj.end), unit=limit.unit, minimum=limit.minimum, maximum=limit.maximum,
            exact=limit.exact, scope=scope,
        )  # fmt: skip


# '"pickup_date": "YYYY-MM-DD"', '"time": "HH:MM"': a value written as a date or time pattern is that field's format
_FORMAT_PATTERN = re.compile(
    r"(?:YYYY|yyyy|AAAA|aaaa|JJJJ)[-/.](?:MM|mm)"
    r"(?:[-/.](?:DD|dd|JJ|jj|TT)(?:[T ](?:HH|hh):(?:MM|mm)(?::(?:SS|ss))?)?)?|"
    r"(?:DD|dd|JJ|TT)[-/.](?:MM|mm)[-/.](?:YYYY|yyyy|AAAA|aaaa|JJJJ|YY)|(?:MM|mm)[-/.](?:DD|dd)[-/.](?:YYYY|yyyy|YY)|"
    r"(?:MM|mm)/(?:YY|yy|YYYY)|(?:HH|hh):(?:MM|mm)(?::(?:SS|ss))?|ISO[ -]?8601"
)
_DATE_ISO = re.compile(r"(?:YYYY|yyyy|AAAA|aaaa|JJJJ)-(?:MM|mm)-(?:DD|dd|JJ|jj|TT)")


def _field_formats(obj: structure.FoundObject, schema: dict[str, object]) -> None:
    """Keep a date or time pattern written as a field's value as that field's description (and JSON Schema's "date"
    format for YYYY-MM-DD), so the schema still says how to write it."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return
    for key, raw in obj.value.items():
        prop = properties.get(key)
        # ('"date (YYYY-MM-DD)"', '"YYYY-MM-DDTHH:MM:SS"': the pattern inside a short value)
        if not isinstance(raw, str) or not isinstance(prop, dict) or len(raw) > 40 or not _FORMAT_PATTERN.search(raw):
            continue
        prop.setdefault("description", raw.strip())
        if _DATE_ISO.fullmatch(raw.strip()) and prop.get("type") == "string":
            prop.setdefault("format", "date")


_TYPE_WORDS = frozenset({"string", "str", "number", "integer", "int", "boolean", "bool", "object", "array", "null"})


_PARAMETER_KEYS = ("parameters", "params", "args", "arguments", "input_schema", "inputSchema")


def _tool_spec(value: object) -> tuple[str, list[str], str | None] | None:
    """A function-calling tool written as JSON ({"name", "description", "parameters"}, or OpenAI's
    {"type": "function", "function": {…}}): its name, parameters and purpose."""
    if not isinstance(value, dict):
        return None
    inner = value.get("function")
    if value.get("type") == "function" and isinstance(inner, dict):
        value = inner
    name, description = value.get("name"), value.get("description")
    # '{"name": "consultar_alumno", "params": {…}, "returns": "…"}': the same tool in a user's own keys
    parameters = next((value[k] for k in _PARAMETER_KEYS if isinstance(value.get(k), dict)), None)
    returns = value.get("returns")
    if description is None and isinstance(returns, str) and returns.strip():
        description = f"returns {returns.strip()}"
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


def _wrapped_tool_specs(value: object) -> list[tuple[str, list[str], str | None]]:
    """The tools of a pasted request body that lists them ('{"tools": [{"type": "function", "function": {…}}, …]}',
    '{"functions": […]}'): every one of them, or none when any item is no tool."""
    if not isinstance(value, dict):
        return []
    listed = next((value[k] for k in ("tools", "functions") if isinstance(value.get(k), list)), None)
    if not listed:
        return []
    # (a reply listing things called tools, '{"tools": [{"name": "drill", "description": …}]}', declares none)
    declared = all(
        isinstance(item, dict)
        and (item.get("type") == "function" or any(isinstance(item.get(k), dict) for k in _PARAMETER_KEYS))
        for item in listed
    )
    specs = [_tool_spec(item) for item in listed] if declared else []
    return [spec for spec in specs if spec is not None] if specs and all(specs) else []


def _structures(field: Field) -> tuple[list[Constraint], str]:
    """Schemas from JSON literals and label sets from bullet lists, and the text with both masked out."""
    found: list[Constraint] = []
    masked = field.text
    operations, excerpt = openapi.find_operations(field.text)
    for operation in operations:
        # "operationId: lookup_client … - {name: phone, in: query}": a tool from the pasted OpenAPI excerpt
        found.append(
            Constraint(
                kind="tool", text=openapi.describe_operation(operation),
                span=field.span(operation.start, operation.end), name=operation.name,
                parameters=operation.parameters, value=openapi.purpose(operation),
            )
        )  # fmt: skip
    if excerpt is not None:
        masked = _mask(masked, *excerpt)
    table_tools, tables = tool_table.find_table_tools(field.text)
    for tool in table_tools:
        # "| find_customer | phone | returns customer_id … |": a tool from a pasted table of tools
        found.append(
            Constraint(
                kind="tool", text=tools.describe_tool(tool.name, tool.parameters, tool.purpose),
                span=field.span(tool.start, tool.end), name=tool.name, parameters=tool.parameters, value=tool.purpose,
            )
        )  # fmt: skip
    for table in tables:
        masked = _mask(masked, *table)
    code_tools, examples = pasted_tools.find_curl_tools(field.text)
    # "public interface IAutoescuelaTools { Alumno BuscarAlumno(string dni); … }": the interface's methods
    code_tools += pasted_tools.find_interface_tools(field.text)
    yaml_tools = pasted_tools.find_yaml_tools(field.text)
    code_tools += yaml_tools
    for tool in code_tools:
        # "## lookup_driver\ncurl \"https://…/lookup?phone=…\"": a tool from a pasted API example
        found.append(
            Constraint(
                kind="tool", text=tools.describe_tool(tool.name, tool.parameters, tool.purpose),
                span=field.span(tool.start, tool.end), name=tool.name, parameters=tool.parameters, value=tool.purpose,
            )
        )  # fmt: skip
    yaml_items = [(tool.start, tool.end) for tool in yaml_tools]
    # ('def f(x):\n    """Records a reading; readings must be whole numbers."""': the tool's description, no rule)
    docs = code_docs.doc_extents(field.text)
    for example in [*examples, *pasted_tools.data_interfaces(field.text), *yaml_items, *docs]:
        masked = _mask(masked, *example)
    objects = [
        obj
        for obj in structure.find_objects(field.text)
        if (excerpt is None or not excerpt[0] <= obj.start < excerpt[1])
        and not any(start <= obj.start < end for start, end in examples)
    ]
    # 'Reply only with JSON like {"name": "set_temperature", "args": {…}}': an object the brief replies with is the
    # reply's shape, and so is every other object with its keys ('If no intent fits, use {"name": "none", …}')
    replied = {
        frozenset(obj.value) for obj in objects if _REPLY_LEAD.search(field.text[max(0, obj.start - 50) : obj.start])
    }
    for obj in objects:
        if (
            layout.on_signature_line(field.text, obj.start)
            or layout.in_tool_definition(field.text, obj.start)
            or layout.in_parameter_list(field.text, obj.start)
        ):
            # "reportIssue(…): Promise<{ ticketRef: string }>", a docstring's shape: what a tool returns; and
            # "getBalances(args: { customerId: string })": what it takes
            continue
        wrapped = _wrapped_tool_specs(obj.value) if frozenset(obj.value) not in replied else []
        for name, listed, purpose in wrapped:
            # '{"tools": [{"type": "function", "function": {"name": "verify_customer", …}}, …]}': the tool list
            found.append(
                Constraint(
                    kind="tool", text=tools.describe_tool(name, listed, purpose),
                    span=field.span(obj.start, obj.end), name=name, parameters=listed, value=purpose,
                )
            )  # fmt: skip
        if wrapped:
            masked = _mask(masked, obj.start, obj.end)
            continue
        spec = _tool_spec(obj.value) if frozenset(obj.value) not in replied else None
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
        if case_replies.is_case_reply(field.text, obj.start, obj.value, obj.end):
            continue  # 'if the note is no watch return exactly {"error": "not_a_watch"}': one case's reply, a rule
        schema = structure.to_json_schema(obj.value)
        object_comments.describe_keys(schema, field.text[obj.start : obj.end])  # "// null if missing"
        keys = structure.schema_keys(schema)
        found.append(
            Constraint(
                kind="schema", text=structure.describe_schema(keys, schema), span=field.span(obj.start, obj.end),
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
        _field_formats(obj, schema)
        masked = _mask(masked, obj.start, obj.end)
    csv = csv_reply(masked)
    if csv is not None:
        # "one CSV row matching this header:\n\nsku,brand,…": the header row names the reply's columns
        found.append(
            Constraint(
                kind="fields", text=describe_columns(csv.columns, header=not no_header_row(field.text)),
                span=field.span(csv.start, csv.end), values=list(csv.columns),
            )
        )  # fmt: skip
    for values, multi, start, end in labels.find_label_block(masked):
        found.append(
            Constraint(
                kind="labels", text=labels.describe_labels(values, multi), span=field.span(start, end),
                values=values, multi=multi,
            )
        )  # fmt: skip
        masked = _mask(masked, start, end)
    return found, masked


_QUOTED = re.compile(
    r"(?<![\w])'(?:[^']|(?<=\w)'(?=\w)){3,}'(?![\w])|\"[^\"]{3,}\"|“[^”]{3,}”|«[^»]{3,}»|„[^“\"]{3,}[“\"]"
)


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


# The typed readers, in the order their constraints are listed for one clause.
def _reply_limits(text: str, unquoted: str, span: Span) -> list[Constraint]:
    return read_limits(without_tool_output(text), without_tool_output(unquoted), span)


def _reply_format(text: str, unquoted: str, span: Span) -> list[Constraint]:
    if TOOLS_INTRO.search(text):
        return []  # "能调用的工具如下（JSON 格式）：", "Tools (JSON schema):": the format of the tool list below
    return read_format(without_tool_output(text), without_tool_output(unquoted), span)


_READERS: tuple[Callable[[str, str, Span], list[Constraint]], ...] = (
    _reply_limits, _reply_format, read_labels_and_fields, read_tools, read_fallbacks, read_unsure_reply, read_language,
    read_people,
)  # fmt: skip
_BAN_LEADS = frozenset({"never", "don't", "avoid"})
_TURN_UNITS = frozenset({"sentences", "words", "lines", "characters", "paragraphs"})
_LED_READERS = frozenset({read_fallbacks})
"""Readers that read a sentence of a conditioned list item under its condition (its routes hold only then)."""

# "1. If the person mentions smelling gas …: STOP. Don't call any tool. Tell them to get out …": a list item that
# opens with a condition and a colon; every sentence of the item holds under it.
_ITEM_CONDITION = re.compile(
    r"(?P<condition>(?:if|when|whenever|in\s+case|should|si|se|wenn|falls|cuando|quand|als)\b[^:\n()]{5,200}?)\s*:\s*",
    re.IGNORECASE,
)


def under_ban_heading(text: str, position: int) -> bool:
    """Whether a position lies on a list item under a "Don't:" / "Never:" / "Avoid:" line."""
    line_start = text.rfind("\n", 0, position) + 1
    while line_start > 0:
        line = text[line_start : text.find("\n", line_start) if "\n" in text[line_start:] else len(text)]
        if not _ITEM_MARKER.match(line):
            return _BAN_HEADING.fullmatch(line.strip()) is not None
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return False


# "Don't:", "Never:", "Avoid:" alone on a line, over a list of what is forbidden (English; other languages keep
# their sentences whole).
_BAN_HEADING = re.compile(
    r"(?:(?:please\s+)?(?:don'?t|do\s+not|never|avoid)|things\s+to\s+avoid|not\s+allowed|don'?ts)\s*[:：]",
    re.IGNORECASE,
)
# "1. If the caller is new, take their name. Always read the time back": a later sentence for every case
_EVERY_CASE = re.compile(
    r"\s*(?:always|in\s+(?:all|every|any)\s+cases?|whatever|regardless|for\s+(?:all|everyone|every\s+caller))\b",
    re.IGNORECASE,
)
_OWN_CONDITION = re.compile(r"\s*(?:if|when|whenever|unless|in\s+case|otherwise)\b", re.IGNORECASE)
# "- if you're not sure about a fact, say scientists are still finding out. Don't make up dinosaur names or
# numbers.": a ban on making facts up holds in every case, so the item's condition does not narrow it ("If waiver_signed
# is false, don't book. Send them to …" keeps it: that step is the case's own)
_STANDING = re.compile(
    r"\s*(?:and\s+)?(?:don['’]?t|do\s+not|never|no)\s+(?:ever\s+)?(?:make\s+up|invent|fabricate|guess|made[\s-]up|"
    r"invented|guessing|making\s+up)\b",
    re.IGNORECASE,
)
_ITEM_MARKER = re.compile(r"\s*(?:[-*•・]|\d{1,2}[.)]|[a-z][.)])\s*")
_LINE_START = re.compile(r"\s*(?:[-*•・]|\d{1,2}[.)]|[a-z][.)])?\s*")


def _item_condition(text: str, clause: Clause, condition: str | None) -> tuple[bool, str | None]:
    """Whether the clause opens a line (a list item), and the condition its item's later sentences hold under."""
    line_start = text.rfind("\n", 0, clause.start) + 1
    if not _LINE_START.fullmatch(text, line_start, clause.start):
        return False, condition  # a later sentence of the same line keeps the item's condition
    if not _ITEM_MARKER.fullmatch(text, line_start, clause.start):
        return True, None  # "If a caller asks about results: …" in a paragraph: no list item to govern
    test = rules.FIELD_TEST.match(clause.text)
    if test is not None:
        return True, f"if {test.group('test')}"  # "- refills_left = 0: don't submit; explain …": each part under it
    match = _ITEM_CONDITION.match(clause.text)
    if match is None:
        # "2. If waiver_signed is false, don't book. Send them to …/waiver and stop there.": the item's later
        # sentences hold under the condition its first one opens with
        opening = _ITEM_COMMA_CONDITION.match(clause.text)
        return True, opening.group("condition") if opening else None
    if _ACTION_IN_CONDITION.search(match.group("condition")):
        return True, None  # "When the rep types END, drop the character and score … on each of:": an action's list
    return True, match.group("condition")


_ITEM_COMMA_CONDITION = re.compile(
    r"(?P<condition>(?:if|when|whenever|unless)\b(?:[^,;:.\n()]|\([^()\n]{0,80}\)){3,160}),", re.IGNORECASE
)


# An instruction inside what looked like a condition: ", stop the check-in and reply with exactly:".
_ACTION_IN_CONDITION = re.compile(
    r"[,;(]\s*(?:and\s+|then\s+)?(?:stop|drop|give|tell|say|reply|respond|ask|call|send|score|write|answer|use|"
    r"put|add|show|offer|end|start|return|output|explain|list|mark|flag|rate|refer|point|hand|pass|escalate|"
    r"réponds|répondez|responde|responda|antworte|gib|rispondi)\b",
    re.IGNORECASE,
)


# "say so", "tell them that", "mention it": a step that points back to what the sentence said before it
_POINTS_BACK = re.compile(
    r"\s*(?:and\s+)?(?:say\s+so|tell\s+(?:them|the\s+\w+)\s+(?:so|that|this)|mention\s+(?:it|this|that)|warn\s+them)\b",
    re.IGNORECASE,
)
# the part of the sentence before a clause: after the last full stop or line break, up to a ";" or ":" (≤ 200 chars)
_SAME_SENTENCE_BEFORE = re.compile(
    r"(?:^|(?<=[.!?\n]))[ \t\-*•]*(?P<said>[^.!?\n]{10,200}(?:[;:]|" + _POINTS_BACK.pattern + r"\s+and))\s*$",
    re.IGNORECASE,
)
_POINTS_BACK_AND = re.compile(_POINTS_BACK.pattern + r"\s+and$", re.IGNORECASE)
_POINTS_BACK_INSIDE = re.compile(r"[;:,]" + _POINTS_BACK.pattern, re.IGNORECASE)


def _clause_constraints(field: Field, clause: Clause, lead: str = "") -> list[Constraint]:
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
    if IN_CHARACTER.search(text):
        # "Stay in character, 1-3 sentences per turn": the turns of the scene, not the feedback after it
        out = [
            msgspec.structs.replace(
                c, scope=TURN_SCOPE,
                text=limits.describe_limit(c.unit, c.minimum, c.maximum, c.exact, TURN_SCOPE),
            )
            if c.kind == "limit" and c.scope is None and c.unit in _TURN_UNITS
            else c
            for c in out
        ]  # fmt: skip
    if lead.strip() in _BAN_LEADS:
        # "Never:\n- ask for their date of birth or home address": details not to ask for, none to collect
        out = [c for c in out if not (c.kind == "fields" and c.value == "collect")]
    if lead:
        # read under its item's condition, each constraint stands for the whole sentence
        sentence = field.span(offset, offset + len(clause.text.rstrip()))
        out = [msgspec.structs.replace(c, span=sentence) if c.kind in ("fallback", "requirement") else c for c in out]
    explicit = field.name == "constraints" or (
        field.name == "task" and imperatives.later_instruction(field.text, clause)
    )
    rule_constraints = list(read_rules(unquoted, span, out, explicit=explicit, original=text))
    ordered = not lead and any(c.kind == "ordering" for c in rule_constraints)
    # (a window before the clause, not the whole field: this runs for every clause of a long brief)
    window = max(0, offset - 240)
    prior = _SAME_SENTENCE_BEFORE.search(field.text, window, offset) if ordered else None
    points_back = prior is not None and (
        _POINTS_BACK.match(text) is not None or _POINTS_BACK_AND.search(prior.group("said")) is not None
    )
    inside = ordered and _POINTS_BACK_INSIDE.search(text) is not None
    if (points_back or inside) and rules.is_english(text):
        # "Cancelling less than 24 hours before the slot costs a $35 fee: tell them that and get a clear yes before
        # calling cancel_appointment": "that" is the fee; cut from it, the order would say nothing to tell
        begin = prior.start("said") if points_back and prior is not None else offset
        end = offset + len(clause.text.rstrip())
        said = " ".join(field.text[begin:end].split())
        rule_constraints = [
            msgspec.structs.replace(
                c, text=sentence_case(said if said.endswith(".") else said + "."), span=field.span(begin, end)
            )
            if c.kind == "ordering"
            else c
            for c in rule_constraints
        ]
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
        if c.kind == "prohibition" and c.span is not None and c.span.text
        and (
            re.match(r"(?:do\s+not|don'?t|dont|never|no)\b", c.span.text.strip(), re.IGNORECASE)
            if rules.is_english(c.span.text) else ALTERNATIVE_ROUTE.match(c.span.text) is not None
        )
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


def _free_text(brief: Brief) -> Iterator[Field]:
    yield Field("task", brief.task)
    if brief.role:
        yield Field("role", brief.role)
    if brief.audience:
        yield Field("audience", brief.audience)
    if brief.tone:
        yield Field("tone", brief.tone)
    for index, entry in enumerate(brief.constraints):
        if entry.strip():
            yield Field("constraints", entry, index)
    if brief.output_format:
        yield Field("output_format", brief.output_format)


@lru_cache(maxsize=512)
def _read_field_cached(name: ConstraintSource, text: str, index: int | None) -> tuple[Constraint, ...]:
    """The constraints of one field's text. Cached: generating again from the same brief (or a brief that
    shares a field) reads each field once; the result is deterministic, so the cache changes nothing else."""
    return tuple(_read_field(Field(name, text, index)))


def _fresh(constraint: Constraint) -> Constraint:
    """A copy whose lists the caller may change without touching the cached constraint."""
    return msgspec.structs.replace(
        constraint,
        values=list(constraint.values),
        forbidden=list(constraint.forbidden),
        parameters=list(constraint.parameters),
        schema=copy.deepcopy(constraint.schema),
    )


# "For any of those", "In these cases", "For all of them": a case that is the sentence before it
_CASE_BACK = re.compile(
    r"(?:for|in|with|to)\s+(?:(?:any|all|each|either|one|both)\s+(?:of\s+)?)?(?:those|these|them|that|this|such)"
    r"(?:\s+(?:cases?|symptoms?|signs?|situations?|things?|ones?))?",
    re.IGNORECASE,
)


def _name_cases_pointed_back(text: str, read: list[antecedents.ReadClause]) -> None:
    """ "Red flags: redness spreading …, pus, fever. For any of those reply only with: "…"": a route whose case points
    back to the sentence before it on the same line names that sentence, or its line among the guardrails says "For
    any of those" of nothing."""
    for before, item in pairwise(read):
        if "\n" in text[before.clause.end : item.clause.start] or not before.clause.text.strip():
            continue
        ban = " ".join(before.clause.text.split()).rstrip(" .;:")
        for index, constraint in enumerate(item.found):
            condition = (constraint.condition or "").strip()
            if constraint.kind != "fallback" or not condition:
                continue
            if _CASE_BACK.fullmatch(condition):
                named = f"For any of these ({ban})"
            elif fallbacks.bare_ask(condition) and fallbacks.names_a_ban(ban) and 3 <= len(ban.split()) <= 40:
                # "Never say a road is safe. If they ask, say: …": they ask about what the ban before names
                named = f'{condition} about what this rule covers ("{ban[0].lower()}{ban[1:]}")'
            else:
                continue
            assert constraint.condition is not None
            text_now = constraint.text.replace(constraint.condition, named, 1)
            item.found[index] = msgspec.structs.replace(constraint, condition=named, text=text_now)


def _read_field(field: Field) -> list[Constraint]:
    if field.name == "audience":
        audience = people.find_audience(field.text, whole=True)
        return [audience_constraint(audience, field.span(audience.start, audience.end))] if audience else []
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
    read: list[antecedents.ReadClause] = []
    condition: str | None = None
    banned = False  # under a "Don't:" heading, each item it lists is forbidden
    ban_lead = "don't "
    for clause in split_clauses(masked):
        opens_item, condition = _item_condition(masked, clause, condition)
        own = (
            _ITEM_CONDITION.match(clause.text) or rules.condition_end(clause.text) or _OWN_CONDITION.match(clause.text)
        )
        lead = (
            ""
            if opens_item or condition is None or own or _EVERY_CASE.match(clause.text) or _STANDING.match(clause.text)
            else f"{condition}, "
        )
        heading = _BAN_HEADING.fullmatch(clause.text.strip())
        if heading:
            banned = True
            # "Avoid:\n- jargon" -> "avoid jargon"; "Never:\n- ask for …" -> "never ask for …"
            word = heading.group(0).lower()
            ban_lead = "avoid " if "avoid" in word else "never " if "never" in word else "don't "
            continue
        if opens_item:
            line_start = masked.rfind("\n", 0, clause.start) + 1
            banned = banned and _ITEM_MARKER.fullmatch(masked, line_start, clause.start) is not None
            if banned and not own:
                lead = ban_lead  # "Don't:\n- name medications or doses": the item is a ban, not an order
        read.append(antecedents.ReadClause(clause, _clause_constraints(field, clause, lead), bool(lead)))
    _name_cases_pointed_back(field.text, read)
    found.extend(antecedents.with_antecedents(field, read))
    found = with_line_purposes(field, found)
    found.extend(read_listed_tools(field, found))
    found = layout.with_field_lines(field.text, field.span, found)
    found = layout.with_line_templates(field.text, found)
    found = [c for c in found if not layout.describes_a_signature(field.text, c)]
    # "Max one line:\nCUSTOMER | ISSUE | NEXT STEP": the layout of the line, not a label set
    found = [
        c
        for c in found
        if not (
            c.kind == "labels" and c.scope is None and c.span and labels.under_a_line_intro(field.text, c.span.start)
        )
    ]
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
    numbered = sections.numbered_lines(field.text) or sections.layout_block(field.text)
    if numbered is not None:
        found = _scoped_to_lines(field, found, numbered)
    found = _scoped_to_parts(found, lettered.lettered_parts(field.text))
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


def _scoped_to_parts(found: list[Constraint], parts: list[lettered.LetteredPart]) -> list[Constraint]:
    """Each reply limit written inside a lettered part ("A) a client update email. … Max 150 words.") scoped to that
    part: the log line in part B is no part of the email's 150 words."""
    if not parts:
        return found
    scoped: list[Constraint] = []
    for constraint in found:
        span = constraint.span
        # (a limit inside the part's own name, "B) One short paragraph", is the part itself, not a limit on it)
        part = next((p for p in parts if span is not None and p.name_end <= span.start < p.end), None)
        if part is not None and constraint.kind == "limit" and constraint.scope is None and constraint.unit:
            scope = f"the {part.name}"
            text = limits.describe_limit(
                constraint.unit, constraint.minimum, constraint.maximum, constraint.exact, scope
            )
            constraint = msgspec.structs.replace(constraint, scope=scope, text=text)
        scoped.append(constraint)
    return scoped


def _scoped_to_lines(field: Field, found: list[Constraint], numbered: sections.NumberedLines) -> list[Constraint]:
    """Each limit or label set written on one of the brief's reply lines ("- line 3: summary, 40 words max") scoped
    to that line: it bounds the line, not the reply."""
    starts = [m.start() + numbered.start for m in re.finditer(r"(?m)^", field.text[numbered.start : numbered.end])]
    scoped: list[Constraint] = []
    intro_start = field.text.rfind("\n", 0, len(field.text[: numbered.start].rstrip())) + 1
    for constraint in found:
        span = constraint.span
        if (
            span is not None
            and constraint.kind in ("requirement", "prohibition")
            and intro_start <= span.start < numbered.start < span.end
        ):
            continue  # "output exactly this, nothing before or after:\n\nSUMMARY": the layout's intro, read whole there
        if span is not None and numbered.start <= span.start < numbered.end:
            line = sum(1 for start in starts if start <= span.start)
            if constraint.kind == "limit" and constraint.unit:
                text = limits.describe_limit(
                    constraint.unit, constraint.minimum, constraint.maximum, constraint.exact, f"line {line}"
                )
                constraint = msgspec.structs.replace(constraint, scope=f"line {line}", text=text)
            elif constraint.kind == "labels" and constraint.scope is None:
                # "Beschlüsse: … (ja/nein/Enthaltung)": the values on that line, not the reply's one label
                text = f"On line {line}, use exactly one of: {', '.join(constraint.values)}."
                constraint = msgspec.structs.replace(constraint, scope=f"line {line}", text=text)
        scoped.append(constraint)
    return scoped


def _with_outline(field: Field, found: list[Constraint], outline: sections.Outline) -> list[Constraint]:
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
        yield Constraint(kind="schema", text=structure.describe_schema(keys, schema), schema=schema, values=keys)
    for index, tool in enumerate(brief.tools):
        span = BriefSpan(field="tools", index=index, start=0, end=len(tool.name), text=tool.name)
        yield Constraint(
            kind="tool", text=tools.describe_tool(tool.name, list(tool.parameters), tool.purpose or None),
            name=tool.name, parameters=list(tool.parameters), value=tool.purpose or None, span=span,
        )  # fmt: skip


def _own_language(brief: Brief) -> tuple[str, str] | None:
    """(English name, code) of the language a brief not in English is written in, when that is clear."""
    code, name, confidence = identify(" ".join([brief.task, *brief.constraints, brief.output_format or ""]))
    return None if code in ("en", "und") or confidence < _IMPLICIT_LANGUAGE_CONFIDENCE else (name, code)


def _implicit_language(brief: Brief) -> Constraint | None:
    """The brief's own language as the reply language, when it is not English and nothing explicit is said."""
    text = " ".join([brief.task, *brief.constraints, brief.output_format or ""])
    code, name, confidence = identify(text)
    if code in ("en", "und") or confidence < _IMPLICIT_LANGUAGE_CONFIDENCE:
        return None
    rewrite = language.rewritten_into(brief.task)
    if rewrite is not None and rewrite.code != code:
        # "devolves o CV reescrito em inglês (British English)": the reply is the rewrite, in that language
        return Constraint(
            kind="language", text=language.describe_language(rewrite.name), value=rewrite.name, code=rewrite.code,
            span=BriefSpan(
                field="task", start=rewrite.start, end=rewrite.end, text=brief.task[rewrite.start : rewrite.end]
            ),
        )  # fmt: skip
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
    if kind == "ordering":
        # one rule sentence may order several pairs ("Call A first, then B, then C."): each pair is kept
        return (kind, constraint.text.lower(), constraint.first, constraint.then)
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
    whole = [c for c in found if c.kind == "prohibition" and c.span is not None and OPENS_WITH_CONDITION.match(c.text)]

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
    if constraint.kind != "limit" or constraint.scope != INPUT_SCOPE or span is None or span.field != "task":
        return constraint
    written, scope = written_piece_scope(brief.task, span.start)
    if not written or constraint.unit is None:
        return constraint
    text = limits.describe_limit(constraint.unit, constraint.minimum, constraint.maximum, constraint.exact, scope)
    return msgspec.structs.replace(constraint, scope=scope, text=text)


def _without_described_children(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """A children's age range read as the audience is dropped when the brief says adults (parents, carers) ask:
    "camps for children aged 6 to 14 … parents ask us the same questions" answers the parents."""
    if brief.audience or not people.adults_ask(brief.task):
        return found
    return [
        c for c in found
        if not (
            c.kind == "audience" and c.maximum is not None and c.maximum < 18 and c.span is not None
            and c.span.field == "task" and not people.adults_ask(c.value or "")
        )
    ]  # fmt: skip


_TOOL_ORDER = re.compile(r"Call (?P<first>\S+) before you call (?P<then>\S+)\.")
_CALLED = re.compile(r"call (?P<name>\S+)")


def _called_names(constraint: Constraint) -> set[str] | None:
    """The tools an order between tool names calls, or None when it orders other steps."""
    if constraint.kind != "ordering":
        return None
    order = _TOOL_ORDER.fullmatch(constraint.text)
    if order is not None:
        return {order["first"], order["then"]}
    # ("Always call A first, then B.": its "A first" pair has no second step)
    if not constraint.text.startswith(("Call ", "Always call ")):
        return None
    if not (constraint.then or ", then " in constraint.text):
        return None
    called = [_CALLED.fullmatch(step) for step in (constraint.first, constraint.then) if step]
    return {c["name"] for c in called if c} if called and all(called) else None


def _unless_untooled_order(constraint: Constraint, tool_names: set[str]) -> Constraint:
    """ "invoice_no before invoice_date in every row", "iPhone vor iPad": two names in order that are no tools of the
    brief are a rule in its own words, not an order of tool calls."""
    names = _called_names(constraint)
    if names is None or constraint.span is None or names <= tool_names:
        return constraint
    words = sentence_case(constraint.span.text.strip())
    words = words if words.endswith((".", "!", "?")) else f"{words}."
    return Constraint(kind="requirement", text=words, value=words, span=constraint.span)


def _before_other_tools(constraint: Constraint, tool_names: list[str], texts: list[str]) -> Constraint:
    """ "Always call lookup first": the first step of all comes before every other tool the brief lists."""
    if constraint.kind != "ordering" or constraint.then or not constraint.first or constraint.span is None:
        return constraint
    then = tool_orders.before_other_tools(constraint.first, constraint.span.text, tool_names, texts)
    text = constraint.text
    # (a rule naming other tools says more than "first" and its own orders carry them: "get_policy first, before
    # open_claim"; only a rule quoted whole from the brief keeps its exception with the list)
    named_others = len(tool_orders.tool_names_in(constraint.span.text)) > 1
    if then is None or (named_others and not text.startswith("Follow this order from the brief")):
        return constraint
    if text.endswith(" first."):
        text = f"{text[:-1]}, before {then.removeprefix('call ')}."
    if note := tool_orders.exemption_note(constraint.first, constraint.span.text, tool_names, texts):
        text = f"{text.rstrip('.')}{note}."
    return msgspec.structs.replace(constraint, then=then, text=text)


def _without_stray_go_over(found: list[Constraint]) -> list[Constraint]:
    """ "Never go over." says the stated lengths strictly only when the brief states one ("Don't go over it" about a
    data breach, or a session's minutes, is no length rule): otherwise the brief's own words stay."""
    if any(c.kind == "limit" and c.scope != INPUT_SCOPE for c in found):
        return found
    out = []
    for c in found:
        if c.kind == "prohibition" and c.text == LENGTH_LIMITS_RULE and c.span is not None:
            words = sentence_case(
                f"Do not {c.span.text.split(' ', 1)[-1]}"
            )  # "Don't go over it." -> "Do not go over it."
            c = msgspec.structs.replace(c, text=words, value=words)
        out.append(c)
    return out


def _calls_a_tool(value: str, tool_names: set[str]) -> bool:
    """Whether a route is "call <a listed tool> …"."""
    called = re.match(r"\s*(?:call|use|invoke|run)\s+(?:the\s+)?`?(?P<name>[A-Za-z_]\w*)", value, re.IGNORECASE)
    return called is not None and called.group("name") in tool_names


def _bracket_slot(brief: Brief, constraint: Constraint) -> Constraint:
    """A label set written as the bracketed tag of a line layout ("[HIGH|MED|LOW] path:line - problem - fix") is
    that tag's values on every line, not the reply's one label."""
    span = constraint.span
    if constraint.kind != "labels" or constraint.scope is not None or span is None or span.field != "task":
        return constraint
    text = brief.task
    line_end = text.find("\n", span.end)
    after = text[span.end : line_end if line_end >= 0 else len(text)]
    line_start = text.rfind("\n", 0, span.start) + 1
    before = text[line_start : span.start - 1]
    if text[span.start - 1 : span.start] != "[" or not after.startswith("]") or not after[1:].strip():
        return constraint
    if before.strip(" \t-*•`"):
        return constraint  # "Reply with [APPROVE|REJECT] and a reason": the reply's one label, not a line's tag
    tag = f"[{'|'.join(constraint.values)}]"
    return msgspec.structs.replace(
        constraint, scope="line tag", text=f"Open each line with its tag, exactly one of: {tag}."
    )


def _inside_a_signature(constraint: Constraint, found: list[Constraint]) -> bool:
    """Whether a label set or field list was read from inside a tool's signature: "category: str, summary: str" in
    `create_ticket(…)` are its parameters and their types, not the reply's labels."""
    span = constraint.span
    if constraint.kind not in ("labels", "fields") or span is None:
        return False
    return any(
        c.kind == "tool" and c.span is not None and c.span.field == span.field
        and c.span.start < span.start and span.end <= c.span.end
        for c in found
    )  # fmt: skip


# a code comment: "//" (not a URL's), "/*", an SQL "-- ", a trailing "# " after code (not a Markdown heading)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|[。！？]")
_COMMENT_MARK = re.compile(r"(?<!:)//|/\*|(?<=\S)\s+#\s")
# what a tool on its line is said to give back: "get_policy(policy_no) — returns status (active/lapsed)"
_RETURNS_LEAD = re.compile(r"\s*(?:[-–—:]|->|→|=>|#|//|,?\s*(?:which|that)\s+returns?\b|\s+returns?\b)", re.IGNORECASE)


def _in_tool_code_comment(task: str, constraint: Constraint, found: list[Constraint]) -> bool:
    """Whether a label set was read from a code comment among the brief's pasted tool definitions: "// status is
    OPEN, DELAYED or CLOSED" above an rpc documents what a tool returns, it gives the reply no labels."""
    span = constraint.span
    if constraint.kind != "labels" or constraint.scope is not None or span is None or span.field != "task":
        return False  # (a set joined to a tool's parameter is that parameter's values)
    tools = [c.span for c in found if c.kind == "tool" and c.span is not None and c.span.field == "task"]
    if not tools:
        return False
    line_start = task.rfind("\n", 0, span.start) + 1
    if any(
        line_start <= t.start
        and t.end <= span.start <= t.end + 80
        and not _SENTENCE_END.search(task, t.end, span.start)
        and _RETURNS_LEAD.match(task, t.end) is not None
        for t in tools
    ):
        return True  # "get_policy(policy_no) - returns status (active/lapsed), …": what the tool just named returns
    commented = _COMMENT_MARK.search(task, line_start, span.start) is not None
    near = min(t.start for t in tools) - 300 <= span.start <= max(t.end for t in tools) + 300
    return commented and near


def extract_constraints(brief: Brief) -> list[Constraint]:
    """Every constraint the brief states, typed, each with its span; ordered by field then position, deduplicated."""
    found: list[Constraint] = []
    for field in _free_text(brief):
        found.extend(_fresh(c) for c in _read_field_cached(field.name, field.text, field.index))
    found.extend(_structured(brief))
    found = language_cases.with_language_cases(_free_text(brief), found, lambda: _own_language(brief))
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
    unique = [_unless_untooled_order(c, tool_names) for c in unique]
    declared_tools = [c.name for c in unique if c.kind == "tool" and c.name]
    texts = [field.text for field in _free_text(brief)]  # (other sentences may exempt a tool from "X first")
    unique = [_before_other_tools(c, declared_tools, texts) for c in unique]
    unique = [_bracket_slot(brief, c) for c in unique if not _inside_a_signature(c, unique)]
    # 'call escalate with reason "lockout"': calling a listed tool is a step of the rule, no route for the user
    unique = [c for c in unique if not (c.kind == "fallback" and _calls_a_tool(c.value or "", tool_names))]
    unique = [_written_piece(brief, c) for c in unique]
    unique = _without_described_children(brief, unique)
    unique = _without_stray_go_over(unique)
    # (a table list's "tools" go first, so that a column's values are never bound to one as a parameter's)
    unique = parameters.with_parameter_values(brief, data_values.without_table_tools(brief, unique))
    unique = data_values.without_data_value_sets(brief, unique)  # "fare_type is one of …": a column's values
    unique = [c for c in unique if not _in_tool_code_comment(brief.task, c, unique)]
    unique = scoping.without_banned_labels(unique)
    unique = scoping.fields_as_keys(unique)
    unique = scoping.without_misread_limits(brief, unique)
    scoping.multi_labels(brief, unique)
    scoping.scope_labels(brief, unique)
    unique = json_items.field_value_sets(brief, json_items.keyed_label_sets(brief, unique))
    scoping.scope_field_limits(brief, unique)
    scoping.scope_part_limits(brief, unique)
    scope_section_limits(brief, unique)
    scoping.scope_tiny_limits(unique)
    unique.extend(scoping.label_rules(brief, unique))
    return scoping.without_label_tones(unique)
