"""Numbers with units that are no limit on the reply: what a price covers, caps on the business's own quantities,
code patterns, counts someone owns, paces and positions (sizes of what arrives: `input_sizes`).
"""

from __future__ import annotations

import re

from app.engine.constraints import parts
from app.engine.constraints.limit_numbers import (
    Bound,
    FoundLimit,
    cue_before,
    singular_of,
)
from app.engine.constraints.limit_outside import outside_scope
from app.engine.constraints.model import LimitUnit
from app.engine.constraints.number_words import NUMBER, parse_number
from app.engine.fastre import Twins, is_plain, prefiltered

_QUOTED_LINE = re.compile(r"\s*(?:(?:that\s+)?(?:says|reading|starting\s+with|with|con|mit|avec|com)\s+)?[\"“«„'‘`]")
_ADDS_A_LINE = re.compile(
    r"\b(?:write|add|put|include|append|scrivi|aggiungi|metti|escribe|añade|pon|écris|ajoute|mets|schreib\w*|füg\w*|"
    r"escreva|adicione|coloque|schrijf|voeg)\b[^.\n]{0,30}$",
    re.IGNORECASE,
)
_CJK_ORDER_TOPIC = re.compile(
    r"(?:申込み|申し込み|申込|注文|予約|订单|訂單|预约|預約|预订|預訂)(?:は|では|につき|每次|一次)"
)
_CJK_ADDED = re.compile(r"(?:加|添加|附上|附|写上|加上|补充|追加|添え|付け加え|付け)\s*$")
_CJK_RETURNS = re.compile(r"(?:返回|返す|返します|戻す|返却|返还)\s*(?:最多|最大|至多)?\s*$")
# "1行40文字以内": "1行" says per line, not a reply of one line
_CJK_PER_LINE_AHEAD = re.compile(
    r"\s*(?:あたり|につき)?\s*(?:最大|最多|至多|不超过)?\s*[0-9０-９一二三四五六七八九十百]+\s*(?:文字|字)"
)
# "1文は20語未満", "一文につき30字以内": the length of each sentence follows, not a one-sentence reply (the particle
# is what says "each": "写一句不超过20个字的理由" is one sentence of at most 20 characters)
_CJK_PER_SENTENCE_AHEAD = re.compile(
    r"\s*(?:は|も|あたり|につき|ごと|ごとに)\s*[、，,：:]?\s*(?:最大|最多|至多|不超过|不超過|最长|最長)?\s*"
    r"[0-9０-９一二三四五六七八九十百]+\s*(?:単語|語|文字|字|词|詞|个字|個字|ワード)"
)
_STRENGTH_POINTS = re.compile(
    r"\s+(?:forts?|faibles?|positifs?|n[ée]gatifs?|d'am[ée]lioration|[àa]\s+am[ée]liorer|fuertes|d[ée]biles|positivos|"
    r"negativos|de\s+mejora|fortes|fracos|de\s+melhoria|di\s+forza|deboli|forti|sterke|zwakke|starke|schwache)\b",
    re.IGNORECASE,
)


_IDENTIFIER_SIZE = re.compile(
    r"\b(?:vins?|ibans?|skus?|zips?|pins?|ids?|codes?|post\s?codes?|zip\s+codes?|numbers?|references?|refs?|keys?|"
    r"tokens?|serials?|plates?|isbns?|ean|upc)\s+(?:is|are|has|have)\s+(?:always\s+|exactly\s+)?$",
    re.IGNORECASE,
)
# "4 letters then 7 digits", "two letters followed by six numbers", "3 letras y 4 dígitos": a count of letters beside
# a count of digits spells how a code is written (a field's format), never a length of the reply or the field. A
# count of "characters" is a code's part only in a sequence ("2 characters then 6 digits"): "15 characters max, 2
# numbers at most" and "8 characters, 2 digits at the end" are a handle's length, then how many digits it holds.
_DIGIT_PART = r"(?:digits?|numbers?|numerals?|d[íi]gitos?|n[úu]meros?|ziffern?|zahlen|chiffres?|cifre|cijfers?)"
_LETTER_PART = r"(?:letters?|letras?|buchstaben|lettres?|lettere)"
_CODE_JOIN = (
    r"\s*(?:,|\+|&|/)?\s*(?:(?:and|then|and\s+then|followed\s+by|plus|y|luego|seguid[oa]s\s+de|e|depois|"
    r"und|dann|gefolgt\s+von|et|puis|suivi(?:e)?s\s+de|poi|seguit[ie]\s+da|en|dan|gevolgd\s+door)\s+)?"
)
_SEQUENCE_JOIN = (
    r"\s*,?\s*(?:then|and\s+then|followed\s+by|luego|seguid[oa]s\s+de|depois|dann|gefolgt\s+von|puis|"
    r"suivi(?:e)?s\s+de|poi|seguit[ie]\s+da|dan|gevolgd\s+door)\s+"
)
_LETTER_LIMIT = re.compile(rf"\b{_LETTER_PART}\b", re.IGNORECASE)
_CODE_PART_AFTER = re.compile(rf"{_CODE_JOIN}(?:{NUMBER})\s*{_DIGIT_PART}\b", re.IGNORECASE)
_CODE_PART_BEFORE = re.compile(rf"(?:{NUMBER})\s*{_DIGIT_PART}{_CODE_JOIN}$", re.IGNORECASE)
_SEQUENCE_AFTER = re.compile(rf"{_SEQUENCE_JOIN}(?:{NUMBER})\s*{_DIGIT_PART}\b", re.IGNORECASE)
_SEQUENCE_BEFORE = re.compile(rf"(?:{NUMBER})\s*{_DIGIT_PART}{_SEQUENCE_JOIN}$", re.IGNORECASE)


