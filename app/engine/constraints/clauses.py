"""Split brief text into clauses with their offsets, parse number words, and find the scope of negation."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from app.engine.constraints.abbreviations import is_abbreviation
from app.engine.constraints.back_openers import OPEN_LINE_END, POINTS_BACK, THEN_STEP
from app.engine.constraints.fixed_text import FIXED_OPENERS, case_route, to_assistant, to_customer
from app.engine.constraints.inline_items import cut_spans, item_cuts
from app.engine.constraints.inline_markers import inline_marker, is_ordinal
from app.engine.constraints.listed_cases import exact_line_spans
from app.engine.constraints.order_leads import ONLY_THEN_NEXT
from app.engine.constraints.quotes import closer_next, closes_in, open_closer
from app.engine.line_ends import arrow_case_goes_on
from app.engine.phrasing import REPLY_COLON, VERBS


class Clause(NamedTuple):
    """One clause of a brief field: its text and where it starts in that field."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


# Sentence ends (not inside "e.g.", "3.5", "help@acme.com."), semicolons, line breaks, and CJK full stops.
_MARK = re.compile(r"[.!?;\n。！？；]")


_INSTEAD_NEXT = re.compile(r"[^.;!?\n]{3,140}?\binstead\b\s*(?:[.!?]|$)", re.IGNORECASE)


_PRONOUN_NEXT = re.compile(
    r"\s*(?:and\s+|but\s+)?(?:never|don'?t|do\s+not|no\s+need\s+to)\b[^.;!?\n]{0,60}?\b(?:them|it|this|that|those|these)"
    r"\s*(?:[.!?]|$)",
    re.IGNORECASE,
)


_BULLET = re.compile(r"^\s*(?:(?:[-*•·+]|\d{1,2}[.)]|[a-z][.)])\s+|・\s*)")


# (German closes „…“ and »…«: those marks close only right after the mark, as 'Be kind. “Hi”' opens a quote)
_CLOSER = re.compile(r"\s?[»”\"')\]]+|[“«』›]")


# 'Don't say "Great job!" or "Awesome!" after every reply', '„Das geht nicht.“ und sei nett': the rule goes on
_QUOTE_GOES_ON = re.compile(
    r"\s+(?:or|and|after|before|when|as|in|at|to|if|unless|but|then|not|und|oder|y|o|et|ou|e|en|of)\b"
)


# 「…」と返す, 「…」って言う, “…”回答: a particle or verb right after a quotation carries the sentence on
_CJK_QUOTE_GOES_ON = re.compile(r"[^\s。！？、，,.!?]")


