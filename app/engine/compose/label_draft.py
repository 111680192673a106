"""A job that labels each incoming message and drafts a reply to it: the writer's frame, with a role that says both.

"For every email: pick one label from […], then write a reply draft", "lit chaque e-mail, le classe et prépare une
réponse": a label alone cannot carry the reply, so the reply writer leads and the labeller joins as its step. The
writer is the reply drafter, not the executive assistant's follow-up frame: "Capture every decision, owner and due
date" and a summary with action items come only when the brief asks for them.
"""

from __future__ import annotations

import re

import msgspec

from app.engine.archetypes import Archetype
from app.engine.archetypes.variants import MEETING_MINUTES, MESSAGE_REPLY, REPLY_DRAFTING

# A reply the brief asks to be written, in the languages the engine reads ("write a reply draft", "draft a polite
# reply", "prépare une réponse", "redacta una respuesta", "schreibe eine Antwort", "prepara una bozza di risposta").
WRITES_REPLY = re.compile(
    # ("sorts them + writes a reply", "write me a draft i can edit": the verb inflected, the reader named)
    r"\b(?:writ(?:e|es|ing)|draft(?:s|ing)?|compos(?:e|es|ing)|generat(?:e|es|ing)|suggest(?:s|ing)?|"
    r"propos(?:e|es|ing)|prepar(?:e|es|ing))\s+(?:me\s+|us\s+)?(?:a\s+|an\s+|the\s+)?"
    # ("draft a short friendly reply": adjectives come in pairs too)
    r"(?:(?:short|polite|friendly|brief|quick|warm|kind|personal|draft|suggested|proposed),?\s+){0,2}"
    # ("write a draft answer the agent can send": a drafted answer is a reply)
    r"(?:reply|replies|response|responses|answer\s+email|email\s+reply|(?<=draft\s)answers?|"
    # ("tag each email and write me a draft i can edit": the draft of a reply, not of a post or a summary)
    r"(?<=\s)draft(?!\s+(?:of|summar\w*|reports?|posts?|articles?|essays?|notes?|minutes|copy|version)\b))\b|"
    r"\b(?:pr[ée]par\w*|r[ée]dig\w*|[ée]cri[rstv]\w*)\s+(?:une\s+|la\s+|les\s+|des\s+)?(?:(?:brouillon|proposition)s?\s+de\s+)?"
    r"r[ée]ponses?\b|"
    r"\b(?:redact\w*|escrib\w*|prepar\w*|propon\w*)\s+(?:una\s+|la\s+|las\s+)?(?:(?:borrador|propuesta)\s+de\s+)?"
    r"respuestas?\b|"
    r"\b(?:escrev\w*|redig\w*|prepar\w*)\s+(?:uma\s+|a\s+|as\s+)?(?:rascunho\s+de\s+)?respostas?\b|"
    r"\b(?:scriv\w*|redig\w*|prepar\w*)\s+(?:una\s+|la\s+|le\s+)?(?:bozza\s+di\s+)?rispost[ae]\b|"
    r"\b(?:schreib\w*|entw\w*rf\w*|formulier\w*)\s+(?:eine\s+|die\s+)?(?:kurze\s+)?antwort\w*|\bantwortentw\w*|"
    r"\b(?:schrijf\w*|stel\w*)\s+(?:een\s+)?(?:concept-?)?antwoord\w*",
    re.IGNORECASE,
)

# The follow-up work that keeps the executive assistant's own frame: meeting notes, action items, a summary.
_FOLLOW_UP = re.compile(
    MEETING_MINUTES + r"|\bmeeting\s+(?:notes|transcripts?)\b|\baction\s+items?\b|\bnotulen\b|\bprotokoll|"
    r"\bfollow-?ups?\b|\bsummar\w*|\brecap\w*",
    re.IGNORECASE,
)
_INCOMING = re.compile(r"\bincoming (emails?|messages?)\b")
_EMAIL = re.compile(r"\be-?mails?\b|\bcourriels?\b|\bcorreos?\b|\bメール|邮件", re.IGNORECASE)


def reply_writer(writer: Archetype, framed: Archetype, task: str) -> Archetype:
    """The writer as a labelling-and-drafting job needs it: `framed` is `writer.for_task(task)`. An executive assistant
    whose own variants found no reply job gets the reply drafter unless the brief asks for follow-up work."""
    # (the writer whose variants include the reply drafter: an archetype's own data says it can narrow to one)
    drafts = REPLY_DRAFTING in writer.variants and MESSAGE_REPLY in writer.variants
    if framed is writer and drafts and not _FOLLOW_UP.search(task):
        framed = writer.with_variant(REPLY_DRAFTING if _EMAIL.search(task) else MESSAGE_REPLY)
        # (under the brief's own layout only the essentials stay: the drafter's, not "Capture every decision")
        essential = tuple(r for r in framed.rules if "never state that a message was sent" in r.text)
        framed = msgspec.structs.replace(framed, blend_rules=essential)
    incoming = _INCOMING.search(framed.role)
    if incoming is None:
        # (a support agent or another writer: the objective says the label comes first)
        objective = framed.objective[:1].lower() + framed.objective[1:]
        return msgspec.structs.replace(
            framed, objective=f"Label each incoming message from the label set, then {objective}"
        )
    item = incoming.group(1).rstrip("s")
    return msgspec.structs.replace(
        framed,
        role=_INCOMING.sub("", framed.role).replace(
            "who drafts replies to ", f"who labels each incoming {item} and drafts a reply to it"
        ),
        noun="labeller and reply writer",
        objective=(
            f"Label each incoming {item} from the label set, then draft a reply that answers what the sender wrote, "
            "ready for the {user} to check and send."
        ),
    )
