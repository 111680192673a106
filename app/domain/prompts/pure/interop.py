"""Other tools' prompt files (Dotprompt, Prompty, Langfuse JSON, OpenAI prompt objects, plain Markdown) to and
from the registry's export document. Pure functions over the engine codecs (`app.engine.formats`), which
`promptsmith sync` uses too.

Import: a file becomes an `ExportDocument` (then checked and written like any export document) plus, for each
version, the list of what the file said that the registry has no place for (`unmapped`).
Export: each prompt's versions become engine documents, written in the chosen format; what that format cannot
hold is reported the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

import msgspec

from app.domain.prompts.pure.formats import MARKDOWN_FORMAT, DocumentError, decode_json_document, from_markdown
from app.domain.prompts.schemas import (
    EXPORT_FORMAT,
    LABEL_PATTERN,
    LATEST,
    NAME_PATTERN,
    TAG_PATTERN,
    ExportDocument,
    ExportPrompt,
    ExportVersion,
)
from app.engine.formats import FormatError, FormatName, PromptDocument, default_name, detect_format, dump, parse
from app.engine.formats.registry import document_from_version, model_config, not_stored

FileFormat = Literal["dotprompt", "prompty", "langfuse", "openai"]
ExportFormat = Literal["json", "markdown", "dotprompt", "prompty", "langfuse", "openai"]
ImportFormat = Literal["json", "markdown", "dotprompt", "prompty", "langfuse", "openai", "zip"]
SINGLE_VERSION: frozenset[str] = frozenset({"dotprompt", "prompty"})
"""Formats that hold one version of one prompt per file."""
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "markdown": "text/markdown",
    "dotprompt": "text/x-dotprompt",
    "prompty": "text/x-prompty",
    "langfuse": "application/json",
    "openai": "application/json",
    "zip": "application/zip",
}
SUFFIXES: dict[str, str] = {
    "json": ".json",
    "markdown": ".md",
    "dotprompt": ".prompt",
    "prompty": ".prompty",
    "langfuse": ".langfuse.json",
    "openai": ".openai.json",
}
_ZIP_SUFFIXES = (".md", ".markdown", ".prompt", ".prompty", ".json")
_FRONT_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*$", re.DOTALL | re.MULTILINE)
_OWN_FRONT_KEY_RE = re.compile(r"^(?:format:[ \t]*\"?" + re.escape(MARKDOWN_FORMAT) + r"|kind:)", re.MULTILINE)
Unmapped = dict[tuple[str, int], list[str]]
"""(prompt name, version number in the file) → what did not map."""


@dataclass
class ImportFile:
    """An import body read into the registry's document, with what each version lost."""

    document: ExportDocument
    unmapped: Unmapped = field(default_factory=dict)
    format: str = "json"


# --- import --------------------------------------------------------------------------------------------


def _engine_documents(text: str, filename: str, fmt: FormatName | None, where: str) -> list[PromptDocument]:
    try:
        return parse(text, filename, fmt)
    except FormatError as exc:
        raise DocumentError(where, str(exc)) from None
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, OverflowError, RecursionError) as exc:
        # The codecs read arbitrary YAML/JSON; a shape they did not foresee is the file's problem, not a 500.
        raise DocumentError(where, f"cannot be read as {fmt or 'a prompt file'} ({type(exc).__name__})") from None


def _version(doc: PromptDocument, number: int) -> dict[str, Any]:
    return {
        "version": number,
        "text": doc.text if doc.kind == "text" else None,
        "messages": msgspec.to_builtins(doc.messages) if doc.kind == "chat" else None,
        "variables": msgspec.to_builtins(doc.variables),
        "modelConfig": model_config(doc),
        "commitMessage": doc.commit_message or "",
        "source": "imported",
    }


_NAME_RE = re.compile(NAME_PATTERN)
_LABEL_RE = re.compile(LABEL_PATTERN)
_TAG_RE = re.compile(TAG_PATTERN)
_ERROR_AT_RE = re.compile(r" - at `(?:key` in `)?\$\.?([^`]*)`$")
_NOT_NAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


