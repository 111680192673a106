"""Run the engine on each corpus brief and check its expectations, for the engine as it is at any time.

Engine parts that land during development are detected, never assumed: typed constraints come from
`GenerationResult.constraints` (or `app.engine.constraints.extract_constraints(brief)`), and the fidelity check
from `app.engine.fidelity.check_fidelity(constraints, prompt)`. Where a part is absent its checks are "n/a",
and the remaining expectations are still checked.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import msgspec

from app.engine import GenerationResult, generate
from bench.eval.checks import (
    contradicting_limits,
    missing_constraints,
    missing_phrases,
    placeholder_examples,
    present_phrases,
)
from bench.eval.corpus import CorpusItem, brief_text

EVAL_TARGETS: tuple[str, ...] = ("claude", "gpt")

ConstraintSource = Callable[[Any, GenerationResult], list[Any]]
FidelityCheck = Callable[[list[Any], str], list[Any]]


class EngineFeatures(msgspec.Struct, frozen=True):
    """What the engine under test provides."""

    constraints: str | None
    """Where typed constraints come from ("GenerationResult.constraints" or "extract_constraints"), or None."""
    fidelity: bool
    """Whether `app.engine.fidelity.check_fidelity` exists."""


def _optional_attr(module_name: str, attr: str) -> Any:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and module_name.startswith(exc.name):
            return None  # the module itself is absent; an import error inside it must surface
        raise
    return getattr(module, attr, None)


def _constraint_source() -> tuple[str | None, ConstraintSource | None]:
    if "constraints" in GenerationResult.__struct_fields__:
        return "GenerationResult.constraints", lambda _brief, result: list(result.constraints)
    extract = _optional_attr("app.engine.constraints", "extract_constraints")
    if callable(extract):
        return "extract_constraints", lambda brief, _result: list(extract(brief))
    return None, None


class Engine:
    """The engine under test, with its optional parts detected once."""

    def __init__(self) -> None:
        self.constraint_origin, self._constraints = _constraint_source()
        check = _optional_attr("app.engine.fidelity", "check_fidelity")
        self._fidelity: FidelityCheck | None = check if callable(check) else None
        self.features = EngineFeatures(constraints=self.constraint_origin, fidelity=self._fidelity is not None)

    def constraints(self, brief: Any, result: GenerationResult) -> list[Any] | None:
        return self._constraints(brief, result) if self._constraints else None

    def fidelity(self, constraints: list[Any] | None, prompt: str) -> list[Any] | None:
        if self._fidelity is None or constraints is None:
            return None
        return self._fidelity(constraints, prompt)


class TargetOutcome(msgspec.Struct, kw_only=True):
    """The checks of one brief rendered for one target. None means "not checkable on this engine"."""

    target: str
    error: str | None = None
    missing_constraints: list[dict[str, Any]] | None = None
    missing_phrases: list[str | list[str]] = msgspec.field(default_factory=list)
    forbidden_present: list[str] = msgspec.field(default_factory=list)
    limit_contradictions: list[str] = msgspec.field(default_factory=list)
    """Numbers with a limit's unit that the brief never states ("200 words" for an 80-word brief)."""
    fidelity_findings: list[str] | None = None
    placeholders: list[str] = msgspec.field(default_factory=list)
    prompt: str = ""

    @property
    def passed(self) -> bool:
        """Every checkable expectation holds (placeholders are reported separately)."""
        return (
            self.error is None
            and not self.missing_constraints
            and not self.missing_phrases
            and not self.forbidden_present
            and not self.limit_contradictions
            and not self.fidelity_findings
        )

    def failures(self) -> list[str]:
        """Short names of what failed, with the first detail."""
        out: list[str] = []
        if self.error:
            out.append(f"engine error: {self.error}")
        if self.missing_constraints:
            out.append(f"constraints missing {len(self.missing_constraints)}: {_short(self.missing_constraints[0])}")
        if self.missing_phrases:
            out.append("must_contain " + ", ".join(_short(p) for p in self.missing_phrases[:3]))
        if self.forbidden_present:
            out.append("must_not_contain " + ", ".join(repr(p) for p in self.forbidden_present[:3]))
        if self.limit_contradictions:
            out.append("limit contradicted by " + ", ".join(repr(p) for p in self.limit_contradictions[:3]))
        if self.fidelity_findings:
            out.append(f"fidelity findings {len(self.fidelity_findings)}: {self.fidelity_findings[0]}")
        return out


