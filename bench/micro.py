"""In-process microbenchmarks of the generation engine: generate, lint, render, token count (p50 / p95).

`python -m bench.micro [--quick]` prints a table; `bench.run` includes the same numbers in its report.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

from bench.scenarios import BRIEF, LINT_BRIEFS, lint_prompt_20kb


def _percentile(sorted_values: list[float], pct: float) -> float:
    if not sorted_values:
        return 0.0
    k = (len(sorted_values) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def measure(fn: Callable[[], Any], *, iterations: int, warmup: int = 3, budget: float | None = None) -> dict[str, Any]:
    """Time `fn` `iterations` times (or until `budget` seconds are spent), after `warmup` untimed calls."""
    for _ in range(warmup):
        fn()
    samples: list[float] = []
    started = time.perf_counter()
    for _ in range(iterations):
        t0 = time.perf_counter_ns()
        fn()
        samples.append((time.perf_counter_ns() - t0) / 1e6)
        if budget is not None and time.perf_counter() - started > budget and len(samples) >= 20:
            break
    samples.sort()
    return {
        "n": len(samples),
        "p50_ms": round(_percentile(samples, 50), 4),
        "p95_ms": round(_percentile(samples, 95), 4),
        "mean_ms": round(statistics.fmean(samples), 4),
    }


@contextlib.contextmanager
def pinned(cpu: str | None) -> Iterator[None]:
    """Run on one CPU (the server core) while measuring, then restore the previous affinity."""
    if not cpu:
        yield
        return
    before = os.sched_getaffinity(0)
    try:
        os.sched_setaffinity(0, {int(c) for c in cpu.split(",")})
        yield
    finally:
        os.sched_setaffinity(0, before)


SHORT_PROMPTS = (
    "You are a helpful assistant. Answer questions about our bike shop in under 80 words.",
    "You are Acme's support agent. Be concise. If unsure, say you don't know and offer to email support@acme.com.",
    "Summarise the meeting notes into five bullet points with owners and dates.",
)


def run_micro(quick: bool = False, cpu: str | None = None) -> dict[str, Any]:
    """Every microbenchmark; {"error": ...} when the engine is not importable."""
    try:
        from app.engine import Brief, generate, render
        from app.engine.generate import build_spec
        from app.engine.lint import lint_prompt
        from app.engine.tokens import count_tokens, get_counter
        from app.engine.types import Target
    except ImportError as exc:
        return {"error": f"engine not available ({exc})"}

    iterations = 40 if quick else 400
    budget = 1.0 if quick else 10.0
    brief = Brief(**{k: v for k, v in BRIEF.items() if k != "target"}, target=BRIEF["target"])  # type: ignore[arg-type]
    briefs = [Brief(task=t) for t in LINT_BRIEFS]
    prompt_20k = lint_prompt_20kb()
    spec, _ = build_spec(brief)
    get_counter()  # load the tokenizer outside the timings
    results: dict[str, Any] = {}
    with pinned(cpu):
        results["generate"] = measure(lambda: generate(brief), iterations=iterations, budget=budget)
        counter = iter(range(10**9))
        results["generate (8 briefs, round robin)"] = measure(
            lambda: generate(briefs[next(counter) % len(briefs)]), iterations=iterations, budget=budget
        )
        results["lint 20 KB"] = measure(lambda: lint_prompt(prompt_20k), iterations=iterations, budget=budget)
        # Short prompts (under the word index's SHORT_TEXT): every phrase list is scanned, so its prefilter counts.
        short = iter(range(10**9))
        results["lint short prompt (3, round robin)"] = measure(
            lambda: lint_prompt(SHORT_PROMPTS[next(short) % len(SHORT_PROMPTS)]), iterations=iterations, budget=budget
        )
        # A text never seen before: the token count of the whole text is not cached (its words are).
        fresh = iter(range(10**9))
        results["lint 20 KB, new text each call"] = measure(
            lambda: lint_prompt(f"{prompt_20k}\nVersion {next(fresh)}."), iterations=iterations, budget=budget
        )
        targets: tuple[Target, ...] = ("generic", "claude", "gpt", "gemini", "small")
        for target in targets:
            results[f"render {target}"] = measure(
                functools.partial(render, spec, target), iterations=iterations, budget=budget / 4
            )
        results["tokens 20 KB gpt (exact, new text each call)"] = measure(
            lambda: count_tokens(f"{prompt_20k}\nVersion {next(fresh)}.", "gpt"), iterations=iterations, budget=budget
        )
        results["tokens 20 KB gpt (exact, same text: cached)"] = measure(
            lambda: count_tokens(prompt_20k, "gpt"), iterations=iterations, budget=budget
        )
        results["tokens 20 KB claude (estimate)"] = measure(
            lambda: count_tokens(prompt_20k, "claude"), iterations=iterations, budget=budget
        )
    results["_input"] = {"lint_prompt_chars": len(prompt_20k)}
    return results


def format_table(results: dict[str, Any]) -> str:
    if "error" in results:
        return f"engine microbenchmarks: {results['error']}"
    lines = ["| engine call | n | p50 ms | p95 ms |", "|---|---:|---:|---:|"]
    for name, r in results.items():
        if name.startswith("_"):
            continue
        lines.append(f"| {name} | {r['n']} | {r['p50_ms']:.3f} | {r['p95_ms']:.3f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    print(format_table(run_micro(quick=args.quick)))  # noqa: T201


if __name__ == "__main__":
    main()
