"""Aggregation of the interleaved rounds, the targets, and the JSON / Markdown outputs under bench/results/."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from bench.infra import RESULTS_DIR

TARGETS_TEXT = {
    "resolve_cached_ratio": "cached resolve >= 0.7 x bare",
    "resolve_uncached_ratio": "uncached resolve >= 0.25 x bare",
    "rate_limit_cost": "rate limiting costs <= 10% (rate-limited read vs same read with the limit off)",
    "metrics_cost": "metrics cost <= 5% (cached resolve with METRICS=open vs off, interleaved pairs)",
    "generate_ratio": "generate >= 0.5 x bare",
    "no_errors": "no non-2xx responses (nor socket errors) under load",
    "rss": "resident memory per worker <= 200 MB after the full run",
}


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 3) if values else 0.0


def aggregate(runs: list[dict[str, Any]], bare_runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over rounds; the ratio is the median of per-round ratios to the bare run just before."""
    ratios = [r["rps"] / b["rps"] for r, b in zip(runs, bare_runs, strict=False) if b["rps"]]
    return {
        "rounds": len(runs),
        "requests": sum(r["requests"] for r in runs),
        "rps": _median([r["rps"] for r in runs]),
        "p50_ms": _median([r["p50_ms"] for r in runs]),
        "p99_ms": _median([r["p99_ms"] for r in runs]),
        "p99_max_ms": max((r["p99_ms"] for r in runs), default=0.0),
        "errors": sum(r["errors"] for r in runs),
        "non2xx": sum(r["non2xx"] for r in runs),
        "first_bad_status": next((r["first_bad_status"] for r in runs if r["first_bad_status"]), 0),
        "bare_rps": _median([b["rps"] for b in bare_runs]),
        "ratio": round(statistics.median(ratios), 3) if ratios else None,
        "round_ratios": [round(r, 4) for r in ratios],
    }


def evaluate(
    results: dict[str, Any],
    rss: dict[str, float | None],
    rate_limit_pairs: list[float] | None = None,
    metrics_pairs: list[float] | None = None,
) -> dict[str, Any]:
    """Each target: measured value, verdict (pass / miss / n/a)."""
    sc = results
    out: dict[str, Any] = {}

    def ratio_target(key: str, name: str, threshold: float) -> None:
        r = sc.get(name, {})
        value = r.get("ratio")
        out[key] = {
            "value": value,
            "threshold": threshold,
            "verdict": "n/a" if value is None else ("pass" if value >= threshold else "miss"),
        }

    ratio_target("resolve_cached_ratio", "resolve_cached", 0.7)
    ratio_target("resolve_uncached_ratio", "resolve_uncached", 0.25)
    ratio_target("generate_ratio", "generate", 0.5)
    limited, unlimited = sc.get("read_ratelimited", {}), sc.get("read_unlimited", {})
    # Direct pairs (see run.py) when measured; else per round, each normalised by its own bare run.
    pairs = rate_limit_pairs or [
        a / b for a, b in zip(limited.get("round_ratios", []), unlimited.get("round_ratios", []), strict=False) if b
    ]
    if pairs:
        cost = round(1 - statistics.median(pairs), 3)
        out["rate_limit_cost"] = {"value": cost, "threshold": 0.10, "verdict": "pass" if cost <= 0.10 else "miss"}
    elif limited.get("rps") and unlimited.get("rps"):
        cost = round(1 - limited["rps"] / unlimited["rps"], 3)
        out["rate_limit_cost"] = {"value": cost, "threshold": 0.10, "verdict": "pass" if cost <= 0.10 else "miss"}
    else:
        out["rate_limit_cost"] = {"value": None, "threshold": 0.10, "verdict": "n/a"}
    if metrics_pairs:
        cost = round(1 - statistics.median(metrics_pairs), 3)
        out["metrics_cost"] = {"value": cost, "threshold": 0.05, "verdict": "pass" if cost <= 0.05 else "miss"}
    else:
        out["metrics_cost"] = {"value": None, "threshold": 0.05, "verdict": "n/a"}
    measured = {n: r for n, r in sc.items() if "rps" in r}
    bad = {
        n: {"non2xx": r["non2xx"], "errors": r["errors"], "first_bad_status": r["first_bad_status"]}
        for n, r in measured.items()
        if r["non2xx"] or r["errors"]
    }
    out["no_errors"] = {
        "value": bad or 0,
        "threshold": 0,
        "verdict": ("miss" if bad else "pass") if measured else "n/a",
    }
    worst = max((v for v in rss.values() if v is not None), default=None)
    out["rss"] = {
        "value": rss,
        "threshold": 200,
        "verdict": "n/a" if worst is None else ("pass" if worst <= 200 else "miss"),
    }
    return out