def _code_pattern(text: str, start: int, end: int) -> bool:
    """Whether a count of letters (or characters, in a sequence) is one part of a code's pattern beside a count of
    digits ("4 letters then 7 digits"); two lengths side by side ("30 characters, 90 characters") are no code."""
    before = text[max(0, start - 40) : start]
    if _LETTER_LIMIT.search(text, start, end):
        return bool(_CODE_PART_AFTER.match(text, end) or _CODE_PART_BEFORE.search(before))
    return bool(_SEQUENCE_AFTER.match(text, end) or _SEQUENCE_BEFORE.search(before))


def part_of_token(text: str, position: int) -> bool:
    """A number inside "24/7", "v2.3" or "1-888-555" is part of a name or a code, never a count."""
    return position > 0 and text[position - 1] in "/.-" and position > 1 and text[position - 2].isalnum()


# "max 10 comments per PR", "at most 3 alternative flights", "stop after 8 searches", "höchstens 4 Schritte".
_CAP = re.compile(
    rf"\b(?:at\s+most|max(?:imum)?\.?|up\s+to|no\s+more\s+than|not\s+more\s+than|never\s+more\s+than|"
    rf"stop\s+after|limit\s+(?:yourself|it|them)\s+to|a\s+maximum\s+of|höchstens|maximal|como\s+máximo|máximo|"
    rf"au\s+plus|no\s+máximo|no\s+más\s+de)\s+(?P<n1>{NUMBER})\s+"
    r"(?P<noun>(?!(?:minutes?|hours?|days?|weeks?|months?|years?|seconds?|dollars?|euros?|cents?|pence|pounds?|"
    r"percent|times|km|miles|kg|"
    r"people|persons?|users?|customers?|minuten|stunden|tage|jahre|minutos|horas|días|jours|heures)\b)"
    r"[^\W\d_][\w-]*(?:\s+(?!(?:and|or|to|in|with|per|pro|par|por)\b)[^\W\d_][\w-]*)?"
    r"(?:\s+(?:per|pro|par|por)\s+[^\W\d_][\w-]*)?)",
    re.IGNORECASE,
)
_CAP = prefiltered(_CAP)  # the same matches, found sooner (see app.engine.fastre)


_FOREIGN_CAP = re.compile(r"\b(?:máximo|höchstens|maximal|au\s+plus|no\s+más\s+de|massimo|maximaal)\b", re.IGNORECASE)
_FOREIGN_CAP = prefiltered(_FOREIGN_CAP)  # the same matches, found sooner (see app.engine.fastre)
_CAP_TWINS, _FOREIGN_CAP_TWINS = Twins(_CAP), Twins(_FOREIGN_CAP)  # ASCII mode for a plain text: sooner still
# "pro", "par", "por" between the counted things and the part they are counted per, as in "5 comments pro PR"
_PER_WORD = re.compile(r"\s+(?:pro|par|por)\s+", re.IGNORECASE)
_CAP_KEYS = (
    "most", "max", "up to", "more than", "stop after", "limit", "höchstens", "maximal", "máximo", "au plus", "más de",
)  # fmt: skip


