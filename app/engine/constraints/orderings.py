"""Ordering rules ("verify the account before refunding", "first ask for the order number, then …", "call
get_status before restart_service"): the two steps in the assistant's words, or the brief's sentence whole where two
steps cut from it would say less."""

from __future__ import annotations

import re

from app.engine.constraints.clauses import ENDING_COLON, EXACT_COLON
from app.engine.constraints.found_rules import FoundRule, is_english
from app.engine.constraints.order_leads import after_lead, first_then, gated_ban, only_then
from app.engine.constraints.ordering_shapes import at_the_end, held_back, in_this_order
from app.engine.constraints.ordering_steps import (
    MAX_FIRST_WORDS,
    NEGATED_LEAD,
    last_part,
    starts_with_verb,
    verb_phrase,
)
from app.engine.constraints.purpose_before import purpose_first
from app.engine.constraints.sentence_case import sentence_case
from app.engine.phrasing import ASKS_FOR_ASSISTANT, VERBS, second_person, verbs_to_base

_ACTION_VERBS = (
    r"issu\w*|refund\w*|answer\w*|repl\w*|respond\w*|send\w*|process\w*|shar\w*|giv\w*|provid\w*|clos\w*|escalat\w*|"
    r"mak\w*|call\w*|us\w*|chang\w*|cancel\w*|delet\w*|updat\w*|submit\w*|confirm\w*|approv\w*|proceed\w*|"
    r"continu\w*|recommend\w*|suggest\w*|quot\w*|book\w*|schedul\w*|transfer\w*|disclos\w*|reveal\w*|discuss\w*|"
    r"offer\w*|run\w*|execut\w*|deploy\w*|merg\w*|writ\w*|generat\w*|output\w*|return\w*|finali[sz]\w*|start\w*|"
    r"begin\w*|diagnos\w*|apply\w*|charg\w*|ship\w*|reset\w*|unlock\w*|grant\w*|modif\w*|edit\w*|creat\w*|"
    r"look\w*|check\w*|verif\w*|ask\w*|help\w*|troubleshoot\w*|draft\w*|publish\w*|post\w*|reply|attempt\w*|"
    r"any\s+\w+|doing\s+\w+|you\s+\w+|they\s+\w+|the\s+\w+|"
    # "before paging", "before each score", "before anything else": a gerund or a quantified noun is a step too.
    r"[a-z]+ing|anything|each\s+\w+|every\s+\w+|a\s+\w+|an\s+\w+|we\s+\w+|it\b"
)


# "immer zuerst nach der Bestellnummer fragen", "pregunta primero por...", "demande d'abord...": a first step.
_FIRST_WORDS = (
    r"zuerst|als\s+erstes|als\s+erstes|primero|antes\s+que\s+nada|lo\s+primero|d'abord|en\s+premier|avant\s+tout|"
    r"primeiro|antes\s+de\s+tudo|em\s+primeiro\s+lugar"
)


# ("getPledge before quoting anything": a camelCase tool's name is its verb too)
_TOOL_NAME_ONLY = re.compile(r"`?(?:[A-Za-z]+_[A-Za-z0-9_]+|[a-z]+(?:[A-Z][a-z0-9]+)+)`?(?:\(\w*\))?")


