"""Lines of a brief that shape the reply or describe its inputs: a line template after a colon, fields listed one per
line, a label table's rows, and the signature lines of tools and tables (whose words set no reply format)."""

from __future__ import annotations

import re
from collections.abc import Callable

import msgspec

from app.engine.constraints import structure
from app.engine.constraints.empty_case import empty_case_line
from app.engine.constraints.model import BriefSpan, Constraint
from app.engine.tool_text import PARAMETERS_ON_LINE

# "Format each comment as one line:\n\npath/to/file.py:LINE [severity] comment": the line after the colon is the
# template to fill (placeholders in capitals, brackets or a path), which the rule must carry.
_TEMPLATE_AFTER = re.compile(r"[ \t]*:?[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<line>[^\n]{3,120}?)[ \t]*(?:\n|$)")
_PLACEHOLDER_TOKEN = re.compile(
    r"\[[^\]\n]{1,30}\]|<[^>\n]{1,30}>|\{[^}\n]{1,30}\}|\b[A-Z]{3,}\b|\w/\w|\w\s+\|\s+\w[^|\n]*\|"
)
_INTRODUCES = frozenset({"requirement", "ordering", "limit"})
_NEXT_LAYOUT_LINE = re.compile(r"[ \t]*\n[ \t]*(?:[-*•][ \t]+)?[A-Z][A-Z0-9 /&'-]{1,40}[:：]")
_LABELLED = re.compile(r"[ \t]*\n?[ \t]*[A-Z][\w '&/-]{0,30}[:：][ \t]+\S")
_INSTRUCTION_LINE = re.compile(
    r"\s*(?:if|when|whenever|for|never|always|don'?t|do\s+not|be|use|ask|tell|keep|avoid|only)\b", re.IGNORECASE
)


# "reply with exactly this line:\nNO RISKS FOUND": the line in capitals is the reply's own words
_EXACT_LINE = re.compile(
    r"\b(?:reply|respond|answer|write|output|say|return|print)\b[^.:]{0,40}\b(?:exactly|only|just)\b", re.IGNORECASE
)

# "No subject line", "don't add a subject", "ohne Betreff", "sans objet": a ban on an e-mail's subject line (not "emails
# with no subject line are rejected", nor Dutch "onderwerp", a topic); the settled topic and the example check share it
SUBJECT_LINE_BAN = (
    r"(?<!\bwith\s)(?<!\bhave\s)(?<!\bhas\s)\b(?:no|without)\s+(?:a\s+)?subject(?:[\s-]+lines?)?\b"
    r"(?!\s+(?:is|are|will|get|gets|go|goes)\b)|\b(?:don'?t|do\s+not|never)\s+(?:add|write|include|use|put)\s+"
    r"(?:a\s+|any\s+)?subject\b|\bsin\s+(?:l[íi]nea\s+de\s+)?asunto\b|\bohne\s+betreff(?:zeile)?\b|"
    r"\bkeine\s+betreffzeile\b|\bsans\s+(?:ligne\s+d['’])?objet\b|\bsem\s+(?:linha\s+de\s+)?assunto\b|"
    r"\bsenza\s+oggetto\b|\bgeen\s+onderwerp(?:regel)?\b|件名(?:は)?(?:不要|なし|無し)|不要(?:写)?(?:邮件)?主题"
)


def with_line_templates(text: str, found: list[Constraint]) -> list[Constraint]:
    """A rule whose sentence ends in a colon before a line template carries the template ("Format each comment as
    one line: `path/to/file.py:LINE [severity] comment`")."""
    out = []
    for c in found:
        span = c.span
        # ("…, then one internal log line:\nLOG | job ref | …": an order's last step may introduce the line too)
        # ("then write one line:\nCATEGORY | …": a one-line limit introduces its line; "three lines:" introduce three)
        one_line = c.kind != "limit" or (
            c.unit == "lines" and c.exact == 1 and c.scope in (None, "the part this sentence names")
        )  # ("Make each comment exactly 1 line." beside the order that carries the template says it once)
        after = _TEMPLATE_AFTER.match(text, span.end) if c.kind in _INTRODUCES and one_line and span else None
        line = after.group("line") if after is not None else ""
        if (
            after is None
            or span is None
            or not _PLACEHOLDER_TOKEN.search(line)
            or line.rstrip().endswith((".", ":"))
            or not text[span.start : after.start("line")].rstrip().endswith(":")
            or re.match(r"\s*(?:[-*•]\s|\d{1,2}[.)]\s|\*\*|#|\|)", line)  # ("| code | use when |": a table's header)
            # ("…, then check the status page:\nIf there is an open INCIDENT, …": the next instruction, no template)
            or _INSTRUCTION_LINE.match(line)
            # ("… with these exact headers:\nDECISIONS\nVOTES": a bare heading in capitals is no line template)
            or (re.fullmatch(r"[A-Z][A-Z ]{1,40}", line.strip()) is not None and not _EXACT_LINE.search(c.text))
            # ("… in exactly this layout:\nILLEGAL QUESTIONS: …\nSTAR PROBES: …": a layout of several lines, copied
            # whole by its own rule; its first line alone is no template)
            or _NEXT_LAYOUT_LINE.match(text, after.end("line"))
        ):
            out.append(c)  # the sentence must end in a colon, and a list item or a heading is no template
            continue
        if _LABELLED.match(line) and _LABELLED.match(text, after.end("line")):
            # "When the user types RESULTS, show the scores in this layout:\nCorrect: x/10\nBest round: one word":
            # labelled lines, one layout, which the rule carries whole
            out.append(_with_layout_lines(c, text, after.start("line")) if c.kind != "limit" else c)
            continue
        rule = f"{c.text.rstrip('.:')}: `{line.strip()}`."
        span = msgspec.structs.replace(span, end=after.end("line"), text=text[span.start : after.end("line")])
        out.append(msgspec.structs.replace(c, text=rule, value=c.value if c.kind == "limit" else rule, span=span))
    return out


