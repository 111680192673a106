"""Totals of the shipped `classify()` on each held-out split: accuracy, per language, blend recall, false secondaries.

    uv run --with scikit-learn --with numpy python -m bench.classifier.heldout_totals

Only totals are printed: the splits stay honest while their individual misses are not read.
"""

# ruff: noqa: T201  (a reporting command line)

from __future__ import annotations

from app.engine.classify import classify
from bench.classifier.train import HELDOUT, HELDOUT_B, HELDOUT_C, by_language, load, score


def main() -> None:
    """Print one line per held-out split."""
    for path in (HELDOUT, HELDOUT_B, HELDOUT_C):
        items = load(path)
        predicted = [[m.id for m in classify(i["text"])] for i in items]
        s = score(items, predicted)
        print(
            f"{path.name}: n={len(items)} acc {s['acc']:.3f} blend-recall {s['blend_recall']:.2f} "
            f"false-sec {s['false_secondary']:.2f} by language {by_language(items, predicted)}"
        )


if __name__ == "__main__":
    main()