_BEFORE = re.compile(
    rf"^(?P<first>.+?)\s+(?:before|prior\s+to|ahead\s+of)\s+(?P<then>(?:{_ACTION_VERBS})\b.*|"
    # a tool by name: "call get_status before restart_service"
    # (or written with its parameters: "call check_stock(sku) before reserve(sku, qty)")
    r"(?:(?:calling|using|running)\s+)?(?:`?[A-Za-z]+_[A-Za-z0-9_]+`?(?:\(\w*\))?|`?[A-Za-z_]\w*\([^()]{0,40}\)`?))"
    # "call get_contract before raise_po and check …": the tool named is the step; the rest is a rule of its own
    r"(?:\s+(?:and|,)\s+.*|,\s+.*)?$|"
    rf"^(?:before|prior\s+to)\s+(?P<then2>.+?),\s*(?:always\s+)?(?P<first2>.+)$|"
    # ("First line is a single comment …, then the query": the reply's first line, not a first step)
    r"^(?:first(?:ly)?(?!\s+(?:line|sentence|word|paragraph|row|column|field|character|letter|bullet|heading|item|"
    r"message|reply|section|page|slide|cell)s?\b)|start\s+by|begin\s+by)\s*,?\s*(?P<first3>.+?)(?:,?\s*(?:and\s+)?then\s+|;\s*then\s+|,\s*after\s+that\s*,?\s*)(?P<then3>.+)$|"
    r"^(?P<first4>.+?),?\s+(?:and\s+)?then\s+(?P<then4>.+)$|"
    # ("only once per 12 months", "once a year": how often, not after what)
    # ("Never write the essay for them, but once they've written a draft, show …": the ban, then another case)
    r"^(?:only|never)\s+(?P<then5>.+?)(?<!\bbut)(?<!\bbut,)\s+(?:after|once(?!\s+(?:per|a|an|every|each|in|more)\b)|until)\s+"
    r"(?P<first5>.+)$|"
    # ("waiveLateFee only when missed = 1 and lateFeeGbp > 0, and only once per customer": a state the call needs, a
    # condition on it, not a step before it)
    r"^(?P<then6>.+?)\s+only\s+(?:after|once(?!\s+(?:per|a|an|every|each|in|more)\b)|"
    r"when(?![^.]*(?:[=<>≤≥]|\bonly\s+once\b|\bis\s+(?:true|false|set|null)\b)))\s+(?P<first6>.+)$|"
    # ("nothing account-specific (trips, credits, plan) until checkVerificationCode came back ok")
    r"^(?:don'?t|do\s+not|never|nothing)\s+(?P<then7>.+?)\s+(?P<conn7>until|before|without(?:\s+first)?)\s+(?P<first7>.+)$|"
    r"^(?P<first13>.+?)\s+first\s*,\s*(?:and\s+)?(?:then\s+)?(?P<then13>.+?)\s+(?:after|afterwards|next|second|last)$|"
    # "Always call lookup_order(order_id, email) first and only continue if the email matches the order"
    r"^(?:always\s+)?(?P<first16>.+?)\s+first\s*,?\s+and\s+(?P<then16>only\s+.+)$|"
    r"^(?:always\s+)?(?P<first8>.+?)\s+first\b(?:\s*,?\s*(?:before\s+(?P<then8>.+))|"
    r"\s+(?:instead\s+of|rather\s+than)\b.*)?$|"
    rf"^(?P<first14>.*\b(?:{_FIRST_WORDS})\b.*)$|"
    r"^(?P<first9>.+?)\s+antes\s+de\s+(?P<then9>.+)$|^antes\s+de\s+(?P<then10>.+?),\s*(?P<first10>.+)$|"
    r"^(?P<first11>.+?),?\s+(?:bevor|ehe)\s+(?P<then11>.+)$|^(?P<first12>.+?)\s+avant\s+de\s+(?P<then12>.+)$",
    re.IGNORECASE,
)


_TITLE = re.compile(r"^[^:]{3,60}:\s+(?=\S)")


_TOOLS_IN_TURN = re.compile(
    r"`?[a-z]+(?:_[a-z0-9]+)+`?(?:\(\w*\))?,?\s+(?:then|and\s+then|and|->|→)\s+`?[a-z]+(?:_[a-z0-9]+)+`?(?:\(\w*\))?$"
)


