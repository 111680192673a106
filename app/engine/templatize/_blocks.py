"""Detectors for per-call blocks: a pasted message, document or code, quoted or introduced by a cue line.

Constants stay: a block introduced as a format, schema, template, example or policy is the same on every call.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from app.engine.templatize._model import Candidate

SOURCE_NOUNS: dict[str, str] = {
    "email": "email_text",
    "e-mail": "email_text",
    "mail": "email_text",
    "message": "message",
    "ticket": "ticket",
    "review": "review",
    "article": "article",
    "document": "document",
    "doc": "document",
    "text": "text",
    "transcript": "transcript",
    "conversation": "conversation",
    "chat": "conversation",
    "thread": "conversation",
    "code": "code",
    "snippet": "code",
    "function": "code",
    "query": "question",
    "question": "question",
    "complaint": "complaint",
    "feedback": "feedback",
    "comment": "comment",
    "letter": "letter",
    "resume": "resume",
    "cv": "resume",
    "contract": "contract",
    "report": "report",
    "post": "post",
    "tweet": "post",
    "essay": "essay",
    "story": "story",
    "passage": "passage",
    "abstract": "abstract",
    "paper": "paper",
    "notes": "notes",
    "log": "log",
    "logs": "log",
    "error": "error_message",
    "stack trace": "error_message",
    "description": "description",
    "listing": "listing",
    "input": "input_text",
    "request": "request",
    "mensaje": "message",
    "correo": "email_text",
    "texto": "text",
    "artículo": "article",
    "nachricht": "message",
    "e-mail-text": "email_text",
    "artikel": "article",
    "anfrage": "request",
    "texte": "text",
}
NOUN_ALTERNATION = "|".join(sorted((re.escape(n) for n in SOURCE_NOUNS), key=len, reverse=True))
_SOURCE_NOUN = re.compile(rf"\b({NOUN_ALTERNATION})s?\b", re.I)
_PERSON = re.compile(
    r"\b(customer|client|user|caller|patient|student|candidate|guest|buyer|member|tenant|employee|applicant"
    r"|cliente|kunde|kundin"
    r"|paciente|usuario|nutzer)(?:'s)?\b",
    re.I,
)
_PERSON_NAMES = {
    "cliente": "customer",
    "kunde": "customer",
    "kundin": "customer",
    "paciente": "patient",
    "usuario": "user",
    "nutzer": "user",
}
# Material the company supplies itself ("our FAQ", "the help-center article") is the same on every call.
_OWN_MATERIAL = re.compile(
    r"\b(?:our|we|company|help[- ]cent(?:er|re)|internal|official|unser\w*|nuestr[oa]s?)\b", re.I
)
# Cue words that make a block the same on every call: the reply's shape, a template, an example, a policy.
CONSTANT_CUE = re.compile(
    r"\b(?:format|schema|template|examples?|e\.g\.|for instance|like this|like so|as follows|structure|shape"
    r"|respond with|reply with|return|output|use this|signature|disclaimer|policy|policies|guidelines|rules"
    r"|faq|knowledge base|terms|instructions|always say|say exactly|boilerplate)\b",
    re.I,
)
_FENCE = re.compile(r"^[ \t]*(```|~~~)(?P<lang>[\w+-]*)[ \t]*\n(?P<body>.*?)\n[ \t]*\1[ \t]*$", re.S | re.M)
_TRIPLE = re.compile(r'"""(?P<body>.+?)"""', re.S)
_XML = re.compile(r"<(?P<tag>[A-Za-z][\w-]*)>(?P<body>.*?)</(?P=tag)>", re.S)
_CUE_LINE = re.compile(r"^(?P<line>[^\n]{0,160}?):[ \t]*$", re.M)
_INSTRUCTION_START = re.compile(
    r"^[ \t]*(?:#|now\b|please\b|then\b|based on\b|using\b|remember\b|note\b|finally\b|also\b|after\b|before\b"
    r"|your task\b|task\b|instructions?\b|reply\b|respond\b|answer\b|write\b|summari[sz]e\b|classify\b|extract\b"
    r"|translate\b|draft\b|review\b|explain\b|list\b|identify\b|rewrite\b|return\b|output\b|keep\b|do not\b"
    r"|don't\b|never\b|always\b|make sure\b|ensure\b|if\b|you\b|your\b|be\b|offer\b|use\b|include\b|mention\b"
    r"|apologi[sz]e\b|sign\b|tell\b|ask\b|make\b|add\b|avoid\b|focus\b|provide\b|give\b|suggest\b|recommend\b"
    r"|format\b|limit\b|end\b|start\b|begin\b|do\b|check\b|find\b|point out\b|correct\b|fix\b|analy[sz]e\b"
    r"|responde\b|escribe\b|antworte\b|schreibe\b|réponds\b|écris\b|[A-Z][\w ]{0,30}:\s*$)",
    re.I,
)
_CODE_LANGS = frozenset(
    re.findall(
        r"\S+",
        "python py js javascript ts typescript java go golang rust rs c cpp c++ csharp cs ruby rb php kotlin "
        "swift sql bash sh shell html css",
    )
)
_DATA_LANGS = frozenset({"json", "yaml", "yml", "csv", "xml", "toml"})
_MIN_BLOCK_CHARS = 20
MIN_QUOTE_CHARS = 20
_MIN_PASSAGE_CHARS = 80
_STRUCTURE_TAGS = frozenset(
    re.findall(
        r"\S+",
        "role instructions rules guidelines context background examples example output output_format format "
        "tone guardrails notes reminder thinking answer reasoning policy faq knowledge tools system persona "
        "task",
    )
)


def text_before(text: str, start: int, chars: int = 160) -> str:
    """The text just before `start`, within the same paragraph: the cue that introduces a literal."""
    window = text[max(0, start - chars) : start]
    cut = window.rfind("\n\n")
    return window[cut + 2 :] if cut >= 0 else window


def noun_name(cue: str) -> str | None:
    m = _SOURCE_NOUN.search(cue)
    if m is None:
        return None
    name = SOURCE_NOUNS[m.group(1).lower()]
    person = _PERSON.search(cue)
    if name in ("message", "email_text", "question", "request") and person is not None:
        who = person.group(1).lower()
        return f"{_PERSON_NAMES.get(who, who)}_{name}"
    return name


def own_material(cue: str) -> bool:
    return _OWN_MATERIAL.search(cue) is not None and _PERSON.search(cue) is None


def input_description(name: str) -> str:
    return f"The {name.replace('_', ' ')} supplied with each call (end-user content)."


def fenced_blocks(text: str) -> Iterator[Candidate]:
    """Fenced code or data pasted for this call (not a format, schema or example the reply must follow)."""
    for m in _FENCE.finditer(text):
        body = m.group("body")
        if len(body.strip()) < _MIN_BLOCK_CHARS or "{{" in body:
            continue
        cue = text_before(text, m.start())
        if CONSTANT_CUE.search(cue) or own_material(cue):
            continue
        lang = m.group("lang").lower()
        if lang in _DATA_LANGS or body.lstrip()[:1] in "{[":
            name = "json_data" if lang in ("", "json") else f"{lang}_data"
        elif lang in _CODE_LANGS:
            name = "code"
        else:
            name = noun_name(cue) or "text"
        yield Candidate(
            kind="code_block",
            name=name,
            start=m.start("body"),
            end=m.end("body"),
            replace_start=m.start("body"),
            replace_end=m.end("body"),
            placement="in_delimiter",
            description=input_description(name),
            priority=0,
        )


def tagged_blocks(text: str) -> Iterator[Candidate]:
    """Content pasted inside a tag named after a source (`<email>…</email>`); structure tags are the prompt's own."""
    for m in _XML.finditer(text):
        tag = m.group("tag")
        body = m.group("body")
        if tag.lower() in _STRUCTURE_TAGS or "{{" in body or len(body.strip()) < _MIN_BLOCK_CHARS:
            continue
        if noun_name(tag.replace("_", " ")) is None or own_material(text_before(text, m.start())):
            continue
        stripped_start = m.start("body") + (len(body) - len(body.lstrip()))
        stripped_end = m.end("body") - (len(body) - len(body.rstrip()))
        name = re.sub(r"[^a-z0-9]+", "_", tag.lower()).strip("_")
        yield Candidate(
            kind="tagged_block",
            name=name,
            start=stripped_start,
            end=stripped_end,
            replace_start=stripped_start,
            replace_end=stripped_end,
            placement="in_delimiter",
            description=input_description(name),
            priority=0,
        )