def registry_name(name: str) -> str | None:
    """A valid prompt name for another tool's name: itself when valid, else each `/` segment with runs of other
    characters turned into `-` ("Basic Prompt" → "Basic-Prompt"); None when nothing usable is left."""
    if _NAME_RE.match(name) and len(name) <= 200:
        return name
    segments = [_NOT_NAME_CHARS.sub("-", part).strip("-._") for part in name.split("/")]
    candidate = "/".join(part for part in segments if part)[:200]
    return candidate if candidate and _NAME_RE.match(candidate) else None


def _valid_tag(tag: str) -> bool:
    return len(tag) <= 64 and _TAG_RE.match(tag) is not None


def _renamed(docs: list[tuple[str, PromptDocument]]) -> list[tuple[str, PromptDocument, str | None]]:
    """Documents with registry-valid names, and the original name of each one that had to change."""
    out: list[tuple[str, PromptDocument, str | None]] = []
    for where, doc in docs:
        name = registry_name(doc.name)
        if name is None:
            raise DocumentError(
                "name", f"{where}: {doc.name!r} cannot be made a prompt name (letters, digits, . _ - /)"
            )
        original = doc.name if name != doc.name else None
        doc.name = name
        out.append((where, doc, original))
    return out


def prompts_from_documents(docs: list[tuple[str, PromptDocument]]) -> tuple[list[ExportPrompt], Unmapped]:
    """Group documents (with where each came from) by prompt name into export prompts.

    A document's `version` is kept; one without gets the next number. Labels follow their version (`latest`
    is the registry's own and is skipped). Raises DocumentError naming the prompt and the file at fault.
    """
    groups: dict[str, list[tuple[str, PromptDocument]]] = {}
    renamed: dict[int, str] = {}
    for where, doc, original in _renamed(docs):
        groups.setdefault(doc.name, []).append((where, doc))
        if original is not None:
            renamed[id(doc)] = original
    prompts: list[ExportPrompt] = []
    unmapped: Unmapped = {}
    for index, (name, group) in enumerate(groups.items()):
        path = f"prompts[{index}]"
        kinds = {doc.kind for _, doc in group}
        if len(kinds) > 1:
            raise DocumentError(f"{path}.kind", f"{name!r} is both a text and a chat prompt in this file")
        versions: list[dict[str, Any]] = []
        labels: dict[str, int] = {}
        numbers: set[int] = set()
        next_number = max((doc.version or 0 for _, doc in group), default=0)
        first = group[0][1]
        for where, doc in sorted(group, key=lambda item: item[1].version or 0):
            number = doc.version
            if number is None:
                next_number += 1
                number = next_number
            if number in numbers:
                raise DocumentError(f"{path}.versions", f"{where}: version {number} of {name!r} appears twice")
            numbers.add(number)
            versions.append(_version(doc, number))
            for label in doc.labels:
                if not _LABEL_RE.match(label) or len(label) > 64:
                    raise DocumentError(
                        f"{path}.labels", f"{where}: {label!r} is not a label name (a-z, 0-9, '.', '_', '-')"
                    )
            labels.update({label: number for label in doc.labels if label != LATEST})
            unmapped[(name, number)] = not_stored(doc)
            unmapped[(name, number)] += [f"tag {tag!r} (not a tag name)" for tag in doc.tags if not _valid_tag(tag)]
            if id(doc) in renamed:
                unmapped[(name, number)].insert(0, f"name {renamed[id(doc)]!r} (imported as {name!r})")
        raw = {
            "name": name,
            "kind": first.kind,
            "description": next((d.description for _, d in group if d.description), None) or "",
            "tags": sorted({tag for _, d in group for tag in d.tags if _valid_tag(tag)}),
            "labels": labels,
            "versions": versions,
        }
        try:
            prompts.append(msgspec.convert(raw, ExportPrompt))
        except msgspec.ValidationError as exc:
            at = _ERROR_AT_RE.search(str(exc))
            message = str(exc)[: at.start()] if at else str(exc)
            sub = at.group(1) if at else ""
            raise DocumentError(f"{path}.{sub}" if sub else path, f"{group[0][0]}: {message}") from None
    return prompts, unmapped


