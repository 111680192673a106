"""Aggregation of the interleaved rounds, the targets, and the JSON / Markdown outputs under bench/results/."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path
from typing import Any

from bench.infra import RESULTS_DIR

TARGETS_TEXT = {
    "resolve_cached_ratio": "cached resolve >= 0.9 x bare",
    "resolve_uncached_ratio": "uncached resolve >= 0.7 x asyncpg reference",
    "list_prompts_ratio": "list prompts (50 of 10 000) >= 0.5 x asyncpg reference",
    "list_prompts_p50": "list prompts p50 < 10 ms at 32 connections",
    "rate_limit_cost": "rate limiting costs <= 5% (rate-limited read vs same read with the limit off)",
    "rate_limit_cpu_cost": "rate limiting costs <= 5% in the server's CPU time per request (same pairs)",
    "metrics_cost": "metrics cost <= 5% (cached resolve with METRICS=open vs off, interleaved pairs)",
    "create_version_distinct_ratio": "create version, writes spread over distinct prompts >= 0.3 x asyncpg reference",
    "create_version_one_prompt": "create version, 32 writers on one prompt: no errors; req/s reported",
    "generate_ratio": "generate >= 0.5 x bare",
    "no_errors": "no non-2xx responses (nor socket errors) under load",
    "rss": "resident memory per worker <= 150 MB after the full run",
}
RSS_LIMIT_MB = 150
RATE_LIMIT_COST = 0.05


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


def reference_ratio(runs: list[dict[str, Any]], pg_runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of per-round ratios to the asyncpg reference run just before (database-backed scenarios)."""
    ratios = [r["rps"] / p["rps"] for r, p in zip(runs, pg_runs, strict=False) if p["rps"]]
    return {
        "pg_rps": _median([p["rps"] for p in pg_runs]),
        "pg_p50_ms": _median([p["p50_ms"] for p in pg_runs]),
        "pg_ratio": round(statistics.median(ratios), 3) if ratios else None,
        "pg_round_ratios": [round(r, 4) for r in ratios],
    }


