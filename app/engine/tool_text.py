"""What a tool gives back, told apart from what the reply is: a text utility shared by entity extraction,
constraint extraction and classification (it imports nothing of the engine)."""

from __future__ import annotations

import re

# "run_query(sql), which returns up to 500 rows as JSON": the tool's output, up to the next comma or sentence end.
_TOOL_OUTPUT = re.compile(
    r"\b(?:which|that|it|and)\s+(?:returns?|gives\s+back|responds\s+with|outputs?|sends\s+back)\b[^.;,\n]*",
    re.IGNORECASE,
)
# A parameter list on one line, with one level of brackets inside it: a TypeScript union array, 'jobs: ("tune" |
# "brakes")[]', or a default call, "since: date = today()", is one parameter's type, not the end of the list.
PARAMETERS_ON_LINE = r"(?:[^()\n]|\([^()\n]{0,120}\))*"
_SIGNATURE = re.compile(r"`?(?<![\w.])[A-Za-z_][\w.]*\((?:[^()]|\([^()]{0,120}\)){0,200}\)`?")
# "能调用的工具如下（JSON 格式）：", "Tools (JSON schema):": a line that introduces a tool list names the list's format,
# not the reply's.
TOOLS_INTRO = re.compile(
    r"(?:\b(?:tools?|functions?|curl|api|endpoints?|herramientas|outils|werkzeuge|ferramentas|strumenti|functies)\b|"
    r"工具|ツール|函数)"
    r"[^.!?。\n]{0,40}(?:json|schema|yaml|typescript|python|signatures?|format|examples?|docs|documentation|pasting|"
    r"格式|形式|如下|下記)[^.!?。\n]{0,40}"
    r"[:：][ \t]*(?=\n|$)",
    re.IGNORECASE,
)


# "開発会社から使える関数の定義（JSON Schema）が来たので貼ります", "the function specs (JSON schema) our dev
# sent": the format of the pasted definitions, not of the reply
_DEFINITIONS_FORMAT = re.compile(
    r"(?:\b(?:tools?|functions?|function\s+specs?|definitions?|herramientas|funciones|outils|fonctions|werkzeuge|"
    r"funktionen|ferramentas|funções|strumenti|funzioni|functies)\b|工具|ツール|関数|函数|定義|定义)"
    r"[^.!?。\n]{0,20}?[（(]?\s*\bjson(?:[\s-]?schemas?)?\b",
    re.IGNORECASE,
)


def without_tool_output(text: str) -> str:
    """The text with what a tool named before it returns blanked out (same length), so that a tool's "returns up to
    500 rows as JSON" is neither a reply limit nor a reply format nor a data-extraction job."""
    for match in _TOOL_OUTPUT.finditer(text):
        if _SIGNATURE.search(text, 0, match.start()):
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    return text


def without_tools_intro(text: str) -> str:
    """The text without what tools return and without the lines that introduce pasted tools ("our dev sent me the
    curl examples from the internal docs, pasting:", "関数の定義（JSON Schema）"): where the examples came from is no
    source to answer from, and their format is not the reply's."""
    text = TOOLS_INTRO.sub(lambda m: " " * len(m.group(0)), without_tool_output(text))
    return _DEFINITIONS_FORMAT.sub(lambda m: " " * len(m.group(0)), text)