# "£25 for up to 3 items", "free for up to 2 kids", "€10 per 5 kg", "9 $ a month for up to 5 users": a count after a
# price or "free" says what the offer covers; it does not limit the reply.
_OFFER_BEFORE = re.compile(
    r"(?:[£$€¥]\s?\d[\d.,]*|\d[\d.,]*\s?(?:[£$€¥]|eur(?:os?)?\b|dollars?\b|pounds?\b|usd\b|gbp\b|chf\b|pesos?\b|"
    r"reais\b|francs?\b)|\b(?:free|gratis|gratuit[oae]?s?|kostenlos|umsonst|gratuitement|gratuitamente))"
    r"(?:\s+(?:a|an|per|each|por|pro|par|al|à)\s+\w+|\s+each|\s+cada\s+\w+)?[\s,]*"
    r"(?:for|per|für|pour|por|para|voor|a|à)\s+(?:(?:up\s+to|at\s+most|max(?:imum)?\.?|bis\s+zu|jusqu['’]à|hasta|"
    r"até|fino\s+a|tot|maximal|au\s+plus)\s+)?$",
    re.IGNORECASE,
)


def offer_count(text: str, position: int) -> bool:
    """Whether the count at `position` follows a price or "free" ("£25 for up to 3 items")."""
    return _OFFER_BEFORE.search(text[max(0, position - 60) : position]) is not None


_PER_REPLY = re.compile(
    r"\b(?:per|in\s+(?:each|every|one|a|your))\s+(?:reply|answer|message|response|turn|"
    r"(?:email|post)\b(?!\s+(?:address|account|confirmation|id)\b))\b",
    re.IGNORECASE,
)
# Quantities of the business a cap can bound (a stay, a boat, a group, a loan); never the reply's parts.
_BUSINESS_QUANTITIES = frozenset(
    """nights night days day hours hour weeks week months month years year minutes minute m cm mm km kg g lb lbs ft
    feet metres meters metre meter miles mile people persons guests adults children kids pupils participants
    passengers seats rooms tickets bookings reservations instalments installments percent euros eur dollars usd pounds
    gbp litres liters boats cars vehicles bikes attendees pets animals dogs cats appointments nächte tage stunden
    personen noches días horas personas nuits
    jours heures personnes noites dias horas pessoas notti giorni ore persone nachten dagen uur personen
    passeggeri passagiere fahrgäste pasajeros passagers passageiros passagiers ospiti gäste huéspedes invités
    hóspedes gasten times mal x veces vez fois vezes volte volta keer""".split()  # noqa: SIM905
)
# (the last row: how often an action may happen, "max. 2 mal pro Sendung", "2 veces por pedido": never the reply)


def capped_counts(text: str, found: list[FoundLimit]) -> list[FoundLimit]:
    """Caps on counted things that no unit limit already covers."""
    lowered = text.lower()
    if not any(key in lowered for key in _CAP_KEYS):
        return []
    plain = is_plain(text)
    if _FOREIGN_CAP_TWINS.get(plain).search(text):
        return []  # "Máximo 2 reservas por socio y semana": a business rule in the brief's words, carried whole
    capped: list[FoundLimit] = []
    for match in _CAP_TWINS.get(plain).finditer(text):
        n1 = parse_number(match.group("n1"))
        if n1 is None or n1 <= 0 or any(f.start <= match.start("n1") < f.end for f in found):
            continue
        if offer_count(text, match.start("n1")):
            continue
        noun = _PER_WORD.sub(" per ", match.group("noun").strip())  # "5 comments pro PR": per PR
        per_reply = _PER_REPLY.search(text, match.start("noun"), min(len(text), match.end() + 30))
        if noun.split()[0].lower().strip(".,;:") in _BUSINESS_QUANTITIES and not per_reply:
            continue  # "visitor berths max 7 nights per booking", "up to 15 m": a rule of the business, not the reply
        thing = _COUNTED_BEFORE.match(text[: match.start()]) if noun.lower().startswith("per ") else None
        if thing is not None:
            # "Emojis are fine, at most one per message", "hashtags: at most three per post": the clause's own
            # plural noun is what is counted
            counted = thing.group("thing").lower()
            noun = f"{singular_of(counted) if n1 == 1 else counted} {noun}"
        capped.append(FoundLimit("items", None, n1, None, match.start(), match.end(), noun, noun, capped=True))
    return capped