def evaluate(
    results: dict[str, Any],
    rss: dict[str, float | None],
    rate_limit_pairs: list[float] | None = None,
    metrics_pairs: list[float] | None = None,
    rate_limit_cpu_pairs: list[float] | None = None,
) -> dict[str, Any]:
    """Each target: measured value, verdict (pass / miss / n/a)."""
    sc = results
    out: dict[str, Any] = {}

    def ratio_target(key: str, name: str, threshold: float, field: str = "ratio") -> None:
        r = sc.get(name, {})
        value = r.get(field)
        out[key] = {
            "value": value,
            "threshold": threshold,
            "verdict": "n/a" if value is None else ("pass" if value >= threshold else "miss"),
        }

    ratio_target("resolve_cached_ratio", "resolve_cached", 0.9)
    ratio_target("resolve_uncached_ratio", "resolve_uncached", 0.7, "pg_ratio")
    ratio_target("list_prompts_ratio", "list_prompts", 0.5, "pg_ratio")
    p50 = sc.get("list_prompts", {}).get("p50_ms")
    out["list_prompts_p50"] = {
        "value": p50,
        "threshold": 10,
        "verdict": "n/a" if p50 is None else ("pass" if p50 < 10 else "miss"),
    }
    ratio_target("create_version_distinct_ratio", "create_version_distinct", 0.3, "pg_ratio")
    one = sc.get("create_version", {})
    out["create_version_one_prompt"] = {
        "value": one.get("rps"),
        "threshold": None,
        "verdict": "n/a" if "rps" not in one else ("miss" if one["errors"] or one["non2xx"] else "report"),
    }
    ratio_target("generate_ratio", "generate", 0.5)
    limited, unlimited = sc.get("read_ratelimited", {}), sc.get("read_unlimited", {})
    # Direct pairs (see run.py) when measured; else per round, each normalised by its own bare run.
    pairs = rate_limit_pairs or [
        a / b for a, b in zip(limited.get("round_ratios", []), unlimited.get("round_ratios", []), strict=False) if b
    ]
    if pairs:
        cost = round(1 - statistics.median(pairs), 3)
        out["rate_limit_cost"] = {
            "value": cost,
            "threshold": RATE_LIMIT_COST,
            "verdict": "pass" if cost <= RATE_LIMIT_COST else "miss",
        }
    elif limited.get("rps") and unlimited.get("rps"):
        cost = round(1 - limited["rps"] / unlimited["rps"], 3)
        out["rate_limit_cost"] = {
            "value": cost,
            "threshold": RATE_LIMIT_COST,
            "verdict": "pass" if cost <= RATE_LIMIT_COST else "miss",
        }
    else:
        out["rate_limit_cost"] = {"value": None, "threshold": RATE_LIMIT_COST, "verdict": "n/a"}
    if rate_limit_cpu_pairs:
        # CPU time per request with / without: the cost is how much more the limited read takes
        cost = round(statistics.median(rate_limit_cpu_pairs) - 1, 3)
        out["rate_limit_cpu_cost"] = {
            "value": cost,
            "threshold": RATE_LIMIT_COST,
            "verdict": "pass" if cost <= RATE_LIMIT_COST else "miss",
        }
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
        "threshold": RSS_LIMIT_MB,
        "verdict": "n/a" if worst is None else ("pass" if worst <= RSS_LIMIT_MB else "miss"),
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
        *(
            [f"Variant (rows `[variant]`, run right after the original): `{doc['variant_env']}`", ""]
            if doc.get("variant_env")
            else []
        ),
        "| scenario | instance | req/s | p50 ms | p99 ms | errors | non-2xx | x bare | x asyncpg ref |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    bare = doc.get("bare", {})
    if bare:
        lines.append(
            f"| bare Litestar hello world | bare | {bare['rps']:.0f} | {bare['p50_ms']:.2f} | "
            f"{bare['p99_ms']:.2f} | {bare['errors']} | {bare['non2xx']} | 1.00 | |"
        )
    pg = doc.get("pgref", {})
    if pg:
        lines.append(
            f"| bare Litestar + one asyncpg query by primary key (pool) | pgref | {pg['rps']:.0f} | "
            f"{pg['p50_ms']:.2f} | {pg['p99_ms']:.2f} | {pg['errors']} | {pg['non2xx']} | {pg['ratio']:.2f} | 1.00 |"
        )
    for name, r in doc["scenarios"].items():
        if "unavailable" in r:
            lines.append(f"| {name} | {r['instance']} | {r['unavailable']} | | | | | | |")
        elif "failed" in r:
            lines.append(f"| {name} | {r['instance']} | failed: {r['failed']} | | | | | | |")
        else:
            ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
            pg_ratio = "" if r.get("pg_ratio") is None else f"{r['pg_ratio']:.2f}"
            lines.append(
                f"| {name} | {r['instance']} | {r['rps']:.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
                f"{r['errors']} | {r['non2xx']} | {ratio} | {pg_ratio} |"
            )
            v = r.get("variant")
            if v:
                v_ratio = "" if v["ratio"] is None else f"{v['ratio']:.2f}"
                v_pg = "" if v.get("pg_ratio") is None else f"{v['pg_ratio']:.2f}"
                lines.append(
                    f"| {name} [variant] | {r['instance']}+ | {v['rps']:.0f} | {v['p50_ms']:.2f} | {v['p99_ms']:.2f} | "
                    f"{v['errors']} | {v['non2xx']} | {v_ratio} | {v_pg} |"
                )
    lines += ["", "## Targets (read, not asserted)", "", "| target | measured | verdict |", "|---|---|---|"]
    for key, t in doc["targets"].items():
        value = t["value"]
        if key == "rss":
            value = ", ".join(f"{k} {v} MB" for k, v in value.items())
        elif key in ("rate_limit_cost", "rate_limit_cpu_cost", "metrics_cost") and value is not None:
            value = f"{value * 100:.1f}%"
        lines.append(f"| {TARGETS_TEXT[key]} | {value} | {t['verdict']} |")
    for key, text in (("rate_limit_pairs", "limited / unlimited"), ("metrics_pairs", "METRICS=open / off")):
        if doc.get(key):
            lines.append(f"\nPairs {text} (req/s ratio, alternating order): {', '.join(map(str, doc[key]))}")
    if doc.get("rate_limit_cpu_pairs"):
        pairs = ", ".join(map(str, doc["rate_limit_cpu_pairs"]))
        lines.append(f"\nPairs limited / unlimited (server CPU time per request, the same runs): {pairs}")
    overhead = doc.get("metrics_overhead")
    if overhead:
        share = (
            f" = {overhead['share'] * 100:.1f}% of a cached resolve ({overhead['resolve_us']} us)"
            if ("share" in overhead)
            else ""
        )
        lines.append(
            f"\nMetrics in process (CPU time, edge layer): {overhead['without_us']} us/request without, "
            f"{overhead['with_us']} with: +{overhead['added_us']} us{share}"
        )
    limiter = doc.get("ratelimit_overhead")
    if limiter:
        share = f" = {limiter['share'] * 100:.1f}% of the read ({limiter['read_us']} us)" if "share" in limiter else ""
        lines.append(
            f"\nRate limiter in process (CPU time, response headers): {limiter['without_us']} us/request with the "
            f"limit off, {limiter['with_us']} on: +{limiter['added_us']} us{share}"
        )
    lines += _startup_lines(doc)
    micro = doc.get("micro")
    if micro:
        from bench.micro import format_table

        lines += ["", "## Engine microbenchmarks (in process, pinned to the server core)", "", format_table(micro)]
    if doc.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {n}" for n in doc["notes"]]
    return "\n".join(lines) + "\n"


def _startup_lines(doc: dict[str, Any]) -> list[str]:
    """Memory at idle and after the run, cold start of `serve`, CLI `--help`."""
    rows: list[str] = []
    idle, after = doc.get("rss_idle_mb", {}), doc.get("rss_mb", {})
    for name in sorted(set(idle) | set(after)):
        rows.append(f"| resident memory, {name} | {idle.get(name)} MB | {after.get(name)} MB |")
    for key, title in (("serve_cold_start", "cold start of `serve` until /health/live"), ("cli_help", "CLI `--help`")):
        figure = doc.get(key)
        if figure:
            rows.append(f"| {title} (median s; runs {figure['runs']}) | {figure['median_s']} s | |")
    if not rows:
        return []
    head = ["", "## Memory and start-up", "", "| figure | at idle / value | after the run |", "|---|---:|---:|"]
    return head + rows


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
