"""The output format: the brief's limits, format, labels, fields and schema win; archetype defaults fill the gaps."""

from __future__ import annotations

import re

from app.engine.archetypes.variants import ASKS_QUESTIONS, PROSE_BEFORE_JSON
from app.engine.compose.case_objects import case_object_lines
from app.engine.compose.conflicts import SAYS_NULL, allows_null, asks_code_first
from app.engine.compose.cues import extract_fields, field_schema, identifier_fields
from app.engine.compose.default_format import FREE_KIND_CUES, base_description, reply_kind, stated_value
from app.engine.compose.inline_shapes import DASHED_INLINE_TEMPLATE, PER_LINE_INTRO, is_line_shape
from app.engine.compose.json_reply import (
    ARRAY_DESCRIPTION,
    CLOSING_AFTER_JSON,
    IN_A_FIELD,
    JSON_DESCRIPTION,
    JSON_INPUT,
    MISSING_WORD,
    NULL_FOR_ANY_FIELD,
    RECORD_WHEN_DONE,
    SAME_SHAPE,
    SAME_SHAPE_DESCRIPTION,
    asks_json_array,
    not_nullable_schema,
    nullable_schema,
)
from app.engine.compose.json_shape import as_array_description, items_reply, unnamed_schema
from app.engine.compose.label_first import placed_label_line
from app.engine.compose.label_reason import reason_after_label, reason_line
from app.engine.compose.label_sets import label_set_lines
from app.engine.compose.plan import Plan
from app.engine.compose.reply_layouts import (
    COLUMNS,
    DASHED_TEMPLATE,
    FIRST_LINE_LABEL,
    HEADINGS,
    INLINE_TEMPLATE,
    KEYED_INTRO,
    KEYED_LINES,
    LABEL_KEY_LINE,
    LABEL_PLACED,
    LABEL_SLOT_LINE,
    LINE_INTRO,
    LINE_TEMPLATE,
    MIDLINE_TEMPLATE,
    NEXT_LINE_INTRO,
    QUOTED_HEADING,
    case_layout,
    label_slot,
    reply_line,
    slot_named,
    under_output_intro,
)
from app.engine.compose.reply_schema import nested_field_lists, reply_schema
from app.engine.compose.reply_shape import reply_shape_line
from app.engine.compose.step_layout import at_step, step_intro, step_line
from app.engine.compose.yaml_reply import YAML_LIST, is_yaml_reply
from app.engine.constraints import Constraint
from app.engine.constraints.csv_reply import csv_reply, describe_columns, no_header_row, one_row
from app.engine.constraints.limit_numbers import INPUT_SCOPE
from app.engine.constraints.line_scopes import labelled_scope
from app.engine.constraints.sections import layout_block, numbered_lines
from app.engine.example_checks import LABEL_THEN_MORE
from app.engine.spec import OutputFormat, OutputKind

_QUOTED_RULE = re.compile(r'^Follow this rule from the brief: "(?P<rule>.*)"\.?$', re.DOTALL)


def _slot_line(slot: str, labels: Constraint) -> str:
    return f"In `{slot}`, use exactly one of: {', '.join(labels.values)}."


def _own_slot(template: str, labels: Constraint, task: str) -> str | None:
    """The slot a label set's own words name ("priority is HIGH or NORMAL" -> `PRIORITY`), if any: the span and the
    few words of its sentence before it."""
    span = labels.span
    if span is None or span.field != "task":
        return None
    start = max(task.rfind("\n", 0, span.start) + 1, task.rfind(". ", 0, span.start) + 1, span.start - 40, 0)
    return slot_named(template, task[start : span.end])


def _said_already(constraint: Constraint, stated: list[str]) -> bool:
    """A brief's sentence kept whole as a limit ("Si le texte fait moins de 30 mots, mets 0/20") that the stated
    output format already carries word for word: saying it twice adds nothing. So is any constraint whose own
    sentence the stated format holds ("Start the CSV with exactly this header row: …")."""
    if any(constraint.text.strip() in line for line in stated):
        return True
    if constraint.kind != "limit" or constraint.scope != "the part this sentence names":
        return False
    quoted = _QUOTED_RULE.match(constraint.text)
    sentence = (quoted.group("rule") if quoted else constraint.text).strip().rstrip(".。")
    return any(sentence in line for line in stated)


