"""A reply outline written in a brief: named sections, one per line, under a line that says it is the reply's shape.

    Summarise it for the next shift in this format:
    MEDS DUE - every animal that needs medication in the next 12 hours …
    CONCERNS - animals that got worse, didn't eat or died. Max 4 bullets.
    EVERYTHING ELSE - max 3 bullets.

The outline is the reply's format, in the brief's words, and a limit written on a section's line limits that section,
not the reply. Only lines under an introducer that names a format, structure or template of the reply count: the same
shape under "Labels:" or "The tickets look like this:" is a label list or an input, and a list of brief settings
("Tone: friendly", "Audience: kids") has no introducer.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.constraints.empty_case import empty_case_line
from app.engine.constraints.layout_lines import marked_line, verbatim_layout, with_unlabelled_lines
from app.engine.constraints.openapi import is_api_document
from app.engine.constraints.step_intros import ONE_TIME_INTRO, step_sentence


class Section(NamedTuple):
    """One section of an outline: its heading and what the brief says goes under it, with the line's extent."""

    heading: str
    description: str
    start: int
    end: int
    line: str = ""
    """The section's line as the brief writes it ("【标题】不超过30个字", "NOTE : x/10")."""


class Outline(NamedTuple):
    """The sections of a reply, in order, and the extent of their lines in the text."""

    sections: tuple[Section, ...]
    start: int
    end: int


