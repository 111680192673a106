"""Tools pasted as an excerpt of an OpenAPI spec: each `operationId` is a tool, its `parameters` (`- {name: phone,
in: query}`, or bare names in flow style: `get: {operationId: findCustomer, parameters: [postcode, surname]}`), its
path's `{id}` and its `requestBody` / `body` keys are its arguments, its `summary` says what it does, and a
`# returns …` comment says what it gives back.

The excerpt describes the tools; read as text, its `{name: …, in: …}` items would be taken for the reply's JSON
schema and its `enum: […]` for a label set, so the reader also says where the excerpt stands (to be masked)."""

from __future__ import annotations

import re
import textwrap
from typing import NamedTuple

import yaml

from app.engine.constraints.code_docs import doc_extents
from app.engine.constraints.tool_table import find_table_tools
from app.engine.constraints.tools import describe_tool

_OPERATION = re.compile(r"(?m)^[ \t]*operationId:[ \t]*[\"']?(?P<name>[A-Za-z_][\w.]*)[\"']?[ \t]*$")
_VERSION = re.compile(r"(?mi)^\s*[\"']?(?:openapi|swagger)[\"']?\s*:\s*[\"']?\d")
_BODY = re.compile(r"(?m)^[ \t]*requestBody:[ \t]*\{(?P<keys>[^{}\n]*)\}")
_BODY_KEY = re.compile(r"(?:^|,)\s*[\"']?(?P<key>[A-Za-z_]\w*)[\"']?\s*:")
_RETURNS = re.compile(r"(?m)^[ \t]*#[ \t]*(?P<returns>returns?\b[^\n]*)")
# "# devuelve socio_id, plan", "# liefert kunden_id", "# 返回 order_id": the comment after an operation's flow line
_SAID_RETURNS = re.compile(
    r"#[ \t]*(?:returns?|devuelve|retorna|regresa|liefert|gibt\s+zur[üu]ck|renvoie|retourne|restituisce|ritorna|"
    r"retourneert|geeft\s+terug|返回|戻り値|返り値)\b[ \t:：]*(?P<gives>[^\n]+)",
    re.IGNORECASE,
)
_PATHS = re.compile(r"(?m)^[ \t]*paths:[ \t]*$")
_PATH = re.compile(r"(?m)^[ \t]*/[\w{}/.-]*:[ \t]*$")


class OpenApiTool(NamedTuple):
    """One operation of the excerpt: its name, arguments, what it returns, and where its block stands."""

    name: str
    parameters: list[str]
    returns: str | None
    values: dict[str, list[str]]
    """The closed values the excerpt gives a parameter (`enum: [wellness, sick]`)."""
    start: int
    end: int
    summary: str | None = None
    """What the operation does, in the excerpt's own words (its `summary:` or `description:`)."""


# "Generate a TypeScript fetch client for this API excerpt", "document these endpoints", "Schreibe Tests für diese
# API": the excerpt is what the reply's code or docs are FOR, material to read, not tools the assistant calls
_WRITES_FOR = re.compile(
    r"\b(?:write|generate|build|create|implement|scaffold|produce|draft|code|port|convert)\s+(?:(?:a|an|the|some|me|us)\s+)?"
    r"(?:[\w.+#-]+\s+){0,3}?(?:client|sdk|wrapper|binding|library|doc|docs|documentation|reference|test|test\s+suite|"
    r"mock|stub|type|typing|server|handler|model|schema|validator|readme)s?\b[^.\n]{0,40}?"
    r"\b(?:for|from|of|against|around|covering|to\s+call)\s+(?:this|these|that|those|the\s+following|the|our)\b|"
    r"\bdocument\s+(?:this|these|the\s+following|our|the)\s+(?:api|endpoints?|operations?|spec\w*|routes?)\b|"
    r"\b(?:schreib\w*|generier\w*|erstell\w*)\s+(?:[\w.+#-]+\s+){0,4}?(?:client|sdk|doku\w*|tests?|mocks?)\b"
    r"[^.\n]{0,40}?\bfür\s+(?:diese|die|unsere)\b|"
    r"\b(?:escribe|genera|crea|escrib[ií]|gener[aá]|cre[aá])\s+(?:[\w.+#-]+\s+){0,4}?"
    r"(?:cliente|sdk|documentación|pruebas|tests|mocks?)\b[^.\n]{0,40}?\b(?:para|de)\s+(?:esta|estos|estas|la|los|nuestra)\b",
    re.IGNORECASE,
)


