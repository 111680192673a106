"""The document ↔ registry version mapping shared by `promptsmith sync` and the REST import/export."""

from __future__ import annotations

from app.engine.formats import parse
from app.engine.formats.registry import document_from_version, model_config, not_stored


def test_model_settings_map_to_model_config_and_the_rest_is_reported() -> None:
    source = (
        "---\nmodel: gpt-4o\nconfig:\n  temperature: 0.4\n  max_tokens: 300\n  topP: 0.9\n"
        "output:\n  format: text\nmetadata:\n  owner: cs\n---\nWrite about {topic} for ${audience} and {{reader}}.\n"
    )
    (doc,) = parse(source, "essay.prompt", "dotprompt")
    assert model_config(doc) == {"model": "gpt-4o", "temperature": 0.4, "maxTokens": 300}
    assert not_stored(doc) == [
        "config.topP",
        "metadata",
        "output format 'text'",
        "placeholder {topic} (format syntax) is not substituted; write {{topic}} to make it a variable",
        "placeholder ${audience} (dollar syntax) is not substituted; write {{audience}} to make it a variable",
    ]


def test_a_version_becomes_a_document_with_its_settings() -> None:
    doc = document_from_version(
        {"name": "a/b", "description": "d", "tags": ["x"]},
        {
            "kind": "text",
            "text": "Hi {{n}}\n",
            "variables": [{"name": "n"}],
            "modelConfig": {"model": "m", "temperature": 0.1, "responseSchema": {"type": "object"}},
        },
    )
    assert (doc.name, doc.text, doc.model, doc.config) == ("a/b", "Hi {{n}}", "m", {"temperature": 0.1})
    assert (doc.output_schema, doc.output_format) == ({"type": "object"}, "json")
    assert model_config(doc) == {"model": "m", "temperature": 0.1, "responseSchema": {"type": "object"}}
