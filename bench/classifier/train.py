"""Train, export and measure the archetype classifier (a DEV tool: scikit-learn and numpy are not app dependencies).

    uv run --with scikit-learn --with numpy python -m bench.classifier.train measure   # CV + held-out table
    uv run --with scikit-learn --with numpy python -m bench.classifier.train export    # write the shipped model

Training data: `corpus.jsonl` plus `corpus_a.jsonl` (first written as a held-out split in a "Goal:/The assistant
will" voice; its misses informed the cue lexicon, so it was merged into training) and `corpus_b.jsonl` (2nd round:
long, chatty, contrastive, ja/zh). `heldout.jsonl` (chatty) and `heldout_b.jsonl` (spec / bullets / non-native)
are written in other voices, never trained on, and their individual misses are never inspected: only totals are read.
Each line is {"text", "labels": [primary, *secondaries], "lang"}. wordllama is measured by `wordllama_probe.py`.
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
from app.engine.classifier import features as features_module
from app.engine.classifier.decision import DEFAULT_PARAMS, SCORE_SCALE, DecisionParams, choose, combine
from app.engine.classifier.features import MAX_CHARS, featurize
from app.engine.classifier.model import MODEL_PATH, PROBABILITY_SCALE, LinearModel, Scorer, write_binary
from app.engine.classifier.text import prepare

HERE = Path(__file__).parent
CORPUS_FILES = (
    HERE / "corpus.jsonl",
    HERE / "corpus_a.jsonl",
    HERE / "corpus_b.jsonl",
    HERE / "corpus_c.jsonl",
    HERE / "corpus_d.jsonl",
    HERE / "corpus_e.jsonl",
)
HELDOUT = HERE / "heldout.jsonl"
HELDOUT_B = HERE / "heldout_b.jsonl"
"""A second held-out split in a spec / bullet-list / non-native English voice, written before the 2nd retraining."""
HELDOUT_C = HERE / "heldout_c.jsonl"
"""A third held-out split (3rd round, 111 briefs, 40% non-English, 8 blends), written before the 3rd retraining."""
HELDOUT_D = HERE / "heldout_d.jsonl"
"""A fourth held-out split (4th round, 107 briefs: chatty, typos, terse, 8 blends, 55% non-English), written before
the 4th retraining. Its lines may carry "alt": other primaries a reader could defend (scored separately)."""
LABELS = [a.id for a in REGISTRY]
SECONDARY_WEIGHT = 0.5
"""A secondary job is a weaker training target than the primary one: it teaches the model that blends share mass."""
MIN_DOC_FREQ = 2
C_VALUE = 50.0
QUANT_LEVELS = 127
"""Levels of the largest n-gram weight (the scale ignores the cue weights, see `export`)."""
PRUNE_BELOW = 4
"""Quantised weights of magnitude below this are dropped. 4th round: 2 keeps every weight that moves a held-out brief
but doubles the file (2.1 MiB); 4 costs about two held-out briefs out of 448 at 1.2 MiB."""
USE_SVM = True
"""Ship a linear SVM (one-vs-rest) rather than the logistic regression: better CV and held-out primary accuracy
on the 3rd-round corpus (see README). Its margins become probabilities through a softmax at SVM_TEMPERATURE."""
SVM_TEMPERATURE = 2.5
SVM_C = 1.0
"""Chosen by CV among 2.5, 4 and 6 (with the decision parameters picked for each); C=2 and C=0.5 were no better in
the 4th round (CV 0.907 and lower vs 0.905, within a few briefs)."""

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
        score = sum(f.weight for f in archetype.features if f.pattern.search(text[:MAX_CHARS]))
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


def fit_linear(items: Sequence[Item], *, svm: bool = False) -> tuple[Any, DictVectorizer]:
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
    model: Any = LinearSVC(C=SVM_C) if svm else LogisticRegression(C=C_VALUE, max_iter=3000)
    model.fit(matrix, targets, sample_weight=weights)
    return model, vectorizer


def decide(probs: dict[str, float], keywords: dict[str, int], params: DecisionParams) -> list[str]:
    """The shipped decision rule (`app.engine.classifier.decision`) on float probabilities."""
    as_ints = {label: round(PROBABILITY_SCALE * p) for label, p in probs.items()}
    return choose(combine(LABELS, as_ints, keywords, FALLBACK_ID, params), FALLBACK_ID, params)


Scored = list[tuple[dict[str, float], dict[str, int]]]
"""Per brief: the model's class probabilities and the keyword scores, ready for `decide`."""


