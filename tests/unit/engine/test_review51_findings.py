"""Review 51 of 72e25d0, 2aed262, 91bb723 and 4227d2b: regressions and paraphrases the review-50 fixes and the
round-33 leftovers miss.

Each test is one defect, written as the behaviour a brief's author expects. All fail at 4227d2b (several passed at
cc587be, or at 264baab for the drafting swap; the rest are the same defect class in other words).
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate


def _run(task: str):
    return generate(Brief(task=task, target="claude"))


def _texts(result, kind: str) -> list[str]:
    return [c.text for c in result.constraints if c.kind == kind]


def _ids(result) -> list[str]:
    return [match.id for match in result.archetypes]


def _tools(result) -> dict:
    return {c.name: c for c in result.constraints if c.kind == "tool"}


# --- assistant_name._NAME_EQUALS: a heading before its colon is no name ----------------------------------------------


@pytest.mark.parametrize(
    ("task", "heading"),
    [
        ("Goal: the assistant answers questions about our return policy at Shoply.", "Goal"),
        ("Context: the assistant answers questions about our return policy at Shoply. Keep replies under 80 words.",
         "Context"),
        ("Tone: the assistant should sound warm. Chatbot for Café Rosa, max 60 words per reply.", "Tone"),
        ("Important: the bot must never quote prices. You are the chat assistant of Café Rosa.", "Important"),
        ("Task: the agent triages IT tickets for Northfield University.", "Task"),
        ("Summary: a chatbot for Café Rosa that answers menu questions in under 60 words.", "Summary"),
    ],
)  # fmt: skip
def test_a_heading_before_its_colon_is_no_assistant_name(task: str, heading: str) -> None:
    """'Goal: the assistant answers …' / 'Tone: the assistant should sound warm' are a brief's headings. 2aed262's
    _NAME_EQUALS takes ':' like '=' and names the assistant after the heading: 'You are Goal, a question-answering
    assistant …', 'You are Important, a bot must never quote prices.' (cc587be: no name)."""
    role = _run(task).spec.role
    assert not role.startswith(f"You are {heading}"), role


# --- assistant_name._NAME_APPOSITIVE: a bare business before its comma, then the assistant it has --------------------


@pytest.mark.parametrize(
    ("task", "business"),
    [
        ("Write a prompt for Harlow, a law firm whose assistant answers intake calls from new clients.", "Harlow"),
        ("Create a prompt for Brightside, a tutoring company whose tutor bot helps kids with maths.", "Brightside"),
        ("Prompt for Zendesk, the helpdesk our support bot runs on; the bot answers customers of Shoply.", "Zendesk"),
    ],
)
def test_a_bare_business_before_its_comma_is_no_assistant_name(task: str, business: str) -> None:
    """'for Harlow, a law firm whose assistant …' names the firm, not the assistant; the bare-name appositive of
    2aed262 reads past 'law firm whose' to 'assistant' and says 'You are Harlow, a law firm whose assistant …',
    'You are Zendesk, a customer support agent.' (cc587be: 'You are an assistant for Harlow.')."""
    role = _run(task).spec.role
    assert not role.startswith(f"You are {business},"), role


# --- openapi: other shapes of the same excerpt ------------------------------------------------------------------------

_HEAD = "System prompt for the website chat assistant of Larkspur Veterinary Clinic. Tools from our OpenAPI spec:\n\n"
_TAIL = "\n\nAlways run lookup_client first. Keep answers to 3 sentences max."


def test_an_openapi_enum_under_the_parameters_schema_is_its_closed_values() -> None:
    """Parameters written as block YAML ('- name: species\\n  in: query\\n  schema:\\n    enum: [dog, cat, rabbit]')
    are the common shape of an OpenAPI excerpt; 91bb723 reads the enum only on the '- {name: …, enum: […]}' line, so
    list_slots loses its closed values."""
    task = (
        _HEAD + "paths:\n  /clients/lookup:\n    get:\n      operationId: lookup_client\n      parameters:\n"
        "        - name: phone\n          in: query\n          required: true\n  /slots:\n    get:\n"
        "      operationId: list_slots\n      parameters:\n        - name: species\n          in: query\n"
        "          schema:\n            type: string\n            enum: [dog, cat, rabbit]\n" + _TAIL
    )
    tools = _tools(_run(task))
    assert tools["list_slots"].parameters == ["species"]
    assert "set `species` to one of: dog, cat, rabbit" in tools["list_slots"].text, tools["list_slots"].text


def test_an_openapi_parameter_whose_in_comes_first_is_still_an_argument() -> None:
    """'- in: query\\n  name: phone' is the same parameter as '- name: phone\\n  in: query'; 91bb723's _PARAMETER
    wants 'name:' right after the dash, so lookup_client takes no arguments."""
    task = (
        _HEAD + "paths:\n  /clients/lookup:\n    get:\n      operationId: lookup_client\n      parameters:\n"
        "        - in: query\n          name: phone\n          required: true\n        - in: query\n"
        "          name: pet_name\n" + _TAIL
    )
    assert _tools(_run(task))["lookup_client"].parameters == ["phone", "pet_name"]


