"""Whom a business's service is for, as opposed to who reads what the assistant writes.

"SafeHands monitors personal alarms for older people living alone": the older people are the service's clients; the
readers of the call summaries are its operators. A chat, an app or a tutor "for" people is read by them, so those
words end the match. (Shared by the audience readers of `brief` and `constraints.people`; no engine imports, so that
neither side makes an import cycle.)
"""

from __future__ import annotations

import re

# What a business does for people, not what it writes for a reader: "monitors personal alarms (pendants) for",
# "delivers hot meals for", "installe des téléalarmes pour", "liefert Essen für" (a chat, an app or a tutor for them
# is read by them)
SERVICE_FOR = re.compile(
    r"\b(?:monitors?|monitoring|delivers?|delivering|installs?|installing|supplies|supplying|cares?\s+for|looks?\s+after|"
    r"transports?|surveille\w*|livre\w*|installe\w*|vigila\w*|entrega\w*|instala\w*|überwach\w*|liefer\w*|"
    r"installier\w*|monitora\w*|consegn\w*|bewaakt|bezorgt|levert|repart\w*|cuid\w*|betreu\w*)\b"
    r"(?:(?!\b(?:chat\w*|app|apps|bot|assistant|tutor|helper|buddy|game|stories|story|lessons?|courses?)\b)[^.;:!?\n])*?"
    r"\b(?:for|pour|para|für|per|voor)\s+(?:(?:an?|the|our|my|los|las|die|les|os|as)\s+)?$",
    re.IGNORECASE,
)
