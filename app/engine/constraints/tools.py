"""Tools named in a brief: signatures such as `lookup_order(order_id)`, or "a `search_kb` tool"."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.tool_text import PARAMETERS_ON_LINE

_IDENT = r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?"
# (a parameter list holds one level of brackets: 'jobs: ("tune" | "brakes")[]' is one parameter's type)
_SIGNATURE = re.compile(rf"`?(?<![\w.])(?P<name>{_IDENT})\((?P<params>(?:[^()]|\([^()]{{0,120}}\)){{0,200}})\)`?")
_PARAM = re.compile(r"^\s*\*{0,2}(?P<name>[A-Za-z_][A-Za-z0-9_]*)\??\s*(?:[:=].*)?$")  # "meterSerial?: string"
# "getTicketStatus(ticketRef: string): Promise<{ status: "open" | "resolved"; eta?: string }>": a TypeScript return
# type, to the end of its line.
_TS_RETURN = re.compile(
    r"\s*:\s*(?:Promise<\s*(?P<promised>[^\n]{1,200}?)>|(?P<type>(?:\{|\[|(?:string|number|boolean|void)\b)[^\n]{0,200}?))"
    r"\s*;?\s*(?=\n|$)"
)
# A Python signature: "def get_ticket(ticket_no: str) -> dict  # what it does"
_PY_DEF = re.compile(r"\bdef\s+$")
# A TypeScript declaration, "function findSlots(day: string): Slot[];": any type after its colon is what it returns
_TS_FUNCTION = re.compile(r"\bfunction\s+$")
_DECLARED_RETURN = re.compile(r"[ \t]*:[ \t]*(?P<type>[^\s;{}/][^;{}\n]{0,119}?)[ \t]*[;{]?[ \t]*(?=//|\n|$)")
_PY_RETURN = re.compile(
    # ("def reservar(…) -> {\"reserva\": str}": a dict literal as the return type)
    r"\s*->\s*(?P<type>\{[^{}\n]{1,200}\}|[\w.]+(?:\[[^\]\n]*\])?(?:\s*\|\s*[\w.]+(?:\[[^\]\n]*\])?)*)\s*:?[ \t]*"
    r"(?:\.\.\.|pass)?[ \t]*"
    r"(?:#[ \t]*(?P<comment>[^\n]*?))?[ \t]*(?=\n|$|\s+def\b)"
)
_NAMED = re.compile(
    rf"`(?P<bt>{_IDENT})`\s+(?:tool|function|api|endpoint|action)\b|"
    rf"\b(?:tool|function|action|endpoint)s?\s+(?:called|named)\s+`?(?P<called>{_IDENT})`?|"
    rf"\b(?:the|a|an|its|our)\s+`?(?P<snake>[a-z][a-z0-9]*(?:_[a-z0-9]+)+)`?\s+(?:tool|function|api|endpoint)\b|"
    rf"\b(?:call|use|invoke|run)\s+`(?P<use_bt>{_IDENT})`|"
    rf"\b(?:call|use|invoke|run)\s+(?:the\s+)?(?P<use_snake>[a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b",
    re.IGNORECASE,
)
_TOOL_CONTEXT = re.compile(
    r"\b(?:tools?|functions?|call|calls|calling|invoke|api|endpoints?|actions?)\b", re.IGNORECASE
)
# "lookup_order(id) - finds the order", "… which returns free slots", "hold_seat(flight_id) reserves a seat".
_PURPOSE = re.compile(
    r"\s*(?:`\s*)?(?:\s*(?P<arrow>->|→|=>)\s*|\s*(?:[-–—:]|to|which|that|for)\s+|\s+(?=(?:returns?|gets|fetches|finds|looks|searches|creates|"
    r"books|reserves|holds|sends|cancels|checks|lists|updates|deletes|adds|removes|opens|logs|records|saves|schedules|"
    r"calculates|converts|gives|shows|tells|issues|refunds|charges|posts|reads|writes|runs|queries)\b))"
    r"(?P<purpose>[^.;\n]{3,160})",
    re.IGNORECASE,
)
_NOT_TOOLS = frozenset({"e.g", "i.e", "etc", "s", "es", "optional", "see", "max", "min"})


# "tools: web_search, calculator and code_interpreter", "has access to: a, b".
_TOOL_LIST = re.compile(
    r"\b(?:tools?|functions?|actions?|access\s+to(?:\s+(?:these|the\s+following)\s+tools)?|can\s+(?:call|use))"
    r"\s*(?:are|is)?\s*:\s*(?P<list>[^.;\n]+)",
    re.IGNORECASE,
)
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?")


_LEADING_CONDITION = re.compile(
    r"^\s*(?P<cond>(?:when|whenever|if|once|before|after)\b[^,;:.]{3,120}?),\s*(?:please\s+)?(?:use|call|run|invoke)\b",
    re.IGNORECASE,
)


# A tool that hands the conversation on ("escalate_to_human", "page_night_manager", "create_ticket"), as against one
# that reads ("get_staff_rota", "lookup_ticket"): the escalation route, and never the example of a lookup.
HANDOFF_TOOL_NAMES = (
    # ("pasar_a_recepcion", "derivar_a_humano", "an_mitarbeiter_uebergeben", "transferer_conseiller", "转人工")
    re.compile(
        r"escalat|hand_?off|human|transfer|operator|staff|call_?back|page_|notify|alert|pasar_a|derivar|recepci|"
        r"agente|asesor|advis[eo]r|atendente|mitarbeit|weiterleit|uebergeb|übergeb|transf[eé]r|doorverbind|medewerker|"
        r"operatore|人工|担当|スタッフ",
        re.IGNORECASE,
    ),
    re.compile(r"(?:create|open|raise|file|log|new|submit)_?\w*ticket|ticket_?(?:create|open|new)", re.IGNORECASE),
)
# A tool that reads rather than acts, by its name: get_order, check_seats, lookup_ticket, search_docs, list_slots.
_READS = re.compile(
    r"(?:get|check|lookup|look_up|find|search|list|fetch|read|query|track|view|show|status|retrieve|verify|count|"
    r"calc|calculate|estimate|quote|weather|availability|is_|has_)",
    re.IGNORECASE,
)


def reads(name: str) -> bool:
    """Whether a tool's name says it reads (looks something up) rather than acts (books, cancels, escalates)."""
    return _READS.match(name) is not None