def triple_quoted(text: str) -> Iterator[Candidate]:
    """Text pasted between triple quotes."""
    for m in _TRIPLE.finditer(text):
        body = m.group("body")
        if len(body.strip()) < _MIN_BLOCK_CHARS or "{{" in body or CONSTANT_CUE.search(text_before(text, m.start())):
            continue
        name = noun_name(text_before(text, m.start())) or "text"
        start = m.start("body") + (len(body) - len(body.lstrip()))
        end = m.end("body") - (len(body) - len(body.rstrip()))
        yield Candidate(
            kind="passage",
            name=name,
            start=start,
            end=end,
            replace_start=start,
            replace_end=end,
            placement="in_delimiter",
            description=input_description(name),
            priority=0,
        )


_MARKER_LINE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|={3,}|_{3,})[ \t]*$", re.M)


def marker_blocks(text: str) -> Iterator[Candidate]:
    """Text pasted between two marker lines (`---`) right after a sentence naming a source ("this email from …")."""
    markers = list(_MARKER_LINE.finditer(text))
    for opening, closing in itertools.pairwise(markers):
        body = text[opening.end() : closing.start()]
        # The cue may stand a blank line above the opening marker.
        cue = text_before(text, len(text[: opening.start()].rstrip()))
        name = noun_name(cue)
        if name is None or len(body.strip()) < _MIN_BLOCK_CHARS or "{{" in body or "\n\n\n" in body:
            continue
        if CONSTANT_CUE.search(cue) or own_material(cue) or _FUTURE_INPUT.search(cue):
            continue
        start = opening.end() + (len(body) - len(body.lstrip()))
        end = closing.start() - (len(body) - len(body.rstrip()))
        yield Candidate(
            kind="pasted_block",
            name=name,
            start=start,
            end=end,
            replace_start=start,
            replace_end=end,
            placement="block",
            description=input_description(name),
            priority=0,
        )