def test_an_openapi_request_body_with_properties_gives_the_tools_arguments() -> None:
    """A requestBody written out ('content: application/json: schema: properties: client_id: …, slot_id: …') has the
    same arguments as 'requestBody: {client_id: string, slot_id: string}'; 91bb723 reads only the one-line form, so
    book_appointment takes no arguments (cc587be at least kept client_id and slot_id, as reply fields)."""
    task = (
        _HEAD + "paths:\n  /clients/lookup:\n    get:\n      operationId: lookup_client\n      parameters:\n"
        "        - {name: phone, in: query}\n  /appointments:\n    post:\n      operationId: book_appointment\n"
        "      requestBody:\n        required: true\n        content:\n          application/json:\n"
        "            schema:\n              type: object\n              properties:\n"
        "                client_id: {type: string}\n                slot_id: {type: string}\n" + _TAIL
    )
    result = _run(task)
    assert _tools(result)["book_appointment"].parameters == ["client_id", "slot_id"]
    assert not any(c.kind in ("schema", "fields", "requirement") for c in result.constraints), result.constraints


def test_an_openapi_excerpt_without_operation_ids_is_no_reply_schema() -> None:
    """An excerpt whose operations carry a 'summary:' but no 'operationId:' is still the tools' spec; 91bb723 only
    recognises the excerpt by its operationIds, so '- {name: phone, in: query}' is still read as the reply's JSON
    schema: 'Return a JSON object with exactly these keys: name, in.'"""
    task = (
        _HEAD + "paths:\n  /clients/lookup:\n    get:\n      summary: Find a client by phone\n      parameters:\n"
        "        - {name: phone, in: query}\n  /slots:\n    get:\n      summary: List free slots\n      parameters:\n"
        "        - {name: species, in: query}\n" + _TAIL
    )
    result = _run(task)
    assert not any(c.kind == "schema" for c in result.constraints), _texts(result, "schema")


# --- labels.find_cjk_labels: other closings and asides ----------------------------------------------------------------

_JA_LABELS = (
    "口コミを分類：PRAISE（満足）／MIXED（賛否）／COMPLAINT（不満）／"
    "SAFETY（食中毒・ケガ・アレルギー事故・盗撮や盗難の疑いなど）"
)


@pytest.mark.parametrize(
    "task",
    [
        _JA_LABELS + "のうち1つ。",
        _JA_LABELS + "から1つ選ぶ。",
        _JA_LABELS + "の中から一つ選んでください。",
    ],
)
def test_a_japanese_label_set_with_another_closing_keeps_its_last_label(task: str) -> None:
    """'…／SAFETY（…）のうち1つ' / 'から1つ選ぶ' close the set like 'のどれか1つ';
    4227d2b strips only 'のどれか/のいずれか', so the closing stays on SAFETY and the last label is dropped
    (PRAISE, MIXED, COMPLAINT)."""
    found = [c.values for c in _run(task).constraints if c.kind == "labels"]
    assert ["PRAISE", "MIXED", "COMPLAINT", "SAFETY"] in found, found


@pytest.mark.parametrize(
    "task",
    [
        "请阅读每条酒店评论并分类：PRAISE（基本满意）／MIXED（有好有坏）／COMPLAINT（主要是不满）／"
        "SAFETY（食物中毒、受伤、过敏事故、偷拍或盗窃嫌疑等）中的一个。然后写一条回复草稿。",
        "请阅读每条酒店评论，分类为 PRAISE（基本满意）／MIXED（有好有坏）／COMPLAINT（主要是不满）／"
        "SAFETY（食物中毒・受伤・过敏事故・偷拍或盗窃嫌疑等）之一，然后写一条回复草稿。",
    ],
)
def test_a_chinese_label_set_with_a_long_aside_stays_a_set(task: str) -> None:
    """The Chinese twin of r33-17: 'SAFETY（食物中毒、受伤、过敏事故…）中的一个'. 4227d2b names '中的一个/之一'
    as closings and
    strips full-width asides, yet with a long aside ('、' or '・' inside it) before '中的一个'
    / '之一，然后…' no label set
    is read at all."""
    found = [c.values for c in _run(task).constraints if c.kind == "labels"]
    assert ["PRAISE", "MIXED", "COMPLAINT", "SAFETY"] in found, found


# --- limits._BUSINESS_QUANTITIES: appointments per reply are still a reply cap ----------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Chat assistant for Pawsome Grooming. Offer no more than 3 appointments in each reply.",
        "Chat assistant for Pawsome Grooming. Suggest no more than 3 appointments in each reply.",
    ],
)
def test_a_cap_on_appointments_in_each_reply_is_a_reply_limit(task: str) -> None:
    """'no more than 3 appointments in each reply' caps what one reply offers; 91bb723 adds 'appointments' to the
    business quantities and drops the cap altogether (cc587be: 'Keep to at most 3 appointments.')."""
    limits = _texts(_run(task), "limit")
    assert any("3 appointments" in text for text in limits), limits


# --- generate: a labeller that drafts, whose draft agents review, still drafts ---------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Label each support email BILLING, TECHNICAL or OTHER, then draft a reply to it. Agents review the draft "
        "before sending.",
        "Label each support email BILLING, TECHNICAL or OTHER, then draft a reply to it. Our agents draft replies "
        "only for escalations.",
    ],
)
def test_a_labeller_that_drafts_while_agents_review_keeps_the_drafting_job(task: str) -> None:
    """The assistant labels and drafts ('then draft a reply to it'); the agents only review, or draft only the
    escalations. 72e25d0's yield when 'Agents draft replies' / 'agents … the draft' drops the drafting primary: no
    'Draft the reply' in the prompt (264baab: the reply writer, 'Draft the reply …')."""
    result = _run(task)
    assert "Draft the reply" in result.prompt, _ids(result)
