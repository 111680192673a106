"""`promptsmith convert`: between formats, with what did not map on stderr."""

from __future__ import annotations

from pathlib import Path

import yaml

FIXTURES = Path(__file__).parents[1] / "engine" / "formats" / "fixtures"


def test_prompty_to_dotprompt_reports_what_did_not_map(run, project):
    result = run("convert", str(FIXTURES / "basic.prompty"), "--to", "dotprompt")
    assert result.code == 0, result.err
    front = yaml.safe_load(result.out.split("---\n")[1])
    assert front["name"] == "Basic Prompt"
    assert front["model"] == "gpt-35-turbo"
    assert front["config"] == {"max_tokens": 128, "temperature": 0.2}
    assert 'role "model"' in result.out  # the assistant section, in Dotprompt's role name
    assert "not mapped on reading: Basic Prompt: sample (not kept)" in result.err
    assert "not mapped on writing dotprompt: tags (['basic', 'qa'])" in result.err


def test_a_list_format_to_a_one_prompt_format_is_refused(run, project):
    result = run("convert", str(FIXTURES / "langfuse-export.json"), "--to", "prompty")
    assert result.code == 2
    assert "holds 2 prompts" in result.err


def test_convert_writes_a_file(run, project):
    result = run("convert", str(FIXTURES / "greeting.prompt"), "--to", "langfuse", "-o", "out.json")
    assert result.code == 0
    assert result.out == ""
    assert '"name": "greetingPrompt"' in (project / "out.json").read_text()
