"""Pure parts of the MCP server: string arguments to typed values, argument descriptions, message roles, the
topics a registry event touches, the per-topic fan-out and the tools' input schemas."""

from __future__ import annotations

import uuid

import pytest
from mcp.shared.exceptions import MCPError
from mcp.shared.subscriptions import PromptsListChanged
from mcp_types import INVALID_PARAMS

from app.domain.access.context import Actor
from app.domain.mcp.notifications import PromptListHub, touched_topics
from app.domain.mcp.prompts import ROLE_META_KEY, arguments_of, convert_arguments, describe_variable, prompt_messages
from app.domain.mcp.tools import TOOLS
from app.domain.prompts.events import LabelMoved, LabelRemoved, PromptChanged, VersionCreated
from app.domain.prompts.schemas import ModelConfig, RenderedMessage, RenderResult
from app.engine.types import Variable

CONTRACT = [
    Variable(name="name"),
    Variable(name="count", type="integer"),
    Variable(name="ratio", type="number", required=False),
    Variable(name="strict", type="boolean", required=False),
    Variable(name="items", type="list", required=False),
    Variable(name="tone", type="enum", enum_values=["a", "b"], default="a", description="Tone of voice"),
]


def test_string_arguments_become_typed_values() -> None:
    values = convert_arguments(
        CONTRACT,
        {"name": "x", "count": "3", "ratio": "0.5", "strict": "TRUE", "items": '["a", 2]', "tone": "b", "extra": "1"},
    )
    assert values == {
        "name": "x",
        "count": 3,
        "ratio": 0.5,
        "strict": True,
        "items": ["a", 2],
        "tone": "b",
        "extra": "1",
    }


def test_unconvertible_arguments_are_invalid_params_naming_each_field() -> None:
    with pytest.raises(MCPError) as err:
        convert_arguments(CONTRACT, {"count": "three", "strict": "yes", "items": "[unclosed", "name": "ok"})
    assert err.value.code == INVALID_PARAMS
    fields = sorted(e["field"] for e in err.value.data["errors"])
    assert fields == ["arguments.count", "arguments.items", "arguments.strict"]


def test_a_deeply_nested_list_argument_is_invalid_params_not_an_internal_error() -> None:
    with pytest.raises(MCPError) as err:
        convert_arguments(CONTRACT, {"items": "[" * 200_000 + "]" * 200_000})
    assert err.value.code == INVALID_PARAMS
    assert [e["field"] for e in err.value.data["errors"]] == ["arguments.items"]


def test_arguments_carry_description_type_and_required() -> None:
    args = {a.name: a for a in arguments_of(CONTRACT)}
    assert args["name"].required is True
    assert args["tone"].required is False  # a default makes it optional
    assert describe_variable(CONTRACT[5]) == 'Tone of voice (one of: a, b, default "a")'
    assert "JSON array" in (args["items"].description or "")


def test_system_text_is_a_marked_user_message_and_other_roles_stay() -> None:
    text = RenderResult(
        prompt="p",
        version=1,
        kind="text",
        text="Be brief.",
        messages=None,
        model_config=ModelConfig(),
        ignored_variables=[],
    )
    [only] = prompt_messages(text)
    assert (only.role, only.content.text, only.content.meta) == ("user", "Be brief.", {ROLE_META_KEY: "system"})  # type: ignore[union-attr]
    chat = RenderResult(
        prompt="p",
        version=1,
        kind="chat",
        text=None,
        messages=[
            RenderedMessage(role="system", content="Rules"),
            RenderedMessage(role="user", content="Hi"),
            RenderedMessage(role="assistant", content="Hello"),
        ],
        model_config=ModelConfig(),
        ignored_variables=[],
    )
    roles = [(m.role, m.content.meta) for m in prompt_messages(chat)]  # type: ignore[union-attr]
    assert roles == [("user", {ROLE_META_KEY: "system"}), ("user", None), ("assistant", None)]


def test_topics_of_each_registry_event() -> None:
    ws = uuid.uuid4()
    base = {"workspace_id": ws, "workspace_slug": "w", "prompt": "p", "actor": Actor(type="user", id=None, label="u")}
    assert touched_topics(LabelMoved(**base, label="prod", version_before=1, version_after=2)) == [f"{ws.hex}:prod"]
    assert touched_topics(LabelRemoved(**base, label="beta", version_before=1)) == [f"{ws.hex}:beta"]
    assert touched_topics(VersionCreated(**base, version=2, labels=("latest", "beta"))) == [
        f"{ws.hex}:latest",
        f"{ws.hex}:beta",
    ]
    assert touched_topics(PromptChanged(**base, change="created")) == []
    assert touched_topics(PromptChanged(**base, change="deleted")) == [f"{ws.hex}:*"]


def test_hub_wakes_only_matching_topics_and_forgets_closed_streams() -> None:
    hub = PromptListHub(max_subscriptions=10)
    seen: dict[str, int] = {"a:prod": 0, "a:beta": 0, "b:prod": 0}
    stops = {
        name: hub.bus(name).subscribe(
            lambda e, n=name: seen.__setitem__(n, seen[n] + isinstance(e, PromptsListChanged))
        )
        for name in seen
    }
    hub.signal("a:prod")
    assert seen == {"a:prod": 1, "a:beta": 0, "b:prod": 0}
    hub.signal("a:*")
    assert seen == {"a:prod": 2, "a:beta": 1, "b:prod": 0}
    assert len(hub) == 3
    stops["a:prod"]()
    stops["a:prod"]()  # idempotent
    hub.signal("a:prod")
    assert seen["a:prod"] == 2
    assert len(hub) == 2


@pytest.mark.parametrize("name", sorted(TOOLS))
def test_tool_schemas_have_an_object_root_and_resolve_their_refs(name: str) -> None:
    schema = TOOLS[name].definition().input_schema
    assert schema["type"] == "object"
    refs = {ref.rsplit("/", 1)[1] for ref in _refs(schema)}
    assert refs <= set(schema.get("$defs", {}))
    if name not in {"list_prompts", "lint_prompt", "generate_prompt"}:
        assert "name" in schema["required"]


def _refs(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in _refs(value)]
    return []