_ORDER_KEYS = re.compile(
    r"before|prior|ahead|first|then|after|once|until|unless|without|antes|bevor|ehe|avant|先|然后|てから|でから|した後|たあとで|まず|最初に|首先|"
    r"zuerst|erstes|primero|abord|premier|primeiro|at\s+the\s+(?:very\s+)?end|in\s+(?:this|that|the\s+following)\s+order|"
    r"之前|以前|前に|\b(?:vor|prima\s+di|voor|vóór)\b|"
    # ("sempre nesta ordem: …", "in dieser Reihenfolge", "按以下顺序"): parts in a stated order, in any language
    r"\b(?:orden|ordem|Reihenfolge|ordre|ordine|volgorde|despu[eé]s|tras|depois|ap[oó]s|nachdem|nach|apr[eè]s|"
    r"une\s+fois|dopo|nadat)\b|顺序|順番|順序",
    re.IGNORECASE,
)


_CJK_ORDER = re.compile(
    r"先(?P<first>[^，,。再]+)[，,]?\s*(?:再|然后|之后)(?P<then>[^。]+)|(?P<first2>[^。]+?)(?:てから|でから|した後で|たあとで)"
    r"(?P<then2>[^。]+)|"
    # "まず lookup_item(name) を呼んで…確認し、その結果だけをもとに答えてください", "首先调用…，然后…"
    r"(?:まず|最初に|首先)(?P<first3>[^。]+?(?:て|で|し|，|,|、))(?P<then3>[^。]+)|"
    # "换班之前必须先确认两位店员都同意": before X, first Y
    r"(?P<then4>[^，,。；;]{1,30}?)(?:之前|以前|前に)[^，,。]{0,4}?先(?P<first4>[^。；;]+)"
)


_TIME_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:day|night|evening|morning|week|month|\d+\s+(?:hours?|days?|weeks?|minutes?|h))\s+before\b",
    re.IGNORECASE,
)


# "Output: a 3-bullet summary, then 'Next step:' with one action, then 'Sentiment:' …": parts of a reply in order.
_PARTS_THEN = re.compile(r"^(?!.*\b(?:before|after|until|once)\b)[^:]{0,40}:\s.*,\s+then\b", re.IGNORECASE)


_FIRST_THEN = re.compile(r"\bfirst\b,?\s+(?:and\s+)?then\b", re.IGNORECASE)


_COUNTED_PART = re.compile(r"(?:at\s+most|at\s+least|up\s+to|no\s+more\s+than|\d+|one|two|three|four|five)\s", re.I)


_NEGATED_STEP = re.compile(r"(?:never|don'?t|dont|do\s+not)\b", re.IGNORECASE)


_CJK_ORDER_WORDS = ("先", "てから", "でから", "した後で", "たあとで", "まず", "最初に", "之前", "以前", "前に")


_CONDITION_WORD = re.compile(r"\b(?:if|unless|when|whenever|in\s+case)\b", re.IGNORECASE)


# A clause that opens with a prohibition: its order rule is the whole sentence, negation included.
NEGATED_ORDER = re.compile(r"\s*(?:please\s+)?(?:never|don'?t|do\s+not|must\s+not|avoid)\b", re.IGNORECASE)


_ASIDE = re.compile(r"\([^()]{3,200}\)")


_CASE_BEFORE_STEP = re.compile(r"\b(?:if|when|whenever|unless|once)\b[^.;:]{3,200},\s*$", re.IGNORECASE)


_REQUESTER_STEP = re.compile(r"(?:^|\s)I\s+(?:\w+\s+)?(?:\w+)")


_TOOL_ID = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]+)+"