def is_api_document(text: str) -> bool:
    """Whether the text holds a pasted OpenAPI (or Swagger) document: its version line, or operations named by
    identifiers ("operationId: kundeSuchen"), not an outline with an "OperationId:" heading."""
    return _VERSION.search(text) is not None or len(_OPERATION.findall(text)) >= 2


def find_operations(text: str) -> tuple[list[OpenApiTool], tuple[int, int] | None]:
    """The operations of an OpenAPI excerpt in the text, and the extent of the whole excerpt (None without one); an
    excerpt the brief writes code or docs for has no operations to call (it stays material)."""
    operations, excerpt = _find_operations(text)
    if excerpt is not None and operations and _WRITES_FOR.search(text[: excerpt[0]] + "\n" + text[excerpt[1] :]):
        return [], excerpt
    return operations, excerpt


def _find_operations(text: str) -> tuple[list[OpenApiTool], tuple[int, int] | None]:
    """The operations of an OpenAPI excerpt in the text, and the extent of the whole excerpt (None without one)."""
    parsed = _parsed_excerpt(text)
    if parsed is not None:
        return parsed
    operations = list(_OPERATION.finditer(text))
    paths = _PATHS.search(text)
    if not operations:
        # ("paths:\n  /slots:\n    get:\n      summary: …": an excerpt whose operations have no id: no tools to name,
        # but its items are no reply schema either)
        return [], (paths.start(), _excerpt_end(text, paths.end())) if paths is not None else None
    found: list[OpenApiTool] = []
    for index, operation in enumerate(operations):
        # the operation's block runs to the next operation's path line (or its operationId)
        stop = operations[index + 1].start() if index + 1 < len(operations) else _excerpt_end(text, operation.end())
        path = (
            next((m for m in _PATH.finditer(text, operation.end(), stop)), None)
            if index + 1 < len(operations)
            else None
        )
        end = path.start() if path is not None else stop
        block = text[operation.end() : end]
        parameters: list[str] = []
        values: dict[str, list[str]] = {}
        for item in _items(block):
            name = _ITEM_NAME.search(item)
            if name is None:
                continue
            parameters.append(name.group("name"))
            enum = _ENUM.search(item)
            if enum is not None:
                values[name.group("name")] = [
                    v.strip(" \"'") for v in enum.group("values").split(",") if v.strip(" \"'")
                ]
        parameters += _body_keys(block)
        returns = _RETURNS.search(block)
        found.append(
            OpenApiTool(
                operation.group("name"),
                list(dict.fromkeys(parameters)),
                returns.group("returns").strip() if returns else None,
                values,
                operation.start(),
                end,
            )
        )
    opening = _PATHS.search(text, 0, operations[0].start()) or _PATH.search(text, 0, operations[0].start())
    start = opening.start() if opening is not None else operations[0].start()
    return found, (start, found[-1].end)


_ITEM_NAME = re.compile(r"(?:^|[{,\s])name:[ \t]*[\"']?(?P<name>[A-Za-z_]\w*)")
_ENUM = re.compile(r"\benum:[ \t]*\[(?P<values>[^\]\n]*)\]")
_PARAMETERS_LINE = re.compile(r"(?m)^(?P<indent>[ \t]*)parameters:[ \t]*$")
_PROPERTIES_LINE = re.compile(r"(?m)^(?P<indent>[ \t]*)properties:[ \t]*$")


def _items(block: str) -> list[str]:
    """The items of an operation's `parameters:` list, each with the lines indented under its dash."""
    head = _PARAMETERS_LINE.search(block)
    if head is None:
        return []
    items: list[str] = []
    dash_indent: int | None = None
    for line in block[head.end() :].splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        if indent <= len(head.group("indent")):
            break  # the next key of the operation ("requestBody:", "responses:")
        if line.lstrip().startswith("-") and (dash_indent is None or indent == dash_indent):
            dash_indent = indent
            items.append(line.lstrip()[1:])
        elif items:
            items[-1] += "\n" + line
    return items


