"""Numbers to call, in any supported language: "call 911", "appeler le 15", "拨打120", "119に電話",
"the Samaritans number 116 123", "Störungshotline 0800 123 4567", "crisis line (988 in the US)".

A number is read as one to call only when a cue says so: a call verb or a line word before it ("call", "llame al",
"appelez le", "ruf ... an", "拨打", "hotline", "Nummer"), or a call word right after it ("に電話", "hotline"). Numbers
followed by a unit ("15 minutes", "120 words", "3 Sätze") are counts, never phone numbers.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Emergency services numbers (US/CA, UK, EU, AU, FR, DE, JP, CN, BR, IN, SG, ZA, ...): a short number counts only
# when it is one of these, so a city line (311), an extension (204) or a support line (611) never does.
EMERGENCY_SERVICES = frozenset(
    {"911", "999", "112", "000", "15", "17", "18", "110", "119", "120", "122", "190", "192", "193", "100", "101",
     "102", "108", "995", "997", "998", "10111", "061", "144", "113", "118", "066"}
)  # fmt: skip

# Crisis and listening lines (988 US, 116 123 Samaritans and the EU's emotional-support line, 024 ES, 3114 FR,
# Telefonseelsorge DE, 0800 0113 NL, 116 111 and 0800 1111 for children, 13 11 14 AU, 741741 by text): a line for
# someone in distress, never the number for whatever the assistant cannot answer.
CRISIS_LINES = frozenset(
    {"988", "116123", "024", "3114", "08001110111", "08001110222", "08000113", "116111", "08001111", "131114", "741741"}
)  # fmt: skip


# Verbs and nouns that announce a number to call or text.
_CALL_CUE = (
    r"call(?:ing)?|dial|phone|ring|text|contact|reach|give|share|"
    r"(?:hot|help|life|crisis\s+|emergency\s+|support\s+|service\s+)line|number|tel\.?|telephone|"
    r"llam[ae]\w*|marc[ae]\w*|tel[ée]fono|número|contacta\w*|dar|dale|dales|darle|darles|p[áa]sale|p[áa]sales|"
    r"textea\w*|"
    r"an(?:zu)?rufen|ruf\w*|wähl\w*|\w*hotline|\w*nummer|telefon\w*|notruf\w*|unter|"
    r"appel\w*|compos\w*|num[ée]ro|t[ée]l[ée]phone|donne[rz]?|contacte[rz]?|"
    r"lig\w*|pelo|pela|telefone|"
    # (the Dutch imperative only: "moeten bellen op …" tells of a call, it gives no route)
    r"bel|chiam\w*|"
    r"拨打|拨|致电|打|电话|热线|電話|番号|ダイヤル|"
    # "Bei starken Schmerzen: sofort 112", "if it's a fire, immediately 999": urgency right before a number
    r"sofort|immediately|immédiatement|inmediatamente|imediatamente|subito|onmiddellijk|meteen|直ちに|立即|马上"
)
# "phone the security desk on ext. 4400": the full stop of an extension's abbreviation ends no sentence.
_GAP = r"(?:[^\d.;:!?。！？\n]|(?<=\bext)\.|(?<=\bExt)\.){0,30}?"
# "0800 111 0 111": a one-digit group counts only between two longer ones.
# "0761 123456": a German area code, then a six-digit number.
# ("(555) 014-2290": an area code in brackets is part of the number)
_NUMBER = (
    r"(?<![\dA-Za-z.,/-])(?P<number>\(\d{2,5}\)[ -]?\d{2,6}(?:[ -]\d{2,6}){0,2}|"
    # ("02 41 55 01 77": a French number is five pairs)
    r"\+?\d{2,8}(?:[ -](?:\d[ -])?\d{2,6}){0,4})(?!\d)(?![.,]\d)(?!/\d)"  # ("… 0123 24/7": the hours are no group)
)
_AFTER_CUE = r"\s*(?:に電話|へ電話|に連絡|番に|急救|热线|hotline|helpline|lifeline|crisis\s+line)"
_UNIT = re.compile(
    r"\s*(?:%|percent|per\s*cent|words?|sentences?|characters?|chars?|bullets?|items?|lines?|paragraphs?|tokens?|"
    r"examples?|points?|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|times?|x\b|[€$£¥]|"
    r"dollars?|euros?|usd|eur|mb|kb|gb|ms|mots?|phrases?|palabras?|frases?|wörter|w[öo]rtern|sätze?n?|zeichen|"
    r"palavras?|caracteres?|jahre?n?|años|ans|anos|fois|veces|mal|minuten|tage|jours|días|dias|字|词|語|文字|分|秒|"
    r"horas?|heures?|uhr|stunden?|ore\b|uur|時間|小时|小時|日|天|年|歳|岁|个|個|条|件|円|元|th\b|st\b|nd\b|rd\b|am\b|pm\b|h\b|\s*[:h]\d)",
    re.IGNORECASE,
)
_BEFORE = re.compile(
    rf"(?:\b|(?<=[^\x00-\x7f])|(?<=\d)(?=[^\x00-\x7f]))(?:{_CALL_CUE})(?![A-Za-z]){_GAP}(?:\(\s*)??{_NUMBER}",
    re.IGNORECASE,
)
_AFTER = re.compile(rf"{_NUMBER}(?={_AFTER_CUE})", re.IGNORECASE)
_WEAK_CUES = re.compile(
    r"(?:give|share|donne[rz]?|unter|pelo|pela|reach|contact\w*|打|dar|dale|dales|darle|darles|p[áa]sales?)$",
    re.IGNORECASE,
)


class DialNumber(NamedTuple):
    """A number the brief tells the user to call, and where it is."""

    value: str
    start: int
    end: int


def find_dial_numbers(text: str) -> list[DialNumber]:
    """Every number a clause tells the reader to call or text, short service numbers included."""
    found: list[DialNumber] = []
    for match in _BEFORE.finditer(text):
        number = match.group("number").strip()
        if _not_a_phone(text, match, number):
            continue
        found.append(DialNumber(number, match.start("number"), match.start("number") + len(number)))
    for match in _AFTER.finditer(text):
        number = match.group("number").strip()
        if _NAMED_LINE.match(text, match.end("number")) or _ROUND_THE_CLOCK.match(text, match.end("number")):
            continue
        if not any(f.start == match.start("number") for f in found):
            found.append(DialNumber(number, match.start("number"), match.start("number") + len(number)))
    return sorted(found, key=lambda f: f.start)


def _not_a_phone(text: str, match: re.Match[str], number: str) -> bool:
    """A year, a count, a bound, or a short number after a weak cue."""
    if re.fullmatch(r"(?:19|20)\d\d", number) or _ROUND_THE_CLOCK.match(text, match.end("number")):
        return True  # a year; "our 24/7 line": when the line answers, not its number
    if _NAMED_LINE.match(text, match.end("number")):
        return (
            True  # "希望24热线 400-161-9995", "the 24/7 Hope Line 0800 …": part of the line's name, its number follows
        )
    return _counted(text, match.end("number")) or _weak(match, number) or _compared(text, match.start("number"))


_ROUND_THE_CLOCK = re.compile(r"\s*(?:/\s*(?:7|365)\b|x\s*7\b)", re.IGNORECASE)
_NAMED_LINE = re.compile(
    r"\s*(?:热线|熱線|ホットライン|hotline|helpline|lifeline|line)\W{0,3}\s*[^\d\n]{0,12}?\+?\d{3}", re.I
)


def _counted(text: str, end: int) -> bool:
    """Whether a unit follows the number ("15 minutes", "120 words"): it counts something."""
    return _UNIT.match(text, end) is not None


_COMPARISON = re.compile(
    r"(?:out\s+of|from|between|and|up\s+to|at\s+(?:most|least)|max(?:imum)?\.?|min(?:imum)?\.?|under|over|than|"
    r"about|around|within|top|first|last|score|rate|rating|level|grade|step|version|v|page|room|order|ticket|"
    r"de|à|a|bis|von|"
    # Standards are numbered too: "ISO 8601", "RFC 3339", "DIN 5008", "UTF-8".
    r"iso|rfc|din|en|ieee|utf-?|pep|ecma|ansi|cve-?|iec|ietf|nist|sp)\s*\(?\s*$",
    re.IGNORECASE,
)


def _compared(text: str, start: int) -> bool:
    """Whether the number is a bound, score or id ("out of 100", "between 10 and 20", "order 4512")."""
    return _COMPARISON.search(text[max(0, start - 16) : start]) is not None


def _weak(match: re.Match[str], number: str) -> bool:
    """A weak cue ("give", "unter", "pelo") needs a number that looks dialled: 3+ digits, not a year."""
    cue = match.group(0)[: match.start("number") - match.start()].strip().split()
    if not cue or not _WEAK_CUES.search(cue[0]):
        return False
    text = match.string
    if text[match.start() - 1 : match.start()] == "-" or _RANGE_GAP.search(" ".join(cue[1:])):
        return True  # "a bike-share with 140 docking stations", 'give a range of guests ("120-150")'
    if _COUNTED_NOUN.match(text, match.end("number")):
        return True  # "share … 140 docking stations": a count of things
    return len(re.sub(r"\D", "", number)) < 3


_RANGE_GAP = re.compile(r"\b(?:range|between|estimate|count|number\s+of|total)\b", re.IGNORECASE)
# ("140 docking stations"; not "116 123 to students", "3114 aux personnes", "111 on weekends", "4400 after hours")
_COUNTED_NOUN = re.compile(
    r"\s+(?!(?:to|for|on|at|in|if|and|or|after|before|during|the|a|an|when|with|from|aux|au|para|pour|per|de|del|des|"
    r"en|al|à|zu|für|bei|am|im|na|no|op|voor|van|di|da|per)\b)[a-z-]+(?:\s+[a-z]+)?s\b(?!\s+(?:line|number))"
)


# "Si la personne est en danger immédiat : le 17 ou le 112 d'abord", "In an emergency: 999 or 112": emergency
# numbers right after a case's colon are what to call in that case, with no verb
_ARTICLE = r"(?:(?:le|el|la|the|il|lo|o|de|het|den|die|das)\s+)?"
_AFTER_COLON = re.compile(
    rf"[:：]\s*{_ARTICLE}(?P<first>\d{{2,5}})(?:\s*(?:,|/|or|ou|o|oder|of|oppure|e|y|und|en|et|and)\s*{_ARTICLE}"
    r"(?P<second>\d{2,5}))?(?!\d)"
    # (then nothing but the order to call first: "999 first.", not "100 people", "15 or more")
    r"(?=\s*(?:[.,;!)]|$|first\b|d['’]abord|zuerst|sofort|primero|eerst|meteen|prima\b|primeiro|now\b|"
    r"immediately|immédiatement|inmediatamente|subito|avant\b|before\b|vor\b|antes\b))",
    re.IGNORECASE,
)


def emergency_after_colon(text: str) -> list[DialNumber]:
    """Emergency numbers a colon introduces ("…: le 17 ou le 112 d'abord"), for a clause that opens with its case."""
    found: list[DialNumber] = []
    for match in _AFTER_COLON.finditer(text):
        for group in ("first", "second"):
            number = match.group(group)
            if number is None or number not in EMERGENCY_SERVICES or _counted(text, match.end(group)):
                break  # ("Note: 15 minutes or 30": a count; a number that is no service ends the list)
            found.append(DialNumber(number, match.start(group), match.end(group)))
    return found
