"""Read an existing prompt into a draft spec: every sentence and list the author wrote, re-sectioned verbatim."""

from __future__ import annotations

import re

import msgspec

from app.engine.improve._lists import is_list_line, repair_numbering
from app.engine.improve._sentences import is_role_detail, is_role_sentence, sentence_kind, split_sentences
from app.engine.parse import Block, is_fence_line, is_slot_line, kind_of_paragraph, pair_examples, split_blocks
from app.engine.spec import Example, Section

INSTRUCTIONS_TITLE = "Instructions"
_LABEL_CUE = re.compile(
    r"^(?:role|persona|context|background|instructions?|rules|output(?: format)?|format|examples?|notes?)\s*:\s*",
    re.I,
)
_VAR = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*\}\}")


class Draft(msgspec.Struct, kw_only=True):
    """The author's material sorted by purpose, in the author's order and words."""

    role: list[str] = msgspec.field(default_factory=list)
    context: list[str] = msgspec.field(default_factory=list)
    tone: list[str] = msgspec.field(default_factory=list)
    output: list[str] = msgspec.field(default_factory=list)
    examples: list[Example] = msgspec.field(default_factory=list)
    sections: list[Section] = msgspec.field(default_factory=list)
    instruction_lines: list[str] = msgspec.field(default_factory=list)
    """Lines of the untitled instructions section (bullets for prose sentences, the author's own lists as written)."""
    instruction_index: int | None = None
    """Where the untitled instructions section goes among `sections`."""
    unsure: list[str] = msgspec.field(default_factory=list)
    scope: list[str] = msgspec.field(default_factory=list)
    boundaries: list[str] = msgspec.field(default_factory=list)
    renumbered: bool = False
    list_end: int = -1
    """Length of `instruction_lines` right after the author's last list, so prose bullets never extend it."""