def _with_layout_lines(c: Constraint, text: str, start: int) -> Constraint:
    """The rule with the labelled lines that follow its colon, line by line, up to the first line that is none."""
    lines: list[str] = []
    end = start
    for found in re.finditer(r"[^\n]*(?:\n|$)", text[start:]):
        line = found.group(0).strip()
        if not line or not _LABELLED.match(line) or len(lines) >= 16 or empty_case_line(line):
            break
        lines.append(line)
        end = start + found.start() + len(found.group(0).rstrip())
    assert c.span is not None
    rule = f"{c.text.rstrip('.:')} (this layout, line by line; fill in each value):\n" + "\n".join(
        f"   {line}" for line in lines
    )
    span = msgspec.structs.replace(c.span, end=end, text=text[c.span.start : end])
    return msgspec.structs.replace(c, text=rule, value=rule, span=span)


# "run_query(sql: str) -> rows as JSON", "orders(order_id bigint, …, status text) -- status: 'delivered', …": a tool's
# output or a table's column values, on the signature's own line, say nothing of the reply's format or labels.
# ("reportIssue(postcode: string): Promise<{ ticketRef: string }>": a TypeScript return type after the colon)
FILE_LINE_SLOT = (
    r"[<{]?\b(?:file(?:name)?|path)(?:[\w/]*\.\w+)?\s*[>}]?\s*:\s*[<{]?\s*(?:line(?:_?no|_?number)?|lineno)\b"
)
"""A finding's location slot in a brief's layout: "path/to/file.py:LINE", "<file>:<line>", "filename:lineno"."""
_SIGNATURE_LINE = re.compile(
    rf"[A-Za-z_]\w*\({PARAMETERS_ON_LINE}\)\s*(?:->|→|=>|--|returns?\b|:\s*(?:Promise<|\{{|\[))"
)


def on_signature_line(text: str, position: int) -> bool:
    """Whether a position lies after a tool's or a table's signature on the same line (what it returns)."""
    line_start = text.rfind("\n", 0, position) + 1
    # (to the object's own brace: "hold_bike(phone: string): { hold_id: string }" returns it right after the colon)
    signature = _SIGNATURE_LINE.search(text, line_start, min(len(text), position + 1))
    # "get_order(id) -> the order. Reply with a JSON object {…}": only what follows the arrow is the tool's
    return (
        signature is not None
        and position - signature.end() <= 40
        and not re.search(r"[.;!?]\s", text[signature.end() : position])
    )


# An open parameter list before a position: "function getBalances(args: { customerId: string }): …", "declare
# function derivar(p: { motivo: string }): void" (a TypeScript declaration, with one key or several)
_OPEN_PARAMETERS = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*)?(?:(?:export[ \t]+)?(?:declare[ \t]+)?(?:async[ \t]+)?(?:def|function|func|fn)[ \t]+)?"
    r"[A-Za-z_][\w.]*\("
    rf"{PARAMETERS_ON_LINE}$"
)


def in_parameter_list(text: str, position: int) -> bool:
    """Whether a position lies inside a tool's parameter list on its signature line (an argument's type), or opens
    the value of a parameters key ("  params: {nom: string, …}" under a YAML tool's "- name:")."""
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    return _OPEN_PARAMETERS.match(before) is not None or _PARAMETER_KEY.search(before) is not None


def after_parameter_key(text: str, position: int) -> bool:
    """Whether a position opens the value of a tool's parameters key ("params: {…}")."""
    return _PARAMETER_KEY.search(text[text.rfind("\n", 0, position) + 1 : position]) is not None