_ALWAYS_WORD = r"(?i:immer|always|toujours|siempre|sempre|altijd|erst|zuerst|first)"
# "Appelez solde_compte avant chaque reserver_repas", "Usa verifica_socio prima di ogni prenota_campo": the verb that
# runs the first tool, and "each" before the second (English sentences have their own reading, `_before_rule`)
_RUN_VERB = (
    r"(?i:appel(?:ez|le|er)|utilis(?:ez|e|er)|lancez|llam[ae]|usa|utiliza|ejecuta|"
    r"ruf(?:e|en)?|nutze|verwende|chiama|utilizza|roep|gebruik|chame|utilize)"
)
_EACH_WORD = (
    r"(?i:each|every|any|the|a|an|chaque|tout|toute|un|une|le|la|cada|el|una|jede[mnrs]?|einem?|ogni|il|lo|"
    r"elke|iedere|een|de|het|todo|toda|o)"
)
_BEFORE_WORD = r"(?i:vor|avant|antes\s+de|antes\s+del|prima\s+di|voor|vóór|before)"
# (no re.IGNORECASE: a tool id's case is how it is told from a word, "solde_compte", "checkStock")
_TOOL_BEFORE_TOOL = re.compile(
    rf"^\s*(?:{_ALWAYS_WORD}\s+)?(?:{_RUN_VERB}\s+)?(?:{_ALWAYS_WORD}\s+)?`?(?P<first>{_TOOL_ID})`?"
    rf"(?:\(\))?\s+(?:{_ALWAYS_WORD}\s+)?{_BEFORE_WORD}\s+(?:{_EACH_WORD}\s+)?`?(?P<then>{_TOOL_ID})\b"
)


_CJK_TOOL_BEFORE = re.compile(
    rf"`?(?P<then>{_TOOL_ID})`?\s*(?:の前に|之前|以前)[^。；;,，、]{{0,8}}?`?(?P<first>{_TOOL_ID})\b"
)


_AND_THEN = re.compile(r"(?:,|\band)\s+then\b", re.IGNORECASE)


# "volunteers walk 2 transects", "the rep dictates a voice note": people other than the assistant, doing their part
_OTHERS_STEP = re.compile(
    r"^\s*(?:(?:our|the|their|most|many|some|all)\s+)?(?:volunteers|customers|users|staff|reps|members|people|"
    r"students|drivers|guests|clients|patients|parents|teachers|nurses|employees|callers|visitors|buyers|sellers|"
    r"they|the\s+(?:rep|team|driver|nurse|teacher|customer|user|caller|client)|"
    r"(?:our|their|the)\s+[a-z]{3,}(?<!ss)s)\s+(?!(?:must|should|need|have|has|will|can|may|might|shall|are|is|"
    r"first|then|always|never|only|before|after|also)\b)[a-z]+\b",
    re.IGNORECASE,
)


# "create_booking read back room": a tool's name, then the step that comes before it
_TOOL_THEN_STEP = re.compile(rf"(?P<tool>{_TOOL_ID})\s+(?P<step>[a-z]\w*\s.*)$")


# "We want an assistant that first asks for the order number, then checks …": steps in the request are still an order.
_STEP_WORDS = re.compile(
    r"(?i)\b(?:first|then|afterwards|primero|luego|despu[ée]s|zuerst|erst|dann|danach|d['’]abord|puis|ensuite|prima|"
    r"poi|dopo|eerst|daarna|primeiro|depois|em\s+seguida)\b"
)


def find_ordering(text: str) -> FoundRule | None:
    """The ordering rule one clause states (first X, then Y), if any."""
    if _orders_nothing(text):
        return None
    stripped = text.strip().rstrip(".!")
    named = _cjk_or_tool_order(text, stripped)
    if named is not None:
        return named
    gated = only_then(stripped) or first_then(stripped)
    if gated is not None:
        return gated
    # "the day before each appointment", "The week before an exam, ask …": when, not what comes first (same length,
    # so the offsets hold)
    masked = _TIME_BEFORE.sub(lambda m: m.group(0)[:-6] + "within", stripped)
    match = _BEFORE.match(masked)
    if not match:
        return at_the_end(text) or in_this_order(stripped) or after_lead(stripped) or gated_ban(stripped)
    return _before_rule(text, stripped, match)


