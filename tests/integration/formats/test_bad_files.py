"""Bad files are a 4xx problem+json that names the problem, never a 500, and change nothing."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from tests.integration.formats.conftest import FIXTURES, Api
from tests.integration.helpers import create_api_key, create_workspace, register

BILLION_LAUGHS = (
    "---\n"
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
    "config: {stop: *e}\n"
    "---\nHello\n"
)


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


CASES: list[tuple[str, bytes, str, dict[str, str], str, str]] = [
    # (case, body, content type, params, field, words in the message)
    ("yaml", b"---\nname: [unclosed\n---\nHi\n", "text/x-dotprompt", {"filename": "a.prompt"}, "document", "YAML"),
    (
        "front matter list",
        b"---\n- a\n- b\n---\nHi\n",
        "text/x-prompty",
        {"filename": "a.prompty"},
        "document",
        "mapping",
    ),
    ("alias bomb", BILLION_LAUGHS.encode(), "text/x-dotprompt", {"filename": "a.prompt"}, "document", "aliases"),
    ("json", b"[{]", "application/json", {"format": "langfuse"}, "document", "not valid JSON"),
    ("langfuse without name", b'[{"prompt": "x"}]', "application/json", {"format": "langfuse"}, "document", "name"),
    ("openai without id", b'{"instructions": "x"}', "application/json", {"format": "openai"}, "document", "'id'"),
    ("not utf-8", b"\xff\xfe\x00bad", "text/markdown", {"filename": "a.md"}, "document", "UTF-8"),
    ("not a zip", b"PK nope", "application/zip", {}, "document", "zip"),
    ("deep json", b"[" * 100_000 + b"]" * 100_000, "application/json", {}, "document", "nested too deeply"),
    (
        "deep native json",
        b'{"format": "promptsmith.export/v1", "prompts": [{"name": "a", "kind": "text", "versions": [{"version": 1, '
        b'"modelConfig": {"tools": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}]}]}",
        "application/json",
        {},
        "document",
        "nested too deeply",
    ),
    ("unknown type", b"hello", "text/plain", {}, "format", "format"),
    (
        "json body read as markdown",
        b'{"format": "promptsmith.export/v1", "prompts": []}',
        "application/json",
        {"format": "markdown", "filename": "a.md"},
        "format",
        "not a JSON format",
    ),
    (
        "temperature",
        b"---\nconfig: {temperature: 7}\n---\nHi\n",
        "text/x-dotprompt",
        {"filename": "a.prompt"},
        "prompts[0].versions[0].modelConfig.temperature",
        "<= 2",
    ),
    (
        "label",
        b'[{"name": "p", "prompt": "x", "labels": ["Not A Label"]}]',
        "application/json",
        {},
        "prompts[0].labels",
        "'Not A Label' is not a label name",
    ),
    (
        "mixed kinds",
        b'[{"name": "p", "prompt": "x", "version": 1}, {"name": "p", "type": "chat", "prompt": [], "version": 2}]',
        "application/json",
        {},
        "prompts[0].kind",
        "both a text and a chat prompt",
    ),
    (
        "duplicate version",
        b'[{"name": "p", "prompt": "x", "version": 1}, {"name": "p", "prompt": "y", "version": 1}]',
        "application/json",
        {},
        "prompts[0].versions",
        "appears twice",
    ),
    ("unnamable", b'[{"name": "///", "prompt": "x"}]', "application/json", {}, "name", "cannot be made a prompt name"),
    (
        "empty chat",
        b'[{"name": "p", "type": "chat", "prompt": []}]',
        "application/json",
        {},
        "prompts[0].versions[0].messages",
        "at least one",
    ),
    (
        "bad variable default",
        b"---\ninput:\n  schema: {n: integer}\n  default: {n: many}\n---\n{{n}}\n",
        "text/x-dotprompt",
        {"filename": "a.prompt"},
        "prompts[0].versions[0].variables[0].default",
        "integer",
    ),
    (
        "empty body",
        b"",
        "application/json",
        {"format": "json"},
        "body",
        "no file",
    ),
    (
        "json that is no prompt format, named without .json",
        b"[null, null]",
        "application/json",
        {"format": "json", "filename": "000"},
        "document",
        "needs a 'name'",  # read as a JSON prompt format (Langfuse), not as Markdown named after the file
    ),
]


@pytest.mark.parametrize(("case", "body", "content_type", "params", "field", "words"), CASES, ids=[c[0] for c in CASES])
async def test_a_bad_file_is_a_400_naming_the_problem_and_imports_nothing(
    empty: Api, case: str, body: bytes, content_type: str, params: dict[str, str], field: str, words: str
) -> None:
    r = await empty.post(
        empty.url(suffix="/_import"), content=body, headers={"Content-Type": content_type}, params=params
    )
    assert r.status_code == 400, (case, r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/problem+json")
    problem: dict[str, Any] = r.json()
    assert "nothing was imported" in problem["detail"]
    fields = [e["field"] for e in problem["errors"]]
    assert any(f == field or f.startswith(field + ".") for f in fields), (case, problem)
    assert words in r.text, (case, problem)
    assert (await empty.get(empty.url())).json()["items"] == []


async def test_an_archive_that_expands_past_the_limit_is_refused(empty: Api) -> None:
    body = _zip({f"p{i}.md": "x" * (6 * 1024 * 1024) for i in range(9)})  # 54 MB of highly compressible text
    assert len(body) < 1024 * 1024
    r = await empty.post(empty.url(suffix="/_import"), content=body, headers={"Content-Type": "application/zip"})
    assert r.status_code == 400
    assert "50 MB" in r.json()["errors"][0]["message"]


async def test_one_bad_file_in_an_archive_stops_the_whole_import(empty: Api) -> None:
    body = _zip({"good.prompt": "Hello {{name}}\n", "bad.prompty": "---\nmodel: [\n---\nHi\n"})
    r = await empty.post(empty.url(suffix="/_import"), content=body, headers={"Content-Type": "application/zip"})
    assert r.status_code == 400
    assert (await empty.get(empty.url())).json()["items"] == []


async def test_a_body_over_the_size_limit_is_a_413(empty: Api) -> None:
    body = b"---\nname: big\n---\n" + b"x" * (21 * 1024 * 1024)
    r = await empty.post(
        empty.url(suffix="/_import"),
        content=body,
        headers={"Content-Type": "text/x-dotprompt"},
        params={"filename": "a.prompt"},
    )
    assert r.status_code == 413
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_a_version_text_over_the_save_limit_is_refused(empty: Api) -> None:
    body = b"x" * 200_001
    r = await empty.post(
        empty.url(suffix="/_import"),
        content=body,
        headers={"Content-Type": "text/markdown"},
        params={"filename": "a.md"},
    )
    assert r.status_code == 400
    assert r.json()["errors"][0]["field"] == "prompts[0].versions[0].text"


async def test_an_unknown_format_parameter_is_a_400(empty: Api) -> None:
    body = (FIXTURES / "greeting.prompt").read_bytes()
    r = await empty.post(
        empty.url(suffix="/_import"), content=body, headers={"Content-Type": "text/plain"}, params={"format": "yaml"}
    )
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_a_protected_label_in_a_file_is_refused_without_admin_rights_even_in_a_dry_run(client: Any) -> None:
    account = await register(client)
    ws = await create_workspace(client, account["csrf"])
    writer = Api(
        client=client, slug=ws["slug"], key=await create_api_key(client, account["csrf"], ws["slug"], ["read", "write"])
    )
    body = b'[{"name": "p", "prompt": "x {{a}}", "labels": ["production"]}]'
    for dry_run in ("true", "false"):
        r = await writer.post(
            writer.url(suffix="/_import"),
            content=body,
            headers={"Content-Type": "application/json"},
            params={"dryRun": dry_run},
        )
        assert r.status_code == 403, r.text
        assert "protected label" in r.text
    assert (await writer.get(writer.url())).json()["items"] == []


async def test_an_import_with_too_many_versions_is_refused_before_any_work(empty: Api) -> None:
    items = [{"name": f"p{i % 50}", "prompt": f"v{i}", "version": i // 50 + 1} for i in range(1001)]
    r = await empty.post(empty.url(suffix="/_import"), json=items)
    assert r.status_code == 400
    assert r.json()["errors"][0] == {
        "field": "prompts",
        "source": "body",
        "message": "1001 versions: one import holds at most 1000; split it",
    }
    assert (await empty.get(empty.url())).json()["items"] == []
