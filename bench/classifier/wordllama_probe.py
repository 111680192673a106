"""Candidate (c): wordllama static embeddings + a logistic-regression head, measured like the n-gram model.

    uv run --with wordllama --with scikit-learn python -m bench.classifier.wordllama_probe

The wheel ships its weights, but its loader looks for the tokenizer config under `tokenizer/` while the wheel puts
it under `tokenizers/`; pointing `cache_dir` at the package directory makes the cache lookup find it, offline.
"""

# ruff: noqa: T201  (a reporting command line: printing the table is its job)

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"

import numpy as np
import wordllama
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from wordllama import WordLlama

from app.engine.classifier.text import prepare
from bench.classifier.train import CORPUS_FILES, HELDOUT, by_language, latency_us, load, score

WHEEL_DIR = Path(wordllama.__file__).parent


def load_model() -> object:
    """Load the 256-d l2_supercat model from the wheel's own files, never from the network."""
    return WordLlama.load(cache_dir=WHEEL_DIR, disable_download=True, dim=256)


def fit(vectors: np.ndarray, labels: list[str]) -> LogisticRegression:
    """A small softmax head on the embeddings."""
    return LogisticRegression(C=10.0, max_iter=3000).fit(vectors, labels)


def main() -> None:
    """Print CV and held-out accuracy, latency, load time and memory of the wordllama candidate."""
    train, heldout = [i for p in CORPUS_FILES for i in load(p)], load(HELDOUT)
    started = time.perf_counter()
    model = load_model()
    print(f"load {1000 * (time.perf_counter() - started):.0f} ms")
    train_vectors = model.embed([prepare(i["text"]) for i in train], norm=True)
    primaries = [i["labels"][0] for i in train]
    predictions: list[list[str]] = [[] for _ in train]
    splitter = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    for train_index, test_index in splitter.split(train_vectors, primaries):
        head = fit(train_vectors[train_index], [primaries[i] for i in train_index])
        for i, label in zip(test_index, head.predict(train_vectors[test_index]), strict=True):
            predictions[i] = [str(label)]
    print(f"c  wordllama + LR head   CV acc {score(train, predictions)['acc']:.3f}")
    head = fit(train_vectors, primaries)

    def predict(text: str) -> list[str]:
        return [str(head.predict(model.embed([prepare(text)], norm=True))[0])]

    held = [predict(i["text"]) for i in heldout]
    wall, cpu = latency_us(predict, [i["text"] for i in heldout])
    print(f"   held-out acc {score(heldout, held)['acc']:.3f}")
    print(f"   latency mean/p95: wall {wall[0]:.0f}/{wall[1]:.0f} us, CPU {cpu[0]:.0f}/{cpu[1]:.0f} us")
    print(f"   held-out by language {by_language(heldout, held)}")
    code = (
        "import os,re,time\n"
        "os.environ['HF_HUB_OFFLINE']='1'\n"
        "def rss(): return int(re.search(r'VmRSS:\\s+(\\d+)', open('/proc/self/status').read()).group(1))/1024\n"
        "r0=rss();t=time.perf_counter()\n"
        "from wordllama import WordLlama\n"
        "import wordllama, pathlib\n"
        "m=WordLlama.load(cache_dir=pathlib.Path(wordllama.__file__).parent, disable_download=True, dim=256)\n"
        "m.embed(['sql helper'])\n"
        "print(f'import+load {1000*(time.perf_counter()-t):.0f} ms, +{rss()-r0:.0f} MB RSS (process {rss():.0f} MB)')\n"
    )
    probe = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    print("   embedding alone, fresh process: " + probe.stdout.strip())
    size = sum(f.stat().st_size for f in WHEEL_DIR.rglob("*") if f.is_file())
    print(f"   wheel files {size / 1e6:.1f} MB (+ numpy, tokenizers, pydantic, requests at run time)")


if __name__ == "__main__":
    main()