def split_clauses(text: str) -> list[Clause]:
    """Split a free-text field into clauses (sentences, semicolon parts, bullet lines), bullet markers removed."""
    clauses: list[Clause] = []
    position = 0
    length = len(text)
    # A fenced code block ("```ts … ```") is code: one clause per line, never cut at its ";" or "."
    fences = [(m.start(), m.end()) for m in _FENCED.finditer(text)] if "```" in text else []
    for match in _MARK.finditer(text):
        index = match.start()
        if index < position:
            continue
        mark = text[index]
        if fences and mark != "\n" and any(start <= index < end for start, end in fences):
            continue
        if mark in ".!?" and index > 0 and text[index - 1] in "([" and text[index + 1 : index + 2] in ")]":
            continue  # "flag it with (?) at the end": a mark in brackets is a symbol, not a sentence end
        if mark == "." and between_slots(text, index):
            continue  # "L<line> <SEVERITY>: <problem>. Fix: <one-line fix>": one line template, not two sentences
        if (
            mark in "。！？"
            and text[index + 1 : index + 2] in ("」", "』", "”")
            and _CJK_QUOTE_GOES_ON.match(text, index + 2)
        ):
            continue  # 「…お電話ください。」と返す: the quote's own full stop; the sentence goes on after it
        if mark in ".!?。！？" and inside_quote(text, position, index):
            continue  # 'reply with exactly: "I'm really glad you told me. Please call 988 now."': one clause
        if mark in ".!?" and arrow_case_goes_on(text, index):
            continue  # "si respira mal -> nada de citas. Decir que vengan YA …": the case's action goes on
        if mark in ".!?" and in_exact_line(text, index):
            continue  # "última linha sempre exatamente: Aprecie com moderação. Venda proibida …": one fixed line
        if (
            mark == "."
            and text[index + 1 : index + 2] == ")"
            and is_abbreviation(text, index)
            and re.match(r"\)\s*[a-zà-ÿ]", text[index + 1 : index + 4])
        ):
            continue  # "(tattoos, travel, medications etc.) have to be quoted": the aside's abbreviation ends nothing
        if mark in ".!?":
            # A closing quote after the mark belongs to the sentence: 'say « Je vais vérifier. »'.
            # Matched in place: a slice of the rest of the text per mark would make long prompts quadratic.
            closer = _CLOSER.match(text, index + 1)
            if closer:
                index = closer.end() - 1
                if _QUOTE_GOES_ON.match(text, index + 1):
                    continue  # 'Don't say "Great job!" or "Awesome!" after every reply': the quote ends, not the rule
            # A sentence ends at a mark followed by white space ("3.5", "acme.com" and "e.g." do not end one).
            if index + 1 < length and not text[index + 1].isspace():
                continue
            # "see sec. 4.2": a number right after a full stop continues the sentence.
            following = text[index + 1 : index + 3].strip()
            if mark == "." and following[:1].isdigit() and is_abbreviation(text, index):
                continue
            if mark == "." and is_abbreviation(text, index) and not _limit_word_ends(text, index):
                continue
            # "Spec: 1. Header row … 2. Dates as …": an inline numbered list; each item is a clause of its own.
            marker = inline_marker(text, index) if mark == "." else None
            if marker is not None:
                _append(clauses, text, position, marker)
                position = index + 1
                continue
            # "der 5. und 6. Klasse", "am 3. März": a German ordinal, not a sentence end.
            if mark == "." and index > 0 and text[index - 1].isdigit() and is_ordinal(text, index):
                continue
        # (the line's last words only: searched from the clause's start, lines ending on "the" would be quadratic)
        if (
            mark == "\n"
            and text[index + 1 : index + 2].strip()
            and OPEN_LINE_END.search(text, max(position, index - 40), index)
        ):
            continue  # "each on one line as\n[TAG] File.swift:line - problem - fix": the shape finishes the sentence
        if mark == ";" and 0 < index < length - 1 and text[index - 1].isalnum() and text[index + 1].isalnum():
            continue  # "a TL;DR line": a semicolon inside a word joins it, it ends no clause
        # "never reset a Director's password; open a P1 ticket instead": the alternative stays with its rule.
        if mark == ";" and ONLY_THEN_NEXT.match(text, index + 1):
            continue  # "confirm their date of birth; only then call get_debt": the step waits for the one before
        if mark == ";" and (_INSTEAD_NEXT.match(text, index + 1) or _PRONOUN_NEXT.match(text, index + 1)):
            continue  # "set them to null; never estimate them": the second part points back into the first
        if (
            mark == ";"
            and _CONDITION_OPEN.match(text, position)
            and _THEN_ACTION.match(text[index + 1 :].lstrip())
            and text[index + 1 :].lstrip()[:2].lower() not in ("no", "ne")  # "; no refunds": a rule of its own
        ):
            continue  # "If it's more than 7 days early, don't submit; tell them the earliest date": one case
        if mark in ".!?。！？" and points_back_next(text, index):
            continue  # "…, or tell someone to move up a stage. Only the physio does that …": one rule
        # Sentence marks stay with their sentence; line breaks and semicolons are dropped.
        _append(clauses, text, position, index + 1 if mark in ".!?。！？" else index)
        position = index + 1
    _append(clauses, text, position, len(text))
    cuts = item_cuts(text)
    if cuts:  # "Rules: 1) never give prices 2) always offer …": each item is a clause of its own, without its marker
        clauses = [Clause(text[s:e], s) for c in clauses for s, e in cut_spans(text, c.start, c.end, cuts)]
    return [piece for clause in clauses for part in _inline_list(clause) for piece in _conditional_tail(part)]