def _body_keys(block: str) -> list[str]:
    """The arguments of a request body: '{client_id: string, …}' on its line, or the keys under its `properties:`."""
    body = _BODY.search(block)
    if body is not None:
        return [m.group("key") for m in _BODY_KEY.finditer(body.group("keys"))]
    properties = _PROPERTIES_LINE.search(block)
    if properties is None or "requestBody" not in block[: properties.start()]:
        return []
    keys: list[str] = []
    key_indent: int | None = None
    for line in block[properties.end() :].splitlines():
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        if indent <= len(properties.group("indent")):
            break
        key = re.match(r"[ \t]*[\"']?(?P<key>[A-Za-z_]\w*)[\"']?[ \t]*:", line)
        if key is not None and (key_indent is None or indent == key_indent):
            key_indent = indent
            keys.append(key.group("key"))
    return keys


def purpose(operation: OpenApiTool) -> str | None:
    """What the operation does and gives back ("find a client by postcode; returns client_id"), as far as said."""
    said = "; ".join(part for part in (operation.summary, operation.returns) if part)
    return said or None


def describe_operation(operation: OpenApiTool) -> str:
    """The tool's sentence, with the closed values of its parameters ("…; set `visit_type` to one of: …")."""
    text = describe_tool(operation.name, operation.parameters, purpose(operation))
    sets = [
        f"set `{name}` to one of: {', '.join(values)}" for name, values in operation.values.items() if len(values) >= 2
    ]
    return f"{text[:-1]}; {'; '.join(sets)}." if sets else text


def _excerpt_end(text: str, position: int) -> int:
    """Where the indented excerpt ends: at the first line after `position` that is neither indented nor blank."""
    for line in re.finditer(r"(?m)^.*$", text[position:]):
        content = line.group(0)
        if content.strip() and not content[:1].isspace():
            return position + line.start()
    return len(text)


def pasted_tool_specs(text: str) -> list[tuple[int, int]]:
    """Where the text pastes its tools as a spec (an OpenAPI excerpt or a markdown table of tools), and the
    docstrings and comments of the functions it declares (what they say, the tools section says)."""
    operations, excerpt = find_operations(text)
    _, tables = find_table_tools(text)
    return ([excerpt] if excerpt is not None and operations else []) + tables + doc_extents(text)


# "paths:" on a line of its own, however indented (inside a list item or a code fence)
_PATHS_KEY = re.compile(r"(?m)^(?P<indent>[ \t]*)[\"']?paths[\"']?[ \t]*:[ \t]*$")
_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})
_NAME = re.compile(r"[A-Za-z_][\w.]*")
_PATH_PARAMETER = re.compile(r"\{(?P<name>[A-Za-z_]\w*)\}")


def _parsed_excerpt(text: str) -> tuple[list[OpenApiTool], tuple[int, int] | None] | None:
    """The excerpt read by a YAML parser, flow style included ("get: {operationId: findCustomer, parameters:
    [postcode, surname]}"); None when no `paths:` block parses, so the line reader above reads what is there."""
    for key in _PATHS_KEY.finditer(text):
        end = _block_end(text, key.end(), len(key.group("indent")))
        try:
            loaded = yaml.safe_load(textwrap.dedent(text[key.start() : end]))
        except yaml.YAMLError:
            continue
        paths = loaded.get("paths") if isinstance(loaded, dict) else None
        if not isinstance(paths, dict) or not paths:
            continue
        found: list[OpenApiTool] = []
        position = key.end()
        for path, item in paths.items():
            if not isinstance(item, dict):
                continue
            shared = item.get("parameters")
            for method, operation in item.items():
                if str(method).lower() not in _METHODS or not isinstance(operation, dict):
                    continue
                name, at = operation.get("operationId"), None
                if name is None and len(item) == 1:
                    # "/buscar_cliente:\n  post: {params: …}": the path names it
                    name = _path_tool_name(str(path), short=any(k in operation for k in _PARAMS_KEYS))
                    at = re.search(rf"(?m)^[ \t]*[\"']?{re.escape(str(path))}[\"']?[ \t]*:", text[position:end])
                elif isinstance(name, str):
                    at = re.search(rf"operationId[\"']?[ \t]*:[ \t]*[\"']?{re.escape(name)}\b", text[position:end])
                if not isinstance(name, str) or not _NAME.fullmatch(name):
                    continue  # ("get:\n  summary: …" without an id: nothing to call it by)
                start = text.rfind("\n", 0, position + at.start()) + 1 if at is not None else position
                position = position + at.end() if at is not None else position
                found.append(_operation(name, str(path), operation, shared, start))
        # each operation's text runs to the next one's line (for its "# returns …" comment)
        ends = [tool.start for tool in found[1:]] + [end] if found else []
        found = [tool._replace(end=stop) for tool, stop in zip(found, ends, strict=True)]
        found = [tool._replace(returns=tool.returns or _comment_returns(text[tool.start : tool.end])) for tool in found]
        return found, _with_fences(text, key.start(), end)
    return None


