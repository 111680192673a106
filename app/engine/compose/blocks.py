"""Layouts a brief fixes after a colon, kept line by line: a scorecard, a signature, line prefixes, labels with what
each covers. Joined into one line, such a block loses the layout the brief asked for."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.constraints.empty_case import empty_case_line
from app.engine.constraints.label_cues import LABELS_NAMED, NOTE_WORDS, WHO_HANDLES
from app.engine.constraints.step_intros import step_sentence, trigger_lead


class Block(NamedTuple):
    """A layout the reply keeps line by line, as a rule, and where its last line ends in the task."""

    text: str
    end: int
    absorbs_intro: bool = False
    """The block's intro is the sentence before it (a blank line between them): its rule says that sentence too."""


def fixed_block(task: str, start: int, end: int) -> Block | None:
    """Lines after a colon that the reply lays out as given ("print a scorecard:\n\nSCORECARD\nTeamwork: x/5\n…",
    "Signature exacte :\nBien cordialement,\nClaire Morel"), as a rule that keeps them line by line; None for any
    other sentence. Joined into one line, a signature or a scorecard loses the layout the brief fixed. The block
    ends before a line that is a sentence of its own ("Each line 35 words max.", "Sonst nichts.")."""
    raw = task[start:end]
    colon = re.search(r"[:：][ \t]*\n", raw)
    before = task[:start].rstrip()
    absorbs = False
    labels_only = False  # a block with no colon before it: only labels defined one per line make one
    if colon is not None and before.endswith((":", "：")) and _HEAD_LINE.fullmatch(raw[: colon.end()].strip()):
        colon = None  # "show the record exactly like this:\n\nSITUATION:\nTHOUGHT:": "SITUATION:" is its first line
    if colon is not None:  # "Sign every email with exactly:\nWarm regards,\nDana": the intro leads the sentence
        intro, body_start = raw[: colon.start()].strip(), start + colon.end()
        lead = intro[intro.rfind("\n") + 1 :].strip(" \t-*•")
        if "\n" in intro:
            return None  # lines before the colon too: a list or material, not one intro and its block
    elif not before.endswith((":", "：")):
        # "one label per ticket, reply with the label only.\nORDER_LATE - tracking stuck\n…\nOTHER": labels
        # defined one per line after the sentence about them (or after the sentence's own first line, "Una sola
        # etiqueta por mensaje\nRESERVA — …"); that sentence leads the block
        first, newline, rest = raw.partition("\n")
        if newline and LABELS_NAMED.search(first) and _DEFINED_LABEL.match(rest.lstrip()):
            intro, body_start = first.strip(" \t-*•"), start + len(first) + 1
        else:
            line = before[before.rfind("\n") + 1 :]
            intro, body_start, absorbs = re.split(r"(?<=[.!?。！？])\s+", line.strip(" \t-*•"))[-1], start, True
        intro = intro.rstrip(".。 ")
        if not LABELS_NAMED.search(intro) or _DEFINED_LABEL.match(intro):
            return None  # ("TAGS: 13 tags\nDESCRIPTION: …": a line of a layout, no sentence about labels)
        lead, labels_only = intro, True
    else:  # "- print a scorecard:" ends the sentence before
        intro, body_start = before[before.rfind("\n") + 1 :].strip(" \t-*•:："), start
        # its last clause names the block ("…, drop the character and print a scorecard")
        lead = re.split(r"[,;]\s+|\s+and\s+", intro)[-1].strip()
        if not _BLOCK_INTRO.search(lead) or step_sentence(intro) is not None:
            # "at the end show the record exactly like this, nothing else after it": the whole sentence says it
            # ("When they type END, drop the role and give the scores in this format": and so does its trigger)
            lead, absorbs = intro, True
    lines: list[str] = []
    block_end = body_start
    for found in re.finditer(r"[^\n]*\n?", task[body_start:end]):
        line = found.group(0).strip()
        if not line:
            if lines:
                break  # a blank line ends the block ("Note:\n\nDon't:")
            continue
        ordered = _ORDER_LINE.match(line) is not None and len(line.split()) >= 5 and not line.endswith(",")
        if (_SENTENCE_LINE.fullmatch(line) and not _DEFINED_LABEL.match(line)) or ordered or empty_case_line(line):
            break  # "Each line 35 words max.", "Never add a PS …": a rule after the lines, not one of them
        lines.append(line)
        block_end = body_start + found.start() + len(found.group(0).rstrip())
    # ("… here is who handles each.\nPRINTERS - Dave in room 12": who takes each case, no labels to reply with)
    defined = (
        bool(lines)
        and not WHO_HANDLES.search(intro)
        and (
            all(_DEFINED_LABEL.match(line) for line in lines)
            # ("…\nPAYMENT - double charged\nOTHER": the last label needs no definition)
            or (LABELS_NAMED.search(intro) is not None and _defined_labels(lines))
        )
    )
    prefixes = (
        bool(lines)
        and all(line.endswith((":", "：")) for line in lines)  # "Day:\nEating & sleep:\n…"
        and not _SECTION_INTRO.search(intro)  # ("Use these headings:\nSummary:\nRisks:": sections, read apart)
    )
    if labels_only and not defined:
        return None
    longest = 200 if defined else 80  # a label's definition runs longer than a line of a layout
    # "output exactly this, nothing before or after:\nSUMMARY\n- up to 5 bullets …\nACTIONS\n…": headed sections
    # whose bullet lines say what goes under each heading are one layout, bullets included
    sectioned = _EXACT_LAYOUT.search(intro) is not None and sum(bool(_HEAD_LINE.fullmatch(line)) for line in lines) >= 2
    listed = any(_LIST_MARK.match(line) for line in lines) and not sectioned
    # ("Compliance: x/5 (did they say anything discriminatory, e.g. about …?)": a labelled slot may carry a note)
    noted = [len(line) > longest and _BLOCK_SLOT.search(line) and _LABELLED_LINE.match(line) for line in lines]
    too_long = any(
        len(line) > max(longest, 120 * (sectioned or bool(note))) for line, note in zip(lines, noted, strict=True)
    )
    if len(lines) < 2 or len(lines) > 16 or listed or too_long:
        return None
    if not lead or (_NOT_A_BLOCK.search(intro) and not defined and not prefixes):
        return None  # labels, headers, fields or tools one per line: their own constraints read them
    if not (defined or prefixes or _BLOCK_INTRO.search(intro) or any(_BLOCK_SLOT.search(line) for line in lines)):
        return None  # "When you reply:\nKeep it under 120 words", "Wichtig:\n…": rules or facts, not lines to print
    if sum("→" in line or "->" in line or "=>" in line for line in lines) * 2 >= len(lines):
        return None  # "selon ce glossaire :\ncompromis de vente → …": material to apply, not lines to print
    how = (
        "each line starts with its label, in this order"
        if prefixes
        else "each label with what it covers"
        if defined and _NOT_A_BLOCK.search(intro)
        else "this layout, line by line; fill in each value"
        if any(_BLOCK_SLOT.search(line) or _LABELLED_LINE.match(line) for line in lines)
        else "each line as given, on its own line"
    )
    lead = trigger_lead(task, start, lead)  # ("… until they type END. Then give feedback in this layout:")
    text = f"{lead[0].upper()}{lead[1:]} ({how}):\n" + "\n".join(f"   {line}" for line in lines)
    return Block(text, block_end, absorbs)