def _orders_nothing(text: str) -> bool:
    """Whether a clause states no order at all: no order word outside its asides, the job the brief asks for, or
    words to write after a colon."""
    if not _ORDER_KEYS.search(text) or (ASKS_FOR_ASSISTANT.match(text) and not _STEP_WORDS.search(text)):
        return True  # ("Preciso de um moderador automático para os anúncios antes de irem pro ar": the job itself)
    if not _ORDER_KEYS.search(_ASIDE.sub(" ", text)):
        return True  # "Rider Switch (one adult rides, then the other, …)": an aside describes a process, orders nothing
    fixed = EXACT_COLON.search(text) or ENDING_COLON.search(text)
    ordered_parts = fixed is not None and _FIRST_THEN.search(text, fixed.start()) is not None
    # "Always end the description with: Tested with film before shipping.": words to write
    return fixed is not None and not ordered_parts and not _ORDER_KEYS.search(text[: fixed.start()])


def _cjk_or_tool_order(text: str, stripped: str) -> FoundRule | None:
    """An order in Japanese or Chinese, quoted whole, or between two tools named in any language."""
    # Only text with a CJK order word is searched: the lazy `first2` group, tried from every position of a long
    # clause without one, cost quadratic time (20,000 letters: 15 s).
    cjk = _CJK_ORDER.search(stripped) if any(word in stripped for word in _CJK_ORDER_WORDS) else None
    if cjk:
        words = stripped.rstrip("。")
        first = cjk.group("first") or cjk.group("first2") or cjk.group("first3") or cjk.group("first4")
        then = cjk.group("then") or cjk.group("then2") or cjk.group("then3") or cjk.group("then4")
        return FoundRule(f'Follow this order from the brief: "{words}".', first, then, 0, len(words))
    paired = _TOOL_BEFORE_TOOL.search(stripped) or _CJK_TOOL_BEFORE.search(stripped)
    if paired is not None:
        # "freieTermine vor terminBuchen", "create_reservation の前に必ず check_stock": two tools in order, in any
        # language (the brief's own sentence stays a rule beside it)
        first, then = paired.group("first"), paired.group("then")
        return FoundRule(
            f"Call {first} before you call {then}.", f"call {first}", f"call {then}", 0, len(text.rstrip())
        )
    return None


def _before_rule(text: str, stripped: str, match: re.Match[str]) -> FoundRule | None:
    """The rule of a clause `_BEFORE` matched: its two steps, or the sentence itself when it says more."""
    # (the groups in the brief's own words: the mask changed "before" only, and kept every offset)
    groups = {name: stripped[match.start(name) : match.end(name)] for name, value in match.groupdict().items() if value}
    groups.pop("conn7", None) if "first7" not in groups else None
    glued = _glued_tool_step(text, stripped, match, groups)
    if glued is not None:
        return glued
    if _case_value(groups):
        return None  # "US format (MM/DD/YYYY) unless the shipper is in Canada, then DD/MM/YYYY": a case's value
    end = _step_end(text, stripped, match, groups)
    first = next((groups[g] for g in groups if g.startswith("first")), None)
    then = next((groups[g] for g in groups if g.startswith("then")), None)
    if first is None or purpose_first(first):
        return None  # ("so you can answer before the customer leaves": a purpose's deadline, no order)
    if _not_the_assistants(stripped, first, then):
        return None
    # "riddle game: the bot asks a riddle, gives 2 hints, then …": the title before the colon is no step.
    whole_first = _TITLE.sub("", first.strip(), count=1)
    last_first = last_part(whole_first)
    whole = _whole_sentence_order(text, stripped, whole_first, last_first, then)
    if whole is not None:
        return whole
    gated = groups.keys() & {"then5", "then6", "then7"}
    if last_first.strip() != whole_first.strip() and gated and is_english(stripped):
        # "extendLoan only after you've read back the fee and the new end date and they've agreed": a gate
        # holds whole; its last part alone ("they've agreed") would drop what must come first
        said = stripped.strip()
        said = said if re.match(r"[a-z]+[A-Z_0-9(]", said) else said[:1].upper() + said[1:]
        return FoundRule(second_person(f"{said}.", "user"), whole_first, then, 0, len(text.rstrip()))
    if re.fullmatch(r"[\"“'‘][^\"”'’]{1,30}[\"”'’]", last_first.strip()):
        return None  # 'one line: "Votes: " then each vote …': the line's fixed start and its content, not two steps
    steps = _steps(stripped, last_first, then)
    if steps is None:
        return None
    first, then = steps
    if "first8" in groups and not re.search(
        r"\b(?:always|ask|check|verify|confirm|get|collect|read|search|look)\b", stripped, re.IGNORECASE
    ):
        return None
    return _order_sentence(text, stripped, groups, first, then, end)