def _with_fences(text: str, start: int, end: int) -> tuple[int, int]:
    """The excerpt's extent with the code fence around it ("La API:\n```yaml\npaths: …\n```"): a fence left alone
    in the text would be read as a rule of its own."""
    opening = re.search(r"(?m)^[ \t]*```[\w+-]*[ \t]*\n\s*\Z", text[:start])
    if opening is None:
        return start, end
    closing = re.match(r"\s*```[ \t]*(?:\n|$)", text[end:])
    return opening.start(), end + closing.end() if closing is not None else end


def _block_end(text: str, position: int, indent: int) -> int:
    """Where the lines indented under a key end: at the first non-blank line indented no deeper than the key."""
    for line in re.finditer(r"(?m)^.*$", text[position:]):
        content = line.group(0)
        if line.start() == 0:
            continue  # the rest of the key's own line
        if content.strip() and len(content) - len(content.lstrip()) <= indent:
            return position + line.start()
    return len(text)


def _operation(name: str, path: str, operation: dict[object, object], shared: object, start: int) -> OpenApiTool:
    """One parsed operation: its path's `{id}`, its parameters and its body's keys are its arguments."""
    values: dict[str, list[str]] = {}
    parameters = [m.group("name") for m in _PATH_PARAMETER.finditer(path)]
    for listed in (shared, operation.get("parameters")):
        parameters += _parameter_names(listed, values)
    body = operation.get("requestBody", operation.get("body"))
    parameters += _body_names(body, values)
    # "post: {params: {telefono: string, tipo: "consulta | vacuna"}}": a developer's short form, names as keys
    parameters += _keyed_names(next((operation[k] for k in _PARAMS_KEYS if k in operation), None), values)
    summary = next(
        (" ".join(str(operation[k]).split()) for k in ("summary", "description") if isinstance(operation.get(k), str)),
        None,
    )
    if summary and summary[:1].isupper() and summary[1:2].islower():
        summary = summary[0].lower() + summary[1:]  # ("Find a client by postcode" after "the `…` tool:")
    said = summary.rstrip(".") if summary else None
    gives = next((operation[k] for k in _RETURNS_KEYS if isinstance(operation.get(k), str)), None)
    returns = f"returns {' '.join(str(gives).split())}" if gives else None
    return OpenApiTool(name, list(dict.fromkeys(parameters)), returns, values, start, start, said or None)


# the short form's keys for the arguments and for what the call gives back, in the supported languages
_PARAMS_KEYS = ("params", "parametros", "parámetros", "parametri", "paramètres", "parametres", "parameter", "args")
_RETURNS_KEYS = (
    "returns", "return", "response", "devuelve", "retorna", "respuesta", "renvoie", "retourne", "restituisce",
    "ritorna", "liefert", "rückgabe", "retourneert", "返回", "戻り値",
)  # fmt: skip
# "/buscar_cliente", "/findGuest": a single path segment written as a function's name (not "/slots", "/clients/x")
_TOOL_PATH = re.compile(r"/(?P<name>[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]*)+)/?")


