"""`promptsmith generate`: a system prompt from whole briefs (JSON or YAML files) or from one flag per field."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click
import msgspec

from app.cli.common import EXIT_OK, TARGET_CHOICES, InputError, read_text

LENGTHS = ("short", "standard", "detailed")
_SNAKE = re.compile(r"_([a-z])")


NESTED_LISTS = ("examples", "tools", "variables")
"""Brief fields holding lists of objects whose keys may be snake_case too (json_schema is user data: kept)."""


def _camel(key: str) -> str:
    return _SNAKE.sub(lambda m: m.group(1).upper(), key)


def _camel_keys(data: dict[str, Any]) -> dict[str, Any]:
    """Brief keys in the engine's camelCase, at the top level and in its lists of objects."""
    result: dict[str, Any] = {}
    for key, value in data.items():
        name = _camel(str(key))
        if name in NESTED_LISTS and isinstance(value, list):
            value = [{_camel(str(k)): v for k, v in item.items()} if isinstance(item, dict) else item for item in value]
        result[name] = value
    return result


def load_brief_data(path: str) -> dict[str, Any]:
    """The mapping a brief file holds: JSON, or YAML (`.yaml`/`.yml`, or any text that is not JSON)."""
    import yaml

    text = read_text(path)
    try:
        data = msgspec.json.decode(text) if Path(path).suffix.lower() == ".json" else yaml.safe_load(text)
    except (msgspec.DecodeError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: not valid JSON or YAML: {exc}") from exc
    if isinstance(data, str) and path != "-" and Path(path).suffix.lower() not in {".json", ".yaml", ".yml"}:
        data = {"task": data}  # a plain-text file is the task itself
    if not isinstance(data, dict):
        raise InputError(f"{path}: a brief must be a mapping with at least a 'task' field")
    return data


def _flag_fields(options: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for key in ("task", "role", "audience", "tone", "output_format", "language", "length", "target"):
        if options[key] is not None:
            fields[key] = options[key]
    if options["constraint"]:
        fields["constraints"] = list(options["constraint"])
    if options["also_render"]:
        fields["also_render"] = list(options["also_render"])
    return fields


def build_brief(data: dict[str, Any], flags: dict[str, Any], source: str) -> Any:
    """Merge the flags over a brief's fields (constraints add up) and validate it as the engine's Brief."""
    from app.engine.brief import Brief

    merged = _camel_keys(data)
    for key, value in flags.items():
        if key == "constraints":
            merged["constraints"] = [*merged.get("constraints", []), *value]
        else:
            merged[_camel(key)] = value
    try:
        brief = msgspec.convert(merged, Brief)
    except msgspec.ValidationError as exc:
        raise InputError(f"{source}: invalid brief: {exc}") from exc
    if not brief.task.strip():
        raise InputError(f"{source}: invalid brief: 'task' must not be empty")
    return brief


def _header(source: str, target: str, result: Any) -> str:
    archetypes = ",".join(match.id for match in result.archetypes) or "-"
    tokens = next((count.count for count in result.tokens if count.target == target), None)
    return (
        f"==> {source} <== target={target} archetypes={archetypes} tokens={tokens if tokens is not None else '-'}"
        f" score={result.lint.score}\n"
    )


@click.command(name="generate")
@click.argument("briefs", nargs=-1, metavar="[BRIEF]...")
@click.option("--task", help="What the assistant must do (required without a brief file).")
@click.option("--role", help="Who the assistant is.")
@click.option("--audience", help="Who it serves.")
@click.option("--tone", help="Tone of voice.")
@click.option("--constraint", multiple=True, help="A rule the prompt must keep (repeatable).")
@click.option("--output-format", help="What the answer must look like.")
@click.option("--language", help="Language of the replies.")
@click.option("--length", type=click.Choice(LENGTHS), help="Length of the replies.")
@click.option("--target", type=click.Choice(TARGET_CHOICES), help="Model family to render for.")
@click.option("--also-render", type=click.Choice(TARGET_CHOICES), multiple=True, help="Render for another target.")
@click.option("--format", "output", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--no-header", is_flag=True, help="Text output: print the prompt only, without the header row.")
def generate(briefs: tuple[str, ...], output: str, no_header: bool, **options: Any) -> None:
    """Generate a system prompt from each BRIEF (a JSON or YAML file, `-` for stdin) or from the flags.

    Flags given with brief files override their fields; --constraint adds to a brief's constraints.
    """
    from app.engine.generate import generate as run_generate

    flags = _flag_fields(options)
    if not briefs and "task" not in flags:
        raise InputError("give a brief file or --task")
    sources = [(path, load_brief_data(path)) for path in briefs] or [("flags", {})]
    results = []
    for source, data in sources:
        brief = build_brief(data, flags, source)
        results.append((source, run_generate(brief)))
    if output == "json":
        payload = [{"source": source, "result": result} for source, result in results]
        click.echo(msgspec.json.format(msgspec.json.encode(payload)).decode())
        raise SystemExit(EXIT_OK)
    for source, result in results:
        renders = [(result.target, result.prompt)] + [(r.target, r.prompt) for r in result.renders]
        for target, prompt in renders:
            if not no_header:
                click.echo(_header(source, target, result), nl=False)
            click.echo(prompt if prompt.endswith("\n") else prompt + "\n", nl=False)
