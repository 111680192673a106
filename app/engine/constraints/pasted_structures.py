"""Structures pasted into a field, read before its clauses: tools (OpenAPI excerpts, tool tables, API examples,
interfaces, YAML lists, JSON tool specs), JSON literals as the reply's schema, a CSV header, a bullet label list. Each
is masked out of the text, so the clause readers do not read it again."""

from __future__ import annotations

import re

from app.engine.constraints import (
    case_replies,
    code_docs,
    formats,
    label_blocks,
    label_wording,
    layout,
    object_comments,
    openapi,
    pasted_tools,
    structure,
    tool_table,
    tools,
)
from app.engine.constraints.clause_readers import Field
from app.engine.constraints.csv_reply import csv_reply, describe_columns, no_header_row
from app.engine.constraints.json_tools import tool_spec, wrapped_tool_specs
from app.engine.constraints.model import Constraint
from app.engine.constraints.schema_details import field_formats, field_limits


def _mask(text: str, start: int, end: int) -> str:
    """Blank out [start, end) keeping offsets, so later extractors do not read it again."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


_REPLY_LEAD = re.compile(
    r"\b(?:return|output|respond|reply|answer|format|give|emit|produce)\w*\b(?:\s+(?:with|as|in|only|just|exactly|"
    r"this|the|following|a|an|one|single|object|json|shape|form|like)\b)*\s*:?\s*$",
    re.IGNORECASE,
)


def structures(field: Field) -> tuple[list[Constraint], str]:
    """Schemas from JSON literals and label sets from bullet lists, and the text with both masked out."""
    found, masked, excerpt, examples = _pasted_tools(field)
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
        read = _read_object(field, obj, replied)
        if read is not None:
            found.extend(read)
            masked = _mask(masked, obj.start, obj.end)
    csv = csv_reply(masked)
    if csv is not None:
        header = not csv.single and not no_header_row(field.text)
        # "one CSV row matching this header:\n\nsku,brand,…": the header row names the reply's columns
        found.append(
            Constraint(
                kind="fields", text=describe_columns(csv.columns, header=header),
                span=field.span(csv.start, csv.end), values=list(csv.columns),
            )
        )  # fmt: skip
    for values, multi, start, end in label_blocks.find_label_block(masked):
        found.append(
            Constraint(
                kind="labels", text=label_wording.describe_labels(values, multi), span=field.span(start, end),
                values=values, multi=multi,
            )
        )  # fmt: skip
        masked = _mask(masked, start, end)
    return found, masked


def _pasted_tools(field: Field) -> tuple[list[Constraint], str, tuple[int, int] | None, list[tuple[int, int]]]:
    """Tools from a pasted OpenAPI excerpt, table, API example, interface or YAML list; the text with them masked
    out; the excerpt and the examples, whose objects are no reply's."""
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
    # ("params: {nom: string, regime: "a|b"}": a YAML tool's parameters, no reply schema)
    return found, masked, excerpt, [*examples, *yaml_items]


def _read_object(field: Field, obj: structure.FoundObject, replied: set[frozenset[str]]) -> list[Constraint] | None:
    """What one JSON literal states (tools, or a schema with its labels and limits), or None when it is no part of
    the reply (a tool's signature, one case's reply), so it stays in the text."""
    if (
        layout.on_signature_line(field.text, obj.start)
        or layout.in_tool_definition(field.text, obj.start)
        or layout.in_parameter_list(field.text, obj.start)
    ):
        # "reportIssue(…): Promise<{ ticketRef: string }>", a docstring's shape: what a tool returns; and
        # "getBalances(args: { customerId: string })": what it takes
        return None
    tools_read = _object_tools(field, obj, replied)
    if tools_read is not None:
        return tools_read
    if case_replies.is_case_reply(field.text, obj.start, obj.value, obj.end):
        return None  # 'if the note is no watch return exactly {"error": "not_a_watch"}': one case's reply, a rule
    return _object_schema(field, obj)


def _object_tools(field: Field, obj: structure.FoundObject, replied: set[frozenset[str]]) -> list[Constraint] | None:
    """The tools a JSON literal declares ('{"tools": […]}' or one '{"name", "description", "parameters"}'), or
    None when it declares none."""
    found: list[Constraint] = []
    wrapped = wrapped_tool_specs(obj.value) if frozenset(obj.value) not in replied else []
    for name, listed, purpose in wrapped:
        # '{"tools": [{"type": "function", "function": {"name": "verify_customer", …}}, …]}': the tool list
        found.append(
            Constraint(
                kind="tool", text=tools.describe_tool(name, listed, purpose),
                span=field.span(obj.start, obj.end), name=name, parameters=listed, value=purpose,
            )
        )  # fmt: skip
    if wrapped:
        return found
    spec = tool_spec(obj.value) if frozenset(obj.value) not in replied else None
    if spec is not None:
        # '{"name": "query_order", "description": …, "parameters": {"phone": "string"}}': a tool, not the reply
        name, parameters, purpose = spec
        found.append(
            Constraint(
                kind="tool", text=tools.describe_tool(name, parameters, purpose),
                span=field.span(obj.start, obj.end), name=name, parameters=parameters, value=purpose,
            )
        )  # fmt: skip
        return found
    return None


def _object_schema(field: Field, obj: structure.FoundObject) -> list[Constraint]:
    """A JSON literal as the reply's schema: the schema, JSON as the format after a reply lead, a label set for each
    key with a closed set of values, and the limits and formats written as values."""
    found: list[Constraint] = []
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
    found.extend(field_limits(field, obj, schema))
    field_formats(obj, schema)
    return found
