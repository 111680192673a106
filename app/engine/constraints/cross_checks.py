"""Checks that need the whole brief's constraints, after each field is read: a ban cut from a sentence kept whole,
orders between names that are no tools, label sets read from a tool's signature or code comment, a limit whose subject
is a piece the brief asks to write, children's ages when adults ask."""

from __future__ import annotations

import re

import msgspec

from app.engine.brief import Brief
from app.engine.constraints import limits, people, tool_orders
from app.engine.constraints.clause_readers import LENGTH_LIMITS_RULE, OPENS_WITH_CONDITION
from app.engine.constraints.field_reading import free_text
from app.engine.constraints.input_sizes import written_piece_scope
from app.engine.constraints.limit_numbers import INPUT_SCOPE
from app.engine.constraints.model import Constraint
from app.engine.constraints.sentence_case import sentence_case
from app.engine.constraints.tool_steps import with_tool_steps


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


_TOOL_WORD = (
    r"(?:tools?|functions?|funciones|funci[oó]n|herramientas?|funç(?:ões|ão)|ferramentas?|fonctions?|outils?|"
    r"funktionen|werkzeuge?|funzioni|strumenti|functies|actions|acciones|endpoints?|工具|ツール|関数|函数)"
)


def _declared(name: str, texts: list[str]) -> bool:
    """Whether the brief states a name as a tool: after a tool word in its sentence ("Usa gli strumenti (cerca,
    prenota)"), with a signature ("check_booking(ref)") or called a tool ("the lookup_account tool")."""
    named = re.escape(name)
    stated = re.compile(
        rf"{_TOOL_WORD}[^.!?。\n]{{0,120}}?(?<![\w-]){named}(?![\w-])|(?<![\w-]){named}\s*\(|"
        rf"(?<![\w-]){named}`?\s+{_TOOL_WORD}",
        re.IGNORECASE,
    )
    return any(stated.search(text) for text in texts)


def _untooled_gates(found: list[Constraint], tool_names: set[str], texts: list[str]) -> list[Constraint]:
    """ "PayPal must be offered before any other payment method", "order_id first, always": one name put first that is
    no tool of the brief is a rule in its own words, not a call that gates the others (none where a ban of the same
    words says it: "never give a door code unless check_booking found it")."""
    banned = {c.span.text.strip() for c in found if c.kind == "prohibition" and c.span is not None}
    out = []
    for c in found:
        first = c.first or ""
        called = tool_orders.tool_names_in(first) if first.startswith("call ") else set()
        tools = called <= tool_names or all(_declared(name, texts) for name in called)
        if c.kind != "ordering" or c.span is None or not called or tools or _called_names(c):
            out.append(c)  # (an order between two names: read by _unless_untooled_order)
            continue
        if len(tool_orders.tool_names_in(c.span.text)) > 1:
            out.append(c)  # "find_member then check_balance before ANY of the redeem tools": two calls in turn
            continue
        words = c.span.text.strip()
        if words not in banned:
            banned.add(words)  # (once: several readings of one sentence give one rule in its words)
            words = words if words.endswith((".", "!", "?", "。")) else f"{words}."
            out.append(Constraint(kind="requirement", text=words, value=words, span=c.span))
    return out


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


def in_tool_code_comment(task: str, constraint: Constraint, found: list[Constraint]) -> bool:
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


def _tool_in_label_set(constraint: Constraint, tool_names: set[str]) -> bool:
    """ "for someone you have flagged with flagVulnerable, an agent takes it from there": a tool named in a sentence
    is a step, and the words after it are no label. (A router's set of tool names, "lookup_order, cancel_order or
    other", is kept: every other value is one word of its own.)"""
    if constraint.kind != "labels" or constraint.scope is not None or not tool_names & set(constraint.values):
        return False
    return any(len(value.split()) > 1 for value in constraint.values if value not in tool_names)


def cross_checked(brief: Brief, unique: list[Constraint]) -> list[Constraint]:
    """The brief's deduplicated constraints, each checked against the others and the whole brief: no unconditioned
    copy of a conditioned ban, no fields or routes that are a tool's, orders between listed tools only, limits on the
    piece the brief asks to write."""
    unique = _without_unconditioned_copies(unique)
    tool_names = {c.name for c in unique if c.kind == "tool" and c.name}
    tool_words = tool_names | {p for c in unique if c.kind == "tool" for p in c.parameters}
    # "然后调用 transfer_to_human，reason 填 "gas_leak"": a tool and its argument, not fields of the reply
    unique = [
        c for c in unique
        if not (c.kind == "fields" and tool_names & set(c.values) and set(c.values) <= tool_words)
    ]  # fmt: skip
    unique = [c for c in unique if not _tool_in_label_set(c, tool_names)]
    texts = [field.text for field in free_text(brief)]  # (other sentences may exempt a tool from "X first")
    unique = _untooled_gates([_unless_untooled_order(c, tool_names) for c in unique], tool_names, texts)
    declared_tools = [c.name for c in unique if c.kind == "tool" and c.name]
    unique = [_before_other_tools(c, declared_tools, texts) for c in unique]
    unique = with_tool_steps(unique)  # ("before reserving": reserve_stock)
    unique = [_bracket_slot(brief, c) for c in unique if not _inside_a_signature(c, unique)]
    # 'call escalate with reason "lockout"': calling a listed tool is a step of the rule, no route for the user (a
    # hand-off that calls its tool, "call escalate_to_agent(…) and tell them a person will reply", is the
    # assistant's own step and says so)
    unique = [
        c for c in unique
        if not (c.kind == "fallback" and c.action != "handoff" and _calls_a_tool(c.value or "", tool_names))
    ]  # fmt: skip
    unique = [_written_piece(brief, c) for c in unique]
    unique = _without_described_children(brief, unique)
    unique = _without_stray_go_over(unique)
    return unique
