"""Words of a brief that name no job of the assistant's, blanked before classifying.

- Background: how the work was done until now ("Until now Priya summarised these by hand") says what people did,
  not what the assistant does.
- What people ask about: "answer questions about how to learn to ring" is a Q&A job, not tutoring.
- What is translated: "translate our product descriptions" is a translation job, not a copywriting one.
- Who the organisation is ("a language school that teaches grammar") and whose team asks ("our marketing team").
- A part of the reply: "Start with a short summary of their situation, then the steps" asks for a summary line
  inside another job; it does not make the assistant a summariser.

Blanked with spaces, not cut, so that offsets into the brief stay valid.
"""

from __future__ import annotations

import re

from app.engine.constraints.quotes import POSSESSIVE_AHEAD

_BACKGROUND_LEAD = (
    r"(?:until\s+now|up\s+(?:un)?till\s+now|up\s+to\s+now|so\s+far|previously|in\s+the\s+past|historically|"
    r"before\s+(?:this|now)|(?:we|i|they|she|he|[A-Z][a-z]+)\s+used\s+to|right\s+now|currently|at\s+the\s+moment|"
    r"at\s+present|these\s+days|today)\b"
)
# "(Until now Priya summarised these by hand into a spreadsheet.)", "Previously we tagged them manually." — a
# sentence or bracket that opens with a time in the past, or says the work is done by hand today.
_BACKGROUND = re.compile(
    rf"(?:(?<=[.!?]\s)|(?<=[.!?]\s\s)|^|(?<=\())\s*\(?{_BACKGROUND_LEAD}[^.!?()]*"
    r"(?:(?<=[a-z])ed\b|\bused\s+to\b|\bby\s+hand\b|\bmanually\b|\bourselves\b|\bspreadsheets?\b)[^.!?()]*[.!?)]?",
    re.IGNORECASE,
)
_PART = r"(?:summary|summaries|recap|tl;?dr|overview)"
# "Start with a short plain summary of …", "end with a one-line recap", "close each reply with a summary".
_REPLY_PART = re.compile(
    r"\b(?:start|begin|open|lead|end|finish|close|conclude|wrap\s+up|top)(?:s|ing)?\s+(?:\w+\s+){0,3}?with\s+"
    rf"(?:a|an|one|the|your|their)\s+(?:[\w-]+\s+){{0,3}}?(?P<part>{_PART})\b|"
    rf"\b(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?(?P<part2>{_PART})\s+(?:at\s+the\s+(?:top|end|start|bottom)|first|last)\b",
    re.IGNORECASE,
)


# "Übersetze Produktbeschreibungen vom Deutschen ins Englische", "translate our customer emails": what is
# translated is the input, not a second job (no copywriting or email pack on a translation).
_TRANSLATED = re.compile(
    r"\b(?:translat\w*|übersetz\w*|tradu[zcsi]\w*|vertaal\w*|tradurr?\w*)\s+"
    r"(?!(?:en|in|into|to|from|ins|aus|vom|nach|para|al|naar|van|da|dal|de|do)\b)"
    r"(?P<object>(?:[^\W\d_][\w'-]*\s*){1,4}?)"
    r"(?=\s*(?:\b(?:from|into|to|in|aus|ins|in|vom|von|nach|de|del|do|da|en|al|para|naar|van|dal|in)\b|[,.;:!?]|$))",
    re.IGNORECASE,
)


_NEXT_JOB = re.compile(
    r"\b(?:then|and\s+(?:also\s+)?(?:then\s+)?(?:suggest|tag|classify|route|summari[sz]e|reply|answer|draft|write|"
    r"label|flag|extract|sort|assign|pick|choose|rate|score)|und\s+dann|dann|y\s+luego|luego|et\s+puis|puis|"
    r"e\s+depois|depois|en\s+dan|poi)\b",
    re.IGNORECASE,
)


# "answer q's about practice nights, quarter peals and how to learn to ring": what people ask about is the topic,
# not a job ("learn" makes no tutor).
_ASKED_ABOUT = re.compile(
    r"\b(?:answer\w*|handle\w*|field\w*|deal\w*\s+with)\s+(?:\w+\s+){0,2}?(?:questions?|q['’]?s|queries|faqs?|"
    r"enquir(?:y|ies)|inquir(?:y|ies))\s+(?:about|on|regarding|re:?|around|like)\s+(?P<topics>[^.;!?\n]{3,160})",
    re.IGNORECASE,
)
# Job words inside the topics ("how to learn to ring", "our translation rates"): the topics themselves ("our
# ClickHouse tables", "the lease agreement", "billing") stay, they say what kind of questions these are.
_JOB_WORD = re.compile(
    r"\blearn\w*|\bteach\w*|\blessons?\b|\btutor\w*|\bsummar\w*|\btranslat\w*|\breview\w*|\bclassif\w*|\bgrad(?:e|es|ing)\b",
    re.IGNORECASE,
)