def fold_scores(train: Sequence[Item], test: Sequence[Item], *, svm: bool = False) -> Scored:
    """Fit on `train` (scikit-learn, unquantised) and score every brief of `test`."""
    model, vectorizer = fit_linear(train, svm=svm)
    classes = list(model.classes_)
    prepared = [prepare(i["text"]) for i in test]
    matrix = vectorizer.transform([featurize(p) for p in prepared])
    if svm:
        # A linear SVM gives margins, not probabilities: a softmax of the scaled margins stands in for them, which is
        # exactly what the shipped scorer computes from the exported (scaled) weights.
        rows = [dict(zip(classes, softmax(SVM_TEMPERATURE * r), strict=True)) for r in model.decision_function(matrix)]
    else:
        rows = [dict(zip(classes, map(float, r), strict=True)) for r in model.predict_proba(matrix)]
    return [(row, keyword_scores(p)) for row, p in zip(rows, prepared, strict=True)]


def softmax(logits: Any) -> list[float]:
    """Softmax of a row of logits, as plain floats."""
    exps = np.exp(logits - np.max(logits))
    return [float(v) for v in exps / exps.sum()]


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


def apply(scored: Scored, params: DecisionParams) -> list[list[str]]:
    """Decisions for pre-computed scores."""
    return [decide(probs, keywords, params) for probs, keywords in scored]


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
    """Train on the whole corpus and write the quantised, pruned model as compact JSON (sorted keys), and the
    binary copy the engine loads (`model.bin`) when writing the shipped model."""
    model, vectorizer = fit_linear(items, svm=USE_SVM)
    names = vectorizer.get_feature_names_out()
    order = [list(model.classes_).index(label) for label in LABELS]
    temperature = SVM_TEMPERATURE if USE_SVM else 1.0
    coef = model.coef_[order] * temperature
    # The scale comes from the n-gram weights only: the few cue weights ("lex:") are larger (their feature value is
    # small) and may exceed QUANT_LEVELS, which the packed integers allow; scaling on them would leave the n-grams
    # only a third of the levels and prune many of their small weights, which together carry the decision.
    ngram_columns = [column for column, name in enumerate(names) if not str(name).startswith("lex:")]
    scale = float(np.abs(coef[:, ngram_columns]).max()) / QUANT_LEVELS
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
    bias = [round(float(b) * temperature, 6) for b in model.intercept_[order]]
    shipped = LinearModel(labels=LABELS, bias=bias, scale=round(scale, 9), weights=dict(sorted(weights.items())))
    payload = {"labels": shipped.labels, "bias": shipped.bias, "scale": shipped.scale, "weights": shipped.weights}
    path.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    if path == MODEL_PATH:
        write_binary(shipped)  # what servers load (app/engine/classifier/model.py)
    return shipped


def shipped_predict(model: Scorer, params: DecisionParams) -> Predictor:
    """The exported pure-Python model (as shipped), combined with keywords by the shipped decision rule."""

    def predict(text: str) -> list[str]:
        prepared = prepare(text)
        probs = dict(zip(model.labels, model.probabilities(prepared), strict=True))
        keywords = keyword_scores(prepared) if params.keyword_bonus else {}
        return choose(combine(LABELS, probs, keywords, FALLBACK_ID, params), FALLBACK_ID, params)

    return predict


def latency_us(
    predict: Callable[[str], object], texts: Sequence[str], rounds: int = 5
) -> tuple[tuple[float, float], tuple[float, float]]:
    """(mean, p95) of one call in microseconds: wall time, and CPU time (less distorted on a shared machine)."""
    wall, cpu = [], []
    for _ in range(rounds):
        for text in texts:
            w, c = time.perf_counter(), time.process_time()
            predict(text)
            wall.append((time.perf_counter() - w) * 1e6)
            cpu.append((time.process_time() - c) * 1e6)

    def stats(values: list[float]) -> tuple[float, float]:
        values.sort()
        return statistics.fmean(values), values[int(0.95 * len(values))]

    return stats(wall), stats(cpu)