def _block_end(text: str, start: int) -> int:
    """End of a pasted block: the end of the text, or the blank line before a paragraph that instructs again."""
    pos = start
    while True:
        gap = re.compile(r"\n[ \t]*\n").search(text, pos)
        if gap is None:
            return len(text.rstrip())
        following = text[gap.end() :]
        if _INSTRUCTION_START.match(following):
            return gap.start()
        pos = gap.end()


_FUTURE_INPUT = re.compile(
    r"^\W*(?:when|whenever|if|once|each time|every time)\b|\byou (?:will|should|must|need to|have to|can)\b"
    r"|\bi will (?:give|send|provide|paste|share)\b",
    re.I,
)


def cue_blocks(text: str) -> Iterator[Candidate]:
    """A block introduced by a line such as "Here is the customer's email:" or "Article:"."""
    for m in _CUE_LINE.finditer(text):
        cue = m.group("line")
        name = noun_name(cue)
        if name is None or CONSTANT_CUE.search(cue) or own_material(cue) or len(cue.split()) > 16:
            continue
        if _FUTURE_INPUT.search(cue):
            continue  # "When I give you code, you will:" describes inputs to come; what follows are rules
        start = m.end()
        while start < len(text) and text[start] in " \t\n":
            start += 1
        if start >= len(text):
            continue
        end = _block_end(text, start)
        body = text[start:end]
        if len(body.strip()) < _MIN_BLOCK_CHARS or "{{" in body or body.lstrip().startswith(("```", "<", '"""')):
            continue
        yield Candidate(
            kind="pasted_block",
            name=name,
            start=start,
            end=end,
            replace_start=start,
            replace_end=end,
            placement="block",
            description=input_description(name),
            priority=1,
        )