def _list_items(body: str) -> list[str]:
    """Items of a guardrail/tone/context block: list markers stripped, wrapped lines joined."""
    items: list[str] = []
    for para in re.split(r"\n[ \t]*\n", body.strip()):
        lines = [ln for ln in para.split("\n") if ln.strip()]
        if lines and any(is_list_line(ln) for ln in lines):
            for ln in lines:
                if is_list_line(ln) or not items:
                    items.append(re.sub(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+", "", ln).strip())
                else:
                    items[-1] += " " + ln.strip()
        elif para.strip():
            items.append(" ".join(ln.strip() for ln in lines))
    return items


def _route_sentence(draft: Draft, sentence: str, *, role_open: bool, opening: bool) -> bool:
    """File one prose sentence; returns whether the role is still open for detail sentences.

    `opening` is true for the prompt's very first sentence, which may state the role as "You help…".
    """
    if role_open and (
        is_role_sentence(sentence) or ((draft.role or opening) and is_role_detail(sentence, opening=opening))
    ):
        draft.role.append(sentence)
        return True
    kind = sentence_kind(sentence)
    if kind == "output":
        draft.output.append(sentence)
    elif kind == "unsure" or (kind == "fallback" and not draft.unsure):
        draft.unsure.append(sentence)
    elif kind == "scope":
        draft.scope.append(sentence)
    elif kind in ("boundary", "fallback"):
        draft.boundaries.append(sentence)
    else:
        draft.instruction_lines.append(f"- {sentence}")
    return False


def _pop_lead(prose: list[str]) -> str:
    """Take the sentence that introduces a fence or list ("…matching this schema:") off the end of the prose."""
    if not prose or not prose[-1].rstrip().endswith(":"):
        return ""
    sentences = split_sentences(prose.pop())
    lead = sentences.pop() if sentences else ""
    if sentences:
        prose.append(" ".join(sentences))
    return lead


def _add_instruction_lines(draft: Draft, lines: list[str]) -> None:
    if draft.instruction_index is None:
        draft.instruction_index = len(draft.sections)
    if draft.instruction_lines and lines and not (is_list_line(lines[0]) and is_list_line(draft.instruction_lines[-1])):
        draft.instruction_lines.append("")
    draft.instruction_lines.extend(lines)
    draft.list_end = len(draft.instruction_lines)


def _untitled(draft: Draft, body: str, *, first_prose: bool) -> None:
    """An untitled paragraph: prose is split into sentences and routed; the author's lists stay lists."""
    lines = body.split("\n")
    prose: list[str] = []
    role_open = first_prose

    def flush_prose() -> None:
        nonlocal role_open
        if not prose:
            return
        sentences = split_sentences("\n".join(prose))
        prose.clear()
        start = len(draft.instruction_lines)
        if draft.instruction_index is None:
            draft.instruction_index = len(draft.sections)
        for index, sentence in enumerate(sentences):
            opening = first_prose and index == 0 and not draft.role and not draft.instruction_lines
            role_open = _route_sentence(
                draft, sentence, role_open=role_open or (first_prose and not draft.role), opening=opening
            )
        if len(draft.instruction_lines) > start and start and start == draft.list_end:
            draft.instruction_lines.insert(start, "")  # the author's list ends before these sentences

    i = 0
    while i < len(lines):
        line = lines[i]
        if is_fence_line(line):
            close = next((j for j in range(i + 1, len(lines)) if is_fence_line(lines[j])), len(lines) - 1)
            fence = lines[i : close + 1]
            lead = _pop_lead(prose)
            flush_prose()
            # "Return JSON matching this schema:" plus its fence is the output format; other fences stay in place.
            if lead and sentence_kind(lead) == "output":
                draft.output.append("\n".join([lead, *fence]))
            else:
                _add_instruction_lines(draft, [lead, *fence] if lead else fence)
            role_open = False
            i = close + 1
            continue
        if is_list_line(line):
            # A lead-in line ending in a colon stays with its list ("Follow these steps:").
            lead = _pop_lead(prose)
            flush_prose()
            run = [lead] if lead else []
            while i < len(lines) and (is_list_line(lines[i]) or lines[i][:1].isspace() or not lines[i].strip()):
                run.append(lines[i])
                i += 1
            _add_instruction_lines(draft, run)
            role_open = False
            continue
        prose.append(line)
        i += 1
    flush_prose()


def _titled(draft: Draft, block: Block) -> None:
    body = block.body
    kind = block.kind
    if kind == "role" and not any(is_list_line(ln) for ln in body.split("\n")):
        draft.role.append(body.strip())
    elif kind == "context":
        draft.context.extend(_list_items(body))
    elif kind == "tone":
        draft.tone.extend(_list_items(body))
    elif kind == "output":
        draft.output.append(body.strip())
    elif kind == "examples" and (pairs := pair_examples(body)):
        draft.examples.extend(pairs)
    elif kind == "guardrails":
        for item in _list_items(body):
            routed = sentence_kind(item)
            if routed in ("unsure", "fallback") and not draft.unsure:
                draft.unsure.append(item)
            elif routed == "scope" and not draft.scope:
                draft.scope.append(item)
            else:
                draft.boundaries.append(item)
    else:
        repaired = repair_numbering(body)
        draft.renumbered = draft.renumbered or repaired != body
        draft.sections.append(Section(title=block.title, body=repaired))


def read_prompt(text: str) -> Draft:
    """Sort the prompt's blocks and sentences by purpose. Input-slot lines ("Ticket: {{ticket}}") are dropped:
    the renderers re-add them as delimited slots."""
    draft = Draft()
    first_prose = True
    blocks = split_blocks(text)
    # A first heading that names no section ("# Customer Support Bot") titles the whole document: what follows it
    # is read like untitled text, sentence by sentence.
    document_title = blocks[0].title if blocks and blocks[0].title and blocks[0].kind == "other" else None
    for block in blocks:
        if document_title is not None and block.title == document_title:
            block = msgspec.structs.replace(block, title="", kind=kind_of_paragraph(block.body))
        kept = [ln for ln in block.body.split("\n") if not is_slot_line(ln)]
        body = "\n".join(kept).strip("\n")
        if not body.strip():
            continue
        if block.title:
            _titled(draft, msgspec.structs.replace(block, body=body))
            continue
        cue = block.kind
        if cue == "output" and _LABEL_CUE.match(body.lstrip()):
            draft.output.append(_LABEL_CUE.sub("", body.strip(), count=1))
        elif cue == "examples" and (pairs := pair_examples(body)):
            draft.examples.extend(pairs)
        elif cue == "context" and _LABEL_CUE.match(body.lstrip()):
            draft.context.extend(_list_items(_LABEL_CUE.sub("", body.strip(), count=1)))
        else:
            _untitled(draft, body, first_prose=first_prose)
            first_prose = False
    if draft.instruction_lines:
        body = "\n".join(draft.instruction_lines).strip("\n")
        repaired = repair_numbering(body)
        draft.renumbered = draft.renumbered or repaired != body
        same = next((i for i, s in enumerate(draft.sections) if s.title.lower() == INSTRUCTIONS_TITLE.lower()), None)
        if same is not None:
            # The author has an "Instructions" section already: their loose sentences join it, after its own items.
            section = draft.sections[same]
            draft.sections[same] = Section(title=section.title, body=section.body + "\n\n" + repaired)
        else:
            index = draft.instruction_index if draft.instruction_index is not None else len(draft.sections)
            draft.sections.insert(index, Section(title=INSTRUCTIONS_TITLE, body=repaired))
    return draft


def task_statement(draft: Draft) -> str:
    """The opening of the author's task (first instruction lines), which says what kind of assistant this is."""
    for section in draft.sections:
        lines = [ln.strip().lstrip("-*•").strip() for ln in section.body.split("\n") if ln.strip()]
        if lines:
            return " ".join(lines[:2])
    return " ".join(draft.output[:1])


def inline_names(draft: Draft) -> list[str]:
    """Variables the kept text already places, so the renderers add no second slot for them."""
    texts = [*draft.role, *draft.context, *draft.tone, *draft.output, *draft.unsure, *draft.scope, *draft.boundaries]
    texts.extend(s.body for s in draft.sections)
    texts.extend(e.input + "\n" + e.output for e in draft.examples)
    names: list[str] = []
    for text in texts:
        for name in _VAR.findall(text):
            if name not in names:
                names.append(name)
    return names
