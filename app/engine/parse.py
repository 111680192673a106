"""Prompt text -> PromptSpec, as far as the text allows, keeping the author's wording verbatim."""

from __future__ import annotations

import re

import msgspec

from app.engine.brief import describe_variable
from app.engine.spec import Example, Guardrails, OutputFormat, OutputKind, PromptSpec, Rule, Section, Tool
from app.engine.types import Variable

SectionKind = str
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$")
_OPEN_TAG = re.compile(r"^[ \t]*<([A-Za-z][\w.-]*)>[ \t]*$")
_INLINE_TAG = re.compile(r"^[ \t]*<([A-Za-z][\w.-]*)>(.*)</\1>[ \t]*$", re.DOTALL)
_VAR = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_VAR_ONLY_LINE = re.compile(r"^[ \t]*(?:[A-Za-z][\w ']{0,30}:[ \t]*)?\{\{\s*([A-Za-z_]\w*)\s*\}\}[ \t]*$")
# A short line that ends in a colon and introduces what follows ("Rules:", "**Steps:**") titles a section like a
# heading does. Example-pair labels are excluded: "Input:" / "Output:" on their own line belong to an example.
_LABEL_LINE = re.compile(r"^[ \t]*(?:\*\*|__)?(?P<title>[^\W\d_][\w '/&()-]{0,38}?)[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*$")
_PAIR_LABELS = frozenset({"input", "output", "q", "a", "question", "answer", "user", "assistant", "response", "human"})
MAX_LABEL_WORDS = 5
# "Follow these steps:" or "Here is the ticket:" introduce the lines below; they are not section titles.
_LEAD_IN = re.compile(
    r"^(?:follow|do|use|please|here|consider|remember|note|keep|make|answer|check|include|avoid|given|for|when|if"
    r"|the following|below|above|you|your|i|we|this|these|then)\b",
    re.I,
)
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+")
_LABEL_CUE = re.compile(
    r"^(role|persona|context|background|instructions?|rules|output(?: format)?|format|examples?|notes?)\s*:\s*", re.I
)

_KIND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("role", re.compile(r"\b(?:role|persona|identity|objective|who you are|about you|task)\b", re.I)),
    ("context", re.compile(r"\b(?:context|background|about|product|company)\b", re.I)),
    ("tone", re.compile(r"\b(?:tone|style|voice|personality)\b", re.I)),
    ("tools", re.compile(r"\btools?\b", re.I)),
    ("reasoning", re.compile(r"\b(?:reasoning|thinking|think|step by step)\b", re.I)),
    ("output", re.compile(r"\b(?:output|format|response format|answer format)\b", re.I)),
    ("examples", re.compile(r"\bexamples?\b", re.I)),
    ("guardrails", re.compile(r"\b(?:guardrails?|boundaries|notes?|safety|limits|restrictions)\b", re.I)),
    ("reminder", re.compile(r"\b(?:final|reminder|remember)\b", re.I)),
    ("instructions", re.compile(r"\b(?:instructions?|rules|guidelines|steps|policy|constraints|requirements)\b", re.I)),
)
_PARAGRAPH_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("role", re.compile(r"^(?:you are|you're|act as|as an? )", re.I)),
    (
        "output",
        re.compile(r"^(?:output|format|respond (?:in|with|using)|return |reply (?:in|with)|answer (?:in|with))", re.I),
    ),
    ("examples", re.compile(r"^(?:examples?\s*:|input\s*:|q\s*:|user\s*:)", re.I)),
    (
        "guardrails",
        re.compile(
            r"^(?:if (?:you (?:are|'re) (?:unsure|not sure)|you don't know|unsure|the (?:question|request) is)"
            r"|never |do not reveal)",
            re.I,
        ),
    ),
    ("context", re.compile(r"^(?:context|background)\s*:", re.I)),
)
CONFIDENTIAL_RE = re.compile(
    r"\b(?:reveal|share|disclose|repeat)\b.*\b(?:instructions|prompt)\b|\bconfidential\b", re.I
)
_STRONG_CUE = re.compile(r"(?:output|format|examples?|context|background)\s*:", re.I)
_UNSURE = re.compile(r"\b(?:unsure|not sure|don't know|do not know|uncertain|cannot answer|can't answer)\b", re.I)
_SCOPE = re.compile(r"\b(?:out of scope|off-topic|unrelated|outside)\b", re.I)
_PAIR = re.compile(
    r"(?:^|\n)[ \t]*(?:input|q|question|user)[ \t]*:[ \t]*(?P<input>.*?)\n"
    r"[ \t]*(?:output|a|answer|assistant)[ \t]*:[ \t]*(?P<output>.*?)"
    r"(?=\n[ \t]*(?:input|q|question|user)[ \t]*:|\Z)",
    re.I | re.S,
)
_FORMAT_KINDS: tuple[tuple[re.Pattern[str], OutputKind], ...] = (
    (re.compile(r"\bjson\b", re.I), "json"),
    (re.compile(r"\btable\b", re.I), "table"),
    (re.compile(r"\bbullet", re.I), "bullets"),
    (re.compile(r"\bmarkdown\b", re.I), "markdown"),
)


