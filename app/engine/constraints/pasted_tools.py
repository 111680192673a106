"""Tools pasted as code the clause readers cannot see whole: API examples (a heading that names the tool, "##
lookup_driver", over a `curl` call whose query and JSON-body keys are the parameters and whose "# returns …" comment
says what it gives back), the methods of an interface (C#, Java, Go) and the items of a YAML list ("- name: … / args:
[…]").

Read as text, an example's JSON body would be a reply schema and its URL a contact for the user, and a YAML item's
enum a label set, so the readers also say where each stands (to be masked)."""

from __future__ import annotations

import re

from app.engine.constraints.tools import FoundTool

# "## lookup_driver", "### `issue_refund`": a heading line that is one identifier, then up to 8 lines of its example
_SECTION = re.compile(
    # (an identifier: "lookup_driver", "getStatus"; not a docs section such as "## Authentication")
    r"^[ \t]*#{1,4}[ \t]*`?(?P<name>[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]+)+)`?[ \t]*:?[ \t]*\n"
    r"(?P<body>(?:(?![ \t]*#{1,4}[ \t]*`?[A-Za-z_][A-Za-z0-9_]*`?[ \t]*:?[ \t]*\n)(?![ \t]*\n)[^\n]*(?:\n|$)){1,8})",
    re.MULTILINE,
)
_CALL = re.compile(r"^\s*(?:curl\b|(?:GET|POST|PUT|PATCH|DELETE)\s+\S*/)", re.MULTILINE)
_QUERY_KEY = re.compile(r"[?&](?P<key>[A-Za-z_][A-Za-z0-9_]*)=")
_DATA = re.compile(r"(?:-d|--data(?:-raw)?|--json)\s+'(?P<json>[^'\n]*)'")
_BODY_KEY = re.compile(r"\"(?P<key>[A-Za-z_][A-Za-z0-9_]*)\"\s*:")
_RETURNS = re.compile(r"^[ \t]*#[ \t]*(?P<returns>returns?\b[^\n]*)", re.MULTILINE | re.IGNORECASE)


def find_curl_tools(text: str) -> tuple[list[FoundTool], list[tuple[int, int]]]:
    """The tools of pasted API examples, and the extent of each example."""
    if "curl" not in text and "POST " not in text and "GET " not in text:
        return [], []
    found: list[FoundTool] = []
    spans: list[tuple[int, int]] = []
    for section in _SECTION.finditer(text):
        body = section.group("body")
        if _CALL.search(body) is None:
            continue
        parameters: list[str] = []
        for key in [m.group("key") for m in _QUERY_KEY.finditer(body)] + [
            m.group("key") for data in _DATA.finditer(body) for m in _BODY_KEY.finditer(data.group("json"))
        ]:
            if key not in parameters:
                parameters.append(key)
        returns = _RETURNS.search(body)
        purpose = " ".join(returns.group("returns").split()) if returns is not None else None
        end = section.end("body")
        found.append(FoundTool(section.group("name"), parameters, purpose, section.start("name"), end))
        spans.append((section.start(), end))
    return found, spans


# "public interface IAutoescuelaTools {\n    Alumno BuscarAlumno(string dni);\n …}" (C#, Java), "type Tools interface {
# … }" (Go): each method of a pasted interface is a tool; its parameters are the last word of each "type name" pair
_INTERFACE = re.compile(
    r"^[ \t]*(?:(?:public|export|internal)\s+)?(?:interface\s+(?P<name>\w+)|type\s+(?P<go>\w+)\s+interface)\s*"
    r"(?:extends\s+[\w, ]+)?\s*\{(?P<body>[^{}]{10,4000})\}",
    re.MULTILINE,
)
_METHOD = re.compile(
    r"^[ \t]*(?:(?:public|static|async|abstract)\s+)*(?:(?P<ret>[\w<>\[\]?,. ]+?)\s+)?(?P<name>[A-Za-z_]\w*)\s*"
    r"\((?P<params>[^()\n]*)\)\s*(?P<go_ret>[^;\n{]*?)\s*;?[ \t]*(?://[^\n]*)?$",
    re.MULTILINE,
)
_COMMENT_LINE = re.compile(r"^[ \t]*///?[ \t]*(?P<comment>[^\n]+)$", re.MULTILINE)
_XML_TAG = re.compile(r"</?\w+[^<>]*>")
_TRAILING_COMMENT = re.compile(r"//\s*(?P<comment>[^\n]+)$")
# a getter of a data record: "String getFirstName();", "boolean isActive();"
_GETTER = re.compile(r"(?:get|is|has)[A-Z]\w*")


