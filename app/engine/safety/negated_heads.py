"""Lines a brief rules out under one negating head, and answers drawn only from the brief's own document.

- "Non deve mai:" / "Never:" / "Nunca debe:" over a list: every item under the head is ruled out, though no item
  repeats the negation ("- dare consigli medici" under "Non deve mai:" bans medical advice).
- "answer ONLY from the leaflet", "responde solo con la información del folleto", "nur aus dem Merkblatt
  antworten": the brief's document draws the advice line, so a pack's "give general health information" would
  invite answers the document does not give.
"""

from __future__ import annotations

import re

# A head (a line, or its last sentence) that negates what follows it: "Non deve mai:", "Never:", "Ne jamais :"
_NEGATED_HEAD = re.compile(
    r"(?:^|[.!?]\s+)\s*(?:[#*_]+\s*)?(?:[\w'’]+\s+){0,3}?(?:never|must\s+not|mustn['’]t|do\s+not|don['’]?ts?|should\s+not|"
    r"shouldn['’]t|not\s+allowed\s+to|nunca|jam[áa]s|no\s+debe|nie(?:mals)?|nicht|jamais|ne\s+(?:doit\s+)?jamais|"
    r"ne\s+pas|n[ãa]o\s+(?:deve|pode)|nunca\s+deve|mai|non\s+deve(?:\s+mai)?|nooit|niet)\s*(?:[\w'’]+\s*){0,2}?"
    r"[:：]\s*(?:[*_]+\s*)?$",
    re.IGNORECASE,
)
_ITEM = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+\S")


def under_negated_heads(joined: str) -> list[str]:
    """The list items under a negating head, each with the negation put back in front ("never dare consigli
    medici"), so that the item reads as the ban it is."""
    items: list[str] = []
    lines = joined.split("\n")
    for index, line in enumerate(lines):
        if not _NEGATED_HEAD.search(line):
            continue
        for item in lines[index + 1 :]:
            if not _ITEM.match(item):
                break
            items.append("never " + item.strip().lstrip("-*•·–").strip())
    return items


_SOURCE = (
    r"(?:leaflets?|booklets?|documents?|docs?|handbook|guide|faq|brochures?|information\s+sheets?|the\s+attached|"
    r"folletos?|prospectos?|documentos?|gu[íi]a|merkbl[äa]tt\w*|brosch[üu]r\w*|dokument\w*|unterlagen|d[ée]pliants?|"
    r"brochures?|notices?|livrets?|folhetos?|documento|opuscol[oi]|foglietti?|documenti|folders?|brochures?|"
    r"資料|パンフレット|文書|资料|手册|文档)"
)
# "answer ONLY from the leaflet", "only answer using the document", "use only the booklet", "solo con (la información
# de)l folleto", "nur aus dem Merkblatt", "uniquement à partir du document", "apenas com base no folheto"
_ONLY_FROM = re.compile(
    rf"\b(?:answer|respond|reply|use|using|rely\s+on)\w*\s+(?:\w+\s+){{0,2}}?only\s+(?:from|on|using|with|based\s+on|"
    rf"what(?:'s|\s+is)\s+in)?\s*(?:the|this|that|our|your)\s+(?:[\w-]+\s+)?{_SOURCE}\b|"
    rf"\bonly\s+(?:answer\s+|respond\s+|reply\s+)?(?:from|using|based\s+on)\s+(?:the|this|that|our)\s+(?:[\w-]+\s+)?"
    rf"{_SOURCE}\b|"
    rf"\b(?:solo|s[óo]lo|[úu]nicamente|nur|uniquement|seulement|apenas|somente|soltanto|alleen)\s+"
    rf"(?:(?:con|desde|a\s+partir|aus|anhand|mit|[àa]\s+partir|avec|com|com\s+base|dal|dalla|dai|uit|op\s+basis\s+van)\s+)"
    rf"(?:\w+\s+){{0,4}}?{_SOURCE}\b|{_SOURCE}(?:の内容)?(?:だけ|のみ)",
    re.IGNORECASE,
)


def answers_only_from_source(joined: str) -> bool:
    """Whether the brief has every answer come only from its own document (a leaflet, a booklet, a guide)."""
    return _ONLY_FROM.search(joined) is not None
