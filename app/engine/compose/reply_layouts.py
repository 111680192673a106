"""The reply's layout spelled out in the brief: keyed lines, a line template (bars, dashes, slots), the label's place
and slot, a table's columns and the sections' headings."""

from __future__ import annotations

import re

from app.engine.constraints.step_intros import ONE_TIME_INTRO, step_sentence

# "a table with the columns Term | Value | Clause", "columns: Vendor, Plan, Price": the brief's own header row.
COLUMNS = re.compile(
    r"\bcolumns?\b\s*(?:[:(]|\bof\b|\bfor\b)?\s*"
    r"(?P<names>[^\W\d][\w /-]{0,30}(?:\s*[|,]\s*[^\W\d][\w /-]{0,30}){1,11})",
    re.IGNORECASE,
)


# "first line: the label", "prima riga: un'etichetta tra …", "primera línea: la etiqueta": the label opens the reply
_FIRST_LINE_LABEL_PATTERN = (
    r"\b(?:first\s+line|prima\s+riga|primera\s+l[íi]nea|erste\s+zeile|premi[èe]re\s+ligne|primeira\s+linha|"
    r"eerste\s+regel)\b\s*[:：]?\s*(?:(?:is|must\s+be|should\s+be|=|holds?)\s+)?(?:(?:the|a|an|one|un['’]|una|un|"
    r"la|el|l['’]|die|das|den|le|o|a)\s*)?(?:labels?|etichetta|etiqueta|étiquette|kategorie|category|categoria|"
    r"catégorie|rótulo|etiket|tag)\b"
)


LABEL_PLACED = re.compile(
    r"\b(?:first|primero|zuerst|d'abord|primeiro)\s+(?:the\s+|el\s+|la\s+|le\s+|o\s+|a\s+|die\s+|das\s+|den\s+)?"
    r"(?:label|level|category|nivel|categoría|etiqueta|niveau|catégorie|nível|categoria|stufe|kategorie|label)\b|"
    r"\b(?:label|category|level)\s+on\s+the\s+first\s+line\b|\bfirst\s+line\b[^.]{0,30}\b(?:label|category|level)\b|"
    rf"{_FIRST_LINE_LABEL_PATTERN}|"
    # "10 comments, each tagged with a severity: …": every item carries its label, no closing line holds one
    r"\beach\s+(?:\w+\s+){0,2}(?:tagged|labell?ed|marked|prefixed)\s+(?:with|as)\b|"
    r"\b(?:tag|label|prefix|mark)\s+(?:each|every)\s+(?:comment|finding|issue|item|line|row|bullet)\b",
    re.IGNORECASE,
)


FIRST_LINE_LABEL = re.compile(_FIRST_LINE_LABEL_PATTERN, re.IGNORECASE)


QUOTED_HEADING = re.compile(r"[\"“”']([^\"“”']{2,60})[\"“”']")


# "Ausgabe genau so, drei Zeilen:\nL: …\nM: …\nS: …": keyed lines the reply fills in, in order.
# (an intro line is found first and its words checked after: a cue word inside the line pattern backtracked
# quadratically on one long line)
KEYED_LINES = re.compile(
    r"(?m)^(?P<intro>[^\n]*[:：])[ \t]*\n(?:[ \t]*\n)?"
    r"(?P<lines>(?:[ \t]*(?:[-*•][ \t]*)?(?:[^\W\d_][\w ./-]{0,24}[ \t]*:[ \t]*(?:…|\.\.\.|<[^>\n]{1,40}>|"
    r"\[[^\]\n]{1,40}\]|\{[^}\n]{1,40}\}|\([^()\n]{1,80}\)|_+|[xXnN?]\s*/\s*\d{1,3})?|"
    # "REASON: one of compensation, manager, …": an upper-case key, then what its value is
    # ("PAIRS WITH: 3 foods, comma separated": an upper-case key of a few words)
    r"[A-Z][A-Z0-9_]{1,24}(?:[ \t][A-Z][A-Z0-9_]{0,24}){0,3}[ \t]*:(?-i:[ \t]+[^\n]{1,160})?|"
    # "CONCEPT:\n<antwoord>": the slot a key's value fills, on the line after it
    r"<[^<>\n]{1,40}>)[ \t]*(?:\n|$)){2,20})"
)