def _split_parameters(raw: str) -> list[str]:
    """The parameters of a list, split at the commas outside <…>, (…) and […]."""
    parts: list[str] = []
    depth = 0
    current = ""
    for char in raw:
        depth += (char in "<([") - (char in ">)]")
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def find_interface_tools(text: str) -> list[FoundTool]:
    """The methods of a pasted interface, each a tool, with the comment line above it as what it does."""
    if "interface" not in text:
        return []
    found: list[FoundTool] = []
    for block in _INTERFACE.finditer(text):
        body_start = block.start("body")
        go = block.group("go") is not None
        previous_comment: str | None = None
        methods: list[FoundTool] = []
        for line in re.finditer(r"[^\n]*", block.group("body")):
            raw = line.group(0)
            comment = _COMMENT_LINE.match(raw)
            if comment is not None:
                said = " ".join(_XML_TAG.sub(" ", comment.group("comment")).split())
                previous_comment = said or previous_comment
                continue
            method = _METHOD.match(raw)
            if method is None or (method.group("ret") is None and not go):
                previous_comment = None if raw.strip() else previous_comment
                continue
            params = [p for p in _split_parameters(method.group("params")) if re.search(r"\w", p)]
            names = (
                [re.findall(r"\w+", p)[0] for p in params]
                if go
                else [re.findall(r"\w+", re.sub(r"<[^<>]*>", " ", p.split("=")[0]))[-1] for p in params]
            )
            trailing = _TRAILING_COMMENT.search(raw)
            purpose = previous_comment or (trailing.group("comment").strip() if trailing is not None else None)
            start = body_start + line.start() + method.start("name")
            methods.append(FoundTool(method.group("name"), names, purpose, start, body_start + line.end()))
            previous_comment = None
        # "public interface Customer { String getFirstName(); String getPlan(); }": a data record's getters, no tools
        if methods and not all(not m.parameters and _GETTER.fullmatch(m.name) for m in methods):
            found.extend(methods)
    return found


def data_interfaces(text: str) -> list[tuple[int, int]]:
    """Where a pasted interface declares only a data record's getters (masked: its methods are no tools)."""
    if "interface" not in text:
        return []
    spans = []
    for block in _INTERFACE.finditer(text):
        names = [m.group("name") for m in _METHOD.finditer(block.group("body")) if not m.group("params").strip()]
        methods = list(_METHOD.finditer(block.group("body")))
        if methods and len(names) == len(methods) and all(_GETTER.fullmatch(name) for name in names):
            spans.append((block.start(), block.end()))
    return spans


