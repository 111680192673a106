"""Rules for prompts whose instructions do not hold together: clause fragments (CLR-08), a length limit too small
for the parts asked for (CLR-09), two contacts for one situation (CLR-10) and empty inputs (VAR-06)."""

from __future__ import annotations

from typing import Any

import pytest

from app.engine.lint import lint_prompt
from app.engine.types import Finding, Variable

ROLE = "You are the assistant of Ashgrove Funeral Home. Help families draft an obituary.\n"


def findings(rule_id: str, text: str, **kwargs: Any) -> list[Finding]:
    return [f for f in lint_prompt(text, **kwargs).findings if f.rule_id == rule_id]


# ------------------------------------------------------------------ CLR-08 clause fragments

FRAGMENTS: list[tuple[str, str, str]] = [
    # (prompt body, the fragment, what the message says about it)
    ("Requirements:\n1. Ask for the name.\n2. Place of the service) ask for it.", "Place of the service)", "never"),
    ("Requirements:\n1. Do not recommend loans or credit cards.\n2. Avoid even ours.", "Avoid even ours.", "pronoun"),
    ("- Recommend wines from the list.\n- Do not comment on it.", "Do not comment on it.", "pronoun"),
    ('1. Follow this rule from the brief: "die nicht umlagefähig sind)".', "umlagefähig sind)", "never opened"),
    ('1. Follow this prohibition from the brief: "personas) y nunca confirmes una reserva".', "personas)", "never"),
    ('1. Reply exactly: "The policy does not cover this.\n2. Cite the section.', "The policy does not", "quotation"),
    ("1. If something is missing (full name, date of death, time and", "(full name", "bracket open"),
    ("Ask for the date.\n\n) before drafting anything else.", ") before drafting", "mid-sentence"),
    ("Keep it warm.\n\nand never mention the cause of death.", "and never mention", "mid-sentence"),
    ("- which the family must approve first.", "which the family", "mid-sentence"),
    ('1. Follow this prohibition from the brief: "si no lo dice".', "si no lo dice", "only the condition"),
    ("1. If they are unsure.\n2. Never guess a date.", "If they are unsure.", "only the condition"),
    ("- スプレー缶, 電気ポット）を入力したら", "電気ポット）", "never opened"),
    ("1. Flag any sentence you are unsure about with (?).\n2. At the end.", "At the end.", "only a phrase"),
    ("- 区分は「燃やすごみ」「資源ごみの2つです。", "「資源ごみ", "quotation"),
]


@pytest.mark.parametrize(("body", "fragment", "problem"), FRAGMENTS)
def test_a_clause_fragment_is_reported_with_what_is_wrong(body: str, fragment: str, problem: str):
    hits = findings("CLR-08", ROLE + body)
    assert len(hits) == 1
    assert fragment in hits[0].message
    assert problem in hits[0].message
    assert hits[0].severity == "warning"
    assert hits[0].suggestion is not None
    assert "complete instruction" in hits[0].suggestion


COMPLETE: list[str] = [
    "Offer two options: a) a refund, b) a replacement.",
    "Write for teenagers (13 to 16).\n   Why: An answer the reader cannot follow does not help them.",
    'Call get_order(order_id="48213") first; answer from its result.',
    'Return {"name": "Dana Lee", "date": "2026-03-14", "total": 249.5}.',
    'Use three variants under the headings "Variant 1" to "Variant 3".',
    "Group issues by severity (Critical: 90-100, Important: 80-89).",
    "Link as text (e.g. [the docs](https://example.com)) or as a bare URL.",
    "Quote the section (e.g., “Use the ‘image_url’ from Step 2 as input to Step 3”).",
    "You run on several models (gpt-4o,\nclaude-sonnet-4, llama-3.2, etc).",
    "Say: “Thanks for waiting.\nI have your order here.”",
    "Keep it short and friendly :)",
    "Wrap code in ```python fences (never plain ``` alone).",
    "Passwords:\n- Never share them with anyone, not even support staff.",
    "Do not comment on the guest's reasons; suggest the non-alcoholic pairing instead.",
    "- And finally, thank the family for their trust.",
    "Use the {{ style }} the user picked (formal or casual).",
    "La réponse « Demande à un médiateur » suffit.",
    "1. If unsure, ask one clarifying question.",
    '1. Say: "If you can, call us."',
    "- 品目名（例：スプレー缶、電気ポット）を入力したら、まず lookup_item を呼んでください。",
    "- 区分は「燃やすごみ」「資源ごみ」の2つです。",
    "Contact channels:\n- By email.\n- By phone.",
    # Code written without a fence, and prose that goes on after a code block.
    "function App() {\n  return (\n    <div/>\n  );\n}",
    'Use this regex: /(?:^|\\n)\\s*PS1=([^"]+)/m',
    "/*\n * VENDORED copy (the team's\n * token export) from upstream.\n */",
    "```js\nconst x = search(q);\n```\nand the type of x is an array of results.",
    # Quotation marks named as characters, and a quoted dialogue over several paragraphs.
    "Keys cannot contain path separators (/ \\) or quotes (' \").",
    'User: "Build a todo app"\nAssistant: "Sure. I will:\n\n1. Set up the project\n\n[Rest of the reply]"',
    # A list of situations is a list, not a string of cut-off conditions.
    "When to message the user:\n1. When the build fails\n2. When you need a key",
    "- When encountering environment issues\n- When critical information is missing",
    "1. Flag any sentence you are unsure about with (?) at the end.",
]