def handoff_rank(name: str) -> int | None:
    """0 for a named hand-off ("escalate_to_human"), 1 for a ticket that opens one, None for any other tool."""
    if reads(name):
        return None
    return next((rank for rank, pattern in enumerate(HANDOFF_TOOL_NAMES) if pattern.search(name)), None)


class FoundTool(NamedTuple):
    """A tool named in text: name, parameter names, what it does (if said), and its extent."""

    name: str
    parameters: list[str]
    purpose: str | None
    start: int
    end: int


def _looks_like_tool(name: str, text: str, backticked: bool) -> bool:
    if name.lower() in _NOT_TOOLS or len(name) < 3:
        return False
    # snake_case or camelCase names are code; plain words need a tool context ("a search(query) tool").
    if "_" in name or "." in name or re.search(r"[a-z][A-Z]", name) or backticked:
        return True
    return bool(_TOOL_CONTEXT.search(text))


def _top_level_parts(raw: str) -> list[str]:
    """The comma-separated parts of a parameter list, not splitting inside a type's brackets
    ('period: Literal["daily", "weekly"]', "opts: Dict[str, int]", "ids: Array<string, number>")."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(raw):
        if char in "[{<(":
            depth += 1
        elif char in "]}>)" and depth:
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(raw[start:index])
            start = index + 1
    parts.append(raw[start:])
    return parts


# "verifyCardholder(args: { email: string; last4: string })": one options object, whose keys are the parameters
_OPTIONS_OBJECT = re.compile(r"^\s*[A-Za-z_]\w*\??\s*:\s*\{(?P<keys>[^{}]*)\}\s*$")


def _parameters(raw: str) -> list[str] | None:
    if not raw.strip():
        return []
    options = _OPTIONS_OBJECT.match(raw)
    if options is not None and options.group("keys").strip():
        raw = options.group("keys").replace(";", ",").strip().rstrip(",")
    names: list[str] = []
    for part in _top_level_parts(raw):
        match = _PARAM.match(part)
        if not match:
            return None
        names.append(match.group("name"))
    return names


def _until_next(purpose: str, offset: int, signatures: list[tuple[re.Match[str], list[str] | None]]) -> str | None:
    """A tool's purpose up to the next signature: "check_availability(postcode, date) which returns free slots,
    book_job(…)" is "returns free slots", not the rest of the tool list."""
    end = offset + len(purpose)
    cut = min((m.start() for m, _ in signatures if offset < m.start() < end), default=end)
    said = re.sub(r"(?:[\s,;]|\band\b|\bor\b|\bthen\b)+$", "", purpose[: cut - offset]).strip()
    return said if len(said) >= 3 else None