# "a language school that teaches grammar", "a charity which runs coding clubs": what the organisation does is who
# it is, not the assistant's job.
_ORG_DOES = re.compile(
    r"\b(?:school|academy|college|university|company|charity|club|firm|shop|agency|centre|center|studio|business|"
    r"startup|non-?profit|organi[sz]ation|practice|clinic|library|museum|cooperative|co-op)\s+(?:that|which|who)\s+"
    r"(?P<does>[^.;,!?\n]{3,120})",
    re.IGNORECASE,
)
_BOT_FOR_ORG = re.compile(
    r"\b(?:bot|chatbot|assistant|agent|helper|concierge)\s+(?:for|at|in)\s+(?:our|the|a|an|my)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_BOT_VERB = re.compile(r"(?:answers|replies|responds|helps|handles|books|triages|guides|chats|talks|explains)\b", re.I)
# "our marketing team", "the sales department": the requester's team, not the job ("help our marketing team query
# BigQuery" is a SQL job).
_TEAM = re.compile(
    r"\b(?:our|the|my|their|your|a|for)\s+(?P<team>marketing|sales|support|data|finance|hr|legal|product|design|"
    r"engineering|ops|operations|content|research|editorial|comms|communications|translation|review)\s+"
    r"(?:team|department|dept|folks|people|staff|colleagues|group|squad)\b",
    re.IGNORECASE,
)

# "Don't discuss pricing - just say 'Please email reception for prices.'": the words of a fixed reply are what the
# assistant says in one case, not its job ("email" in them makes no email assistant). Only a sentence-like quote
# (three words or more) after a verb of saying: "reply with 'spam' or 'ham'" names labels, which stay.
_FIXED_REPLY = re.compile(
    r"\b(?:say|says|reply|replies|respond|responds|answer|tell\s+(?:them|the\s+\w+|users?|customers?|people)|"
    r"sag|sage|antworte|antworten\s+sie|dis|dites|réponds|répondez|di|diga|dile|responde|responda|contesta|"
    r"rispondi|risponda|diz|zeg|antwoord)\b(?:\s+(?:exactly|only|just|simply|verbatim|with|something\s+like|"
    r"einfach|nur|simplement|seulement|solo|solamente|apenas|sempre|always))*\s*[:：]?\s*"
    r"(?:\"(?P<dq>[^\"\n]{8,300})\"|“(?P<cq>[^”\n]{8,300})”|«\s?(?P<gq>[^»\n]{8,300})»|„(?P<lq>[^“\"\n]{8,300})[“\"]|"
    r"(?<![\w'])'(?P<sq>[^\n]{8,300}?)" + POSSESSIVE_AHEAD + r"'(?=[\s,;:!?)]|$))",
    re.IGNORECASE,
)


# "If the booklet doesn't cover it, say exactly: "That's not in the booklet. …"": the reply for what the sources do
# not answer names the sources, the grounding job's own evidence; it stays
_NOT_COVERED = re.compile(
    r"\b(?:(?:doesn'?t|does\s+not|don'?t|do\s+not|isn'?t|is\s+not|aren'?t|not)\s+(?:cover|covered|in|mention|say|"
    r"answer|contain|include|listed|found)|can'?t\s+find|no\s+answer|nicht\s+(?:im|in|abgedeckt)|"
    r"n['’]est\s+pas\s+dans|no\s+(?:está|aparece)|non\s+(?:è|c['’]è)|não\s+(?:está|consta)|staat\s+niet)\b",
    re.IGNORECASE,
)


def _without_fixed_replies(task: str) -> str:
    """The task with the words of each fixed reply of three words or more blanked."""
    for match in reversed(list(_FIXED_REPLY.finditer(task))):
        group = next(g for g in ("dq", "cq", "gq", "lq", "sq") if match.group(g) is not None)
        opening = max(task.rfind(mark, 0, match.start()) for mark in (". ", "\n", "! ", "? ", "; "))
        if len(match.group(group).split()) >= 3 and not _NOT_COVERED.search(task, max(0, opening), match.start()):
            task = _blank(task, match.start(group), match.end(group))
    return task


def _sentence_end(text: str, start: int) -> int:
    end = re.search(r"[.!?。！？](?:\s|$)", text[start:])
    return start + end.end() if end else len(text)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def without_asides(task: str) -> str:
    """The task with its background, what it translates, its reply-part summaries and its fixed replies blanked
    (same length)."""
    task = _without_fixed_replies(task)
    for match in reversed(list(_BACKGROUND.finditer(task))):
        task = _blank(task, match.start(), match.end())
    for match in reversed(list(_ORG_DOES.finditer(task))):
        if _BOT_FOR_ORG.search(task, max(0, match.start() - 60), match.start()) and _BOT_VERB.match(
            match.group("does")
        ):
            continue  # "Chatbot for our dental practice that answers aftercare questions …": the bot's job
        task = _blank(task, match.start("does"), match.end("does"))
    for match in reversed(list(_TEAM.finditer(task))):
        task = _blank(task, match.start("team"), match.end("team"))
    for match in reversed(list(_TRANSLATED.finditer(task))):
        if _NEXT_JOB.search(task, match.end(), _sentence_end(task, match.end())):
            continue  # "translate the tickets, then suggest which team should handle them": two jobs on one input
        task = _blank(task, match.start("object"), match.end("object"))
    for match in reversed(list(_ASKED_ABOUT.finditer(task))):
        for word in reversed(list(_JOB_WORD.finditer(task, match.start("topics"), match.end("topics")))):
            task = _blank(task, word.start(), word.end())
    for match in reversed(list(_REPLY_PART.finditer(task))):
        group = "part" if match.group("part") else "part2"
        task = _blank(task, match.start(group), match.end(group))
    return task
