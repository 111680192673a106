"""Orders between named tools, one pair at a time: "find_hire first, then get_boat_location before log_breakdown",
"get_agreement before get_settlement_quote or start_voluntary_termination", "dispatchCrew only after logFault has
returned a fault id", "book_tuningの前に必ずget_piano_historyで…", "先调用list_seats，再调用book_seat".

A clause that joins two or more tool names (snake_case, camelCase or PascalCase) with nothing but order words between
them states one order per adjacent pair of steps; a list of tools on one side ("B or C", "B und C") is a pair with
each. Names with other words between them are left to the general order reader, and so are negated clauses ("never
call A before B" orders the other way round).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

TOOL_NAME = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]*)+|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+"
_TOOL = re.compile(rf"`?(?<![A-Za-z0-9_.@/])(?P<name>{TOOL_NAME})(?![A-Za-z0-9_@/])(?:\([^()\n]{{0,80}}\))?`?")

# Words that may stand between two steps without being a step themselves ("call", "the tool", "必ず", "调用").
_VERB = (
    r"call(?:ing)?|use|using|run(?:ning)?|invoke|invoking|trigger(?:ing)?|llamar(?:\s+a)?|usar|ejecutar|aufrufen|"
    r"rufe|nutze|verwende|appeler|appelle|utiliser|lancer|chamar|executar|chiamare|usare|aanroepen|gebruiken|roep"
)
_FILL = (
    # ("meteo_lago SEMPRE prima di prenota", "IMMER zuerst": an order word in capitals for stress)
    rf"(?:\s|,|`|\(\)|\b(?i:you|the|tool|function|endpoint|always|must|should|only|auf|aan|immer|siempre|toujours|"
    rf"sempre|altijd|a|al|{_VERB})\b|"  # ("luego a check_price": Spanish "a" before the tool called)
    # ("check_lens_stock の後でしか reserve_pickup しない": "only" after the order word)
    r"必ず|まず|を|で|は|しか|のみ|调用|使用|必须|一定要|要|请|得|才能?)*"
)
_ALTERNATIVES = re.compile(
    r"\s*(?:,\s*)?(?:or|and|as\s+well\s+as|o|u|y|e|oder|und|ou|et|of|en|/|、|か|や|と|または|及び|或者?|和|及|与)?\s*"
    r"(?:\b(?:call|use)\b\s*)?"
)
# A then B: the left step comes first.
_FORWARD = re.compile(
    # ("dann erst", "erst danach", "dan pas", "só depois", "only then": the later step waits for the earlier one)
    rf"{_FILL}(?:(?:and\s+|y\s+|und\s+|et\s+|e\s+|en\s+)?(?:only\s+|erst\s+|pas\s+|só\s+|solo\s+|sólo\s+)?"
    r"(?:then|luego|después|despues|dann|danach|puis|ensuite|"
    r"depois|então|em\s+seguida|poi|quindi|daarna|vervolgens|dan)(?:\s+(?:erst|pas|only))?|before|prior\s+to|ahead\s+of|followed\s+by|"
    # ("先 A，再 B，最后 C", "A, then B, and finally C", "…, y por último C": the chain's closing step)
    r"(?:(?:and|y|e|und|et|en)\s+)?(?:finally|lastly|last|por\s+[úu]ltimo|finalmente|al\s+final|zuletzt|"
    r"schlie(?:ß|ss)lich|enfin|por\s+fim|infine|tot\s+slot|ten\s+slotte)|"
    r"->|→|=>|antes\s+del?|antes\s+do|vor(?:\s+dem)?|bevor(?:\s+du)?|avant(?:\s+de|\s+d['’])?|prima\s+di|"
    r"voor|vóór|voordat|"
    r"(?:呼んで|呼び出して|実行して|使って|確認して|して)(?:から|後に|あとで)|の(?:後|あと)(?:で|に)|"
    r"[，,、]?\s*(?:再|然后再?|最后(?:再)?|最後に|次に|接着|之后(?:才能?|再)?|以后(?:才能?|再)?|后(?:才能?|再)))"
    rf"{_FILL}",
    re.IGNORECASE,  # ("checkAccess BEFORE quoteHire, always": an order word in capitals for stress)
)
# B after A: the right step comes first.
_BACKWARD = re.compile(
    rf"{_FILL}(?:(?:only\s+)?(?:(?:right|immediately|directly|straight|just)\s+)?(?:after|once)|(?:solo\s+|sólo\s+)?(?:después\s+de|despues\s+de|tras)|"
    r"(?:erst\s+)?nach(?:\s+dem)?|(?:seulement\s+|uniquement\s+)?après|"
    r"(?:só\s+|somente\s+|apenas\s+)?(?:depois\s+d[eo]|após)|(?:solo\s+)?dopo|(?:pas\s+)?na|"
    r"(?:を)?(?:呼ぶ|実行する|使う|する)?(?:の|より)?(?:前に|先に)(?:は|、)?|(?:在)?(?:之前|以前|前))"
    rf"{_FILL}(?:先)?{_FILL}",
    re.IGNORECASE,  # ("reserve_table ONLY AFTER check_table")
)
# "find_hire first", "freeCheck zuerst": the first step of all, said right after its name
_FIRST_AFTER = re.compile(
    r"\s*(?:first|first\s+of\s+all|primero|zuerst|als\s+erstes|d['’]abord|en\s+premier|primeiro|eerst)\b", re.I
)
_NEGATED = re.compile(
    r"\b(?:never|don'?t|dont|do\s+not|must\s+not|not|nunca|no|nie|niemals|nicht|jamais|ne|não|mai|non|nooit|niet)\b|"
    r"不要|不能|禁止|别|しない|しないで|禁止",
    re.IGNORECASE,
)
# "has given you a breakdown_id", "returns ok": what the earlier tool must have done, kept in the rule
_RESULT_TAIL = re.compile(
    r"\s+(?P<tail>(?:has|have|had|returns?|returned|gives?|gave|confirms?|confirmed|succeeds?|succeeded|"
    r"comes\s+back|is|was)\b[^.;!?()]{1,80})",
    re.IGNORECASE,
)


# "verify the customer's identity with get_customer before …": the step the first tool is the means of
_STEP_LEAD = re.compile(
    r"(?:^|[,;:]\s*)(?:(?:always|first|please|you\s+(?:must|should))\s+)*(?P<step>[a-z][^,;:]{2,80}?\s"
    r"(?:with|using|via|through|by\s+calling|by\s+running)\s+(?:the\s+)?)`?$",
    re.IGNORECASE,
)
# "get_player then verify_player before ANY of the set/start functions": a last step in words
_TRAIL = re.compile(
    rf"`?(?:\(\))?\s*,?\s*(?:and\s+)?(?:before|prior\s+to)\s+(?P<step>(?!(?:you\s+)?(?:call\s+)?(?:{TOOL_NAME}))"
    r"[^.;!?()\n]{3,80}?)\s*(?:[.;!?(]|$)"
)


# "then book_slot only if the customer asks", "then cancel_order once they confirm": the last step is conditional
_LAST_STEP_CASE = re.compile(
    r"`?(?:\(\))?\s*,?\s*(?:only\s+)?(?P<case>(?:if|when|once|after)\s+(?!(?:you\s+)?(?:call|run)\b)"
    r"[^.;!?()\n]{3,100}?)\s*(?:[.;!?(]|$)",
    re.IGNORECASE,
)


class ToolOrder(NamedTuple):
    """One order between tools: `first` before `then` (None: `first` before everything), and its rule sentence."""

    text: str
    first: str
    then: str | None
    start: int
    end: int


class _Step(NamedTuple):
    names: list[str]
    start: int
    end: int


def find_tool_orders(text: str) -> list[ToolOrder]:
    """Every order between tools one clause states, in the order a reader meets them; [] when it states none."""
    found = list(_TOOL.finditer(text))
    if len(found) < 2:
        return []
    steps = [_Step([found[0]["name"]], found[0].start(), found[0].end())]
    links: list[tuple[int, bool]] = []  # (index of the step before the gap, whether the left one comes first)
    for left, right in pairwise(found):
        gap = text[left.end() : right.start()]
        if gap.strip() and _ALTERNATIVES.fullmatch(gap):
            # "A before B, and B before C": the step named again goes on the chain, it is no alternative to itself
            names = steps[-1].names if right["name"] in steps[-1].names else [*steps[-1].names, right["name"]]
            steps[-1] = _Step(names, steps[-1].start, right.end())
            continue
        gap = _FIRST_AFTER.sub(" ", gap, count=1) if _FIRST_AFTER.match(gap) else gap
        forward = _FORWARD.fullmatch(gap) is not None
        if forward or _BACKWARD.fullmatch(gap):
            links.append((len(steps) - 1, forward))
            steps.append(_Step([right["name"]], right.start(), right.end()))
        elif links:
            break  # the order ends where other words come between two names
        else:
            steps = [_Step([right["name"]], right.start(), right.end())]
    if not links:
        return []
    steps = steps[: links[-1][0] + 2]
    lead = re.split(r"[,;:，；：。]", text[: steps[0].start])[-1]
    if _NEGATED.search(lead) or _NEGATED.search(text, steps[0].start, steps[-1].end):
        return []  # "never call refund before verify": the other way round, which the general reader says whole
    return _orders(text, steps, links)


def _orders(text: str, steps: list[_Step], links: list[tuple[int, bool]]) -> list[ToolOrder]:
    start, end = 0, len(text.rstrip())
    first_of_all = bool(_FIRST_AFTER.match(text, steps[0].end)) and links[0][1]
    forward = all(f for _, f in links)
    trail = _TRAIL.match(text, steps[-1].end) if forward else None
    lead = _STEP_LEAD.search(text[: steps[0].start]) if len(steps[0].names) == 1 else None
    sentence = _sentence(text, steps, links, first_of_all)
    if trail is not None:
        sentence = f"Call {' then '.join(_listed(s.names) for s in steps)} before {trail['step'].strip()}."
    elif forward and (case := _LAST_STEP_CASE.match(text, steps[-1].end)) is not None:
        # "find_slot, then book_slot only if the customer asks": the last step's own condition stays with it
        last = _listed(steps[-1].names)
        sentence = f"{sentence.rstrip('.')}; call {last} only {case['case'].strip().rstrip(',')}."

    def step(name: str) -> str:
        return f"{lead['step']}{name}" if lead is not None and name == steps[0].names[0] else f"call {name}"

    out: list[ToolOrder] = []
    if first_of_all:
        out.extend(ToolOrder(sentence, step(name), None, start, end) for name in steps[0].names)
    for at, ahead in links:
        before, after = (steps[at], steps[at + 1]) if ahead else (steps[at + 1], steps[at])
        out.extend(ToolOrder(sentence, step(a), f"call {b}", start, end) for a in before.names for b in after.names)
    if trail is not None:
        out.extend(ToolOrder(sentence, step(a), trail["step"].strip(), start, end) for a in steps[-1].names)
    return out


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _sentence(text: str, steps: list[_Step], links: list[tuple[int, bool]], first_of_all: bool) -> str:
    """The rule in English: "Call A before B or C.", "Always call A first, then B, then C."."""
    directions = {forward for _, forward in links}
    if len(directions) > 1:
        parts = []
        for at, forward in links:
            before, after = (steps[at], steps[at + 1]) if forward else (steps[at + 1], steps[at])
            parts.append(f"call {_listed(before.names)} before {_listed(after.names)}")
        return f"{'; '.join(parts)[0].upper()}{'; '.join(parts)[1:]}."
    ordered = steps if directions == {True} else steps[::-1]
    names = [_listed(step.names) for step in ordered]
    if first_of_all:
        return f"Always call {names[0]} first, then {', then '.join(names[1:])}."
    if len(names) > 2:
        return f"Call {names[0]} first, then {', then '.join(names[1:])}."
    tail = _RESULT_TAIL.match(text, steps[-1].end) if directions == {False} else None
    if tail is not None:
        # "dispatch_engineer only after log_breakdown has given you a breakdown_id": what it must have returned
        return f"Call {names[1]} only after {names[0]} {tail['tail'].strip().rstrip(',')}."
    return f"Call {names[0]} before {names[1]}."


# "(only book_trial doesn't need it)", "except freeze_card": a tool the sentence names besides the first step is an
# exception or a step of its own, never one of "the other tools".
def before_other_tools(first: str, sentence: str, tool_names: list[str], texts: Iterable[str] = ()) -> str | None:
    """The `then` of "always call A first" in a brief that lists its tools: "call any other tool (B, C)".

    A first step of all is before every other tool the brief declares; naming them keeps the rule checkable and
    tells the model which calls wait (None when `first` names no single declared tool or no other tool is left). A
    tool another sentence of the brief exempts ("freeze_card can be called right away if the card is stolen") is
    left out of the list and named as exempt, so the rule no longer contradicts that sentence."""
    named = {m["name"] for m in _TOOL.finditer(first)} & set(tool_names)
    if len(named) != 1:
        return None
    mentioned = {m["name"] for m in _TOOL.finditer(sentence)}
    exempt = exempt_tools(texts, sentence, set(tool_names) - named)
    others = [
        name for name in dict.fromkeys(tool_names) if name not in named and name not in mentioned and name not in exempt
    ]
    return f"call any other tool ({', '.join(others)})" if others else None


def exemption_note(first: str, sentence: str, tool_names: list[str], texts: Iterable[str]) -> str:
    """The words that state, beside "always call A first", the tools another sentence exempts ("; freeze_card may be
    called before it in the cases these instructions allow"), or ""."""
    named = {m["name"] for m in _TOOL.finditer(first)} & set(tool_names)
    mentioned = {m["name"] for m in _TOOL.finditer(sentence)}
    exempt = exempt_tools(texts, sentence, set(tool_names) - named - mentioned) if len(named) == 1 else set()
    if not exempt:
        return ""
    listed = _listed(sorted(exempt, key=tool_names.index))
    return f"; {listed} may be called before it in the cases these instructions allow"


# "right away", "straight away", "without waiting", "before verification", "no need to verify", "doesn't need it":
# a sentence that lets a tool skip the wait ("immediately after X" is an order, not an exemption)
_EXEMPTION = re.compile(
    r"\b(?:right\s+away|straight\s+away|at\s+once|immediately(?!\s+(?:after|once|when|following))|"
    r"without\s+(?:waiting|verif\w*|check\w*|(?:the\s+)?(?:identity\s+)?(?:check|verification))|"
    r"before\s+(?:any\s+)?(?:verif\w*|identity\s+checks?|checking)|no\s+need\s+to\s+(?:verify|wait|check)|"
    r"(?:does\s*n['o]?t|doesn'?t|do\s+not|don'?t)\s+need\s+(?:it|verification|to\s+wait)|exempt\w*|at\s+any\s+time|"
    # ("Never call refund_order except for damaged items": a condition on the tool, no leave to go first; "skip" only
    # as a verb on the first step, never inside a tool's name such as skip_question)
    r"anytime|skip(?:s|ping)?\s+(?:the\s+)?(?:verif\w*|check\w*|identity|that\s+step|this\s+step)|sofort|de\s+inmediato|inmediatamente|imm[ée]diatement|imediatamente|subito|meteen)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+|\n")


def exempt_tools(texts: Iterable[str], rule: str, candidates: set[str]) -> set[str]:
    """The tools among `candidates` that a sentence of the brief other than the rule itself lets skip the first step
    ("If the card is reported stolen, freeze_card can be called right away")."""
    exempt: set[str] = set()
    for text in texts:
        for sentence in _SENTENCE_END.split(text):
            if not sentence.strip() or sentence.strip() in rule or rule.strip() in sentence:
                continue
            named = {m["name"] for m in _TOOL.finditer(sentence)} & candidates
            if named and _EXEMPTION.search(sentence):
                exempt |= named
    return exempt


def tool_names_in(text: str) -> set[str]:
    """The tool names (snake_case, camelCase, PascalCase) a text mentions."""
    return {m["name"] for m in _TOOL.finditer(text)}