_ITEM_GIVEN = re.compile(
    r"\s+or\s+(?:a\s+|one\s+)?(?:short\s+|simple\s+)?(?:word|sentence|phrase|letter|sound|number)s?\b[^.;\n]{0,20}?"
    r"\bat\s+a\s+time\b",
    re.IGNORECASE,
)
_PACE = re.compile(
    r"\s+(?:at\s+a\s+time|a\s+la\s+vez|auf\s+einmal|"
    r"à\s+la\s+fois|de\s+cada\s+vez|por\s+vez)\b",
    re.IGNORECASE,
)
# "they run 6 lines", "we have 3 branches": what someone owns or runs, counted by a verb right before the number
_HELD_COUNT = re.compile(
    # (not "you have 280 characters", "it has 2 lines at most": the room the reply has)
    r"\b(?:they|we|he|she|who)(?:'ve|\s+(?:still\s+|also\s+|now\s+|already\s+)?"
    r"(?:run|runs|have|has|had|own|owns|operate|operates|manage|manages|employ|employs|use|uses|got))\s+"
    r"(?:\d+\s+[a-z]+\s*(?:,|and|&)\s*)*(?:about\s+|around\s+|over\s+|only\s+|just\s+)?$",
    re.IGNORECASE,
)


_SESSION_POINT = re.compile(
    r"\b(?:after|once|when|every|nach|después\s+de|tras|après|depois\s+de|apos|após)\s+(?:the\s+)?$", re.I
)


# A Romance-language noun followed by its adjective ("un mot difficile", "palabras técnicas", "parole nuove")
# counts qualified words; a reply length is followed by a preposition, "maximum" or the end of the clause.
_ROMANCE_WORD_NOUNS = frozenset({"mot", "palabra", "palavra", "parola", "parole"})
_QUALIFIED = re.compile(
    r"\s+(?!(?:par|pour|por|para|per|pro|au|aux|en|de|des|du|da|do|di|del|dans|max|maximum|máximo|maximo|massimo|"
    r"minimum|mínimo|minimo|au\s+plus|ou|o|et|e|y|ed|chacun\w*|cada|ogni|ni|no|non|ne|pas|por)\b)[^\W\d_]{3,}",
    re.IGNORECASE,
)


_COUNTED_BEFORE = re.compile(
    r"\s*(?:[-*•]\s*)?(?P<thing>[A-Za-z][\w-]*s)\b(?:\s+(?:are|is)\s+(?:fine|ok|okay|allowed|welcome|good)\s*,?|\s*:)\s*"
    r"(?:but\s+|just\s+|only\s+)?$",
    re.IGNORECASE,
)
_LINE_AFTER_PART = re.compile(
    r"\b(?:after|below|beneath|under)\s+(?:the|those|these|your|all)\s+[\w-]+\s*,?\s*(?:add\s+|write\s+|put\s+)?$|"
    r"\b(?:underneath|below|after)\s+(?:them|those|these|it)\s*,?\s*$|\bat\s+the\s+(?:end|bottom)\s*,?\s*$|"
    r"\b(?:close|end|finish)\s+with\s*$|"
    # ("6 bullets, then one line: …", not "Read the diff, then one line: APPROVE …": the whole reply)
    r"\b(?:bullets?|points?|paragraphs?|list|table|summary|sections?)\b[^.\n]{0,30}\b(?:then|followed\s+by|plus)\s+"
    r"(?:add\s+|write\s+)?$",
    re.IGNORECASE,
)
_ONE_LINE = re.compile(r"(?:one|1|a\s+single|a)\s+(?:final\s+|closing\s+|last\s+|extra\s+)?line\b", re.IGNORECASE)


def not_a_count(text: str, position: int) -> bool:
    """Whether the number at `position` is an amount, a code or what a price covers, never a count of the reply's
    parts (checked before the number's words are taken)."""
    if part_of_token(text, position) or (position > 0 and text[position - 1] in "£$€¥"):
        return True  # "grants of up to £5,000": an amount of money, not a length
    if offer_count(text, position):
        return True  # "£25 for up to 3 items": what a price covers, not a length
    if _NAMED_LINE.match(text, position) and re.search(
        r"\b(?:the|a|our|their|your)\s+$", text[max(0, position - 8) : position], re.I
    ):
        return True  # "Then give the 999 line", "the 111 line": a phone line named by its number, no count of lines
    # "A VIN is 17 characters": what a valid identifier looks like, not a length of the reply
    return _IDENTIFIER_SIZE.search(text, max(0, position - 40), position) is not None


