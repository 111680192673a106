"""Request and response bodies of the generation, lint and token endpoints.

Requests reuse the engine's Structs (camelCase, unknown fields rejected) with bounds on every free-text field
and list, so that no request can make the server burn CPU without limit: a brief's task is at most
`MAX_TASK_CHARS`, a prompt at most `MAX_PROMPT_CHARS` (text, or the chat messages' contents together).
Breaking a bound is a 400 validation problem naming the field.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from app.domain.prompts.schemas import CommitMessage, Description, LabelName, PromptName
from app.engine import Brief, GenerationResult, ImproveResult, PromptSpec, TemplatizeResult
from app.engine.classify import ArchetypeMatch
from app.engine.generate import RenderedPrompt
from app.engine.improve import Change
from app.engine.spec import Example, Length, Tool
from app.engine.types import ChatMessage, LintReport, RuleOverride, Target, TokenCount, Variable
from app.lib.schema import CamelizedBaseStruct, RequestStruct

MAX_TASK_CHARS = 20_000
MAX_PROMPT_CHARS = 200_000
MAX_FEEDBACK_CHARS = 10_000
MAX_FIELD_CHARS = 5_000
MAX_ITEMS = 50
MAX_MESSAGES = 500
MAX_OVERRIDES = 200

Engine = Literal["deterministic", "llm"]
"""`deterministic` (default): the rule-based engine only. `llm`: the deterministic draft refined by the
configured model, falling back to the draft (with a warning) if the model fails."""

ShortText = Annotated[str, msgspec.Meta(max_length=MAX_FIELD_CHARS)]
PromptText = Annotated[str, msgspec.Meta(max_length=MAX_PROMPT_CHARS)]
ChatPrompt = Annotated[list[ChatMessage], msgspec.Meta(min_length=1, max_length=MAX_MESSAGES)]


class BoundedBrief(Brief, kw_only=True):
    """A brief (see the engine's `Brief`) with size limits on every field."""

    task: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TASK_CHARS)]
    role: ShortText | None = None
    audience: ShortText | None = None
    tone: ShortText | None = None
    constraints: Annotated[list[ShortText], msgspec.Meta(max_length=MAX_ITEMS)] = msgspec.field(default_factory=list)
    output_format: ShortText | None = None
    examples: Annotated[list[Example], msgspec.Meta(max_length=20)] = msgspec.field(default_factory=list)
    tools: Annotated[list[Tool], msgspec.Meta(max_length=MAX_ITEMS)] = msgspec.field(default_factory=list)
    variables: Annotated[list[Variable], msgspec.Meta(max_length=MAX_ITEMS)] = msgspec.field(default_factory=list)
    language: Annotated[str, msgspec.Meta(max_length=64)] | None = None
    length: Length | None = None


class GenerateRequest(BoundedBrief, kw_only=True):
    """A brief, plus the engine to use. `alsoRender` lists extra targets to render the same spec for."""

    engine: Engine = "deterministic"


class Refinement(CamelizedBaseStruct, kw_only=True):
    """How the LLM refinement went, when `engine` was `llm` and the model's answer was used."""

    provider: str
    model: str
    cached: bool
    """True when the refined prompt came from the cache (no model call)."""


class EngineResultStruct(msgspec.Struct, rename="camel", forbid_unknown_fields=True, kw_only=True):
    """Base of the HTTP answers built from engine results: the same struct options as the engine's values, so the
    wire shape is what clients have always received, but the fields are the HTTP layer's own (the engine's
    structs may change without changing the API; `tests/unit/generation/test_wire_contract.py` pins the shape)."""


class GenerateResponse(EngineResultStruct, kw_only=True):
    """The generation result, plus the engine that produced the prompt and any warnings."""

    spec: PromptSpec
    target: Target
    prompt: str
    """The prompt rendered for the brief's target."""
    renders: list[RenderedPrompt] = msgspec.field(default_factory=list)
    """Renders for `also_render` targets (primary target excluded, in the requested order)."""
    variables: list[Variable] = msgspec.field(default_factory=list)
    tokens: list[TokenCount] = msgspec.field(default_factory=list)
    lint: LintReport
    archetypes: list[ArchetypeMatch] = msgspec.field(default_factory=list)
    engine: Engine = "deterministic"
    """The engine whose prompt is returned: `deterministic` also when `llm` was asked for but fell back."""
    refinement: Refinement | None = None
    warnings: list[str] = msgspec.field(default_factory=list)

    @classmethod
    def from_result(cls, result: GenerationResult) -> GenerateResponse:
        """The one place an engine result becomes the HTTP answer: new engine fields are mapped here."""
        return cls(
            spec=result.spec,
            target=result.target,
            prompt=result.prompt,
            renders=list(result.renders),
            variables=list(result.variables),
            tokens=list(result.tokens),
            lint=result.lint,
            archetypes=list(result.archetypes),
        )