# "exactly:", "exatamente:", "genau:", "wörtlich:": the rest of the line is a fixed text, whole
EXACT_COLON = re.compile(
    r"\b(?:exactly|exactement|exactamente|exatamente|esattamente|genau|precies|exakt|wörtlich|verbatim|literally|"
    r"textualmente|letteralmente|letterlijk|(?<=reply\s)(?:with\s+)?only\s+this|(?<=say\s)only\s+this|"
    # "reply only with this:", "respond only with the following:"
    r"(?<=reply\s)only\s+with\s+(?:this|the\s+following)|(?<=respond\s)only\s+with\s+(?:this|the\s+following)|"
    # "reply with exactly this sentence:", "say word for word the following text:"
    r"(?:exactly|verbatim|word\s+for\s+word)\s+(?:this|these|the\s+following)\s+"
    r"(?:sentence|text|line|message|words|reply|answer)s?|"
    r"(?<=with\s)only\s+this)\s*[:：]\s*(?![\"“])\S|"  # (a quoted text ends at its quote)
    # "… and reply only: That sounds really important. Please tell …": a verb of replying before the colon
    rf"{REPLY_COLON}\S|{FIXED_OPENERS}",
    re.IGNORECASE,
)


# 'say exactly "Sorry, I can only help with bookings."': a quoted fixed text
_EXACT_QUOTED = re.compile(
    r"\b(?:exactly|exactement|exactamente|exatamente|esattamente|genau|precies|exakt|wörtlich|verbatim|literally|"
    r"only\s+this|with\s+this)\s*[:：]?\s*[\"“„«](?P<quoted>[^\"”“«»\n]{3,300})[\"”“»]",
    re.IGNORECASE,
)


def fixed_reply(line: str) -> str | None:
    """The fixed text a line says to reply with word for word ("… say exactly: The plan documents don't answer that,
    please email …"), or None."""
    quoted = _EXACT_QUOTED.search(line)
    if quoted is not None:
        return quoted.group("quoted").strip()
    opened = EXACT_COLON.search(line)
    if opened is None:
        return None
    start = opened.end() - 1
    line_end = line.find("\n", start)
    end = _fixed_end(line, start, line_end if line_end >= 0 else len(line), ending=False, bare=_bare(opened))
    # ("… the handbook. Then suggest they email …": the next rule is no part of it, its full stop is)
    text = line[start : end + 1 if end < len(line) and line[end] in ".!?" else end].strip()
    return text or None


# "reply with exactly this sentence:", "… this message:": one fixed sentence; what follows it is the brief's again
_ONE_SENTENCE = re.compile(r"\bthis\s+sentence\b", re.IGNORECASE)


# "exactly this message:", "these words:": the fixed text may run on, but a sentence that turns back to the assistant
# ("Otherwise help with …", "Be friendly and brief.") is the brief's again
_ONE_MESSAGE = re.compile(r"\b(?:this\s+(?:line|message|text|reply|answer)|these\s+words)\b", re.IGNORECASE)


_BRIEF_GOES_ON = re.compile(r"\s*(?:otherwise|be|cite|stay|keep|sinon|sonst|altrimenti|de\s+lo\s+contrario)\b", re.I)


# "Always end the description with: Dishwasher safe, but … glaze happy. Made in my garage studio …": one ending, up to
# a sentence that opens with an order ("Close each reply with: Warm regards, Anna. Mention the guest's name …")
ENDING_COLON = re.compile(
    r"\b(?:end|ends|close|closes|finish|finishes)\s+(?:(?:the|each|every|your|its|all)\s+)?(?:\w+\s+){0,2}"
    r"with\s*[:：]\s*(?![\"“])\S|"
    # "termine com: A Inês responde-lhe em 1 dia útil. Também pode …", "termina con:", "terminez par :", "beende mit:"
    r"\b(?:termine|termina|terminez|terminer|finalize|finaliza|finalizza|acabe|acaba|conclua|concluya|concludi|"
    r"concluda|chiudi|chiuda|beende|beenden\s+Sie|schlie(?:ß|ss)e|eindig|sluit\s+af|finis|finissez)\s+"
    r"(?:[\wÀ-ÿ]+\s+){0,3}?(?:com|con|par|avec|mit|met)\s*[:：]\s*(?![\"“«„])\S",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=64)
