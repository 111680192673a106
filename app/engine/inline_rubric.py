"""A marking rubric the brief states inline, in paragraphs after the sentence that announces it.

    Learners type short answers; you mark one answer at a time against this rubric.

    Question 7: "How should you cool and store cooked rice …?"
    Key points, 2 marks each (max 10):
    a) cool quickly …
    …

    Critical errors (band is refer whatever the score): leaving it out overnight …

    Return JSON only: …

The question, the points that earn marks and the errors that cap the grade are one thing, the rubric the grader
applies; read as sentences they would be scattered over the context and the rules, and the key points would lose their
lines. So the paragraphs after "against this rubric." (up to the one that turns to the output) are a pasted block,
titled "Rubric", which `app.engine.references` blanks from the task and hands to the composer whole.

(A rubric whose list lines follow its "this rubric:" line directly is read by `references` itself.)
"""

from __future__ import annotations

import re
from typing import NamedTuple

# "against this rubric.", "using the marking scheme below:", "Mark it by these criteria", "según esta rúbrica",
# "nach diesem Bewertungsschema", "selon cette grille": the sentence that announces the rubric, ending its line
_NOUN = (
    r"(?:rubric|marking\s+scheme|mark\s+scheme|marking\s+guide|scoring\s+guide|scoring\s+rubric|grading\s+rubric|"
    r"marking\s+criteria|grading\s+criteria|criteria|rúbrica|rubrica|bewertungsschema|bewertungsraster|"
    r"erwartungshorizont|grille(?:\s+d['’]évaluation)?|griglia(?:\s+di\s+valutazione)?|beoordelingsschema|"
    r"beoordelingsrubric)"
)
_INTRO = re.compile(
    r"\b(?:against|using|with|by|per|to|on|following|según|segun|con|nach|mit|selon|avec|d'après|secondo|volgens|"
    r"conforme)\s+(?:"
    # the rubric that follows: "this rubric", "these criteria", "the following rubric", "the rubric below", "our
    # rubric:" ("stick to the rubric." points at no text of its own)
    r"(?:this|these|the\s+following|esta|este|la\s+siguiente|diesem|dieser|diesen|folgendem|folgender|cette|ce|"
    rf"questa|questo|la\s+seguente|deze|dit)\s+{_NOUN}(?:\s+below|\s+abajo|\s+unten|\s+ci-dessous)?[ \t]*[.:：]?|"
    rf"(?:the|our|la|nuestra|unserem|unserer|notre|nostra|onze)\s+{_NOUN}(?:\s+below[ \t]*[.:：]?|[ \t]*[:：]))"
    r"[ \t]*\n",
    re.IGNORECASE,
)
# A paragraph that turns from the rubric to the reply: "Return JSON only:", "Output:", "Reply with …", "{…"
_TURNS_TO_OUTPUT = re.compile(
    r"[ \t]*(?:[-*•][ \t]+)?(?:return|reply|respond|output|answer\s+(?:with|in)|format|give\s+(?:back|me)|send\s+back|"
    r"produce|json\b|\{|```|devuelve|responde|antworte|gib\s+(?:nur\s+)?(?:zurück|aus)|ausgabe|renvoie|réponds|"
    r"restituisci|rispondi|geef|antwoord|retorne|responda|rules?\b|regeln\b|reglas\b|règles\b|notes?\b|tone\b|style\b|"
    # a rule for the reply after the rubric: "Keep feedback …", "Never …", "Feedback: max 35 words"
    r"(?:never|always|don['’]?t|do\s+not|keep|be|use|write|avoid|feedback|comments?)\b)",
    re.IGNORECASE,
)
# What makes paragraphs a rubric: marks, points or a score range ("2 marks each", "(0-3)", "5 pts", "max 10")
_SCALE = re.compile(
    r"\b\d+\s*(?:marks?|points?|pts?|punt[oi]s?|puntos|punkte?)\b|\bout\s+of\s+\d+\b|\(\s*\d+\s*[-–]\s*\d+\s*\)|"
    r"\bmax(?:imum)?\.?\s+\d+\b|\b\d+\s*/\s*\d+\b",
    re.IGNORECASE,
)
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_MAX_PARAGRAPHS = 6
_MAX_LINES = 40


class InlineRubric(NamedTuple):
    """The rubric's paragraphs as written, and their extent in the task."""

    body: str
    start: int
    end: int


def find_inline_rubrics(task: str) -> list[InlineRubric]:
    """Each rubric a task announces ("… against this rubric.") and then states in the paragraphs after it."""
    found = []
    for intro in _INTRO.finditer(task):
        start = intro.end()
        while start < len(task) and task[start] in " \t\n":
            start += 1
        end = _rubric_end(task, start)
        body = task[start:end].rstrip()
        if body and _SCALE.search(body) and 2 <= body.count("\n") + 1 <= _MAX_LINES:
            found.append(InlineRubric(body=body, start=start, end=start + len(body)))
    return found


def _rubric_end(task: str, start: int) -> int:
    """Where the rubric's paragraphs stop: before the first one that turns to the reply (or the blank lines before
    it), or at the end of the last one."""
    position = start
    for _ in range(_MAX_PARAGRAPHS):
        if position >= len(task) or _TURNS_TO_OUTPUT.match(task, position):
            break
        gap = _BLANK_LINES.search(task, position)
        position = gap.end() if gap else len(task)
    return start + len(task[start:position].rstrip())
