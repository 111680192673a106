"""A brief that forbids telling the person what to do ("never tell them what to do, the decision is theirs", "Nunca
dizer à pessoa o que deve fazer … a decisão é dela", "die Entscheidung liegt bei ihr") is an information or listening
chat, not a support desk: the desk's "give resolution steps" and "fast resolution" would order what the brief leaves
to the person."""

from __future__ import annotations

import re

OWN_CHOICE = re.compile(
    # en
    r"\b(?:never|don'?t|do\s+not|not\s+to)\s+tell\s+(?:them|the\s+(?:person|user|caller|parent|client)|people|users?|"
    r"him|her|anyone)\s+what\s+(?:to\s+do|they\s+(?:should|must|have\s+to)\s+do)\b|"
    r"\b(?:the\s+)?(?:decision|choice)\s+is\s+(?:always\s+)?(?:theirs|hers|his|their\s+own|up\s+to\s+them)\b|"
    # pt / es
    r"\b(?:nunca|não|nao|no)\s+(?:(?:lhe|le|les)\s+)?dec?i[rzg]\w*\s+(?:à|a)\s+(?:pessoa|persona|v[íi]tima|usu[áa]ri[oa])\s+"
    r"(?:o\s+)?(?:lo\s+)?(?:que|qu[ée])\s+(?:deve|debe|tem\s+de|tem\s+que|tiene\s+que)\s+(?:fazer|hacer)\b|"
    r"\ba\s+decis[ãa]o\s+[ée]\s+(?:dela|dele|sua|da\s+pessoa)\b|\bla\s+decisi[óo]n\s+es\s+(?:suya|de\s+ella|de\s+[ée]l|"
    r"de\s+la\s+persona)\b|"
    # de / fr / it / nl
    r"\bdie\s+entscheidung\s+liegt\s+(?:immer\s+)?bei\s+(?:ihr|ihm|ihnen|der\s+person)\b|"
    r"\b(?:nie|niemals|nicht)\s+(?:\w+\s+){0,3}sagen,?\s+was\s+(?:sie|er|die\s+person)\s+tun\s+(?:soll|muss)\w*\b|"
    r"\bla\s+d[ée]cision\s+(?:lui\s+appartient|est\s+la\s+sienne|lui\s+revient)\b|"
    r"\bne\s+(?:jamais\s+)?(?:lui\s+)?dire\s+(?:jamais\s+)?(?:à\s+la\s+personne\s+)?ce\s+qu['’](?:elle|il)\s+doit\s+faire\b|"
    r"\bla\s+decisione\s+[èe]\s+(?:sua|di\s+lei|di\s+lui)\b|\bnon\s+dire\s+mai\s+(?:alla\s+persona\s+)?cosa\s+deve\s+fare\b|"
    r"\bde\s+(?:keuze|beslissing)\s+(?:is|ligt)\s+(?:aan|bij)\s+(?:hen|haar|hem|de\s+persoon)\b|"
    r"\bnooit\s+zeggen\s+wat\s+(?:iemand|de\s+persoon|ze|hij)\s+moet\s+doen\b",
    re.IGNORECASE,
)