def _dashed_line_shape(task: str) -> re.Match[str] | None:
    """ "one line each: SEVERITY: path:line - problem - fix": each line's shape, its slots joined by dashes."""
    found = under_output_intro(DASHED_INLINE_TEMPLATE, PER_LINE_INTRO, task)
    return found if found is not None and is_line_shape(found.group("template")) else None


def output_format(plan: Plan) -> OutputFormat:
    """The output format for the plan."""
    brief = plan.brief
    value = stated_value(plan)
    # "Return a table with the columns Term | Value | Clause": the named items are rows and columns, not JSON keys.
    table = value == "table" and brief.json_schema is None and not re.search(r"\bjson\b", brief.task, re.IGNORECASE)
    schema = None if table else reply_schema(plan)
    outlined_reply = any(c.value == "sections" for c in plan.of_kind("format"))  # the brief's outline says it all
    template = (
        reply_line(under_output_intro(LINE_TEMPLATE, NEXT_LINE_INTRO, brief.task))
        or under_output_intro(DASHED_TEMPLATE, LINE_INTRO, brief.task)
        or under_output_intro(INLINE_TEMPLATE, LINE_INTRO, brief.task)
        or under_output_intro(MIDLINE_TEMPLATE, LINE_INTRO, brief.task)
        or _dashed_line_shape(brief.task)
    )
    in_lines: tuple[int, int] | None = None  # where the brief's keyed lines stand, when they are the reply
    named_lines = False  # an exact layout's limits named by their line's label are said again in plain words
    case_lines = case_layout(brief.task)
    if brief.output_format:
        kind: OutputKind = "json" if schema is not None else "prose"
        for cue_kind, pattern in FREE_KIND_CUES:
            if kind == "prose" and re.search(pattern, brief.output_format, re.IGNORECASE):
                kind = cue_kind
        stated = [brief.output_format.strip()]
        if stated[0][-1:].isalnum() and "\n" not in stated[0]:
            stated[0] += "."  # "plain text, no headings": a sentence may follow it
    elif (numbered := numbered_lines(brief.task)) is not None and schema is None and not outlined_reply:
        kind = "prose"
        listed = "\n".join(f"Line {i}: {spec}" for i, spec in enumerate(numbered.specs, 1))
        stated = [f"Exactly {len(numbered.specs)} lines, in this order:\n{listed}"]
        in_lines = (numbered.start, numbered.end)
    elif (exact := layout_block(brief.task)) is not None and schema is None and not outlined_reply:
        # "Aufbau, genau so:" and its lines: the reply's own layout, copied line by line
        kind = "prose"
        stated = ["Use exactly this layout, line by line:\n" + "\n".join(exact.specs)]
        in_lines, named_lines = (exact.start, exact.end), True
    elif (keyed := under_output_intro(KEYED_LINES, KEYED_INTRO, brief.task)) and schema is None and not outlined_reply:
        kind = "prose"
        lines = [" ".join(line.strip().lstrip("-*• ").split()) for line in keyed.group("lines").splitlines()]
        stated = [f"Exactly these lines, in this order: {' / '.join(f'`{line}`' for line in lines if line)}."]
        in_lines = keyed.span("lines")
    elif (csv := csv_reply(brief.task)) is not None:
        # "Output has to be CSV …, with exactly this header row:\nstudent_id,criterion,score,justification"
        kind, schema = "prose", None
        header = not csv.single and not no_header_row(brief.task)
        parts = ["CSV only.", describe_columns(csv.columns, header=header)]
        if csv.rows:
            parts.append(f"Then {csv.rows}." if header else f"{csv.rows[0].upper()}{csv.rows[1:]}.")
        elif not header and (csv.single or one_row(brief.task)):
            parts.append("Exactly one row.")
        stated = [" ".join([*parts, "No prose, Markdown or code fence before or after it."])]
    elif is_yaml_reply(brief.task) and plan.primary.output.kind != "json" and not plan.primary.extracts_fields:
        # a review, a plan, a list of findings written as YAML: the shape the brief names, no JSON schema
        kind = "prose"
        yaml_list = YAML_LIST.search(brief.task) is not None
        stated = [
            "A YAML list, with nothing before or after it and no code fence."
            if yaml_list
            else "One YAML document, with nothing before or after it and no code fence."
        ]
    elif template is not None and schema is None and not outlined_reply:
        kind = "prose"
        layout = " ".join(template.group("template").split())
        stated = [f"One line per item, in exactly this form: `{layout}`."]
        in_lines = template.span("template")  # "[BLOCKER|WARN|NIT]": the line's own slot says its values
    else:
        kind = reply_kind(plan, schema, value)
        stated = [base_description(plan, kind, schema, value)]
        if schema is None and any(c.value == "csv" for c in plan.of_kind("format")) and "CSV" not in stated[0]:
            # "export as CSV": the job's default shape (a headline and bullets) would contradict the file
            kind, stated = "prose", ["CSV only, with nothing before or after it and no code fence."]
        headings = HEADINGS.search(brief.task) if kind in ("prose", "markdown") else None
        if any(c.value == "sections" for c in plan.of_kind("format")):
            stated = []  # the brief's own outline (a format constraint below) is the reply's shape
        elif headings is not None:
            # "exactly three sections with these headings: "What you earned", …": the brief's own shape of a reply.
            titles = ", ".join(f'"{title}"' for title in QUOTED_HEADING.findall(headings.group("names")))
            stated = [f"Exactly these sections, in this order, each under its heading: {titles}."]
    # ("Output only a JSON array …" may be one of the brief's constraints, not its task; "Return JSON. Each item should
    # have name and price": the named keys are each item's)
    said = "\n".join([brief.task, *brief.constraints, brief.output_format or ""])
    asks_array = asks_json_array(said) or items_reply(plan)
    same = SAME_SHAPE.search(brief.task) if kind == "json" and schema is None else None
    # (only when the input is JSON itself, and the keys are not another system's: "the same keys as our import")
    same_shape = (
        same is not None
        and JSON_INPUT.search(brief.task) is not None
        and not re.match(r"\s+as\s+(?:our|the|a|an|your|their)\b", brief.task[same.end() :])
    )
    if same_shape:
        # "return the same JSON with the same keys, only the values translated": the input's own keys, no schema
        stated = [SAME_SHAPE_DESCRIPTION]
    elif kind == "json" and schema is None:
        # Keys the task names ("return candidate_name, email, years_experience"); with none, no invented schema (a
        # default's keys are another job's), unless the reply is the list of the brief's labels.
        named = extract_fields(brief.task) or identifier_fields(brief.task)
        schema = field_schema(named) if named else unnamed_schema(plan, asks_array)
        if schema is not None and not any(line.strip() for line in stated):
            stated = [JSON_DESCRIPTION]  # (nothing said the reply's shape before its keys were known)
    shape = [c for c in plan.of_kind("format") if c.value == "sections"]  # the brief's outline comes first
    outlined = {f"the {heading} section" for c in shape for heading in c.values}
    piece = _piece(stated[0]) if stated else None
    # "只输出一个标签：PASS、REMOVE、REVIEW，然后换行，写一句不超过20个字的理由": a limited part follows the label
    # "output: SPAM or HAM + reason in max 1 sentence": the label opens a reply that goes on
    reason = reason_after_label(brief.task) if kind == "label" else None
    label_leads = kind == "label" and (
        reason is not None or any(c.scope and _AFTER_LABEL.search(c.scope) for c in plan.of_kind("limit"))
    )  # (not a limit on the input: "Tickets have a subject line of at most 80 characters")
    if reason is not None:
        stated = [line for line in stated if not _LABEL_ALONE.search(line)]
    slot = label_slot(template.group("template")) if template is not None else None
    nested = nested_field_lists(plan)
    # "After END give feedback in exactly this layout: …  Each feedback line max 20 words.": that step's limit
    step = step_intro(brief.task)
    stated.extend(
        nested[c.text]
        if c.kind == "fields" and c.text in nested
        # "类别代码|紧急程度|一句话摘要" with the codes listed above it: the codes fill the line's first slot
        else _slot_line(_own_slot(template.group("template"), c, brief.task) or slot, c)
        if slot and template is not None and c.kind == "labels" and (c.scope is None or c.scope.endswith("label"))
        else c.text.replace(_LABEL_ONLY, LABEL_THEN_MORE)
        if c.kind == "labels" and label_leads
        # "+ reden in max 1 zin": a limit stated after the reason is the reason's
        else c.text.replace("Keep the reply to", f"Keep the {reason.noun} to")
        if reason is not None and c.kind == "limit" and c.scope is None and c.span and c.span.start > reason.start
        # A written reply carries its label beside the text: "Reply with exactly one of these labels" would forbid
        # the rest of it.
        else c.text.replace(_LABEL_ONLY, "Assign exactly one of these labels:")
        if c.kind == "labels" and kind not in ("label", "json", "decision")
        # "no maximo 150 caracteres" for a caption, in a reply of three variants: each variant is a caption
        else c.text.replace("Keep the reply to", f"Keep each {piece} to")
        if c.kind == "limit" and c.scope is None and piece and c.unit in ("characters", "words", "sentences")
        else c.text
        for c in [*shape, *(at_step(c, step) for c in plan.of_kind("format", "limit", "labels", "fields", "schema"))]
        # a limit on a section of the brief's outline is written on that section's line
        if c.value != "collect"
        and c.scope not in outlined
        and c.scope != INPUT_SCOPE  # (a context line: the size of what arrives)
        and not _said_already(c, stated)
        # the brief's own output format, kept verbatim above, already says what was read from it
        and not (brief.output_format and c.span is not None and c.span.field == "output_format")
        # "Decisão: (procedente / improcedente)", "Resumo: (no máximo 80 palavras)": the line carries its own note
        and not (_within(c, in_lines) and not (named_lines and c.kind == "limit" and labelled_scope(c.scope)))
        # ("What worked: (one sentence)" in the feedback given when the user types TIMEOUT: that case's rule says it)
        and not _within(c, case_lines)
    )
    if kind == "label" and reason is None and (set_lines := label_set_lines(plan.of_kind("labels"))) is not None:
        # "category (…) and priority (…)": a line for each set, never "Only the label" of the first
        said_sets = {c.text for c in plan.of_kind("labels")}
        stated = [set_lines, *(line for line in stated[1:] if line not in said_sets)]
    if reason is not None and not any(reason.noun in line.lower() for line in stated):
        stated.append(reason_line(reason))
    if template is not None and template.group("template").count("|") >= 1:
        # "LABEL | PRIORITY": the reply is the whole line, never "the label only"
        stated = [line.replace("Reply with the label only", "Reply with that line only") for line in stated]
    said = " ".join([*plan.detail_rules, *(c.text for c in plan.constraints)])
    if (turn := step_line(step, brief.task, said)) is not None:
        stated.append(turn)  # "When the trainee types END, …": that step's layout is in the rules, not every turn's
    first_line = FIRST_LINE_LABEL.search(brief.task) if plan.labels_from_brief and plan.labels else None
    if first_line is not None and kind not in ("label", "json") and stated and in_lines is None:
        # "1) prima riga: un'etichetta tra …  2) riga vuota, poi una bozza": the label line opens the reply
        rest = stated[0][:1].lower() + stated[0][1:]
        stated[0] = f"On the first line, exactly one label ({', '.join(plan.labels)}); then a blank line; then {rest}"
    if kind not in ("label", "json"):
        # A JSON reply carries the partner's part as a key of its own; a trailing line or object would break it.
        # A label set the brief scopes itself ("then give the tone as one of …") already says where the label goes.
        scoped_labels = any(c.scope and c.text.startswith("End with") for c in plan.of_kind("labels"))
        # "Primero el nivel en una línea sola", "put the label on the first line": the brief places the label.
        scoped_labels = scoped_labels or LABEL_PLACED.search(brief.task) is not None
        scoped_labels = scoped_labels or template is not None  # the label has its cell
        scoped_labels = scoped_labels or any(_within(c, in_lines) for c in plan.of_kind("labels"))  # its line
        # "LABEL: <label>" as a line of the brief's layout: the label has its line there
        scoped_labels = scoped_labels or (
            in_lines is not None and LABEL_KEY_LINE.search(brief.task, in_lines[0], in_lines[1]) is not None
        )
        # "Label: the label", "TAG: <tag>", "ETIQUETA: ..." as a line of the brief's layout: the label's line is there
        scoped_labels = scoped_labels or LABEL_SLOT_LINE.search(brief.task) is not None
        # "URGENZA: ALTA / MEDIA / BASSA" as one line of the brief's outline: the label has its line there
        scoped_labels = scoped_labels or any(_inside(c, s) for c in plan.of_kind("labels") for s in shape)
        # "Fehlerart ist genau eine von …": the labels are one field's values, not a closing line of their own
        scoped_labels = scoped_labels or any(c.scope and not c.scope.endswith("label") for c in plan.of_kind("labels"))
        # "Assign exactly one wound_type label" (a listed field's values), "Tag each item's severity …": one part's
        # values, written on that part, not a closing verdict line
        field_names = {v.lower() for c in plan.of_kind("fields") for v in c.values}
        scoped_labels = scoped_labels or any(
            c.scope and (c.scope.lower().removesuffix(" label") in field_names or c.text.startswith("Tag each item's"))
            for c in plan.of_kind("labels")
        )
        key = _label_key(brief.task, plan.labels)
        stated.extend(
            plan.fill(p.blend_output).replace('"Label:"', f'"{key}:"')
            for p in plan.partners
            # In a table the label is a column of each row, not a closing line.
            if p.blend_output
            and not ((scoped_labels or kind == "table") and "{labels}" in p.blend_output)
            # fields written as `field: value` lines are the record already: no JSON object after them
            and not (p.extracts_fields and any(c.value == "lines" for c in plan.of_kind("format")))
        )
        if in_lines is None and template is None:
            stated = placed_label_line(brief.task, stated, plan.of_kind("labels"), key)
    if kind == "json" and schema is not None and schema.get("type") == "object" and asks_array:
        # "Return a JSON array; each item has file, line, ...": the named fields describe each item of a list.
        schema = {"type": "array", "items": schema}
        stated = [line.replace(JSON_DESCRIPTION, ARRAY_DESCRIPTION) for line in stated]
    elif kind == "json" and schema is None and asks_array:
        stated = [as_array_description(line) for line in stated]  # "a JSON array" of records whose keys are unnamed
    columns = COLUMNS.search(brief.task) if kind == "table" else None
    if columns is not None:
        listed = columns.group("names")
        # "Term | Value | Clause, one row each for: …": with bars, a comma ends the header.
        listed = listed.split(",")[0] if "|" in listed else listed
        names = [n.strip() for n in re.split(r"\s*[|,]\s*|\s+and\s+", listed) if n.strip()]
        fields = {v.lower() for c in plan.of_kind("fields") for v in c.values}
        if fields & {n.lower() for n in names}:
            # The named fields are the columns themselves ("columns: resource, change, risk").
            stated = [
                s.replace("Return exactly these fields:", "Give the table these columns, in this order:")
                for s in stated
            ]
        else:
            # "one row each for: Parties, Duration …" under "columns Term | Value | Clause": the fields are rows.
            stated = [s.replace("Return exactly these fields:", "Give one row for each of:") for s in stated]
            stated.append(f"Give the table these columns, in this order: {' | '.join(names)}.")
    prose_first = PROSE_BEFORE_JSON.search(brief.task) if kind == "json" else None
    if prose_first is not None:
        # "first a summary …, then the fields as JSON": the reply holds both, so "only JSON" would drop the prose.
        part = (prose_first.group("part") or prose_first.group("part2")).lower()
        prose_then = (
            f"First the {part}, then "
            + JSON_DESCRIPTION[0].lower()
            + JSON_DESCRIPTION[1:].replace("with no prose before or after it and no code fence", "with no code fence")
        )
        only_json = {c.text for c in plan.of_kind("format") if c.value == "json"}
        if any(s == ARRAY_DESCRIPTION for s in stated):
            prose_then = (
                f"First the {part}, then "
                + ARRAY_DESCRIPTION[0].lower()
                + ARRAY_DESCRIPTION[1:].replace(
                    "with no prose before or after it and no code fence", "with no code fence"
                )
            )
        stated = [prose_then if s in (JSON_DESCRIPTION, ARRAY_DESCRIPTION) else s for s in stated if s not in only_json]
    if schema is not None and schema.get("type") == "array":
        # Each item is the object the brief describes; the reply itself is the array.
        stated = [
            s.replace("Return a JSON object with exactly these keys:", "Give each item exactly these keys:").replace(
                "Return exactly these fields:", "Give each item exactly these fields:"
            )
            for s in stated
        ]
    if kind == "json" and (RECORD_WHEN_DONE.search(brief.task) or ASKS_QUESTIONS.search(brief.task)):
        # "ask questions one at a time …; when done, output a summary with the fields …": a conversation first, the
        # record last, so "no prose" governs the final reply only ("Return only valid JSON" would forbid the questions).
        only_json = {c.text for c in plan.of_kind("format") if c.value == "json"}
        stated = [
            "While you collect the details, reply in short plain turns with one question each. When done, output "
            + s[0].lower()
            + s[1:]
            if s in (JSON_DESCRIPTION, ARRAY_DESCRIPTION)
            else s
            for s in stated
            if s not in only_json
        ]
    closing = CLOSING_AFTER_JSON.search(brief.task) if kind == "json" else None
    if closing is not None and IN_A_FIELD.search(closing["message"]):
        closing = None  # "thank the customer in the reply field": the message is a value of the record
    if closing is not None:
        # "print a JSON object with keys … and tell them a volunteer will contact them": a message follows the record
        message = f"{closing['verb'].lower()} {closing['who']}{closing['message'].rstrip(' ,;:')}"
        stated = [
            s.replace(
                "with no prose before or after it and no code fence.",
                f"with no prose before it and no code fence; after it, {message}.",
            )
            for s in stated
        ]
    missing = MISSING_WORD.search(brief.task) if kind == "json" else None
    if missing is not None and not SAYS_NULL.search(brief.task):
        # 'using "not provided" for anything they didn't say': the brief's own word for a missing value, not null.
        word = missing.group("word")
        stated = [
            s.replace("Use null for fields the input does not state.", f'Use "{word}" for anything not stated.')
            for s in stated
        ]
        schema = not_nullable_schema(schema) if schema is not None else None
    elif schema is not None and not allows_null(schema):
        if SAYS_NULL.search(brief.task):
            # "use null when a field is missing" beside a schema typed "string": the brief's rule makes it nullable.
            schema = nullable_schema(schema)
        else:
            # The brief's own schema has no nullable field ("a missing step scores 0"): null would break it.
            stated = [s.replace(" Use null for fields the input does not state.", "") for s in stated]
    elif schema is not None and NULL_FOR_ANY_FIELD.search(brief.task):
        # "if a field isn't there or you can't read it, use null" beside a template with one nullable field: the
        # rule covers every field, so every field may be null.
        schema = nullable_schema(schema)
    shape_line = reply_shape_line(brief.task) if kind not in ("json", "label") and template is None else None
    if shape_line is not None and in_lines is None and not brief.output_format:
        stated.insert(0, shape_line)  # ("answer = one sql code block, then one line starting "Note:" …")
    if kind == "json":
        stated.extend(case_object_lines(brief.task))  # ('if … return exactly {"error": …}': the one other reply)
    lines = [s.strip() for s in stated if s.strip()]
    if asks_code_first(brief.task) and not any("code" in line.lower() for line in lines):
        # "先给代码再解释": the default shape (assumptions first) went; the brief's order is the reply's shape
        lines.insert(0, "The code first, in fenced blocks tagged with the language, then the explanation.")
    description = _joined(list(dict.fromkeys(lines))) or "Plain prose."
    heading = _VARIANT_WORDS.get((plan.language or "").split()[-1] if plan.language else "")
    if heading is not None:
        # a Spanish reply is headed "Opción 1", not the English "Variant 1"
        description = description.replace('"Variant ', f'"{heading} ')
    if schema is None and kind == plan.primary.output.kind:
        schema = plan.primary.output.json_schema
    structured = kind in ("json", "decision")
    return OutputFormat(kind=kind, description=description, json_schema=schema if structured else None)