@pytest.mark.parametrize("body", COMPLETE)
def test_complete_instructions_are_no_fragments(body: str):
    assert findings("CLR-08", ROLE + body) == []


def test_fragments_inside_code_fences_are_not_reported():
    assert findings("CLR-08", ROLE + "```python\nprint(x))\n```\nRun the snippet above.") == []


def test_fragments_in_example_inputs_are_data_not_instructions():
    text = ROLE + "<example>\n<input>\ni want a refund (its broken\n</input>\n</example>\nAnswer each request."
    assert findings("CLR-08", text) == []
    assert findings("CLR-08", ROLE + "Answer each request.\ni want a refund (its broken") != []


# ------------------------------------------------------------------ CLR-09 length limit versus parts

TOO_SMALL: list[tuple[str, str]] = [
    ("Reply in exactly 1 sentence.\nGive a summary, then three bullet points.", "three bullet points"),
    ("Keep the reply to at most 1 line. End with 3 bullet points.", "3 bullet points"),
    ("Answer in one sentence. Ask two clarifying questions before you draft.", "two clarifying questions"),
    ("Your reply must be at most 2 paragraphs. Write 4 paragraphs, one per season.", "4 paragraphs"),
    ("Keep the reply to at most 5 words. Explain the cause in two sentences.", "two sentences"),
    (
        'Reply in exactly 1 sentence. End with one line that starts with "Label:" and the label.',
        "one line besides the rest of the reply",
    ),
    ("Reply in exactly 1 sentence. Keep the reply between 150 and 250 words.", "at least 150 words"),
    ("Reply with the label only. Then explain your choice in two sentences.", "two sentences"),
    (
        "One fenced sql block, then an explanation. Reply with exactly one of these labels: SELECT, UPDATE. End with"
        ' one line that starts with "Label:".',
        "one line besides the rest of the reply",
    ),
    ('Output the priority code and nothing else. End with one line that starts with "Label:".', "one line"),
]


@pytest.mark.parametrize(("body", "part"), TOO_SMALL)
def test_a_reply_limit_too_small_for_the_parts_asked_for_is_reported(body: str, part: str):
    hits = findings("CLR-09", ROLE + body)
    assert len(hits) == 1
    assert part in hits[0].message
    assert hits[0].severity == "warning"


ROOM_ENOUGH: list[str] = [
    "Keep the summary to one sentence. Then give three bullet points.",
    "For simple questions, reply in one sentence. For complex ones, give three bullet points.",
    "Reply in at most 2 sentences. If the user asks for a plan, give 5 steps.",
    "Keep your answers to at most 3 sentences. Suggest three names in one sentence.",
    "Reply in at most 6 sentences. Give a summary, then three bullet points.",
    'Reply in exactly 2 lines. End with one line that starts with "Sentiment:".',
    "Keep each bullet to one sentence. Give three bullet points.",
    "Reply in one sentence. Never use more than 3 bullet points.",
    "Keep the reply to at most 60 words. Give 3 bullet points.",
    "Reply with exactly one of these labels: spam, ham.",
    "Return the label and a one-sentence reason.",
    "Reply with exactly one of these labels: spam, ham. If unsure, explain in two sentences.",
]


@pytest.mark.parametrize("body", ROOM_ENOUGH)
def test_limits_that_leave_room_or_are_scoped_are_not_reported(body: str):
    assert findings("CLR-09", ROLE + body) == []


