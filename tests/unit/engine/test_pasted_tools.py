"""Tools pasted the way users paste them (JSON objects with their own keys, Python `def` lines) are tools: never the
reply's JSON schema or fields, never a pasted rule, never a cue for another job (round 30: r30-12, r30-17)."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate

JSON_TOOLS = (
    "WhatsApp assistant for the Rueda Libre driving school. Students write to book or cancel lessons.\n\n"
    "Available functions:\n"
    '{"name": "lookup_student", "params": {"phone": "string"}, "returns": "student_id, name, balance"}\n'
    '{"name": "book_lesson", "params": {"student_id": "string", "slot_id": "string"}}\n\n'
    "Rules:\n- Always lookup_student before any other function.\n- Max 3 sentences, no emojis."
)
PYTHON_TOOLS = (
    "Internal IT helpdesk chat bot for Minato Seiki (600 staff).\nTools you can use:\n"
    "def verify_employee(employee_id: str, birth_mmdd: str) -> bool\n"
    "def reset_password(employee_id: str) -> str  # texts a temporary password to the work phone\n"
    "def create_ticket(employee_id: str, category: str, summary: str) -> str\n\n"
    "Rules:\n- Always verify_employee before reset_password.\n- Never show the temporary password in the chat.\n"
    "- Replies under 200 characters, no markdown."
)


@pytest.mark.parametrize("target", ["claude", "gpt"])
def test_json_tool_objects_are_tools_not_the_reply(target: str) -> None:
    result = generate(Brief(task=JSON_TOOLS, target=target))
    tools = {c.name: c for c in result.constraints if c.kind == "tool"}
    assert set(tools) == {"lookup_student", "book_lesson"}
    assert tools["lookup_student"].parameters == ["phone"]
    assert "student_id, name, balance" in (tools["lookup_student"].value or "")
    assert not [c for c in result.constraints if c.kind == "schema"]
    assert "JSON object" not in result.prompt
    assert '{"name": "lookup_student"' not in result.prompt  # said once, as a tool line


def test_a_booking_agent_with_tools_is_no_tutor() -> None:
    result = generate(Brief(task=JSON_TOOLS, target="claude"))
    assert result.archetypes[0].id == "tool_agent"
    assert "Guide the student with one question or hint" not in result.prompt


def test_python_signatures_are_tools_with_their_returns() -> None:
    result = generate(Brief(task=PYTHON_TOOLS, target="claude"))
    tools = {c.name: c.value for c in result.constraints if c.kind == "tool"}
    assert tools["verify_employee"] == "returns bool"
    assert tools["reset_password"] == "returns str (texts a temporary password to the work phone)"
    assert not [c for c in result.constraints if c.kind in ("fields", "schema")]
    assert "def verify_employee" not in result.prompt


def test_a_tool_parameter_asks_for_no_summary() -> None:
    result = generate(Brief(task=PYTHON_TOOLS, target="claude"))
    assert "summarization" not in [m.id for m in result.archetypes]


def test_japanese_parameter_values_join_their_tool() -> None:
    task = (
        "社内ITヘルプデスク用チャットボットです。\n使えるツール：\n"
        "def create_ticket(employee_id: str, category: str, summary: str) -> str\n\nルール：\n"
        "・category は次のいずれか：PC, NETWORK, VPN, OTHER\n・1回の返答は200字以内。"
    )
    result = generate(Brief(task=task, target="claude"))
    labels = [c for c in result.constraints if c.kind == "labels"]
    assert [(c.name, c.scope) for c in labels] == [("create_ticket", "category")]
    assert "Use only these categories" not in result.prompt
    assert "使えるツール" not in result.prompt


def test_spanish_off_topic_route_replaces_the_default() -> None:
    task = JSON_TOOLS + '\n- Si preguntan algo que no sea de clases, di: "Para eso escríbenos a hola@rueda.mx."'
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "hola@rueda.mx" in prompt
    assert "If a request is out of scope" not in prompt


def test_a_japanese_company_name_is_no_investing() -> None:
    task = (
        "社内ITヘルプデスク用チャットボットのプロンプトをお願いします（株式会社ミナト精機、従業員約600名）。"
        "パスワードの再設定を手伝う。"
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "financial" not in prompt
