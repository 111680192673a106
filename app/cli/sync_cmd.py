"""`promptsmith sync push|pull`: keep a directory of prompt files and a workspace in step (prompts as code).

push: lint every file (lint errors stop the push unless --allow-lint-errors), compare each prompt's content
hash with its latest version, print the plan, then create one version per changed prompt (the version and its
label move are one request, one transaction on the server). A protected label the key may not move is refused
by the server (403) and reported; the other prompts still go through and the exit code is 1.
pull: write every prompt that carries the label, in the chosen format.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import click

from app.cli.common import EXIT_FINDINGS, EXIT_OK, InputError, read_text
from app.engine.formats import EXTENSIONS, FILE_FORMATS, FORMATS, FormatError, FormatName, PromptDocument, dump, parse

DEFAULT_FORMAT: FormatName = "dotprompt"


@dataclass
class Change:
    """What push will do for one prompt."""

    doc: PromptDocument
    path: str
    action: str
    """create | update | label | unchanged"""
    latest: int | None = None
    remote: dict[str, Any] | None = None
    lost: list[str] = field(default_factory=list)
    previous: dict[str, Any] | None = None
    """The latest version on the server, for the diff."""
    metadata: dict[str, Any] = field(default_factory=dict)
    """Description or tags of an existing prompt that the file changes (sent with PATCH)."""


def _files(directory: Path, fmt: FormatName) -> list[Path]:
    suffix = EXTENSIONS[fmt]
    return sorted(p for p in directory.rglob(f"*{suffix}") if p.is_file() and not _hidden(p, directory))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _documents(directory: Path, fmt: FormatName) -> list[tuple[str, PromptDocument]]:
    """(file, document) for every prompt under `directory`; a file's prompt is named by its path in the directory."""
    found: list[tuple[str, PromptDocument]] = []
    for path in _files(directory, fmt):
        relative = path.relative_to(directory).as_posix()
        try:
            docs = parse(read_text(str(path)), path.name, fmt)
        except FormatError as exc:
            raise InputError(f"{path}: {exc}") from exc
        for doc in docs:
            if fmt in FILE_FORMATS and doc.name == path.name.split(".", 1)[0]:
                doc.name = relative[: -len(EXTENSIONS[fmt])]  # nested folders become `folder/name`
            found.append((str(path), doc))
    names = [doc.name for _, doc in found]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise InputError(f"{directory}: several files define the prompt(s) {', '.join(duplicates)}")
    return found


def _lint_errors(paths: list[str]) -> int:
    from app.cli.lint_cmd import lint_file
    from app.cli.lint_config import settings_for
    from app.cli.lint_output import render_text, use_colour

    results = [lint_file(path, settings_for(path), False)[0] for path in paths]
    failing = [r for r in results if r.count("error")]
    if failing:
        click.echo(render_text(failing, use_colour(None)), nl=False, err=True, color=True)
    return len(failing)


def _plan(registry: Any, docs: list[tuple[str, PromptDocument]], label: str | None) -> list[Change]:
    from app.cli.sync_mapping import document_hash, not_stored, version_hash

    changes = []
    for path, doc in docs:
        remote = registry.prompt(doc.name)
        lost = not_stored(doc)
        if remote is None or not remote.get("latestVersion"):
            changes.append(Change(doc, path, "create", remote=remote, lost=lost))
            continue
        latest = int(remote["latestVersion"])
        version = registry.version(doc.name, latest)
        with_variables = bool(doc.variables)  # a file without declared variables leaves the server's to it
        same = document_hash(doc, with_variables=with_variables) == version_hash(version, with_variables=with_variables)
        if not same:
            action = "update"
        elif label and remote.get("labels", {}).get(label) != latest:
            action = "label"
        else:
            action = "unchanged"
        metadata = _metadata_changes(doc, remote)
        if action == "unchanged" and metadata:
            action = "metadata"
        changes.append(Change(doc, path, action, latest, remote, lost, version, metadata))
    return changes


