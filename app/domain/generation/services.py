"""Generation, improvement, templating, lint and token counting, plus the optional LLM refinement.

The engine calls are pure and take milliseconds: they run inline. The LLM refinement
(`engine="llm"`) works like this:

1. The deterministic engine produces the draft (and everything else of the result).
2. The cache (`AppCache`) is asked for a refinement under a key hashed from the kind of call, the input (the
   brief, or the prompt + feedback + target), the draft, the meta-prompt version, the provider, base URL and
   model. A hit skips the model call.
3. Otherwise the draft and the meta-prompt go to the model (see `llm.client` for timeouts and retries).
4. The answer must hold the prompt in `<prompt>…</prompt>`, keep every variable of the draft, add none, not
   be cut at the token limit, and lint with no error. Only then is it cached and returned, with its spec
   parsed back from the text, its own lint report and token counts.
5. Any failure returns the deterministic result unchanged, with `engine: "deterministic"` and a warning
   saying why. `engine="llm"` on a server without a provider is a 400 (`LLMNotConfiguredError`): asking for a
   feature the server does not have is a client error worth surfacing, not something to paper over.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Sequence
from typing import Any, Literal

import msgspec
import structlog

from app.config.settings import Settings
from app.domain.generation.llm import LLMError, LLMRuntime
from app.domain.generation.llm.refine import (
    META_PROMPT_VERSION,
    GarbledAnswerError,
    added_placeholders,
    build_generation_messages,
    build_improve_messages,
    describe_brief,
    missing_placeholders,
    parse_answer,
)
from app.domain.generation.schemas import (
    MAX_PROMPT_CHARS,
    BoundedBrief,
    GenerateResponse,
    ImproveRequest,
    ImproveResponse,
    LintRequest,
    Refinement,
    TokensRequest,
    TokensResponse,
)
from app.engine import Brief, generate, improve, render, templatize
from app.engine.fidelity import check_fidelity
from app.engine.generate import GenerationResult, RenderedPrompt, brief_fidelity
from app.engine.lint import RULES, RuleInfo, lint_prompt, list_rules
from app.engine.parse import parse_prompt
from app.engine.spec import PromptSpec
from app.engine.templatize import TemplatizeResult
from app.engine.tokens import count_all
from app.engine.types import TARGETS, ChatMessage, Finding, LintConfig, LintReport, RuleOverride, Target, Variable
from app.lib.cache import AppCache
from app.lib.errors import BadRequestError, ValidationFailedError
from app.lib.invalidation import LocalCache
from app.lib.metrics import GENERATE_DURATION, LINT_DURATION

logger = structlog.get_logger("promptsmith.generation")

CACHE_PREFIX = "gen:llm:"


class GenerationMemo:
    """Recent engine results of one app, by brief.

    The engine is deterministic: the same brief always gives the same result, so recent results are memoised.
    Applications that generate from a fixed brief at start-up (and the benchmark) hit this; a new brief costs one
    engine run (about 1-3 ms). Results are treated as immutable by every caller. One per app (built by
    `ApplicationCore` with the other services), never at module level.
    """

    def __init__(self, *, ttl: float = 3600, maxsize: int = 512) -> None:
        self._results: LocalCache[GenerationResult] = LocalCache("generate_memo", ttl=ttl, maxsize=maxsize)

    def generate(self, brief: Brief) -> GenerationResult:
        """`app.engine.generate`, memoised by the canonical JSON of the brief."""
        key = hashlib.sha256(msgspec.json.encode(brief)).hexdigest()
        result = self._results.get(key)
        if result is None:
            result = generate(brief)
            self._results.set(key, result)
        return result


FALLBACK = "LLM refinement failed ({why}); the deterministic prompt is returned."


class LLMNotConfiguredError(BadRequestError):
    slug, title = "llm-not-configured", "LLM refinement is not configured"


class CachedRefinement(msgspec.Struct, frozen=True):
    prompt: str
    provider: str
    model: str


# --- validation -----------------------------------------------------------------------------------


def check_prompt_size(prompt: str | Sequence[ChatMessage], field: str = "prompt") -> None:
    """Chat prompts: the messages' contents together are bounded like a text prompt."""
    if isinstance(prompt, str):
        return
    total = sum(len(m.content) for m in prompt)
    if total > MAX_PROMPT_CHARS:
        raise ValidationFailedError(
            f"The request is invalid: {field}: the messages hold {total} characters; at most "
            f"{MAX_PROMPT_CHARS} are allowed.",
            extra={
                "errors": [
                    {
                        "field": field,
                        "source": "body",
                        "message": f"messages hold {total} characters, at most {MAX_PROMPT_CHARS} allowed",
                    }
                ]
            },
        )