def _joined(lines: list[str]) -> str:
    """The format's sentences as one paragraph; a block of lines (the brief's outline) stands on lines of its own."""
    text, previous = "", ""
    for line in lines:
        separator = "\n" if "\n" in line or "\n" in previous else " "
        text = f"{text}{separator}{line}" if text else line
        previous = line
    return text


def is_default(plan: Plan, output: OutputFormat) -> bool:
    """Whether the output keeps the primary archetype's kind (its examples may still fit: `fits` checks limits etc.).

    A free-text output format from the brief counts as a new format: examples cannot be checked against it.
    """
    return output.kind == plan.primary.output.kind and not plan.brief.output_format


# The word a reply in another language heads its variants with ("Variant 1" … in English).
_VARIANT_WORDS = {
    "Spanish": "Opción", "Portuguese": "Opção", "French": "Variante", "German": "Variante", "Italian": "Variante",
    "Japanese": "案", "Chinese": "方案",
}  # fmt: skip


# "then 'Sentiment:' positive, neutral or negative": the brief names the line its label goes on.
_LINE_KEY = re.compile(
    r"['\"“‘]?(?P<key>[A-Z][A-Za-z]{1,20}(?:\s[A-Za-z]{1,20})?):\s?['\"”’]?\s+(?:followed\s+by\s+)?"
    # 'a line "Lead: " followed by one of hot, warm, cold'
    r"(?:(?:one|either)\s+of:?\s+)?(?P<first>[\w-]+)"
)