# "-> wakes up Tiago", "-> sends the code by SMS": what the call does, not a value it gives back.
_ACTS = re.compile(
    r"returns?\b|[a-z]+s\s+(?:up|out|off|on|a|an|the|it|them|him|her|to|you)\b|(?:wakes|pages|sends|creates|opens|"
    r"books|cancels|notifies|alerts|triggers|starts|stops|sets|marks|assigns|moves|transfers|escalates|adds|removes|"
    r"deletes|updates|saves|records|logs|calls|texts|emails|posts|charges|refunds|issues|resets|unlocks|blocks|"
    r"freezes|schedules|reserves)\b",
    re.IGNORECASE,
)


# "You can use the lookup() and book() functions": functions offered to the assistant are its tools
_CAN_USE = re.compile(r"\b(?:can|may)\s+(?:use|call)\b|\bhave\s+access\s+to\b|\btools?\b", re.IGNORECASE)
_CODE_PLURAL = re.compile(r"`?\s+(?:functions|methods|calls|hooks|handlers)\b", re.IGNORECASE)


_GRAPHQL_ROOT = re.compile(r"\b(?:extend\s+)?type\s+(?:Query|Mutation|Subscription)\s*\{")


def _in_graphql_root(text: str, position: int) -> bool:
    """Whether a position lies inside a GraphQL `type Query {` / `type Mutation {` block (its fields are the calls)."""
    opened = [m.end() for m in _GRAPHQL_ROOT.finditer(text, 0, position)]
    return bool(opened) and "}" not in text[opened[-1] : position]


