"""The sentence in which the brief defines the reply as parts in order ("answer = one sql code block, then one line
starting "Note:" …", "the reply is: a short verdict, then the corrected text") is the output section's first line.

Without it, the output section gives only the limits on one of the parts (the "Note:" line's size) and a model told
to follow the output section exactly loses the parts it never names (the code block).
"""

from __future__ import annotations

import re

# "answer = …, then …", "reply: …, then …", "the response is …, followed by …", "Antwort = …, dann …"
_REPLY_IS = re.compile(
    r"(?:^|[\n.;]\s*|^\s*[-*•]\s*|\n\s*[-*•]\s*)(?:the\s+|your\s+|each\s+)?(?P<noun>answer|reply|response|output|antwort|"
    r"ausgabe|respuesta|salida|réponse|sortie|risposta|resposta|saída|antwoord)\s*(?:=|:|is|should\s+be|must\s+be|"
    r"ist|es|est|è|é|is)\s*(?P<shape>[^\n.;]{3,160}?,?\s+(?:then|followed\s+by|dann|danach|luego|después|puis|"
    r"ensuite|poi|depois|daarna)\s+[^\n;]{3,200}?)(?=\s*(?:\n|$|\.\s|;))",
    re.IGNORECASE,
)


def reply_shape_line(task: str) -> str | None:
    """The brief's definition of the reply as parts in order, as the output section's first line; or None."""
    found = _REPLY_IS.search(task)
    if found is None:
        return None
    shape = " ".join(found.group("shape").split()).rstrip(" ,.")
    return f"The reply, in this order: {shape}."