def _named_by_path(docs: list[PromptDocument], path: str) -> list[PromptDocument]:
    """A document that names no prompt of its own (its name is the file's stem) is named by its path without
    the extension, folders included (`support/agent.md` → `support/agent`; `__` in a file name is `/`)."""
    stem = path.rsplit(".", 1)[0] if "." in path.rsplit("/", 1)[-1] else path
    for doc in docs:
        if not doc.name and not path:
            raise DocumentError("filename", "the file names no prompt: pass `filename` to name it after the file")
        if doc.name == default_name(path):
            doc.name = stem.strip("/").replace("__", "/")
    return docs


def _text(raw: bytes, where: str = "document") -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(where, "not UTF-8 text") from None


def is_promptsmith_markdown(text: str) -> bool:
    """Our own Markdown (front matter with `format: promptsmith.markdown/v1` or `kind:`, or version sections),
    as opposed to a Dotprompt-style or plain Markdown prompt."""
    front = _FRONT_RE.match(text)
    return front is not None and (
        _OWN_FRONT_KEY_RE.search(front.group(1)) is not None or "<!-- promptsmith:version " in text
    )


def _markdown(text: str, filename: str | None, where: str) -> tuple[list[ExportPrompt], Unmapped]:
    """Promptsmith Markdown (front matter `format: promptsmith.markdown/v1`), else Dotprompt-style or plain."""
    if is_promptsmith_markdown(text):
        return [from_markdown(text, where)], {}
    if filename is None and not text.startswith("---"):
        raise DocumentError("filename", "a Markdown file without front matter is named after its file: pass `filename`")
    docs = _engine_documents(text, filename or "", "markdown", where)
    return prompts_from_documents([(filename or where, d) for d in _named_by_path(docs, filename or "")])


def _json(raw: bytes, fmt: str | None, filename: str) -> tuple[list[ExportPrompt], Unmapped, str]:
    if fmt == "json" or (fmt is None and re.search(rb'"format"\s*:\s*"promptsmith\.export/v1"', raw[:4096])):
        return decode_json_document(raw).prompts, {}, "json"
    text = _text(raw)
    # A JSON body is one of the JSON formats whatever its file name says (a name without `.json` once sent
    # `[null, null]` down the Markdown reader, which imported it as a prompt).
    json_name = filename if filename.lower().endswith(".json") else "x.json"
    chosen: FormatName = fmt if fmt in ("langfuse", "openai") else detect_format(json_name, text)  # type: ignore[assignment]
    if chosen not in ("langfuse", "openai"):
        raise DocumentError("document", "not a Promptsmith export, Langfuse export or OpenAI prompt objects")
    prompts, unmapped = prompts_from_documents(
        [(filename or "document", d) for d in _engine_documents(text, "x.json", chosen, "document")]
    )
    return prompts, unmapped, chosen


def read_file(raw: bytes, fmt: str, filename: str | None) -> ImportFile:
    """One non-zip import body in `fmt` (json, markdown, dotprompt, prompty, langfuse, openai)."""
    if fmt in ("json", "langfuse", "openai"):
        prompts, unmapped, chosen = _json(raw, None if fmt == "json" else fmt, filename or "")
        return ImportFile(ExportDocument(format=EXPORT_FORMAT, prompts=prompts), unmapped, chosen)
    text = _text(raw)
    if fmt == "markdown":
        prompts, unmapped = _markdown(text, filename, "prompts[0]")
    else:
        name = filename or ""
        docs = _engine_documents(text, name, fmt, "document")  # type: ignore[arg-type]
        prompts, unmapped = prompts_from_documents([(name, d) for d in _named_by_path(docs, name)])
    return ImportFile(ExportDocument(format=EXPORT_FORMAT, prompts=prompts), unmapped, fmt)