def find_tools(text: str) -> list[FoundTool]:
    """Every tool named in one clause, in order."""
    if "(" not in text and "`" not in text and "_" not in text and not _TOOL_CONTEXT.search(text):
        return []
    found: list[FoundTool] = []
    taken: list[tuple[int, int]] = []
    signatures = [(m, _parameters(m.group("params"))) for m in _SIGNATURE.finditer(text)]
    # "restart_service(name), get_status(name) and rollback(deploy_id)": beside code-like signatures, a plain word
    # with parameters is one more tool of the list.
    code_like = any(
        params is not None and _looks_like_tool(m.group("name"), "", m.group(0).startswith("`"))
        for m, params in signatures
    )
    for match, params in signatures:
        name = match.group("name")
        if re.match(r"\.[A-Za-z_]", text[match.end() : match.end() + 2]):
            continue  # "op.get_context().autocommit_block()": a call chain in code, not a tool
        if (
            _CODE_PLURAL.match(text, match.end())
            and not _looks_like_tool(name, "", match.group(0).startswith("`"))
            and not _CAN_USE.search(text, 0, match.start())
        ):
            continue  # "downgrade() functions that are missing": code under discussion, many of them, no one tool
        plain_in_list = code_like and bool(params) and name.lower() not in _NOT_TOOLS and len(name) >= 3
        # "def preventivo(partenza: str, …)", a field of GraphQL's "type Query {": a function by its declaration
        defined = (
            _PY_DEF.search(text, 0, match.start()) is not None
            or _TS_FUNCTION.search(text, 0, match.start()) is not None
            or _in_graphql_root(text, match.start())
        )
        if params is None or not (
            plain_in_list or defined or _looks_like_tool(name, text, match.group(0).startswith("`"))
        ):
            continue
        python = _PY_RETURN.match(text, match.end()) if defined else None
        if python is not None:
            # "def reset_password(employee_id: str) -> str  # sends a temporary password by SMS"
            returns = f"returns {python.group('type').strip()}"
            if python.group("comment"):
                returns += f" ({python.group('comment').strip()})"
            found.append(FoundTool(name, params, returns, match.start(), python.end()))
            taken.append((match.start(), python.end()))
            continue
        declared = _DECLARED_RETURN.match(text, match.end()) if _TS_FUNCTION.search(text, 0, match.start()) else None
        if declared is not None:
            # "function findSlots(day: string): Slot[];": what it returns (a comment above or after it says more)
            returned = re.sub(r"^Promise<(.+)>$", r"\1", declared.group("type").strip())
            found.append(FoundTool(name, params, f"returns `{returned}`", match.start(), declared.end()))
            taken.append((match.start(), declared.end()))
            continue
        typed = _TS_RETURN.match(text, match.end())
        if typed is not None:
            returned = (typed.group("promised") or typed.group("type") or "").strip()
            found.append(
                FoundTool(name, params, f"returns `{returned}`" if returned else None, match.start(), typed.end())
            )
            taken.append((match.start(), typed.end()))
            continue
        purpose = _PURPOSE.match(text, match.end())
        said = _until_next(purpose.group("purpose"), purpose.start("purpose"), signatures) if purpose else None
        if said and purpose is not None and purpose.group("arrow") and not _ACTS.match(said):
            said = f"returns {said}"  # "consultar_divida(cpf) → valor em aberto": what the call gives back
        found.append(FoundTool(name, params, said, match.start(), match.end()))
        taken.append((match.start(), match.end()))
    for match in _NAMED.finditer(text):
        name = next(value for value in match.groupdict().values() if value)
        if any(start <= match.start() < end or start < match.end() <= end for start, end in taken):
            continue
        if any(tool.name == name for tool in found) or name.lower() in _NOT_TOOLS:
            continue
        purpose = _PURPOSE.match(text, match.end())
        found.append(
            FoundTool(name, [], purpose.group("purpose").strip() if purpose else None, match.start(), match.end())
        )
    for listed in _TOOL_LIST.finditer(text):
        position = listed.start("list")
        items = re.split(r",|\band\b|\bor\b", listed.group("list"))
        if listed.group(0).lower().startswith("action") and not all(
            _IDENTIFIER.fullmatch(item.strip().strip("`'\"")) for item in items
        ):
            continue  # "ACTIONS: one per line as OWNER | task, where OWNER is VENUE, COUPLE …": a part of the reply
        for item in items:
            name = item.strip().strip("`'\"")
            offset = text.find(name, position) if name else -1
            if offset < 0 or not _IDENTIFIER.fullmatch(name) or any(t.name == name for t in found):
                continue
            if name.lower() in _NOT_TOOLS or len(name) < 3 or any(start <= offset < end for start, end in taken):
                continue  # a parameter inside a signature ("create_ticket(title, priority)") is not a tool
            found.append(FoundTool(name, [], None, offset, offset + len(name)))
            position = offset + len(name)
    found.sort(key=lambda tool: tool.start)
    condition = _LEADING_CONDITION.match(text)
    if condition is not None:
        # "When someone wants to cancel, use cancel_booking.": the condition says when the tool is for.
        found = [t._replace(purpose=condition.group("cond")) if t.purpose is None else t for t in found]
    return found


