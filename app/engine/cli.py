"""Offline command line for the engine: `lint`, `generate` and `tokens` (the I/O edge of the pure engine)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO, cast

import msgspec

from app.engine.types import TARGETS, LintConfig, LintReport, RuleOverride, Target

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class _FileReport(msgspec.Struct, kw_only=True):
    path: str
    report: LintReport


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="promptsmith", description="Lint, generate and count system prompts offline.")
    sub = parser.add_subparsers(dest="command", required=True)

    lint = sub.add_parser("lint", help="lint prompt files; exit 1 if any finding is an error")
    lint.add_argument("files", nargs="+", metavar="FILE")
    lint.add_argument("--format", choices=("text", "json"), default="text")
    lint.add_argument("--target", choices=TARGETS, default="generic")
    lint.add_argument("--disable", action="append", default=[], metavar="RULE", help="switch a rule off (repeatable)")

    gen = sub.add_parser("generate", help="generate a system prompt from a task description")
    gen.add_argument("--task", required=True)
    gen.add_argument("--target", choices=TARGETS, default="generic")
    gen.add_argument("--json", action="store_true", help="print the full GenerationResult as JSON")

    tokens = sub.add_parser("tokens", help="count the tokens of a prompt file")
    tokens.add_argument("file", metavar="FILE")
    tokens.add_argument("--target", choices=TARGETS, default=None, help="one target (default: all)")
    return parser


def _read(path: str, err: TextIO) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{path}: cannot read: {exc}", file=err)
        return None


def _cmd_lint(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from app.engine.lint import lint_prompt
    from app.engine.lint.format import format_text

    config = (
        LintConfig(overrides=[RuleOverride(rule_id=r, enabled=False) for r in args.disable]) if args.disable else None
    )
    results: list[_FileReport] = []
    unreadable = False
    for path in args.files:
        source = _read(path, err)
        if source is None:
            unreadable = True
            continue
        report = lint_prompt(source, target=cast(Target, args.target), config=config)
        results.append(_FileReport(path=path, report=report))
        if args.format == "text":
            out.write(format_text(report, path=path, source=source))
    if args.format == "json":
        out.write(msgspec.json.encode(results).decode() + "\n")
    if unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if any(r.report.errors for r in results) else EXIT_OK


def _cmd_generate(args: argparse.Namespace, out: TextIO) -> int:
    from app.engine.brief import Brief
    from app.engine.generate import generate

    result = generate(Brief(task=args.task, target=cast(Target, args.target)))
    if args.json:
        out.write(msgspec.json.format(msgspec.json.encode(result).decode(), indent=2) + "\n")
    else:
        out.write(result.prompt)
    return EXIT_OK


def _cmd_tokens(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from app.engine.tokens import count_all, count_tokens

    source = _read(args.file, err)
    if source is None:
        return EXIT_USAGE
    counts = [count_tokens(source, args.target)] if args.target else count_all(source)
    for c in counts:
        out.write(f"{c.target}\t{c.count}\t{c.method}\t{c.tokenizer}\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 lint errors found, 2 usage or unreadable file)."""
    parser = _parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    out, err = sys.stdout, sys.stderr
    if args.command == "lint":
        return _cmd_lint(args, out, err)
    if args.command == "generate":
        if not args.task.strip():
            print("generate: --task must not be empty", file=err)
            return EXIT_USAGE
        return _cmd_generate(args, out)
    return _cmd_tokens(args, out, err)


if __name__ == "__main__":
    sys.exit(main())