def markdown(doc: dict[str, Any]) -> str:
    meta = doc["meta"]
    lines = [
        f"# Promptsmith benchmark ({meta['mode']}) — {meta['started']}",
        "",
        f"Commit `{meta.get('commit', '?')}`; {meta['placement']}; wrk -t{meta['threads']} -c{meta['connections']} "
        f"-d{meta['duration']}s x {meta['rounds']} interleaved rounds (bare, scenario, bare, scenario, ...). "
        "Servers: uvicorn --workers 1 --no-access-log --loop uvloop --http httptools --log-level warning.",
        "",
        "| scenario | instance | req/s | p50 ms | p99 ms | errors | non-2xx | x bare |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    bare = doc.get("bare", {})
    if bare:
        lines.append(
            f"| bare Litestar hello world | bare | {bare['rps']:.0f} | {bare['p50_ms']:.2f} | "
            f"{bare['p99_ms']:.2f} | {bare['errors']} | {bare['non2xx']} | 1.00 |"
        )
    for name, r in doc["scenarios"].items():
        if "unavailable" in r:
            lines.append(f"| {name} | {r['instance']} | {r['unavailable']} | | | | | |")
        elif "failed" in r:
            lines.append(f"| {name} | {r['instance']} | failed: {r['failed']} | | | | | |")
        else:
            ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
            lines.append(
                f"| {name} | {r['instance']} | {r['rps']:.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
                f"{r['errors']} | {r['non2xx']} | {ratio} |"
            )
    lines += ["", "## Targets (read, not asserted)", "", "| target | measured | verdict |", "|---|---|---|"]
    for key, t in doc["targets"].items():
        value = t["value"]
        if key == "rss":
            value = ", ".join(f"{k} {v} MB" for k, v in value.items())
        elif key in ("rate_limit_cost", "metrics_cost") and value is not None:
            value = f"{value * 100:.1f}%"
        lines.append(f"| {TARGETS_TEXT[key]} | {value} | {t['verdict']} |")
    for key, text in (("rate_limit_pairs", "limited / unlimited"), ("metrics_pairs", "METRICS=open / off")):
        if doc.get(key):
            lines.append(f"\nPairs {text} (req/s ratio, alternating order): {', '.join(map(str, doc[key]))}")
    overhead = doc.get("metrics_overhead")
    if overhead:
        share = (
            f" = {overhead['share'] * 100:.1f}% of a cached resolve ({overhead['resolve_us']} us)"
            if ("share" in overhead)
            else ""
        )
        lines.append(
            f"\nMetrics in process (CPU time, request-context layer): {overhead['without_us']} us/request without, "
            f"{overhead['with_us']} with: +{overhead['added_us']} us{share}"
        )
    micro = doc.get("micro")
    if micro:
        from bench.micro import format_table

        lines += ["", "## Engine microbenchmarks (in process, pinned to the server core)", "", format_table(micro)]
    if doc.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {n}" for n in doc["notes"]]
    return "\n".join(lines) + "\n"


def write(doc: dict[str, Any], stem: str, directory: Path = RESULTS_DIR) -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    json_path = directory / f"{stem}-{stamp}.json"
    md_path = directory / f"{stem}-{stamp}.md"
    json_path.write_text(json.dumps(doc, indent=2) + "\n")
    md_path.write_text(markdown(doc) if stem.startswith("bench") else doc.get("_markdown", ""))
    (directory / f"{stem}-latest.json").write_text(json.dumps(doc, indent=2) + "\n")
    (directory / f"{stem}-latest.md").write_text(md_path.read_text())
    return json_path, md_path
