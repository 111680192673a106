"""Headings that name pasted source material: "Booklet (key bits):", "Brochure (kern):", "Preisliste:".

A brief that answers from a booklet often pastes the booklet's gist under a heading that names it, one fact per line
("Ice - 20 minutes, wrapped in a damp tea towel …", "Tarief: 135 euro per uur per stel"). Those lines are the
material the assistant answers from, not the requester's rules: read as rules they are scattered through the prompt
and cut from each other ("Never straight on the skin." loses its ice line).

Only nouns that name a document people read are headings here. A policy or terms heading stays the requester's own
rules: its lines are read as rules (bans, limits) and must stay so.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_MATERIAL_NOUNS = (
    # en
    r"brochure|booklet|leaflet|pamphlet|handbook|manual|fact\s*sheet|info(?:rmation)?\s+sheet|price\s*list|menu|"
    # nl, de
    r"folder|informatiebrochure|informatieblad|handleiding|prijslijst|menukaart|broschüre|merkblatt|infoblatt|"
    r"handbuch|preisliste|speisekarte|prospekt|"
    # fr, es, pt, it
    r"livret|dépliant|plaquette|fiche\s+(?:pratique|info\w*)|manuel|folleto|prospecto|lista\s+de\s+precios|"
    r"folheto|cartilha|tabela\s+de\s+preços|cardápio|opuscolo|libretto|listino(?:\s+prezzi)?"
)
_MATERIAL_HEADING = re.compile(
    # (up to two words before the noun: "Your New Knee booklet (key bits):", "Onze brochure:"; a qualifier after
    # it: "(kern)", "- summary"; the heading ends the line)
    rf"^[ \t]*(?P<title>(?:[^\W\d_][\w'’\"“”«»-]*[ \t]+){{0,3}}?(?:{_MATERIAL_NOUNS})\b[^:：\n]{{0,40}})[:：][ \t]*\n",
    re.IGNORECASE | re.MULTILINE,
)
# "LIVRET (extraits)", "Price list - summer", "MENU": a heading line without a colon, when a list follows at once
# (at most two words before the noun, a bracketed or dashed qualifier after it, nothing else on the line)
_BARE_MATERIAL_HEADING = re.compile(
    # (a capital opens it; no order opens it: "Read the manual" is an instruction, not a heading)
    r"^[ \t]*(?!(?:read|check|see|use|follow|consult|open|attach|update|send|print|lee|lea|consulta|lis|lisez|"
    r"consultez|lies|lesen|leggi|lees|leia)\b)(?=[A-ZÀ-Ý])"
    rf"(?P<title>(?:[^\W\d_][\w'’-]*[ \t]+){{0,2}}?(?:{_MATERIAL_NOUNS})\b[ \t]*"
    rf"(?:\([^()\n]{{1,30}}\)|[-–—][ \t]*[^\W\d_][\w ]{{0,25}})?)[ \t]*\n(?=[ \t]*[-*•][ \t]+\S)",
    re.IGNORECASE | re.MULTILINE,
)
# "the key bits are below, full text will be loaded in": the pasted gist stands beside the whole document, which
# still needs its slot
FULL_TEXT_ARRIVES = re.compile(
    r"\b(?:full|whole|complete|entire)\s+(?:text|version|document|booklet|brochure|handbook|manual)\s+"
    r"(?:will\s+be|is|gets?|comes?)\s+(?:loaded|supplied|attached|provided|added|pasted|sent)\b|"
    r"\b(?:volledige|gehele)\s+tekst\s+wordt\b|\b(?:vollständige|ganze)\s+text\s+wird\b|"
    r"\btexte\s+(?:complet|intégral)\s+(?:sera|est)\b|\btexto\s+(?:completo|íntegro)\s+(?:se|será|é|es)\b|"
    r"\btesto\s+(?:completo|integrale)\s+(?:verrà|viene|sarà)\b",
    re.IGNORECASE,
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_MIN_LINES = 2
_MIN_BODY_CHARS = 60


class MaterialBlock(NamedTuple):
    """A heading that names pasted material, the material's text, and the extent of the whole block."""

    title: str
    body: str
    start: int
    end: int


# "Write a tourist brochure …", "Create a dinner menu …": the brief asks for that document, so a heading naming it
# introduces the reply's own layout, not material to answer from
_WRITES_IT = re.compile(
    rf"\b(?:write|writes|writing|create|draft|design|make|produce|generate|prepare|compose|plan|put\s+together|"
    rf"schreib\w*|erstell\w*|escrib\w*|redact\w*|crea\w*|rédig\w*|écri\w*|scriv\w*|schrijf|maak)\s+"
    rf"(?:[\w'’-]+\s+){{0,4}}?(?:{_MATERIAL_NOUNS})\b",
    re.IGNORECASE,
)
# A line that ends the material: another heading ("Rules:", "Output format:") or the requester's instruction
# ("Answer only from this.", "Never invent dishes not on the menu.", "- Always …")
_ENDS_MATERIAL = re.compile(
    r"^[ \t]*(?:[^\n:：]{1,40}[:：][ \t]*$|(?:[-*•][ \t]+)?(?:answer|reply|respond|use|only|never|always|do\s+not|"
    r"don['’]?t|if|when|keep|make|be|ask|tell|say|write|give|antworte\w*|nie|immer|responde\w*|nunca|siempre|"
    r"réponds|jamais|toujours|rispondi|mai|sempre|antwoord|nooit|altijd)\b)",
    re.IGNORECASE,
)


def _material_end(task: str, start: int) -> int:
    """Where the material that starts at `start` ends: a blank line, a heading or instruction line, or the end."""
    gap = _BLANK_LINE.search(task, start)
    end = gap.start() if gap else len(task.rstrip())
    position = start
    while position < end:
        line_end = task.find("\n", position, end)
        line_end = end if line_end < 0 else line_end
        if _ENDS_MATERIAL.match(task[position:line_end]):
            return max(start, position - 1)
        position = line_end + 1
    return end


def material_blocks(task: str) -> list[MaterialBlock]:
    """Each heading naming a booklet, brochure, menu or price list on its own line, with its lines up to a blank
    line, a heading or instruction line, or the end of the task (two lines or more); none in a brief that asks for
    such a document."""
    found: list[MaterialBlock] = []
    if _WRITES_IT.search(task):
        return found
    headings = sorted(
        [*_MATERIAL_HEADING.finditer(task), *_BARE_MATERIAL_HEADING.finditer(task)], key=lambda m: m.start()
    )
    for heading in headings:
        end = _material_end(task, heading.end())
        body = task[heading.end() : end].strip("\n")
        lines = [line for line in body.splitlines() if line.strip()]
        if len(lines) >= _MIN_LINES and len(body.strip()) >= _MIN_BODY_CHARS:
            title = " ".join(heading.group("title").split())
            found.append(MaterialBlock(title=title, body=body.strip(), start=heading.start(), end=end))
    return found
