"""Split brief text into clauses with their offsets, parse number words, and find the scope of negation."""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from app.engine.constraints.back_openers import OPEN_LINE_END, POINTS_BACK, THEN_STEP
from app.engine.constraints.fixed_text import FIXED_OPENERS, case_route, to_assistant, to_customer
from app.engine.constraints.inline_items import cut_spans, item_cuts
from app.engine.constraints.quotes import closer_next, closes_in, open_closer
from app.engine.constraints.street_dots import street_dot_ends_sentence
from app.engine.fastre import prefiltered
from app.engine.line_ends import arrow_case_goes_on
from app.engine.phrasing import REPLY_COLON, VERBS, strip_meta_directive


class Clause(NamedTuple):
    """One clause of a brief field: its text and where it starts in that field."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


# Sentence ends (not inside "e.g.", "3.5", "help@acme.com."), semicolons, line breaks, and CJK full stops.
_MARK = re.compile(r"[.!?;\n。！？；]")
_ABBREVIATIONS = frozenset({
    "e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.", "z.b.", "p.ej.", "ca.", "min.", "max.", "no.", "sec.",
    "fig.", "p.", "pp.", "dept.", "art.", "nr.", "cf.", "mr.", "mrs.", "ms.", "dr.", "st.", "u.s.", "a.m.", "p.m.",
    "ltd.", "inc.", "co.", "corp.", "jr.", "sr.", "ex.", "prof.", "mme.", "sra.", "hr.", "ext.",
    "rr.", "hh.", "rrhh.", "ee.uu.", "uu.",
    # German, Spanish, French, Portuguese, Italian and Dutch ones that real briefs use mid-sentence ("laut § 3 Abs. 2")
    "abs.", "bzw.", "vgl.", "usw.", "ggf.", "evtl.", "inkl.", "zzgl.", "gem.", "lt.", "sog.", "bspw.", "tel.", "str.",
    "u.a.", "d.h.", "z.t.", "ff.", "núm.", "pág.", "cap.", "av.", "dra.", "ej.", "aprox.", "cía.", "mlle.", "env.",
    "pag.", "ecc.", "sig.", "dott.", "bijv.", "o.a.", "m.b.t.", "enz.",
    "para.", "paras.", "chap.", "ch.", "vol.", "ed.", "rev.", "sect.", "cl.", "reg.", "mon.", "tue.", "tues.", "wed.",
    "thu.", "thur.", "thurs.", "fri.", "sat.", "sun.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
    "sept.", "oct.", "nov.", "dec.", "tbl.",
    "p.es.",
})  # fmt: skip
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
_LOWER_NEXT = re.compile(r"\s[a-zäöü]")


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


_ORDINAL_LEAD = re.compile(r"\b(?:der|die|das|dem|den|des|am|im|vom|zum|zur|und|bis|ab|seit)\s+\d{1,2}$", re.I)


def is_ordinal(text: str, index: int) -> bool:
    """Whether "5." at `index` is a German ordinal ("der 5. und 6. Klasse"): a lowercase word follows, or an
    article or conjunction comes before it."""
    lower_next = _LOWER_NEXT.match(text, index + 1) is not None
    # "we're open tues-sat 11-3. dont take orders": a range or a time that ends a sentence, then an English word
    if lower_next and (
        re.search(r"[-–:/]\d{1,2}$", text[max(0, index - 6) : index]) or _ENGLISH_NEXT.match(text, index + 1)
    ):
        lower_next = False
    return lower_next or bool(_ORDINAL_LEAD.search(text, max(0, index - 12), index))


_ENGLISH_NEXT = re.compile(
    r"\s+(?:dont|don't|do|we|i|the|you|no|never|please|pls|it|they|if|then|so|also|but|our|my|just|always|keep|"
    r"make|send|use|say|tell|ask|only)\b"
)


# "3 sentences max. Don't ...": a bound word ends its sentence when a capitalised word follows.
_LIMIT_WORDS = ("max.", "min.")


def _limit_word_ends(text: str, index: int) -> bool:
    after = text[index + 1 :].lstrip()
    return text[: index + 1].lower().endswith(_LIMIT_WORDS) and after[:1].isupper()


_MARKER = re.compile(r"(?:^|(?<=[\s:;(]))(?P<n>\d{1,2})$")


def inline_marker(text: str, index: int) -> int | None:
    """Where an inline list item's number starts, when the full stop at `index` closes "N." in a run "1. … 2. …"."""
    found = _MARKER.search(text, max(0, index - 4), index)
    if found is None or not text[index + 1 : index + 2].isspace():
        return None
    if _ORDINAL_LEAD.search(text, max(0, index - 12), found.start()):
        return None  # "der 5. und 6. Klasse": German ordinals, not list items
    line_start = text.rfind("\n", 0, found.start()) + 1
    if line_start and not text[line_start : found.start()].strip() and numbered_line(text, found.start()):
        return found.start()  # "in this order:\n1. full name\n2. …": a number that opens its line marks an item
    number = int(found.group("n"))
    # Items of a list say something: "5. und 6." has one word between its numbers, an item has three or more.
    if number == 1:
        following = _next_two(text, index + 1)
        return found.start() if following is not None and len(text[index + 1 : following].split()) >= 3 else None
    previous = _previous_item_end(text, number - 1, found.start())
    if previous is not None and len(text[previous : found.start()].split()) >= 3:
        return found.start()
    return None


