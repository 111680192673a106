"""Link bans scoped to some targets: "never link to competitor sites", "no external links", "keine Links zu
Konkurrenzseiten". Such a ban rules out links of one kind, not links as a format, so the reply's format keeps the links
the brief asks for ("always link the help article")."""

from __future__ import annotations

import re

# What the links point to, after them: "links to other websites", "enlaces a sitios", "liens vers", "Links zu",
# "links naar", "links para", "link a"; not "links to anything" (every link).
_TARGET_AFTER = re.compile(
    r"\s+(?:to|towards|pointing\s+(?:to|at)|zu|zur|zum|auf|vers|à|a|al|ad|alla|verso|naar|para|hacia|"
    r"de\s+(?:la|los|las|el|sitios?|terceros|otros?|otras?)|d['’]autres|externe[ns]?|externos?|externas?|esterni|"
    r"externes?)\b(?!\s+(?:any|anything|anywhere|anyone|anybody|ningún|ninguna|nada|rien)\b)"
    # (links sent to a person are still links: "never send links to customers", "no envíes enlaces a los clientes")
    r"(?!\s+(?:the\s+|our\s+|los\s+|las\s+|les\s+|die\s+|den\s+|de\s+|i\s+|gli\s+|os\s+|as\s+)?"
    r"(?:customers?|clients?|clientes|users?|usuari[oa]s|utilisateurs?|nutzer\w*|kunden|patients?|pacientes|"
    r"patienten|members?|miembros|mitglieder|guests?|hu[ée]spedes|g[äa]ste|people|them|him|her|anyone|callers?|"
    r"parents?|students?|klanten|leden)\b)",
    re.IGNORECASE,
)
# A kind of link named before it: "no external links", "no competitor links", "no affiliate or tracking links".
_KIND_BEFORE = re.compile(
    r"\b(?:external|outside|off-?site|third[- ]party|competitors?['’]?s?|competing|rival|affiliate|referral|tracking|"
    r"untrusted|unofficial|unverified|suspicious|shortened|unknown|other|externen?|fremden?|anderen?)"
    r"(?:\s+(?:or|and|oder|und)\s+[\w-]+)?\s+$",
    re.IGNORECASE,
)


def scoped_link_ban(text: str, start: int, end: int) -> bool:
    """Whether the link word at text[start:end] names links of some kind or to some targets only."""
    return bool(_TARGET_AFTER.match(text, end) or _KIND_BEFORE.search(text[max(0, start - 40) : start]))