def _glued_tool_step(text: str, stripped: str, match: re.Match[str], groups: dict[str, str]) -> FoundRule | None:
    """ "before create_booking read back room, …": a tool and the step before it, with no comma between them."""
    glued = _TOOL_THEN_STEP.match(groups.get("then2", ""))
    if glued is not None and starts_with_verb(glued.group("step")):
        # "before create_booking read back room, date, time, … and total price, and only book after …": the comma
        # after the tool is missing, so the step runs on past the first comma; the clause is the rule, whole
        step = stripped[match.start("then2") + glued.start("step") :]
        sentence = second_person(f"Before calling {glued.group('tool')}, {step}.", "user")
        return FoundRule(sentence, step, glued.group("tool"), 0, len(text.rstrip()))
    return None


def _case_value(groups: dict[str, str]) -> bool:
    """Whether a "then" gives the value of a case ("… unless the shipper is in Canada, then DD/MM/YYYY"), no step."""
    return bool(
        "first4" in groups
        and _CONDITION_WORD.search(groups["first4"])
        and not re.search(r"\bfirst\b", groups["first4"], re.IGNORECASE)
        and len(groups["then4"].split()) <= 3
        and not starts_with_verb(groups["then4"])
        and groups["then4"].split()[0].lower() not in VERBS
    )


def _step_end(text: str, stripped: str, match: re.Match[str], groups: dict[str, str]) -> int:
    """Where the second step ends; a step cut short at a comma is cut in `groups` too."""
    end = len(text.rstrip())
    if "then" in groups and match.end("then") < len(stripped):
        # "call get_contract before raise_po and check the status": the step ends at the tool; the rest stays a rule
        end = match.end("then")
    elif (
        "then" in groups
        and len(groups["then"].split()) > 16
        and (cut := re.search(r",\s+and\s+", groups["then"]))
        and ":" not in groups["then"][: cut.start()]
    ):
        # "check availability before booking anything, and read the slot back …": the step ends at the comma
        end = match.start("then") + cut.start()
        groups["then"] = groups["then"][: cut.start()]
    return end


def _not_the_assistants(stripped: str, first: str, then: str | None) -> bool:
    """Whether the steps are the requester's day or what other people do, not the assistant's."""
    if _REQUESTER_STEP.search(first) and _REQUESTER_STEP.match(then or ""):
        return True  # "every night I take notes, then I have to send two updates": the requester's day, no rule
    # "volunteers walk 2 transects … and then email in their notes": what others do, no rule
    return bool(
        _OTHERS_STEP.search(last_part(_TITLE.sub("", first.strip(), count=1)))
        and _AND_THEN.search(stripped)
        and not re.match(r"\s*you\b", then or "", re.IGNORECASE)  # ("…, and then you tell them": the assistant's step)
    )


