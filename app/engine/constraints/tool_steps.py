"""A step of an ordering rule that names a listed tool by its verb, not by its name: "Before reserving, always call
get_stock" (reserve_stock), "Prima di prenotare … stato_tessera" (prenota), "先用 query_order 查到订单再建工单"
(create_repair_ticket: "创建上门维修工单").

The rule is kept in the brief's words, with the tool the step means named beside it, so the model knows which call
waits (and the order can be checked against the calls)."""

from __future__ import annotations

import re

import msgspec

from app.engine.constraints.model import Constraint
from app.engine.constraints.tool_orders import tool_names_in

_WORD = re.compile(r"[^\W\d_]{4,}")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]{2,}")
_MIN_STEM = 4


def _verb(name: str) -> str:
    """The first part of a tool's name, its verb: "reserve" of reserve_stock and reserveStock, "prenota" of prenota."""
    return re.split(r"_|(?<=[a-z])(?=[A-Z])", name)[0].lower()


# Words after a step's verb that name no object of it ("before booking anything", "before sending them")
_NO_OBJECT = frozenset(
    """
    anything something everything them these those this that with what which your their have been into from
    about again also first ever
    """.split()  # noqa: SIM905
)


def _rest(name: str) -> list[str]:
    """The parts of a tool's name after its verb: "sms" of send_sms, "stock" of reserveStock."""
    return [p.lower() for p in re.split(r"_|(?<=[a-z])(?=[A-Z])", name)[1:] if p]


def _same_word(a: str, b: str) -> bool:
    """Whether two words are forms of one ("invoice" and "invoices", "sms" and "sms")."""
    size = min(_MIN_STEM, len(a), len(b))
    return a[:size] == b[:size] and (len(a) >= _MIN_STEM or a == b[: len(a)])


def _object_fits(name: str, objects: list[str]) -> bool:
    """Whether the step's object, if it names one, is the tool's ("sending the invoice" is no send_sms)."""
    rest = _rest(name)
    return not objects or not rest or any(_same_word(o, r) for o in objects for r in rest)


def _by_verb(step: str, tools: dict[str, str]) -> set[str]:
    """The tools whose verb a word of the step is a form of ("reserving", "prenotare", "booked"), and whose object
    the step's object is when it names one."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]{2,}", step)]
    found = set()
    for name in tools:
        verb = _verb(name)
        stem = verb[: max(_MIN_STEM, len(verb) - 1)]
        at = next((i for i, w in enumerate(words) if len(w) >= _MIN_STEM and w.startswith(stem)), None)
        if len(verb) < _MIN_STEM or at is None:
            continue
        objects = [w for w in words[at + 1 : at + 4] if len(w) >= 3 and w not in _NO_OBJECT]
        if _object_fits(name, objects):
            found.add(name)
    return found


def _common_run(a: str, b: str) -> int:
    """The length of the longest run of characters two texts share."""
    best = 0
    for start in range(len(a)):
        for end in range(start + best + 1, len(a) + 1):
            if a[start:end] not in b:
                break
            best = end - start
    return best


def _by_purpose(step: str, tools: dict[str, str]) -> set[str]:
    """The tool whose purpose shares the longest run of two or more CJK characters with the step ("建工单" and
    "创建上门维修工单"), when one alone does."""
    runs = _CJK_RUN.findall(step)
    if not runs:
        return set()
    scores = {name: max(_common_run(run, purpose) for run in runs) for name, purpose in tools.items() if purpose}
    best = max(scores.values(), default=0)
    winners = {name for name, score in scores.items() if score == best}
    return winners if best >= 2 and len(winners) == 1 else set()


def named_tool(step: str, tools: dict[str, str]) -> str | None:
    """The one listed tool a step names by its verb or its purpose, or None."""
    if tool_names_in(step) & set(tools) or {w.lower() for w in _WORD.findall(step)} & set(tools):
        return None  # the step names its tool already (a one-word name too: "antes de reservar")
    found = _by_verb(step, tools) or _by_purpose(step, tools)
    return next(iter(found)) if len(found) == 1 else None


def with_tool_steps(found: list[Constraint]) -> list[Constraint]:
    """Each ordering whose later step means a listed tool, with that tool named ("before reserving (reserve_stock)")."""
    tools = {c.name: c.value or "" for c in found if c.kind == "tool" and c.name}
    if not tools:
        return found
    out = []
    for c in found:
        tool = named_tool(c.then, tools) if c.kind == "ordering" and c.then and c.first else None
        first_tools = tool_names_in(c.first or "") & set(tools)
        if tool is None or tool in first_tools or not first_tools:
            out.append(c)
            continue
        assert c.then is not None
        if c.then in c.text and not c.text.startswith("Follow this order from the brief"):  # (a quote stays whole)
            text = c.text.replace(c.then, f"{c.then} ({tool})", 1)
        else:
            text = f'{c.text.rstrip()} Here "{c.then}" means calling {tool}.'
        out.append(msgspec.structs.replace(c, text=text, then=f"{c.then} (call {tool})"))
    return out
