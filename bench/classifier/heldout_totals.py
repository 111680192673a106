"""Totals of the shipped `classify()` on each held-out split: accuracy, per language, blend recall, false secondaries.

    uv run --with scikit-learn --with numpy python -m bench.classifier.heldout_totals [--by-class]

Only totals are printed: the splits stay honest while their individual misses are not read. `--by-class` adds
per-class recall over all splits and the most frequent (gold -> predicted) confusions, counted, never listed per item.
"""

# ruff: noqa: T201  (a reporting command line)

from __future__ import annotations

import sys
from collections import Counter

from app.engine.classify import classify
from bench.classifier.train import HELDOUT, HELDOUT_B, HELDOUT_C, HELDOUT_D, Item, by_language, load, score


def lenient_accuracy(items: list[Item], predicted: list[list[str]]) -> float:
    """Primary accuracy where a primary listed in the brief's optional "alt" also counts."""
    hits = sum(p[0] in (i["labels"][0], *i.get("alt", ())) for i, p in zip(items, predicted, strict=True))
    return hits / len(items)


def main() -> None:
    """Print one line per held-out split, then (with --by-class) per-class totals over all splits."""
    gold_counts: Counter[str] = Counter()
    hit_counts: Counter[str] = Counter()
    confusions: Counter[tuple[str, str]] = Counter()
    total_hits = total = 0
    for path in (HELDOUT, HELDOUT_B, HELDOUT_C, HELDOUT_D):
        items = load(path)
        predicted = [[m.id for m in classify(i["text"])] for i in items]
        s = score(items, predicted)
        total_hits += round(s["acc"] * len(items))
        total += len(items)
        print(
            f"{path.name}: n={len(items)} acc {s['acc']:.3f} (with alt {lenient_accuracy(items, predicted):.3f}) "
            f"blend-recall {s['blend_recall']:.2f} false-sec {s['false_secondary']:.2f} "
            f"by language {by_language(items, predicted)}"
        )
        for item, p in zip(items, predicted, strict=True):
            gold_counts[item["labels"][0]] += 1
            if p[0] == item["labels"][0]:
                hit_counts[item["labels"][0]] += 1
            else:
                confusions[item["labels"][0], p[0]] += 1
    print(f"all splits: {total_hits}/{total} = {total_hits / total:.3f}")
    if "--by-class" in sys.argv:
        for label, n in sorted(gold_counts.items(), key=lambda kv: hit_counts[kv[0]] / kv[1]):
            print(f"  {label:<24} {hit_counts[label]}/{n}")
        print("  confusions:", ", ".join(f"{g}->{p} {c}" for (g, p), c in confusions.most_common(15)))


if __name__ == "__main__":
    main()