# "tools:\n  - name: identificar_membro\n    args: [email]\n    returns: membro_id, plano (flex | fixo)": a YAML list
_YAML_TOOL = re.compile(
    r"^(?P<indent>[ \t]*)-[ \t]*name:[ \t]*[\"']?(?P<name>[A-Za-z_]\w*)[\"']?[ \t]*\n"
    r"(?P<body>(?:(?P=indent)[ \t]+(?!-[ \t])[^\n]*(?:\n|$)){0,8})",
    re.MULTILINE,
)
# (and translated: "parámetros:", "Parameter:", "paramètres:", "parametri:", "引数:", "参数:")
_ARGS_KEY = (
    r"(?:args|arguments|params|parameters|inputs?|par[áa]metros|parameter|argumente|argumentos|param[èe]tres|"
    r"parametri|parametros|entradas|引数|パラメータ|参数)"
)
_YAML_ARGS = re.compile(rf"^[ \t]*{_ARGS_KEY}[ \t]*:[ \t]*\[(?P<list>[^\]\n]*)\]", re.M)
# "params: {nom: string, regime: "normal|sans_sel"}": a flow mapping, whose keys are the parameters
_YAML_FLOW_MAP = re.compile(rf"^[ \t]*{_ARGS_KEY}[ \t]*:[ \t]*\{{(?P<map>[^{{}}\n]*)\}}", re.M)
# "params:\n  nom: string\n  code_postal: string" (or "- nom" items): a block under the key, indented deeper
_YAML_BLOCK = re.compile(
    rf"^(?P<indent>[ \t]*){_ARGS_KEY}[ \t]*:[ \t]*\n(?P<block>(?:(?P=indent)[ \t]+[^\n]*(?:\n|$))+)", re.MULTILINE
)
_BLOCK_KEY = re.compile(r"^[ \t]*(?:-[ \t]*)?[\"']?(?P<key>[A-Za-z_]\w*)[\"']?[ \t]*(?::|$)", re.M)
_YAML_PURPOSE = re.compile(
    r"^[ \t]*(?P<key>returns|description|does|devuelve|retorna|r[üu]ckgabe|liefert|renvoie|retourne|restituisce|"
    r"descripci[óo]n|beschreibung|descri[çc][ãa]o|descrizione|beschrijving|返回|戻り値|説明|描述)[ \t]*:[ \t]*"
    r"(?P<text>[^\n]+)",
    re.MULTILINE | re.IGNORECASE,
)
# the purpose keys that say what the tool gives back ("returns:", "devuelve:", "Rückgabe:", "戻り値:")
_GIVES_KEY = re.compile(
    r"returns|devuelve|retorna|r[üu]ckgabe|liefert|renvoie|retourne|restituisce|返回|戻り値", re.IGNORECASE
)


def _flow_keys(mapping: str) -> list[str]:
    """The keys of a flow mapping's text ("nom: string, regime: "a|b"" gives nom, regime), commas inside quotes
    or brackets kept."""
    keys = []
    for part in _split_parameters(re.sub(r"\"[^\"\n]*\"|'[^'\n]*'", '""', mapping)):
        key = re.match(r"\s*[\"']?(?P<key>[A-Za-z_]\w*)[\"']?\s*:", part)
        if key is not None:
            keys.append(key.group("key"))
    return keys


def _yaml_parameters(body: str) -> list[str] | None:
    """The parameters an item's body declares (a flow list, a flow mapping, or a block of keys or items), or None
    when it declares none."""
    listed = _YAML_ARGS.search(body)
    if listed is not None:
        return [a.strip().strip("\"'") for a in listed.group("list").split(",") if a.strip()]
    mapping = _YAML_FLOW_MAP.search(body)
    if mapping is not None:
        return _flow_keys(mapping.group("map"))
    block = _YAML_BLOCK.search(body)
    if block is not None:
        # (only the block's first level: a key's own "type:" and "enum:" lines sit deeper)
        lines = [line for line in block.group("block").splitlines() if line.strip()]
        depth = min(len(line) - len(line.lstrip()) for line in lines)
        keys = [_BLOCK_KEY.match(line) for line in lines if len(line) - len(line.lstrip()) == depth]
        return [key.group("key") for key in keys if key is not None] or None
    return None


def find_yaml_tools(text: str) -> list[FoundTool]:
    """The tools of a pasted YAML list ("- name: …" with "args: […]", "params: {…}" or a block of parameters), each
    item's extent included."""
    if "name:" not in text:
        return []
    found: list[FoundTool] = []
    for item in _YAML_TOOL.finditer(text):
        body = item.group("body")
        parameters = _yaml_parameters(body)
        if parameters is None:
            continue  # a list of named things with no arguments (people, rooms) is no tool list
        said = _YAML_PURPOSE.search(body)
        purpose = ""  # (not None: the next item's line is no purpose of this one)
        if said is not None:
            purpose = said.group("text").strip()
            purpose = f"returns {purpose}" if _GIVES_KEY.fullmatch(said.group("key")) else purpose
        found.append(FoundTool(item.group("name"), parameters, purpose, item.start("name"), item.end("body")))
    return found
