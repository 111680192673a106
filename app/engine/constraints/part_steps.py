"""Words that mark a part of the reply as one step of several: a step word right after a bracketed limit ("Give
the answer (1 sentence), then the reasoning", "Dai la risposta (massimo 1 frase), poi il ragionamento") and the
articles other languages name a part with ("la risposta", "das Ergebnis", "el resumen")."""

from __future__ import annotations

import re

# ")" closing the limit (or the limit alone), then the next step: "), then", "), poi", "), dann", "), puis"
NEXT_STEP = re.compile(
    r"\s*\)?\s*[,;]?\s*(?:and\s+|und\s+|e\s+|et\s+|y\s+|en\s+)?"
    r"(?:then|followed\s+by|after\s+that|afterwards|next|poi|quindi|dopo|dann|danach|anschließend|puis|ensuite|"
    r"luego|después|despues|depois|em\s+seguida|daarna|dan|vervolgens|然后|再|次に|その後)(?![\w-])",
    re.IGNORECASE,
)
# Articles before a part's name in the languages briefs are written in (English ones are read on their own).
FOREIGN_ARTICLES = (
    r"la|il|lo|le|l'|el|los|las|der|die|das|den|dem|ein|eine|einen|einem|um|uma|o|un|une|una|uno|het|een|de|des"
)
# "Give your answer in one sentence, then show the working": the reply's first step sized by "in N …"
ANSWER_IN = re.compile(
    r"\b(?:give|write|state|put|start\s+with|open\s+with|lead\s+with)\s+(?:the|your|a)\s+"
    r"(?P<part>(?:short\s+|brief\s+)?(?:answer|verdict|conclusion|recommendation|reply|response))\s+(?:first\s+)?(?:in\s+)?"
    r"(?:(?:at\s+most|no\s+more\s+than|up\s+to|max(?:imum)?|exactly|just|only|under)\s+)?$",
    re.IGNORECASE,
)
# "the answer first (max 2 sentences)": a word saying when the part comes is not its name
PART_WHEN = re.compile(r"\s+(?:first|firstly|zuerst|erst|primero|primeiro|prima|d'abord|eerst)$", re.IGNORECASE)
# "…, then a one-line internal note", "followed by a two-sentence summary": a sized part named after its size
STEP_BEFORE_SIZE = re.compile(
    r"\b(?:then|followed\s+by|plus|after\s+that)\s+(?:(?:add|write|give|include)\s+)?(?:a|an|one)\s+$", re.IGNORECASE
)
SIZED_NOUN_AFTER = re.compile(r"(?P<part>(?:[a-z]+\s+){0,2}?[a-z]+)(?=\s*(?:[.,;:!?()\n]|$|\s(?:for|to|with|that)\b))")