# A line of a list that opens with a signature: "- reservieren(boot_id, mitglieds_nr, von, bis)".
_SIGNATURE_LINE = re.compile(
    rf"^[ \t]*(?:[-*•][ \t]*)?`?(?P<name>{_IDENT})\((?P<params>{PARAMETERS_ON_LINE})\)`?", re.MULTILINE
)


# "Tools and tables:", "schema:": the list may name tables beside its tools.
_TABLES_NAMED = re.compile(r"\b(?:tables?|schema|columns?|tabelle[n]?|tablas?|tabelas?)\b", re.IGNORECASE)


def tools_listed_with(text: str, known: set[str]) -> list[FoundTool]:
    """The other tools of a list that names a known tool on one of its lines: in "- boot_suchen(datum) – zeigt …
    \n- reservieren(boot_id, von, bis)\n- stornieren(reservierungs_id)" the plain words with parameters are tools
    too, though no line of their own says "tool"."""
    lines = list(_SIGNATURE_LINE.finditer(text))
    found: list[FoundTool] = []
    block: list[re.Match[str]] = []
    for index, line in enumerate(lines):
        block.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else None
        line_end = text.find("\n", line.start())
        if following is not None and line_end != -1 and following.start() == line_end + 1:
            continue  # the next line of the same list
        intro = text[max(0, block[0].start() - 200) : block[0].start()]
        # (the fields of GraphQL's "type Query {" are calls beside the Mutation fields the clauses found)
        graphql = _in_graphql_root(text, block[0].start())
        if (graphql or any(m.group("name") in known for m in block)) and not _TABLES_NAMED.search(intro):
            for m in block:
                params = _parameters(m.group("params"))
                name = m.group("name")
                if name in known or params is None or name.lower() in _NOT_TOOLS or len(name) < 3:
                    continue
                if name.endswith("s") and any(p == "id" or p.endswith("_id") for p in params):
                    continue  # "orders(order_id, customer_id, total)": a table and its columns
                found.append(FoundTool(name, params, line_purpose(text, m.end()), m.start("name"), m.end()))
        block = []
    return found


def typed_return(text: str, end: int) -> str | None:
    """The TypeScript return type after a signature ending at `end`, to the end of its line, as "returns `…`"; a
    clause cut at its ";" cannot see it whole ("checkZone(pc: string): Promise<{ covered: boolean; zone: string }>")."""
    typed = _TS_RETURN.match(text, end)
    returned = (typed.group("promised") or typed.group("type") or "").strip() if typed is not None else ""
    return f"returns `{returned}`" if returned else None


def line_purpose(text: str, end: int) -> str | None:
    """What the rest of the line after a signature ending at `end` says the tool does ("– zeigt freie Boote",
    "→ valor em aberto" as "returns valor em aberto"); never the next line of a list."""
    line_end = text.find("\n", end)
    typed = typed_return(text, end)
    if typed is not None:
        return typed
    purpose = _PURPOSE.match(text, end, len(text) if line_end == -1 else line_end)
    if purpose is None:
        return None
    said = purpose.group("purpose").strip()
    if purpose.group("arrow") and not _ACTS.match(said):
        said = f"returns {said}"
    return said or None


def describe_tool(name: str, parameters: list[str], purpose: str | None) -> str:
    """The imperative sentence for a tool."""
    signature = f"{name}({', '.join(parameters)})" if parameters else name
    if purpose:
        purpose = purpose.rstrip(".")
        if purpose.lower().startswith(("when ", "whenever ", "if ", "once ", "before ", "after ")):
            return f"Use the `{signature}` tool {purpose[0].lower()}{purpose[1:]}."
        if not purpose.lower().startswith("to "):
            return f"Use the `{signature}` tool: {purpose}."
        return f"Use the `{signature}` tool {purpose}."
    return f"Use the `{signature}` tool when the task needs it."