def import_cost() -> str:
    """RSS growth and wall time of importing the engine's classifier and classifying once, in a fresh process.

    VmRSS from /proc is read because ru_maxrss survives exec and would report the parent's peak.
    """
    code = (
        "import re,time\n"
        "def rss(): return int(re.search(r'VmRSS:\\s+(\\d+)', open('/proc/self/status').read()).group(1))/1024\n"
        "import app.engine.archetypes\n"
        "r1=rss();t1=time.perf_counter()\n"
        "from app.engine.classify import classify\n"
        "classify('sql helper')\n"
        "t2=time.perf_counter();r2=rss()\n"
        "print(f'classifier import+load {1000*(t2-t1):.0f} ms, +{r2-r1:.1f} MB RSS (process {r2:.0f} MB)')\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


# ----------------------------------------------------------------------------------------------- main

NO_KEYWORDS = DEFAULT_PARAMS._replace(keyword_bonus=0)
PREVIOUS_PARAMS = DecisionParams(
    keyword_bonus=5_000, keyword_cap=12, general_penalty=1_000, min_secondary=1_600, secondary_ratio_pct=20
)
"""The setting shipped before the 2nd retraining: the reference that a new setting must not fall behind."""
GRID = [
    DecisionParams(bonus, 12, penalty, min_secondary, ratio)
    for bonus in (0, 2_000, 3_500, 5_000, 7_000)
    for penalty in (0, 1_000, 2_000)
    for min_secondary in (800, 1_200, 1_600, 2_200, 3_000, 4_000)
    for ratio in (20, 30, 45, 60)
]


def pick_params(train: Sequence[Item], scored: Scored) -> DecisionParams:
    """The decision parameters, chosen on CV scores only: fewest unwanted secondaries on single-job briefs among the
    settings that keep CV accuracy (within 0.003) and blend recall (within 0.02) of the previous shipped setting."""
    base = score(train, apply(scored, PREVIOUS_PARAMS))
    keeping = []
    for params in GRID:
        s = score(train, apply(scored, params))
        if s["acc"] >= base["acc"] - 0.003 and s["blend_recall"] >= base["blend_recall"] - 0.02:
            keeping.append((s["false_secondary"], -s["acc"], -s["blend_recall"], GRID.index(params)))
    return GRID[min(keeping)[3]]


def report(name: str, cv: dict[str, float] | None, splits: dict[str, tuple[list[Item], list[list[str]]]]) -> None:
    """Print one candidate: CV figures, then accuracy, blend figures and per-language accuracy on each split."""
    head = "" if cv is None else f"CV acc {cv['acc']:.3f} blend-recall {cv['blend_recall']:.2f} "
    head += "" if cv is None else f"false-sec {cv['false_secondary']:.2f}"
    print(f"{name:34s} {head}")
    for split, (items, predicted) in splits.items():
        s = score(items, predicted)
        print(
            f"{'':34s} {split}: acc {s['acc']:.3f} blend-recall {s['blend_recall']:.2f} "
            f"false-sec {s['false_secondary']:.2f} by language {by_language(items, predicted)}"
        )


def measure(train: list[Item], heldouts: dict[str, list[Item]], *, tune: bool) -> None:
    """Print the comparison: CV on the corpus, accuracy on each held-out split (overall, per language), cost."""
    print(f"corpus {len(train)} briefs; held-out splits { ({k: len(v) for k, v in heldouts.items()}) }")
    every = [item for items in heldouts.values() for item in items]

    def per_split(predicted: list[list[str]]) -> dict[str, tuple[list[Item], list[list[str]]]]:
        out, start = {}, 0
        for split, items in heldouts.items():
            out[split] = (items, predicted[start : start + len(items)])
            start += len(items)
        return out

    for name, masked in (("a  keywords (raw text)", False), ("a' keywords (masked text)", True)):
        cv = score(train, [keyword_predict(i["text"], masked=masked) for i in train])
        report(name, cv, per_split([keyword_predict(i["text"], masked=masked) for i in every]))
    svm_cv, svm_held = cv_scores(train, svm=True), fold_scores(train, every, svm=True)
    primary_only = DecisionParams(0, 12, 0, SCORE_SCALE + 1, 100)
    report("b  n-gram linear SVM", score(train, apply(svm_cv, primary_only)), per_split(apply(svm_held, primary_only)))
    lr_cv, lr_held = cv_scores(train), fold_scores(train, every)
    params = DEFAULT_PARAMS
    if tune:
        # Parameters are chosen on CV only; the held-out split is never used to pick them.
        params = pick_params(train, lr_cv)
    print(f"decision params {params}")
    for name, p in (("b  n-gram logistic regression", params._replace(keyword_bonus=0)), ("d  LR + keywords", params)):
        report(name, score(train, apply(lr_cv, p)), per_split(apply(lr_held, p)))
    if not MODEL_PATH.exists():
        return
    shipped = Scorer.from_model(LinearModel(**json.loads(MODEL_PATH.read_text(encoding="utf-8"))))
    texts = [i["text"] for i in every]
    for name, p in (("b  shipped (quantised)", params._replace(keyword_bonus=0)), ("d  shipped + keywords", params)):
        predictor = shipped_predict(shipped, p)
        report(name, None, per_split([predictor(t) for t in texts]))
        wall, cpu = latency_us(predictor, texts)
        print(f"{'':34s} latency: wall mean/p95 {wall[0]:.0f}/{wall[1]:.0f} us, CPU {cpu[0]:.0f}/{cpu[1]:.0f} us")
    wall, cpu = latency_us(lambda t: keyword_predict(t, masked=False), texts)
    print(f"a  keywords alone latency: wall mean/p95 {wall[0]:.0f}/{wall[1]:.0f} us, CPU {cpu[0]:.0f}/{cpu[1]:.0f} us")
    print(f"shipped model {MODEL_PATH.stat().st_size / 1024:.0f} KiB, {shipped.feature_count} features")
    print(import_cost())


def main() -> None:
    """Command line entry point."""
    global SECONDARY_WEIGHT, C_VALUE, USE_SVM, SVM_TEMPERATURE, SVM_C  # knobs read by fit_linear() etc.
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["measure", "export", "cv"])
    parser.add_argument("--tune", action="store_true", help="pick the decision parameters on CV before reporting")
    parser.add_argument("--secondary-weight", type=float, default=SECONDARY_WEIGHT)
    parser.add_argument("--c", type=float, default=C_VALUE, help="inverse L2 strength of the logistic regression")
    parser.add_argument("--cue-value", type=float, default=None, help="cv only: try another cue feature value")
    parser.add_argument("--model", choices=["svm", "lr"], default="svm" if USE_SVM else "lr")
    parser.add_argument("--temperature", type=float, default=SVM_TEMPERATURE, help="softmax scale of SVM margins")
    parser.add_argument("--svm-c", type=float, default=SVM_C, help="inverse regularisation strength of the SVM")
    args = parser.parse_args()
    SECONDARY_WEIGHT, C_VALUE = args.secondary_weight, args.c
    USE_SVM, SVM_TEMPERATURE, SVM_C = args.model == "svm", args.temperature, args.svm_c
    train = [item for path in CORPUS_FILES for item in load(path)]
    heldout = load(HELDOUT)
    if args.command == "export":
        shipped = export(train)
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1024:.0f} KiB, {len(shipped.weights)} features)")
    elif args.command == "cv":
        if args.cue_value is not None:
            features_module.CUE_VALUE = args.cue_value
        lr_cv = cv_scores(train, svm=USE_SVM)
        best = pick_params(train, lr_cv)
        for p in (DEFAULT_PARAMS, best):
            s = score(train, apply(lr_cv, p))
            print(
                f"sw={SECONDARY_WEIGHT} C={C_VALUE} {p}: CV acc {s['acc']:.3f} blend {s['blend_recall']:.2f} "
                f"false-sec {s['false_secondary']:.2f}"
            )
    else:
        splits = {"held-out": heldout, "held-out-b": load(HELDOUT_B), "held-out-c": load(HELDOUT_C)}
        measure(train, splits | {"held-out-d": load(HELDOUT_D)}, tune=args.tune)


if __name__ == "__main__":
    main()
