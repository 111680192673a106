"""Pasted code in a brief's prose: proto messages, interfaces, schema types, code comments. The tools and schema
sections state what that code defines; a sentence made of it is debris as a rule or as context."""

from __future__ import annotations

import re

from app.engine.constraints.openapi import is_api_document

# Declarations and statements of the languages tool definitions arrive in (proto, TypeScript, C#, GraphQL, Python)
_DECLARATION = re.compile(
    # (keywords in either case, as a sentence may open with one; a declared type's name in PascalCase, a function's
    # parameter list followed by code punctuation: not "Function room (upstairs) holds 40", "Message template: Hi {")
    r"(?i:\bsyntax\s*=\s*\"|\bpackage\s+[\w.]+\s*;)|"
    r"(?i:\b(?:message|service|interface|enum|type|input|class|struct|record)\s+)(?-i:[A-Z][A-Za-z0-9_]*)\s*"
    r"(?:\{|(?i:extends)\b)|"
    r"(?i:\brpc\s+\w+\s*\(|\b(?:def|function|func|fn)\s+\w+\s*\([^()\n]*\)\s*(?:\{|:|->|=>|;|$)|"
    r"\b(?:public|private|protected|internal)\s+(?:static\s+|async\s+)?[\w<>\[\],]+\s+\w+\s*\(|"
    r"Task<[\w<>\[\], ]+>\s+\w+\s*\()"
)
# A typed field or a numbered proto field: "string guest_id = 1;", "ride_id: String!", "height_cm: int"
_TYPED_FIELD = re.compile(
    r"\b(?:string|int32|int64|bool|double|float|bytes|repeated\s+\w+)\s+\w+\s*=\s*\d+\s*;|"
    r"\b\w+\s*:\s*\[?(?:String|Int|Float|Boolean|ID|string|number|boolean|int|str|bool|float)\]?!?(?=[\s,;)}\]]|$)"
)
# "name: salas_livres args: [data, hora_inicio]": an item of a pasted YAML tool list, its lines joined
_YAML_ITEM = re.compile(
    r"(?:-\s*)?name:\s*[\"']?\w+[\"']?\s+(?:args|arguments|params|parameters|inputs?|returns|description)\s*:"
)
_CODE_CHARS = re.compile(r"[{}();=<>\[\]]|//|->|=>")
# "here is the proto:", "es la interfaz:", "voici le schéma :": the sentence only introduces the code after it
_INTRODUCES = re.compile(
    r"(?:^|[,;]\s*)(?:here\s+(?:is|are)|this\s+is|these\s+are|below\s+is|es\s+(?:la|el)|aquí\s+(?:está|tienes)|"
    r"voici|das\s+ist|hier\s+(?:ist|sind)|ecco|aqui\s+está|este\s+é)\b[^:：]{0,60}[:：]\s*$",
    re.IGNORECASE,
)


# A code fence's marks: "```python" opening the text, "```" closing it
_FENCE = re.compile(r"^```[\w+-]*\s*|\s*```\s*$")
# What code says in words: docstrings and block comments (their prose is no sign of prose around; a line comment's
# end is lost once a sentence's lines are joined)
_DOCS = re.compile(r"\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|/\*[\s\S]*?\*/")

_LEAD_IN_WORDS = 12
_COLON = re.compile(r"[:：](?=\s)")


def is_code(text: str) -> bool:
    """Whether a sentence is mostly pasted code: a declaration or typed fields, and code punctuation throughout."""
    stripped = text.strip()
    if not stripped:
        return False
    if stripped.startswith(("//", "/*")) or stripped in ("{", "}", "};") or _YAML_ITEM.match(stripped):
        return True
    fenced = stripped.startswith("```")
    stripped = _FENCE.sub("", stripped).strip() or stripped
    if _DECLARATION.match(stripped):
        return True  # "service RangerTools {", "type Query {": it opens with a declaration
    if fenced and (_DECLARATION.search(stripped) or _TYPED_FIELD.search(stripped)):
        return True  # "```python def find_booking(phone: str) -> dict: …": declarations in a code fence
    if is_api_document(stripped):
        return True  # "openapi: 3.0.3\npaths: …", "operationId: kundeSuchen …": a pasted OpenAPI document
    signals = len(_DECLARATION.findall(stripped)) + len(_TYPED_FIELD.findall(stripped))
    if signals and _DOCS.search(stripped):
        stripped = _DOCS.sub(" ", stripped)  # 'def f(x) -> dict: """Looks up a booking by phone."""': a docstring
    density = len(_CODE_CHARS.findall(stripped)) / max(1, len(stripped.split()))
    return signals >= 1 and density >= 0.3


def without_code(text: str) -> str:
    """The prose of a sentence with the pasted code after its colon cut ("The backend team exposed a gRPC service
    for it, here is the proto: syntax = …" -> "The backend team exposed a gRPC service for it"); "" when the whole
    sentence is code, or only introduces it."""
    found = _COLON.search(text)
    colon = found.start() if found is not None else -1
    if colon > 0 and is_code(text[colon + 1 :]) and not is_code(text[:colon]):
        prose = text[: colon + 1]
        intro = _INTRODUCES.search(prose)
        prose = prose[: intro.start()] if intro is not None else prose
        # ("It can call one function, defined like this:", "Er is één functie:", "使えるツール："): a short lead-in
        # only introduces the code
        return "" if len(prose.split()) <= _LEAD_IN_WORDS else prose.strip(" ,;:：")
    return "" if is_code(text) else text