KEYED_INTRO = re.compile(
    r"\b(?:output|format|reply|answer|ausgabe|antwort|sortie|réponse|salida|respuesta|formato|uitvoer|resposta|"
    r"risposta|exactly|genau|exactement|exactamente|return|devolv\w*|devuelv\w*|renvoie|restituisc\w*|"
    r"ficha|fiche|scheda|template|plantilla|vorlage|sjabloon)\b",
    re.IGNORECASE,
)


# "They paste their cards in this format:": lines that describe what comes in, not the reply
_INPUT_INTRO = re.compile(
    r"\b(?:paste|pastes|send|sends|sent|receive|get|gets|input|incoming|upload|uploads|submit|submits|eingabe|"
    r"comes?\s+in|arrives?|arriving|"
    r"schicken|senden|pegan|envían|collent|envoient|incollano|plakken)\b",
    re.IGNORECASE,
)


LINE_INTRO = re.compile(
    r"\b(?:output|format|sortie|salida|ausgabe|formato|uitvoer|resposta|risposta)\b|输出|格式|出力|フォーマット|"
    # ("one line per ticket", "one line for each complaint", "pro Meldung genau eine Zeile": whatever the item is)
    r"\b(?:one|a)\s+line\s+(?:per|for\s+each)\s+[^\W\d_]+\b|\bpro\s+\w+\s+(?:genau\s+)?eine\s+zeile\b|"
    # "one line each:", "each on one line:", "una línea cada uno:", "je eine Zeile:", "une ligne chacun :"
    r"\b(?:one|a\s+single)\s+line\s+each\b|\beach\s+(?:\w+\s+)?on\s+(?:one|a\s+single|its\s+own)\s+line\b|"
    r"\buna\s+l[íi]nea\s+(?:cada|por)\b|\b(?:je\s+)?eine\s+zeile\s+(?:pro|je|für)\b|\bje\s+eine\s+zeile\b|"
    r"\bune\s+ligne\s+(?:par|chacun)|\buma\s+linha\s+(?:por|cada)\b|\buna\s+riga\s+(?:per|ciascun)|"
    r"\bé[ée]n\s+regel\s+per\b|\b(?:this|the\s+following)\s+(?:layout|form)\b|\blike\s+this\b",
    re.I,
)
# "Responde con una sola línea:\nCATEGORIA | URGENCIA", "Antworte mit genau einer Zeile:\n…": an intro that says the
# reply is one line, when that line follows on its own (inline, "… één regel: LABEL | reden (max 10 woorden)" is a
# label and its reason, read as such)
NEXT_LINE_INTRO = re.compile(
    rf"{LINE_INTRO.pattern}|"
    r"\b(?:a\s+single|one)\s+line\s+only\b|\buna\s+sola\s+l[íi]nea\b|\b(?:genau\s+)?einer?\s+(?:einzigen\s+)?zeile\b|"
    r"\bune\s+seule\s+ligne\b|\buna\s+sola\s+riga\b|\buma\s+(?:só|única)\s+linha\b|\bé[ée]n\s+(?:enkele\s+)?regel\b",
    re.I,
)


def under_output_intro(layout: re.Pattern[str], cue: re.Pattern[str], task: str) -> re.Match[str] | None:
    """The first match of a reply layout (keyed lines, a bar-separated line) whose intro line names the output, not
    the input."""
    for match in layout.finditer(task):
        intro = whole = match.group("intro")
        sentences = re.split(r"(?<=[.!?])\s+", intro.strip())
        if cue.search(sentences[-1]):
            intro = sentences[-1]  # "I paste a diff, you reply with findings only. Format, one per line:": its own
        # ... but the one-time check reads the sentence before as well ("… until the trainee types END. Then give
        # feedback in exactly this layout:")
        moment = " ".join(sentences[-2:]) if intro is not whole else whole
        if cue.search(intro) and not _INPUT_INTRO.search(intro) and not _CASE_INTRO.match(intro):
            if ONE_TIME_INTRO.match(intro.lstrip(" \t-*•")) or step_sentence(intro) or step_sentence(moment):
                continue  # "at the end show the record exactly like this:": one reply's lines, said by a rule
            return match
    return None