# ------------------------------------------------------------------ CLR-10 two contacts for one situation

TWO_CONTACTS: list[str] = [
    "If someone is in danger, tell them to call 999.\nIf someone is in danger, tell them to call 112.",
    "If you are unsure, tell them to email help@acme.com.\nWhen you are unsure, ask them to write to ops@acme.com.",
    "6. If the person describes signs of an emergency (chest pain, trouble breathing, severe bleeding), tell them"
    " first to call 020 7946 0321 now.\n7. If they mention calf pain, tell them to call the ward on 020 7946 0321,"
    " or 999 for chest pain or trouble breathing.",
]


@pytest.mark.parametrize("body", TWO_CONTACTS)
def test_two_contacts_for_the_same_situation_are_reported(body: str):
    hits = findings("CLR-10", ROLE + body)
    assert len(hits) == 1
    assert hits[0].message.startswith("Two contacts for the same situation")
    assert hits[0].severity == "warning"


ONE_CONTACT_EACH: list[str] = [
    "If it's urgent during office hours, call 01234 567890. If it's urgent outside office hours, call 07700 900123.",
    "If the customer wants a refund, email refunds@acme.com. If they want a replacement, email support@acme.com.",
    "If unsure, email help@acme.com. If unsure, call 0800 123 4567.",
    "If a billing question is not covered, email billing@acme.com.\nIf it is urgent and not covered, email"
    " urgent@acme.com.",
    "If the user is in the US, call 988. If the user is in the UK, call 116 123.",
    "If someone is in danger, tell them to call 999 or 112.",
    "If they describe chest pain, call 999.\nIf they describe chest pain, call 999 and stay with them.",
]


@pytest.mark.parametrize("body", ONE_CONTACT_EACH)
def test_contacts_for_different_situations_or_given_together_are_not_reported(body: str):
    assert findings("CLR-10", ROLE + body) == []


# ------------------------------------------------------------------ VAR-06 empty inputs

GRADER = "You grade grant applications.\n"


@pytest.mark.parametrize(
    "text",
    [
        GRADER + "Score each application against the rubric.\n<rubric>\n</rubric>",
        GRADER + "Answer using the policy below.\n<policy>\n\n</policy>",
        GRADER + "Score it according to the <criteria>.\n<criteria></criteria>",
    ],
)
def test_an_empty_section_the_instructions_rely_on_is_reported(text: str):
    hits = findings("VAR-06", text)
    assert len(hits) == 1
    assert "empty" in hits[0].message


@pytest.mark.parametrize(
    "text",
    [
        GRADER + "Write your verdict in <answer></answer> tags.",
        GRADER + "Use this format:\n<answer>\n</answer>",
        GRADER + "Think in <scratchpad>\n</scratchpad> first.",
        GRADER + "Score each application.\n<notes>\n</notes>",
        GRADER + "Score against the rubric.\n<rubric>\n{{rubric}}\n</rubric>",
    ],
)
def test_output_sections_and_filled_sections_are_not_reported(text: str):
    assert findings("VAR-06", text) == []


V = Variable


@pytest.mark.parametrize(
    ("variables", "reported"),
    [
        ([V(name="rubric", required=False)], True),
        ([V(name="rubric", required=False, default="")], True),
        ([V(name="rubric", required=False, trusted=True)], False),  # filled by the system
        ([V(name="rubric", required=False, default="clarity and budget")], False),
        ([V(name="rubric")], False),
        (None, False),  # no declarations: nothing is known about the variable
    ],
)
def test_an_optional_variable_without_default_is_reported(variables: list[Variable] | None, reported: bool):
    hits = findings("VAR-06", GRADER + "Score each application against the {{rubric}}.", variables=variables)
    assert bool(hits) is reported


def test_a_broken_generated_prompt_loses_visible_points():
    """A prompt with a fragment and a limit that contradicts its parts scores clearly below the same prompt fixed."""
    broken = (
        ROLE + "Requirements:\n1. Never invent facts.\n2. Place of the service) ask for it before drafting.\n"
        "Output format: Reply in exactly 1 sentence. Give a short draft, then three bullet points of open questions."
        " If a detail is missing, ask for it."
    )
    fixed = (
        ROLE + "Requirements:\n1. Never invent facts.\n2. If the place of the service is missing, ask for it before"
        " drafting.\nOutput format: Give a short draft, then three bullet points of open questions. If a detail is"
        " missing, ask for it."
    )
    assert lint_prompt(fixed).score - lint_prompt(broken).score >= 15
