"""Variable rules: declared versus used, valid names, delimiters around untrusted values."""

from __future__ import annotations

from collections.abc import Iterator

from app.engine.lint._registry import Hit, rule
from app.engine.lint._text import LintContext


@rule(
    "VAR-01",
    "variables",
    "error",
    "Undeclared variable",
    "A {{variable}} in the text is not in the declared variable list (checked only when a list is given).",
)
def undeclared(ctx: LintContext) -> Iterator[Hit]:
    declared = ctx.declared
    if declared is None:
        return
    reported: set[str] = set()
    for occ in ctx.doc.variables:
        if occ.valid and occ.name not in declared and occ.name not in reported:
            reported.add(occ.name)
            yield Hit(
                occ.start,
                occ.end,
                f"Variable '{occ.name}' is used but not declared.",
                f"Declare '{occ.name}' (type, trusted or not) or fix the spelling.",
            )


@rule(
    "VAR-03",
    "variables",
    "warning",
    "Unused variable",
    "A declared variable never appears in the text (checked only when a list is given).",
)
def unused(ctx: LintContext) -> Iterator[Hit]:
    if ctx.variables is None:
        return
    used = {occ.name for occ in ctx.doc.variables if occ.valid} | ctx.placeholder_names
    for var in ctx.variables:
        if var.name not in used:
            yield Hit(
                None,
                None,
                f"Declared variable '{var.name}' is never used.",
                f"Insert '{{{{{var.name}}}}}' where it belongs, or remove the declaration.",
            )


@rule(
    "VAR-04",
    "variables",
    "error",
    "Invalid variable name",
    "Text inside {{ }} is not a valid name ([A-Za-z_][A-Za-z0-9_]*), so it will not be substituted.",
)
def invalid_name(ctx: LintContext) -> Iterator[Hit]:
    for occ in ctx.doc.variables:
        if not occ.valid:
            yield Hit(
                occ.start,
                occ.end,
                f"Invalid variable name '{occ.raw.strip()}'.",
                "Use letters, digits and underscores only, not starting with a digit, e.g. {{user_question}}.",
            )


@rule(
    "VAR-02",
    "variables",
    "error",
    "Untrusted variable without delimiters",
    "An untrusted value is inserted bare into the prompt, so the model cannot tell where it starts and ends.",
)
def bare_untrusted(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    for occ in doc.variables:
        if occ.valid and ctx.is_untrusted(occ.name) and not doc.is_delimited(occ.start, occ.end):
            yield Hit(
                occ.start,
                occ.end,
                f"Untrusted variable '{occ.name}' is not delimited.",
                f"Wrap it in a tag pair: <{occ.name}>{{{{{occ.name}}}}}</{occ.name}>.",
            )
