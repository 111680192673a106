"""CPU time of `classify()` on typical briefs, a 1.5 KB brief and a 20 KB prompt (process time, median of batches).

    uv run python -m bench.classifier.latency

Process time, not wall time: on a shared, loaded machine wall time mostly measures the other processes.
"""

# ruff: noqa: T201  (a reporting command line)

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from app.engine.classify import classify

HELDOUT = Path(__file__).with_name("heldout.jsonl")


def cpu_ms(text: str, repeats: int) -> float:
    """Median CPU milliseconds of one `classify(text)` over 5 batches of `repeats` calls."""
    batches = []
    for _ in range(5):
        start = time.process_time()
        for _ in range(repeats):
            classify(text)
        batches.append((time.process_time() - start) / repeats)
    return statistics.median(batches) * 1000


def main() -> None:
    """Print the three figures."""
    texts = [json.loads(line)["text"] for line in HELDOUT.read_text(encoding="utf-8").splitlines()]
    classify("warm up the model")
    typical = statistics.median(cpu_ms(t, 20) for t in texts[:40])
    joined = " ".join(texts)
    print(f"typical brief ({statistics.median(len(t) for t in texts[:40]):.0f} chars): {typical:.2f} ms CPU")
    print(f"1.5 KB brief: {cpu_ms(joined[:1500], 10):.2f} ms CPU")
    print(f"20 KB prompt: {cpu_ms((joined * 3)[:20_000], 5):.2f} ms CPU")


if __name__ == "__main__":
    main()
