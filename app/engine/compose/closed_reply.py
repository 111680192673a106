"""Archetype defaults that the brief's own output contract rules out.

A brief that fixes everything a reply may hold ("Nothing else before or after the findings"), gives each item one
line, orders the reply itself ("IMMER zuerst auf die Frist hinweisen") or replaces names with something else ("berth
numbers instead of names") leaves no room for an archetype's reasoning block, quoted hunks, "answer the question
first" or "keep names exact": each would contradict the brief.
"""

from __future__ import annotations

import re

from app.engine.archetypes import BY_ID
from app.engine.classify import ArchetypeMatch

# "Nothing else before or after the findings", "nothing before or after it", "Nichts davor oder danach", "nada antes
# ni después", "rien avant ni après", "niente prima o dopo", "niets ervoor of erna": the reply's whole content is set
_NOTHING_AROUND = re.compile(
    r"\bnothing\s+(?:else\s+)?(?:before\s+or\s+after|(?:before|after)\s+(?:or|and)\s+(?:before|after))\b|"
    r"\bno\s+(?:text|prose|words)\s+before\s+or\s+after\b|"
    r"\b(?:sonst\s+)?nichts\s+(?:anderes\s+)?(?:davor|vorher)\s+(?:oder|und|noch)\s+(?:danach|dahinter|nachher)\b|"
    r"\bnada\s+(?:m[áa]s\s+)?antes\s+(?:ni|o|y)\s+(?:despu[ée]s|depois)\b|"
    r"\brien\s+(?:d['’]autre\s+)?avant\s+(?:ni|ou|et)\s+apr[èe]s\b|"
    r"\bniente\s+(?:altro\s+)?prima\s+(?:n[ée]|o|e)\s+dopo\b|"
    r"\bniets\s+(?:anders\s+)?(?:ervoor|voor)\s+(?:of|en)\s+(?:erna|na)\b",
    re.IGNORECASE,
)

# "one line each", "each on one line", "one line per finding", "eine Zeile pro Befund", "una línea por hallazgo"
_ONE_LINE_EACH = re.compile(
    r"\b(?:one|a\s+single|1)\s+line\s+(?:each|per\s+\w+)\b|\beach\s+(?:\w+\s+)?(?:on|in)\s+(?:one|a\s+single)\s+line\b|"
    r"\beine\s+zeile\s+(?:pro|je)\b|\buna\s+(?:sola\s+)?l[íi]nea\s+(?:por|cada)\b|\bune\s+(?:seule\s+)?ligne\s+par\b|"
    r"\buna\s+(?:sola\s+)?riga\s+per\b|\b(?:één|een)\s+regel\s+per\b|\buma\s+(?:s[óo]\s+)?linha\s+por\b",
    re.IGNORECASE,
)
_QUOTE_HUNK = re.compile(r"\bquote\s+the\s+exact\s+(?:line|lines|hunk|code)\b", re.IGNORECASE)

# The brief sets what every (or a case's) reply opens with: "IMMER zuerst auf die Frist hinweisen", "always start
# with …", "commence toujours par …", "empieza siempre por …"
_OWN_OPENING = re.compile(
    r"\b(?:always|immer|toujours|siempre|sempre|altijd)\s+(?:\w+\s+)?(?:first|zuerst|als\s+erstes|d['’]abord|"
    r"en\s+premier|primero|prima|eerst|primeiro)\b|"
    r"\b(?:always|immer|toujours|siempre|sempre|altijd)\s+(?:start|begin|open|beginnen|anfangen|commencer|empezar|"
    r"iniziare|come[cç]ar)\w*\s+(?:with|mit|par|por|con|met|com)\b|"
    r"\b(?:start|begin|open)\s+(?:every|each|your|the|each\s+of\s+your)\s+(?:reply|replies|answer|answers|message|"
    r"response)\s+with\b",
    re.IGNORECASE,
)
_ANSWER_FIRST = re.compile(r"\banswer\s+the\s+question\s+that\s+was\s+asked\s+first\b", re.IGNORECASE)

