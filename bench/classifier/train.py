"""Train, export and measure the archetype classifier (a DEV tool: scikit-learn and numpy are not app dependencies).

    uv run --with scikit-learn --with numpy python -m bench.classifier.train measure   # CV + held-out table
    uv run --with scikit-learn --with numpy python -m bench.classifier.train export    # write the shipped model

`corpus.jsonl` is the training corpus; `heldout.jsonl` is written in another voice and never trained on. Each line
is {"text", "labels": [primary, *secondaries], "lang"}. The wordllama candidate is measured by `wordllama_probe.py`.
"""

# ruff: noqa: T201  (a reporting command line: printing the table is its job)

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

from app.engine.archetypes import FALLBACK_ID, REGISTRY
from app.engine.classifier.features import featurize
from app.engine.classifier.model import MODEL_PATH, PROBABILITY_SCALE, LinearModel
from app.engine.classifier.text import prepare

HERE = Path(__file__).parent
CORPUS = HERE / "corpus.jsonl"
HELDOUT = HERE / "heldout.jsonl"
LABELS = [a.id for a in REGISTRY]
SECONDARY_WEIGHT = 0.5
"""A secondary job is a weaker training target than the primary one: it teaches the model that blends share mass."""
MIN_DOC_FREQ = 2
C_VALUE = 20.0
QUANT_LEVELS = 127
PRUNE_BELOW = 2
"""Quantised weights of magnitude below this are dropped: they change no decision and double the file."""

Item = dict[str, Any]
Predictor = Callable[[str], list[str]]


def load(path: Path) -> list[Item]:
    """Read a JSONL corpus."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# ----------------------------------------------------------------------------------------------- candidates


def keyword_scores(text: str) -> dict[str, int]:
    """Today's weighted-regex score per archetype (each feature counts once)."""
    scores: dict[str, int] = {}
    for archetype in REGISTRY:
        if archetype.id == FALLBACK_ID:
            continue
        score = sum(f.weight for f in archetype.features if f.pattern.search(text))
        if score:
            scores[archetype.id] = score
    return scores


def keyword_predict(text: str, *, masked: bool) -> list[str]:
    """Candidate (a): the pre-existing classifier's decision rule, on raw or on masked text."""
    scores = keyword_scores(prepare(text) if masked else text)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], LABELS.index(kv[0])))
    if not ranked or ranked[0][1] < 4:
        return [FALLBACK_ID]
    primary_score = ranked[0][1]
    out = [ranked[0][0]]
    for label, score in ranked[1:3]:
        if score >= 5 and score * 100 >= primary_score * 55:
            out.append(label)
    return out


def expand(items: Sequence[Item]) -> tuple[list[dict[str, float]], list[str], list[float]]:
    """One training row per (brief, job): the primary at weight 1, each secondary at SECONDARY_WEIGHT."""
    rows, targets, weights = [], [], []
    for item in items:
        features = featurize(prepare(item["text"]))
        for position, label in enumerate(item["labels"]):
            rows.append(features)
            targets.append(label)
            weights.append(1.0 if position == 0 else SECONDARY_WEIGHT)
    return rows, targets, weights


def fit_linear(items: Sequence[Item], *, svm: bool = False, c_value: float = C_VALUE) -> tuple[Any, DictVectorizer]:
    """Fit a multinomial logistic regression (or a linear SVM) on features seen in >= MIN_DOC_FREQ briefs."""
    doc_freq: dict[str, int] = defaultdict(int)
    for item in items:
        for name in featurize(prepare(item["text"])):
            doc_freq[name] += 1
    rows, targets, weights = expand(items)
    rows = [{k: v for k, v in row.items() if doc_freq[k] >= MIN_DOC_FREQ} for row in rows]
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(rows).tocsr()
    # liblinear (LinearSVC) accepts 32-bit sparse indices only.
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    model: Any = LinearSVC(C=c_value / 20) if svm else LogisticRegression(C=c_value, max_iter=3000)
    model.fit(matrix, targets, sample_weight=weights)
    return model, vectorizer


def decide(probs: dict[str, float], keywords: dict[str, int], beta: float, tau: float, rho: float) -> list[str]:
    """Primary = best of probability + beta * capped keyword evidence; secondaries must clear tau and rho*primary."""
    combined = {label: probs.get(label, 0.0) + beta * min(keywords.get(label, 0), 12) / 12 for label in LABELS}
    ranked = sorted(combined.items(), key=lambda kv: (-kv[1], LABELS.index(kv[0])))
    primary, top = ranked[0]
    out = [primary]
    if primary == FALLBACK_ID:
        return out
    for label, score in ranked[1:3]:
        if label != FALLBACK_ID and score >= tau and score >= rho * top:
            out.append(label)
    return out


Scored = list[tuple[dict[str, float], dict[str, int]]]
"""Per brief: the model's class probabilities and the keyword scores, ready for `decide`."""


