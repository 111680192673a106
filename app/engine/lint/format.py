"""Human-readable lint output in the style of code linters."""

from __future__ import annotations

from bisect import bisect_right

from app.engine.types import LintReport


def _line_col(line_starts: list[int], offset: int) -> tuple[int, int]:
    index = bisect_right(line_starts, offset) - 1
    return index + 1, offset - line_starts[index] + 1


def format_text(report: LintReport, *, path: str, source: str) -> str:
    """Render a report as `path:line:col: SEVERITY RULE-ID message (suggestion)` lines plus a summary.

    Args:
        report: The lint report.
        path: File name to show.
        source: The linted text (for a chat prompt, the joined text from `chat_text`), used to turn
            span offsets into 1-based line and column numbers. Span-less findings point at 1:1.

    Returns:
        The lines, newline-terminated, ending with a summary line carrying the score.
    """
    line_starts = [0]
    newline = source.find("\n")
    while newline >= 0:
        line_starts.append(newline + 1)
        newline = source.find("\n", newline + 1)
    lines = []
    for finding in report.findings:
        offset = min(max(finding.span.start, 0), len(source)) if finding.span else 0
        line, col = _line_col(line_starts, offset)
        suggestion = f" ({finding.suggestion})" if finding.suggestion else ""
        lines.append(f"{path}:{line}:{col}: {finding.severity.upper()} {finding.rule_id} {finding.message}{suggestion}")
    lines.append(
        f"{path}: score {report.score}/100, {report.errors} error(s),"
        f" {report.warnings} warning(s), {report.infos} info(s)"
    )
    return "\n".join(lines) + "\n"
