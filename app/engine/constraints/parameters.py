"""Value sets of a tool's parameters: "book_job(…, job_type) … job_type is one of leak, no_heat, other".

A closed set stated for a tool parameter says what the assistant passes to the tool; it is not the reply's label
set. It joins the tool's own line ("Use the `book_job(…)` tool …; set `job_type` to one of: …"), and its labels
constraint is scoped to the parameter and names the tool (`name`), so that the plan leaves it out of the reply.
"""

from __future__ import annotations

import re

import msgspec

from app.engine.brief import Brief
from app.engine.constraints.model import BriefSpan, Constraint

# The words that may stand between a parameter's name and its values, in the supported languages.
_LINK_WORDS = (
    r"field|parameter|param|argument|arg|values?|is|are|must|should|can|may|has|have|to|be|set|always|only|one|of|"
    r"either|any|the|following|allowed|accepts?|takes?|es|son|debe|ser|puede|uno|una|de|los|las|siguientes|valores|"
    r"ist|sind|muss|kann|eine[rsn]?|von|der|die|folgenden|werte|est|sont|doit|être|peut|l'une?|des|suivantes?|"
    r"valeurs|é|são|deve|pode|um|uma|dos|das|seguintes|è|sono|essere|dei|delle|seguenti|valori|moet|zijn|kan|een|"
    r"van|volgende|waarden"
)
# "category は次のいずれか：", "category 只能是以下之一：": the same link in Japanese and Chinese (no word breaks)
_CJK_LINK = r"は|次の|のいずれか|いずれか|以下の|以下|之一|只能|必须|取值|为|是"
_LINK = rf"`?(?:\s*(?:\b(?:{_LINK_WORDS})\b|[:=(–—：-]|{_CJK_LINK}))*\s*$"


def _field_text(brief: Brief, span: BriefSpan) -> str:
    if span.field == "task":
        return brief.task
    if span.field == "constraints" and span.index is not None and span.index < len(brief.constraints):
        return brief.constraints[span.index]
    if span.field == "output_format":
        return brief.output_format or ""
    return ""


# A plain word ("priority", "message") is a parameter's name in prose only with a verb or "=" after it: "the priority
# must be low or high" binds it, "Label the message: spam or ham" does not.
_BINDING = re.compile(
    r"\b(?:is|are|must|should|can|may|takes?|accepts?|es|son|debe|puede|ist|sind|muss|kann|est|sont|doit|peut|é|são|"
    r"deve|pode|è|sono|moet|zijn)\b|[=(]|は|いずれか|之一|只能|取值",
    re.IGNORECASE,
)


def _owner(before: str, tools: list[Constraint]) -> tuple[Constraint, str] | None:
    """The tool and parameter whose name the text right before a value set ends on."""
    for tool in tools:
        for parameter in tool.parameters:
            found = re.search(rf"(?<![\w.]){re.escape(parameter)}(?!\w)(?P<link>{_LINK})", before, re.IGNORECASE)
            if found is None:
                continue
            if re.fullmatch(r"[^\W\d_]+", parameter) and not _BINDING.search(found.group("link")):
                continue
            return tool, parameter
    return None


def _listed(values: list[str]) -> str:
    return ", ".join(values)


def _setting(parameter: str, values: list[str], multi: bool = False) -> str:
    """ "set `gama` to one of: a, b", or for an array of the values, "set `extras` to one or more of: a, b"."""
    return f"set `{parameter}` to {'one or more' if multi else 'one'} of: {_listed(values)}"


# '("wax" | "polish")[]': the union's values in an array, so several of them may be passed at once
_ARRAY_OF = re.compile(r"\s*\)\s*\[\s*\]")