def fold_scores(train: Sequence[Item], test: Sequence[Item], *, svm: bool = False) -> Scored:
    """Fit on `train` (scikit-learn, unquantised) and score every brief of `test`."""
    model, vectorizer = fit_linear(train, svm=svm)
    classes = list(model.classes_)
    prepared = [prepare(i["text"]) for i in test]
    matrix = vectorizer.transform([featurize(p) for p in prepared])
    if svm:
        # A linear SVM gives no probabilities: its best class gets 1, which is all a primary-only decision needs.
        best = np.argmax(model.decision_function(matrix), axis=1)
        rows = [{label: float(k == b) for k, label in enumerate(classes)} for b in best]
    else:
        rows = [dict(zip(classes, map(float, r), strict=True)) for r in model.predict_proba(matrix)]
    return [(row, keyword_scores(p)) for row, p in zip(rows, prepared, strict=True)]


def cv_scores(items: Sequence[Item], *, svm: bool = False, folds: int = 5) -> Scored:
    """Stratified k-fold (by primary job): every brief is scored once by a model that never saw it."""
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    primaries = [i["labels"][0] for i in items]
    out: list[tuple[dict[str, float], dict[str, int]]] = [({}, {}) for _ in items]
    for train_index, test_index in splitter.split(np.zeros(len(items)), primaries):
        scored = fold_scores([items[i] for i in train_index], [items[i] for i in test_index], svm=svm)
        for i, row in zip(test_index, scored, strict=True):
            out[i] = row
    return out


def apply(scored: Scored, beta: float, tau: float, rho: float) -> list[list[str]]:
    """Decisions for pre-computed scores."""
    return [decide(probs, keywords if beta else {}, beta, tau, rho) for probs, keywords in scored]


# ----------------------------------------------------------------------------------------------- metrics


def score(items: Sequence[Item], predictions: Sequence[list[str]]) -> dict[str, float]:
    """Primary accuracy, secondary recall on blends, and the false-secondary rate on single-job briefs."""
    hits = sum(p[0] == i["labels"][0] for i, p in zip(items, predictions, strict=True))
    gold_secondary = found = false_single = singles = 0
    for item, predicted in zip(items, predictions, strict=True):
        gold = set(item["labels"])
        if len(item["labels"]) > 1:
            gold_secondary += len(gold) - 1
            found += len((gold - {predicted[0]}) & set(predicted))
        else:
            singles += 1
            false_single += len(predicted) > 1
    return {
        "acc": hits / len(items),
        "blend_recall": found / max(gold_secondary, 1),
        "false_secondary": false_single / max(singles, 1),
    }


