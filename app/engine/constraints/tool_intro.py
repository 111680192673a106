"""Whether a brief offers the assistant tools at all.

A call written in prose or a schema (`build()`, `toTimeZone()`, `LowCardinality(String)`) is code the brief talks
about: in a code review, a SQL helper's schema or a rule about code it is never a tool. Such a call is a tool only when
the brief introduces tools: "tools", "functions you can call", "our dev wired up", an API, a declaration (`def`), a
tools field or a list of signatures one a line."""

from __future__ import annotations

import re

from app.engine.brief import Brief
from app.engine.constraints.model import Constraint

# The words that offer tools, in the supported languages ("Tools:", "our dev wired up", "you can call",
# "Werkzeuge", "outils", "herramientas", "ツール", "工具").
_INTRO = re.compile(
    r"\btools?\b|\btooling\b|\bwired\s+up\b|\bhooked\s+up\b|\bfunction[\s-]+call|\bAPIs?\b|\bendpoints?\b|"
    r"\b(?:can|may|should|must|will)\s+(?:call|invoke|use\s+(?:these|the\s+following))\b|"
    # "You can use the lookup() and book() functions": a call the assistant can use is offered to it
    r"\b(?:can|may|should|must|will)\s+use\s+(?:the\s+|an?\s+)?`?[A-Za-z_]\w*\(|"
    r"\b(?:these|following|available|your|its|own)\s+(?:functions|actions|calls|operations)\b|"
    r"\b(?:functions?|actions?)\s*(?:\([^)\n]{0,30}\))?\s*:|\bhas\s+access\s+to\b|\bhave\s+access\s+to\b|"
    r"\b(?:werkzeuge?|funktionen|outils?|fonctions|herramientas?|funciones|ferramentas?|fun[cç][õo]es|strumenti|"
    r"funzioni|functies|functie|gereedschap|funktion|fonction|funci[oó]n|fun[cç][aã]o|funzione)\b|ツール|関数|工具|函数|接口|\bexposed\b|\brpc\s+\w+\s*\(|\bdef\s+\w+\s*\(|\bfunction\s+\w+\s*\(",
    re.IGNORECASE,
)
# "- lookup(order_id)\n- refund(order_id, amount)": a list of signatures, one a line, offers them as tools
_SIGNATURE_LINE = re.compile(r"(?m)^[ \t]*(?:[-*•]|\d+[.)])?[ \t]*`?[A-Za-z_]\w*\([^()\n]*\)`?[ \t]*(?:[-–—:→]|$)")


# "String", "UInt64", "DateTime64", "int", "str": a type, never an argument's name
_TYPE_NAME = re.compile(
    r"[A-Z][A-Za-z]*\d*|(?:str|int|float|bool|string|number|boolean|u?int\d*|float\d*|bytes|char|void)", re.ASCII
)


def introduces_tools(brief: Brief) -> bool:
    """Whether the brief says the assistant has tools (its words, a tools field, or a list of signatures)."""
    if brief.tools:
        return True
    text = "\n".join(part for part in (brief.task, brief.role or "", *brief.constraints) if part)
    return _INTRO.search(text) is not None or len(_SIGNATURE_LINE.findall(text)) >= 2


def _is_call(constraint: Constraint) -> bool:
    """A tool read from a call written in text (`build()`, `Type(Arg)`), rather than one a tool list names."""
    span = constraint.span
    return span is not None and span.field != "tools" and "(" in (span.text or "")


def _code_call(constraint: Constraint) -> bool:
    """A call that reads as code rather than as an offered tool: no arguments (`build()`, `toTimeZone()`), or types
    for arguments (`LowCardinality(String)`, `Nullable(UInt64)`); "get_sailings(date)" names what it takes."""
    if constraint.kind != "tool" or not _is_call(constraint):
        return False
    return not constraint.parameters or all(_TYPE_NAME.fullmatch(p) for p in constraint.parameters)


# Words that make a brief about code: a code review, SQL or schema help, a rule about widgets or components
_CODE_CONTEXT = re.compile(
    r"\bPRs?\b|\bpull[\s-]+requests?\b|\bmerge[\s-]+requests?\b|\bdiffs?\b|\bcode[\s-]*(?:review|base|snippets?|blocks?)\b|"
    r"\b(?:the|your|their|in|of|source)\s+code\b|\bcodebase\b|\breview(?:s|er|ing)?\b|\brevis(?:a|as|ar|ión|iones)\b|"
    r"\bschemas?\b|\bSQL\b|\bqueries\b|\bwidgets?\b|\bcomponents?\b|\brender(?:s|ing)?\b|\brefactor\w*|\blint\w*|"
    r"\b(?:React|Flutter|Vue|Angular|Svelte|Django|Rails|Postgres|MySQL|ClickHouse|SELECT)\b|\bfunctions?\s+(?:in|inside|that)\b|"
    r"\bcode\s+(?:that|which)\b|\bcompil\w*",
    re.IGNORECASE,
)
# The assistant told to call, use, look up, open or check a call ("then call track_parcel()", "look up the plan with
# get_plan()", "usar buscar_pedido()", "rufe status() auf", "utilise suivi()", "chiama stato()", "gebruik status()")
_OFFER_VERB = (
    r"(?:call|use|run|invoke|trigger|look\s+up|open|check|fetch|get|usa|usar|use|utiliza|utilizar|llama|llamar|"
    r"invoca|consulta|consultar|abre|abrir|nutze|nutzen|verwende|verwenden|benutze|benutzen|rufe|ruf|aufrufen|"
    r"prüfe|öffne|utilise|utiliser|appelle|appeler|ouvre|vérifie|consulte|chame|chamar|abra|verifique|utilizza|"
    r"utilizzare|usare|chiama|chiamare|apri|controlla|gebruik|gebruiken|roep|open|controleer|bekijk)"
)


def _offered(brief: Brief, name: str) -> bool:
    """Whether the brief tells the assistant to call, use, look up, open or check with the call `name()`."""
    text = "\n".join(part for part in (brief.task, brief.role or "", *brief.constraints) if part)
    call = r"`?" + re.escape(name) + r"\s*\("
    direct = rf"\b{_OFFER_VERB}\s+(?:(?:the|a|an|el|la|los|die|den|das|le|les|o|a|il|lo|de|het)\s+)?{call}"
    # "look up the customer's plan with get_plan()": the verb, a few words, then "with/using/via/mit/con/avec/com/met"
    through = (
        rf"\b{_OFFER_VERB}\b[^.;:!?\n()]{{0,60}}?\b(?:with|using|via|through|mit|con|mediante|avec|com|met)\s+{call}"
    )
    return re.search(direct, text, re.IGNORECASE) is not None or re.search(through, text, re.IGNORECASE) is not None


def without_code_calls(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """The constraints without the tools read from code calls in a brief about code that offers no tools.

    A no-argument call is code only in a brief about code (a review, SQL or schema help, a rule about widgets); one
    the assistant is told to call, use, look up, open or check stays a tool in any brief."""
    if not any(_code_call(c) for c in found) or introduces_tools(brief):
        return found
    text = "\n".join(part for part in (brief.task, brief.role or "", *brief.constraints) if part)
    if _CODE_CONTEXT.search(text) is None:
        return found
    # ("search_products(query), add_to_cart(sku) and get_cart()": beside calls that name arguments, an empty one is
    # one more tool of the list)
    if any(c.kind == "tool" and _is_call(c) and not _code_call(c) for c in found):
        return found
    return [c for c in found if not _code_call(c) or _offered(brief, c.name or "")]
