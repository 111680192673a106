"""The sentences of a brief not written in English, kept whole and in the brief's words, without what the tools
section, the output format or a constraint already states."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.compose.blocks import fixed_block
from app.engine.compose.code_debris import without_code
from app.engine.compose.covered_sentences import covered_by_records
from app.engine.compose.job import GREETING_ONLY, PURPOSE_NEXT
from app.engine.compose.rule_lists import (
    BARE_HEADING,
    HEADING,
    MARKDOWN_HEADING,
    NEGATIVE_HEADING,
    RULES_HEADING,
    continues_item,
    with_item_lists,
)
from app.engine.compose.sentences import split_sentences
from app.engine.compose.translated_bans import stated_in_english
from app.engine.constraints import Constraint
from app.engine.constraints.inline_markers import numbered_line
from app.engine.constraints.language_cases import said_by_cases
from app.engine.constraints.requester_voice import requester_voice, wants_assistant
from app.engine.constraints.sections import NumberedLines

_FENCED_BLOCK = re.compile(r"```[\w+-]*[ \t]*\n[\s\S]*?(?:```|$)")


_TOOLS_KEY_END = re.compile(
    r"\b(?:tools?|functions?|ferramentas|herramientas|outils|werkzeuge|strumenti|funciones|funções|fonctions)\s*[:：]\s*$",
    re.IGNORECASE,
)


def introduces_layout(task: str, start: int, end: int, layout: NumberedLines | None) -> bool:
    """Whether the sentence [start, end) is the intro line of the brief's exact reply layout (with the layout's own
    lines, when the sentence runs on into them): the output format prints that layout whole."""
    if layout is None or start >= layout.start:
        return False
    intro = task[start : min(end, layout.start)].rstrip()
    return (
        intro.endswith((":", "："))
        and not task[start + len(intro) : layout.start].strip(" \t\n:：")
        and (end <= layout.end + 1)
    )


def foreign_details(
    task: str, constraints: Sequence[Constraint], head: int = 0, layout: NumberedLines | None = None
) -> tuple[str, ...]:
    """The sentences of a brief not written in English, other than the job sentence, whole and in the brief's words,
    unless a constraint already quotes one: an English restatement of part of a sentence ("When you cannot help,
    call …") cannot be trusted to carry the rest of it (its condition)."""
    quoted = " ".join(" ".join(c.text.split()) for c in constraints)
    tool_names = {c.name for c in constraints if c.kind == "tool" and c.name}
    literals = [
        (c.span.start, c.span.end)
        for c in constraints
        if c.kind == "schema" and c.span is not None and c.span.field == "task"
    ]
    details: list[tuple[int, str]] = []
    item_from: dict[int, int] = {}  # a joined sentence -> the item's sentence its text starts from
    sentences = split_sentences(task)
    for index, (start, end) in enumerate(sentences):
        sentence = task[start:end]
        if introduces_layout(task, start, end, layout):
            continue  # "Formato, esattamente così e niente altro:": the output format prints the layout
        following = task[slice(*sentences[index + 1])] if index + 1 < len(sentences) else ""
        fenced = _FENCED_BLOCK.search(sentence)
        if fenced is not None and any(f"{name}(" in fenced.group(0) for name in tool_names):
            # "Das Modell hat diese Funktionen:\n\n```ts\nfunction kundeSuchen(…": the tools section states them
            sentence = sentence[: fenced.start()] + sentence[fenced.end() :]
            if not sentence.strip() or sentence.rstrip().endswith((":", "：")):
                continue
        opener = re.sub(r"\s*```[\w+-]*\s*$", "", sentence)  # "Herramientas disponibles (TypeScript): ```ts"
        if opener.rstrip().endswith(":") and _only_tool_lines(" ".join(following.split()), tool_names):
            continue  # "Du hast diese Funktionen:" introduces the tool list, which the tools section states
        without_tools = _without_tool_objects(task, start, end, constraints)
        if without_tools is not None and not without_tools.strip(" .:："):
            continue  # 'Funciones disponibles: {"name": "consultar_alumno", …}': the tools section states them
        for literal_start, literal_end in sorted(literals, reverse=True):
            if start <= literal_start and literal_end <= end:
                # 'Devuelve SOLO este JSON: {…}': the output format shows the schema; the sentence points to it
                sentence = (
                    sentence[: literal_start - start]
                    + "(the JSON in the output format)"
                    + sentence[literal_end - start :]
                )
        text = re.sub(r"^・\s*", "", " ".join(sentence.split()))  # "・出力は英訳だけ。": the list dot is no word
        if tool_names:
            text = without_code(text)  # "type Query { … }": pasted code the tools section states
            if not text or _TOOLS_KEY_END.search(text):
                continue  # ("… mandou isto com as ferramentas: tools:": the intro of the tools section's list)
        text = re.sub(r"\s*```[\w+-]*\s*$", "", text)  # "Herramientas disponibles (TypeScript): ```ts": no fence
        if without_tools is not None:
            text = without_tools  # '… {"name": "reservar_clase", …} Nunca des precios.': the rule after the tools
        heading = RULES_HEADING.match(text)
        if (heading is not None and not text[heading.end() :].strip()) or (
            BARE_HEADING.fullmatch(text) and not NEGATIVE_HEADING.search(text)
        ):
            continue  # "规则：", "表结构：" alone: it introduces what follows and says nothing itself
        if heading is not None:
            text = text[heading.end() :].lstrip()  # "要求：\n1. 绝对不能…": the heading over the list is no rule
        # "2. 每次回答不超过150字。": the brief's item number would sit beside the prompt's own numbering
        number = _LEADING_ITEM_NUMBER.match(text) if "\n" in task else None
        at = start + len(sentence) - len(sentence.lstrip())
        if number is not None and (number.group(0)[0] in "(（" or numbered_line(task, at)):
            text = text[number.end() :]  # (not "1.5米以上…" nor "24. und 31. Dezember …": no list there)
        if index == head + 1 and (PURPOSE_NEXT.match(task, start) or wants_assistant(text)):
            continue  # "Damit sollen sie Entwürfe … schreiben": quoted with the job sentence
        if requester_voice(text) or covered_by_records(constraints, task, start, end):
            continue  # "使えるツールは下の表のとおりです。": the requester talking; "5 phrases max.": a record says it
        joins = index > 0 and continues_item(task, sentences, index)
        if joins:
            # "・12歳未満のお子さんは店頭測定不可。眼科の処方箋が必要と伝える", "5. Akku …: NICHT herbringen. Keinen
            # Termin dafür vorschlagen": a sentence on the same item's line goes on with its case, which it cannot lose
            # (from the item's first sentence when the one before was joined and kept: "- solo informazioni generali.
            # Mai valutare … In questi casi rispondere: …")
            kept_before = bool(details) and details[-1][0] == index - 1
            item_from[index] = item_from.get(index - 1, index - 1) if kept_before else index - 1
            text = " ".join(task[sentences[item_from[index]][0] : end].split())
            text = re.sub(r"^(?:・\s*|\d{1,2}[.)]\s+)", "", text)
        if index == head or not text.strip(".,;:!?。、，！？ ") or text.rstrip(".!?。！？") in quoted:
            continue
        if said_by_cases(constraints, task, start, end) or stated_in_english(constraints, sentence, start, end):
            continue  # "Antwoord in het Nederlands, tenzij …; dan in het Engels": the language rule states it
        if GREETING_ONLY.match(text) or MARKDOWN_HEADING.match(text):
            continue  # "hola!", "## Regras"
        if _only_tool_lines(text, tool_names) or (tool_names and HEADING.fullmatch(text.strip())):
            continue  # "Ferramentas: - consultar_divida(cpf) → … Regras:": the tools section lists them already
        if index > 0 and _THEN_LEAD.match(text) and "\n" not in task[sentences[index - 1][1] : start]:
            # "… dale primero el 016 … y el 112. Después, si quiere, la información del centro.": the step after
            # is said with the one before it, which it cannot stand without
            text = " ".join(task[sentences[index - 1][0] : end].split())
        block = fixed_block(task, start, end)
        if block is not None:
            if block.absorbs_intro and details and details[-1][0] == index - 1:
                details.pop()  # the sentence that introduces the lines leads the block's rule
            details.append((index, block.text))
            rest = " ".join(task[block.end : end].split())
            if rest.strip(" ."):
                details.append((index, rest))  # "Sonst nichts.": the rule after the lines
            continue
        if joins and details and details[-1][0] == index - 1:
            details.pop()  # the joined text says the sentence before again (only now that it is kept)
        details.append((index, text))
    return with_item_lists(task, sentences, details, english=False)


_THEN_LEAD = re.compile(
    r"(?:(?:después|luego|a\s+continuación|après|depois|em\s+seguida|poi|dopo|in\s+seguito|daarna)\s*,|"
    r"(?:dann|danach|anschließend|ensuite|puis|vervolgens)\b)",
    re.IGNORECASE,
)


_LEADING_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}[.)、．]|[（(]\d{1,2}[)）])\s*(?=\S)")


