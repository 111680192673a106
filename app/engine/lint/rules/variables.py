"""Variable rules: declared versus used, valid names, delimiters around untrusted values, unfilled slots.

Expressions and control tags of other template languages (Jinja, Go templates, Handlebars, Semantic Kernel)
are recognised by `_templates.classify_placeholder` and are not reported as broken variables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.engine.lint._registry import Hit, rule
from app.engine.lint._templates import Slot, in_output_template
from app.engine.lint._text import Doc, LintContext
from app.engine.types import Severity


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
    # A Jinja/Handlebars expression such as {{ user.name }} uses its root variable.
    used = {occ.name for occ in ctx.doc.variables if occ.kind != "invalid"} | ctx.placeholder_names
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
    "Text inside {{ }} is neither a valid name ([A-Za-z_][A-Za-z0-9_]*) nor another template language's"
    " expression, so it will not be substituted.",
)
def invalid_name(ctx: LintContext) -> Iterator[Hit]:
    for occ in ctx.doc.variables:
        if occ.kind == "invalid":
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
    "An untrusted value is inserted bare into the prompt, so the model cannot tell where it starts and ends."
    " Without declarations, trust is inferred from the name and the finding is a warning.",
)
def bare_untrusted(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    inferred: Severity | None = "warning" if ctx.trust_is_inferred else None
    for occ in doc.variables:
        if occ.valid and ctx.is_untrusted(occ.name) and not doc.is_delimited(occ.start, occ.end):
            yield Hit(
                occ.start,
                occ.end,
                f"Untrusted variable '{occ.name}' is not delimited.",
                f"Wrap it in a tag pair: <{occ.name}>{{{{{occ.name}}}}}</{occ.name}>.",
                inferred,
            )


# "placeholders such as {name}", "e.g. {topic}": the prompt is talking about slots, not leaving one unfilled.
MENTION_BEFORE_RE = re.compile(
    r"(?:such as|e\.g\.,?|for example,?|like|placeholders?|variables?|syntax|curly braces|brackets"
    r"|the (?:token|tag|marker|literal))\s*$"
)
# A redaction or marker token the model is told to write: "replace names with [NAME], phones with [PHONE]".
TOKEN_OBJECT_BEFORE_RE = re.compile(r"\b(?:with|as|by|into)\s*$")
REDACTION_VERB_RE = re.compile(r"\b(?:replac|redact|mask|substitut|anonymi[sz]|swap|pseudonymi[sz])")


# "put [NEED DATA]", "mark it [CHECK]", "flag it with [VERIFY]": an upper-case marker the model is told to write.
MARKER_VERB_BEFORE_RE = re.compile(
    r"\b(?:put|write|insert|add|leave|type|print|output|(?:mark|flag|tag|label)(?:\s+(?:it|them|that|this))?"
    r"(?:\s+(?:with|as))?)\s*$"
)
USE_BEFORE_RE = re.compile(r"\buse\s*$")
SLOT_ROLE_AFTER_RE = re.compile(r"\s*(?:as|for|in|to|instead|when|with|on)\b")
UPPER_MARKER_RE = re.compile(r"\[[A-Z0-9][A-Z0-9 _:/-]*\]")


def _mentioned_not_left(doc: Doc, slot: Slot) -> bool:
    """The slot is talked about ("placeholders such as {name}") or is a token to write ("replace … with [NAME]")."""
    lower = doc.lower
    if MENTION_BEFORE_RE.search(lower, max(0, slot.start - 30), slot.start):
        return True
    if UPPER_MARKER_RE.fullmatch(doc.text, slot.start, slot.end) and (
        MARKER_VERB_BEFORE_RE.search(lower, max(0, slot.start - 25), slot.start)
        # "where a number is missing, use [TBD]" (not "Use [CITY] as the location": a slot to fill)
        or (
            USE_BEFORE_RE.search(lower, max(0, slot.start - 8), slot.start)
            and not SLOT_ROLE_AFTER_RE.match(lower, slot.end)
        )
    ):
        return True
    if TOKEN_OBJECT_BEFORE_RE.search(lower, max(0, slot.start - 12), slot.start):
        sentence = doc.sentence_at(slot.start)
        return sentence is not None and REDACTION_VERB_RE.search(sentence.lower) is not None
    return False


EXAMPLE_TAG_RE = re.compile(r"examples?|samples?|output|outputs|format|output_format|template|schema|demo")


def _in_example_tag(doc: Doc, pos: int) -> bool:
    return any(
        r.content_start <= pos < r.content_end and EXAMPLE_TAG_RE.fullmatch(r.name) is not None for r in doc.xml_regions
    )


def _slot_severity(doc: Doc, slot: Slot) -> Severity | None:
    """The severity of a slot in context, or None when it is not a leftover (quoted, code, output template)."""
    text = doc.text
    if doc.is_quoted(slot.start, slot.end) or _mentioned_not_left(doc, slot):
        return None
    in_code = doc.in_fence(slot.start)
    if slot.kind == "marker":
        if in_code:
            return None
        return "error" if text[slot.start : slot.end].lower().startswith("lorem") else "warning"
    if slot.kind in ("bracket", "angle", "brace") and (
        in_output_template(text, doc.lower, slot.start) or _in_example_tag(doc, slot.start)
    ):
        return None
    if slot.kind == "dollar":
        return None if in_code else "info"
    if slot.kind == "brace" and not slot.strong:
        return "warning"
    return "warning" if in_code else "error"


SLOT_ADVICE = {
    "bracket": "Replace it with the real value, or make it a declared {{variable}} filled at run time.",
    "angle": "Replace it with the real value, or make it a declared {{variable}} filled at run time.",
    "brace": "Fill it in, or write it as a declared {{variable}}: Promptsmith substitutes only double braces.",
    "dollar": "Render it before the prompt reaches the model, or use a declared {{variable}}.",
    "marker": "Finish or remove it: the model reads it as part of its instructions.",
}


@rule(
    "VAR-05",
    "variables",
    "error",
    "Leftover template text",
    "An unfilled slot ('[insert topic here]', '<your company>', '[Guideline 1]'), a single-brace slot ('{topic}'),"
    " 'Lorem ipsum' or a 'TODO:' note reaches the model as written. Bracketed fill-ins inside an output template"
    " or example are not reported.",
)
def leftover_template_text(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    reported: set[str] = set()
    for slot in doc.slots:
        severity = _slot_severity(doc, slot)
        raw = doc.text[slot.start : slot.end]
        if severity is None or raw in reported:
            continue
        reported.add(raw)
        what = "Single-brace slot" if slot.kind == "brace" and not slot.strong else "Unfilled template text"
        if slot.kind == "dollar":
            what = "Code interpolation"
        elif slot.kind == "marker":
            what = "Leftover placeholder"
        yield Hit(
            slot.start, slot.end, f"{what} '{raw}' reaches the model as written.", SLOT_ADVICE[slot.kind], severity
        )


# Sections that hold what the model writes, not an input: an empty one is a template to fill.
OUTPUT_SECTION_RE = re.compile(
    r"(?:[a-z_]*_)?(?:answer|response|reply|output|result|thinking|thoughts|scratchpad|reasoning|analysis|draft"
    r"|final|summary|example|examples|sample|format|template|notes?)(?:_[a-z_]*)?"
)
SOURCE_CUE = r"(?:against|using|use|from|per|in|within|according\s+to|based\s+on|follow|following|see|with|to)"


def _refers_to(doc: Doc, name: str, outside: tuple[int, int]) -> bool:
    """Whether the prompt sends the model to a section by name ("against the rubric", "from the <policy>")."""
    words = r"[\s_-]+".join(re.escape(part) for part in re.split(r"[\s_-]+", name) if part)
    pattern = re.compile(rf"\b{SOURCE_CUE}\s+(?:the\s+|this\s+|that\s+)?(?:<{words}>|{words})(?!\w)")
    return any(not outside[0] <= m.start() < outside[1] for m in pattern.finditer(doc.lower))


@rule(
    "VAR-06",
    "variables",
    "warning",
    "Empty input the instructions rely on",
    "The instructions send the model to an input that can be empty: a section with nothing in it ('score"
    " against the rubric' over an empty <rubric></rubric>), or a declared optional variable with no default"
    " (checked only when variables are declared; trusted variables, which the system fills, are not reported).",
)
def empty_input(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    text = doc.text
    for region in doc.xml_regions:
        # A tag with attributes (<task id="build">) shows a structure; an input section is a bare <name>.
        if (
            text[region.content_start : region.content_end].strip()
            or OUTPUT_SECTION_RE.fullmatch(region.name)
            or region.content_start - region.start != len(region.name) + 2
        ):
            continue
        line_start = doc.line_bounds(region.start)[0]
        block = (
            not text[line_start : region.start].strip()
            and not text[region.end : doc.line_bounds(region.end)[1]].strip()
        )
        if block and not doc.in_fence(region.start) and _refers_to(doc, region.name, (region.start, region.end)):
            yield Hit(
                region.start,
                region.end,
                f"The <{region.name}> section is empty, but the instructions refer to the {region.name}.",
                f"Put the {region.name} inside the tags, or a {{{{{region.name}}}}} variable filled at run time.",
            )
    if not ctx.variables:
        return
    reported: set[str] = set()
    for var in ctx.variables:
        if var.required or var.trusted or var.default not in (None, "") or var.name in reported:
            continue
        occurrence = next((o for o in doc.variables if o.valid and o.name == var.name), None)
        if occurrence is None:
            continue
        reported.add(var.name)
        yield Hit(
            occurrence.start,
            occurrence.end,
            f"Variable '{var.name}' is optional and has no default, so the text around it can refer to nothing.",
            f"Make '{var.name}' required, give it a default, or write the instruction so that it reads well"
            " without it.",
        )