def _metadata_changes(doc: PromptDocument, remote: dict[str, Any]) -> dict[str, Any]:
    """The description and tags the file sets differently from the server (a file without them changes none)."""
    changes: dict[str, Any] = {}
    if doc.description is not None and doc.description != remote.get("description", ""):
        changes["description"] = doc.description
    if doc.tags and sorted(doc.tags) != sorted(remote.get("tags") or []):
        changes["tags"] = doc.tags
    return changes


def _describe(change: Change, label: str | None) -> str:
    suffix = f", label {label}" if label else ""
    if change.action == "create":
        return f"create     {change.doc.name}  (new prompt, v1{suffix})  from {change.path}"
    if change.action == "update":
        return (
            f"update     {change.doc.name}  v{change.latest} -> v{(change.latest or 0) + 1}{suffix}  from {change.path}"
        )
    if change.action == "label":
        return f"label      {change.doc.name}  {label} -> v{change.latest}"
    if change.action == "metadata":
        return f"metadata   {change.doc.name}  {', '.join(sorted(change.metadata))}"
    return f"unchanged  {change.doc.name}  v{change.latest}"


def _readable(kind: str, text: str | None, messages: list[Any]) -> list[str]:
    if kind != "chat":
        return [line + "\n" for line in (text or "").splitlines()]  # every line ends with \n: a clean diff
    lines: list[str] = []
    for message in messages:
        role = message.get("role") if isinstance(message, dict) else message.role
        content = message.get("content", "") if isinstance(message, dict) else message.content
        name = message.get("name") if isinstance(message, dict) else message.name
        lines += [f"[{role}{' ' + name if name else ''}]\n", *(line + "\n" for line in (content or "").splitlines())]
    return lines


def _text_diff(change: Change) -> str:
    """A unified diff of the prompt's text (or messages) from the server's latest version to the file."""
    import difflib

    before = change.previous or {}
    old = _readable(str(before.get("kind", "text")), before.get("text"), list(before.get("messages") or []))
    new = _readable(change.doc.kind, change.doc.text, list(change.doc.messages))
    return "".join(difflib.unified_diff(old, new, f"{change.doc.name} v{change.latest}", change.path))


def _print_plan(changes: list[Change], workspace: str, label: str | None, dry_run: bool, show_diff: bool) -> None:
    click.echo(f"Plan for workspace {workspace}{' (dry run)' if dry_run else ''}:")
    for change in changes:
        click.echo("  " + _describe(change, label))
        for entry in change.lost:
            click.echo(f"      not stored: {entry}")
        if show_diff and change.action == "update":
            click.echo(_text_diff(change) or "      (model settings or variables changed)\n", nl=False)


def _apply(registry: Any, change: Change, label: str | None, message: str) -> str:
    from app.cli.sync_mapping import version_body

    labels = [label] if label else []
    doc = change.doc
    if change.metadata:
        registry.update_prompt(doc.name, change.metadata)
        if change.action == "metadata":
            return f"updated {', '.join(sorted(change.metadata))} of {doc.name}"
    if change.action == "label":
        registry.move_label(doc.name, label, change.latest)
        return f"moved {label} of {doc.name} to v{change.latest}"
    if change.action == "create" and change.remote is None:
        create = {"name": doc.name, "kind": doc.kind, "description": doc.description or "", "tags": doc.tags}
        registry.create_prompt(create)
    body = version_body(doc, labels, message or f"sync push from {change.path}")
    if change.latest is not None:
        body["parentVersion"] = change.latest  # 409 if someone else saved a version since the plan
    created = registry.create_version(doc.name, body)
    return f"created {doc.name} v{created['version']}" + (f" ({label})" if label else "")


def _registry(workspace: str) -> Any:
    from app.cli.api import Registry

    return Registry(workspace)


