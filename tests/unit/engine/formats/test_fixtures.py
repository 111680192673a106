"""Each format read from a fixture written to its published specification: what maps, and what is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.engine.formats import FormatError, detect_format, dump, parse, parse_with_segments
from app.engine.types import ChatMessage, Variable

FIXTURES = Path(__file__).parent / "fixtures"


def _read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_dotprompt_front_matter_and_roles():
    (doc,) = parse(_read("greeting.prompt"), "greeting.prompt")
    assert doc.name == "greetingPrompt"
    assert doc.description == "Greets a guest in their language."
    assert doc.model == "googleai/gemini-1.5-flash"
    assert doc.config["topK"] == 20
    assert doc.config["stopSequences"] == ["STOPSTOPSTOP"]
    assert doc.tools == ["timeOfDay"]
    assert doc.metadata == {"customKey": {"customValue": 123}, "variant": "formal"}
    assert doc.variables == [
        Variable(name="name", default="Guest"),
        Variable(name="language", required=False, description="the guest's language"),
        Variable(
            name="tone", type="enum", enum_values=["formal", "casual"], required=False, description="how formal to be"
        ),
        Variable(name="interests", type="list", description="what the guest likes"),
    ]
    assert doc.output_format == "json"
    assert doc.output_schema == {
        "type": "object",
        "properties": {
            "greeting": {"type": "string", "description": "the greeting to provide to the guest"},
            "formalityLevel": {"type": "number", "description": "the level of formality of your response"},
        },
        "required": ["greeting", "formalityLevel"],
    }
    assert doc.kind == "chat"
    assert [m.role for m in doc.messages] == ["system", "user", "placeholder"]
    assert doc.messages[1] == ChatMessage(role="user", content="Hello, I am {{name}}.")
    assert doc.messages[2].name == "history"
    assert doc.unmapped == [
        "partial 'signature' (kept verbatim in the text)",
        "helper 'if' (kept verbatim in the text)",
    ]


def test_dotprompt_segments_locate_each_message_in_the_file():
    source = _read("greeting.prompt")
    _, segments = parse_with_segments(source, "greeting.prompt")  # type: ignore[misc]
    system = segments[0]
    assert source[system.start : system.end].startswith("You are the world's most welcoming AI assistant.")
    assert source[segments[1].start : segments[1].end] == "Hello, I am {{name}}."


def test_dotprompt_without_front_matter_is_named_after_the_file():
    (doc,) = parse("Summarise {{text}} in one line.\n", "prompts/summarise.prompt")
    assert (doc.name, doc.kind, doc.text) == ("summarise", "text", "Summarise {{text}} in one line.")


def test_dotprompt_json_schema_input_and_unknown_types_are_reported():
    source = (
        "---\ninput:\n  schema:\n    type: object\n    properties:\n      q: {type: string, maxLength: 500}\n"
        "      meta: {type: object}\n    required: [q]\nextra: 1\n---\nAnswer {{q}}.\n"
    )
    (doc,) = parse(source, "a.prompt")
    assert doc.variables[0] == Variable(name="q", max_length=500)
    assert doc.variables[1].required is False
    assert "input.schema.meta: type 'object' read as a string" in doc.unmapped
    assert "front matter key 'extra'" in doc.unmapped


def test_invalid_front_matter_is_a_format_error():
    with pytest.raises(FormatError):
        parse("---\nname: [unclosed\n---\nHi\n", "a.prompt")
    with pytest.raises(FormatError):
        parse("---\n- a list\n---\nHi\n", "a.prompt")


def test_prompty_fields_and_sections():
    (doc,) = parse(_read("basic.prompty"), "basic.prompty")
    assert doc.name == "Basic Prompt"
    assert doc.description.startswith("A basic prompt")  # type: ignore[union-attr]
    assert doc.tags == ["basic", "qa"]
    assert doc.metadata == {"authors": ["sethjuarez"]}
    assert doc.model == "gpt-35-turbo"
    assert doc.config == {"max_tokens": 128, "temperature": 0.2}
    assert [v.name for v in doc.variables] == ["first_name", "last_name", "question"]
    assert doc.variables[0].default == "John"
    assert doc.variables[2].description == "The customer's question"
    assert doc.output_schema == {"type": "object", "properties": {"answer": {"type": "string"}}}
    assert [m.role for m in doc.messages] == ["system", "user", "assistant"]
    assert "# Customer" in doc.messages[0].content
    assert doc.messages[1].content == "{{question}}"
    assert set(doc.unmapped) == {
        "sample (not kept)",
        "model.configuration.type",
        "model.configuration.connection",
    }


def test_langfuse_export_versions_labels_and_placeholders():
    docs = parse(_read("langfuse-export.json"), "export.json")
    assert detect_format("export.json", _read("langfuse-export.json")) == "langfuse"
    text, chat = docs
    assert (text.name, text.kind, text.version, text.labels, text.tags) == (
        "movie-critic",
        "text",
        3,
        ["production", "latest"],
        ["movies"],
    )
    assert text.model == "gpt-4o"
    assert text.config == {"temperature": 0.7}
    assert text.commit_message == "Make the critic harsher"
    assert {"field 'id'", "field 'createdAt'", "field 'projectId'"} <= set(text.unmapped)
    assert chat.messages[1] == ChatMessage(role="placeholder", name="chat_history")
    assert chat.output_schema == {"type": "object", "properties": {"verdict": {"type": "string"}}}
    assert chat.commit_message is None


def test_openai_prompt_object():
    source = _read("openai-prompt.json")
    assert detect_format("saved.json", source) == "openai"
    (doc,) = parse(source, "saved.json")
    assert (doc.name, doc.version) == ("pmpt_68a1b2c3d4e5f6", 2)
    assert doc.text.startswith("You are a support assistant for {{customer_name}}.")
    assert [(v.name, v.default) for v in doc.variables] == [
        ("customer_name", "Jane Doe"),
        ("product", "40oz juice box"),
        ("photo", None),
    ]
    assert doc.unmapped == ["variables.photo: non-text value (file or image input)"]


def test_plain_markdown_is_a_text_prompt_named_after_the_file():
    (doc,) = parse(_read("support-agent.md"), "prompts/support-agent.md")
    assert (doc.name, doc.kind) == ("support-agent", "text")
    assert doc.text.startswith("# Support agent\n\nYou are a support agent for Acme.")
    assert doc.unmapped == []


def test_dump_reports_what_a_format_cannot_hold():
    (doc,) = parse(_read("langfuse-export.json"), "x.json")[:1]
    dotprompt = dump([doc], "dotprompt")
    assert "labels (['production', 'latest'])" in dotprompt.unmapped
    assert "version (3)" in dotprompt.unmapped
    (greeting,) = parse(_read("greeting.prompt"), "greeting.prompt")
    langfuse = dump([greeting], "langfuse")
    assert "greetingPrompt: variables" in langfuse.unmapped
    prompty = dump([greeting], "prompty")
    assert "messages[2]: placeholder 'history'" in prompty.unmapped
    markdown = dump([greeting], "markdown")
    assert {"variables", "model", "tools"} <= set(markdown.unmapped)
    with pytest.raises(FormatError):
        dump([doc, doc], "dotprompt")
