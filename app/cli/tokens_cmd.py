"""`promptsmith tokens`: token counts of prompt files per target."""

from __future__ import annotations

from typing import Any

import click
import msgspec

from app.cli.common import TARGET_CHOICES, read_text
from app.cli.sources import load_prompts


@click.command(name="tokens")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--target", "targets", type=click.Choice(TARGET_CHOICES), multiple=True, help="Target (default: all).")
@click.option("--format", "output", type=click.Choice(("text", "json")), default="text", show_default=True)
def tokens(files: tuple[str, ...], targets: tuple[str, ...], output: str) -> None:
    """Count the tokens of each FILE (`-` for stdin) for every target, or for the --target ones.

    A .prompt/.prompty file counts its body (its messages for a chat prompt), not its front matter.
    """
    from app.engine.tokens import count_all
    from app.engine.types import TARGETS

    chosen = [t for t in TARGETS if t in targets] if targets else list(TARGETS)
    rows: list[dict[str, Any]] = []
    for path in files:
        for unit in load_prompts(path, read_text(path)):
            for count in count_all(unit.prompt, chosen):
                rows.append({"file": unit.label, **msgspec.to_builtins(count)})
    if output == "json":
        click.echo(msgspec.json.format(msgspec.json.encode(rows)).decode())
        return
    click.echo("file\ttarget\ttokens\tmethod\ttokenizer")
    for row in rows:
        click.echo(f"{row['file']}\t{row['target']}\t{row['count']}\t{row['method']}\t{row['tokenizer']}")
