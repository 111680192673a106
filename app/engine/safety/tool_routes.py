"""A person's circumstance the brief routes to one of its own tools or a call-back, blanked before the domain cues are
read.

"If they sound distressed or mention money worries, a bereavement or illness: request_callback with vulnerable",
"si mencionan una enfermedad o un duelo, llama a marcarVulnerable", "bei Trauerfall oder Krankheit: rueckruf_anfordern":
the brief names the circumstance only as the trigger of its own step (a flag, a hand-off, a call-back from its
staff). The assistant gives no health, mental-health or money advice there, so a pack for those domains ("suggest a
doctor or pharmacist", "encourage the person to speak with a qualified professional") would send the person down a
second route that contradicts the brief's. A crisis or an emergency in the same sentence keeps its pack.
"""

from __future__ import annotations

import re

# One case of the brief: a line, or a sentence of it.
_CASE = re.compile(r"[^\n.;!?。；]+")
# The case is a condition: "if …", "when …", "mentions …", "sounds distressed", in the languages briefs come in.
_CONDITION = re.compile(
    r"\b(?:if|when|whenever|in\s+case|should\s+(?:they|someone|a\s+\w+)|mentions?|sounds?|seems?|says?|tells?\s+you|"
    r"si|cuando|mencion\w*|wenn|falls|bei|erwähn\w*|quand|lorsque|mentionn\w*|se|quando|mencion\w*|menzion\w*|"
    r"als|indien|noem\w*)\b",
    re.IGNORECASE,
)
# The step is the brief's own: a tool identifier ("request_callback", "flag_vulnerable(…)", a camelCase name the
# caller passes in), or a call-back from its staff.
_SNAKE_TOOL = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]*[a-z0-9]\b(?:\s*\()?")
_CALLBACK = re.compile(
    r"\bcall-?backs?\b|\b(?:call|ring|phone)\s+(?:them|him|her|the\s+customer|the\s+caller)\s+back\b|"
    r"\bdevoluci[óo]n\s+de\s+(?:la\s+)?llamada\b|\bdevolver\s+la\s+llamada\b|\brückruf\w*|\brueckruf\w*|\brappel\w*|"
    r"\bretorno\s+de\s+(?:liga[çc][ãa]o|chamada)\b|\bricontatt\w*|\bterugbel\w*",
    re.IGNORECASE,
)
# (a crisis or an emergency routed to a tool keeps its pack: "if they mention suicide or chest pain, escalate_now")
_CRISIS = re.compile(
    r"suicid|self[- ]?harm|kill|die\b|dying|end(?:ing)?\s+(?:it|their\s+life)|overdose|chest\s+pain|breath|stroke|"
    r"faint|unconscious|bleed|seizure|collaps|allergic|anaphyla|emergenc|heart\s+attack|poison|not\s+(?:feeling\s+)?safe|"
    # (a fall or an injury is a health event: "if they report a fall, call notify_nurse(room)" keeps the pack)
    r"\bfall(?:s|en)?\b|\bfell\b|injur|\bhurt|\bpain\b|dizz|confus|sturz|gestürzt|caída|chute|caduta|queda|val\b|"
    r"suizid|selbstverletz|notfall|autolesi|urgenc|emerg[eê]nc|zelfmoord|自杀|自殺",
    re.IGNORECASE,
)
CAMEL_TOOL = re.compile(r"\b[a-z]+(?:[A-Z][a-z0-9]+)+\b")
"""A camelCase identifier in the brief as written ("solicitarLlamada"); it is matched lower-cased in the case."""


def without_tool_routed_cases(lowered: str, camel_tools: frozenset[str] = frozenset()) -> str:
    """`lowered` with the cases that route a circumstance to a tool or a call-back blanked (same length, same
    offsets); `camel_tools` are the brief's camelCase identifiers, lower-cased."""
    chars = list(lowered)
    for case in _CASE.finditer(lowered):
        words = case.group(0)
        condition = _CONDITION.search(words)
        if condition is None or _CRISIS.search(words):
            continue
        step = words[condition.end() :]
        if _SNAKE_TOOL.search(step) or _CALLBACK.search(step) or any(_names(step, tool) for tool in camel_tools):
            chars[case.start() : case.end()] = " " * (case.end() - case.start())
    return "".join(chars)


def _names(words: str, tool: str) -> bool:
    return re.search(rf"\b{re.escape(tool)}\b", words) is not None


# A parameter that carries a contact detail ("phone", "pickup_postcode", "date_of_birth"): the data a privacy rule
# forbids asking for. A name or a school is not enough: a children's pack keeps its privacy rule for a tool that
# only takes a child's name ("save_progress(child_name, …)").
_PERSONAL_PART = re.compile(
    r"(?:^|_)(?:phone|telephone|tel|mobile|cell|address|postcode|zip|zipcode|postal|email|e_mail|dob|"
    r"birth|birthday|telefono|tel[ée]fono|direcci[oó]n|adresse|anschrift|telefon|plz|cp|codigo_postal|code_postal)"
    r"(?:_|$)"
)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def takes_personal_details(parameters: list[str]) -> bool:
    """Whether a tool of the brief takes a personal detail as a parameter ("find_pupil(phone)", "book_lesson(…,
    pickup_postcode)"): a pack that forbids asking for that detail would forbid the brief's own flow."""
    return any(_PERSONAL_PART.search(_CAMEL.sub("_", name).lower().replace("-", "_").strip()) for name in parameters)