def _whole_sentence_order(
    text: str, stripped: str, whole_first: str, last_first: str, then: str | None
) -> FoundRule | None:
    """The sentence itself as the rule, when two steps cut from it would lose its case, a step, or what "that"
    points to."""
    at_first = stripped.find(last_first)
    if at_first > 0 and _CASE_BEFORE_STEP.search(stripped[:at_first]) and is_english(stripped):
        # "The ONE exception: if the user says their account was hacked, call freezeAccount immediately, then verify":
        # the steps hold only in their case, so the sentence is the rule, case and all
        whole = second_person(sentence_case(f"{stripped.strip()}."), "user")
        return FoundRule(whole, whole_first, then, 0, len(text.rstrip()))
    dropped = whole_first[: len(whole_first) - len(last_first)] if whole_first.endswith(last_first) else ""
    if dropped.strip(" ,;") and starts_with_verb(dropped.strip()) and not NEGATED_LEAD.match(dropped):
        # "Quiz them with one … at a time, wait for their answer, then tell them …": three steps, the first of which
        # a two-step rule would drop; the brief's own sentence says them all, in order
        whole = second_person(sentence_case(f"{stripped.strip()}."), "user")
        return FoundRule(whole, whole_first, then, 0, len(text.rstrip()))
    if dropped.strip(" ,;") and re.match(r"(?i)so\b", last_first.strip()):
        # "The final decision is made at the screening, so it can say what the guide says and then remind them of
        # that": the steps follow from the fact before them, and "that" points to it; the sentence is the rule, whole
        whole = second_person(sentence_case(f"{stripped.strip()}."), "user")
        return FoundRule(whole, whole_first, then, 0, len(text.rstrip()))
    return None


def _steps(stripped: str, last_first: str, then: str | None) -> tuple[str, str | None] | None:
    """The two steps in the assistant's words ("call lookup", "verify the account"), or None when they make no
    rule (too long, too short, empty)."""
    first = verb_phrase(last_first)
    if not first.strip():
        return None  # "Greet them. , then add the tracking link.": a stray comma opens no first step
    if not re.match(r"\S+\s+(?:must|should|will|can|are|were|need)\b", first, re.IGNORECASE):
        first = verbs_to_base(first)  # "reads invoices, extracts the amount" (but "answers must show …" is a noun)
    if _TOOL_NAME_ONLY.fullmatch(first) or _TOOLS_IN_TURN.match(first):
        # "Always search_kb before creating a ticket", "get_player then verify_player before ANY of …": the tools'
        # names used as their verbs
        first = f"call {first}"
    then = verb_phrase(then) if then else None
    if then is not None and re.match(r"`?[A-Za-z_]\w*\(", then):
        then = f"call {then}"  # "before reserve(sku, qty)": the tool, called
    if then is not None and (starts_with_verb(first) or first.split()[0].lower() in VERBS):
        then = verbs_to_base(then)  # "…, then reveals the answer": the second step in the first one's form
    # ("order: revenue/guidance first, then margins, then volumes": the brief's own list of parts, one word each)
    parts_listed = _FIRST_THEN.search(stripped) is not None and (
        _PARTS_THEN.search(stripped) is not None or len(re.findall(r"\bthen\b", stripped, re.IGNORECASE)) >= 2
    )
    # ("code first, then max 3 bullets": one part named, then the next)
    parts_listed = parts_listed or bool(re.match(r"(?i)\s*[a-z]{3,}\s+first,?\s+then\b", stripped) and then)
    too_short = len(first.split()) < 2 and not parts_listed
    bare = _ASIDE.sub("", first)  # (an aside that says what a term means stays, and counts for no step's length)
    if len(bare.split()) > MAX_FIRST_WORDS or (then is not None and len(then.split()) > 16) or too_short:
        return None
    return first, then


# "read back the amount and date, confirm_plan": a step, then the tool that waits
_LEADING_STEP = re.compile(rf"(?P<step>[^,]{{8,}}),\s*`?(?P<call>{_TOOL_ID})`?$")
# "anything about their account", "everything on the order": a thing, no step
# "before ANYTHING about their account" needs a verb; "before anything else" is a whole step as written
_QUANTIFIED_THING = re.compile(
    r"(?:anything|everything|something)\s+(?:about|regarding|concerning|related\s+to|to\s+do\s+with)\b", re.IGNORECASE
)