class ItemOutcome(msgspec.Struct, kw_only=True):
    """All checks of one corpus item."""

    id: str
    lang: str
    tags: list[str]
    expected_primary: str
    accepted_primaries: list[str]
    expected_also: list[str]
    predicted: list[str]
    targets: list[TargetOutcome]

    @property
    def primary_correct(self) -> bool:
        return bool(self.predicted) and self.predicted[0] in self.accepted_primaries

    @property
    def blend_found(self) -> list[str]:
        return [job for job in self.expected_also if job in self.predicted]


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else msgspec.json.encode(value).decode()
    return text if len(text) <= 90 else text[:87] + "..."


def _as_dict(constraint: Any) -> dict[str, Any]:
    if isinstance(constraint, Mapping):
        return dict(constraint)
    return {name: getattr(constraint, name) for name in getattr(constraint, "__struct_fields__", ())}


def _finding_text(finding: Any) -> str:
    rule = getattr(finding, "rule_id", None) or getattr(finding, "rule", None)
    message = getattr(finding, "message", None) or str(finding)
    return f"{rule}: {message}" if rule else str(message)


def _limit_units(item: CorpusItem) -> set[str]:
    return {str(c["unit"]) for c in item.expect.constraints if c["kind"] == "limit" and "unit" in c}


def _check_target(item: CorpusItem, target: str, engine: Engine) -> TargetOutcome:
    brief = msgspec.structs.replace(item.brief, target=target, also_render=[])
    try:
        result = generate(brief)
        constraints = engine.constraints(brief, result)
        findings = engine.fidelity(constraints, result.prompt)
    except Exception as exc:  # noqa: BLE001 - one failing brief must not stop the evaluation
        return TargetOutcome(target=target, error=f"{type(exc).__name__}: {exc}")
    expect = item.expect
    found = [_as_dict(c) for c in constraints] if constraints is not None else None
    return TargetOutcome(
        target=target,
        missing_constraints=None
        if found is None
        else [dict(m) for m in missing_constraints(expect.constraints, found)],
        missing_phrases=missing_phrases(result.prompt, expect.must_contain),
        forbidden_present=present_phrases(result.prompt, expect.must_not_contain),
        limit_contradictions=contradicting_limits(result.prompt, brief_text(item.brief), _limit_units(item)),
        fidelity_findings=None if findings is None else [_finding_text(f) for f in findings],
        placeholders=placeholder_examples(result.prompt, allowed=brief_text(item.brief)),
        prompt=result.prompt,
    )


def _predicted_archetypes(item: CorpusItem) -> list[str]:
    try:
        result = generate(msgspec.structs.replace(item.brief, target="generic", also_render=[]))
    except Exception:  # noqa: BLE001 - reported through the target outcomes
        return []
    matches = list(getattr(result, "archetypes", []))
    ranked = sorted(matches, key=lambda match: getattr(match, "rank", "primary") != "primary")
    return [match.id for match in ranked]


def evaluate_item(item: CorpusItem, engine: Engine, targets: Sequence[str] = EVAL_TARGETS) -> ItemOutcome:
    """Generate the brief for each target and check every expectation."""
    arche = item.expect.archetypes
    return ItemOutcome(
        id=item.id,
        lang=item.lang,
        tags=item.tags,
        expected_primary=arche.primary,
        accepted_primaries=[arche.primary, *arche.accept],
        expected_also=arche.also,
        predicted=_predicted_archetypes(item),
        targets=[_check_target(item, target, engine) for target in targets],
    )