def _exact_lines(text: str) -> tuple[tuple[int, int], ...]:
    """[start, end) of each fixed text an "exactly:" opens, up to the end of its line or the sentence mark before a
    sentence that is the brief's again (found once per text: the splitters ask about every full stop of a long
    prompt)."""
    spans = []
    for pattern, ending in ((EXACT_COLON, False), (ENDING_COLON, True)):
        for match in pattern.finditer(text):
            start = match.end() - 1
            line_end = text.find("\n", match.end())
            bare = not ending and _bare(match)
            spans.append((start, _fixed_end(text, start, line_end if line_end >= 0 else len(text), ending, bare)))
    spans.extend(exact_line_spans(text))  # "reply exactly No findings. Ship it.": to its line's end
    return tuple(spans)


# Words that make a reply fixed beyond its first sentence ("reply only:", "say exactly:", "antworte nur mit:"); a bare
# "say:" / "antworte:" without them gives one sentence, and the brief goes on after it
_WHOLE_TEXT = re.compile(
    r"\b(?:only|just|simply|exactly|verbatim|literally|word\s+for\s+word|solo|sólo|solamente|únicamente|apenas|só|"
    r"somente|nur|ausschließlich|einfach|genau|wörtlich|exakt|uniquement|seulement|simplement|juste|exactement|"
    r"soltanto|semplicemente|esattamente|letteralmente|alleen|enkel|uitsluitend|gewoon|precies|letterlijk|"
    r"exactamente|exatamente|textualmente)\b",
    re.IGNORECASE,
)


# After a bare "say: Sorry, we can't promise dates." the message goes on only with a sentence that still speaks to the
# customer about reaching the business ("Please call the workshop on …", "Call us on …", "Rufen Sie uns an …"); one
# that speaks to the assistant ("Termine kannst du …", "Be polite", "For bulk orders …") is the brief's again
_MESSAGE_GOES_ON = re.compile(
    r"\s*(?:(?:please\s+)?(?:call|ring|phone|e-?mail|text|contact|visit|write\s+to|reach)\b|"
    r"(?:you\s+can|feel\s+free\s+to)\s+(?:also\s+)?(?:call|ring|phone|e-?mail|text|contact|visit|reach|write)\b|"
    r"get\s+in\s+touch\b|(?:bitte\s+)?(?:rufen|schreiben|wenden|kontaktieren|melden)\s+sie\b|sie\s+erreichen\s+uns\b|"
    r"(?:por\s+favor,?\s+)?(?:llame|llámenos|llámanos|escríbanos|escríbenos|contáctenos|contáctanos|contacte)\b|"
    r"puedes?\s+(?:llamar|escribir|contactar)|veuillez\s+(?:nous\s+)?(?:appeler|contacter|écrire)\b|"
    r"(?:appelez|contactez|écrivez)(?:-nous)?\b|vous\s+pouvez\s+(?:nous\s+)?(?:appeler|joindre|contacter|écrire)\b|"
    r"(?:chiamaci|chiami|contattaci|scrivici)\b|(?:bel|mail)\s+ons\b|neem\s+contact\b|"
    r"(?:ligue|ligue-nos|contacte-nos|entre\s+em\s+contato)\b)",
    re.IGNORECASE,
)


def _bare(opened: re.Match[str]) -> bool:
    """Whether a fixed reply opens with a bare verb of replying ("say:", "antworte:"), no "only" / "exactly"."""
    return _WHOLE_TEXT.search(opened.group(0)) is None


