"""`promptsmith convert`: read a prompt file in one format and write it in another, reporting what did not map."""

from __future__ import annotations

from pathlib import Path

import click

from app.cli.common import InputError, read_text
from app.engine.formats import FILE_FORMATS, FORMATS, FormatError, FormatName, detect_format, dump, parse


@click.command(name="convert")
@click.argument("source", metavar="FILE")
@click.option("--to", "to_format", type=click.Choice(FORMATS), required=True, help="Format to write.")
@click.option("--from", "from_format", type=click.Choice(FORMATS), help="Format to read (default: by extension).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
def convert(source: str, to_format: FormatName, from_format: FormatName | None, output: str | None) -> None:
    """Convert FILE (`-` for stdin) to another prompt format; what cannot be mapped is listed on stderr."""
    text = read_text(source)
    filename = "stdin.md" if source == "-" else source
    try:
        docs = parse(text, filename, from_format or detect_format(filename, text))
        if to_format in FILE_FORMATS and len(docs) != 1:
            raise InputError(f"{source}: holds {len(docs)} prompts; {to_format} holds one per file")
        encoded = dump(docs, to_format)
    except FormatError as exc:
        raise InputError(f"{source}: {exc}") from exc
    for doc in docs:
        for entry in doc.unmapped:
            click.echo(f"{source}: not mapped on reading: {doc.name}: {entry}", err=True)
    for entry in encoded.unmapped:
        click.echo(f"{source}: not mapped on writing {to_format}: {entry}", err=True)
    if output:
        Path(output).write_text(encoded.content, encoding="utf-8")
    else:
        click.echo(encoded.content, nl=False)