# "urgency is U1, U2 or U3", "status: open/closed": a short closed list of values right after the parameter's name.
_VALUE = r"[\w][\w-]{0,20}"
_PLAIN_SET = re.compile(
    rf"\s*(?:is|are|must\s+be|can\s+be|=|:)\s+(?:one\s+of\s+)?(?P<values>{_VALUE}(?:\s*,\s*{_VALUE}){{1,8}}"
    rf"(?:\s*,?\s+(?:or|and)\s+{_VALUE})?|{_VALUE}\s+or\s+{_VALUE}|{_VALUE}(?:\s*/\s*{_VALUE}){{1,8}})"
    r"(?=\s*(?:[;.)\n]|$))",
    re.IGNORECASE,
)

# "plan は standard / deep_clean / cooking のいずれか", "plan 为 a、b、c 之一": the same set in Japanese and
# Chinese, with the word for "one of" after the values.
_CJK_SET = re.compile(
    rf"\s*(?:は|为|是|：|:)\s*(?:次の|以下の?)?\s*(?P<values>{_VALUE}(?:\s*(?:/|、|，|,|または|或)\s*{_VALUE}){{1,8}})"
    r"\s*(?:の(?:いずれか|どれか|うち)|之一|中的一个|其中之一)"
)


# Inside a tool's own signature: '"need": "debt | benefits | legal"' (a JSON tool list), 'risk: Literal["high",
# "immediate"]' (Python), 'oficina: "TFS" | "TFN" | "LPA"' (TypeScript), 'extras: ("wax" | "polish")[]' (TypeScript:
# an array of the union's values)
_WORD = r"[\w][\w-]{0,30}"
_QUOTED_WORD = rf"[\"']{_WORD}[\"']"
_TYPED_VALUES = (
    rf"(?:\s*[\"']?\s*:\s*(?:[\"'](?P<piped>{_WORD}(?:\s*\|\s*{_WORD})+)[\"']|"
    rf"(?:\(\s*)?(?P<quoted>{_QUOTED_WORD}(?:\s*\|\s*{_QUOTED_WORD})+)|"
    rf"Literal\[\s*(?P<literal>{_QUOTED_WORD}(?:\s*,\s*{_QUOTED_WORD})+))|"
    # a tool table's parameters cell: "tipo_barca (senza_patente / con_patente / pedalo)"
    rf"\s+\((?P<slashed>{_WORD}(?:\s*/\s*{_WORD})+)\))"
)


def _typed_set(brief: Brief, tool: Constraint, parameter: str) -> Constraint | None:
    """The closed value set a tool's signature gives one of its parameters, as a labels constraint for it."""
    span = tool.span
    if span is None or span.field != "task" or not re.fullmatch(r"\w+", parameter):
        return None
    match = re.compile(rf"[\"'({{,\s]{re.escape(parameter)}{_TYPED_VALUES}").search(
        brief.task, max(0, span.start - 1), span.end
    )
    if match is None:
        return None
    group = next(name for name in ("piped", "quoted", "literal", "slashed") if match.group(name))
    raw = match.group(group)
    values = [v.strip(" \"'") for v in re.split(r"\s*[|,/]\s*", raw) if v.strip(" \"'")]
    if len(values) < 2 or len(set(values)) < len(values):
        return None
    at = BriefSpan(field="task", start=match.start(group), end=match.end(group), text=raw)
    multi = _ARRAY_OF.match(brief.task, match.end(group)) is not None
    text = f"When you call `{tool.name}`, {_setting(parameter, values, multi)}."
    return Constraint(kind="labels", text=text, span=at, values=values, scope=parameter, name=tool.name, multi=multi)