def _fixed_end(text: str, start: int, end: int, ending: bool, bare: bool = False) -> int:
    """Where a fixed text that opens at `start` ends on its line: at the first full stop after which the brief speaks
    again (a rule of its own, "Otherwise …"), or after its one sentence when the brief fixes "this sentence", or
    after a bare "say:" text's sentence unless the next one still speaks to the customer ("Please call …")."""
    one = _ONE_SENTENCE.search(text, max(0, start - 40), start + 1) is not None
    message = _ONE_MESSAGE.search(text, max(0, start - 40), start + 1) is not None
    for mark in re.finditer(r"[.!?](?=\s)", text[start:end]):
        index = start + mark.start()
        if not one and bare and case_route(text, index + 1):
            continue  # "… say: Please tell a grown-up. If someone is hurt, they can call 999.": still the message
        if (
            one
            or (bare and not (_MESSAGE_GOES_ON.match(text, index + 1) or to_customer(text, index + 1)))
            or _RULE_OPENING.match(text, index + 1)
            or to_assistant(text, index + 1)
            or (ending and _opens_with_order(text[index + 1 : end]))
            or (message and _BRIEF_GOES_ON.match(text, index + 1))
        ):
            return index  # "… the handbook. Never promise a refund.": that full stop ends the fixed text
    return end


# A sentence that opens with an order or a ban is a rule of its own after the fixed text ("Sign off exactly: Cheers,
# the Spokes team. Never promise a repair date."), not more of it
_RULE_OPENING = re.compile(
    r"\s*(?:never|don'?t|do\s+not|always|avoid|keep|use|reply|answer|then|only|make|add|nunca|no|siempre|evita|usa|"
    r"responde|nie|niemals|nicht|immer|keine?|jamais|toujours|ne|n['’]|évite|nunca|não|sempre|evite|mai|non|"
    r"evita|nooit|altijd|niet|geen|dann|luego|después|puis|ensuite|depois|poi)\b",
    re.IGNORECASE,
)


# A sentence that opens by pointing back to the one before it: what to do in that case ("In that case reply: …",
# "En ese caso responde: …", "Dan is de score altijd 0.") or who does what it names ("Only the coach does that.")
_BACK_OPENER = re.compile(
    r"\s*(?:in\s+(?:that|this|such\s+a|those|these|such)\s+cases?\b|if\s+so\b|(?:if|when)\s+that\s+happens\b|"
    r"for\s+(?:those|these|such)(?:\s+(?:cases|questions|requests))?\s*,?\s+(?:say|reply|answer|respond)\b|"
    r"only\s+(?:the\s+|a\s+|an\s+|your\s+|our\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:does|do|decides?|handles?|changes?|"
    r"approves?|(?:can|may)\s+(?:do|decide|change))\s+(?:that|this|those|these|it|so)\b|"
    r"en\s+(?:ese|este|tal|esos|estos|dicho)\s+casos?\b|si\s+es\s+así\b|"
    r"dans\s+(?:ce|ces|un\s+tel|de\s+tels)\s+cas\b|si\s+c['’]est\s+le\s+cas\b|le\s+cas\s+échéant\b|"
    r"in\s+(?:diesem|dem|solchen|diesen)\s+F[äa]ll(?:en|e)?\b|dann\s+(?:ist|sind|gilt|wird|werden|muss|bekommt)\b|"
    r"in\s+(?:dat|die|zo['’]n|zulke)\s+geval(?:len)?\b|dan\s+(?:is|zijn|geldt|wordt|worden|moet|krijgt)\b|"
    r"in\s+(?:quel|questo|tal|questi|quei|tali)\s+casi?\b|"
    r"n(?:esse|este|esses|estes)\s+casos?\b|em\s+tal\s+caso\b|se\s+for\s+o\s+caso\b)",
    re.IGNORECASE,
)