class Block(msgspec.Struct, frozen=True):
    """A titled chunk of the source prompt; `title` is empty for preamble paragraphs."""

    title: str
    body: str
    kind: SectionKind


def is_fence_line(line: str) -> bool:
    """Whether a line opens or closes a fenced block (``` or ~~~)."""
    return line.lstrip().startswith(("```", "~~~"))


def split_paragraphs(body: str) -> list[str]:
    """Paragraphs separated by blank lines; a fenced block stays whole even when it holds blank lines."""
    paragraphs: list[str] = []
    current: list[str] = []
    in_fence = False
    for line in body.split("\n"):
        if is_fence_line(line):
            in_fence = not in_fence
        if not line.strip() and not in_fence:
            if current:
                paragraphs.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs


def kind_of_title(title: str) -> SectionKind:
    """Section kind for a heading or tag name ("Output Format" -> output)."""
    words = title.replace("_", " ")
    for kind, pattern in _KIND_WORDS:
        if pattern.search(words):
            return kind
    return "other"


def kind_of_paragraph(paragraph: str) -> SectionKind:
    """Section kind for an untitled paragraph from its opening cue."""
    text = paragraph.lstrip()
    for kind, pattern in _PARAGRAPH_CUES:
        if pattern.search(text):
            return kind
    return "instructions"


def label_title(line: str) -> str | None:
    """The title of a label line ("Rules:", "**Output format:**"), or None when the line is not one."""
    m = _LABEL_LINE.match(line)
    if m is None:
        return None
    title = m.group("title").strip()
    if title.lower() in _PAIR_LABELS or len(title.split()) > MAX_LABEL_WORDS or _LEAD_IN.match(title):
        return None
    return title