# "berth numbers instead of names", "no names - use roles", "statt Namen", "en lugar de nombres", "au lieu des noms"
_NAMES_REPLACED = re.compile(
    r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+(?:their\s+|the\s+|people'?s\s+)?(?:\w+\s+)?names\b|"
    r"\bno\s+(?:\w+\s+){0,2}names\b|\bnever\s+(?:use\s+|give\s+|write\s+)?(?:\w+\s+){0,2}names\b|"
    r"\b(?:statt|anstelle\s+von|anstatt)\s+(?:der\s+)?namen\b|\bkeine\s+namen\b|"
    r"\b(?:en\s+lugar|en\s+vez)\s+de\s+(?:los\s+)?nombres\b|\bau\s+lieu\s+des?\s+noms\b|"
    r"\b(?:invece\s+dei|anzich[ée])\s+nomi\b|\bin\s+plaats\s+van\s+(?:de\s+)?namen\b|\bem\s+vez\s+de\s+nomes\b",
    re.IGNORECASE,
)
# "Keep names, numbers, dates and commitments exact.": only the names part goes
NAMES_IN_EXACT = re.compile(r"(?<=\bkeep\s)names,\s+", re.IGNORECASE)


# "What to check, in priority order:": the brief ranks what matters itself
_OWN_PRIORITY = re.compile(
    r"\bin\s+(?:priority\s+order|order\s+of\s+(?:priority|importance))\b|\bby\s+priority\b|"
    r"\bnach\s+priorit[äa]t\b|\bpor\s+orden\s+de\s+prioridad\b|\bpar\s+ordre\s+de\s+priorit[ée]\b|"
    r"\bin\s+ordine\s+di\s+priorit[àa]\b|\bop\s+volgorde\s+van\s+prioriteit\b|\bem\s+ordem\s+de\s+prioridade\b|"
    # "worst first", "most severe first", "highest severity first": the brief ranks the findings itself
    r"\b(?:worst|most\s+(?:severe|serious|critical|important)|highest[- ]severity|biggest)\s+(?:\w+\s+)?first\b",
    re.IGNORECASE,
)
_RANK_BY_IMPACT = re.compile(r"\brank\s+(?:the\s+)?findings\s+by\s+impact\b", re.IGNORECASE)


# "nothing except the finding lines", "nothing but the CSV line", "nichts außer der Tabelle", "nada más que el JSON",
# "rien d'autre que la ligne", "niente altro che", "nada além d", "niets anders dan": the reply is only that part
_NOTHING_EXCEPT = re.compile(
    r"\bnothing\s+(?:else\s+)?(?:except|but|besides|other\s+than|apart\s+from)\b|"
    r"\b(?:sonst\s+)?nichts\s+(?:anderes\s+)?(?:au(?:ß|ss)er|als)\b|\bnada\s+(?:m[áa]s\s+)?(?:que|excepto|salvo|al[ée]m\s+d)|"
    r"\brien\s+(?:d['’]autre\s+que|sauf|hormis|de\s+plus\s+que)\b|\bniente\s+(?:altro\s+)?(?:che|tranne|oltre)\b|"
    r"\bniets\s+(?:anders\s+)?(?:dan|behalve)\b",
    re.IGNORECASE,
)
# The reply is posted or parsed as it stands: "Your review gets posted as a PR comment by a bot", "posted
# automatically", "our script parses the reply", "wird automatisch gepostet", "se publica tal cual", "est publié tel
# quel", "viene pubblicato così com'è", "wordt automatisch geplaatst": a thinking block would be posted too
_POSTED_AS_IS = re.compile(
    r"\b(?:gets?|is|are|will\s+be|being)\s+(?:\w+\s+)?(?:posted|published|pasted|sent|inserted|piped)\b[^.\n]{0,40}?"
    r"\b(?:as\s+(?:is|it\s+stands|an?\s+(?:\w+\s+){0,2}comment)|by\s+(?:a|the|our)\s+(?:\w+\s+)?bot|automatically|"
    r"directly|verbatim|straight|unchanged|unedited)\b|"
    r"\b(?:parsed|read|consumed)\s+by\s+(?:a|the|our)\s+(?:script|parser|program|pipeline|code|system|bot)\b|"
    r"\b(?:script|parser|program|pipeline|bot)\s+(?:parses|reads|posts)\s+(?:the|your|each)\s+(?:reply|output|answer)\b|"
    r"\bwird\s+(?:\w+\s+){0,3}?(?:automatisch|direkt|unver[äa]ndert)\s+(?:\w+\s+)?(?:gepostet|ver[öo]ffentlicht|eingef[üu]gt)\b|"
    r"\bse\s+(?:publica|pega|env[íi]a)\s+(?:tal\s+cual|autom[áa]ticamente|directamente)\b|"
    r"\best\s+(?:publi[ée]e?|post[ée]e?|coll[ée]e?)\s+(?:tel(?:le)?\s+quel(?:le)?|automatiquement|directement)\b|"
    r"\bviene\s+(?:pubblicat[oa]|incollat[oa])\s+(?:cos[ìi]\s+com['’]\s*[èe]|automaticamente|direttamente)\b|"
    r"\bwordt\s+(?:automatisch|direct|letterlijk)\s+(?:geplaatst|gepost|gepubliceerd)\b|"
    r"\b[ée]\s+(?:publicad[oa]|postad[oa])\s+(?:tal\s+como\s+est[áa]|automaticamente|diretamente)\b",
    re.IGNORECASE,
)


def whole_reply_fixed(text: str) -> bool:
    """Whether the brief says nothing may come before or after what it asks for, or that its reply is posted or
    parsed as it stands (no room for a thinking block)."""
    return any(p.search(text) is not None for p in (_NOTHING_AROUND, _NOTHING_EXCEPT, _POSTED_AS_IS))


def overridden_defaults(task: str) -> list[re.Pattern[str]]:
    """The default rules the brief's own output contract rules out."""
    out: list[re.Pattern[str]] = []
    if _NOTHING_AROUND.search(task) or _ONE_LINE_EACH.search(task):
        out.append(_QUOTE_HUNK)  # a one-line finding has no room for a quoted hunk
    if _OWN_PRIORITY.search(task):
        out.append(_RANK_BY_IMPACT)  # the brief's own priority order ranks the findings
    if _OWN_OPENING.search(task):
        out.append(_ANSWER_FIRST)  # the brief says what comes first
    return out


def cut_defaults(task: str) -> list[re.Pattern[str]]:
    """The phrases of default rules the brief's own words rule out."""
    return [NAMES_IN_EXACT] if _NAMES_REPLACED.search(task) else []


# A keyword this heavy names a job ("drafts emails", "summarise"), not a topic noun ("email", "meeting", "calendar").
_JOB_WEIGHT = 6


def joins_fixed_reply(match: ArchetypeMatch, task: str) -> bool:
    """Whether a second job may add its rules to a reply the brief fixes whole ("nothing except the finding lines",
    "posted as a PR comment by a bot"): only on a keyword that names its job. Topic nouns ("AA meetings", a hirer's
    email, the public calendar) would add "capture every decision, owner and due date" to a code review."""
    if not whole_reply_fixed(task):
        return True
    archetype = BY_ID.get(match.id)
    weights = {f.label: f.weight for f in archetype.features} if archetype else {}
    return max((weights.get(label, 0) for label in match.features), default=0) >= _JOB_WEIGHT