# A sentence that only goes on with the one before it: a bare tail ('… chiami subito il 112." prima di tutto il resto.')
# or what happens once the rule's own limit is past ("キャンセルは開始の3時間前まで。それ以降は handoff_to_front。",
# "After that, hand them to the front desk.")
_CONTINUATION = re.compile(
    # the tail "before everything else": no verb of its own, the whole sentence
    r"\s*(?:before\s+(?:anything|everything)\s+else|ahead\s+of\s+everything\s+else|first\s+of\s+all|"
    r"prima\s+di\s+(?:tutto(?:\s+il\s+resto)?|ogni\s+altra\s+cosa|qualsiasi\s+altra\s+cosa)|"
    r"antes\s+de\s+(?:todo(?:\s+lo\s+dem[aá]s)?|nada(?:\s+m[aá]s)?|tudo(?:\s+o\s+mais)?|qualquer\s+outra\s+coisa)|"
    r"vor\s+allem\s+anderen|als\s+erstes|avant\s+(?:tout(?:\s+le\s+reste)?|toute\s+autre\s+chose)|"
    r"vóór\s+al\s+het\s+andere|voor\s+al\s+het\s+andere)\s*[.!?。]|"
    # "after that", "past that time": what happens once the rule before it no longer holds
    r"\s*(?:after\s+(?:that|this)(?:\s+(?:time|point|deadline))?|past\s+that(?:\s+time|\s+point)?|beyond\s+that|"
    r"later\s+than\s+that|any\s+later|despu[eé]s\s+de\s+(?:eso|ese\s+plazo|esa\s+hora)|pasado\s+ese\s+plazo|"
    r"danach|nach\s+(?:dieser\s+Frist|diesem\s+Zeitpunkt)|apr[eè]s\s+(?:cela|ce\s+d[eé]lai|ce\s+moment)|"
    r"au-del[aà]|depois\s+(?:disso|desse\s+prazo)|ap[oó]s\s+(?:isso|esse\s+prazo)|dopo\s+(?:di\s+che|"
    r"quel(?:lo)?\s+(?:termine|momento)|tale\s+termine)|oltre\s+(?:quel|tale)\s+termine|na\s+(?:die\s+tijd|dat\s+moment))"
    r"\s*[,:]?\s+|"
    r"\s*(?:それ以降|それ以後|それより後|それを過ぎたら|それを過ぎた場合|その後|之后|此后|超过这个时间)",
    re.IGNORECASE,
)


# What a rule shown to the assistant keeps of the next sentence (the constraints read these apart): a bare ask with no
# topic, about what the sentence before bans ("Never say a road is safe. If they ask, say: …"; the constraints name the
# ban in the ask's condition), and a short "then" sentence, the last step of the rule before it ("Then stop.")
_RULE_GOES_ON = re.compile(
    r"\s*(?:if\s+(?:they|he|she|someone|anyone|the\s+\w+)\s+(?:ask|asks|insist|insists)|if\s+asked)\s*[,:]|"
    r"\s*(?:then|dann|luego|despu[eé]s|puis|ensuite|depois|poi|daarna)\s+(?:[^\W\d][\w'’-]*\s+){0,2}[^\W\d][\w'’-]*"
    r"\s*[.!?。]",
    re.IGNORECASE,
)


def points_back_next(text: str, index: int, *, rule_view: bool = False) -> bool:
    """Whether the sentence after the mark at `index`, on the same line, opens by pointing back to the sentence the
    mark ends ("… the number of reps or sets. Only the physio does that …", "… until 3 hours before. After that, hand
    off to the desk."): cut from it, it says nothing. `rule_view`: the rule shown to the assistant keeps more."""
    gap = re.match(r"[ \t]+", text[index + 1 : index + 4])
    if gap is None and not (text[index : index + 1] in "。！？" and text[index + 1 : index + 2] not in ("", "\n")):
        return False  # (a Japanese or Chinese sentence follows its mark with no space)
    if rule_view and (_RULE_GOES_ON.match(text, index + 1) is not None or THEN_STEP.match(text, index + 1)):
        return True
    return any(pattern.match(text, index + 1) is not None for pattern in (_BACK_OPENER, _CONTINUATION, POINTS_BACK))


def in_exact_line(text: str, index: int) -> bool:
    """Whether `index` sits inside a fixed text that an "exactly:" opened earlier on its line and that goes on after
    it ("exactly this sentence:" fixes one sentence: its first mark ends it)."""
    return any(start <= index < end and text[index + 1 : end].strip() for start, end in _exact_lines(text))


