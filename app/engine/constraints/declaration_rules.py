"""A tool's declaration line is no rule: "quote(parts: string[], jobs: (…)[]): { id: string }" in a pasted list of
signatures declares the `quote` tool; read as a sentence it opens with a verb ("quote") and would be an instruction
to quote. Once the list has shown the line to be a tool, the rule read from it gives way."""

from __future__ import annotations

import re

from app.engine.constraints import tools
from app.engine.constraints.model import Constraint

# What may follow a signature on its own line and still be part of its declaration: a return type, a comment.
_DECLARATION_TAIL = re.compile(r"[\s.;,]*(?:(?:#|//)[^\n]*)?")


def _declares(text: str, rule: Constraint, tool: Constraint) -> bool:
    """Whether a rule's span is the line that declares a tool: it starts where the signature does, and nothing but
    the signature's return type or a comment follows it."""
    if rule.span is None or tool.span is None or rule.span.start != tool.span.start:
        return False
    end = tool.span.end
    typed = tools.typed_return(text, end)
    if typed is not None:
        end = text.find("\n", end) if "\n" in text[end:] else len(text)
    tail = text[end : max(end, rule.span.end)]
    return _DECLARATION_TAIL.fullmatch(tail) is not None


def without_declaration_rules(text: str, found: list[Constraint]) -> list[Constraint]:
    """The constraints without the requirements that only restate a tool's declaration line."""
    declared = [c for c in found if c.kind == "tool" and c.span is not None]
    if not declared:
        return found
    return [c for c in found if not (c.kind == "requirement" and any(_declares(text, c, tool) for tool in declared))]
