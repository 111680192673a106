"""Tools pasted as a markdown table ("| tool | parameters | notes |" over "|---|---|---|"): each row whose first
cell is an identifier is a tool, its parameters cell lists the arguments, and the remaining cells say what it does.

Read as text, the rows would be a reference table pasted into the prompt and the tools would never reach the spec,
so the reader also says where the table stands (to be masked)."""

from __future__ import annotations

import re

from app.engine.constraints.tools import FoundTool

# A markdown table's rule line ("---|---"), under its header row.
TABLE_RULE_LINE = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*$", re.MULTILINE)
# the first column names the tool: "tool", "function", "endpoint" (and their translations); "name" or "action" only
# beside a parameters column ("| name | type | description |" is a record's fields, "| action | when |" labels)
_TOOL_HEADER = re.compile(
    r"(?:tool|function|endpoint|operation|command|method)s?(?:\s+name)?|"
    r"herramientas?|funci[oó]n|werkzeug|funktion|outil|fonction|ferramenta|fun[cç][aã]o|strumento|funzione|"
    r"ツール(?:名)?|関数(?:名)?|工具(?:名称|名)?|函数(?:名称|名)?",
    re.IGNORECASE,
)
_NAME_HEADER = re.compile(r"name|action|nombre|nom|nome|naam|名前|名称", re.IGNORECASE)
_PARAMETERS_HEADER = re.compile(
    r"(?:input\s+|required\s+)?(?:param(?:eter)?s?|arg(?:ument)?s?|inputs?|par[áâà]metros?|param[eè]tres?|"
    r"parametri|parameter|argumente|argumentos|entradas?|引数|パラメータ|参数|入参)(?:\s*\(.*\))?",
    re.IGNORECASE,
)
# "Output a markdown table exactly like this:", "Use these labels:": the table is the reply's shape or a label set
# "| returns |", "| Rückgabe |", "| 戻り値 |": the cell says what the tool gives back
_RETURNS_HEADER = re.compile(
    r"returns?|output|result|response|r[üu]ckgabe|gibt\s+zur[üu]ck|retourne|renvoie|devuelve|retorna|restituisce|"
    r"geeft\s+terug|戻り値|返り値|返回(?:值)?|出参",
    re.IGNORECASE,
)
_NOT_TOOLS_INTRO = re.compile(
    r"\b(?:answer|reply|respond|output|return|format|fill|give|write)\w*\b[^.\n]{0,60}\b(?:table|format|template|layout|"
    r"like\s+this)\b[^.\n]{0,30}:?\s*$|\b(?:labels?|categories|tags|intents|classes|fields?|columns?|keys?|schema)\b"
    r"[^.\n]{0,30}:?\s*$",
    re.IGNORECASE,
)
# "`find_customer`", "find_customer()", "lookup_order(order_id)": the tool's name, maybe as a call
_TOOL_CELL = re.compile(r"`?(?P<name>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)(?:\((?P<inline>[^()]*)\))?`?")
# "customer_id", "phone: string", "slot_id (str)", "amount_gbp?": each argument's name
# ("extras[]": an array parameter keeps its name)
_ARGUMENT = re.compile(r"\s*`?\*{0,2}(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:\[\])?\??`?\s*(?:[:=(].*)?$", re.DOTALL)
_NO_ARGUMENTS = frozenset(
    {"", "-", "—", "–", "none", "n/a", "(none)", "keine", "ninguno", "nenhum", "aucun", "nessuno"}
)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


# "email or phone", "numero_pedido o email", "kennzeichen oder telefon": arguments given one instead of the other
_ALTERNATIVE = re.compile(r"\s+(?:or|o|oder|ou|of|oppure|または|或)\s+(?![^()]*\))", re.IGNORECASE)


def _arguments(cell: str) -> list[str] | None:
    """The argument names a parameters cell lists, or None when the cell is no list of names."""
    read = _read_arguments(cell)
    return None if read is None else read[0]