def numbered_line(text: str, start: int) -> bool:
    """Whether the line whose number starts at `start` is an item of a numbered list: "1. " with a "2. " line after
    it, or "n. " with an "n-1. " line before it ("24. und 31. Dezember …" and "1.5米以上…" are no items)."""
    marker = _LINE_NUMBER.match(text, start)
    if marker is None:
        return False
    number = int(marker.group("n"))
    if number == 1:
        end = text.find("\n", start)
        following = text[end + 1 :].lstrip(" \t") if end >= 0 else ""
        return _LINE_NUMBER.match(following[:8]) is not None and following.startswith(("2.", "2)", "2、", "2．"))
    line_start = text.rfind("\n", 0, start) + 1
    previous_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    previous = text[previous_start:line_start].lstrip(" \t")
    return any(previous.startswith(f"{number - 1}{mark}") for mark in ".)、．")


_LINE_NUMBER = re.compile(r"(?P<n>\d{1,2})(?:[.)](?=[ \t]+\S)|[、．](?=\s*\S))")
_TWO = re.compile(r"[\s:;]2\.\s")


def _next_two(text: str, start: int) -> int | None:
    r"""Where `re.search(r"(?:^|[\s:;])2\.\s", text[start:])` starts its match, in `text`, when `text[start]` is white
    space (so "^" cannot match): found by `str.find`, not by trying the pattern at every position."""
    position = text.find("2.", start + 1)
    while position != -1:
        if _TWO.match(text, position - 1):
            return position - 1
        position = text.find("2.", position + 1)
    return None


@functools.cache
def _item_marker(number: int) -> re.Pattern[str]:
    return re.compile(rf"(?:^|[\s:;]){number}\.\s")


def _previous_item_end(text: str, number: int, end: int) -> int | None:
    r"""The end of the last match of `re.finditer(rf"(?:^|[\s:;]){number}\.\s", text[:end])`, found backwards.

    Scanning the text before every item made a prompt's numbered rules quadratic. A match is "N." with the
    character before it (or the text's start) and the white space after it, so matches overlap only in a run
    "␣N.␣N.␣", each one `size` after the last: `finditer` keeps the first of such a run, skips the second, keeps the
    third, and so on.
    """
    pattern = _item_marker(number)
    key = f"{number}."
    size = len(key) + 1

    def marker_at(position: int) -> bool:  # "N." at `position` is a match of its own (not inside a longer number)
        match = pattern.match(text, max(0, position - 1), end)
        return match is not None and match.end() == position + size

    position = text.rfind(key, 0, end)
    while position != -1 and not marker_at(position):
        position = text.rfind(key, 0, position + len(key) - 1)
    if position == -1:
        return None
    run = 0
    while position - (run + 1) * size >= 0 and marker_at(position - (run + 1) * size):
        run += 1
    return position + size if run % 2 == 0 else position