def _order_sentence(
    text: str, stripped: str, groups: dict[str, str], first: str, then: str | None, end: int
) -> FoundRule:
    """The ordering rule's sentence for its two steps."""
    if _NEGATED_STEP.match(first) and then is not None:
        return held_back(stripped, first, then, len(text.rstrip()))
    if "first16" in groups:
        sentence = f"Always {first} first, and {groups['then16']}."
    elif "conn7" in groups and stripped.lstrip()[:7].lower() == "nothing":
        # "nothing account-specific (trips, credits, plan) until …": the brief's own gate, as written
        sentence = sentence_case(f"{stripped.strip().rstrip('.')}.")
    elif "conn7" in groups and groups["conn7"].lower().startswith("without") and then is not None:
        sentence = f"Never {then} without {first}."
    elif then is None and re.match(r"(?:never|don['’]?t|do\s+not)\b", first, re.IGNORECASE):
        # "never confirm a booking without calling that function first": the step is a ban with its gate
        sentence = sentence_case(f"{first} first.")
    elif then is None:
        sentence = f"Always {first} first."
    elif (
        (_FIRST_THEN.search(stripped) or _PARTS_THEN.search(stripped))
        and not starts_with_verb(first)
        and (first.split()[0].lower() not in VERBS)
    ):
        # "Explain the process: letter before claim first, then filing the claim, …": steps that are no verbs
        # keep the brief's own words, with the instruction before the colon that says what they are steps of.
        title = _TITLE.match(stripped.strip())
        # ("order: revenue first, then margins": the title that says what the list orders stays too)
        named = title is not None and re.match(r"\s*(?:order|sequence)\s*:", title.group(0), re.IGNORECASE) is not None
        lead = title.group(0).strip() + " " if title and (starts_with_verb(title.group(0)) or named) else ""
        sentence = sentence_case(f"{lead}{first} first, then {then}.")
        if not _FIRST_THEN.search(stripped):
            sentence = sentence_case(f"{stripped.strip()}.")  # the brief's own list of parts, as written
    elif (
        re.match(r"only\s+", stripped, re.IGNORECASE)
        and not starts_with_verb(first)
        and first.split()[0].lower() not in VERBS
        and starts_with_verb(then)
    ):
        # "Only call notify_buyer after a reserve succeeded": the condition is a state, not a step to take first
        sentence = second_person(f"{then[0].upper()}{then[1:]} only after {first}.", "user")
    elif "then6" in groups and (split := _LEADING_STEP.match(groups["then6"])) is not None:
        # "read back the amount, confirm_plan ONLY after they say yes": the read-back first, the call waits for the yes
        step, call = split.group("step").strip(), split.group("call")
        then = f"call {call}"
        sentence = second_person(sentence_case(f"{step}; call {call} only after {groups['first6'].strip()}."), "user")
    else:
        if _QUANTIFIED_THING.match(then):
            then = f"discuss {then}"  # "before ANYTHING about their account": a step needs its verb
        # "give the formula in a code block, then at most 3 bullets": a step that is no verb follows with "then".
        joint = " before you" if starts_with_verb(then) else (", then" if _COUNTED_PART.match(then) else " before")
        sentence = f"{first[0].upper()}{first[1:]}{joint} {then}."
        sentence = second_person(sentence, "user")  # "ask me 5 questions first": the requester is the user
    if not is_english(stripped):
        sentence = f'Follow this order from the brief: "{stripped}".'
    # "… before you return ONLY this JSON:" (the JSON itself is read as a schema): no colon before the full stop.
    sentence = re.sub(r"\s*[:;,]\s*\.$", ".", sentence)
    return FoundRule(sentence, first, then, 0, end)
