"""`promptsmith improve` and `promptsmith templatize`: the engine's rewriting tools on a prompt file."""

from __future__ import annotations

import click
import msgspec

from app.cli.common import TARGET_CHOICES, InputError, read_text
from app.cli.sources import load_prompts


def _single_prompt(path: str) -> str | list[object]:
    units = load_prompts(path, read_text(path))
    if len(units) != 1:
        raise InputError(f"{path}: holds {len(units)} prompts; give a file with one")
    return units[0].prompt  # type: ignore[return-value]


def _echo_json(value: object) -> None:
    click.echo(msgspec.json.format(msgspec.json.encode(value)).decode())


@click.command(name="improve")
@click.argument("file", metavar="FILE")
@click.option("--feedback", help="What to change, in your words.")
@click.option("--target", type=click.Choice(TARGET_CHOICES), default="generic", show_default=True)
@click.option("--format", "output", type=click.Choice(("text", "diff", "json")), default="text", show_default=True)
def improve(file: str, feedback: str | None, target: str, output: str) -> None:
    """Rewrite the prompt in FILE (`-` for stdin): the improved text, a diff, or everything as JSON."""
    from app.engine.improve import improve as run_improve

    result = run_improve(_single_prompt(file), feedback=feedback, target=target)  # type: ignore[arg-type]
    if output == "json":
        _echo_json(result)
    elif output == "diff":
        click.echo(result.diff, nl=False)
    elif isinstance(result.prompt, str):
        click.echo(result.prompt if result.prompt.endswith("\n") else result.prompt + "\n", nl=False)
    else:
        _echo_json(result.prompt)


@click.command(name="templatize")
@click.argument("file", metavar="FILE")
@click.option("--format", "output", type=click.Choice(("text", "json")), default="text", show_default=True)
def templatize(file: str, output: str) -> None:
    """Propose {{variables}} for the per-call values in FILE's text (`-` for stdin)."""
    from app.engine.templatize import templatize as run_templatize

    prompt = _single_prompt(file)
    if not isinstance(prompt, str):
        raise InputError(f"{file}: templatize works on a text prompt, not a chat prompt")
    result = run_templatize(prompt)
    if output == "json":
        _echo_json(result)
    else:
        click.echo(result.text if result.text.endswith("\n") else result.text + "\n", nl=False)