def is_abbreviation(text: str, index: int) -> bool:
    """Whether the full stop at `index` ends an abbreviation ("e.g.", "sec."), not a sentence."""
    street = street_dot_ends_sentence(text, index)
    if street is not None:
        return not street  # "12 Baker St. Never …" ends its sentence; "Mt. Pleasant Rd. community garden" does not
    start = index
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([\"'":
        start -= 1
    word = text[start : index + 1].lower()
    if len(word) == 2 and word[0].isalpha() and _SPACED_INITIALS.search(text, max(0, index - 4), index + 4):
        return True  # "z. B.", "d. h.", "u. a.": initials with a space between them
    if word in _ABBREVIATIONS_BEFORE_MORE:
        # "TSV Grünwald 1921 e.V. (Abteilung Fußball)", "tra parentesi, es. (Art. 7)": a club, "for example"; but
        # "… Neckarau e.V. Mitglieder schreiben …", "… lo que es. Usa …" end their sentence
        after = text[index + 1 :].lstrip()[:1]
        return bool(after) and (after in "(«\"“'" or after.isdigit() or after.islower())
    if word == "no." and text[index + 1 : index + 2].isspace() and text[index + 1 :].lstrip()[:1].isupper():
        return False  # "Answer with yes or no. Do not explain.": the word "no", not "no. 5" or "the no. of guests"
    if word in _ABBREVIATIONS or word.endswith(("e.g.", "i.e.")):
        return True
    if len(word) == 2 and text[index - 1].isupper() and _INITIAL_BEFORE.match(text, index + 1):
        return True  # "T. rex", "T. 0117 496 0823", "J. smith": an initial or a phone "T.", and the sentence goes on
    return _short_in_brackets(text, index)


_INITIAL_BEFORE = re.compile(r"[ \t]+(?:[a-zà-ÿ]|\d)")


def _short_in_brackets(text: str, index: int) -> bool:
    """Whether the full stop ends a short word inside brackets that close a few words on, on the same line: "Marisol
    (Prod. Coordinator)", "(Dept. of Health)"."""
    opening = text.rfind("(", max(0, index - 30), index)
    if opening < 0 or ")" in text[opening:index]:
        return False
    word = re.search(r"(?<![^\W\d_])[^\W\d_]{2,6}$", text[opening + 1 : index])
    if word is None:
        return False
    closing = text.find(")", index, index + 40)
    return closing > 0 and not re.search(r"[.!?\n]", text[index + 1 : closing])


_ABBREVIATIONS_BEFORE_MORE = frozenset({"e.v.", "es."})
_SPACED_INITIALS = re.compile(r"(?<![\w.])[^\W\d_]\.\s[^\W\d_]\.(?!\w)")


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


_NUMBER_WORDS: dict[str, int] = {
    # English
    "a single": 1, "single": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "a hundred": 100, "one hundred": 100, "a dozen": 12, "a couple of": 2,
    # Spanish
    "un": 1, "una": 1, "uno": 1, "una sola": 1, "un solo": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "cien": 100,
    # German
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "hundert": 100,
    # French
    "une seule": 1, "un seul": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "cent": 100,
    # Portuguese
    "um": 1, "uma só": 1, "um só": 1, "dois": 2, "duas": 2, "três": 3, "sete": 7, "oito": 8, "nove": 9,
    "dez": 10, "cem": 100,
    # Japanese / Chinese numerals
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    "百": 100,
}  # fmt: skip
NUMBER_WORDS: frozenset[str] = frozenset(word for word in _NUMBER_WORDS if " " not in word)
NUMBER_WORD_ALT = "|".join(
    sorted((re.escape(w) for w in _NUMBER_WORDS if w.isascii() or " " in w), key=len, reverse=True)
)
NUMBER_WORD_ALT += "|" + "|".join(
    sorted((re.escape(w) for w in _NUMBER_WORDS if not w.isascii() and " " not in w), key=len, reverse=True)
)
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{NUMBER_WORD_ALT})(?![\w]))"
_CJK_NUMERAL = re.compile(r"^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$")