# "in this format:", "use this structure:", "Reply format:", "con este formato:", "in diesem Format:", "構成:".
_INTRODUCER = re.compile(
    r"(?:\b(?:format|formatted|structure[d]?|layout|template|outline|sections?|headings?|headers?|parts|like\s+this|"
    r"as\s+follows|formato|estructura|estructurad[ao]|secciones|apartados|plantilla|gliederung|struktur|"
    r"abschnitte[n]?|aufbau|vorlage|rubriques|modèle|estrutura|seções|secções|modelo|struttura|sezioni|schema|"
    r"opbouw|indeling|secties|kopjes)\b|形式|フォーマット|構成|見出し|格式|结构|部分|模板|输出|出力|"
    # "an assistant that for each email prepares:", "per ogni email mi prepari:", "para cada correo prepárame:": the
    # reply to each input, laid out on the lines below
    r"(?:\bfor\s+(?:each|every)|\bper\s+ogni|\bpara\s+cada|\bpour\s+chaque|\bfür\s+jede[nmrs]?|\bvoor\s+(?:elke|iedere)|"
    r"\bpara\s+(?:cada|todo)|\bper\s+ciascun[ao]?)\s+[^\n:：]{0,60}?\b(?:pr[eé]p[aá]r|giv|writ|produc|draft|return|"
    r"generat|redact|redig|rédig|schreib|erstell|maak|mak|scriv|escrib|escrev|gener|dammi|dame|donne)\w*"
    # ("prepárame:", "prépare-moi :", "prepare-me:", "give me:")
    r"(?:[\s-]+(?:me|mi|moi|mir|nous|nos))?(?=[ \t]*[:：][ \t]*$)|"
    # a bare "Output:" / "Reply:" / "Respuesta:" line introduces the reply's own lines
    r"^[ \t]*(?:output|reply|response|answer|salida|respuesta|ausgabe|antwort|sortie|réponse|saída|resposta|"
    r"risposta|uitvoer|antwoord)(?=[:：][ \t]*$)|"
    # "… call. Output exactly:": the reply's own lines follow (not "If someone asks …, reply exactly:": one case)
    r"^(?![^\n]*\b(?:if|when|whenever|unless)\b)[^\n]*\b(?:output|return)\s+(?:exactly|precisely|strictly)"
    r"(?=[:：][ \t]*$))"
    r"[^\n]{0,40}[:：][ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# An introducer about what comes in, or about a label set: the lines under it are no reply outline.
_NOT_REPLY = re.compile(
    r"\b(?:comes?\s+in|arrives?|come\s+through|you(?:'ll|\s+will)\s+(?:get|receive|see)|we\s+(?:send|paste)|"
    r"i(?:'ll|\s+will)\s+(?:send|paste|give)|input|incoming|tickets?\s+look|labels?|categor(?:y|ies)|classes|tags|"
    r"one\s+of|etiquetas?|kategorien?|catégories?|categorias?|categorie|json|csv|fields?|campos?|felder|champs|"
    r"columns?|columnas?|spalten|colonnes?|colunas?|colonne|kolommen|look(?:s|ing)?\s+like|goes\s+like)\b|"
    # "客户发来的邮件格式如下：", "届くメールの形式:": what comes in
    r"发来|收到|来信|届く|送られ",
    re.IGNORECASE,
)
# "Our opening hours are as follows:", "The transcript format is:", "The structure is:": a shape or facts described,
# the reply's only when the line names the reply ("The reply format is:").
_DESCRIBED = re.compile(r"\b(?:is|are|was|were)(?:\s+as\s+follows)?\s*[:：]\s*$", re.IGNORECASE)
_OF_THE_REPLY = re.compile(
    r"\b(?:reply|replies|answers?|responses?|output|your|réponse|respuesta|antwort|resposta|risposta|antwoord)\b",
    re.IGNORECASE,
)
# "Use this layout:", "Follow this format:", "Write it like this:", "Usa este formato:", "Verwende dieses Format:": a
# sentence that tells the writer to shape the reply so
_DIRECTS = re.compile(
    r"\s*(?:please\s+)?(?:use|follow|write|reply|answer|respond|output|return|format|usa|utiliza|sigue|escribe|"
    r"responde|verwende|nutze|benutze|schreib\w*|antworte|utilise|suis|écris|réponds|use|siga|escreva|responda|"
    r"segui|scrivi|rispondi|gebruik|volg|schrijf|antwoord)\b(?![^:\n]{0,40}\b(?:input|incoming|come\s+in|arrive)\b)",
    re.IGNORECASE,
)
# The brief's own settings ("Format:\nTone: casual\nLength: short") are no parts of a reply.
_SETTINGS = frozenset(
    {
        "tone", "length", "audience", "language", "style", "format", "voice", "word count", "reader", "readers",
        "goal", "purpose", "context", "role", "task", "platform", "channel", "deadline", "ton", "tono", "longitud",
        "länge", "longueur", "idioma", "sprache", "langue", "público", "zielgruppe",
    }
)  # fmt: skip
# "MEDS DUE - …", "**Summary:** …", "1. Diagnosis – …", "## Next steps: …", "【要約】…", "Resumen: …".
_LINE = re.compile(
    r"^[ \t]*(?:[-*•]\s+|\d{1,2}[.)]\s+|#{1,4}\s+)?"
    r"(?:【(?P<cjk>[^】\n]{1,15})】\s*(?P<cjk_desc>[^\n]*)|"
    r"(?P<bold>\*\*|__)?(?P<head>(?:[^\n:：*_–—-]|(?<=\w)-(?=\w)){2,40}?)(?P=bold)?\s*"
    r"(?:(?P<sep>[:：]|\s[-–—]\s|(?<=\*\*)\s|(?<=__)\s)\s*(?P<desc>[^\n]*))?)[ \t]*$"
)
_WORD = re.compile(r"[^\W\d_]+")
# A heading is a name, not a sentence: no verbs that make it one ("Note that the summary should be short:").
_SENTENCE_WORD = re.compile(
    r"\b(?:is|are|was|be|should|must|will|can|that|which|if|when|please|you|your|we|our|i)\b", re.IGNORECASE
)
_MIN_SECTIONS = 2
_RULE_HEADINGS = frozenset(
    {
        "rules", "house rules", "ground rules", "regeln", "reglas", "règles", "consignes", "regole", "regras", "regels",
        "要求", "规则", "注意事项", "ルール", "注意事項",
    }
)  # fmt: skip


def _heading(match: re.Match[str]) -> tuple[str, str] | None:
    """The heading and description of a line that reads as one section, or None."""
    if match.group("cjk"):
        return match.group("cjk").strip(), match.group("cjk_desc").strip()
    head = (match.group("head") or "").strip().strip("\"'“”")
    desc = (match.group("desc") or "").strip()
    words = _WORD.findall(head)
    # "MUST FIX", "SHOULD FIX": a capitalised heading may hold a modal; a sentence is not written in capitals
    if not words or len(head.split()) > 5 or (_SENTENCE_WORD.search(head) and not head.isupper()):
        return None
    if match.group("sep") is None and not match.group("bold") and not head.isupper():
        return None  # a bare line is a heading only when it looks like one ("WHY", "**Fix**")
    if head.lower() in _RULE_HEADINGS:
        return None  # "要求：\n- 只输出一条 SQL …": the brief's rules follow, not a section of the reply
    if head.endswith((".", "?", "!", "。", "？", "！")) or re.search(r"\w/\S*\.\w|[\[\]<>{}]|\w\.\w", head):
        return None  # "path/to/file.py:LINE [severity] comment": a line template with placeholders, not a heading
    return head, desc


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """[start, end) of each line from `start` on."""
    bounds = []
    position = start
    for line in text[start:].split("\n"):
        bounds.append((position, position + len(line)))
        position += len(line) + 1
    return bounds


def find_outline(text: str) -> Outline | None:
    """The reply outline a brief writes under an introducer line, or None."""
    for intro in _INTRODUCER.finditer(text):
        line_start = text.rfind("\n", 0, intro.start()) + 1
        introducer = text[line_start : intro.end()]
        # its own sentence: "You answer questions for Bella's. Our opening hours are as follows:"
        own = re.split(r"(?<=[.!?。！？])\s+", introducer)[-1]
        # ("I'll paste the spec sheet for each machine. Use this layout:": a sentence that tells the writer to use the
        # layout is the reply's, whatever the sentences before it say of the input)
        said = own if _DIRECTS.match(own) else introducer
        if _NOT_REPLY.search(said) or (_DESCRIBED.search(own) and not _OF_THE_REPLY.search(own)):
            continue
        line_end = text.find("\n", intro.end())
        if _EXACT_LAYOUT_INTRO.search(text, line_start, line_end + 1 if line_end >= 0 else len(text)):
            # "Use this layout exactly:", "… shop online. Sempre in questo schema, niente altro:": its lines are
            # copied as written (`layout_block`), not re-headed
            continue
        if ONE_TIME_INTRO.match(own) or step_sentence(introducer):
            continue  # "When they type END, give feedback in this layout:": one reply's shape (a rule)
        sections = _sections_after(text, intro.end())
        if all(section.heading.lower() in _SETTINGS for section in sections):
            continue  # "Tone: casual", "Length: short": the brief's settings
        if sections and is_api_document(text[intro.end() : sections[-1].end]):
            continue  # "described the API like this:\nopenapi: 3.0.1\npaths: …": a pasted API document, not the reply
        if len(sections) >= _MIN_SECTIONS:
            return Outline(tuple(sections), sections[0].start, sections[-1].end)
    return None


def _sections_after(text: str, start: int) -> list[Section]:
    sections: list[Section] = []
    for line_start, line_end in _lines(text, start)[1:]:
        line = text[line_start:line_end]
        if not line.strip():
            if sections and len(sections) >= _MIN_SECTIONS:
                break  # a blank line after the outline ends it; blank lines before or inside a short one do not
            continue
        if line[:1] in " \t" and sections and not line.lstrip().startswith(("#",)):
            # An indented line under a section belongs to it ("   - one bullet per animal").
            last = sections[-1]
            description = f"{last.description} {line.strip()}".strip()
            sections[-1] = last._replace(description=description, end=line_end)
            continue
        match = _LINE.match(line) if not empty_case_line(line) else None  # ('Keine Befunde: "…"': its own reply)
        found = _heading(match) if match else None
        if found is None:
            break
        sections.append(Section(found[0], found[1], line_start, line_end, line.strip()))
    return with_unlabelled_lines(text, sections, _labelled, empty_case_line)


def _labelled(line: str) -> bool:
    match = _LINE.match(line)
    return match is not None and match.group("sep") is not None and _heading(match) is not None


def section_at(outline: Outline, start: int, end: int) -> Section | None:
    """The section whose line holds [start, end)."""
    for section in outline.sections:
        if section.start <= start and end <= section.end:
            return section
    return None


_SLOT = re.compile(r"^(?:<[^<>]+>|\[[^\[\]]+\]|\{[^{}]+\})[.,]?$")


def describe_outline(outline: Outline) -> str:
    """ "Use these sections, in this order, each under its heading as written: …" with one line per section; a line
    template ("LABEL: <one label>") is given as the lines to write, and a layout with its own markers or lines
    without a label is copied line by line."""
    if verbatim_layout([section.heading for section in outline.sections]):
        return "Use exactly this layout, line by line:\n" + "\n".join(section.line for section in outline.sections)
    if all(_SLOT.match(section.description) for section in outline.sections):
        template = "\n".join(f"{section.heading}: {section.description}" for section in outline.sections)
        return "Reply with exactly these lines, in this order:\n" + template
    lines = [
        f"- {section.line}"
        if marked_line(section.line)  # ("【标题】不超过30个字", "NOTE : x/10": the marker as the brief writes it)
        else f"- {section.heading}: {section.description}"
        if section.description
        else f"- {section.heading}"
        for section in outline.sections
    ]
    return "Use these sections, in this order, each under its heading as written:\n" + "\n".join(lines)


_THIS_FORMAT = re.compile(
    r"\s*\b(?:in|with|using|like|following|into)\s+(?:this|these|the\s+following)\s+(?:format|structure|layout|"
    r"template|outline|sections|headings|parts|shape|way)\b|\s*\bas\s+follows\b|\s*\blike\s+this\b",
    re.IGNORECASE,
)


def pointing_to_outline(text: str) -> str:
    """ "Summarise it for the next shift in this format." -> "… in the sections the output format lists." """
    pointed, count = _THIS_FORMAT.subn(" in the sections the output format lists", text, count=1)
    return pointed if count else text


# "Three sections, in this order, with these exact titles: Market position / Pricing / Risks to us", "use the
# headings: Background, Options and Recommendation": the reply's sections named on one line.
_INLINE = re.compile(
    r"\b(?:(?P<count>\d|two|three|four|five|six)\s+)?(?:sections|headings|headers|parts|Abschnitten?|Überschriften|"
    r"secciones|apartados|rubriques|sezioni|secções|seções|kopjes)(?!\w)"
    r"(?P<between>[^.\n:：]{0,70}?)[:：][ \t]*(?P<titles>[^\n.;]+)",
    re.IGNORECASE,
)
_SECTIONS_LEAD = re.compile(
    r"(?:^|[.!?\n]\s*|\b(?:use|with|in|into|under)\s+(?:these\s+|the\s+following\s+)?)(?:sections|headings|headers)"
    r"\s*[:：]\s*$|"
    # "a one-page note with sections: Wins, …", "mit den Abschnitten: …", "con las secciones: …", "avec les
    # rubriques : …": the reply's sections, named in order
    r"\b(?:with|mit|con|avec|com|met)\s+(?:the\s+|den\s+|las\s+|los\s+|les\s+|le\s+|as\s+|de\s+)?"
    r"(?:sections|headings|Abschnitten|Überschriften|secciones|apartados|rubriques|sezioni|secções|seções|kopjes)"
    r"\s*[:：]\s*$",
    re.IGNORECASE,
)
# "It has four parts: …", "The exam has three parts: …": what something consists of, not the reply's sections
_HAS_PARTS = re.compile(
    r"\b(?:has|have|had|contains?|consists?\s+of|comprises?|is\s+made\s+(?:up\s+)?of|hat|tiene|tienen|a|ont|tem|têm|"
    r"ha|hanno|heeft|hebben)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_TITLE_SPLIT = re.compile(
    r"\s*(?:/|\||,\s*(?:(?:and|then|und|y|et|e|en)\s+)?|\s+(?:and|then|und|y|et|e|en)\s+|→|->)\s*", re.IGNORECASE
)


# "見出しはこの4つだけ、この順番で：【安全】【品質】【生産】【連絡】", "小标题依次为：【进展】【风险】":
# bracketed titles after a word for headings
_CJK_INLINE = re.compile(
    r"(?:見出し|セクション|小見出し|标题|小标题|標題|板块)[^：:\n。【「]{0,20}[：:]?[ \t]*"
    r"(?P<titles>(?:【[^】\n]{1,15}】[ \t、，,/／]*){2,}|(?:「[^」\n]{1,15}」[ \t、，,/／]*){2,})"
)
# (the input's own headings: "日報の見出しは決まっていて：【売上】…", "入力されるメールには必ず見出しがある")
_CJK_INPUT_HEADINGS = re.compile(r"(?:入力|原文|元の|受け取る|届く|送られてくる|输入|收到)[^。\n]{0,20}$")
_CJK_NO_HEADINGS = re.compile(r"見出しを付けず|見出しは(?:付けない|不要|なし)|不要标题|不加标题")


# "Plain text with the three labels TITLE:, TAGS:, DESCRIPTION: and nothing else": titles in capitals, each with
# its colon, after a word for labelled parts; the reply fills every one of them
_COLON_TITLES = re.compile(
    r"\b(?:(?P<count>\d|two|three|four|five|six)\s+)?(?:labels|labell?ed\s+(?:parts|lines|sections)|prefixes|"
    r"headers|headings|parts|sections|lines)\b[^.\n:]{0,20}?\s(?P<titles>[A-Z][A-Z0-9 _/-]{0,30}:"
    r"(?:[ \t]*(?:,|\band\b|,[ \t]*and\b)[ \t]*[A-Z][A-Z0-9 _/-]{0,30}:){1,7})",
)


_NOT_LAID_OUT = re.compile(
    r"\b(?:never|no|not|don'?t|without|avoid|like|such\s+as|e\.g\.|for\s+example|raw|original|source)\b", re.I
)


def find_inline_outline(text: str) -> tuple[list[str], int, int] | None:
    """Section titles listed on one line after a phrase that names the reply's sections, with the list's extent."""
    colon = _COLON_TITLES.search(text)
    lead = text[max(0, colon.start() - 40) : colon.start("titles")] if colon is not None else ""
    lead = re.split(r"[,;.!?\n]", lead)[-1]  # (the clause of the titles: "No emojis, plain text with …" bans emoji)
    # (not "never start lines with prefixes like Q:, A:", nor "the raw lines look like SPEAKER:, TIME:")
    before = text[max(0, colon.start() - 40) : colon.start()] if colon is not None else ""
    if colon is not None and not _NOT_REPLY.search(before) and not _NOT_LAID_OUT.search(lead):
        titles = re.findall(r"[A-Z][A-Z0-9 _/-]{0,30}:", colon.group("titles"))
        count = colon.group("count")
        expected = int(count) if count and count.isdigit() else _COUNTS.get((count or "").lower())
        if expected in (None, len(titles)):
            return [title.strip() for title in titles], colon.start(), colon.end("titles")
    cjk = _CJK_INLINE.search(text)
    if cjk is not None:
        lead = text[max(0, text.rfind("。", 0, cjk.start()) + 1) : cjk.start() + 4]
        if _CJK_INPUT_HEADINGS.search(lead) or _CJK_NO_HEADINGS.search(text):
            return None
        titles = re.findall(r"【[^】\n]{1,15}】|「[^」\n]{1,15}」", cjk.group("titles"))
        return titles, cjk.start(), cjk.start("titles") + len(cjk.group("titles").rstrip(" \t、，,/／"))
    for match in _INLINE.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if _NOT_REPLY.search(match.group("between")) or _NOT_REPLY.search(before) or _HAS_PARTS.search(before):
            continue
        raw = match.group("titles").strip()
        titles = [title.strip(" \"'“”«»`*") for title in _TITLE_SPLIT.split(raw) if title.strip(" \"'“”«»`*")]
        count = match.group("count")
        expected = int(count) if count and count.isdigit() else _COUNTS.get((count or "").lower())
        if len(titles) < _MIN_SECTIONS or any(len(title.split()) > 5 for title in titles):
            continue
        if expected is not None and expected != len(titles):
            continue
        named = re.search(
            r"\btitles?|titled|named|called|head", match.group(0)[: match.start("titles") - match.start()], re.I
        )
        # 'Sections: "What happened", "Your medicines", …': titles each in quotation marks are titles as written
        quoted = all(re.match(r"\s*[\"“«]", part) for part in _TITLE_SPLIT.split(raw) if part.strip())
        # (only when the line is the reply's: "Sections:" opening a sentence, not "Skip boilerplate sections:" or
        # "We stock three kinds of parts:")
        quoted = quoted and _SECTIONS_LEAD.search(text[max(0, match.start() - 30) : match.start("titles")]) is not None
        led = _SECTIONS_LEAD.search(text[max(0, match.start() - 30) : match.start("titles")]) is not None
        if expected is None and "/" not in raw and "|" not in raw and not named and not quoted and not led:
            continue  # "parts: the intro and the body" without a count or a title word is no outline
        return titles, match.start(), match.start("titles") + len(raw)
    return None


def describe_inline_outline(titles: list[str]) -> str:
    """The reply's sections in the brief's order, each under its own title."""
    quoted = ", ".join(f'"{title}"' for title in titles)
    return f"Use exactly these sections, in this order, each under its title as written: {quoted}."


# "- line 1: Sentiment: positive / neutral / negative\n- line 2: Stage: …\n- line 3: summary, 40 words max": the reply
# line by line, numbered by the brief itself
_NUMBERED_LINES = re.compile(
    # (not "Regel 1:", which is "Rule 1" in Dutch and German, nor "Row 1:" of a spreadsheet)
    r"(?mi)^(?P<lines>(?:[ \t]*(?:[-*•][ \t]*)?(?:line|zeile|l[íi]nea|ligne|linha|riga)[ \t]*\d{1,2}[ \t]*"
    r"[:：=–—-][ \t]*[^\n]{1,200}(?:\n|$)){2,12})"
)
_LINE_NUMBER = re.compile(r"(?i)^[ \t]*(?:[-*•][ \t]*)?[^\W\d_]+[ \t]*\d{1,2}[ \t]*[:：=–—-][ \t]*")


class NumberedLines(NamedTuple):
    """The reply's lines as the brief numbers them, and where they stand in the task."""

    specs: tuple[str, ...]
    start: int
    end: int


_CHECKED = re.compile(r"\b(?:check|verify|count|ensure|make\s+sure|prüf\w*|comprueba|vérifie)\b", re.IGNORECASE)


def numbered_lines(task: str) -> NumberedLines | None:
    """The brief's "line 1: …, line 2: …" layout of the reply, or None."""
    match = _NUMBERED_LINES.search(task)
    if match is None:
        return None
    before = task[: match.start()].rstrip().rsplit("\n", 1)[-1]
    if before.endswith((":", "：")) and (_INPUT_LAYOUT.search(before) or _CHECKED.search(before)):
        return None  # "The emails we paste look like this:", "Check the syllables:": lines of something else
    specs = tuple(_LINE_NUMBER.sub("", line).strip() for line in match.group("lines").splitlines() if line.strip())
    return NumberedLines(specs, match.start("lines"), match.end("lines"))


# "Aufbau, genau so:", "Format, exactly like this:", "Use this layout exactly:": the lines under it are the reply's
# own layout, to copy line by line (a title with placeholders, "Anwesend: ...", "Aufgaben: Name – Aufgabe – Frist")
_EXACT_LAYOUT_INTRO = re.compile(
    r"(?mi)^[ \t]*(?=[^\n]*\b(?:format|layout|structure|template|outline|aufbau|struktur|gliederung|vorlage|formato|"
    r"estructura|plantilla|modèle|structure|mise\s+en\s+page|estrutura|modelo|struttura|schema|opbouw|sjabloon|"
    r"indeling)\b)(?=[^\n]*\b(?:exact(?:ly)?|genau|exactement|exactamente|exatamente|esattamente|precies|"
    r"like\s+this|as\s+follows|wie\s+folgt|so|así|comme\s+ceci|assim|così|zo|"
    # "Formato SIEMPRE este:", "Format always this:", "Format immer dieses:": the one layout of every reply
    # ("Sempre in questo schema, niente altro:", "Siempre en este formato:": a preposition may stand between)
    r"(?:always|siempre|immer|toujours|sempre|altijd)\s+(?:(?:in|en|em|im|in\s+diesem|dans|volgens)\s+)?"
    r"(?:this|este|esta|esto|dies\w*|celui-ci|ceci|ce|cet|isto|neste|nesta|questo|dit|deze)|"
    r"(?:niente|nient['’])\s+altro|nada\s+m[áa]s|nichts\s+anderes|rien\s+d['’]autre|nothing\s+else)\b)"
    r"[^\n]{0,160}[:：][ \t]*\n|"
    # "输出格式(严格按照,纯文本):", "出力形式(このとおり厳密に):": a format line that says to follow it strictly
    r"^[ \t]*[^\n]{0,20}(?:格式|形式|フォーマット|模板|样式|構成)[^\n]{0,30}"
    r"(?:严格|嚴格|厳密|一字不差|原样|そのまま|この通り|このとおり)"
    r"[^\n]{0,60}[:：][ \t]*\n|"
    # "Use exactly this, plain text:", "Usa exactamente esto:", "Verwende genau dieses Schema:": the lines after it
    r"^[ \t]*(?:[-*•][ \t]*)?(?:use|follow|copy|fill\s+in|usa|utiliza|sigue|copia|verwende|nutze|folge|utilise[sz]?|"
    r"suis|suivez|copie[sz]?|usa|segui|gebruik|volg)\s+(?:exactly|precisely|exactamente|genau|exactement|"
    r"exatamente|esattamente|precies)\s+(?:this|these|esto|este|esta|dies\w*|ceci|ce|isto|este|questo|dit|deze)\b"
    r"[^\n]{0,60}[:：][ \t]*\n|"
    # "output exactly this, nothing before or after:", "Ausgabe genau so, drei Zeilen:": the reply's own lines
    r"^[ \t]*[^\n]{0,40}\b(?:output|ausgabe|salida|sortie|saída|uitvoer)\s+(?:exactly|precisely|genau|exactement|"
    r"exactamente|exatamente|esattamente|precies)\b[^\n]{0,60}[:：][ \t]*\n|"
    # "… notes for a record (…). Write the listing in exactly this layout, plain text:": the last sentence of a long
    # line names the exact layout that follows
    # ("… dello shop online. Sempre in questo schema, niente altro:": in the brief's language too)
    r"(?<=[.!?)]\s)(?=[^\n.!?]*\b(?:format|layout|template|structure|schema|formato|esquema|estructura|aufbau|"
    r"struktur|modèle|opbouw)\b)(?=[^\n.!?]*\b(?:exact(?:ly)?|like\s+this|as\s+follows|niente\s+altro|nada\s+m[áa]s|"
    r"nichts\s+anderes|rien\s+d['’]autre|nothing\s+else|always|siempre|immer|toujours|sempre|altijd)\b)"
    r"[^\n.!?]{0,100}[:：][ \t]*\n|"
    # "… a tag for us and then a draft reply. layout:": a line that ends by naming the layout that follows
    r"(?<=[.!?]\s)(?:the\s+)?(?:layout|template)[ \t]*[:：][ \t]*\n|"
    r"^[ \t]*(?:the\s+)?(?:layout|template)[ \t]*[:：][ \t]*\n"
)


_INPUT_LAYOUT = re.compile(
    r"\b(?:comes?\s+in|arrives?|we\s+(?:send|paste|get|receive)|you(?:'ll|\s+will)\s+(?:get|receive|see)|input|incoming|"
    r"(?:emails?|tickets?|messages?|rows?|records?|notes?|files?|inputs?|forms?)\s+(?:\w+\s+){0,2}look\s+like|"
    r"eingehen\w*|kommen|llegan|recibir\w*|arrivent|chegam|arrivano|binnenkomen)\b",
    re.IGNORECASE,
)


_BULLET_LINE = re.compile(r"\s*[-*•]\s")
_LAYOUT_SLOT = re.compile(r"<[^<>\n]{1,60}>|\[[^\[\]\n]{1,40}\]|\{[^{}\n]{1,40}\}|^-{3,}$|^[A-Z][A-Z_ ]{1,30}:")
_ITEM_NUMBER = re.compile(r"\s*\d{1,2}[.)]\s")


# "=== CREW EMAIL ===", "--- Part 2 ---", "## SUMMARY ##": the header of one part of a layout
_PART_HEADER = re.compile(r"\s*(?:={2,}|-{3,}|#{2,}|\*{3,})\s*\S[^\n]{0,60}?\s*(?:={2,}|-{3,}|#{2,}|\*{3,})\s*$")


# A line of a reply's layout says what goes there: a slot, a limit, a fixed line ("max 150 words", "<one sentence>")
_LAYOUT_WORDS = re.compile(
    r"<[^>\n]+>|\{[^}\n]+\}|\[[^\]\n]+\]|\b(?:max|min|words?|sentences?|bullets?|lines?|subject|sign(?:\s|-)?off|first|always|never|"
    r"each|every|one|two|three)\b",
    re.IGNORECASE,
)


def step_layout_intro(text: str) -> str | None:
    """The sentence that introduces the brief's exact layout when that layout is one step's reply, not every turn's
    ("After END give feedback in exactly this layout:", "When they type DONE, give a report in this format exactly:"),
    or None."""
    intro = _EXACT_LAYOUT_INTRO.search(text)
    if intro is None:
        return None
    introducer = text[text.rfind("\n", 0, intro.start()) + 1 : intro.end()]
    own = re.split(r"(?<=[.!?。！？])\s+", introducer.strip())[-1]
    return own if ONE_TIME_INTRO.match(own) else step_sentence(introducer)


def layout_block(text: str, *, step: bool = False) -> NumberedLines | None:
    """The lines a brief gives as the reply's exact layout ("Aufbau, genau so:" and the lines up to a blank one).

    `step`: the lines of a layout given for one step only ("When they type END, … in exactly this format:"), which
    is None otherwise; without it, such a layout is None (its own rule states it with its trigger)."""
    intro = _EXACT_LAYOUT_INTRO.search(text)
    if intro is None or _INPUT_LAYOUT.search(intro.group(0)):
        return None  # "Tickets come in this format, exactly like this:": what arrives, not the reply
    if (step_layout_intro(text) is not None) != step:
        return None  # one step's reply, which its own rule states with its trigger (as `find_outline` does)
    lines: list[str] = []
    end = start = intro.end()
    numbered_intro = _ITEM_NUMBER.match(text, text.rfind("\n", 0, intro.start() + 1) + 1) is not None
    bulleted_intro = _BULLET_LINE.match(text, text.rfind("\n", 0, intro.start() + 1) + 1) is not None
    parted = False
    rest = text[start:].split("\n")
    for index, line in enumerate(rest):
        if not line.strip():
            if not lines:  # ("…, nothing before or after:\n\nSUMMARY": a blank line may open the layout)
                end += len(line) + 1
                start = end
                continue
            following = rest[index + 1 :]
            part = following[1 : next((i for i, f in enumerate(following) if not f.strip()), len(following))]
            if (
                _PART_HEADER.match(lines[0])
                and following
                and _PART_HEADER.match(following[0])
                and any(_LAYOUT_WORDS.search(line) for line in part)  # (not "=== MENU ===\nMargherita 9.50")
            ):
                # "=== PRODUCER SUMMARY ===\n…\n\n=== CREW EMAIL ===\n…": a layout of parts, each under its header
                lines.append("")
                end += len(line) + 1
                parted = True
                continue
            break
        if numbered_intro and _ITEM_NUMBER.match(line):
            break  # "1. Output exactly this shape:\n   {…}\n2. Don't invent …": the brief's next numbered rule
        if bulleted_intro and lines and _BULLET_LINE.match(line) and not any(_BULLET_LINE.match(d) for d in lines):
            # "- When they type END, … in this format:\nTone: x/5\n- Never give the scores before END": the intro is
            # one of the brief's bulleted rules, and the next bullet is the next rule, no line of the layout
            break
        lines.append(line.strip())
        end += len(line) + 1
    if len(lines) < 2:
        return None
    if parted:
        return NumberedLines(tuple(lines), start, min(end, len(text)))
    if all(_BULLET_LINE.match(line) for line in lines):
        return None  # "Layout:\n- keep paragraphs short\n- put the price in bold": rules about the reply, as a list
    bare = not re.search(
        r"(?i)\b(?:exact\w*|exatamente|genau|precies|esattamente|like\s+this|as\s+follows|wie\s+folgt|so|así|"
        r"comme\s+ceci|assim|così|zo)\b|严格|嚴格|厳密|一字不差|原样|そのまま|この通り|このとおり",
        intro.group(0),
    )
    if bare and not any(_LAYOUT_SLOT.search(line) for line in lines):
        return None  # a bare "layout:" is the reply's only when its lines have slots ("TAG: <one of …>", "<draft>")
    return NumberedLines(tuple(lines), start, min(end, len(text)))