def split_blocks(text: str) -> list[Block]:
    """Split a prompt into titled blocks (Markdown headings, top-level XML tags) and preamble paragraphs."""
    lines = text.replace("\r\n", "\n").split("\n")
    blocks: list[Block] = []
    title: str | None = None
    buf: list[str] = []
    i = 0

    def flush() -> None:
        body = "\n".join(buf).strip("\n")
        if title is None:
            for para in split_paragraphs(body):
                if para.strip():
                    blocks.append(Block("", para.strip("\n"), kind_of_paragraph(para)))
        elif body.strip():
            # A labelled paragraph ("Output: ...") inside a titled section still starts its own section.
            kind = kind_of_title(title)
            own: list[str] = []
            for para in split_paragraphs(body):
                label = _STRONG_CUE.match(para.lstrip())
                if label and kind_of_paragraph(para) != kind:
                    if own:
                        blocks.append(Block(title, "\n\n".join(own), kind))
                        own = []
                    blocks.append(Block("", para.strip("\n"), kind_of_paragraph(para)))
                elif para.strip():
                    own.append(para.strip("\n"))
            if own:
                blocks.append(Block(title, "\n\n".join(own), kind))
        buf.clear()

    in_fence = False
    labelled = False  # the current title came from a label line, whose section ends at the next blank line
    while i < len(lines):
        line = lines[i]
        if is_fence_line(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING.match(line)
        tag = None if in_fence else _OPEN_TAG.match(line)
        inline_tag = None if in_fence or tag else _INLINE_TAG.match(line)
        label = None if in_fence or heading or tag or inline_tag else label_title(line)
        if label is not None and not any(ln.strip() for ln in lines[i + 1 : i + 2]):
            label = None  # a label needs something right below it to introduce
        # A labelled section ends at a blank line, unless its list goes on after the blank line.
        list_goes_on = any(ln.strip() and _LIST_MARKER.match(ln) for ln in lines[i + 1 : i + 2])
        if labelled and not in_fence and not line.strip() and any(b.strip() for b in buf) and not list_goes_on:
            flush()
            title, labelled = None, False
        if heading:
            flush()
            title, labelled = heading.group(1).strip(), False
        elif label is not None:
            flush()
            title, labelled = label, True
        elif inline_tag and not (title is not None and not labelled):
            flush()
            name = inline_tag.group(1)
            blocks.append(Block(name, inline_tag.group(2).strip(), kind_of_title(name)))
            title, labelled = None, False
        elif tag and not (title is not None and not labelled):
            # Under a Markdown heading, tags belong to that section ("# Examples" then <example> blocks).
            name = tag.group(1)
            close = next((j for j in range(i + 1, len(lines)) if lines[j].strip() == f"</{name}>"), None)
            if close is None:
                buf.append(line)
            else:
                flush()
                blocks.append(Block(name, "\n".join(lines[i + 1 : close]).strip("\n"), kind_of_title(name)))
                title, labelled = None, False
                i = close
        else:
            buf.append(line)
        i += 1
    flush()
    return blocks


def _items(body: str) -> list[str]:
    """Lines of a block as list items, markers stripped; wrapped paragraphs stay whole."""
    items: list[str] = []
    for para in split_paragraphs(body.strip()):
        lines = [ln for ln in para.split("\n") if ln.strip()]
        if lines and all(_LIST_MARKER.match(ln) for ln in lines if not ln.startswith((" ", "\t"))):
            for ln in lines:
                if _LIST_MARKER.match(ln) or not items:
                    items.append(_LIST_MARKER.sub("", ln).strip())
                else:
                    items[-1] += " " + ln.strip()
        elif para.strip():
            items.append(para.strip())
    return items


# Values the application fills in itself (the date, the product's name): trusted, so neither wrapped nor
# covered by the treat-as-data clause.
_SYSTEM_NAMES = frozenset(
    re.findall(
        r"\S+",
        "date time datetime today now timestamp year currentdate currenttime currentdatetime todaysdate locale "
        "timezone appname companyname productname version modelname assistantname botname knowledgecutoff cutoff",
    )
)


def is_system_variable(name: str) -> bool:
    """Whether a variable holds a value the application supplies (`{{current_date}}`, `{{currentDateTime}}`)."""
    return name.replace("_", "").lower() in _SYSTEM_NAMES


def is_slot_line(line: str) -> bool:
    """Whether a line only places an input ("Ticket: {{ticket}}"); renderers turn such lines into delimited slots."""
    return _VAR_ONLY_LINE.match(line) is not None


def pair_examples(body: str) -> list[Example]:
    """Input/output example pairs written as "Input: …" / "Output: …" (or Q/A, User/Assistant) lines."""
    return [Example(input=m.group("input").strip(), output=m.group("output").strip()) for m in _PAIR.finditer(body)]


def wrap_bare_variables(text: str, keep: frozenset[str] = frozenset()) -> tuple[str, list[str]]:
    """Wrap inline `{{x}}` occurrences in `<x>` tags where nothing delimits them; returns names wrapped.

    Lines that hold only a variable are left alone: the parser turns them into delimited input slots.
    Names in `keep` (trusted values the application fills in, such as the current date) stay bare.
    """
    wrapped: list[str] = []
    out: list[str] = []
    for line in text.split("\n"):
        if _VAR_ONLY_LINE.match(line) or not _VAR.search(line):
            out.append(line)
            continue

        def wrap(m: re.Match[str], line: str = line) -> str:
            name = m.group(1)
            if name in keep:
                return m.group(0)
            before, after = line[: m.start()], line[m.end() :]
            if before.rstrip().endswith((f"<{name}>", "`", '"')) and after.lstrip().startswith(
                (f"</{name}>", "`", '"')
            ):
                return m.group(0)
            if name not in wrapped:
                wrapped.append(name)
            return f"<{name}>{m.group(0)}</{name}>"

        out.append(_VAR.sub(wrap, line))
    return "\n".join(out), wrapped


def parse_prompt(text: str) -> PromptSpec:
    """Parse prompt text into a spec. Unrecognised sections are kept verbatim in `sections`."""
    role: list[str] = []
    context: list[str] = []
    rules: list[Rule] = []
    tone: list[str] = []
    tools: list[Tool] = []
    reasoning: list[str] = []
    output: list[str] = []
    examples: list[Example] = []
    sections: list[Section] = []
    guard_extra: list[str] = []
    reminder: list[str] = []
    out_of_scope = ""
    when_unsure = ""
    variables: dict[str, Variable] = {}
    inline: list[str] = []

    for m in _VAR.finditer(text):
        variables.setdefault(
            m.group(1), Variable(name=m.group(1), description=describe_variable(m.group(1)), trusted=False)
        )

    for block in split_blocks(text):
        body = block.body
        if block.title and _VAR_ONLY_LINE.match(body.strip()) and "\n" not in body.strip():
            continue  # an input slot like <document>{{document}}</document>: re-rendered as a slot
        kept: list[str] = []
        for line in body.split("\n"):
            if _VAR_ONLY_LINE.match(line):
                continue  # "Ticket: {{ticket}}" lines become delimited input slots
            kept.append(line)
        body = "\n".join(kept).strip("\n")
        for name in _VAR.findall(body):
            if name not in inline:
                inline.append(name)
        if not body.strip():
            continue
        kind = block.kind
        if kind == "role":
            role.append(body.strip())
        elif kind == "context":
            context.extend(_items(body))
        elif kind == "tone":
            tone.extend(_items(body))
        elif kind == "reasoning":
            reasoning.extend(_items(body))
        elif kind == "output":
            output.append(_LABEL_CUE.sub("", body.strip(), count=1) if not block.title else body.strip())
        elif kind == "examples":
            pairs = pair_examples(body)
            if pairs:
                examples.extend(pairs)
            else:
                sections.append(Section(title=block.title or "Examples", body=body))
        elif kind == "guardrails":
            for item in _items(body):
                if not when_unsure and _UNSURE.search(item):
                    when_unsure = item
                elif not out_of_scope and _SCOPE.search(item):
                    out_of_scope = item
                else:
                    guard_extra.append(item)
        elif kind == "reminder":
            reminder.append(body.strip())
        elif kind == "tools":
            tools.extend(
                Tool(name=item.split(":", 1)[0].strip(), purpose=item.split(":", 1)[-1].strip())
                for item in _items(body)
            )
        elif kind == "instructions":
            group = block.title or "General"
            rules.extend(Rule(text=item, group=group) for item in _items(body))
        else:
            sections.append(Section(title=block.title, body=body))

    # A fallback stated among the rules counts too (the linter reads the whole text).
    if not when_unsure:
        when_unsure = next((r.text for r in rules if _UNSURE.search(r.text)), "")
        if when_unsure:
            rules = [r for r in rules if r.text != when_unsure]
    output_text = "\n\n".join(output)
    output_kind: OutputKind = "prose"
    for pattern, cue_kind in _FORMAT_KINDS:
        if pattern.search(output_text):
            output_kind = cue_kind
            break
    return PromptSpec(
        role="\n\n".join(role),
        objective="",
        context=context,
        instructions=rules,
        tone=tone,
        tools=tools,
        reasoning=reasoning,
        output_format=OutputFormat(kind=output_kind, description=output_text),
        examples=examples,
        guardrails=Guardrails(
            out_of_scope=out_of_scope,
            when_unsure=when_unsure,
            protect_instructions=False,
            extra=guard_extra,
        ),
        variables=list(variables.values()),
        final_reminder="\n\n".join(reminder),
        sections=sections,
        inline_variables=inline,
    )
