"""A labelling job that also writes the reply: the reply's writer joins the blend.

"Sort each e-mail into one of … and write a reply draft", "Clasifica cada WhatsApp y escribe la respuesta": the
label is one job and the drafted reply another. When no job that drafts replies matched (the words for a reply are
few next to the labels), the writer joins as the first second job, so the composer frames the reply with it rather
than with whatever other job matched a stray word.
"""

from __future__ import annotations

import re

import msgspec

from app.engine.archetypes import BY_ID
from app.engine.archetypes.variants import DRAFTED_ELSEWHERE
from app.engine.classify import ArchetypeMatch
from app.engine.compose.label_draft import WRITES_REPLY

_DRAFTED_ELSEWHERE = re.compile(DRAFTED_ELSEWHERE, re.IGNORECASE)
# The e-mail assistant drafts replies to mail; a reply to customers' orders or tickets is the support desk's.
_EMAIL = re.compile(r"\be-?mails?\b|\bcourriels?\b|\bcorreos?\b|\binbox\b|メール|邮件", re.IGNORECASE)
_CUSTOMER = re.compile(r"\b(?:customers?|clients?|tickets?|orders?|refunds?)\b", re.IGNORECASE)
_DRAFTERS = ("meeting_email_assistant", "customer_support")
_MAX_SECONDARIES = 2


def drafter_joins_label(matches: list[ArchetypeMatch], task: str) -> list[ArchetypeMatch]:
    """A labeller's matches with the reply writer as its first second job, when the brief asks for a reply too.

    `task`: the brief's task without what it forbids ("never write a reply yourself" asks for none)."""
    if not matches or BY_ID.get(matches[0].id) is None or BY_ID[matches[0].id].output.kind != "label":
        return matches
    if not WRITES_REPLY.search(task) or _DRAFTED_ELSEWHERE.search(task):
        return matches  # "Agents write the replies; you only pick the label"
    # (a reply to an e-mail is the e-mail assistant's even when a label word such as "refund" drew the support desk)
    writer = "meeting_email_assistant" if _EMAIL.search(task) or not _CUSTOMER.search(task) else "customer_support"
    matched = next((m for m in matches[1:] if m.id == writer), None)
    if matched is None and any(m.id in _DRAFTERS and not _EMAIL.search(task) for m in matches[1:]):
        return matches
    # (a writer that matched on its own still goes first: it frames the reply, not a support match from "complaint")
    joined = matched or ArchetypeMatch(id=writer, score=matches[0].score, features=["writes the reply"])
    joined = msgspec.structs.replace(joined, rank="secondary")
    rest = [msgspec.structs.replace(m, rank="secondary") for m in matches[1:] if m.id != writer]
    return [matches[0], joined, *rest[: _MAX_SECONDARIES - 1]]