def by_language(items: Sequence[Item], predictions: Sequence[list[str]]) -> dict[str, str]:
    """Primary accuracy per language, as "hits/total"."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item, predicted in zip(items, predictions, strict=True):
        totals[item["lang"]][0] += predicted[0] == item["labels"][0]
        totals[item["lang"]][1] += 1
    return {lang: f"{h}/{n}" for lang, (h, n) in sorted(totals.items())}


# ----------------------------------------------------------------------------------------------- export


def export(items: Sequence[Item], path: Path = MODEL_PATH) -> LinearModel:
    """Train on the whole corpus and write the quantised, pruned model as compact JSON (sorted keys)."""
    model, vectorizer = fit_linear(items)
    names = vectorizer.get_feature_names_out()
    order = [list(model.classes_).index(label) for label in LABELS]
    coef = model.coef_[order]
    scale = float(np.abs(coef).max()) / QUANT_LEVELS
    quantised = np.rint(coef / scale).astype(int)
    weights: dict[str, list[int]] = {}
    for column, name in enumerate(names):
        pairs: list[int] = []
        for row in range(len(LABELS)):
            value = int(quantised[row, column])
            if abs(value) >= PRUNE_BELOW:
                pairs += [row, value]
        if pairs:
            weights[str(name)] = pairs
    bias = [round(float(b), 6) for b in model.intercept_[order]]
    shipped = LinearModel(labels=LABELS, bias=bias, scale=round(scale, 9), weights=dict(sorted(weights.items())))
    payload = {"labels": shipped.labels, "bias": shipped.bias, "scale": shipped.scale, "weights": shipped.weights}
    path.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return shipped


def shipped_predict(model: LinearModel, beta: float, tau: float, rho: float) -> Predictor:
    """The exported pure-Python model (as shipped), combined with keywords like `decide`."""

    def predict(text: str) -> list[str]:
        prepared = prepare(text)
        probs = {
            label: p / PROBABILITY_SCALE for label, p in zip(model.labels, model.probabilities(prepared), strict=True)
        }
        return decide(probs, keyword_scores(prepared) if beta else {}, beta, tau, rho)

    return predict


def latency_us(predict: Callable[[str], object], texts: Sequence[str], rounds: int = 5) -> tuple[float, float]:
    """Mean and p95 wall time of one call, in microseconds."""
    timings = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            predict(text)
            timings.append((time.perf_counter() - start) * 1e6)
    timings.sort()
    return statistics.fmean(timings), timings[int(0.95 * len(timings))]


def import_cost() -> str:
    """RSS growth and wall time of importing app.engine.classify and classifying once, in a fresh process."""
    code = (
        "import resource,time;r0=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;t=time.perf_counter();"
        "import app.engine.archetypes;t1=time.perf_counter();r1=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
        "from app.engine.classify import classify;classify('sql helper');t2=time.perf_counter();"
        "r2=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
        "print(f'classifier load {1000*(t2-t1):.0f} ms, +{(r2-r1)/1024:.1f} MB RSS (process {r2/1024:.0f} MB)')"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


# ----------------------------------------------------------------------------------------------- main

PARAMS = {"beta": 0.3, "tau": 0.12, "rho": 0.3}
GRID = [
    {"beta": beta, "tau": tau, "rho": rho}
    for beta in (0.0, 0.15, 0.3, 0.5)
    for tau in (0.08, 0.12, 0.16, 0.22)
    for rho in (0.2, 0.3, 0.45)
]


def line(name: str, cv: dict[str, float], held: dict[str, float]) -> str:
    """One row of the comparison table."""
    return (
        f"{name:40s} CV acc {cv['acc']:.3f} blend-recall {cv['blend_recall']:.2f} false-sec {cv['false_secondary']:.2f}"
        f" | held-out acc {held['acc']:.3f} blend-recall {held['blend_recall']:.2f} "
        f"false-sec {held['false_secondary']:.2f}"
    )


def measure(train: list[Item], heldout: list[Item], *, tune: bool) -> None:
    """Print the comparison table: CV on the corpus, held-out accuracy (overall and per language), latency."""
    print(f"corpus {len(train)} briefs, held-out {len(heldout)} briefs")
    for name, masked in (("a  keywords (raw text)", False), ("a' keywords (masked text)", True)):
        cv_pred = [keyword_predict(i["text"], masked=masked) for i in train]
        held = [keyword_predict(i["text"], masked=masked) for i in heldout]
        print(line(name, score(train, cv_pred), score(heldout, held)))
        print(f"{'':40s} held-out by language {by_language(heldout, held)}")
    svm_cv, svm_held = cv_scores(train, svm=True), fold_scores(train, heldout, svm=True)
    held = apply(svm_held, 0.0, 1.0, 1.0)
    print(line("b  n-gram linear SVM", score(train, apply(svm_cv, 0.0, 1.0, 1.0)), score(heldout, held)))
    print(f"{'':40s} held-out by language {by_language(heldout, held)}")
    lr_cv, lr_held = cv_scores(train), fold_scores(train, heldout)
    if tune:
        # Parameters are chosen on CV only; the held-out split is never used to pick them.
        def objective(p: dict[str, float]) -> float:
            s = score(train, apply(lr_cv, p["beta"], p["tau"], p["rho"]))
            return s["acc"] + 0.3 * s["blend_recall"] - 0.3 * s["false_secondary"]

        best = max(GRID, key=objective)
        print(f"best CV params {best}")
        PARAMS.update(best)
    beta, tau, rho = PARAMS["beta"], PARAMS["tau"], PARAMS["rho"]
    for name, b in (("b  n-gram logistic regression", 0.0), ("d  logistic regression + keywords", beta)):
        held = apply(lr_held, b, tau, rho)
        print(line(name, score(train, apply(lr_cv, b, tau, rho)), score(heldout, held)))
        print(f"{'':40s} held-out by language {by_language(heldout, held)}")
    if MODEL_PATH.exists():
        shipped = LinearModel(**json.loads(MODEL_PATH.read_text(encoding="utf-8")))
        for label, b in (("b  shipped (quantised) model", 0.0), ("d  shipped model + keywords", beta)):
            predictor = shipped_predict(shipped, b, tau, rho)
            held = [predictor(i["text"]) for i in heldout]
            hs = score(heldout, held)
            mean, p95 = latency_us(predictor, [i["text"] for i in heldout])
            print(
                f"{label:40s} held-out acc {hs['acc']:.3f} blend-recall {hs['blend_recall']:.2f} "
                f"false-sec {hs['false_secondary']:.2f}; latency mean {mean:.0f} us p95 {p95:.0f} us"
            )
            print(f"{'':40s} held-out by language {by_language(heldout, held)}")
        kw_mean, kw_p95 = latency_us(lambda t: keyword_predict(t, masked=False), [i["text"] for i in heldout])
        print(f"keywords alone latency mean {kw_mean:.0f} us p95 {kw_p95:.0f} us")
        print(f"shipped size {MODEL_PATH.stat().st_size / 1024:.0f} KiB, {len(shipped.weights)} features")
        print(import_cost())


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["measure", "export"])
    parser.add_argument("--tune", action="store_true", help="pick beta/tau/rho on CV before reporting")
    args = parser.parse_args()
    train, heldout = load(CORPUS), load(HELDOUT)
    if args.command == "export":
        shipped = export(train)
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1024:.0f} KiB, {len(shipped.weights)} features)")
    else:
        measure(train, heldout, tune=args.tune)


if __name__ == "__main__":
    main()