LABEL_KEY_LINE = re.compile(
    r"(?im)^[ \t]*(?:[-*•][ \t]*)?(?:label|labels|category|categoría|categorie|catégorie|kategorie|categoria|etiqueta|"
    r"étiquette|etiket|tag)[ \t]*:"
)


# ... and its value a slot to fill, not the list of labels ("Labels: a, b, c")
LABEL_SLOT_LINE = re.compile(
    r"(?im)^[ \t]*(?:[-*•][ \t]*)?(?:label|category|categoría|categorie|catégorie|kategorie|categoria|etiqueta|"
    r"étiquette|etiket|tag)[ \t]*:[ \t]*(?:<[^>\n]{1,30}>|\[[^\]\n]{1,30}\]|\{[^}\n]{1,30}\}|\.{3}|…|_{3,}|"
    r"(?:the|your|one|a|la|el|le|die|de|o|a)\s+(?:label|category|tag|categoría|catégorie|categoria|etiqueta|"
    r"étiquette|kategorie|etiket|label)\b)[ \t]*$"
)


def reply_line(template: re.Match[str] | None) -> re.Match[str] | None:
    """A line template that opens with a slot ("<file>:<line> [BLOCKER|WARN|NIT] …") is the reply's only under an
    intro that speaks of the reply ("one finding per line"); "Our log format:\n<timestamp> | <level> | …" describes
    what comes in."""
    if template is None or not template.group("template").startswith("<"):
        return template
    return None if _RECORD_INTRO.search(template.group("intro")) else template


# "Our log format:", "Bank export format:": the format of a record that comes in
_RECORD_INTRO = re.compile(
    r"\b(?:our|their|your|the)\s+(?:[\w-]+\s+)?(?:log|logs|export|input|file|data|csv|records?|rows?|statements?|"
    r"feed|dump|entries|lines)\s+format\b|"
    r"\b(?:log|logs|export|input|file|data|csv|records?|rows?|statements?|feed|dump|entries)\s+format\b",
    re.IGNORECASE,
)


def case_layout(task: str) -> tuple[int, int] | None:
    """Where the keyed lines of a reply given in one case only stand ("When the user types TIMEOUT, … in exactly this
    form:\nWhat worked: (one sentence)\n…")."""
    for match in KEYED_LINES.finditer(task):
        intro = match.group("intro")
        if (
            KEYED_INTRO.search(intro)
            and (_CASE_INTRO.match(intro) or step_sentence(intro))
            and not _INPUT_INTRO.search(intro)
        ):
            return match.span("lines")
    return None


# "When the user types TIMEOUT, drop the character and give feedback in exactly this form:": the lines are the reply
# in that case only (its sentence among the rules says so), not every reply's layout; "When you reply, use this
# format:" is every reply.
_CASE_INTRO = re.compile(
    r"\s*(?:[-*•][ \t]*)?(?:when|if|once|after|at\s+the\s+end\s+of|cuando|si|wenn|sobald|quand|lorsque|"
    r"se|quando|als|zodra|nadat)\b(?!\s+(?:you\s+)?(?:reply|replying|respond|responding|answer|answering|write|writing)\b)"
    # (every reply: "Whenever the user types a word", "After each pitch", "When reviewing a diff", "If you can, …")
    r"(?![^:\n]*\b(?:each|every|always|jede[nrms]?|chaque|cada|ogni|elke)\b)"
    r"(?!\s+(?!(?:nothing|anything|everything|something)\b)\w+ing\b)(?!\s+you\s+can\b(?!['’]t|not))",
    re.IGNORECASE,
)


# "Format de sortie, une ligne par avis, rien d'autre :\nétiquette | résumé": the layout of each line, spelled out
# on the line after one that introduces the output.
# (the intro ends on its colon, or on a word the line finishes: "each on one line as\n[TAG] File:line - problem")
_INTRO_END = r"(?:[:：]|(?<![\w'’-])(?:as|like|como|comme|come|wie|als|zoals))"


