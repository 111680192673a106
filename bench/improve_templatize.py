"""`python -m bench.improve_templatize`: lint gain of `improve` and VAR-cleanliness of `templatize`, with timings.

Reads the prompts of the unit-test corpora (tests/unit/engine) so the figures match what the tests check.
Figures only; nothing is asserted here.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

from app.engine import improve, templatize
from app.engine.lint import lint_prompt
from app.engine.types import TARGETS
from tests.unit.engine.improve_prompts import CASES
from tests.unit.engine.test_improve import SLOPPY_SET
from tests.unit.engine.test_templatize import CORPUS

ROUNDS = 20


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")


def _timings(call: Callable[[str], object], prompts: list[str]) -> tuple[float, float]:
    samples: list[float] = []
    for _ in range(ROUNDS):
        for prompt in prompts:
            start = time.perf_counter()
            call(prompt)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95)]


def main() -> None:
    prompts = [c.prompt for c in CASES] + list(SLOPPY_SET)
    _say(f"improve: {len(prompts)} prompts x {len(TARGETS)} targets")
    for target in TARGETS:
        before = [lint_prompt(p, target=target).score for p in prompts]
        after = [improve(p, target=target).lint_after.score for p in prompts]
        worse = sum(a < b for a, b in zip(after, before, strict=True))
        _say(
            f"  {target:8} lint before {statistics.mean(before):5.1f}  after {statistics.mean(after):5.1f}  "
            f"gain {statistics.mean(a - b for a, b in zip(after, before, strict=True)):+5.1f}  lower after: {worse}"
        )
    sloppy_gain = [
        improve(p, target="claude").lint_after.score - lint_prompt(p, target="claude").score for p in SLOPPY_SET
    ]
    _say(f"  sloppy set (claude): mean gain {statistics.mean(sloppy_gain):+.1f}, min {min(sloppy_gain):+d}")
    p50, p95 = _timings(lambda p: improve(p, target="claude"), prompts)
    _say(f"  time per call: p50 {p50:.2f} ms, p95 {p95:.2f} ms")

    clean = 0
    for text in CORPUS:
        result = templatize(text)
        report = lint_prompt(result.text, variables=[p.variable for p in result.variables])
        clean += not any(f.rule_id in ("VAR-01", "VAR-02") for f in report.findings)
    _say(f"templatize: {clean}/{len(CORPUS)} results lint clean of VAR-01/VAR-02")
    p50, p95 = _timings(templatize, list(CORPUS))
    _say(f"  time per call: p50 {p50:.2f} ms, p95 {p95:.2f} ms")


if __name__ == "__main__":
    main()
