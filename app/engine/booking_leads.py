"""A booking chat for lessons or classes is no tutor: "book piano lessons", "schedule swimming classes", "reserve a
driving-instructor slot" arrange a lesson, they do not teach one. The tutor frame (explain step by step, check
understanding) would have the assistant teach piano in a booking chat; the booking job leads instead."""

from __future__ import annotations

import re

import msgspec

from app.engine.classify import ArchetypeMatch

_TUTOR = "tutor"
_SUPPORT = "customer_support"
_LESSON = (
    r"(?:lessons?|classes|class|courses?|sessions?|slots?|appointments?|clases?|cursos?|unterricht\w*|stunden?|kurse?|"
    r"fahrstunden?|cours|le[çc]ons?|s[ée]ances?|aulas?|lezioni|lezione|corsi|lessen|lessons?)"
)
# The booking verb with its lesson a few words on: "book piano lessons", "schedule swimming classes", "reserve a
# driving-instructor slot", "reservar clases de guitarra", "Fahrstunden buchen", "réserver des cours"
_BOOKS_LESSONS = re.compile(
    rf"\b(?:book\w*|schedul\w*|reserv\w*|re-?book\w*|reschedul\w*|cancel\w*|sign\s+up\s+for|enrol\w*|enroll\w*|"
    rf"reservar|agendar|programar|apuntar\w*|inscrib\w*|buch\w*|anmeld\w*|r[ée]serv\w*|inscri\w*|prenot\w*|"
    rf"iscriv\w*|boek\w*|inschrij\w*)\s+(?:[\w'’-]+\s+){{0,3}}?{_LESSON}\b|"
    rf"\b{_LESSON}\s+(?:[\w'’-]+\s+){{0,2}}?(?:buchen|reservieren|vereinbaren|boeken|reserveren)\b|"
    rf"\b(?:booking|bookings|reservations?|reservas?|buchung\w*|r[ée]servations?|prenotazion\w*|boekingen)\s+"
    rf"(?:(?:for|of|de|für|von|pour|di|voor)\s+)?(?:[\w'’-]+\s+){{0,2}}?{_LESSON}\b",
    re.IGNORECASE,
)
# The brief also has the assistant teach: "explain", "quiz", "practise with them", "homework"
_TEACHES = re.compile(
    r"\b(?:teach(?!ers?\b|er['’]s\b)\w*|explain\w*\s+(?:the|how|concepts?|grammar|theory)|quiz\w*|homework|exercises?|practi[cs]e\s+with|"
    r"step\s+by\s+step|hints?|erkl[äa]r\w*|[üu]bung\w*|ense[ñn]\w*|explica\w*|ejercicios|enseign\w*|expliqu\w*|"
    r"exercices?|insegn\w*|spiega\w*|esercizi|uitleg\w*|oefening\w*)\b",
    re.IGNORECASE,
)


# The brief names itself a tutor or teaching bot, or has the assistant help with a subject: "Maths tutor bot",
# "helps with fractions", "explains photosynthesis". A booking then is an escalation ("pupils can book a session
# with a real teacher if they are stuck"), never the job.
_TUTOR_ROLE = re.compile(
    r"\b(?:tutor\w*|teaching\s+(?:bot|assistant|chat\w*|app|helper)|homework\s+(?:help\w*|bot|buddy)|"
    r"study\s+(?:buddy|helper|bot)|help(?:s|ing)?\s+(?:\w+\s+){0,3}?(?:with|learn|understand|revise|practi[cs]e)\b|"
    r"explain(?:s|ing)?\b|nachhilfe\w*|lernhilfe|tuteur|profesor\s+particular|tutora?|repetitor)",
    re.IGNORECASE,
)
# The brief's first sentence (its role) or its opening words: where the booking must be for it to be the job
_FIRST_SENTENCE = re.compile(r"[^.!?\n]*")


def _books_as_job(task: str) -> bool:
    """Whether booking lessons is the brief's job: its first sentence books them, and the brief never names itself
    a tutor nor has the assistant help with or explain a subject."""
    first = _FIRST_SENTENCE.match(task.lstrip())
    head = first.group(0) if first else ""
    if not _BOOKS_LESSONS.search(head):
        return False
    return _TUTOR_ROLE.search(task) is None and _TEACHES.search(task) is None


def booking_not_tutor(matches: list[ArchetypeMatch], task: str) -> list[ArchetypeMatch]:
    """The matches without the tutor when booking lessons is the brief's job (its first sentence books them) and
    the brief never has the assistant teach; a tutor that led hands the lead to the booking (support) job."""
    if not any(m.id == _TUTOR for m in matches) or not _books_as_job(task):
        return matches
    rest = [m for m in matches if m.id != _TUTOR]
    if matches[0].id == _TUTOR:
        support = next((m for m in rest if m.id == _SUPPORT), None)
        lead = support or ArchetypeMatch(id=_SUPPORT, score=matches[0].score, features=["books lessons"])
        rest = [msgspec.structs.replace(lead, rank="primary"), *(m for m in rest if m.id != _SUPPORT)]
    return rest
