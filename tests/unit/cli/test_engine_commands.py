"""`generate` from whole briefs or flags, and `tokens` over several files."""

from __future__ import annotations

import json

import pytest
import yaml

from app.cli.common import TARGET_CHOICES
from app.engine.types import TARGETS


def test_target_choices_match_the_engine():
    assert TARGET_CHOICES == TARGETS


@pytest.fixture
def briefs(project):
    (project / "translate.yaml").write_text(
        yaml.safe_dump(
            {
                "task": "Translate customer emails into French",
                "audience": "support agents",
                "constraints": ["Keep product names in English"],
                "target": "claude",
                "also_render": ["gpt"],
            }
        )
    )
    (project / "summarise.json").write_text(
        json.dumps({"task": "Summarize long research papers for executives", "outputFormat": "bullets"})
    )
    return project


def test_generate_from_a_yaml_brief_with_header_rows(run, briefs):
    result = run("generate", "translate.yaml")
    assert result.code == 0, result.err
    headers = [line for line in result.out.splitlines() if line.startswith("==> ")]
    assert [h.split(" target=")[1].split()[0] for h in headers] == ["claude", "gpt"]
    assert "Keep product names in English" in result.out
    assert "French" in result.out


def test_generate_several_briefs_as_json(run, briefs):
    result = run("generate", "translate.yaml", "summarise.json", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert [item["source"] for item in data] == ["translate.yaml", "summarise.json"]
    assert data[0]["result"]["target"] == "claude"
    assert data[1]["result"]["target"] == "generic"


def test_generate_from_flags_only(run, project):
    result = run(
        "generate",
        "--task",
        "Answer billing questions for Acme",
        "--constraint",
        "Never promise refunds",
        "--constraint",
        "Reply in at most 3 sentences",
        "--tone",
        "friendly",
        "--target",
        "gpt",
        "--no-header",
    )
    assert result.code == 0, result.err
    assert not result.out.startswith("==>")
    assert "Never promise refunds" in result.out


def test_flags_override_a_brief_file(run, briefs):
    data = json.loads(run("generate", "summarise.json", "--target", "gemini", "--format", "json").out)
    assert data[0]["result"]["target"] == "gemini"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("audience: devs\n", "task"),
        ("task: ''\n", "task"),
        ("task: x\ntarget: gpt5\n", "target"),
        ("task: x\nconstraints: 3\n", "constraints"),
        ("- a\n- b\n", "mapping"),
        ("task: [unclosed\n", "YAML"),
    ],
)
def test_invalid_briefs_exit_2_with_the_reason(run, project, content, message):
    (project / "bad.yaml").write_text(content)
    result = run("generate", "bad.yaml")
    assert result.code == 2
    assert "bad.yaml" in result.err
    assert message in result.err


def test_generate_needs_a_brief_or_a_task(run, project):
    assert run("generate").code == 2


def test_tokens_several_files_with_a_header(run, project):
    (project / "a.md").write_text("You are a tutor. Explain each step of the proof.\n")
    (project / "b.prompt").write_text('---\nname: b\nmodel: x\n---\n{{role "system"}}\nYou are a tutor.\n')
    result = run("tokens", "a.md", "b.prompt", "--target", "gpt", "--target", "claude")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "file\ttarget\ttokens\tmethod\ttokenizer"
    assert [tuple(line.split("\t")[:2]) for line in lines[1:]] == [
        ("a.md", "claude"),
        ("a.md", "gpt"),
        ("b.prompt", "claude"),
        ("b.prompt", "gpt"),
    ]
    front_matter_free = int(lines[4].split("\t")[2])
    assert front_matter_free < 15  # the body only, not the YAML front matter


def test_tokens_json(run, project):
    (project / "a.md").write_text("You are a tutor.\n")
    data = json.loads(run("tokens", "a.md", "--format", "json").out)
    assert [row["target"] for row in data] == list(TARGETS)
    assert all(row["file"] == "a.md" and row["count"] > 0 for row in data)


def test_templatize_places_each_proposed_variable_in_the_text(run, project):
    (project / "a.md").write_text(
        "You are a support agent for Acme. The customer Jane Doe (order #12345, jane@example.com) writes: "
        '"My parcel is late."\n'
    )
    result = run("templatize", "a.md", "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["variables"]
    for variable in data["variables"]:
        assert "{{" + variable["variable"]["name"] + "}}" in data["text"]
    assert run("templatize", "a.md").out == data["text"] + ("" if data["text"].endswith("\n") else "\n")


def test_templatize_refuses_a_chat_prompt(run, project):
    (project / "c.prompty").write_text("---\nname: c\n---\nsystem:\nYou are a tutor.\n\nuser:\nHi\n")
    result = run("templatize", "c.prompty")
    assert result.code == 2
    assert "chat" in result.err


def test_improve_text_diff_and_json_agree(run, project):
    (project / "a.md").write_text("Act as a tutor. Please help students with algebra.\n")
    text = run("improve", "a.md", "--target", "claude")
    assert text.code == 0, text.err
    data = json.loads(run("improve", "a.md", "--target", "claude", "--format", "json").out)
    assert text.out.rstrip("\n") == data["prompt"].rstrip("\n")
    assert run("improve", "a.md", "--target", "claude", "--format", "diff").out == data["diff"]


def test_a_yaml_brief_with_nested_snake_case_fields(run, project):
    (project / "brief.yaml").write_text(
        "task: Help customers track their orders for Acme\n"
        "tools:\n  - name: lookup_order\n    purpose: Fetch an order by id\n    when_to_use: before answering\n"
        "variables:\n  - name: order_id\n    max_length: 20\n"
        "json_schema:\n  type: object\n  properties:\n    order_status: {type: string}\n"
    )
    result = run("generate", "brief.yaml", "--format", "json", "--target", "claude")
    assert result.code == 0, result.err
    prompt = json.loads(result.out)[0]["result"]["prompt"]
    assert "lookup_order" in prompt