def between_slots(text: str, index: int) -> bool:
    """Whether a full stop stands between two angle-bracket slots of one line ("<problem>. Fix: <fix>")."""
    line_start = text.rfind("\n", 0, index) + 1
    line_end = text.find("\n", index)
    line_end = len(text) if line_end < 0 else line_end
    return text[line_start:index].rstrip().endswith(">") and _SLOT.search(text, index, line_end) is not None


_SLOT = re.compile(r"<[^<>\n]{1,40}>")


def _opens_with_order(rest: str) -> bool:
    """Whether the next sentence opens with a verb in the base form ("Mention the guest's name …"): an order of its
    own, not the rest of a closing line ("Made in my garage studio …")."""
    first = re.match(r"\s*([A-Za-z]+)", rest)
    return first is not None and first.group(1).lower() in _ORDER_VERBS


_ORDER_VERBS = VERBS | frozenset(
    """
    mention include invite apologise apologize address thank greet sign refer remind point link keep avoid put
    state stay speak sound treat use please if when whenever unless you we they do don't dont never always only
    """.split()  # noqa: SIM905  (a wrapped word list reads better than quoted literals)
)


_QUOTE_REACH = 400  # a quote that does not close within this many characters is a stray mark, not a quotation


def inside_quote(text: str, start: int, index: int) -> bool:
    """Whether `index` lies inside a quotation opened since `start` that closes later, within reach."""
    if closer_next(text, index):
        return False  # 'reply: "… clinic." Never …', '« … Appelez-nous. » Sois poli.': the mark ends the quotation
    closer = open_closer(text[start:index])
    return closer is not None and closes_in(text, closer, index + 1, _QUOTE_REACH)


# "Answer only from the policy, quote the section number, and if the policy doesn't say, reply exactly: …": the
# condition opens an instruction of its own.
_AND_IF = re.compile(r",\s+(?:and|but)\s+(?=(?:if|when|unless|whenever)\b)", re.IGNORECASE)


def _conditional_tail(clause: Clause) -> list[Clause]:
    """A clause cut before ", and if …" (outside quotes and brackets): two instructions, each with its own scope."""
    match = _AND_IF.search(clause.text)
    if match is None:
        return [clause]
    before = clause.text[: match.start()]
    if before.count('"') % 2 == 1 or before.count("(") > before.count(")") or len(before.split()) < 3:
        return [clause]
    return [Clause(before, clause.start), Clause(clause.text[match.end() :], clause.start + match.end())]


# "Rules: - under 120 words - no buzzwords": a dash list typed on one line after a colon.
_INLINE_LIST = re.compile(r":\s*[-•*]\s+")


_INLINE_ITEM = re.compile(r"\s+[-•*]\s+")


_SPACED_DASH = re.compile(r"\s+[—–]\s+")


# "a spending category — groceries, transport or dining": a dash after a label noun introduces the list.
_LIST_INTRO_END = re.compile(
    r"\b(?:labels?|categor(?:y|ies)|class(?:es)?|tags?|types?|buckets?|options|intents?|one\s+of|as|into)\s*$",
    re.IGNORECASE,
)


_CONDITION_OPEN = re.compile(
    r"\s*(?:\d{1,2}[.)]\s*)?(?:if|when|whenever|unless|si|cuando|wenn|falls|quand|se|quando|als|"
    # "Anything about dosing, side effects, … — no advice at all": the topic is the rule's case
    r"(?:anything|any\s+questions?|questions?)\s+(?:about|on|regarding|involving|concerning))\b",
    re.I,
)


_THEN_ACTION = re.compile(
    r"(?:and\s+|just\s+|instead\s+)?(?:tell|say|refer|send|ask|point|direct|give|offer|suggest|hand|explain|let|no|"
    r"never|don'?t|do\s+not)\b",
    re.I,
)


# "Never quote prices — just say "…"", "Keine Preisauskünfte – sag einfach: …": a ban, then the reply said instead
_BAN_OPEN = re.compile(
    r"\s*(?:[-*•]\s*)?(?:don'?t|do\s+not|never|no|avoid|nunca|no|nie|niemals|keine?n?|ne|jamais|pas\s+de|mai|non|"
    r"não|nooit|geen|niet)\b",
    re.I,
)


