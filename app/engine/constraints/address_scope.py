"""Where a form of address holds, when the brief's clause says so: "nelle bozze dai del Lei ai genitori", "in den
Entwürfen siezt du die Eltern", "vouvoie les clients dans les e-mails", "en los borradores trata de usted a los
padres", "use formal you in the drafts to customers".

A register the brief fixes for drafts or for one group of readers is no rule for the whole conversation (the assistant
may chat with staff in another register), so the prompt keeps that scope instead of "throughout".
"""

from __future__ import annotations

import re

# The written pieces a register can be fixed for, in the languages briefs are written in, by English name.
_PLACES: dict[str, str] = {
    **dict.fromkeys(("bozze", "bozza", "brouillons", "brouillon", "entwürfen", "entwurf", "entwürfe", "borradores",
                     "borrador", "rascunhos", "rascunho", "concepten", "concept", "drafts", "draft"), "drafts"),
    **dict.fromkeys(("email", "e-mail", "mail", "emails", "e-mails", "mails", "courriels", "courriel", "correos",
                     "correo"), "emails"),
    **dict.fromkeys(("lettere", "lettera", "lettres", "lettre", "briefen", "briefe", "cartas", "carta", "brieven",
                     "letters", "letter"), "letters"),
}  # fmt: skip
_PLACE = re.compile(
    r"\b(?:nelle|nella|negli|nei|in\s+(?:the|all|any|your|den|der|dem|de|het|allen)|in|im|dans\s+(?:les|le|la|vos|tes|ses)|"
    r"en\s+(?:los|las|el|la|sus|tus)|nos|nas|no|na|em)\s+"
    r"(?:(?:customer|client|outgoing|reply)\s+)?(?P<place>[^\W\d_][\w-]*)",
    re.IGNORECASE,
)
# The readers a register can be fixed for, by English name.
_READERS: dict[str, str] = {
    **dict.fromkeys(("genitori", "parents", "eltern", "padres", "pais", "ouders"), "parents"),
    **dict.fromkeys(("clienti", "clients", "kunden", "kundinnen", "clientes", "klanten", "customers"), "customers"),
    **dict.fromkeys(("pazienti", "patients", "patienten", "pacientes", "patiënten"), "patients"),
    **dict.fromkeys(("ospiti", "invités", "gäste", "gästen", "huéspedes", "hóspedes", "gasten", "guests"), "guests"),
    **dict.fromkeys(("famiglie", "familles", "familien", "familias", "famílias", "gezinnen", "families"), "families"),
}  # fmt: skip
_READER = re.compile(
    r"\b(?:ai|alle|agli|al|con\s+(?:i|le|gli)|aux|les|avec\s+les|die|den|a\s+los|a\s+las|con\s+los|con\s+las|"
    r"os|as|aos|às|com\s+os|de|the|to|with|toward|towards)\s+(?P<reader>[^\W\d_][\w-]*)",
    re.IGNORECASE,
)
_CLAUSE_MARK = re.compile(r"[.;:!?\n]")
_REACH = 60


def _clause_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of the form's own clause around it, at most `_REACH` characters either side."""
    opening = max((m.end() for m in _CLAUSE_MARK.finditer(text, max(0, start - _REACH), start)), default=0)
    closing = _CLAUSE_MARK.search(text, end, end + _REACH)
    return max(opening, start - _REACH), closing.start() if closing else min(len(text), end + _REACH)


def address_scope(text: str, start: int, end: int) -> str | None:
    """ "in the drafts to the parents", "in the emails": where the form of address named at `start`-`end` holds, when
    its clause narrows it to a written piece; None when it holds throughout."""
    low, high = _clause_window(text, start, end)
    places = (m.group("place").lower() for m in _PLACE.finditer(text, low, high))
    place = next((_PLACES[word] for word in places if word in _PLACES), None)
    reader = next(
        (
            _READERS[m.group("reader").lower()]
            for m in _READER.finditer(text, low, high)
            if m.group("reader").lower() in _READERS
        ),
        None,
    )
    if place is None:
        return None  # ("On tutoie tous les clients", "Sieze die Kunden": the readers the whole chat is with)
    return f"in the {place} to the {reader}" if reader else f"in the {place}"
