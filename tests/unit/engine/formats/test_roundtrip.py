"""Round trips: for documents a format can hold, parse(dump(doc)) gives the same document, and nothing is lost."""

from __future__ import annotations

from typing import Any

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.engine.formats import FormatName, PromptDocument, dump, parse
from app.engine.types import ChatMessage, Variable

EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

identifiers = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüß0123456789", min_size=1, max_size=10)
phrase = st.lists(words, min_size=1, max_size=6).map(" ".join)
# Prompt text: words, punctuation, variables and line breaks, without surrounding whitespace (documents store
# text stripped), without ':' (a Prompty role line) and without '-' (a Markdown front matter fence).
tokens = st.one_of(words, st.sampled_from([".", ",", "!", "?", "{{topic}}", "{{user_name}}", "\n", "\n\n", "#"]))
texts = st.lists(tokens, min_size=1, max_size=30).map(" ".join).map(str.strip).filter(bool)
scalars = st.one_of(
    st.integers(-1000, 1000), st.floats(-10, 10, allow_nan=False).map(lambda f: round(f, 3)), st.booleans(), phrase
)
configs = st.dictionaries(identifiers, scalars, max_size=4)


@st.composite
def variables(draw: Any, *, contracts: bool = True, json_only: bool = False) -> list[Variable]:
    names = draw(st.lists(identifiers, unique=True, max_size=4))
    result = []
    for name in names:
        if not contracts:
            result.append(Variable(name=name, default=draw(st.none() | phrase)))
            continue
        kind = draw(st.sampled_from(["string", "integer", "number", "boolean", "enum", "list"]))
        result.append(
            Variable(
                name=name,
                type=kind,
                required=draw(st.booleans()),
                description=draw(st.just("") | phrase),
                enum_values=draw(st.lists(words, min_size=1, max_size=4, unique=True)) if kind == "enum" else None,
                default=draw(st.none() | phrase) if kind in {"string", "enum"} else None,
                max_length=draw(st.none() | st.integers(1, 5000)) if json_only and kind == "string" else None,
                trusted=draw(st.booleans()) if json_only else False,
            )
        )
    return result


def messages(roles: list[str], placeholder_names: Any = None) -> Any:
    role_message = st.builds(ChatMessage, role=st.sampled_from(roles), content=texts)
    if placeholder_names is None:
        return st.lists(role_message, min_size=1, max_size=4)
    placeholder = st.builds(ChatMessage, role=st.just("placeholder"), name=placeholder_names)
    return st.lists(st.one_of(role_message, placeholder), min_size=1, max_size=4)


output_schemas = st.dictionaries(
    identifiers,
    st.builds(
        lambda kind, description: {"type": kind, **({"description": description} if description else {})},
        st.sampled_from(["string", "number", "boolean"]),
        st.none() | phrase,
    ),
    min_size=1,
    max_size=3,
).map(lambda properties: {"type": "object", "properties": properties})


@st.composite
def documents(draw: Any, fmt: FormatName) -> PromptDocument:
    kind = draw(st.sampled_from(["text", "chat"])) if fmt not in {"openai", "markdown"} else "text"
    doc = PromptDocument(name=draw(identifiers), kind=kind)
    if kind == "text":
        doc.text = draw(texts)
    elif fmt == "dotprompt":
        doc.messages = draw(messages(["system", "user", "assistant"], st.just("history")))
    elif fmt == "langfuse":
        doc.messages = draw(messages(["system", "user", "assistant"], identifiers))
    else:
        doc.messages = draw(messages(["system", "user", "assistant"]))
    if fmt == "markdown":
        return doc
    doc.model = draw(st.none() | identifiers)
    doc.tools = draw(st.lists(identifiers, max_size=3))
    if fmt == "openai":
        doc.text = doc.text
        doc.version = draw(st.none() | st.integers(1, 99))
        doc.variables = draw(variables(contracts=False))
        return doc
    doc.config = draw(configs.filter(lambda c: not {"model", "tools", "response_format"} & set(c)))
    if fmt == "langfuse":
        doc.labels = draw(st.lists(identifiers, unique=True, max_size=3))
        doc.tags = draw(st.lists(identifiers, unique=True, max_size=3))
        doc.version = draw(st.none() | st.integers(1, 99))
        doc.commit_message = draw(st.none() | phrase)
        doc.output_schema = draw(st.none() | output_schemas)
        doc.output_format = "json" if doc.output_schema is not None else None
        return doc
    doc.description = draw(st.none() | phrase)
    doc.output_schema = draw(st.none() | output_schemas)
    metadata = draw(st.dictionaries(identifiers.filter(lambda k: k not in {"variant", "tags"}), scalars, max_size=3))
    if fmt == "dotprompt":
        doc.variables = draw(variables(json_only=draw(st.booleans())))
        doc.output_format = draw(st.none() | st.sampled_from(["json", "text"]))
        if draw(st.booleans()):
            metadata["variant"] = draw(identifiers)
    else:  # prompty
        doc.variables = draw(variables())
        doc.tags = draw(st.lists(identifiers, unique=True, max_size=3))
    doc.metadata = metadata
    return doc


def _round_trip(doc: PromptDocument, fmt: FormatName, filename: str) -> None:
    encoded = dump([doc], fmt)
    assert encoded.unmapped == []  # the strategy only builds what the format can hold
    (back,) = parse(encoded.content, filename, fmt)
    assert msgspec.to_builtins(back) == msgspec.to_builtins(doc)
    assert dump([back], fmt).content == encoded.content


@EXAMPLES
@given(documents("dotprompt"))
def test_dotprompt_round_trip(doc):
    _round_trip(doc, "dotprompt", f"{doc.name}.prompt")


@EXAMPLES
@given(documents("prompty"))
def test_prompty_round_trip(doc):
    _round_trip(doc, "prompty", f"{doc.name}.prompty")


@EXAMPLES
@given(st.lists(documents("langfuse"), min_size=1, max_size=3))
def test_langfuse_round_trip(docs):
    encoded = dump(docs, "langfuse")
    assert encoded.unmapped == []
    assert msgspec.to_builtins(parse(encoded.content, "export.json", "langfuse")) == msgspec.to_builtins(docs)


@EXAMPLES
@given(st.lists(documents("openai"), min_size=1, max_size=3))
def test_openai_round_trip(docs):
    encoded = dump(docs, "openai")
    assert encoded.unmapped == []
    assert msgspec.to_builtins(parse(encoded.content, "saved.json", "openai")) == msgspec.to_builtins(docs)


@EXAMPLES
@given(documents("markdown"))
def test_markdown_round_trip(doc):
    _round_trip(doc, "markdown", f"{doc.name}.md")


@EXAMPLES
@given(documents("dotprompt"), st.sampled_from(["prompty", "langfuse", "openai", "markdown"]))
def test_a_lossy_conversion_is_reported(doc, fmt):
    """Whatever does not come back through another format is named in the dump's unmapped list."""
    encoded = dump([doc], fmt)
    (back,) = parse(encoded.content, f"{doc.name}.x", fmt)
    original, returned = msgspec.to_builtins(doc), msgspec.to_builtins(back)
    lost = [
        key
        for key in ("variables", "labels", "tags", "version", "description", "metadata")
        if original[key] and original[key] != returned[key]
    ]
    for key in lost:
        assert any(key.split("_")[0] in entry.lower() for entry in encoded.unmapped), (key, encoded.unmapped)