def parse_number(token: str) -> int | None:
    """An integer from digits ("150", "1,000", "３") or a number word ("three", "drei", "三"); None otherwise."""
    cleaned = token.strip().lower().replace(",", "")
    if cleaned in _NUMBER_WORDS:
        return _NUMBER_WORDS[cleaned]
    try:
        return int(float(cleaned))
    except ValueError:
        pass
    cjk = _CJK_NUMERAL.match(cleaned)
    if cjk and cleaned:
        tens_digit, ten, ones = cjk.groups()
        if ten is None:
            return None
        return _NUMBER_WORDS.get(tens_digit or "一", 1) * 10 + (_NUMBER_WORDS[ones] if ones else 0)
    return None


def _bar_separated(text: str) -> frozenset[str]:
    return frozenset(text.split("|"))


_NEGATION_WORDS = _bar_separated(
    "no|not|never|without|avoid|avoiding|don't|dont|doesn't|nor|cannot|can't|mustn't|shouldn't|refrain|"
    "nunca|jamás|sin|evita|evitar|nie|niemals|kein|keine|keinen|keinem|keiner|keines|nicht|ohne|vermeide|"
    "jamais|sans|pas|aucun|aucune|évite|éviter|évitez|não|nao|nem|sem|evite|geen|nooit|niet|zonder|vermijd|senza|"
    "niente|nessun|nessuna|nada"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


# "注釈や説明は付けない。": a Japanese rule in the plain negative, with a rule verb ("出さない", "答えない"; not
# "かからない", a fact, "構わない", a permission, or "使わなければならない", an obligation).
JA_RULE_NEGATIVE = (
    r"(?<!て)(?<!で)(?:出さ|言わ|答え|教え|伝え|使わ|書か|勧め|送ら|聞か|尋ね|触れ|載せ|入れ|返さ|求め|話さ|受け付け|し|行わ|"
    r"付け|出力し|提案し|約束し|紹介し|推薦し|断定し|診断し|翻訳し)ない"
)
_PLAIN_NEGATIVE_END = re.compile(rf"{JA_RULE_NEGATIVE}\s*[。！]?\s*$")
CJK_NEGATIONS = (
    "不要", "禁止", "切勿", "不得", "别", "不能", "不用", "请勿", "しないで", "ないで", "ないこと", "避けて",
    "使わない", "なし", "無し", "ナシ", "不可",
)  # fmt: skip
# "絵文字なし", "顔文字・絵文字は使わない", "表情符号禁止": a Japanese (or Chinese) negation after the noun it negates,
# which reaches back over the phrase before it, up to the previous clause mark.
_POSTPOSED_NEGATION = re.compile(
    # ("見出しなしの長文" describes a thing, "絵文字を使わないと堅く見える" states a condition: no rule in either)
    r"(?:は|を|も)?\s*(?:(?:なし|無し|ナシ|使わない|使用しない|入れない)(?!の|と|なら|場合|から|ので|ため|とき|時)|"
    r"控えて|控える|避けて|避ける|"
    # "不要", "禁止" and "不可" close the phrase only at its end: Chinese "代码块外面不要任何文字" puts them before
    # what they rule out ("no text outside the code block")
    r"(?:不要|禁止|不可)(?=\s*(?:[。、，,；;！!\n)）]|です|で|$)))"
)
_PARTICLES = ("で", "に", "て", "が")
_PHRASE_START = re.compile(r"[、。，,；;：:\n！？!?（）()]")


def _postposed_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of phrases negated by a cue after them ("絵文字なし" negates "絵文字")."""
    ranges: list[tuple[int, int]] = []
    for cue in _POSTPOSED_NEGATION.finditer(text):
        window_start = max(0, cue.start() - 20)
        marks = list(_PHRASE_START.finditer(text, window_start, cue.start()))
        start = marks[-1].end() if marks else window_start
        # "箇条書きで前置きなし": the negation ends at the particle before its noun ("in bullets, no preamble")
        particle = max(text.rfind(mark, start, cue.start()) for mark in _PARTICLES)
        start = max(start, particle + 1) if particle >= 0 else start
        if text[start : cue.start()].strip():
            ranges.append((start, cue.end()))
    return ranges


def has_negation(text: str) -> bool:
    """A fast test for any negation word, before the full negation-scope analysis."""
    if not text.isascii() and (
        any(cue in text for cue in CJK_NEGATIONS) or _PLAIN_NEGATIVE_END.search(text) is not None
    ):
        return True
    return not _NEGATION_WORDS.isdisjoint(_WORD.findall(text.lower().replace("’", "'")))


# Cues that open the scope of a negation. "not only X but Y" and "not just" do not negate X.
NEGATION_CUE = re.compile(
    r"\b(?:no(?!-)(?!\s+(?:final|fim|in[íi]cio|come[çc]o|meio|topo|rodap[ée]|corpo|t[íi]tulo|assunto|m[áa]ximo|"
    r"m[íi]nimo|m[íi]n\.|m[áa]x\.)\b)|not(?!\s+(?:only|just|merely)\b)|never|without|avoid(?:ing)?|don'?t|doesn'?t|do\s+not|does\s+not|"
    r"must\s+not|mustn'?t|should\s+not|shouldn'?t|cannot|can'?t|may\s+not|nor|refrain\s+from|"
    r"nunca|jamás|sin|evita|evitar|nie|niemals|keine?[nmrs]?|nicht|ohne|vermeide|jamais|sans|pas\s+d(?:e|['’](?=\w))|"
    r"aucune?|évite[rz]?|não|nao|nem|sem|evite|geen|nooit|niet|zonder|vermijd|senza|niente|nessuna?|nada\s+de)\b|不要|禁止|切勿|不得|别|不能|不用(?=\s*(?:使用|用)?\s*(?:emoji|表情|markdown|列表|清单|表格|标题|加粗|粗体|项目符号|编号|代码块|链接|英文|缩写))|请勿",
    re.IGNORECASE,
)
NEGATION_CUE = prefiltered(NEGATION_CUE)  # the same matches, found sooner (see app.engine.fastre)
# Words that start a new instruction, ending a negation's scope ("no markdown, keep it short").
_SCOPE_BREAK = re.compile(
    r"^\s*(?:but|instead|rather|please|then|so|and\s+(?:always|keep|use|be|write|reply|respond|answer|make|give)|"
    r"keep|use|be|write|reply|respond|answer|make|give|always|stay|focus|include|say|ask|return|output|"
    r"pero|sino|aber|sondern|mais|plutôt|mas|e\s+sempre)\b",
    re.IGNORECASE,
)
_SCOPE_SPLIT = re.compile(r",\s*|\s+(?:or|and|nor|o|ni|y|oder|und|noch|ou|et|e|nem)\s+|/", re.IGNORECASE)


# "say we can't advise on that": the negation is in the words to say, not a rule for the assistant.
REPORTED_LEAD = re.compile(
    r"\b(?:say|says|tell\s+(?:them|him|her|the\s+\w+|users?)|explain|reply|respond|answer|let\s+(?:them|the\s+\w+)\s+know)"
    r"\s+(?:that\s+)?(?:we|you|i|they|it|he|she|this|the\s+\w+)\s+$",
    re.IGNORECASE,
)


def negated_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of `text` under a negation: from each cue over the comma/or-joined items that follow it.

    "No markdown, no lists" and "don't use markdown, lists or emojis" negate every item; "no markdown, keep it
    friendly" stops at "keep"; "not only X but also Y" negates nothing.
    """
    ranges: list[tuple[int, int]] = []
    if not has_negation(text):
        return ranges
    if not text.isascii():
        ranges += _postposed_ranges(text)
    for cue in NEGATION_CUE.finditer(text):
        start = cue.start()
        end = cue.end()
        if REPORTED_LEAD.search(text[max(0, start - 40) : start]):
            continue
        rest = text[end:]
        # "don't give the answers until I type ANSWERS, then list them all": the negation ends at a new step.
        boundary = re.search(r"[.;:!?()\n]|\s[-–—]\s|\s(?:then|until|til|till|unless|because)\s", rest, re.IGNORECASE)
        window = rest[: boundary.start()] if boundary else rest
        offset = 0
        pieces = list(_SCOPE_SPLIT.finditer(window))
        segment_starts = [0] + [p.end() for p in pieces]
        segment_ends = [p.start() for p in pieces] + [len(window)]
        for index, (seg_start, seg_end) in enumerate(zip(segment_starts, segment_ends, strict=True)):
            segment = window[seg_start:seg_end]
            if index > 0 and (_SCOPE_BREAK.match(segment) or len(segment.split()) > 6):
                break
            offset = seg_end
        ranges.append((start, end + offset))
    return ranges


def in_ranges(position: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether a character position falls inside one of the ranges."""
    return any(start <= position < end for start, end in ranges)


_MARKER_END = re.compile(
    r"\b(?:with|starting\s+with|beginning\s+with|prefixed\s+(?:with|by)|labelled|marked)\s+"
    r"(?P<marker>[A-Z][A-Z0-9_]*(?:\s+[A-Z][A-Z0-9_]*){0,4}:)\s*$"
)


def sentence_case(text: str) -> str:
    """Capitalise the first letter and end with a full stop."""
    text = text.strip()
    marker = _MARKER_END.search(text)
    if marker is not None:
        # "… in a line starting with CHECK WITH NURSE:": the colon is part of the marker the brief wants written
        text = text[: marker.start("marker")] + f'"{marker.group("marker")}"'
    text = text.rstrip(",;:")
    if not text:
        return text
    # an identifier ("sample_size", "orderId") keeps its spelling, and so does a field a test opens with
    # ("controlled = true: never submit")
    if not re.match(r"[a-z]+(?:_[a-z0-9]+)+\b|[a-z]+[A-Z]\w*\b|[a-z]\w*\s*(?:==?|!=|>=?|<=?|≥|≤)\s*\S", text):
        text = text[0].upper() + text[1:]
    if text[-1] in ".!?。" or (len(text) > 1 and text[-1] in "\"”»'’」" and text[-2] in ".!?。"):
        return text  # 'say exactly: "… at any time."' already ends inside its quote
    return text + "."


def instruction_case(text: str) -> str:
    """A requirement in the user's words as an instruction: the builder-directed lead ("pls make the bot", "it
    should") goes, then `sentence_case`."""
    text = strip_meta_directive(text)
    joined = _JOINING_WORD.match(text)
    if joined and len(text[joined.end() :].split()) >= 3:
        text = text[joined.end() :]  # "… exactly: "…" and the label line has to come first": a clause of its own
    return sentence_case(text)


_JOINING_WORD = re.compile(r"^\s*(?:and|but|plus|also)\s+(?!so\b|then\b)", re.IGNORECASE)
