"""Template dialects, trust inferred from names, and unfilled-slot detection."""

from __future__ import annotations

import pytest

from app.engine.lint import lint_prompt
from app.engine.lint._templates import classify_placeholder, in_output_template, inferred_trust
from app.engine.lint._text import Doc


@pytest.mark.parametrize(
    ("raw", "kind", "name"),
    [
        ("question", "var", "question"),
        (" user_name ", "var", "user_name"),
        ("- COMMAND_DOCS -", "var", "COMMAND_DOCS"),  # Jinja whitespace control
        ("~name~", "var", "name"),  # Handlebars whitespace control
        (".WorkingDir", "expr", "WorkingDir"),  # Go field
        ("if .IsGitRepo", "expr", "IsGitRepo"),  # Go action
        ("end", "expr", ""),
        ("else", "expr", ""),
        ("range .ContextFiles", "expr", "ContextFiles"),
        ("gt (len .Config.LSP) 0", "expr", "Config"),
        ("#if user", "expr", "user"),  # Handlebars block
        ("#each items", "expr", "items"),
        ("/if", "expr", ""),
        ("> footer", "expr", "footer"),
        ("! a comment", "expr", ""),
        ("$input", "expr", "input"),  # Semantic Kernel
        ("extension.name", "expr", "extension"),  # attribute path
        ("items[0]", "expr", "items"),
        ("body | trim", "expr", "body"),  # Jinja filter
        ("MESSAGES:END:2", "expr", "MESSAGES"),  # Open WebUI macro
        ("1name", "invalid", "1name"),
        ("user-name", "invalid", "user-name"),
        ("user input", "invalid", "user input"),
        (" ", "invalid", ""),
    ],
)
def test_classify_placeholder(raw: str, kind: str, name: str) -> None:
    assert classify_placeholder(raw) == (kind, name)


@pytest.mark.parametrize(
    ("name", "trusted"),
    [
        ("currentDateTime", True),
        ("current_date", True),
        ("os", True),
        ("working_directory", True),
        ("user_name", True),
        ("customerId", True),
        ("assistant_name", True),
        ("max_turns", True),
        ("question", False),
        ("user_question", False),
        ("customerMessage", False),
        ("document", False),
        ("chat_history", False),
        ("search_results", False),
        ("persona", None),
        ("suggest_disable", None),
        ("tone", None),
    ],
)
def test_inferred_trust(name: str, trusted: bool | None) -> None:
    assert inferred_trust(name) is trusted


def test_jinja_template_locals_are_not_inputs() -> None:
    text = (
        "You are a coding agent.\n{% set DOCS %}Use the tools below.{% endset %}\n{{ DOCS }}\n"
        "{% for tool in tools %}{{ tool.name }}{% endfor %}\nAnswer {{ question }}."
    )
    kinds = {occ.name: occ.kind for occ in Doc(text).variables}
    assert kinds == {"DOCS": "expr", "tool": "expr", "question": "var"}
    found = {(f.rule_id, f.severity) for f in lint_prompt(text).findings}
    assert ("VAR-02", "warning") in found  # question: user text, trust inferred from the name
    assert not {r for r, _ in found} & {"VAR-04"}


def test_a_go_template_agent_prompt_has_no_variable_findings() -> None:
    text = (
        "You are Crush, a CLI coding assistant. Keep answers under 4 lines unless asked for detail.\n"
        "If you are unsure, search the code before asking.\n<env>\nWorking directory: {{.WorkingDir}}\n"
        "Is directory a git repo: {{if .IsGitRepo}}yes{{else}}no{{end}}\nToday's date: {{.Date}}\n</env>\n"
        '{{range .ContextFiles}}<file path="{{.Path}}">\n{{.Content}}\n</file>\n{{end}}'
    )
    report = lint_prompt(text)
    assert not [f for f in report.findings if f.category == "variables"], report.findings
    assert report.errors == 0


def test_declared_variables_still_make_undeclared_and_invalid_names_errors() -> None:
    text = "You are a tutor. Greet {{student}}, then answer {{topic}} and {{2nd}}."
    report = lint_prompt(text, variables=[])
    assert {(f.rule_id, f.severity) for f in report.findings} >= {("VAR-01", "error"), ("VAR-04", "error")}


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("Reply in this format:\nName: [full name]\nIssue: [one line]", "[full name]"),
        ("## Output format\nUse this table:\n| Client | [amount] |", "[amount]"),
        ("Examples:\nuser: list files\nassistant: [uses ls tool]", "[uses ls tool]"),
    ],
)
def test_bracketed_fill_ins_of_an_output_template_are_not_leftovers(text: str, slot: str) -> None:
    assert in_output_template(text, text.lower(), text.index(slot))
    assert "VAR-05" not in {f.rule_id for f in lint_prompt("You are a support agent for Acme.\n" + text).findings}


def test_a_leftover_in_prose_is_an_error_but_in_a_code_block_a_warning() -> None:
    prose = lint_prompt("You are the support bot for [insert company name]. Answer billing questions.")
    assert [(f.rule_id, f.severity) for f in prose.findings if f.rule_id == "VAR-05"] == [("VAR-05", "error")]
    fenced = lint_prompt(
        "You are the support bot for Acme. Answer billing questions.\n```json\n[List problems and solutions here]\n```"
    )
    assert [(f.rule_id, f.severity) for f in fenced.findings if f.rule_id == "VAR-05"] == [("VAR-05", "warning")]


def test_each_slot_is_reported_once_with_a_span_on_it() -> None:
    text = "You are {character} from {series}. Only answer like {character}."
    slots = [f for f in lint_prompt(text).findings if f.rule_id == "VAR-05"]
    assert [text[f.span.start : f.span.end] for f in slots if f.span] == ["{character}", "{series}"]
    assert all(f.severity == "warning" for f in slots)
