"""Result types of `templatize`, and the candidate a detector reports."""

from __future__ import annotations

from typing import Literal

import msgspec

from app.engine.types import EngineStruct, Span, Variable, VariableType

Placement = Literal["block", "inline", "in_delimiter", "bare"]
"""How the slot replaces the literal: a tagged block on its own lines, an inline tag pair, just `{{name}}` inside
an existing fence or tag, or just `{{name}}` for a trusted value."""


class VariableProposal(EngineStruct, kw_only=True):
    """One proposed variable: its contract, the literal it replaces and where that literal was."""

    variable: Variable
    value: str
    span: Span
    """Span of the replaced literal in the original text."""
    kind: str
    """What was found: quoted_message, pasted_block, pasted_text, code_block, tagged_block, passage, message,
    person_name, email_address, identifier, date, amount, url, phone_number, placeholder; or "existing" for a
    `{{variable}}` the prompt already had (declared so that the result lints clean; `value` is its `{{name}}`)."""


class TemplatizeResult(EngineStruct, kw_only=True):
    """The templated text and the proposals, in text order."""

    text: str
    variables: list[VariableProposal]


class Candidate(msgspec.Struct, frozen=True, kw_only=True):
    """A per-call literal found by a detector, before overlaps are resolved."""

    kind: str
    name: str
    start: int
    end: int
    """[start, end) of the literal value (what the proposal reports)."""
    replace_start: int
    replace_end: int
    """[start, end) of the text the slot replaces (the value plus quotes around it, if any)."""
    placement: Placement
    description: str
    trusted: bool = False
    type: VariableType = "string"
    priority: int = 0
    """Lower wins when two candidates overlap."""
