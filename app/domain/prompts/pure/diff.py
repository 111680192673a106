"""Diff of two versions: a unified diff of the content and structured changes for callers. Pure functions.

A variable change is *breaking* when code that correctly called the old version can fail against the new
one: a new required variable without default, a removed variable (callers still send it, and unknown
variables are rejected), a changed type, an optional variable becoming required, removed enum values, or a
new or tighter maximum length.
"""

from __future__ import annotations

import difflib
from typing import Any

import msgspec

from app.domain.prompts.schemas import ConfigChange, ModelConfig, TokenDelta, VariableChange
from app.engine.types import ChatMessage, TokenCount, Variable


def content_lines(kind: str, text: str | None, messages: list[ChatMessage] | None) -> list[str]:
    if kind == "text" or messages is None:
        return (text or "").splitlines(keepends=True)
    lines: list[str] = []
    for message in messages:
        if message.role == "placeholder":
            lines.append(f"[placeholder: {message.name}]\n")
            continue
        lines.append(f"[{message.role}]\n")
        lines.extend(message.content.splitlines(keepends=True))
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
    return lines


def unified(name: str, before: int, after: int, old: list[str], new: list[str]) -> str:
    old = [line if line.endswith("\n") else line + "\n" for line in old]
    new = [line if line.endswith("\n") else line + "\n" for line in new]
    return "".join(difflib.unified_diff(old, new, fromfile=f"{name}@v{before}", tofile=f"{name}@v{after}"))


def _effective_required(var: Variable) -> bool:
    return var.required and var.default is None


def variable_changes(old: list[Variable], new: list[Variable]) -> list[VariableChange]:
    before = {v.name: v for v in old}
    after = {v.name: v for v in new}
    changes: list[VariableChange] = []
    for name in sorted(after.keys() - before.keys()):
        var = after[name]
        breaking = _effective_required(var)
        reason = "new required variable without default" if breaking else "new optional variable"
        changes.append(VariableChange(name=name, change="added", fields=[], breaking=breaking, reason=reason))
    for name in sorted(before.keys() - after.keys()):
        changes.append(
            VariableChange(
                name=name,
                change="removed",
                fields=[],
                breaking=True,
                reason="callers that send it are rejected as unknown",
            )
        )
    for name in sorted(before.keys() & after.keys()):
        change = _compare(before[name], after[name])
        if change is not None:
            changes.append(change)
    return changes


def _compare(old: Variable, new: Variable) -> VariableChange | None:
    a: dict[str, Any] = msgspec.to_builtins(old)
    b: dict[str, Any] = msgspec.to_builtins(new)
    fields = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    if not fields:
        return None
    reasons: list[str] = []
    if old.type != new.type:
        reasons.append(f"type changed from {old.type} to {new.type}")
    if _effective_required(new) and not _effective_required(old):
        reasons.append("became required")
    if old.enum_values and new.enum_values:
        removed = sorted(set(old.enum_values) - set(new.enum_values))
        if removed:
            reasons.append(f"enum values removed: {', '.join(removed)}")
    if new.max_length is not None and (old.max_length is None or new.max_length < old.max_length):
        reasons.append("maximum length added or lowered")
    breaking = bool(reasons)
    reason = "; ".join(reasons) if reasons else "compatible change"
    return VariableChange(name=new.name, change="changed", fields=fields, breaking=breaking, reason=reason)


def config_changes(old: ModelConfig, new: ModelConfig) -> list[ConfigChange]:
    a: dict[str, Any] = msgspec.to_builtins(old)
    b: dict[str, Any] = msgspec.to_builtins(new)
    keys = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    return [ConfigChange(key=k, before=a.get(k), after=b.get(k)) for k in keys]


def token_delta(old: list[TokenCount] | None, new: list[TokenCount] | None) -> list[TokenDelta] | None:
    if old is None or new is None:
        return None
    before = {c.target: c.count for c in old}
    return [
        TokenDelta(target=c.target, before=before[c.target], after=c.count, delta=c.count - before[c.target])
        for c in new
        if c.target in before
    ]
