"""Test data factories, in one place: polyfactory factories for the API's request bodies.

Each factory builds a request struct that the schema accepts, with realistic values where the schema alone would
allow nonsense (an email is an address, an expiry lies in the future, a version's text and messages match its
kind). `payload(...)` turns one into the JSON a client sends. Seed a factory (`Factory.seed_random(n)`) when a test
must be reproducible.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
from polyfactory import Use
from polyfactory.factories.msgspec_factory import MsgspecFactory

from app.domain.accounts.schemas import RegisterRequest
from app.domain.apikeys.schemas import ApiKeyCreate
from app.domain.prompts.schemas import ModelConfig, PromptCreate, VersionCreate
from app.domain.workspaces.schemas import WorkspaceCreate
from app.engine.types import ChatMessage


def payload(struct: msgspec.Struct) -> dict[str, Any]:
    """The JSON body a client would send for `struct` (camelCase, unset fields left out)."""
    body: dict[str, Any] = msgspec.to_builtins(struct)
    return body


class RegisterRequestFactory(MsgspecFactory[RegisterRequest]):
    __check_model__ = False
    email = Use(
        lambda: (
            f"{RegisterRequestFactory.__faker__.user_name()}-{RegisterRequestFactory.__faker__.uuid4()[:8]}@example.com"
        )
    )
    password = Use(lambda: RegisterRequestFactory.__faker__.password(length=16))
    display_name = Use(lambda: RegisterRequestFactory.__faker__.name())


class WorkspaceCreateFactory(MsgspecFactory[WorkspaceCreate]):
    __check_model__ = False
    name = Use(lambda: WorkspaceCreateFactory.__faker__.company())
    slug = None


class ApiKeyCreateFactory(MsgspecFactory[ApiKeyCreate]):
    __check_model__ = False
    name = Use(lambda: f"{ApiKeyCreateFactory.__faker__.word()} key")
    expires_at = Use(lambda: datetime.now(UTC) + timedelta(days=ApiKeyCreateFactory.__random__.randint(1, 365)))


class ModelConfigFactory(MsgspecFactory[ModelConfig]):
    __check_model__ = False
    provider = Use(lambda: ModelConfigFactory.__random__.choice(["anthropic", "openai", "google", None]))
    model = Use(lambda: ModelConfigFactory.__random__.choice(["claude-sonnet-4", "gpt-4.1", "gemini-2.5-pro", None]))
    tools = None
    response_schema = None


class PromptCreateFactory(MsgspecFactory[PromptCreate]):
    """A prompt whose name follows the naming rules (the pattern generates folders, dots and dashes too)."""

    __check_model__ = False
    kind = "text"
    description = Use(lambda: PromptCreateFactory.__faker__.sentence())
    tags = Use(
        lambda: [w.lower() for w in PromptCreateFactory.__faker__.words(PromptCreateFactory.__random__.randint(0, 3))]
    )


def _prompt_text() -> str:
    faker = TextVersionFactory.__faker__
    return f"You are {faker.job().lower()} at {faker.company()}. {faker.paragraph(nb_sentences=4)}"


class TextVersionFactory(MsgspecFactory[VersionCreate]):
    """A version of a text prompt: text only, no declared variables, no parent, no labels."""

    __check_model__ = False
    text = Use(_prompt_text)
    messages = None
    variables = Use(list)
    model_config = Use(ModelConfigFactory.build)
    commit_message = Use(lambda: TextVersionFactory.__faker__.sentence())
    source = "manual"
    parent_version = None
    labels = Use(list)


def _messages() -> list[ChatMessage]:
    faker = ChatVersionFactory.__faker__
    turns = [ChatMessage(role="system", content=_prompt_text())]
    for _ in range(ChatVersionFactory.__random__.randint(0, 2)):
        turns += [
            ChatMessage(role="user", content=faker.sentence()),
            ChatMessage(role="assistant", content=faker.sentence()),
        ]
    return turns


class ChatVersionFactory(MsgspecFactory[VersionCreate]):
    """A version of a chat prompt: a system message, then zero to two example exchanges."""

    __check_model__ = False
    text = None
    messages = Use(_messages)
    variables = Use(list)
    model_config = Use(ModelConfigFactory.build)
    commit_message = Use(lambda: ChatVersionFactory.__faker__.sentence())
    source = "manual"
    parent_version = None
    labels = Use(list)
