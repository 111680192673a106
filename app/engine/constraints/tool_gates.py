"""A named tool that gates everything else, stated with no second tool to pair it with: "Order: verify_account first,
always", "eerst controleer_patient", "verify_member must succeed before any other tool", "nothing happens until
lookup_account comes back with a match", "NEVER give a door code unless check_booking found the booking",
"修理費用の話をする前に必ず check_warranty を呼ぶ", "Prima di prenotare … verificalo con stato_tessera".

`tool_orders` reads orders between two named tools; these sentences name one, and the general order reader cuts
them at the wrong words (or not at all) because a title, a trailing "always" or a language's own "before" is in the way.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.constraints.found_rules import is_english
from app.engine.constraints.sentence_case import sentence_case
from app.engine.constraints.tool_orders import TOOL_NAME, tool_names_in

# (case-sensitive inside case-insensitive patterns: "checkStock" is a name, "di" is no "dI")
_NAME = rf"`?(?P<name>(?-i:{TOOL_NAME}))`?(?:\([^()\n]{{0,80}}\))?"
# where a step may open: the clause's start, or after a title ("Order:", "Werkwijze:", "How it should behave:")
_LEAD = r"(?:^|(?<=[:：;；])|(?<=[:：;；]\s))\s*"
_ALWAYS = r"(?:(?:always|immer|siempre|toujours|sempre|altijd|IMMER|ALWAYS)\s+)?"
_RUN = (
    r"(?:(?:call|use|run|invoke|llamar\s+a|llama\s+a|usar|usa|aufrufen|rufe|nutze|appeler|appelle|utiliser|chamar|"
    r"chame|usar|chiamare|chiama|usa|roep|gebruik)\s+)?"
)
_FIRST = r"(?:first|first\s+of\s+all|primero|zuerst|als\s+erstes|eerst|d['’]abord|en\s+premier|primeiro|prima)"

_GATES = (
    # "Order: verify_account first, always.", "lookup_account first, every time"
    re.compile(
        # (the clause ends there: "lookup_account first, always, before saying anything about the balance" says what
        # it comes before, which the general order reader keeps)
        # ("buscar_pedido siempre primero", "leser_suchen zuerst", "controleer_klant altijd eerst": translated)
        rf"{_LEAD}{_ALWAYS}{_RUN}{_NAME}\s+{_ALWAYS}{_FIRST}\b\s*,?\s*(?:always|every\s+time|no\s+exceptions?)?\s*"
        r"[.!]?\s*$",
        re.IGNORECASE,
    ),
    # "eerst controleer_patient", "primero siempre buscar_clienta", "zuerst freie_termine aufrufen"
    re.compile(rf"{_LEAD}{_ALWAYS}{_FIRST}\s+{_ALWAYS}{_RUN}{_NAME}", re.IGNORECASE),
    # "verify_member must succeed before any other tool", "lookup_account has to come back before anything else"
    re.compile(
        rf"{_LEAD}{_NAME}\s+(?:must|has\s+to|needs\s+to|should)\s+(?:\w+\s+){{0,3}}?(?:before|prior\s+to)\s+"
        r"(?:any|anything|every|all|the\s+other)\b",
        re.IGNORECASE,
    ),
    # "nothing happens until lookup_account comes back with a match", "nothing before verify_patient returns true"
    re.compile(rf"{_LEAD}nothing\s+(?:\w+\s+){{0,3}}?(?:until|before|till)\s+{_NAME}", re.IGNORECASE),
)

# A title that says the line orders the steps ("Order:", "Werkwijze:", "How it should behave:"), or none at all
_ORDER_TITLE = re.compile(
    r"|(?:very\s+)?important|order|sequence|workflow|procedure|process|steps|flow|rules?|how\s+it\s+should\s+"
    r"(?:behave|work)|werkwijze|volgorde|regels|reihenfolge|ablauf|regeln|orden|reglas|ordre|règles|ordem|regras|"
    r"ordine|regole|順番|手順|ルール|顺序|规则|流程",
    re.IGNORECASE,
)

_OUTRIGHT = (0, 2, 3)
"""The gates the general order reader misreads when it reads them at all ("Verify_member must succeed" as a step,
"nothing happens" as the first step of "nothing happens before verify_patient returns")."""
_UNTIL = 3

# "NEVER give a door code unless check_booking found the booking": the ban's object waits for the tool
_GATED_BAN = re.compile(
    rf"{_LEAD}(?:never|don'?t|do\s+not|no)\s+(?P<step>(?!call\b)[a-z][^.;:]{{2,60}}?)\s+"
    rf"(?:unless|until|before|without(?:\s+first)?)\s+(?:you\s+)?(?:(?:have\s+)?(?:called|call|run|used)\s+)?{_NAME}",
    re.IGNORECASE,
)

# "修理費用の話をする前に必ず check_warranty を呼ぶ", "订场前一定先 list_courts，…再 book_court": the tool before X
_CJK_BEFORE = re.compile(
    r"(?P<step>[^、，,。；;：:\s]{1,24}?)(?:の前に|之前|以前|前に|前)(?:は|、|，)?\s*"
    r"(?:必ず|まず|一定要?|必须|务必|请|先|要|调用|使用|用|\s)*"
    rf"{_NAME}"
)
_CJK_THEN_TOOL = re.compile(rf"(?:再|然后再?|之后再?|后再|てから|した後で?)\s*(?:调用|使用|用)?\s*{_NAME}")

# "Prima di prenotare chiedi sempre … stato_tessera", "Avant de réserver, appelez …": a language's own "before" and
# the step it names, the one tool later in the clause coming first
_FOREIGN_BEFORE = re.compile(
    r"^\s*(?:prima\s+di|avant\s+de|avant\s+d['’]|antes\s+de|bevor|voordat|vóór)\s*(?P<step>[^\W\d_][\w'’]*)",
    re.IGNORECASE,
)


class ToolGate(NamedTuple):
    """The tool that comes first, the step it comes before (None: every other step), and the rule's sentence."""

    text: str
    first: str
    then: str | None
    ban: bool
    """Whether the clause is a ban ("never X unless tool"), which the prohibition reader still reads."""
    outright: bool = False
    """Said as a gate in so many words ("X first, always", "X must succeed before any other tool"): read so even where
    the general order reader finds steps (it would cut "X must succeed" as a step, and capitalise the tool's name)."""