_QUOTE = re.compile(r"\"(?P<dq>[^\"\n]+)\"|“(?P<cq>[^”\n]+)”|«\s?(?P<gq>[^»\n]+?)\s?»|„(?P<lq>[^“\n]+)“")
_SPOKEN_CUE = re.compile(
    r"\b(?:wrote|writes|says|said|asked|asks|asking|messaged|replied|complained|typed|sent|reads|review|message"
    r"|question|comment|email|e-mail|tweet|post|feedback|complaint|request|escribió|dice|pregunta|schreibt|fragt"
    r"|écrit|demande|ticket|from)\b(?:[^.\n]|\.(?=\S)){0,50}$",
    re.I,
)
# "Translate the following into Spanish: "…"": the quoted text is this call's input, not a phrase to use.
_SOURCE_CUE = re.compile(
    r"\b(?:translate|summari[sz]e|rewrite|paraphrase|proofread|correct|fix|classify|analy[sz]e|review|check|edit"
    r"|improve|shorten|simplify|explain)\b[^.\n]{0,50}$",
    re.I,
)
# A quoted label set or option list ("choose one of "billing, bug, other"") is part of the rules.
_CHOICE_CUE = re.compile(r"\b(?:labels?|categor(?:y|ies)|options?|one of|choose|pick|select|tags?)\b", re.I)
_ASK_CUE = re.compile(r"\b(?:asked|asks|asking|question|pregunta|fragt|demande)\b", re.I)
_SAY_EXACTLY = re.compile(
    r"\b(?:say|reply with|respond with|answer with|end with|start with|begin with|include|append|sign off with"
    r"|greet (?:them |the \w+ )?with|use the (?:phrase|words?)|the phrase|exactly|disclaimer|tagline|such as|like"
    r"|e\.g\.|for example|called|named|titled|label(?:led|ed)?|as)\s*:?\s*$",
    re.I,
)


def quoted_messages(text: str) -> Iterator[Candidate]:
    """A quoted message the user or customer wrote, or a long quoted passage; not a phrase the reply must use."""
    for m in _QUOTE.finditer(text):
        group = next(g for g in ("dq", "cq", "gq", "lq") if m.group(g) is not None)
        value = m.group(group)
        lead = text_before(text, m.start(), 80)
        if _SAY_EXACTLY.search(lead) or CONSTANT_CUE.search(lead[-40:]) or _CHOICE_CUE.search(lead[-40:]):
            continue
        spoken = _SPOKEN_CUE.search(lead)
        source = _SOURCE_CUE.search(lead) is not None and lead.rstrip().endswith(":")
        if not ((spoken or source) and len(value) >= MIN_QUOTE_CHARS) and len(value) < _MIN_PASSAGE_CHARS:
            continue
        name = "text" if source and not spoken else "passage"
        if spoken:
            name = noun_name(lead) or ("question" if _ASK_CUE.search(lead) else "message")
            person = _PERSON.search(lead)
            if name in ("message", "question") and person is not None:
                who = person.group(1).lower()
                name = f"{_PERSON_NAMES.get(who, who)}_{name}"
        yield Candidate(
            kind="quoted_message" if spoken else "passage",
            name=name,
            start=m.start(group),
            end=m.end(group),
            replace_start=m.start(),
            replace_end=m.end(),
            placement="inline",
            description=input_description(name),
            priority=1,
        )