def read_members(members: list[tuple[str, bytes]]) -> ImportFile:
    """The files of a zip archive: each read by its extension; a prompt's name is its path without extension
    when the file names none (folders become `folder/name`)."""
    prompts: list[ExportPrompt] = []
    loose: list[tuple[str, PromptDocument]] = []
    unmapped: Unmapped = {}
    for index, (member, raw) in enumerate(sorted(members)):
        where = f"prompts[{index}]"
        lower = member.lower()
        if not lower.endswith(_ZIP_SUFFIXES):
            continue
        if lower.endswith(".json"):
            found, lost, _ = _json(raw, None, member)
            prompts.extend(found)
            unmapped.update(lost)
            continue
        text = _text(raw, where)
        if lower.endswith((".md", ".markdown")) and is_promptsmith_markdown(text):
            prompts.append(from_markdown(text, where))
            continue
        docs = _engine_documents(text, member.rsplit("/", 1)[-1], None, where)
        loose.extend((member, doc) for doc in _named_by_path(docs, member))
    if loose:
        more, lost = prompts_from_documents(loose)
        prompts.extend(more)
        unmapped.update(lost)
    return ImportFile(ExportDocument(format=EXPORT_FORMAT, prompts=prompts), unmapped, "zip")


# --- export --------------------------------------------------------------------------------------------


@dataclass
class ExportFile:
    """A written file (or, for list formats, the whole export) and what its format could not hold."""

    filename: str
    content: str
    unmapped: list[str]


def _document(prompt: ExportPrompt, version: ExportVersion, labels: list[str]) -> PromptDocument:
    doc = document_from_version(
        {"name": prompt.name, "description": prompt.description, "tags": prompt.tags},
        {"kind": prompt.kind, **msgspec.to_builtins(version)},
    )
    doc.labels = labels
    doc.version = version.version
    doc.commit_message = version.commit_message or None
    return doc


def _labels_of(prompt: ExportPrompt, number: int) -> list[str]:
    labels = sorted(name for name, target in prompt.labels.items() if target == number)
    latest = max((v.version for v in prompt.versions), default=None)
    return [*labels, LATEST] if number == latest else labels


def select_version(prompt: ExportPrompt, version: int | None, label: str | None) -> ExportVersion | None:
    """The version to write for one-version formats: by number, by label, else the latest."""
    if version is None and label is not None and label != LATEST:
        version = prompt.labels.get(label)
        if version is None:
            return None
    if version is None:
        return prompt.versions[-1] if prompt.versions else None
    return next((v for v in prompt.versions if v.version == version), None)


def file_name(name: str, fmt: str) -> str:
    """A prompt's file name in an archive or a download (folders kept as folders)."""
    return name + SUFFIXES[fmt]


def export_files(
    prompts: list[ExportPrompt], fmt: FileFormat, version: int | None, label: str | None, bundle: str
) -> list[ExportFile]:
    """Write prompts in `fmt`: one file per prompt for Dotprompt and Prompty (the selected version, default
    the latest), one JSON file (`bundle`) for Langfuse and OpenAI (every version with its labels, or the
    selected one). Prompts without the selected version are left out."""
    selected: list[tuple[ExportPrompt, list[ExportVersion]]] = []
    for prompt in prompts:
        if version is None and label is None and fmt not in SINGLE_VERSION:
            selected.append((prompt, list(prompt.versions)))
        elif (chosen := select_version(prompt, version, label)) is not None:
            selected.append((prompt, [chosen]))
    if fmt in SINGLE_VERSION:
        files: list[ExportFile] = []
        for prompt, (chosen,) in selected:
            labels = [name for name in _labels_of(prompt, chosen.version) if name != LATEST]
            encoded = dump([_document(prompt, chosen, labels)], fmt)
            files.append(ExportFile(file_name(prompt.name, fmt), encoded.content, encoded.unmapped))
        return files
    docs = [_document(p, v, _labels_of(p, v.version)) for p, versions in selected for v in versions]
    encoded = dump(docs, fmt)
    return [ExportFile(bundle + SUFFIXES[fmt], encoded.content, encoded.unmapped)]


__all__ = [
    "EXPORT_FORMAT",
    "MEDIA_TYPES",
    "DocumentError",
    "ExportFile",
    "ExportFormat",
    "ImportFile",
    "ImportFormat",
    "export_files",
    "prompts_from_documents",
    "read_file",
    "read_members",
    "select_version",
]