def _read_arguments(cell: str) -> tuple[list[str], list[str]] | None:
    """The argument names a parameters cell lists and the alternatives it gives ("email or phone"), or None when the
    cell is no list of names."""
    cell = cell.strip().strip("`")
    if cell.lower() in _NO_ARGUMENTS:
        return [], []
    names: list[str] = []
    alternatives: list[str] = []
    # ("order_id (string, required), reason"; "type (a / b / c), date": the values stay on their parameter)
    for part in re.split(r"(?:[,;]|\s+/\s+)(?![^()]*\))", cell):
        either: list[str] = []
        for option in _ALTERNATIVE.split(part):
            match = _ARGUMENT.fullmatch(option)
            if match is None:
                return None  # "the customer's phone number": prose, not a list of names
            either.append(match.group("name"))
        names.extend(either)
        if len(either) > 1:
            alternatives.append(" or ".join(either))
    return names, alternatives


def find_table_tools(text: str) -> tuple[list[FoundTool], list[tuple[int, int]]]:
    """The tools of every markdown tool table in the text, and the extent of each such table (header included)."""
    found: list[FoundTool] = []
    extents: list[tuple[int, int]] = []
    for rule in TABLE_RULE_LINE.finditer(text):
        header_start = text.rfind("\n", 0, max(0, rule.start() - 1)) + 1
        header = _cells(text[header_start : rule.start()])
        first = header[0].strip("*` ") if header else ""
        parameters_at = next(
            (i for i, cell in enumerate(header[1:], 1) if _PARAMETERS_HEADER.fullmatch(cell.strip("*` "))), None
        )
        named = _TOOL_HEADER.fullmatch(first) or (parameters_at is not None and _NAME_HEADER.fullmatch(first))
        if len(header) < 2 or not named or _NOT_TOOLS_INTRO.search(text, max(0, header_start - 120), header_start):
            continue
        rows, position = _rows(text, rule.end() + 1)
        returns_at = next((i for i, cell in enumerate(header) if _RETURNS_HEADER.fullmatch(cell.strip("*` "))), None)
        tools = [tool for tool in (_row_tool(line, start, parameters_at, returns_at) for line, start in rows) if tool]
        # every row a tool: a table of plans or prices with a "name" column is no tool table
        if not tools or len(tools) < len(rows):
            continue
        if parameters_at is None and not all("_" in t.name or re.search(r"^[a-z]+[A-Z]", t.name) for t in tools):
            continue  # "| tool | notes |" rows of plain words ("iPhone" included): no sign they are functions
        found.extend(tools)
        extents.append((header_start, position))
    return found, extents


def _rows(text: str, start: int) -> tuple[list[tuple[str, int]], int]:
    rows: list[tuple[str, int]] = []
    position = start
    while position < len(text):
        line_end = text.find("\n", position)
        line = text[position : len(text) if line_end == -1 else line_end]
        if "|" not in line:
            break
        rows.append((line, position))
        position = len(text) if line_end == -1 else line_end + 1
    return rows, min(position, len(text))


def _row_tool(line: str, start: int, parameters_at: int | None, returns_at: int | None) -> FoundTool | None:
    cells = _cells(line)
    name = _TOOL_CELL.fullmatch(cells[0].strip("* "))
    if name is None:
        return None
    inline = name.group("inline")
    if parameters_at is not None and parameters_at < len(cells):
        read = _read_arguments(cells[parameters_at])
    else:
        read = _read_arguments(inline) if inline is not None else ([], [])
    if read is None:
        return None
    arguments, alternatives = read
    notes = [
        f"returns {cell}" if i == returns_at else cell
        for i, cell in enumerate(cells[1:], 1)
        if i != parameters_at and cell and cell not in {"-", "—", "–"}
    ]
    notes.extend(f"give {either}" for either in alternatives)  # ("email or phone": one of them, not both)
    purpose = "; ".join(notes) or None
    return FoundTool(name.group("name"), arguments, purpose, start, start + len(line))
