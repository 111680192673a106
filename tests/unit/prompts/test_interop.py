"""Registry prompts through other tools' formats and back (pure): export, then read the files as an import
would, gives the same text or messages, variables, model settings and (Langfuse) versions and labels.
Arbitrary bytes never escape as anything but a DocumentError."""

from __future__ import annotations

import contextlib
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.prompts.pure.formats import DocumentError
from app.domain.prompts.pure.interop import export_files, read_file, read_members, registry_name
from app.domain.prompts.schemas import ExportPrompt, ExportVersion, ModelConfig
from app.engine.placeholders import infer_variables
from app.engine.types import ChatMessage, Variable
from tests.unit.engine.formats.test_roundtrip import identifiers, output_schemas, texts, variables

EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
names = st.from_regex(r"[a-z][a-z0-9_-]{0,10}(/[a-z][a-z0-9_-]{0,10})?", fullmatch=True)
configs = st.builds(
    ModelConfig,
    provider=st.none() | identifiers,
    model=st.none() | identifiers,
    temperature=st.none() | st.integers(0, 200).map(lambda n: n / 100),
    max_tokens=st.none() | st.integers(1, 10_000),
    tools=st.none() | st.lists(identifiers, min_size=1, max_size=3),
    response_schema=st.none() | output_schemas,
)


@st.composite
def prompts(draw: Any, fmt: str) -> ExportPrompt:
    kind = "text" if fmt == "openai" else draw(st.sampled_from(["text", "chat"]))
    count = draw(st.integers(1, 3)) if fmt == "langfuse" else 1
    versions = []
    for number in range(1, count + 1):
        if fmt == "dotprompt":
            contract = draw(variables(json_only=draw(st.booleans())))
        elif fmt == "prompty":
            contract = draw(variables())
        else:
            contract = []
        messages = None
        if kind == "chat":
            roles = st.sampled_from(["system", "user", "assistant"])
            message = st.builds(ChatMessage, role=roles, content=texts)
            if fmt == "dotprompt":
                message = message | st.just(ChatMessage(role="placeholder", name="history"))
            elif fmt == "langfuse":
                message = message | st.builds(ChatMessage, role=st.just("placeholder"), name=identifiers)
            messages = draw(st.lists(message, min_size=1, max_size=4))
        config = draw(configs)
        if fmt == "openai":
            config = ModelConfig(model=config.model, tools=config.tools)
        versions.append(
            ExportVersion(
                version=number,
                text=draw(texts) if kind == "text" else None,
                messages=messages,
                variables=contract,
                model_config=config,
                commit_message=draw(st.just("") | identifiers) if fmt == "langfuse" else "",
            )
        )
    labels = {}
    if fmt == "langfuse":
        labels = draw(st.dictionaries(identifiers, st.integers(1, count), max_size=3))
    return ExportPrompt(
        name=draw(names),
        kind=kind,  # type: ignore[arg-type]
        tags=draw(st.lists(identifiers, unique=True, max_size=3)) if fmt in ("prompty", "langfuse") else [],
        labels=labels,
        versions=versions,
    )


def _content(prompt: ExportPrompt) -> list[dict[str, Any]]:
    return [
        {
            "text": v.text,
            "messages": msgspec.to_builtins(v.messages),
            "variables": msgspec.to_builtins(infer_variables(v.text, v.messages, v.variables)),
            "modelConfig": msgspec.to_builtins(v.model_config),
        }
        for v in prompt.versions
    ]


def _round_trip(prompt: ExportPrompt, fmt: str) -> ExportPrompt:
    (file,) = export_files([prompt], fmt, None, None, "bundle")  # type: ignore[arg-type]
    read = read_file(file.content.encode(), fmt, file.filename)
    (back,) = read.document.prompts
    return back


@EXAMPLES
@given(prompts("dotprompt"))
def test_dotprompt_round_trip(prompt: ExportPrompt) -> None:
    back = _round_trip(prompt, "dotprompt")
    assert (back.name, back.kind) == (prompt.name, prompt.kind)
    assert _content(back) == _content(prompt)


@EXAMPLES
@given(prompts("prompty"))
def test_prompty_round_trip(prompt: ExportPrompt) -> None:
    back = _round_trip(prompt, "prompty")
    assert (back.name, back.kind, sorted(back.tags)) == (prompt.name, prompt.kind, sorted(prompt.tags))
    assert _content(back) == _content(prompt)


@EXAMPLES
@given(prompts("langfuse"))
def test_langfuse_round_trip_keeps_every_version_and_label(prompt: ExportPrompt) -> None:
    back = _round_trip(prompt, "langfuse")
    assert (back.name, back.kind, back.labels, sorted(back.tags)) == (
        prompt.name,
        prompt.kind,
        prompt.labels,
        sorted(prompt.tags),
    )
    assert [v.version for v in back.versions] == [v.version for v in prompt.versions]
    assert [v.commit_message for v in back.versions] == [v.commit_message for v in prompt.versions]
    assert _content(back) == _content(prompt)


@EXAMPLES
@given(prompts("openai"))
def test_openai_round_trip(prompt: ExportPrompt) -> None:
    back = _round_trip(prompt, "openai")
    assert back.name == prompt.name
    assert _content(back) == _content(prompt)


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=300) | st.text(max_size=300).map(str.encode),
    st.sampled_from(["json", "markdown", "dotprompt", "prompty", "langfuse", "openai"]),
)
def test_any_bytes_are_read_or_refused_with_a_document_error(raw: bytes, fmt: str) -> None:
    with contextlib.suppress(DocumentError):
        read_file(raw, fmt, "fuzz.file")


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["---\n", "---\nname: x\n", "---\ninput:\n  schema:\n", "---\nmodel:\n  configuration:\n"]),
    st.text(alphabet="abc:-[]{}&*!|>\n 0123'\"", max_size=120),
)
def test_odd_front_matter_is_read_or_refused_with_a_document_error(head: str, tail: str) -> None:
    for fmt in ("dotprompt", "prompty", "markdown"):
        with contextlib.suppress(DocumentError):
            read_file((head + tail + "\n---\nbody {{x}}\n").encode(), fmt, "odd.prompt")


def test_zip_members_named_by_their_paths() -> None:
    read = read_members([("a/b.prompt", b"Hi {{x}}\n"), ("c__d.md", b"Plain\n"), ("skip.txt", b"no")])
    assert sorted(p.name for p in read.document.prompts) == ["a/b", "c/d"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Basic Prompt", "Basic-Prompt"), ("ok/name", "ok/name"), ("a//b", "a/b"), (" -x- ", "x"), ("///", None)],
)
def test_registry_names(name: str, expected: str | None) -> None:
    assert registry_name(name) == expected


def test_inferred_variables_match_the_contract_type() -> None:
    assert infer_variables("{{a}}", None, []) == [Variable(name="a")]
