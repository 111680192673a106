"""The form of address a brief fixes for its output ("Duitse u-vorm (Sie)", "tutoyez le lecteur", "formal register").

A brief that fixes the register overrides a default that follows the source's register, and an example must not
address the reader the other way."""

from __future__ import annotations

import re
from typing import Literal

Register = Literal["formal", "informal"]

_FORMAL = re.compile(
    # "u-vorm (Sie)", "Sie-Form", "(vous)", "usted": the polite pronoun named as the form to use
    r"\((?:Sie|vous|usted|ustedes|Lei|u|vocês?)\)|\b(?:Sie|u|vous|usted|Lei)-?(?:Form|vorm|form)\b|"
    r"\b(?:siezen|siezt|gesiezt|vouvo\w+|ustedea\w*|dare del lei|formal(?:e|es)?\s+(?:address|register|you|form)|"
    r"formelle?[nr]?\s+(?:Anrede|Ton)|förmliche?[nr]?\s+Anrede|polite form|registro formal|registre (?:formel|soutenu)|"
    r"beleefdheidsvorm)\b|"
    r"\b(?:use|using|keep|always)\s+(?:the\s+)?(?:formal|polite)\b|\bmit\s+[„\"]?Sie\b|敬語|です・ます|敬体|用“?您",
    re.IGNORECASE,
)
_INFORMAL = re.compile(
    r"\((?:du|tu|tú|je|jij|vosotros)\)|\b(?:du|tu|tú|je|jij)-?(?:Form|vorm|form)\b|"
    r"\b(?:duzen|duzt|geduzt|tutoie\w*|tutoy\w+|tutear|tutea\w*|tuteo|dare del tu|"
    r"informal(?:e|es)?\s+(?:address|register|you|form)|"
    r"informelle?[nr]?\s+(?:Anrede|Ton)|registro informal|jij-vorm)\b|"
    r"\b(?:use|using|keep|always)\s+(?:the\s+)?informal\b|\bmit\s+[„\"]?du\b|タメ口|常体",
    re.IGNORECASE,
)


CONCESSIVE = re.compile(
    r"(?:\b(?:auch|selbst)\s+wenn|\beven\s+(?:if|when)|\bmême\s+si|\bm[eê]me\s+quand|\baunque|\bincluso\s+si|"
    r"\bmesmo\s+(?:que|se)|\bainda\s+que|\banche\s+se|\bpur\s+se|\book\s+(?:als|wanneer)|\bzelfs\s+als|"
    # "wenn jemand siezt", "if the customer uses Sie": the user's own form, a case the rule still holds in
    r"\bwenn\s+(?:jemand|(?:der|die)\s+(?:Kund|Nutzer|Gast)\w*)|\bif\s+(?:someone|anyone|they|the\s+(?:user|customer|client|guest))|"
    r"\bsi\s+(?:quelqu'un|alguien|(?:le|la|el)\s+(?:client|usuario|cliente)\w*)|\bse\s+(?:alguém|qualcuno|o\s+cliente|il\s+cliente)|"
    r"\bals\s+(?:iemand|de\s+klant))"
    # (to the form, within its clause: ", und sieze die Kunden" after "auch wenn jemand englisch schreibt" is the
    # brief's own rule again)
    r"\b(?:(?!,\s*(?:und|and|y|et|e|en|aber|but|mais|pero|ma|maar|mas)\b)[^.;:!?()])*$",
    re.IGNORECASE,
)
"""A concessive lead before a form of address ("auch wenn jemand siezt", "même si on vous vouvoie", "even if they use
Sie"): the form the user may write in, which the brief's own rule overrides, never the form to use."""


def _first_asked(pattern: re.Pattern[str], task: str) -> re.Match[str] | None:
    """The first match of a register's pattern that is not in a concessive clause."""
    for match in pattern.finditer(task):
        if not CONCESSIVE.search(task[max(0, match.start() - 40) : match.start()]):
            return match
    return None


def fixed_register(task: str) -> Register | None:
    """The register the brief fixes for its output, or None when it fixes none (or names both ways)."""
    formal, informal = _first_asked(_FORMAL, task), _first_asked(_INFORMAL, task)
    if formal and not informal:
        return "formal"
    if informal and not formal:
        return "informal"
    if formal and informal:
        # "Sie, ook als de bron 'je' gebruikt": the form to use comes first, the source's form it overrides later
        return "formal" if formal.start() < informal.start() else "informal"
    return None


REGISTER_CUE = re.compile(f"{_FORMAL.pattern}|{_INFORMAL.pattern}", re.IGNORECASE)
"""A brief that fixes a register either way (for `Archetype.gives_way_to`)."""