# "params: {…}", "parameters: {…}", "args = {…}", '"arguments": {…}': what a tool takes, never the reply's shape
_PARAMETER_KEY = re.compile(
    r"(?:^|[\s{,(])[\"']?(?:params|parameters|parametros|parámetros|paramètres|parametri|parameter|args|arguments|"
    r"argumentos|input_?schema|inputSchema)[\"']?[ \t]*[:=][ \t]*$",
    re.IGNORECASE,
)


# A function's definition line: "def parte_maritimo(fecha: str) -> dict:", "async function getSlots(day) {",
# "- check_stock(sku): …" (a bullet that opens with the tool's call).
_DEFINITION_LINE = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*)?(?:(?:async[ \t]+)?(?:def|function|func|fn)[ \t]+)?"
    rf"[A-Za-z_][\w.]*\({PARAMETERS_ON_LINE}\)",
    re.MULTILINE,
)
_DOCSTRING_QUOTES = re.compile(r'"""|\'\'\'')
_DOC_COMMENT = re.compile(r"/\*\*(?:(?!\*/).)*$", re.DOTALL)


def in_tool_definition(text: str, position: int) -> bool:
    """Whether a position lies in a tool's definition: its docstring (a Python def, then a triple-quoted
    'Estado del mar: {"estado": "ok" | …}'), a doc comment right before it ("/** @returns {status: …} */"), or the
    rest of a bullet line that opens with its call ("- get_slots(day): {"slots": […]}"). A tool's result is no reply."""
    line_start = text.rfind("\n", 0, position) + 1
    opened = _DEFINITION_LINE.match(text, line_start)
    if opened is not None and opened.end() <= position and not re.search(r"[.;!?]\s", text[opened.end() : position]):
        return True  # the object on the tool's own line, in the clause that describes it
    definitions = list(_DEFINITION_LINE.finditer(text, 0, position))
    if definitions:
        after = text[definitions[-1].end() : position]
        quotes = _DOCSTRING_QUOTES.findall(after)
        # an open docstring that starts on the definition line or on the next line with text ('Reply format:\n"""'
        # after a tool list opens the reply's own block)
        between = after[: after.find(quotes[0])] if quotes else ""
        if len(quotes) % 2 == 1 and between.count("\n") <= 2 and not between.partition("\n")[2].strip():
            return True
    if _DOC_COMMENT.search(text, max(0, position - 600), position) is None:
        return False
    closing = text.find("*/", position)
    next_line = text.find("\n", closing) + 1 if closing >= 0 else 0
    return next_line > 0 and _DEFINITION_LINE.match(text, next_line) is not None  # the comment documents that tool


def describes_a_signature(text: str, constraint: Constraint) -> bool:
    """Whether a format or label set sits on a tool's or a table's signature line (what it returns, its columns)."""
    span = constraint.span
    if constraint.kind not in ("format", "labels", "schema", "fields") or span is None or span.start >= len(text):
        return False
    if constraint.kind in ("schema", "fields"):
        return on_signature_line(text, span.start)  # the object right after the arrow, not a later sentence's
    if in_parameter_list(text, span.start):
        return True  # 'quote(parts: string[], jobs: ("tune" | "brakes")[])': an argument's type, inside the call
    line_start = text.rfind("\n", 0, span.start) + 1
    signature = _SIGNATURE_LINE.search(text, line_start, span.start)
    return signature is not None and "\n" not in text[signature.start() : span.start]


def table_rows(rows: str) -> list[str]:
    """Each row of a label table as "label (what it is for)": the brief's meaning of each label stays with it."""
    out = []
    for line in rows.splitlines():
        cells = [cell.strip().strip("`*") for cell in line.strip().strip("|").split("|")]
        if cells and cells[0]:
            out.append(f"{cells[0]} ({cells[1]})" if len(cells) > 1 and cells[1] else cells[0])
    return out


def with_field_lines(text: str, span_of: Callable[[int, int], BriefSpan], found: list[Constraint]) -> list[Constraint]:
    """Fields listed one per line under the line that introduces them replace what that line alone seemed to list
    ("these fields, one per line"); written as `field: value` lines, they are no JSON object."""
    lines = structure.field_lines(text)
    if lines is None:
        return found
    kept = [c for c in found if not (c.kind == "fields" and c.span and lines.intro_start <= c.span.start < lines.end)]
    listed = text[lines.start : lines.end]
    if lines.collect:
        describe = structure.describe_collected
    else:
        describe = structure.describe_field_lines if lines.as_lines else structure.describe_fields
    kept.append(
        Constraint(
            kind="fields", text=describe(lines.values, listed), span=span_of(lines.start, lines.end),
            values=lines.values, value="collect" if lines.collect else None,
        )
    )  # fmt: skip
    if lines.as_lines:
        kept.append(
            Constraint(
                kind="format", text="Write the fields as plain lines, not as a JSON object.",
                span=span_of(lines.intro_start, lines.start), value="lines",
            )
        )  # fmt: skip
    return kept