@click.group(name="sync")
def sync() -> None:
    """Keep a directory of prompt files and a workspace in step (PROMPTSMITH_URL, PROMPTSMITH_API_KEY)."""


@sync.command(name="push")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--workspace", required=True, help="Workspace slug.")
@click.option("--label", help="Label to point at the pushed versions (e.g. staging).")
@click.option("--dry-run", is_flag=True, help="Print the plan, change nothing.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=DEFAULT_FORMAT, show_default=True)
@click.option("--allow-lint-errors", is_flag=True, help="Push even when a file has lint errors.")
@click.option("-m", "--message", default="", help="Commit message of the new versions.")
@click.option("--diff", "show_diff", is_flag=True, help="Show the text changes of each updated prompt in the plan.")
def push(
    directory: Path,
    workspace: str,
    label: str | None,
    dry_run: bool,
    fmt: FormatName,
    allow_lint_errors: bool,
    message: str,
    show_diff: bool,
) -> None:
    """Create a version for each prompt file whose content differs from the prompt's latest version."""
    docs = _documents(directory, fmt)
    if not docs:
        click.echo(f"no {EXTENSIONS[fmt]} files under {directory}", err=True)
        sys.exit(EXIT_OK)
    failing = _lint_errors(sorted({path for path, _ in docs}))
    if failing and not allow_lint_errors:
        click.echo(
            f"refusing to push: {failing} file(s) have lint errors (--allow-lint-errors to push anyway)", err=True
        )
        sys.exit(EXIT_FINDINGS)
    from app.cli.api import ApiError

    registry = _registry(workspace)
    try:
        changes = _plan(registry, docs, label)
        _print_plan(changes, workspace, label, dry_run, show_diff)
        if dry_run:
            sys.exit(EXIT_OK)
        refused = 0
        for change in changes:
            if change.action == "unchanged":
                continue
            try:
                click.echo(_apply(registry, change, label, message))
            except ApiError as err:
                refused += 1
                reason = "protected label: " if err.status == 403 and label else ""
                click.echo(f"refused {change.doc.name} ({err.status}): {reason}{err.detail}", err=True)
    finally:
        registry.close()
    todo = sum(change.action != "unchanged" for change in changes)
    click.echo(f"{todo - refused} change(s) applied, {refused} refused, {len(changes) - todo} unchanged")
    sys.exit(EXIT_FINDINGS if refused else EXIT_OK)


@sync.command(name="pull")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--workspace", required=True, help="Workspace slug.")
@click.option("--label", default="production", show_default=True, help="Write the version this label points at.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=DEFAULT_FORMAT, show_default=True)
def pull(directory: Path, workspace: str, label: str, fmt: FormatName) -> None:
    """Write every prompt that carries LABEL into DIRECTORY (one file per prompt, or one JSON file)."""
    from app.cli.sync_mapping import document_from_version

    registry = _registry(workspace)
    try:
        documents = []
        for prompt in registry.prompts():
            version = (prompt.get("labels") or {}).get(label)
            if version is None:
                click.echo(f"skipped {prompt['name']}: no {label} label", err=True)
                continue
            doc = document_from_version(prompt, registry.version(prompt["name"], int(version)))
            documents.append(doc)
    finally:
        registry.close()
    directory.mkdir(parents=True, exist_ok=True)
    outputs = (
        [(directory / f"{workspace}{EXTENSIONS[fmt]}", documents)]
        if fmt not in FILE_FORMATS
        else [(directory / PurePosixPath(doc.name + EXTENSIONS[fmt]), [doc]) for doc in documents]
    )
    for path, docs in outputs:
        encoded = dump(docs, fmt)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(encoded.content, encoding="utf-8")
        click.echo(f"wrote {path}")
        for entry in encoded.unmapped:
            click.echo(f"  not written ({fmt}): {entry}", err=True)
    click.echo(f"{len(documents)} prompt(s) pulled at label {label}")