# A heading word and its colon ("Ferramentas:", "Regras:", "Herramientas:") or a list dash between tool lines.
_LIST_GLUE = re.compile(r"(?:^|\s)[^\W\d_]{3,20}\s*[:：]|(?:^|\s)[-*•](?=\s)")


def _without_tool_objects(task: str, start: int, end: int, constraints: Sequence[Constraint]) -> str | None:
    """A sentence without the tools it writes as JSON objects and the heading before them ('Funciones disponibles:
    {…} {…} Nunca des precios.' -> 'Nunca des precios.'), or None when it holds none."""
    rest, cut = task[start:end], False
    objects = [
        c.span.start
        for c in constraints
        if c.kind == "tool" and c.span and c.span.field == "task" and start <= c.span.start < end
        and c.span.text.lstrip().startswith("{")
    ]  # fmt: skip
    intro = task[start : min(objects)].rstrip() if objects else ""
    for c in sorted(constraints, key=lambda c: -(c.span.start if c.span else 0)):
        span = c.span
        if c.kind != "tool" or span is None or span.field != "task" or not start <= span.start < span.end <= end:
            continue
        if span.text.lstrip().startswith("{"):
            rest, cut = rest[: span.start - start] + rest[span.end - start :], True
    if not cut:
        return None
    if intro.endswith((":", "：", "[")):
        # "Puedes llamar a estas funciones: {…} {…} Nunca des precios.": the intro goes with the objects it introduces
        rest = rest[len(task[start : start + len(intro)]) :]
    rest = re.sub(r"\[[\s,]*\]", " ", " ".join(rest.split()))  # what is left of a JSON array of tools
    rest = " ".join(rest.split())
    if all(part.strip().endswith((":", "：")) for part in re.split(r"(?<=[:：])\s+", rest) if part.strip()):
        return ""  # "能调用的工具如下（JSON 格式）： 要求：": headings over lists stated elsewhere
    heading = re.match(r"[^:：]{1,40}[:：]\s*", rest)
    if heading is not None and BARE_HEADING.fullmatch(heading.group(0).strip()):
        rest = rest[heading.end() :]
    return rest


def _only_tool_lines(text: str, tool_names: set[str]) -> bool:
    """Whether a sentence is only the brief's tool list: signatures of extracted tools, what they return, headings."""
    if not tool_names:
        return False
    # "def get_ticket(ticket_no: str) -> dict  # what it does": Python's keyword and comments are part of the list
    rest, signatures = re.sub(r"\bdef\s+", " ", re.sub(r"#[^#]*?(?=\s+def\s|$)", " ", text)), 0
    for name in tool_names:
        rest, count = re.subn(
            rf"`?{re.escape(name)}\((?:[^()]|\([^()]*\))*\)`?(?:\s*(?:→|->|=>|[-–—:])\s*(?:(?!\s*`?[A-Za-z_]\w*\()[^-–—\n])*)?",
            " ",
            rest,
        )
        signatures += count
    # what is left is at most a heading or a dash (counted in characters: Japanese has no spaces between words)
    return signatures >= 1 and len("".join(_LIST_GLUE.sub(" ", rest).split())) <= 4