def check_overrides(overrides: Sequence[RuleOverride], field: str = "overrides") -> None:
    """Unknown rule ids are rejected (a typo would otherwise silently change nothing)."""
    errors = [
        {"field": f"{field}[{i}].ruleId", "source": "body", "message": f"unknown rule id {o.rule_id!r}"}
        for i, o in enumerate(overrides)
        if o.rule_id not in RULES
    ]
    if errors:
        raise ValidationFailedError(
            "The request is invalid: "
            + "; ".join(f"{e['field']}: {e['message']}" for e in errors)
            + " (GET /api/v1/lint/rules lists the rules).",
            extra={"errors": errors},
        )


def merge_overrides(*layers: Sequence[RuleOverride]) -> list[RuleOverride]:
    """Later layers win per rule id (workspace first, then request)."""
    merged: dict[str, RuleOverride] = {}
    for layer in layers:
        for override in layer:
            merged[override.rule_id] = override
    return list(merged.values())


def override_to_json(override: RuleOverride) -> dict[str, Any]:
    """The stored (and wire) form of an override: `{"ruleId", "enabled", "severity"}`."""
    data: dict[str, Any] = msgspec.to_builtins(override)
    return data


def stored_overrides(raw: Sequence[Any] | None) -> list[RuleOverride]:
    """A workspace's `lint_overrides` column as RuleOverrides (camelCase or snake_case keys); bad entries skipped."""
    result: list[RuleOverride] = []
    for item in raw or ():
        if isinstance(item, dict) and "rule_id" in item and "ruleId" not in item:
            item = {("ruleId" if k == "rule_id" else k): v for k, v in item.items()}
        try:
            result.append(msgspec.convert(item, RuleOverride))
        except msgspec.ValidationError:
            logger.warning("invalid_stored_lint_override", entry_type=type(item).__name__)
    return result


# --- stateless engine endpoints -------------------------------------------------------------------


def lint(request: LintRequest, workspace_overrides: Sequence[RuleOverride] = ()) -> LintReport:
    with LINT_DURATION.time():
        return _lint(request, workspace_overrides)


def _lint(request: LintRequest, workspace_overrides: Sequence[RuleOverride]) -> LintReport:
    check_prompt_size(request.prompt)
    check_overrides(request.overrides)
    config = LintConfig(
        overrides=merge_overrides(workspace_overrides, request.overrides), token_budget=request.token_budget
    )
    fidelity: list[Finding] = []
    if request.brief is not None:
        text = request.prompt if isinstance(request.prompt, str) else "\n\n".join(m.content for m in request.prompt)
        fidelity = brief_fidelity(to_brief(request.brief), text)
    return lint_prompt(
        request.prompt, variables=request.variables, target=request.target, config=config, extra_findings=fidelity
    )


def rules() -> list[RuleInfo]:
    return list_rules()


def count_tokens(request: TokensRequest) -> TokensResponse:
    check_prompt_size(request.prompt)
    targets: Sequence[Target] = tuple(dict.fromkeys(request.targets)) if request.targets else TARGETS
    return TokensResponse(counts=count_all(request.prompt, targets))


def templatize_text(text: str) -> TemplatizeResult:
    return templatize(text)


# --- generation and improvement -------------------------------------------------------------------


def to_brief(brief: BoundedBrief) -> Brief:
    """The engine's own Brief (drops the HTTP-only fields such as `engine`)."""
    data = {f: getattr(brief, f) for f in Brief.__struct_fields__}
    return Brief(**data)


def _unified_diff(before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), "original", "improved")
    )


def _cache_key(kind: str, provider: str, base_url: str, model: str, material: Any, draft: str) -> str:
    payload = msgspec.json.encode(
        {
            "v": META_PROMPT_VERSION,
            "kind": kind,
            "provider": provider,
            "base": base_url,
            "model": model,
            "input": material,
            "draft": draft,
        }
    )
    return CACHE_PREFIX + hashlib.sha256(payload).hexdigest()


class _Refined(msgspec.Struct, frozen=True):
    prompt: str
    report: LintReport
    refinement: Refinement