_NAMED_LINE = re.compile(r"\d{3,}\s+line\b(?!s)", re.IGNORECASE)


# Verbs whose "over" is a preposition, not "more than" ("stumble over", "trip over", "agonise over").
_OVER_VERB = re.compile(
    r"\b(?:stumbl|trip|fall|fell|pore|poring|agoni|puzzl|struggl|linger|hover|obsess|dwell|hesitat|paus)\w*"
    r"\s+over\s+$",
    re.IGNORECASE,
)


def not_a_length(text: str, position: int, match: re.Match[str], unit: LimitUnit, noun: str) -> bool:
    """Whether a number with its unit counts something other than the reply's length: a pace, what someone owns, a
    point in a session, a position, a line to add, a code's pattern, strengths, hard words."""
    end = match.end()
    if _PACE.match(text, end) or _ITEM_GIVEN.match(text, end):
        # "ask one question at a time" paces a conversation; "gives them one word or short sentence at a time
        # to read" is the item of practice it hands over: neither counts the reply's words
        return True
    if _OVER_VERB.search(text, max(0, position - 30), position):
        return True  # "readers who stumble over one word", "pore over one page": a place, not a size
    if _HELD_COUNT.search(text, max(0, position - 40), position):
        return True  # "they run 6 lines, their old printers are dying": a fact about the customer, no length
    if _SESSION_POINT.search(text, max(0, position - 12), position) and cue_before(text, position)[0] is None:
        return True  # "After 10 words, celebrate and stop": a point in the session, not a length of the reply
    if parts.ordinal_before(text, position):
        return True  # "in the first two sentences, state the problem": a position in the reply, not its length
    if _LINE_AFTER_PART.search(text, max(0, position - 40), position) and _ONE_LINE.match(text, position):
        return True  # "After the bullets, one line: "Votes: " …": one more line after a part, said by its sentence
    if unit == "characters" and _code_pattern(text, position, end):
        return True  # "container_no must be 4 letters then 7 digits": the code's pattern, not a length
    if (
        unit == "lines"
        and parse_number(match.group("n1")) == 1
        and _QUOTED_LINE.match(text, end)
        and _ADDS_A_LINE.search(text, max(0, position - 40), position)
    ):
        return True  # 'scrivi in fondo una riga "DA VERIFICARE:"': a line to add, with its words, not a length
    if unit == "bullets" and _STRENGTH_POINTS.match(text, end):
        return True  # "2 points forts et 2 conseils": a count of strengths, not the reply's bullets
    # "explique au plus un mot difficile par réponse": a count of hard words, not a length
    # ("80 mots maximum hors tableau", "70 palabras fuera de la tabla": the text around a part, still a length)
    qualified = _QUALIFIED.match(text, end) and outside_scope(text, position, end) is None
    return bool(qualified and noun.lower().rstrip("s") in _ROMANCE_WORD_NOUNS)


def cjk_not_a_length(
    text: str, match: re.Match[str], unit: LimitUnit, kind: Bound | None, n1: int, n2: int | None
) -> bool:
    """Whether a CJK count is no length of the reply: an order's content, an added sentence, what a tool returns,
    a per-line length, or a bare count of characters or items."""
    start, end = match.start(), match.end()
    if _CJK_ORDER_TOPIC.search(text, max(0, start - 12), start):
        return True  # "1回の申込みは10点まで": what one order may hold, a rule of the business, no reply length
    if kind is None and unit in ("characters", "words") and not re.search(r"[内下]", text[end : end + 3]):
        return True
    if kind is None and unit in ("bullets", "items"):
        return True
    if kind is None and _CJK_ADDED.search(text, max(0, start - 4), start):
        return True  # "每条回答最后都要加一句：投资有风险…": a sentence to add, not the reply's sentence count
    if _CJK_RETURNS.search(text[max(0, start - 8) : start]):
        return True  # "run_sql(sql) 执行查询，最多返回 500 行": what a tool returns, not the reply's length
    if unit == "sentences" and n1 == 1 and n2 is None and kind is None and _CJK_PER_SENTENCE_AHEAD.match(text, end):
        return True  # "1文は20語未満": each sentence's length, not a one-sentence reply
    # "1行40文字以内": the length of each line, not a one-line reply
    return unit == "lines" and n1 == 1 and n2 is None and _CJK_PER_LINE_AHEAD.match(text, end) is not None