_LABEL_ONLY = "Reply with exactly one of these labels:"


_LABEL_ALONE = re.compile(r"\bwith no explanation\b|^Only the labels?\b")


# The parts a reply carries after its label: a reason, a note, a justification.
_AFTER_LABEL = re.compile(
    r"reason|explanation|justification|comment|note|why|rationale|second|segunda|zweite|seconde|seconda|tweede",
    re.IGNORECASE,
)


_PIECES = re.compile(
    r"^(?:Two|Three|Four|Five|[2-9])\s+(?P<noun>variant|option|version|draft|caption|headline|idea)s\b"
)


def _inside(inner: Constraint, outer: Constraint) -> bool:
    """Whether `inner` was read from within the text `outer` was read from."""
    a, b = inner.span, outer.span
    return a is not None and b is not None and a.field == b.field and b.start <= a.start and a.end <= b.end


def _within(constraint: Constraint, span: tuple[int, int] | None) -> bool:
    """Whether a constraint of the task stands inside `span` of it."""
    at = constraint.span
    return span is not None and at is not None and at.field == "task" and span[0] <= at.start < span[1]


def _piece(description: str) -> str | None:
    """The piece a default reply holds several of ("Three variants under the headings …"), or None."""
    match = _PIECES.match(description)
    return match.group("noun") if match else None


def _label_key(task: str, labels: tuple[str, ...]) -> str:
    """The key of the line the brief puts its label on ("Sentiment"), or "Label"."""
    if labels:
        for match in _LINE_KEY.finditer(task):
            if match.group("first").lower() == labels[0].lower():
                return match.group("key")
    return "Label"