class GenerationService:
    """The engine behind the HTTP endpoints, with the optional LLM refinement and its cache."""

    def __init__(self, *, settings: Settings, cache: AppCache, llm: LLMRuntime | None, memo: GenerationMemo) -> None:
        self.settings = settings
        self.cache = cache
        self.llm = llm
        self.memo = memo

    def _require_llm(self) -> None:
        if self.llm is None or self.llm.provider() is None:
            raise LLMNotConfiguredError(
                'engine "llm" needs a model provider, and this server has none configured (LLM_PROVIDER=none). '
                'Omit `engine` or use "deterministic".'
            )

    async def generate(
        self,
        brief: BoundedBrief,
        engine: Literal["deterministic", "llm"] = "deterministic",
        lint_config: LintConfig | None = None,
        field_prefix: str = "",
    ) -> GenerateResponse:
        """The prompt of `brief` (timed by engine in `promptsmith_generate_duration_seconds`)."""
        with GENERATE_DURATION.labels(engine).time():
            return await self._generate(brief, engine, lint_config, field_prefix)

    async def _generate(
        self,
        brief: BoundedBrief,
        engine: Literal["deterministic", "llm"],
        lint_config: LintConfig | None,
        field_prefix: str,
    ) -> GenerateResponse:
        if not brief.task.strip():
            field = f"{field_prefix}task"
            raise ValidationFailedError(
                f"The request is invalid: {field}: must not be blank",
                extra={"errors": [{"field": field, "source": "body", "message": "must not be blank"}]},
            )
        if engine == "llm":
            self._require_llm()
        plain = to_brief(brief)
        result = self.memo.generate(plain)
        if lint_config is not None and lint_config.overrides:
            result = msgspec.structs.replace(
                result,
                lint=lint_prompt(
                    result.prompt,
                    variables=result.spec.variables,
                    target=plain.target,
                    config=lint_config,
                    extra_findings=check_fidelity(result.constraints, result.prompt),
                ),
            )
        response = GenerateResponse.from_result(result)
        if engine != "llm":
            return response
        system, user = build_generation_messages(
            brief_text=describe_brief(plain),
            draft=result.prompt,
            target=plain.target,
            variables=result.spec.variables,
        )
        refined, warning = await self._refine(
            kind="generate",
            material=msgspec.to_builtins(plain),
            draft=result.prompt,
            system=system,
            user=user,
            variables=result.spec.variables,
            target=plain.target,
            lint_config=lint_config,
        )
        if refined is not None and (dropped := check_fidelity(result.constraints, refined.prompt)):
            # The brief wins over the model too: a refinement that loses or contradicts a constraint is not used.
            refined, warning = (
                None,
                (
                    f"The model's prompt was not used: it dropped or contradicted {len(dropped)} constraint(s) of the "
                    "brief; the deterministic prompt is returned."
                ),
            )
        if refined is None:
            # Why the model's prompt was not used comes first; the engine's own notes (e.g. no examples) follow.
            response.warnings.insert(0, warning)
            return response
        spec = self._spec_from(refined.prompt, result.spec.variables, result.spec)
        renders = [RenderedPrompt(target=r.target, prompt=render(spec, r.target)) for r in result.renders]
        return msgspec.structs.replace(
            response,
            spec=spec,
            prompt=refined.prompt,
            renders=renders,
            tokens=count_all(refined.prompt),
            lint=refined.report,
            engine="llm",
            refinement=refined.refinement,
        )

    async def improve(self, request: ImproveRequest) -> ImproveResponse:
        check_prompt_size(request.prompt)
        if request.engine == "llm":
            self._require_llm()
        prompt: str | list[ChatMessage] = request.prompt if isinstance(request.prompt, str) else list(request.prompt)
        result = improve(prompt, feedback=request.feedback, target=request.target)
        response = ImproveResponse.from_result(result)
        if request.engine != "llm":
            return response
        original, draft = _system_texts(prompt, result.prompt)
        system, user = build_improve_messages(
            original=original,
            feedback=request.feedback,
            draft=draft,
            target=request.target,
            variables=result.spec.variables,
        )
        refined, warning = await self._refine(
            kind="improve",
            material={
                "prompt": msgspec.to_builtins(request.prompt),
                "feedback": request.feedback,
                "target": request.target,
            },
            draft=draft,
            system=system,
            user=user,
            variables=result.spec.variables,
            target=request.target,
            lint_config=None,
        )
        if refined is None:
            response.warnings.append(warning)
            return response
        new_prompt: str | list[ChatMessage]
        if isinstance(result.prompt, str):
            new_prompt = refined.prompt
        else:
            new_prompt = [
                ChatMessage(role="system", content=refined.prompt) if m.role == "system" and m.content == draft else m
                for m in result.prompt
            ]
        return msgspec.structs.replace(
            response,
            prompt=new_prompt,
            spec=self._spec_from(refined.prompt, result.spec.variables, result.spec),
            diff=_unified_diff(original, refined.prompt),
            lint_after=refined.report,
            engine="llm",
            refinement=refined.refinement,
        )

    @staticmethod
    def _spec_from(text: str, variables: Sequence[Variable], draft: PromptSpec) -> PromptSpec:
        """The refined text parsed back into a spec, with the draft's variable contracts and target."""
        parsed = parse_prompt(text)
        contracts = {v.name: v for v in variables}
        return msgspec.structs.replace(
            parsed,
            variables=[contracts.get(v.name, v) for v in parsed.variables],
            target=draft.target,
            language=draft.language,
        )

    async def _refine(
        self,
        *,
        kind: str,
        material: Any,
        draft: str,
        system: str,
        user: str,
        variables: Sequence[Variable],
        target: Target,
        lint_config: LintConfig | None,
    ) -> tuple[_Refined | None, str]:
        """The validated refinement, or (None, warning) when the draft must be used instead."""
        assert self.llm is not None
        provider = self.llm.provider()
        assert provider is not None
        settings = self.settings
        key = _cache_key(kind, provider.name, settings.llm_base_url or "", provider.model, material, draft)
        cached = await self.cache.get(key, CachedRefinement)
        if cached is not None:
            report = lint_prompt(cached.prompt, variables=variables, target=target, config=lint_config)
            if report.errors == 0:
                return _Refined(
                    prompt=cached.prompt,
                    report=report,
                    refinement=Refinement(provider=cached.provider, model=cached.model, cached=True),
                ), ""
        try:
            completion = await provider.complete(system, user)
        except LLMError as exc:
            return None, FALLBACK.format(why=exc.reason)
        except Exception as exc:  # noqa: BLE001 - refinement is optional: any failure means "use the draft"
            logger.error("llm_call_crashed", kind=kind, error_type=type(exc).__name__)
            return None, FALLBACK.format(why="unexpected error while calling the model")
        if completion.truncated:
            return None, self._reject(kind, "the model's answer was cut off at the output token limit")
        try:
            text = parse_answer(completion.text)
        except GarbledAnswerError as exc:
            return None, self._reject(kind, str(exc))
        missing = missing_placeholders(text, variables)
        if missing:
            names = ", ".join("{{" + n + "}}" for n in missing)
            return None, self._reject(kind, f"the model dropped the variable(s) {names}")
        added = added_placeholders(text, variables)
        if added:
            names = ", ".join("{{" + n + "}}" for n in added)
            return None, self._reject(kind, f"the model added undeclared variable(s) {names}")
        report = lint_prompt(text, variables=variables, target=target, config=lint_config)
        if report.errors:
            rule_ids = sorted({f.rule_id for f in report.findings if f.severity == "error"})
            return None, self._reject(kind, "the refined prompt has lint errors: " + ", ".join(rule_ids))
        await self.cache.set(
            key,
            CachedRefinement(prompt=text, provider=completion.provider, model=completion.model),
            ttl=settings.llm_cache_ttl,
        )
        return _Refined(
            prompt=text,
            report=report,
            refinement=Refinement(provider=completion.provider, model=completion.model, cached=False),
        ), ""

    @staticmethod
    def _reject(kind: str, why: str) -> str:
        logger.warning("llm_refinement_rejected", kind=kind, reason=why)
        return FALLBACK.format(why=why)


def _system_texts(original: str | list[ChatMessage], improved: str | list[ChatMessage]) -> tuple[str, str]:
    """(original system text, improved system text) of a text or chat prompt, as the engine's improve sees them."""
    if isinstance(original, str):
        assert isinstance(improved, str)
        return original, improved
    system = next((m.content for m in original if m.role == "system"), "")
    assert not isinstance(improved, str)
    new_system = next((m.content for m in improved if m.role == "system"), "")
    return system, new_system