LINE_TEMPLATE = re.compile(
    rf"(?m)^(?P<intro>[^\n]*{_INTRO_END})[ \t]*\n"
    # ("<file>:<line> [BLOCKER|WARN|NIT] problem -> fix": a line may open with a slot)
    r"[ \t]*(?P<template>(?:[^\W\d_]|<\w)[^|\n]{0,30}(?:[ \t]*\|[ \t]*[^|\n]{1,30}){1,5}|"
    # "L<line> <SEVERITY>: <problem>. Fix: <one-line fix>": a line of two or more angle-bracket slots
    # (not the first line of a layout: "<customer> called about <topic>\nOutcome: <one sentence>")
    r"[^\n<]{0,20}<[^<>\n]{1,40}>(?:[^<>\n]{0,30}<[^<>\n]{1,40}>){1,5}[^<>\n]{0,20}"
    r"(?=[ \t]*$)(?![ \t]*\n[ \t]*[^\n]{0,40}(?:[:：][ \t]*\S|<[^<>\n]{1,40}>)))[ \t]*$"
)


# "输出只要一行：类别代码|紧急程度|一句话摘要", "Output one line: label | reason": a bar-separated line after the colon
INLINE_TEMPLATE = re.compile(
    r"(?m)^(?P<intro>[^\n:：]{0,40}[:：])[ \t]*"
    r"(?P<template>[^\W\d_][^|\n]{0,30}(?:[ \t]*\|[ \t]*[^|\n]{1,40}){1,5})[ \t]*$"
)


# "At most 5 findings, one line each: SEVERITY | file:line | issue | fix. SEVERITY is …": a bar-separated line
# inside a sentence, after a colon that introduces each line of the reply
MIDLINE_TEMPLATE = re.compile(
    r"(?P<intro>[^.!?\n:：]{3,80}[:：])[ \t]*"
    r"(?P<template>(?:[^\W\d_]|\[[^\]\n]{1,30}\]|<[^>\n]{1,30}>)[^|\n]{0,30}?(?:[ \t]*\|[ \t]*[^|\n]{1,40}?){2,6})"
    r"(?=[.;]?[ \t]*(?:\n|$)|[.;][ \t]+\S)"
)


_LABEL_SLOT = re.compile(
    r"类别|類別|分类|分類|代码|標籤|标签|カテゴリ|ラベル|区分|\b(?:categor\w*|catégor\w*|kategor\w*|label\w*|étiquette\w*|"
    r"etiqueta\w*|code|codice|código|tag|class)\b",
    re.IGNORECASE,
)


def label_slot(template: str) -> str | None:
    """The slot of a bar-separated line that takes the label ("类别代码" of "紧急程度|类别代码|摘要"), or None."""
    if "|" not in template:
        return None
    slots = [slot.strip() for slot in template.split("|")]
    return next((slot for slot in slots if 0 < len(slot) <= 30 and "[" not in slot and _LABEL_SLOT.search(slot)), None)


def slot_named(template: str, said: str) -> str | None:
    """The slot of a bar-separated line that a label set's own words name ("priority is HIGH or NORMAL" names
    `PRIORITY` of "LABEL | PRIORITY"), or None."""
    if "|" not in template:
        return None
    for slot in (slot.strip() for slot in template.split("|")):
        words = slot.replace("_", " ").strip("<>[]{} ")
        if 0 < len(words) <= 30 and re.search(rf"\b{re.escape(words)}\b", said.replace("_", " "), re.IGNORECASE):
            return slot
    return None


# "Output, one finding per line, max 8 lines:\n[BLOCKER|WARN|NIT] path:line - problem - fix": slots between dashes,
# the first one a bracketed choice or a word
DASHED_TEMPLATE = re.compile(
    rf"(?m)^(?P<intro>[^\n]*{_INTRO_END})[ \t]*\n"
    r"[ \t]*(?P<template>\[[^\]\n]{1,60}\][ \t]*[^\W\d_][^\n]{0,40}?(?:[ \t]+[-–—][ \t]+[^\n]{1,40}?){1,5}|"
    r"[^\W\d_][^\n]{0,40}?(?:[ \t]+[-–—][ \t]+[^\n]{1,40}?){2,5})[ \t]*$"
)


HEADINGS = re.compile(
    # (not "the handbook (sections like "3.2 …", "5.1 …")": what the input's sections look like)
    r"\b(?:sections?|headings?|headers?|parts)\b(?!\s+(?:like|such\s+as|e\.g\.|for\s+example)\b)[^.:;]{0,40}?:?\s*"
    r"(?P<names>(?:[\"“][^\"“”]{2,60}[\"”]\s*(?:,|and|or|then)?\s*){2,8})",
    re.IGNORECASE,
)