_SECTION_INTRO = re.compile(
    r"\b(?:head(?:ing|er)s?|sections?|titles?|parts?|überschrift\w*|abschnitt\w*|secci[óo]n\w*|apartados?|"
    r"titres?|sezion\w*|se[çc][õo]es|kopjes?)\b",
    re.IGNORECASE,
)
# An intro that fixes the lines the reply prints: a layout, a format, a signature, a card ("print a scorecard:",
# "Sign off exactly:", "Signature exacte :", "Ausgabe genau so, drei Zeilen:", "形式は以下で固定：").
_BLOCK_INTRO = re.compile(
    r"\b(?:format\w*|layout|template|exact\w*|exakt\w*|esatt\w*|precie\w*|verbatim|as\s+follows|like\s+this|"
    r"this\s+way|as\s+below|below|sign\w*|signature|closing|footer|header|card|scorecard|block|box|print\w*|"
    r"output|return|reply\s+with|lines|zeilen|líneas|lignes|righe|regels|linhas|firma\w*|assinatura|unterschrift|"
    r"ondertekening|afsluit\w*|grußformel|formule|schema|modèle|plantilla|modello|vorlage|sjabloon|genau\s+so|así|"
    r"assim|così|comme\s+ceci|ausgabe|salida|sortie|saída|uitvoer|"
    r"end\s+(?:with|every)|close\s+with|finish\s+with|bottom|beend\w*|abschlie\w*|termin\w*|desp[ií]d\w*|"
    r"conclu\w*|finaliz\w*|chiud\w*|eindig\w*|encerr\w*)\b|形式|固定|格式|署名|签名|以下",
    re.IGNORECASE,
)
# A line that orders something ("Never add a PS or anything after the sign-off"): the block has ended.
_ORDER_LINE = re.compile(
    r"(?:never|don'?t|do\s+not|always|avoid|make\s+sure|please|nunca|no\s+(?:añadas|pongas|uses)|nie(?:mals)?|"
    r"jamais|ne\s+\w+\s+pas|mai\s+|nooit|niet)\b",
    re.IGNORECASE,
)
# "output exactly this", "Formato, esattamente così e niente altro", "genau so", "exactement ainsi"
_EXACT_LAYOUT = re.compile(
    r"\b(?:exactly|exakt|genau|esattamente|exactement|exactamente|exatamente|precies)\b|nothing\s+(?:before|else)|"
    r"niente\s+altro|nada\s+m[áa]s|sonst\s+nichts|rien\s+d['’]autre",
    re.IGNORECASE,
)
# a heading line of a layout: "SUMMARY", "DELIBERE:", "PROSSIMA ASSEMBLEA: data, oppure …", "ASSEMBLEA DEL gg/mm"
_HEAD_LINE = re.compile(r"(?:[A-ZÀ-Ý][A-ZÀ-Ý0-9_]+)(?:\s+[A-ZÀ-Ý0-9_]+)*\s*(?:[:：].*|\s+\S.*)?")
_LIST_MARK = re.compile(r"[-*•]\s|\d{1,2}[.)]\s|[{\[]")
# Intros of lists other constraints read: labels, headings, fields and keys, tools (and a JSON shape).
_NOT_A_BLOCK = re.compile(
    r"\b(?:labels?|categor\w+|tags?|head(?:er|ing)s?|sections?|fields?|keys?|columns?|tools?|functions?|json|"
    r"etiquetas?|etiquettes?|kategorie\w*|rubrie\w*|categorie\w*|überschrift\w*|titres?|títulos?|titoli|campos?|"
    r"champs?|felder|campi|velden|ferramentas|herramientas|werkzeuge|outils|strumenti)\b|ラベル|标签|分类|カテゴリ|字段|項目",
    re.IGNORECASE,
)
# A value to fill in a layout line: "x/5", "[name]", "<date>", "Tip: (one sentence)", "N", "___", "..."
_BLOCK_SLOT = re.compile(r"\b[xXN]\b|\[[^\]]{1,30}\]|<[^>]{1,30}>|:\s*\([^)]{1,30}\)\s*$|\{[^}]{1,30}\}|_{3,}|\.{3}|…")
# "SAFETY_NOW - any mention of wanting to die …": a label and what it covers, one per line
_DEFINED_LABEL = re.compile(
    rf"(?!{NOTE_WORDS}\b)"
    r"(?:[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)\s*(?:[-–—=:])\s*\S"
)
_BARE_LABEL = re.compile(rf"(?!{NOTE_WORDS}\b)[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")


def _defined_labels(lines: list[str]) -> bool:
    """Whether the lines are labels, each with what it covers but for a bare one ("OTHER"), two defined at least."""
    stripped = [line.strip() for line in lines]
    defined = sum(bool(_DEFINED_LABEL.match(line)) for line in stripped)
    return defined >= 2 and all(_DEFINED_LABEL.match(line) or _BARE_LABEL.fullmatch(line) for line in stripped)


# "Contribution: score 1-5 - one sentence": a labelled line whose value is described, to be filled in
_LABELLED_LINE = re.compile(r"[^:：]{1,40}[:：]\s*\S")
# A line that is a sentence of its own ("Sonst nichts.", "Nothing after the scorecard.")
_SENTENCE_LINE = re.compile(r"[^:：]*\s[^:：]*[.!。]")