def _plain_sets(brief: Brief, tools: list[Constraint], taken: set[tuple[str, str]]) -> list[Constraint]:
    """Value sets the label reader leaves alone ("urgency is U1, U2 or U3" on a tool's line), for named parameters."""
    found = []
    for tool in tools:
        for parameter in tool.parameters:
            if (tool.name or "", parameter) in taken or not re.fullmatch(r"\w+", parameter):
                continue
            typed = _typed_set(brief, tool, parameter)
            if typed is not None:
                found.append(typed)
                continue
            for name in re.finditer(rf"(?<![\w.`(,]){re.escape(parameter)}(?![\w(])", brief.task):
                listed = _PLAIN_SET.match(brief.task, name.end()) or _CJK_SET.match(brief.task, name.end())
                if listed is None:
                    continue
                line_start = brief.task.rfind("\n", 0, name.start()) + 1
                # a line of a tools list: "open_ticket(queue, status) - status: open/closed"
                on_tool_line = brief.task[line_start : name.start()].lstrip(" \t-*•`").startswith(f"{tool.name}(")
                if not on_tool_line:
                    continue  # "Label the message: urgent or low", "The tone is warm, concise": not the argument
                values = [v.strip() for v in re.split(r"\s*(?:,|/|\bor\b|\band\b)\s*", listed.group("values"))]
                values = [v for v in values if v]
                if len(values) < 2 or len(set(values)) < len(values):
                    continue
                span = BriefSpan(
                    field="task", start=listed.start("values"), end=listed.end("values"),
                    text=listed.group("values"),
                )  # fmt: skip
                text = f"When you call `{tool.name}`, set `{parameter}` to one of: {_listed(values)}."
                found.append(
                    Constraint(kind="labels", text=text, span=span, values=values, scope=parameter, name=tool.name)
                )
                break
    return found


def _joined(text: str, clauses: list[str]) -> str:
    """A tool's line with its parameters' value clauses, each said once (a set the tool's own line or another reader
    gave already is not said again)."""
    new = [clause for i, clause in enumerate(clauses) if clause not in text and clause not in clauses[:i]]
    return f"{text.rstrip('.。')}; {'; '.join(new)}." if new else text


def with_parameter_values(brief: Brief, constraints: list[Constraint]) -> list[Constraint]:
    """The constraints with each value set stated for a tool parameter joined to that tool's line."""
    tools = [c for c in constraints if c.kind == "tool" and c.parameters]
    if not tools:
        return constraints
    constraints = _with_plain_sets(brief, constraints, tools)
    out: list[Constraint] = []
    joined: dict[int, list[str]] = {}
    for constraint in constraints:
        span = constraint.span
        if constraint.kind != "labels" or constraint.scope is not None or span is None:
            out.append(constraint)
            continue
        before = _field_text(brief, span)[: span.start][-80:]
        owner = _owner(before, tools)
        if owner is None:
            out.append(constraint)
            continue
        tool, parameter = owner
        joined.setdefault(id(tool), []).append(f"set `{parameter}` to one of: {_listed(constraint.values)}")
        text = f"When you call `{tool.name}`, set `{parameter}` to one of: {_listed(constraint.values)}."
        out.append(msgspec.structs.replace(constraint, text=text, scope=parameter, name=tool.name))
    if not joined:
        return constraints
    return [msgspec.structs.replace(c, text=_joined(c.text, joined[id(c)])) if id(c) in joined else c for c in out]


def _with_plain_sets(brief: Brief, constraints: list[Constraint], tools: list[Constraint]) -> list[Constraint]:
    """The constraints plus the plain value sets of tool parameters, each joined to its tool's line; a label
    constraint the generic reader made of the same span ("Assign exactly one label: P1, P2 or P3") gives way."""
    taken = {(c.name or "", c.scope or "") for c in constraints if c.kind == "labels" and c.name}
    extra = _plain_sets(brief, tools, taken)
    if not extra:
        return constraints
    spans = [(c.span.start, c.span.end) for c in extra if c.span is not None]
    kept = [
        c
        for c in constraints
        if not (
            c.kind == "labels"
            and c.name is None
            and c.span is not None
            and c.span.field == "task"
            and any(start < c.span.end and c.span.start < end for start, end in spans)
        )
    ]
    by_tool: dict[str, list[str]] = {}
    for c in extra:
        by_tool.setdefault(c.name or "", []).append(_setting(c.scope or "", c.values, c.multi))
    joined = [
        msgspec.structs.replace(c, text=_joined(c.text, by_tool[c.name]))
        if c.kind == "tool" and c.name in by_tool
        else c
        for c in kept
    ]
    return [*joined, *extra]