class ImproveRequest(RequestStruct, kw_only=True):
    """An existing prompt (text, or chat messages whose system message is improved) and what to change."""

    prompt: PromptText | ChatPrompt
    feedback: Annotated[str, msgspec.Meta(max_length=MAX_FEEDBACK_CHARS)] | None = None
    target: Target = "generic"
    engine: Engine = "deterministic"


class ImproveResponse(EngineResultStruct, kw_only=True):
    """The improved prompt, what changed and why, a unified diff, and lint reports before and after."""

    prompt: str | list[ChatMessage]
    target: Target
    spec: PromptSpec
    changes: list[Change]
    diff: str
    archetypes: list[ArchetypeMatch]
    lint_before: LintReport
    lint_after: LintReport
    engine: Engine = "deterministic"
    refinement: Refinement | None = None
    warnings: list[str] = msgspec.field(default_factory=list)

    @classmethod
    def from_result(cls, result: ImproveResult) -> ImproveResponse:
        """The one place an engine improve result becomes the HTTP answer."""
        return cls(
            prompt=result.prompt,
            target=result.target,
            spec=result.spec,
            changes=list(result.changes),
            diff=result.diff,
            archetypes=list(result.archetypes),
            lint_before=result.lint_before,
            lint_after=result.lint_after,
        )


class TemplatizeRequest(RequestStruct, kw_only=True):
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_PROMPT_CHARS)]


TemplatizeResponse = TemplatizeResult


class LintRequest(RequestStruct, kw_only=True):
    """A prompt to lint. `variables`: the declared contract (omit to skip the declared/unused checks)."""

    prompt: PromptText | ChatPrompt
    variables: Annotated[list[Variable], msgspec.Meta(max_length=MAX_ITEMS)] | None = None
    target: Target = "generic"
    overrides: Annotated[list[RuleOverride], msgspec.Meta(max_length=MAX_OVERRIDES)] = msgspec.field(
        default_factory=list
    )
    """Per-request rule changes (switch off, re-grade); applied after the workspace's own overrides."""
    token_budget: Annotated[int, msgspec.Meta(ge=1, le=1_000_000)] | None = None


class LintRulesUpdate(RequestStruct, kw_only=True):
    """The workspace's complete list of rule overrides (replaces the previous list)."""

    overrides: Annotated[list[RuleOverride], msgspec.Meta(max_length=MAX_OVERRIDES)]


class LintRulesOut(CamelizedBaseStruct, kw_only=True):
    overrides: list[RuleOverride]


class TokensRequest(RequestStruct, kw_only=True):
    prompt: PromptText | ChatPrompt
    targets: Annotated[list[Target], msgspec.Meta(min_length=1, max_length=5)] | None = None
    """Defaults to every target."""


class TokensResponse(CamelizedBaseStruct, kw_only=True):
    counts: list[TokenCount]
    """One per target: the count, `exact` or `estimate`, and the tokenizer used."""


class SaveGenerationRequest(RequestStruct, kw_only=True):
    """Generate from `brief` and save the prompt as version 1 of a new prompt or the next version of it."""

    brief: BoundedBrief
    prompt_name: PromptName
    description: Description | None = None
    """Used when the prompt is created; ignored for a new version of an existing prompt."""
    commit_message: CommitMessage | None = None
    """Defaults to `Generated from a brief: <task…>`."""
    labels: Annotated[list[LabelName], msgspec.Meta(max_length=16)] = msgspec.field(default_factory=list)
    """Labels to point at the new version (e.g. `staging`)."""
    engine: Engine = "deterministic"


class SavedVersion(CamelizedBaseStruct, kw_only=True):
    prompt_name: str
    version: int
    created: bool
    """True when the prompt did not exist and was created with this version."""
    source: str
    labels: list[str]


class SaveGenerationResponse(CamelizedBaseStruct, kw_only=True):
    saved: SavedVersion
    generation: GenerateResponse


__all__ = [
    "MAX_PROMPT_CHARS",
    "MAX_TASK_CHARS",
    "BoundedBrief",
    "ChatMessage",
    "Engine",
    "GenerateRequest",
    "GenerateResponse",
    "ImproveRequest",
    "ImproveResponse",
    "LintReport",
    "LintRequest",
    "LintRulesOut",
    "LintRulesUpdate",
    "Refinement",
    "SaveGenerationRequest",
    "SaveGenerationResponse",
    "SavedVersion",
    "TemplatizeRequest",
    "TemplatizeResponse",
    "TokensRequest",
    "TokensResponse",
]