# ("don't speculate about root cause — say "root cause pending" instead": words to write in place of the banned
# part, inside a longer reply, not the whole reply; the two stay two rules)
_PHRASE_INSTEAD = re.compile(r"\binstead\W*$", re.I)


_SAY_INSTEAD = re.compile(
    r"(?:(?:just|simply|instead|only|rather|einfach|nur|simplement|juste|solo|simplemente|apenas|solamente|"
    r"gewoon|alleen)\s+)*(?:say|reply|respond|answer|sag|antworte|dis|réponds|di|responde|rispondi|"
    r"diz|zeg|antwoord)\b",
    re.I,
)


def _inline_list(clause: Clause) -> list[Clause]:
    """Split a dash list typed on one line, and instructions joined by a spaced dash ("be brief — no lists")."""
    if ":" not in clause.text and "—" not in clause.text and "–" not in clause.text:
        return [clause]
    head = _INLINE_LIST.search(clause.text)
    if head is None:
        pieces: list[Clause] = []
        position = 0
        for dash in _SPACED_DASH.finditer(clause.text):
            if _LIST_INTRO_END.search(clause.text[position : dash.start()]):
                continue
            before = clause.text[: dash.start()]
            if before.count("(") > before.count(")"):
                continue  # "(ja, wirklich — wir haben unsere Ansprache geändert)": an aside, not two instructions
            closer = open_closer(before)
            if closer is not None and closes_in(clause.text, closer, dash.end(), _QUOTE_REACH):
                continue  # 'end with exactly "LGTM — no findings."', "tell them 'We'll order it – it's 3 days.'"
            if (
                position == 0
                and ":" not in before  # "If nothing's wrong, reply exactly: LGTM — no blocking issues.": the words
                and _CONDITION_OPEN.match(before)
                and _THEN_ACTION.match(clause.text, dash.end())
            ):
                continue  # "If controlled = true don't submit anything — tell them to phone …": one case, one clause
            if (
                position == 0
                and _BAN_OPEN.match(before)
                and _SAY_INSTEAD.match(clause.text, dash.end())
                and not _PHRASE_INSTEAD.search(clause.text, dash.end())
            ):
                continue  # "Never give medical advice – simply reply "…"": the ban's own reply stays with it
            pieces.append(Clause(clause.text[position : dash.start()], clause.start + position))
            position = dash.end()
        pieces.append(Clause(clause.text[position:], clause.start + position))
        return [piece for piece in pieces if piece.text.strip()]
    parts = [Clause(clause.text[: head.start() + 1], clause.start)]
    position = head.end()
    for item in _INLINE_ITEM.finditer(clause.text, position):
        parts.append(Clause(clause.text[position : item.start()], clause.start + position))
        position = item.end()
    parts.append(Clause(clause.text[position:], clause.start + position))
    return [part for part in parts if part.text.strip()]


# "3 sentences max. Don't ...": a bound word ends its sentence when a capitalised word follows.
_LIMIT_WORDS = ("max.", "min.")


def _limit_word_ends(text: str, index: int) -> bool:
    after = text[index + 1 :].lstrip()
    return text[: index + 1].lower().endswith(_LIMIT_WORDS) and after[:1].isupper()


_FENCED = re.compile(r"(?ms)^[ \t]*```[^\n`]*\n.*?^[ \t]*```")  # a fence opens and closes its own line


_FENCE_MARK = re.compile(r"\s*```[\w+-]*\s*[.:]?\s*$")


def _append(clauses: list[Clause], text: str, start: int, end: int) -> None:
    fence = _FENCE_MARK.search(text, start, end) if "`" in text[start:end] else None
    if fence is not None:
        end = fence.start()  # "Tools (TypeScript signatures): ```ts": the fence is no word of the sentence
    piece = text[start:end]
    bullet = _BULLET.match(piece)
    if bullet:
        start += bullet.end()
        piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    clauses.append(Clause(stripped, start))