def _path_tool_name(path: str, *, short: bool) -> str | None:
    """The tool a path without an operationId names: its one segment, when written as a function's name or in the
    short form ("/reservar:\n  post: {params: …}"), never a REST resource ("/slots:\n  get:\n    summary: …")."""
    match = _TOOL_PATH.fullmatch(path) or (re.fullmatch(r"/(?P<name>[A-Za-z]\w{2,})/?", path) if short else None)
    return match.group("name") if match is not None else None


def _keyed_names(keyed: object, values: dict[str, list[str]]) -> list[str]:
    """The argument names of a `params: {name: type}` mapping (or a `params: [sede, fecha]` list of names); a type
    written as '"a | b | c"' is a closed set."""
    if isinstance(keyed, list):
        return _parameter_names(keyed, values)
    if not isinstance(keyed, dict):
        return []
    names = [str(key) for key in keyed if _NAME.fullmatch(str(key))]
    for name in names:
        kind = keyed.get(name)
        listed = [v.strip() for v in kind.split("|")] if isinstance(kind, str) and "|" in kind else []
        if len(listed) >= 2 and all(_NAME.fullmatch(v) for v in listed):
            values[name] = listed
    return names


_NOTED_ITEM = re.compile(r"(?P<name>[A-Za-z_]\w*)\s*\((?P<note>[^()]{1,80})\)")


def _parameter_names(listed: object, values: dict[str, list[str]]) -> list[str]:
    """The names of a `parameters:` list: bare names ("[postcode, surname]") or items with a `name:` and maybe an
    `enum:` (on the item or under its `schema:`)."""
    names: list[str] = []
    for item in listed if isinstance(listed, list) else []:
        name = item.get("name") if isinstance(item, dict) else item
        noted = _NOTED_ITEM.fullmatch(name.strip()) if isinstance(name, str) else None
        if noted is not None:
            # "station (string)", "size (S|M|L)": a bare name with its type or its closed values in brackets
            name = noted.group("name")
            listed_values = [v.strip() for v in re.split(r"\s*[|/]\s*", noted.group("note")) if v.strip()]
            if len(listed_values) >= 2 and all(_NAME.fullmatch(v) for v in listed_values):
                values[name] = listed_values
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            continue
        names.append(name)
        schema = item.get("schema") if isinstance(item, dict) else None
        enum = item.get("enum") if isinstance(item, dict) else None
        if enum is None and isinstance(schema, dict):
            enum = schema.get("enum")
        if isinstance(enum, list):
            values[name] = [str(v) for v in enum if v is not None]
    return names


_BODY_WORDS = frozenset({"required", "description", "content", "schema", "type", "properties"})


def _body_names(body: object, values: dict[str, list[str]]) -> list[str]:
    """The keys of a request body: a list ("body: [client_id, slot_id]"), the properties of its schema (under
    `content: application/json: schema:`, with their `enum:` values) or its own keys ("{client_id: string}")."""
    if isinstance(body, list):
        return [str(item) for item in body if isinstance(item, str) and _NAME.fullmatch(item)]
    if not isinstance(body, dict):
        return []
    content = body.get("content")
    if isinstance(content, dict):
        for media in content.values():
            schema = media.get("schema") if isinstance(media, dict) else None
            if isinstance(schema, dict):
                return _body_names(schema, values)
    if isinstance(body.get("schema"), dict):
        return _body_names(body["schema"], values)
    properties = body.get("properties")
    if isinstance(properties, dict):
        for key, prop in properties.items():
            enum = prop.get("enum") if isinstance(prop, dict) else None
            if isinstance(enum, list):
                values[str(key)] = [str(v) for v in enum if v is not None]
        return [str(key) for key in properties if _NAME.fullmatch(str(key))]
    return [str(key) for key in body if str(key) not in _BODY_WORDS and _NAME.fullmatch(str(key))]


def _comment_returns(block: str) -> str | None:
    """What a `# returns …` comment in the operation's text says it gives back."""
    returns = _RETURNS.search(block)
    if returns is not None:
        return returns.group("returns").strip()
    said = _SAID_RETURNS.search(block)
    return f"returns {said.group('gives').strip()}" if said is not None else None