def find_tool_gate(text: str) -> ToolGate | None:
    """The one named tool a clause puts first, or None."""
    names = tool_names_in(text)
    if not names:
        return None
    english = is_english(text)
    quoted = f'Follow this order from the brief: "{text.strip().rstrip(".。")}".'
    for number, gate in enumerate(_GATES):
        match = gate.search(text)
        if match is not None and not _ORDER_TITLE.fullmatch(text[: match.start()].strip(" :：;；")):
            return None  # "cancellations: get_booking first": first in that case only, not before every tool
        if match is not None:
            name = match["name"]
            outright = number in _OUTRIGHT
            sentence = f"Always call {name} first." if english else quoted
            if number == _UNTIL and english:
                # "nothing happens until verify_patient returns verified: true": what it must return stays said
                sentence = sentence_case(text[match.start() :].strip().rstrip(".") + ".")
            return ToolGate(sentence, f"call {name}", None, False, outright)
    banned = _GATED_BAN.search(text)
    if banned is not None and english:
        step, name = banned["step"].strip(), banned["name"]
        return ToolGate(f"Call {name} before you {step}.", f"call {name}", step, True)
    return _cjk_gate(text, quoted) or _foreign_gate(text, names, quoted)


def _cjk_gate(text: str, quoted: str) -> ToolGate | None:
    cjk = _CJK_BEFORE.search(text)
    if cjk is None or not re.search(r"[\u3040-\u30ff\u3400-\u9fff]", cjk["step"]):
        return None
    name = cjk["name"]
    later = _CJK_THEN_TOOL.search(text, cjk.end())
    then = f"call {later['name']}" if later is not None and later["name"] != name else cjk["step"]
    return ToolGate(quoted, f"call {name}", then, False)


def _foreign_gate(text: str, names: set[str], quoted: str) -> ToolGate | None:
    before = _FOREIGN_BEFORE.match(text)
    if before is None or len(names) != 1 or is_english(text):
        return None
    (name,) = names
    if name.lower().startswith(before["step"].lower()[:4]):
        return None  # "Antes de consultar_saldo, …": the step is the tool itself
    return ToolGate(quoted, f"call {name}", before["step"], False)
