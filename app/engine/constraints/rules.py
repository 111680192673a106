"""Prohibitions ("never give legal advice"), ordering rules ("verify the account before refunding") and other musts."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.constraints import foreign_rules, setting_facts
from app.engine.constraints.clauses import (
    ENDING_COLON,
    EXACT_COLON,
    JA_RULE_NEGATIVE,
    REPORTED_LEAD,
    instruction_case,
    sentence_case,
)
from app.engine.language_id import identify
from app.engine.phrasing import (
    ASKS_FOR_ASSISTANT,
    VERBS,
    base_form,
    is_meta_request,
    second_person,
    subject_verb_to_base,
    verbs_to_base,
)

_PROHIBITION_EN = re.compile(
    r"(?:^|(?<=[,:;(]\s)|(?<=[,:;(])|(?<=\s[-–—]\s)|(?<=\band\s)|(?<=\bbut\s)|\b(?:you|it|assistant|bot|agent|model|we|i(?=\s+(?:don'?t|do\s+not)\s+(?:want|wish|like)\b))\s+)"
    r"(?:please\s+)?(?:must\s+|should\s+|will\s+)?"
    r"(?P<cue>never(?:\s+ever)?|don'?t(?:\s+ever)?|do\s+not|does\s+not|must\s+not|mustn'?t|should\s+not|shouldn'?t|"
    r"cannot|can'?t|may\s+not|avoid|refrain\s+from|under\s+no\s+circumstances(?:\s+should\s+you)?|"
    # "no questions asked", "no matter what", "no later than": idioms that forbid nothing
    # "no need to cite" permits; it forbids nothing either
    # "Format, no exceptions:" stresses the rule around it; it forbids nothing itself
    r"no(?!-)(?!\s+exceptions?\s*(?:[.,:;!)]|$))(?!\s+(?:questions\s+asked|matter|problem|worries|doubt|need|longer|later|earlier|more\s+than|less\s+than|"
    # Portuguese "no máximo 12 parcelas", "no mínimo", "no caso de": "in the", not "no"
    r"fewer\s+than|sooner|m[áa]ximo|m[íi]nimo|caso|final|in[íi]cio|momento|geral|entanto|mesmo|lugar)\b)|without|"
    # "Nothing happens until X" states a precondition, with "nothing" as its subject: the sentence is the rule
    r"nothing(?!\s+(?:else|but|more|to|is|was|at\s+all|happens|gets|goes|will|should|can|may|until|before)\b)|"
    r"not(?!\s+(?:only|just|merely)\b))\b\s*"
    r"(?=\S)",
    re.IGNORECASE,
)
_FORBIDDEN_PASSIVE = re.compile(
    r"^(?P<rest>.+?)\s+(?:is|are)\s+(?:not\s+allowed|forbidden|prohibited|off[- ]limits|banned|not\s+permitted)\b",
    re.IGNORECASE,
)
_PROHIBITION_OTHER = re.compile(
    # "si no lo dice", "se não disser", "s'il ne le dit pas": a negation inside a condition forbids nothing.
    r"\b(?:nunca|jamás|(?<!que\s)(?<!qui\s)(?<!\bsi\s)no\s+(?:\w+(?:es|as|e|a|s|ar|er|ir)|le|les|lo|la|te|se)\b|"
    r"evita|prohibido|nie(?:mals)?|keine?[nmrs]?\b|(?<!\bwenn\s)(?<!\bfalls\s)nicht\b|vermeide|verboten|"
    r"jamais|(?<!\bsi\s)(?<!\bil\s)(?<!\belle\s)(?<!\bon\s)ne\s+\w+\s+(?:pas|jamais)|(?<!\bsi\s)(?<!s'il\s)"
    r"n'\w+\s+(?:pas|jamais)|évite[rz]?|interdit|pas\s+de|(?<!\bse\s)(?<!\bcaso\s)não(?!\s+ser\s+que)|(?<!\bse\s)nao(?!\s+ser\s+que)|evite|"
    r"proibido|mai\s+\w+(?:are|ere|ire)|(?<![èÈ]\s)vietato|[èÈ]\s+vietato\s+(?:dare|dire|rispondere|consigliare|usare|parlare|promettere|fornire|"
    r"chiedere|inventare))\b|不要|禁止|切勿|不得|不能|别(?![的人处])|しないで|しないこと|禁止|避けて|ないでください|ないこと(?![はがをもにで])|"
    # "訳注は一切いりません", "説明は要りません": what the reply must not carry is "not needed"
    r"(?:一切|全く|特に)?(?:いりません|要りません|いらない|要らない|不要です)(?=\s*(?:$|[。！]))|"
    # "他のスクールの名前は出さない": a rule in the plain negative, ending its line or sentence (see JA_RULE_NEGATIVE)
    rf"{JA_RULE_NEGATIVE}(?=\s*(?:$|[。！]))",
    re.IGNORECASE,
)


def _part_start(text: str, position: int) -> int:
    """Where the comma-separated part holding `position` starts; a comma inside brackets separates nothing
    ("(máximo 4 personas) y nunca confirmes …" is quoted from its bracket, not from "personas)")."""
    depth = 0
    for index in range(position - 1, -1, -1):
        char = text[index]
        if char in ")）":
            depth += 1
        elif char in "(（":
            if depth == 0:
                if _closing_aside(text, position):
                    continue  # "… で指摘（うちは動的メモリ禁止）。": the aside gives the reason of the rule before it
                return index + 1 if text.find(")", index, position) < 0 else index
            depth -= 1
        elif char in ",;，、；" and depth == 0:
            return index + 1
    return 0


def _closing_aside(text: str, position: int) -> bool:
    """Whether the bracket holding `position` closes the clause: nothing but an end mark follows it."""
    close = next((i for i in range(position, len(text)) if text[i] in ")）"), -1)
    return close >= 0 and not text[close + 1 :].strip(" \t.。!！?？")


_GERMAN_RELATIVE = re.compile(
    r"(?:die|der|das|den|dem|deren|dessen|welche[rsnm]?)\s.*\b(?:sind|ist|war|waren|hat|haben|wird|werden|kann|"
    r"können|gibt|gab)\)?$",
    re.IGNORECASE,
)
_FOREIGN_CONDITION = re.compile(r"(?:si|se|s'ils?|wenn|falls|sofern|caso|quand|lorsque|cuando|quando)\b", re.I)
_LIMIT_ONLY = re.compile(
    r"^(?:use|write|exceed|go\s+over|include)?\s*(?:more|fewer|less|longer|shorter)\s+than\b|^exceed\b", re.IGNORECASE
)
_CUE_TEXT = {
    "never": "Never",
    "never ever": "Never",
    "avoid": "Avoid",
    "refrain from": "Never",
    "no": "Avoid",
    "without": "Avoid",
    "nothing": "Avoid anything",
    "not": "Do not",
}


class FoundRule(NamedTuple):
    """A prohibition, ordering or requirement: its English imperative, payload and extent."""

    text: str
    first: str | None
    then: str | None
    start: int
    end: int
    rest: str = ""
    """For a prohibition: what it forbids, in the brief's words."""


_E_COMPOUND = re.compile(r"\be-(?=[a-z])", re.IGNORECASE)


def is_english(text: str) -> bool:
    """Whether a clause is English (or undetermined), so its own words can serve as the imperative."""
    # ("no e-bikes": the "e" of an e-compound reads as the Italian "and" to the identifier)
    code = identify(_E_COMPOUND.sub("", text) if "e-" in text else text)[0]
    return code == "en" or (code == "und" and not re.search(r"[^\x00-\x7f‘’“”–—…€£]", text))


_ADJECTIVE = re.compile(
    r"(?:too\s+|overly\s+|very\s+)?[a-z-]+(?:y|ive|ous|al|ful|ic|ing|ed|less|ish|ant|ent|ble)", re.I
)


# "not therapy", "not a pharmacy": nouns in -y, which "Do not be …" would read as adjectives ("Do not be therapy.")
_NOUN_IN_Y = re.compile(
    r"^(?:[a-z-]+\s+)?(?:therapy|pharmacy|agency|charity|company|ministry|authority|library|academy|dictionary|diary|"
    r"directory|registry|surgery|nursery|gallery|factory|advocacy|consultancy|emergency\s+service|helpline|hotline|"
    r"counsell?ing\s+service|crisis\s+service|psychology|astrology)$",
    re.IGNORECASE,
)

_REPEATED_NO = re.compile(r"((?:,|\band|\bor)\s+)no\s+(?=[a-z])", re.I)


_RELATIVE_ABILITY = re.compile(
    r"\b(?:that|which|who|what)\s+(?:it|you|we|they|the\s+\w+)\s+(?:cannot|can'?t|can’t)$|"
    # "runs on a CentOS box we can't touch": what the requester cannot do describes their situation
    r"\b(?:we|i|they)\s+(?:just\s+|really\s+|still\s+)?(?:cannot|can'?t|can’t|couldn'?t)$",
    re.I,
)
# The cue is one "no" of a list of them ("no composer, no framework, …"): it governs its own item only.
_NO_LIST_BEFORE = re.compile(r"\bno\s+[\w-]+(?:\s+[\w-]+)?\s*,\s*$", re.IGNORECASE)
_POLITE_TAIL = re.compile(r"[\s,]+(?:pls|plz|please|thanks|thx|lol|haha|lmao|tbh)$", re.I)
# "we dont have one lol", "I don't know the stock levels": a fact about the business, not a rule for the assistant
_FIRST_PERSON_FACT = re.compile(r"\b(?:we|i)\s+(?:(?:currently|really|actually)\s+)?$", re.I)
_FACT_VERB = re.compile(r"(?:have|own|know|stock|carry|open|deliver|ship|work)\b", re.I)
# Adjectives after "never" ("never pushy", "never salesy"), by endings that verbs rarely have.
_NEVER_ADJECTIVE = re.compile(r"(?:too\s+|overly\s+|very\s+)?[a-z-]{2,}(?:ous|ful|less|sy|hy|ky|zy|my)", re.I)


_VERB_START = re.compile(
    r"(?:end|start|begin|keep|use|be|write|reply|respond|answer|make|give|always|include|add|say|ask|mention|offer|"
    r"stay|focus|finish|close|open|explain|cite|link|sign|tell|let|try|show|list|return|output|talk|speak|sound|act|"
    r"sound|treat|call|point|suggest|encourage|remind|check|greet|thank)\b",
    re.IGNORECASE,
)


# A comma item that says what the reply is like ("plain everyday words", "friendly tone", "short answers") is a spec of
# its own after a telegraphic ban, never one more thing banned
_QUALITY_ITEM = re.compile(
    r"(?:(?:plain|simple|short|shorter|clear|friendly|warm|everyday|concise|brief|calm|kind|gentle|polite|complete|"
    r"full)\s+)+(?:[\w-]+\s+)?(?:words|language|tone|sentences|answers|replies|english|spelling|style|voice)\s*"
    r"(?:only\s*)?(?:\([^)]*\)\s*)?[.!]?$",
    re.IGNORECASE,
)


def _instead_noun(item: str) -> bool:
    """Whether a comma item is what the reply has instead ("just plain text", "instead prose"), not a thing to do
    ("just write 'personal circumstances'", which stays with the rule it follows)."""
    turn = re.match(r"(?:just|instead|rather)\s+(?P<rest>\S.*)", item, re.IGNORECASE)
    return turn is not None and not _VERB_START.match(turn["rest"])


def _lead(cue: str) -> str:
    """The English imperative that opens a prohibition with this cue."""
    cue = re.sub(r"\s+", " ", cue.lower())
    if cue.startswith(("under no circumstances", "refrain")):
        return "Never"
    if cue.startswith(("don", "do", "must", "should", "cannot", "can", "may")):
        return "Do not"
    return _CUE_TEXT.get(cue, "Never")


_SEGMENT_END = re.compile(
    # (a colon between digits is a time: "never before 09:30")
    r"[,;()]|(?<!\d):|:(?!\d)|\s[-–—]\s|\s(?:and|but|then|so)\s+(?=(?:always|never|don'?t|do|avoid|use|keep|be|say)\b)|$"
)


_LEADING_CONDITION = re.compile(
    r"^\s*(?:(?:if|when|whenever|unless|in\s+case|si|cuando|wenn|falls|quand|lorsque|se|caso)\b|"
    # "controlled = true: never submit, always hand off": a field test opens the rule as "if" would
    r"[A-Za-z_][\w.]*\s*(?:==?|!=|>=?|<=?|≥|≤)\s*[\w\"'.%-]+\s*:)[^,;]*,",
    re.IGNORECASE,
)


# "refills_left = 0: don't submit": a test of a field's value, then the rule under it
FIELD_TEST = re.compile(r"^\s*(?P<test>[A-Za-z_][\w.]*\s*(?:==?|!=|>=?|<=?|≥|≤)\s*[\w\"'.%-]+)\s*:\s*")


# A Japanese or Chinese condition closes with its marker: "料金表にないことを聞かれたら", "如果不知道，",
# "分からない場合は".
_CJK_CONDITION = re.compile(r"^[^。！？\n]*?(?:たら|なら|れば|場合は|場合、|ときは|時は|如果[^，。]*，|的话，?)")


def condition_end(text: str) -> int:
    """Where a leading condition ("If you don't know,") ends; 0 when the clause does not open with one."""
    match = (
        _LEADING_CONDITION.match(text)
        or FIELD_TEST.match(text)
        or (None if text.isascii() else _CJK_CONDITION.match(text))
    )
    if match:
        return match.end()
    return _bare_condition_end(text)


# "if it can't be answered from these tables say so and tell them …": a condition without its comma ends where an
# instruction to the assistant starts, a verb in the imperative after at least two words of the condition.
_BARE_CONDITION = re.compile(r"^\s*(?:if|when|whenever|unless)\s+(?:[^\s,;.!?]+\s+){2,14}?", re.IGNORECASE)
_CONSEQUENT = re.compile(
    r"(?:say|tell|reply|respond|ask|send|point|refer|direct|suggest|offer|escalate|hand|route|forward|flag|stop|"
    r"explain|apologi[sz]e|politely|just)\s",
    re.IGNORECASE,
)
# the word before a verb that makes it the condition's own ("if they say …", "if you can't tell …")
_SUBJECT_BEFORE = frozenset(
    {
        "i", "you", "we", "they", "he", "she", "it", "user", "users", "customer", "customers", "people", "someone",
        "anyone", "to", "will", "can", "should", "must", "would", "could", "not", "don't", "doesn't", "can't",
        "won't", "and", "or", "also", "who", "that",
    }
)  # fmt: skip


def _bare_condition_end(text: str) -> int:
    condition = _BARE_CONDITION.match(text)
    if condition is None or "," in text[: condition.end() + 80]:
        return 0
    for verb in _CONSEQUENT.finditer(text, condition.end(), condition.end() + 80):
        before = text[: verb.start()].split()
        if before and before[-1].lower() not in _SUBJECT_BEFORE:
            return verb.start()
    return 0


_VERB_OR_ACTION = re.compile(
    r"(?:open|create|file|log|raise|escalate|send|forward|route|assign|hand|pass|transfer|flag|ask|offer|suggest|"
    r"recommend|refer|point|direct|tell|say|use|call|email|book|schedule|link|share|give|show|explain|mark|return|"
    r"reply|respond|answer|write|add|leave|keep)\b",
    re.IGNORECASE,
)
_NOT_WANTED = re.compile(
    r"(?:want|wish|like)\s+(?:the\s+(?:bot|assistant|model|agent|ai)|it|you|them)\s+to\s+(?=\w)", re.IGNORECASE
)
# "never give diet advice, just say to talk to one of our trainers": the prohibition's own alternative stays with it.
_HUMAN_TAKER = (
    r"(?:(?:a|an|the|our|your|their)\s+)?(?:\w+\s+)?(?:human|person|colleague|agent|staff|team|manager|supervisor|"
    r"specialist|caseworker|nurse|doctor|lawyer|advis[oe]r|counsell?or|librarian|pharmacist|member\s+of\s+staff)s?\b"
)
_ALTERNATIVE = re.compile(
    r"\s*(?:[,;]|\s[-–—]|[-–—]\s)\s*(?:(?:just|instead|rather|but|and)\s+)*(?P<verb>say\s+to|say(?!\s*:?\s*[\"“'‘„«「])|tell\s+(?:them|him|her|the\s+\w+|users?)(?:\s+to|(?!\s+(?:never|not|to|that)\b))|"
    r"suggest|recommend|refer\s+(?:them|the\s+\w+|users?)\s+to|point\s+(?:them|the\s+\w+|users?)\s+to|"
    r"send\s+(?:them|the\s+\w+|users?)\s+to|direct\s+(?:them|the\s+\w+|users?)\s+to|offer|"
    # "never waive or promise to waive that, hand off to a human": the person who takes it over instead (not "do not
    # forward files, transfer them to personal email addresses": a second thing not to do)
    r"(?:hand|pass|escalate|transfer|refer)\s+(?:it\s+|them\s+|this\s+|the\s+\w+\s+)?(?:off\s+|over\s+|on\s+)?to"
    rf"(?=\s+{_HUMAN_TAKER})|"
    # "no list[int] style generics, use typing.List etc": what to use in its place
    r"use(?!\s+(?:it|them|this|that|the\s+same|of)\b)|show\s+only)\b(?P<what>(?:[^,;.!?]|[.?](?=\S)){3,120})",
    re.IGNORECASE,
)


# "never reset a Director's password; open a P1 ticket with create_ticket instead": any action marked "instead".
_INSTEAD = re.compile(
    r"\s*[,;:]\s*(?:and\s+|but\s+)?(?P<what>[a-z][^,;.!?]{2,120}?)\s+instead\b(?=\s*(?:[.;!?]|$))", re.IGNORECASE
)


def _alternative(source: str, end: int) -> tuple[str, int] | None:
    """The alternative a prohibition offers right after it, as an instruction ("tell them to talk to ..."), and its
    end; None when the clause goes on to something else."""
    match = _ALTERNATIVE.match(source, end)
    if match is None:
        instead = _INSTEAD.match(source, end)
        if instead is not None and _VERB_OR_ACTION.match(instead.group("what")):
            return instead.group("what").strip(), instead.end()
        return None
    verb = re.sub(r"\s+", " ", match.group("verb").lower())
    what = re.sub(r"\s+instead$", "", match.group("what").strip(), flags=re.IGNORECASE)
    if verb == "say to":
        verb = "tell them to"
    return f"{verb} {what}", match.end()


_REPORTED = re.compile(
    r"\b(?:say|says|tell\s+(?:them|the\s+\w+|users?)|mention|state|explain|remind\s+(?:them|the\s+\w+|users?)|note|"
    r"disclose|make\s+(?:it\s+)?clear|clarify)\b[^.;]*?\bthat\b",
    re.IGNORECASE,
)


# "not finance people", "not tech experts": a contrast that says who the readers are
_AUDIENCE_CONTRAST = re.compile(
    r"(?:[\w-]+\s+){0,2}(?:people|persons|folks|experts|specialists|users|staff|professionals|engineers|developers|"
    r"lawyers|doctors|clinicians|nerds|techies|insiders|natives|native\s+speakers)",
    re.IGNORECASE,
)


# "running as root (…)", "- hardcoding secrets (…)": an item that names a practice, not an instruction
_GERUND_CASE = re.compile(
    r"\s*(?:[-*•]\s*)?(?!(?:during|nothing|something|anything|everything|bring|string)\b)(?P<verb>[a-z]{3,}ing)\b", re.I
)
# "Answering questions about parking (no legal advice)": a job of the assistant, whose parenthesis is its ban
_JOB_GERUNDS = frozenset(
    """answering booking drafting handling scheduling writing helping replying responding explaining summarising
    summarizing translating suggesting recommending advising supporting creating preparing giving taking making
    sending checking processing managing arranging quoting selling""".split()  # noqa: SIM905
)


def find_prohibitions(text: str, original: str | None = None) -> list[FoundRule]:
    """Every prohibition one clause states ("no markdown, and avoid jargon" holds two), as English imperatives.
    `rest` is what each forbids, in the brief's words. `text` may have quoted words blanked out (so a quote does
    not negate anything); `original` is the same text unblanked, for the words."""
    stripped = text.rstrip()
    source = (original if original is not None and len(original) == len(text) else text).rstrip()
    found: list[FoundRule] = []
    if not is_english(stripped):
        exact = EXACT_COLON.search(stripped)
        asks = ASKS_FOR_ASSISTANT.match(stripped)
        for other in _PROHIBITION_OTHER.finditer(stripped, condition_end(stripped)):
            if exact is not None and other.start() >= exact.end() - 1:
                break  # "… exatamente: Beba com moderação. Proibido para menores …": words to write, not a ban
            contrast = _LABEL_CONTRAST.match(stripped, other.start())
            if contrast is not None and _LABEL_JUST_BEFORE.search(stripped, max(0, other.start() - 40), other.start()):
                continue  # "insultos entre amigos: AVISO, no BORRAR": the label the case gets, contrasted; no ban
            acronym = other.group(0).isupper() and other.group(0).lower() in _FOREIGN_ACRONYM_CUES
            if acronym and identify(stripped)[0] != "de":
                continue  # "renovación de NIE y TIE": a document's acronym in a Spanish line, no German "nie"
            # Quote the comma-separated part that holds the negation ("keine Emojis", "不要使用表情符号").
            start = _part_start(stripped, other.start())
            # A part inside brackets ends with them: "(z. B. Posten, die nicht umlagefähig sind) in …".
            inside = stripped.count("(", 0, start) > stripped.count(")", 0, start)
            opening = stripped.rfind("(", 0, other.start())
            if inside and "," in stripped[opening:start]:
                continue  # "el 016 (gratuito, 24 horas, no deja rastro en la factura)": a trait in a list of them
            close = stripped.find(")", other.start()) if inside else -1
            end = close if close >= 0 else len(stripped)
            if _FOREIGN_REPORTED.search(stripped, max(0, other.start() - 60), other.start()):
                continue  # "dire que ce n'est pas nous", "decir que no somos nosotros": words to say, not a ban
            if asks is not None:
                # ("Wir brauchen einen Bot, der jede neue Anzeige prüft, bevor sie online geht: keine Waffen, …": what
                # follows the colon is the rule; the request before it is the job)
                colon = stripped.rfind(":", start, other.start())
                start = colon + 1 if colon >= 0 else start  # (the words are found again from here, spaces skipped)
            if asks is not None and start <= asks.end() and not _NEVER_WORD.match(other.group(0).strip()):
                continue  # "Quero um assistente … que passe para a equipa o que não consegue resolver": the job
            words = foreign_rules.strip_conjunction(stripped[start:end].strip().rstrip(".。!！"))
            if _FOREIGN_CONDITION.match(words) or _GERMAN_RELATIVE.match(words):
                continue  # "…, wenn er ihn nicht nennt", "…, die nicht umlagefähig sind": the negation describes
            start = stripped.index(words, start)
            rule = foreign_rules.translate_prohibition(words) or f'Follow this prohibition from the brief: "{words}".'
            return [FoundRule(rule, None, None, start, start + len(words), words)]
        return found
    paired = _no_then_no(stripped, source)
    if paired is not None:
        return paired
    passive = _FORBIDDEN_PASSIVE.search(stripped)
    if passive:
        rest = passive.group("rest").strip()
        return [FoundRule(f"Never allow this: {rest}.", None, None, 0, len(stripped), rest)]
    if _HELD_UNTIL.search(stripped):
        # "No balances, no statements, nothing before that.": every item holds only until then, so no prohibition
        # ("Avoid balances." would forbid them for good); the sentence stays a rule in its place in the brief.
        return []
    # "If you don't know, say so": a negation inside the condition forbids nothing.
    taken = condition_end(stripped)
    for match in _PROHIBITION_EN.finditer(stripped):
        if match.start("cue") < taken:
            continue
        if stripped[match.end("cue") :].lstrip()[:1] in ",.;:!?)":
            continue  # "bathrooms - no, areas we cover - LS only": an answer, not a rule
        if re.match(r"\s*(?:allowed|permitted|ok|okay)\s*[:：]", stripped[match.end("cue") :]):
            continue  # "not allowed: hazardous materials, …": a heading over the banned things, read as a whole
        if re.match(r"[\w' -]{1,30}?\s(?:=|->|→)\s", stripped[match.end("cue") :].lstrip()):
            continue  # "No match = don't reveal anything": a case and what follows from it, not a thing to avoid
        if match.group("cue").lower() == "nothing" and re.match(
            r"\s*[\w-]+\s+(?:here|there|in\s+(?:it|them|this|that))\s*[.!]?\s*$", stripped[match.end("cue") :]
        ):
            continue  # "Nothing secret here.": a statement about the material, nothing to avoid
        if _RELATIVE_ABILITY.search(stripped[: match.end("cue")]):
            continue  # "questions that it can't answer" describes a case; it forbids nothing
        opening = stripped.rfind("(", 0, match.start("cue"))
        if (
            opening >= 0
            and not stripped[opening + 1 : match.start("cue")].strip()
            and stripped.find(")", opening) > match.start("cue")
            and (gerund := _GERUND_CASE.match(stripped)) is not None
            and gerund.group("verb").lower() not in _JOB_GERUNDS
        ):
            continue  # "running as root (no USER line)": what the case to look for looks like, nothing forbidden
        if (
            match.group("cue").lower() == "not"
            and re.search(r"\(\s*$", stripped[: match.start("cue")])
            and _OPEN_CONDITION.search(stripped[: match.start("cue")])
        ):
            aside = re.match(r"[^()]*\)", stripped[match.end("cue") :])
            if aside is not None and not re.search(r",|\b(?:is|are|was|were|be|do|does)\b", aside.group(0)):
                # "if the animal is inside the living space (not the attic or crawlspace), …": which case is meant;
                # "Give hints (not full solutions)" is a ban
                continue
        listed_state = re.search(r"[=:][^=:]*,\s*$", stripped[: match.start("cue")])
        if match.group("cue").lower() == "not" and listed_state and _SYMPTOM.match(stripped[match.end("cue") :]):
            continue  # "emergency = active bleeding, seizure, not breathing": a state in a list, nothing forbidden
        if (
            listed_state
            and match.group("cue").lower() in ("no", "not")
            and _CASE_HEADING.search(before_list(stripped))
            and not _VERB_START.match(re.split(r"[=:]", stripped, maxsplit=1)[1].lstrip())
        ):
            continue  # "Urgent repairs come first: a gas smell, no heating in winter, …": a case, nothing forbidden
        if match.group("cue").lower() == "no" and setting_facts.in_particulars(stripped, match.start("cue")):
            continue  # "a 2-bed flat (1,350 pcm, no pets)": a fact of the flat, no ban on the assistant
        before = stripped[: match.start("cue")]
        if _FIRST_PERSON_FACT.search(before) and _FACT_VERB.match(stripped[match.end("cue") :].lstrip()):
            if found and found[-1].end <= match.start():
                # "never give a phone number, we dont have one lol": the fact is the rule's reason; keep it with it
                whole = _POLITE_TAIL.sub("", source).rstrip(" .!")
                last = found.pop()
                found.append(FoundRule(sentence_case(whole), None, None, last.start, len(whole), last.rest))
            continue
        if _REPORTED.search(before) or REPORTED_LEAD.search(before[-40:]):
            continue  # "say that this is general information and not legal advice": words to say, not a rule
        end_match = _SEGMENT_END.search(stripped, match.end("cue"))
        end = end_match.start() if end_match else len(stripped)
        # Items joined by commas stay with their cue: "don't mention price, discounts or stock".
        while end_match and end_match.group(0) == "," and not _PROHIBITION_EN.match(stripped[end + 1 :].lstrip()):
            following = _SEGMENT_END.search(stripped, end + 1)
            next_end = following.start() if following else len(stripped)
            item = stripped[end + 1 : next_end].strip()
            segment = stripped[match.end("cue") : end]
            bare_verb = len(segment.split()) == 1 or re.search(r"\bto\s+[a-z]+$", segment) is not None
            if (
                bare_verb
                and (_VERB_START.match(item) or re.match(r"[a-z]+\s+(?:or|and)\s+[a-z]+\b", item))
                and re.search(r"\s(?:or|and)\s", item)
                and not re.search(r"\d", item)
            ):
                # "Never change, add or stop a medication dose", "never advise them to destroy, harvest or replant the
                # crop": verbs that share the object after the last one
                end, end_match = next_end, following
                continue
            if (
                _BANNED_VERB_CUE.fullmatch(match.group("cue"))
                and _VERB_LIST_LAST.match(item)
                and (following is None or following.group(0) != ",")
            ):
                # "never tell them to take out a loan, use a credit card or borrow from family": the verb phrases
                # after the comma are the banned list's last items ("A, B or C"), not what to do instead
                end, end_match = next_end, following
                break
            if _instead_noun(item):
                break  # "no markdown, just plain text": what comes instead is no item of the list
            if _QUALITY_ITEM.match(item) and not re.search(r"\s(?:or|and)\s", item):
                break  # "no bullet points, plain everyday words", "no jargon, friendly tone": what the reply is instead
            serial = re.match(r"(?:or|and)\s+(?P<last>.+)$", item, re.IGNORECASE)
            if (
                serial is not None
                and (following is None or following.group(0) != ",")
                and len(item.split()) <= 7
                and not re.search(r"\d", item)
                and (item[:2].lower() == "or" or not _VERB_START.match(serial.group("last")))
                # ("…, and just return the edited paragraph": what to do instead, not one more thing to avoid)
                and not re.match(
                    r"(?:just|only|simply|always|instead|rather|also|please)\b", serial.group("last"), re.I
                )
            ):
                # the serial comma: "take a loan, refinance, or skip a payment", "price, discounts, and stock"
                end, end_match = next_end, following
                break
            if re.search(r"\d|^(?:and|but|or|so|then)\b", item, re.IGNORECASE) or _VERB_START.match(item):
                break
            if _OWN_VERB.search(item):
                break  # "no swearing, no violence, dragons are friendly": a clause of its own, not an item
            if match.group("cue").lower() == "no" and _NO_LIST_BEFORE.search(stripped[: match.start("cue")]):
                break  # "no composer, no framework, raw mysqli": each "no" says its own item; "raw mysqli" is kept
            if len(item.split()) > 4:
                # "discounts, pricing or delivery dates that aren't in the notes": the list's last item may carry
                # a qualifier that covers the whole list; anything longer or without "or"/"and" is a new clause.
                if len(item.split()) <= 12 and re.search(r"\s(?:or|and)\s", item):
                    end, end_match = next_end, following
                break
            end, end_match = next_end, following
        if end_match is not None and end_match.group(0) == "(" and _closing_aside(stripped, end + 1):
            # "Never link drinking to driving or sport (Portman Group code).": the closing aside names the rule's
            # source or reason; the ban keeps it
            end = stripped.index(")", end) + 1
        last_verb = _OR_VERB_TAIL.match(stripped, end)
        if last_verb is not None and _BANNED_VERB_CUE.fullmatch(match.group("cue")):
            # "Never add, remove or change an exercise, the number of reps or sets, or tell someone to move up a
            # stage": the ban covers the verb after the list's last "or" too, however long its object
            end = last_verb.end()
        rest = source[match.end("cue") : end].strip().rstrip(".!,;:")
        wanted = _NOT_WANTED.match(rest)
        if wanted is not None:
            # "we do not want the bot to say X": the builder's wish is the rule "Never say X".
            rest = rest[wanted.end() :]
            found.append(FoundRule(f"Never {rest}.", None, None, match.start(), end, rest))
            taken = end
            continue
        rest = _POLITE_TAIL.sub("", rest)  # "not too chatty pls"
        taken = end
        if not rest or _LIMIT_ONLY.match(rest) or rest.lower() in _BARE_VERBS:
            continue  # "We dont do: boiler installs, …": what is not done follows the colon, in its own clause
        if match.group("cue").lower() == "not" and not _has_modal(stripped, match.start("cue")):
            if _NOT_FOR_WHOM.match(rest):
                continue  # "Not aimed at adults", "not for beginners": who the assistant is for, no action to ban
            if _PARTICIPLE_REST.match(rest):
                # "Not intended as legal advice": what the text is, no action to ban ("Avoid intended as …")
                found.append(FoundRule(sentence_case(stripped), None, None, 0, len(stripped), rest))
                continue
        if _FRAGMENT_REST.match(rest) or (_SUBJECT_FIRST.match(rest) and match.group("cue").lower() in ("no", "not")):
            # "not about English", "not everyone is in every scene", "no, not even temporarily": what follows the
            # negation is no thing to avoid; the clause itself is the rule.
            found.append(FoundRule(sentence_case(stripped), None, None, 0, len(stripped), rest))
            continue
        start = match.start("cue") if not match.group(0).lower().startswith(("you", "it")) else match.start()
        lead = _lead(match.group("cue"))
        modal = re.search(r"\b(?:must|should|will|do|does|may|can)\s+$", stripped[: match.start("cue")], re.IGNORECASE)
        if match.group("cue").lower() == "not" and not modal and _MAPPED_AS.search(stripped[: match.start("cue")]):
            # "a parent who threatens to complain is still BILLING, not LEGAL": where the case goes, whole; "Avoid
            # LEGAL." would forbid the label every other case needs
            found.append(FoundRule(sentence_case(stripped), None, None, 0, len(stripped), rest))
            continue
        if (
            match.group("cue").lower() == "not"
            and not modal
            and not _ADJECTIVE.fullmatch(rest)
            and re.search(r"\w{3,}[^,]*,\s*$", stripped[: match.start("cue")])
            and re.match(r"(?:the|this|that|these|those|his|her|their|its|our|your)\s", rest, re.IGNORECASE)
        ):
            # "the number randomised, not the number analysed", "goes to volunteers, not the student": a contrast
            # that defines the thing before it; "Avoid the student." would say something else.
            found.append(FoundRule(sentence_case(stripped), None, None, 0, len(stripped), rest))
            continue
        if match.group("cue").lower() == "not" and not modal and _WHAT_IT_IS.match(stripped[: match.start("cue")]):
            continue  # "That's counseling, not Q&A": why a rule before holds, nothing to avoid
        if match.group("cue").lower() == "not" and not modal and _AUDIENCE_CONTRAST.fullmatch(rest):
            continue  # "(lots of them shop-floor, not finance people)": who the readers are, nothing to avoid
        if match.group("cue").lower() == "not" and not modal and _VALUE_BEFORE.search(stripped[: match.start("cue")]):
            # "anything not stated = null, not an empty string": the value to write, contrasted with another
            found.append(FoundRule(sentence_case(stripped), None, None, 0, len(stripped), rest))
            continue
        if match.group("cue").lower() == "not" and not modal:
            # "friendly but not cheesy" forbids a quality; "not a therapist" a role; "English, not Spanish" a thing.
            if re.match(r"(?:a|an)\s", rest, re.IGNORECASE):
                lead = "Do not act as"
            else:
                # ("not too long": a degree word before any adjective)
                degree = re.fullmatch(r"(?:too|overly)\s+[a-z-]+", rest, re.IGNORECASE)
                adjective = (_ADJECTIVE.fullmatch(rest) or degree) and not _NOUN_IN_Y.search(rest)
                lead = "Do not be" if adjective else "Do not act as" if _NOUN_IN_Y.search(rest) else "Avoid"
        if lead == "Never" and _THIRD_PERSON_SUBJECT.search(stripped[: match.start("cue")]):
            rest = _first_verb_to_base(rest)  # "It never sends anything": the assistant is "you": "Never send …"
        if lead == "Never" and _NEVER_ADJECTIVE.fullmatch(rest):
            lead = "Never be"  # "never pushy"
        elif lead in ("Never", "Do not") and len(rest) <= 2 and " " not in rest:
            lead = f"{lead} use"  # "ss, never ß": a character or symbol is something you use
        if lead == "Avoid":
            # "no tax advice and no guesses about X": one "Avoid" governs the whole list.
            rest = _REPEATED_NO.sub(r"\1", rest)
            rest = re.sub(r"(?<=\w)\s+no\s+(?=\w)", " and ", rest)  # "no hashtags no emojis"
        dangling = _DANGLING_PREPOSITION.search(rest) is not None
        fronted = _FRONTED_OBJECT.fullmatch(source[: match.start("cue")]) if dangling else None
        if fronted is not None:
            thing = fronted.group("object").strip()
            thing = thing[0].lower() + thing[1:] if thing[1:2].islower() else thing  # (it opened the sentence)
            rest = f"{rest} {thing}"  # "wasps we dont deal with": "Do not deal with wasps"
            start = 0
        alternative = _alternative(source, end)
        if alternative is not None:
            instead, end = alternative
            taken = end
            found.append(FoundRule(f"{lead} {rest}; instead, {instead}.", None, None, start, end, rest))
            continue
        if start > 0 and (
            _BARE_PRONOUN.fullmatch(rest.split()[-1]) or (lead in ("Never", "Do not") and _NOUN_FIRST.match(rest))
        ):
            # "set them to null; never estimate them", "never the whole script": what is forbidden is named earlier
            # in the clause, so the clause itself is the rule.
            found.append(FoundRule(sentence_case(stripped), None, None, 0, len(stripped), rest))
            continue
        found.append(FoundRule(f"{lead} {rest}.", None, None, start, end, rest))
    return found


_IRREGULAR_THIRD = {"has": "have", "does": "do", "goes": "go", "is": "be"}


def _first_verb_to_base(rest: str) -> str:
    """The verb that opens `rest`, known to follow a third-person subject and "never", in its base form."""
    word, _, tail = rest.partition(" ")
    lower = word.lower()
    known = base_form(lower)
    if lower in _IRREGULAR_THIRD:
        base = _IRREGULAR_THIRD[lower]
    elif lower in ("was", "were"):
        return rest
    elif known is not None:
        base = known
    elif re.fullmatch(r"[a-z]+(?:cus|sh|ch|ss|x|zz|o)es", lower):
        base = lower[:-2]  # "focuses", "pushes", "discusses", "echoes"
    elif re.fullmatch(r"[a-z]+[^aeiou]ies", lower):
        base = lower[:-3] + "y"  # "replies"
    elif re.fullmatch(r"[a-z]+[^s]s", lower):
        base = lower[:-1]  # "sends", "deletes", "uses"
    else:
        return rest
    return f"{base} {tail}" if tail else base


# The assistant named in the third person before "never": "It never sends …", "The bot never deletes …".
_ASSISTANT_SUBJECT = r"(?:it|he|she|(?:the|this|our|my)\s+(?:\w+\s+)?(?:bot|chatbot|assistant|agent|model|ai|tool|app))"
_THIRD_PERSON_SUBJECT = re.compile(
    rf"\b{_ASSISTANT_SUBJECT}\s+(?:also\s+)?$|"
    # "It never discusses prices and never pushes upgrades": the same subject
    rf"^{_ASSISTANT_SUBJECT}\s+[^.;:]*\s(?:and|but)\s+(?:also\s+)?$",
    re.IGNORECASE,
)
_SUBJECT_FIRST = re.compile(
    r"(?:everyone|everybody|anyone|anybody|nobody|someone|it|this|that|they|we|he|she|you|all|each|every)\s+"
    r"(?:is|are|was|were|has|have|gets?|needs?|can|will|must|should)\b",
    re.IGNORECASE,
)
# "not aimed at adults", "not meant for professionals", "not for beginners": a negated audience, who the assistant is
# for; "not written for experts" likewise (a participle, then the readers)
_PEOPLE = (
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:adults?|kids|children|teens|teenagers|beginners|novices|experts|professionals|"
    r"specialists|students|pupils|teachers|parents|clinicians|doctors|lawyers|developers|engineers|people|users|"
    r"customers|staff|members|patients|learners|under-\d+s|over-\d+s)\b"
)
_NOT_FOR_WHOM = re.compile(
    rf"(?:(?:[a-z]+ed|meant|written|made|built|suitable|appropriate|fit)\s+(?:at|for|to|towards?)\s+|for\s+){_PEOPLE}",
    re.IGNORECASE,
)
# "intended as legal advice", "designed to replace a doctor": a past participle opening what follows "not" describes
_PARTICIPLE_REST = re.compile(
    r"(?:[a-z]+ed|meant|written|made|built|done|given|known|seen|shown|taken)\s+(?:as|at|for|to|towards?|by|with)\b",
    re.IGNORECASE,
)


def _has_modal(text: str, cue_start: int) -> bool:
    """Whether a modal stands right before "not" ("must not", "should not"): a ban on an action, not a description."""
    return re.search(r"\b(?:must|should|will|do|does|may|can)\s+$", text[:cue_start], re.IGNORECASE) is not None


_FRAGMENT_REST = re.compile(r"(?:in|about|on|at|for|to|with|even|from|by|into|if|when|as|than)\b", re.IGNORECASE)
# "never …, or tell …", "don't …, or ask …": a cue that bans verbs, so a verb after the list's "or" is banned too
# "use a credit card or borrow from family to pay": a verb phrase, then "or" and a second verb with its object,
# closing a list of things done (never "use plain text or simple dashes", whose "or" joins two nouns, nor "tell them to
# see a GP or call the clinic", an instruction to the assistant)
_VERB_LIST_LAST = re.compile(
    r"(?!(?:just|only|simply|instead|rather|please|but|and|then|so|tell|say|ask|refer|suggest|recommend|point|send|"
    r"direct|offer|hand|pass|escalate|invite|encourage|advise|explain|let|give)\b)[a-z]+\s[^,;:.!?()]{2,60}?\s+or\s+[a-z]+"
    r"(?<!ing)\s+(?:a|an|the|from|with|for|into|out|up|it|them|their|your|his|her|any|some|more|less|money|"
    r"on\s+(?:credit|finance|loan))\b[^,;:!?()]{0,60}$",
    re.IGNORECASE,
)
_BANNED_VERB_CUE = re.compile(r"never(?:\s+ever)?|don'?t(?:\s+ever)?|do\s+not|must\s+not|should\s+not", re.I)
# "Never diagnose a pet, or tell the owner to call the clinic": a verb after "or" that sends the person somewhere is
# what to do instead (a route), not one more thing the ban covers
_OR_ROUTE = (
    r"(?:tell|ask|advise|invite|encourage|get)\s+(?:[\w'’-]+\s+){1,3}?to\s+(?:call|ring|phone|contact|e-?mail|text|"
    r"visit|see|speak|talk|reach|get\s+in\s+touch|go\s+to|come\s+in|book|write)\b|"
    r"(?:send|refer|direct|point|pass|forward|transfer|redirect|route)\s+(?:[\w'’-]+\s+){1,3}?(?:to|towards?|on)\b|"
    r"give\s+(?:[\w'’-]+\s+){1,4}?(?:line|number|e-?mail(?:\s+address)?|address|contact|phone|link|details|hotline|"
    r"helpline)\b"
)
_OR_VERB_TAIL = re.compile(
    rf",\s*(?:or(?!\s+(?:{_OR_ROUTE}))|nor)\s+(?=(?:tell|say|give|offer|suggest|promise|recommend|add|change|ask|let|make|share|send|"
    r"quote|confirm|agree|book|move|put|advise|use)\b)[^,;:.!?()]{3,120}(?=[.;!?]?\s*$)",
    re.IGNORECASE,
)
_OWN_VERB = re.compile(
    r"\b(?:is|are|was|were|stays?|remains?|has|have|gets?|must|should|can|will|keeps?|looks?|sounds?|feels?)\b", re.I
)
_HELD_UNTIL = re.compile(r"\b(?:before|until|till)\s+(?:that|then|this\s+(?:step|check)|it\s+(?:is|has))\b", re.I)
_BARE_VERBS = frozenset({"do", "does", "go", "be", "have", "get", "offer", "cover", "handle", "sell", "take"})
_NOUN_FIRST = re.compile(r"(?:the|a|an|your|their|all|any|more|every)\s", re.IGNORECASE)
_BARE_PRONOUN = re.compile(r"(?:them|it|this|that|those|these|one|him|her)", re.IGNORECASE)


# "No crime ref, no claim opened", "no receipt, no refund", "Without an ID, no booking": a terse condition and its
# consequence (the first thing is needed for the second), never two bans. The second part is what the assistant would
# do: a noun with its participle ("no claim opened") or a transaction ("refund", "booking", "entry"), said once.
_NO_THEN_NO = re.compile(
    r"^(?P<cue>no|without)\s+(?P<need>[^\W\d][^,;:.!?=]{0,40}?)\s*(?:,|=|->|→|\bmeans\b)\s*no\s+"
    r"(?P<outcome>[^\W\d][^,;:.!?]{0,40}?)\s*(?=[;.!]|\s[-–—]\s|$)",
    re.IGNORECASE,
)
_OUTCOME_DONE = re.compile(
    r"[\w-]+(?:\s+[\w-]+)?\s+(?:[a-z]{3,}ed|made|given|done|taken|sent|paid|held|kept|sold|shown|seen|granted|"
    r"issued|written|begun)$",
    re.IGNORECASE,
)
_OUTCOME_ACT = re.compile(
    r"(?:[\w-]+\s+)?(?:refund|booking|reservation|appointment|claim|entry|admission|access|boarding|service|sale|"
    r"delivery|dispatch|shipment|payout|payment|return|exchange|repair|replacement|release|collection|quote|"
    r"discount|voucher|credit|loan|order|ticket|treatment|prescription|visit|transfer|withdrawal|approval|"
    r"sign-?off|deal|rental|hire|check-?in|handover|cover|escalation)$",
    re.IGNORECASE,
)

# ... and the first part a thing the person must have or hand over ("receipt", "ID", "crime ref", "ticket",
# "deposit"): "No diagnosis, no prescription" and "No personal data stored, no payment taken" are two bans
_NEED_THING = re.compile(
    r"(?:[\w-]+\s+){0,2}(?:receipts?|id|ids|identification|badge|ref|reference|ref\s+number|number|ticket|deposit|"
    r"proof(?:\s+of\s+[\w-]+)?|pass|card|licen[cs]e|passport|permit|voucher|code|invoice|po|booking|reservation|appointment|"
    r"confirmation|consent|signature|warranty|membership|helmet|insurance|login|password|pin|quote|approval|"
    r"sign-?off|referral|prescription|certificate|waiver|form|photo)",
    re.IGNORECASE,
)


def _no_then_no(stripped: str, source: str) -> list[FoundRule] | None:
    """ "No receipt, no refund" as the one rule it is ("No refund without receipt."), or None for another shape;
    "No emojis, no hashtags" stays two bans."""
    pair = _NO_THEN_NO.match(stripped)
    if pair is None:
        return None
    outcome = pair.group("outcome").strip()
    conditional = pair.group("cue").lower() == "without" or (
        bool(_NEED_THING.fullmatch(pair.group("need").strip()))
        and bool(_OUTCOME_DONE.fullmatch(outcome) or _OUTCOME_ACT.fullmatch(outcome))
        and not re.search(r"(?<!s)s$", outcome.split()[-1])  # "no exchanges, no refunds": a list of bans
    )
    if not conditional:
        return None
    if not is_english(stripped):
        return []  # "Sin ticket, no hay reembolso" reads only whole; the sentence stays a rule in the brief's words
    need = source[pair.start("need") : pair.end("need")].strip()
    outcome = source[pair.start("outcome") : pair.end("outcome")].strip()
    rest = f"{outcome} without {need}"
    return [FoundRule(f"No {rest}.", None, None, 0, pair.end(), rest)]


def find_prohibition(text: str) -> FoundRule | None:
    """The first prohibition one clause states, if any."""
    found = find_prohibitions(text)
    return found[0] if found else None


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
_TOOL_NAME_ONLY = re.compile(r"`?[A-Za-z]+_[A-Za-z0-9_]+`?(?:\(\w*\))?")
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
    r"^(?P<then6>.+?)\s+only\s+(?:after|once(?!\s+(?:per|a|an|every|each|in|more)\b)|when)\s+(?P<first6>.+)$|"
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
# "is still SHIPPING,", "counts as a refund request,", "that's P2,": the class, label or score a case gets, before the
# one it does not get
_MAPPED_AS = re.compile(
    r"(?:\b(?:is|are|stays?|remains?)|['’]s)\s+still\s+[^,;]{1,60},\s*$|"
    r"\b(?:counts?|counted|treat(?:ed)?|labell?ed|classif(?:y|ied)|filed?|marked|tagged|scored|graded|goes|go|falls?)"
    r"\s+(?:still\s+)?(?:as|under|in|into|to)\s+[^,;]{1,60},\s*$|"
    r"(?:\b(?:is|are)|['’]s)\s+(?:still\s+)?(?:a\s+|an\s+)?[\"“'‘]?(?-i:[A-Z][A-Z0-9_-]+\b)[\"”'’]?\s*,\s*$",
    re.IGNORECASE,
)
# "That's counseling, not Q&A": what the case a rule before names is, said as a contrast (not "This is legal
# information, not legal advice": what the service is, and so what to avoid; nor "It's friendly, not pushy")
_WHAT_IT_IS = re.compile(
    r"^\s*that(?:['’]s|\s+is|\s+was|\s+would\s+be)\s*[^,;]{1,40},\s*$",
    re.I,
)
_TOOLS_IN_TURN = re.compile(
    r"`?[a-z]+(?:_[a-z0-9]+)+`?(?:\(\w*\))?,?\s+(?:then|and\s+then|and|->|→)\s+`?[a-z]+(?:_[a-z0-9]+)+`?(?:\(\w*\))?$"
)
_BOT_SUBJECT_LEAD = re.compile(
    r"^(?:(?:the\s+)?(?:bot|chatbot|assistant|agent|ai|model|game)|it)\s+(?=[a-z]+s\b)", re.IGNORECASE
)


def _verb_phrase(text: str) -> str:
    text = re.sub(r"\s+first$", "", text.strip().rstrip(".!,;"), flags=re.IGNORECASE)
    if _BOT_SUBJECT_LEAD.match(text):
        # "the bot asks …", "before it promises anything": the bot is "you"
        text = subject_verb_to_base(verbs_to_base(_BOT_SUBJECT_LEAD.sub("", text, count=1)))
    text = re.sub(
        r"^(?:and\s+)?(?:always|(?:you|it|they|the\s+\w+)\s+(?:must|should)(?:\s+always)?|please|"
        r"make\s+sure\s+(?:to|you)|be\s+sure\s+to)\s+",
        "",
        text.strip(),
        flags=re.IGNORECASE,
    )
    return re.sub(r",\s*only$", "", text.strip().rstrip(".!,;")).rstrip(",")


_ORDER_KEYS = re.compile(
    r"before|prior|ahead|first|then|after|once|until|unless|without|antes|bevor|ehe|avant|先|然后|てから|でから|した後|たあとで|まず|最初に|首先|"
    r"zuerst|erstes|primero|abord|premier|primeiro|at\s+the\s+(?:very\s+)?end|in\s+(?:this|that|the\s+following)\s+order|"
    r"之前|以前|前に|\b(?:vor|prima\s+di|voor|vóór)\b",
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


_BASE_VERBS = (
    r"issue|refund|answer|reply|respond|send|process|share|give|provide|close|escalate|make|call|use|change|cancel|"
    r"delete|update|submit|confirm|approve|proceed|continue|recommend|suggest|quote|book|schedule|transfer|disclose|"
    r"reveal|discuss|offer|run|execute|deploy|merge|write|generate|output|return|finali[sz]e|start|begin|diagnose|"
    r"apply|charge|ship|reset|unlock|grant|modify|edit|create|look|check|verify|ask|help|troubleshoot|draft|publish|"
    r"post|attempt|place|page|reserve|move|go"
)


_OBJECT_WORD = re.compile(
    r"^\w+\s+(?:them|it|him|her|the|a|an|your|their|its|this|that|these|those|any|each|every|all|one|to|with|for|"
    r"about|up|out|back)\b",
    re.IGNORECASE,
)


def _starts_with_verb(phrase: str) -> bool:
    """Whether a step starts with a verb in its base form ("reserve", "thank them"), so "before you ..." reads."""
    if re.match(r"\w+ing\b", phrase):
        return False
    return bool(re.match(rf"(?:{_BASE_VERBS})\b", phrase, re.IGNORECASE) or _OBJECT_WORD.match(phrase))


_NEGATED_LEAD = re.compile(r"(?:never|don'?t|do\s+not|no)\b[^,;]*[,;]\s*(?:and\s+)?\w", re.IGNORECASE)


def _last_part(first: str) -> str:
    """A long first step is the last of several joined ones: "never ask X, and send Y first" -> "send Y"."""
    # "ask at most 2 questions first (light, watering, how long …)": an aside's commas separate no steps.
    first = re.sub(r"\s+\([^()]*\)?$", "", re.sub(r"\s+\([^()]*\)", "", first)) or first  # not "tool(a, b)"
    if len(first.split()) <= _MAX_FIRST_WORDS and not _NEGATED_LEAD.match(first):
        return first
    parts = re.split(r"[,;]\s*(?:and\s+)?|\s+and\s+(?=(?:always\s+)?[a-z]+\s)", first)
    return parts[-1] if parts and parts[-1].strip() else first


_MAX_FIRST_WORDS = 14
_TIME_BEFORE = re.compile(
    r"\b(?:the\s+)?(?:day|night|evening|morning|week|month|\d+\s+(?:hours?|days?|weeks?|minutes?|h))\s+before\b",
    re.IGNORECASE,
)


_AT_THE_END = re.compile(
    r"(?:^|,\s*|\band\s+)(?P<lead>(?:only\s+)?at\s+the\s+(?:very\s+)?end(?:\s+of\s+(?:the|each)\s+\w+)?)\s*,?\s+"
    r"(?P<last>[^.;]{4,120})",
    re.IGNORECASE,
)


def _at_the_end(text: str) -> FoundRule | None:
    """ "... and only at the end give me feedback on structure": a last step after everything else."""
    match = _AT_THE_END.search(text)
    if match is None:
        return None
    last = _verb_phrase(match.group("last"))
    lead = match.group("lead")
    sentence = f"{lead[0].upper()}{lead[1:]}, {last}."
    return FoundRule(sentence, "everything else", last, match.start("lead"), match.end("last"))


# "Output: a 3-bullet summary, then 'Next step:' with one action, then 'Sentiment:' …": parts of a reply in order.
_PARTS_THEN = re.compile(r"^(?!.*\b(?:before|after|until|once)\b)[^:]{0,40}:\s.*,\s+then\b", re.IGNORECASE)
_FIRST_THEN = re.compile(r"\bfirst\b,?\s+(?:and\s+)?then\b", re.IGNORECASE)
_COUNTED_PART = re.compile(r"(?:at\s+most|at\s+least|up\s+to|no\s+more\s+than|\d+|one|two|three|four|five)\s", re.I)
_NEGATED_STEP = re.compile(r"(?:never|don'?t|dont|do\s+not)\b", re.IGNORECASE)


def _held_back(stripped: str, first: str, then: str, end: int) -> FoundRule:
    """ "dont give the answers til i type ANSWERS then list them all": a step held back until a signal reads as the
    brief's own sentence, from the step on; "don't X before you Y" would turn it around."""
    at = stripped.lower().find(first.lower())
    step = stripped[at:] if at >= 0 else stripped
    sentence = second_person(sentence_case(re.sub(r"(?i)\btill?\b", "until", step)), "user")
    return FoundRule(sentence, first, then, max(at, 0), end)


_IN_THIS_ORDER = re.compile(r"\bin\s+(?:this|that|the\s+following)\s+order\s*:\s*(?P<items>[^.;!?]{3,200})", re.I)
_IN_THAT_ORDER = re.compile(r"(?:^|[:,;]\s*)(?P<items>[^.;:!?]{3,200}?),?\s+in\s+(?:this|that)\s+order\b", re.I)


def _in_this_order(text: str) -> FoundRule | None:
    """ "three sections in this order: This week, Coming up, Reminders": parts the reply gives in a fixed order."""
    listed = _IN_THIS_ORDER.search(text)
    match = listed or _IN_THAT_ORDER.search(text)
    if match is None:
        return None
    items_text = match.group("items").strip().rstrip(",")
    items = [i.strip() for i in re.split(r",\s*(?:and\s+|then\s+)?|\s+(?:and|then)\s+", items_text) if i.strip()]
    if len(items) < 2:
        return None
    # "List the risks, the fixes and the owners, in that order" says it best in its own words.
    sentence = f"Give these parts in this order: {', '.join(items)}." if listed else sentence_case(text.strip())
    return FoundRule(sentence, items[0], items[-1], match.start(), match.end())


_CJK_ORDER_WORDS = ("先", "てから", "でから", "した後で", "たあとで", "まず", "最初に", "之前", "以前", "前に")


# "not breathing", "not eating or drinking": a state someone is in, listed among symptoms, forbids nothing.
# "dire que …", "decir que …", "sagen, dass …", "dizer que …", "dire che …", "zeggen dat …": what to say comes next
_FOREIGN_REPORTED = re.compile(
    r"\b(?:dire|dis|dites|decir|di|diga|digas|dizer|diz|sagen|sag|sage|zeggen|zeg|explicar|expliquer|explique)\s*,?\s+"
    r"(?:que|qu['’]|dass|che|dat)\b[^,;.]*$",
    re.IGNORECASE,
)
# a condition still open where the clause stands ("if the animal is inside the living space (")
_OPEN_CONDITION = re.compile(r"\b(?:if|when|whenever|unless)\b[^,;:.]*$", re.IGNORECASE)
# "Urgent repairs come first:", "Emergencies =", "Red flags:": a heading over the cases a list names
_CASE_HEADING = re.compile(
    r"\b(?:emergenc(?:y|ies)|urgent|crisis|red\s+flags?|danger(?:ous)?|warning\s+signs?|symptoms?|come\s+first|"
    r"safety\s+issues?|hazards?)\b",
    re.IGNORECASE,
)


def before_list(text: str) -> str:
    """What a sentence says before the first colon or "=" that opens its list ("Urgent repairs come first")."""
    return re.split(r"[=:]", text, maxsplit=1)[0]


_SYMPTOM = re.compile(
    r"\s*(?:breathing|eating|drinking|responding|responsive|moving|waking|walking|peeing|urinating|pooping|feeding|"
    r"sleeping|standing|conscious)\b",
    re.IGNORECASE,
)


_CONDITION_WORD = re.compile(r"\b(?:if|unless|when|whenever|in\s+case)\b", re.IGNORECASE)
# A clause that opens with a prohibition: its order rule is the whole sentence, negation included.
NEGATED_ORDER = re.compile(r"\s*(?:please\s+)?(?:never|don'?t|do\s+not|must\s+not|avoid)\b", re.IGNORECASE)


_ASIDE = re.compile(r"\([^()]{3,200}\)")


_CASE_BEFORE_STEP = re.compile(r"\b(?:if|when|whenever|unless|once)\b[^.;:]{3,200},\s*$", re.IGNORECASE)
_REQUESTER_STEP = re.compile(r"(?:^|\s)I\s+(?:\w+\s+)?(?:\w+)")
_TOOL_ID = r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]+)+"
_TOOL_BEFORE_TOOL = re.compile(
    rf"^\s*(?:(?:immer|always|toujours|siempre|sempre|altijd|erst|zuerst|first)\s+)?`?(?P<first>{_TOOL_ID})`?"
    rf"(?:\(\))?\s+(?:vor|avant|antes\s+de|antes\s+del|prima\s+di|voor|vóór|before)\s+`?(?P<then>{_TOOL_ID})\b"
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
# "= null, ", "is 0, ", "use N/A, ": a value named right before a "not …" contrast
_VALUE_BEFORE = re.compile(
    r"(?:=|\bis|\bas|\buse|\bwrite|\bput|\bset\s+to)\s*(?:null|none|0|false|true|n/?a|\"[^\"]*\"|'[^']*'|`[^`]*`|\[\])\s*,\s*$",
    re.IGNORECASE,
)
_TOOL_THEN_STEP = re.compile(rf"(?P<tool>{_TOOL_ID})\s+(?P<step>[a-z]\w*\s.*)$")


# "Quero um assistente que nunca dê conselhos médicos": a "never" in the request is still the brief's ban (unlike "o
# que não consegue resolver", which describes the job).
# "AVISO, no BORRAR", "HINWEIS, nicht LÖSCHEN": the label a case gets, set against another one, no ban
_LABEL_CONTRAST = re.compile(
    r"(?:no|nicht|pas|não|nao|non|niet|geen)\s+(?-i:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\b(?![a-zà-ÿ])"
)
_LABEL_JUST_BEFORE = re.compile(r"(?-i:[A-Z][A-Z0-9]{2,}(?:_[A-Z0-9]+)*)\s*[,;/]?\s*$")
# "wasps and bumblebees we dont deal with": the object stands first, the verb's preposition is left without it
_DANGLING_PREPOSITION = re.compile(r"\s(?:with|about|for|on|to|into|in)$", re.IGNORECASE)
_FRONTED_OBJECT = re.compile(r"\s*(?:[-*•]\s*)?(?P<object>[^\W\d][\w ,&'’-]{2,60}?)\s+(?:we|i)\s+", re.IGNORECASE)
# German cues that are also acronyms elsewhere (the Spanish foreigner's number NIE)
_FOREIGN_ACRONYM_CUES = frozenset({"nie", "kein", "keine"})
_NEVER_WORD = re.compile(r"(?i)nunca|jamais|jam[áa]s|niemals|nie\b|never|mai\b|nooit|nimmer")
# "We want an assistant that first asks for the order number, then checks …": steps in the request are still an order.
_STEP_WORDS = re.compile(
    r"(?i)\b(?:first|then|afterwards|primero|luego|despu[ée]s|zuerst|erst|dann|danach|d['’]abord|puis|ensuite|prima|"
    r"poi|dopo|eerst|daarna|primeiro|depois|em\s+seguida)\b"
)


def find_ordering(text: str) -> FoundRule | None:
    """The ordering rule one clause states (first X, then Y), if any."""
    if not _ORDER_KEYS.search(text) or (ASKS_FOR_ASSISTANT.match(text) and not _STEP_WORDS.search(text)):
        return None  # ("Preciso de um moderador automático para os anúncios antes de irem pro ar": the job itself)
    if not _ORDER_KEYS.search(_ASIDE.sub(" ", text)):
        return None  # "Rider Switch (one adult rides, then the other, …)": an aside describes a process, orders nothing
    fixed = EXACT_COLON.search(text) or ENDING_COLON.search(text)
    ordered_parts = fixed is not None and _FIRST_THEN.search(text, fixed.start()) is not None
    if fixed is not None and not ordered_parts and not _ORDER_KEYS.search(text[: fixed.start()]):
        return None  # "Always end the description with: Tested with film before shipping.": words to write
    stripped = text.strip().rstrip(".!")
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
    # "the day before each appointment", "The week before an exam, ask …": when, not what comes first (same length,
    # so the offsets hold)
    masked = _TIME_BEFORE.sub(lambda m: m.group(0)[:-6] + "within", stripped)
    match = _BEFORE.match(masked)
    if not match:
        return _at_the_end(text) or _in_this_order(stripped)
    # (the groups in the brief's own words: the mask changed "before" only, and kept every offset)
    groups = {name: stripped[match.start(name) : match.end(name)] for name, value in match.groupdict().items() if value}
    groups.pop("conn7", None) if "first7" not in groups else None
    glued = _TOOL_THEN_STEP.match(groups.get("then2", ""))
    if glued is not None and _starts_with_verb(glued.group("step")):
        # "before create_booking read back room, date, time, … and total price, and only book after …": the comma
        # after the tool is missing, so the step runs on past the first comma; the clause is the rule, whole
        step = stripped[match.start("then2") + glued.start("step") :]
        sentence = second_person(f"Before calling {glued.group('tool')}, {step}.", "user")
        return FoundRule(sentence, step, glued.group("tool"), 0, len(text.rstrip()))
    if (
        "first4" in groups
        and _CONDITION_WORD.search(groups["first4"])
        and not re.search(r"\bfirst\b", groups["first4"], re.IGNORECASE)
        and len(groups["then4"].split()) <= 3
        and not _starts_with_verb(groups["then4"])
        and groups["then4"].split()[0].lower() not in VERBS
    ):
        return None  # "US format (MM/DD/YYYY) unless the shipper is in Canada, then DD/MM/YYYY": a case's value
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
    first = next((groups[g] for g in groups if g.startswith("first")), None)
    then = next((groups[g] for g in groups if g.startswith("then")), None)
    if first is None:
        return None
    if _REQUESTER_STEP.search(first) and _REQUESTER_STEP.match(then or ""):
        return None  # "every night I take notes, then I have to send two updates": the requester's day, no rule
    if (
        _OTHERS_STEP.search(_last_part(_TITLE.sub("", first.strip(), count=1)))
        and _AND_THEN.search(stripped)
        and not re.match(r"\s*you\b", then or "", re.IGNORECASE)  # ("…, and then you tell them": the assistant's step)
    ):
        return None  # "volunteers walk 2 transects … and then email in their notes": what others do, no rule
    # "riddle game: the bot asks a riddle, gives 2 hints, then …": the title before the colon is no step.
    whole_first = _TITLE.sub("", first.strip(), count=1)
    last_first = _last_part(whole_first)
    at_first = stripped.find(last_first)
    if at_first > 0 and _CASE_BEFORE_STEP.search(stripped[:at_first]) and is_english(stripped):
        # "The ONE exception: if the user says their account was hacked, call freezeAccount immediately, then verify":
        # the steps hold only in their case, so the sentence is the rule, case and all
        whole = second_person(sentence_case(f"{stripped.strip()}."), "user")
        return FoundRule(whole, whole_first, then, 0, len(text.rstrip()))
    dropped = whole_first[: len(whole_first) - len(last_first)] if whole_first.endswith(last_first) else ""
    if dropped.strip(" ,;") and _starts_with_verb(dropped.strip()) and not _NEGATED_LEAD.match(dropped):
        # "Quiz them with one … at a time, wait for their answer, then tell them …": three steps, the first of which
        # a two-step rule would drop; the brief's own sentence says them all, in order
        whole = second_person(sentence_case(f"{stripped.strip()}."), "user")
        return FoundRule(whole, whole_first, then, 0, len(text.rstrip()))
    if dropped.strip(" ,;") and re.match(r"(?i)so\b", last_first.strip()):
        # "The final decision is made at the screening, so it can say what the guide says and then remind them of
        # that": the steps follow from the fact before them, and "that" points to it; the sentence is the rule, whole
        whole = second_person(sentence_case(f"{stripped.strip()}."), "user")
        return FoundRule(whole, whole_first, then, 0, len(text.rstrip()))
    if re.fullmatch(r"[\"“'‘][^\"”'’]{1,30}[\"”'’]", last_first.strip()):
        return None  # 'one line: "Votes: " then each vote …': the line's fixed start and its content, not two steps
    first = _verb_phrase(last_first)
    if not first.strip():
        return None  # "Greet them. , then add the tracking link.": a stray comma opens no first step
    if not re.match(r"\S+\s+(?:must|should|will|can|are|were|need)\b", first, re.IGNORECASE):
        first = verbs_to_base(first)  # "reads invoices, extracts the amount" (but "answers must show …" is a noun)
    if _TOOL_NAME_ONLY.fullmatch(first) or _TOOLS_IN_TURN.match(first):
        # "Always search_kb before creating a ticket", "get_player then verify_player before ANY of …": the tools'
        # names used as their verbs
        first = f"call {first}"
    then = _verb_phrase(then) if then else None
    if then is not None and re.match(r"`?[A-Za-z_]\w*\(", then):
        then = f"call {then}"  # "before reserve(sku, qty)": the tool, called
    if then is not None and (_starts_with_verb(first) or first.split()[0].lower() in VERBS):
        then = verbs_to_base(then)  # "…, then reveals the answer": the second step in the first one's form
    # ("order: revenue/guidance first, then margins, then volumes": the brief's own list of parts, one word each)
    parts_listed = _FIRST_THEN.search(stripped) is not None and (
        _PARTS_THEN.search(stripped) is not None or len(re.findall(r"\bthen\b", stripped, re.IGNORECASE)) >= 2
    )
    too_short = len(first.split()) < 2 and not parts_listed
    if len(first.split()) > _MAX_FIRST_WORDS or (then is not None and len(then.split()) > 16) or too_short:
        return None
    if "first8" in groups and not re.search(
        r"\b(?:always|ask|check|verify|confirm|get|collect|read|search|look)\b", stripped, re.IGNORECASE
    ):
        return None
    if _NEGATED_STEP.match(first) and then is not None:
        return _held_back(stripped, first, then, len(text.rstrip()))
    if "first16" in groups:
        sentence = f"Always {first} first, and {groups['then16']}."
    elif "conn7" in groups and stripped.lstrip()[:7].lower() == "nothing":
        # "nothing account-specific (trips, credits, plan) until …": the brief's own gate, as written
        sentence = sentence_case(f"{stripped.strip().rstrip('.')}.")
    elif "conn7" in groups and groups["conn7"].lower().startswith("without") and then is not None:
        sentence = f"Never {then} without {first}."
    elif then is None:
        sentence = f"Always {first} first."
    elif (
        (_FIRST_THEN.search(stripped) or _PARTS_THEN.search(stripped))
        and not _starts_with_verb(first)
        and (first.split()[0].lower() not in VERBS)
    ):
        # "Explain the process: letter before claim first, then filing the claim, …": steps that are no verbs
        # keep the brief's own words, with the instruction before the colon that says what they are steps of.
        title = _TITLE.match(stripped.strip())
        # ("order: revenue first, then margins": the title that says what the list orders stays too)
        named = title is not None and re.match(r"\s*(?:order|sequence)\s*:", title.group(0), re.IGNORECASE) is not None
        lead = title.group(0).strip() + " " if title and (_starts_with_verb(title.group(0)) or named) else ""
        sentence = sentence_case(f"{lead}{first} first, then {then}.")
        if not _FIRST_THEN.search(stripped):
            sentence = sentence_case(f"{stripped.strip()}.")  # the brief's own list of parts, as written
    elif (
        re.match(r"only\s+", stripped, re.IGNORECASE)
        and not _starts_with_verb(first)
        and first.split()[0].lower() not in VERBS
        and _starts_with_verb(then)
    ):
        # "Only call notify_buyer after a reserve succeeded": the condition is a state, not a step to take first
        sentence = second_person(f"{then[0].upper()}{then[1:]} only after {first}.", "user")
    else:
        # "give the formula in a code block, then at most 3 bullets": a step that is no verb follows with "then".
        joint = " before you" if _starts_with_verb(then) else (", then" if _COUNTED_PART.match(then) else " before")
        sentence = f"{first[0].upper()}{first[1:]}{joint} {then}."
        sentence = second_person(sentence, "user")  # "ask me 5 questions first": the requester is the user
    if not is_english(stripped):
        sentence = f'Follow this order from the brief: "{stripped}".'
    # "… before you return ONLY this JSON:" (the JSON itself is read as a schema): no colon before the full stop.
    sentence = re.sub(r"\s*[:;,]\s*\.$", ".", sentence)
    return FoundRule(sentence, first, then, 0, end)


_MUST = re.compile(
    r"\b(?:(?:answer|respond|reply|rely|draw)\s+only|(?:output|return|print|send|give)\s+(?:only|just)\s+the|nothing\s+but|only\s+(?:from|based\s+on|using|with\s+information\s+from)|"
    r"based\s+(?:only|solely|exclusively|strictly)\s+on|solely|exclusively|strictly|"
    r"always|must|need(?:s)?\s+to|required?|make\s+sure|ensure|be\s+sure\s+to|has\s+to|have\s+to|"
    r"should\s+always|every\s+(?:answer|reply|response)|needs?\s+(?:\w+\s+)?approval|requires?|only\s+(?:answer|use|respond|reply|discuss|talk)|"
    r"siempre|debes?|tienes\s+que|hay\s+que|immer|muss|müssen|stets|toujours|doit|dois|il\s+faut|sempre|deve|precisa|"
    r"必ず|必须|务必|常に)\b|必ず|必须|务必|常に",
    re.IGNORECASE,
)
# `(?<![\d,.])`: a number is tried from its first digit only; from every digit, a long run of digits cost
# quadratic time (20,000 zeros in a brief: 95 s).
_THRESHOLD = re.compile(
    r"(?:[$€£¥]\s?\d[\d,.]*|(?<![\d,.])\d[\d,.]*\s?(?:[$€£¥]|usd|eur|dollars|euros))", re.IGNORECASE
)


_MUST_SEGMENT = re.compile(
    r"(?:^|(?<=[,;:]))\s*(?:and\s+)?(?P<must>(?:always|make\s+sure|be\s+sure\s+to|ensure|remember\s+to|you\s+must|"
    # "logging only via `get_logger`, never print()": a restriction stated without a verb
    r"[\w-]+\s+only\s+(?:via|through)\b)"
    r"[^,;]*)",
    re.IGNORECASE,
)


# "…, if the call time is missing write CALL TIME TBC instead": a case and what to write in it, after a comma
_CASE_SEGMENT = re.compile(
    r"(?<=[,;])\s*(?:and\s+)?(?P<must>(?:if|when|whenever)\s+[^,;.]{3,80}?(?<!\bnot)(?<!n't)(?<!\bnever)"
    # ("if asked outside that say so": "that" points back, so the part is no rule on its own)
    r"(?<!\bthat)(?<!\bthis)(?<!\bit)(?<!\bthose),?\s+"
    r"(?:write|put|use|say|reply|answer|mark|enter|fill\s+in|return|output|show)\s[^;]*?)(?=[.;]\s|[.;]?$)",
    re.IGNORECASE,
)


_SCOPE_LEAD = re.compile(
    r"\s*(?:[-*•]\s*)?(?:for|with|on|about|regarding|when|if|whenever)\b[^,;]{2,60},", re.IGNORECASE
)


def must_segments(text: str) -> list[tuple[int, int]]:
    """The comma-separated parts of a clause that state a must on their own ("..., always end with a question") or
    what to write in a case ("…, if the call time is missing write CALL TIME TBC instead")."""
    found = [(m.start("must"), m.end("must")) for m in _MUST_SEGMENT.finditer(text)]
    if not _SCOPE_LEAD.match(text):  # ("For allergy questions, never guess, if …": the scope holds the whole clause)
        found += [(m.start("must"), m.end("must")) for m in _CASE_SEGMENT.finditer(text)]
    return sorted(found)


def find_requirement(text: str) -> FoundRule | None:
    """Any other explicit must or threshold in one clause, kept close to the brief's words."""
    stripped = text.strip()
    if not (_MUST.search(stripped) or _THRESHOLD.search(stripped)):
        return None
    if not _THRESHOLD.search(stripped) and all(
        re.search(r"\b(?:I|I'd|I'll)\s+(?:\w+\s+)?$", stripped[: m.start()])
        and re.match(r"(?:have|has|need|needs|must)\b", m.group(0), re.IGNORECASE)
        for m in _MUST.finditer(stripped)
    ):
        return None  # "every evening I take notes, then I have to do 2 things": the requester's own work, no rule
    if is_meta_request(stripped) or _WANTS_AN_ASSISTANT.search(stripped):
        # "Necesito un prompt para … (préstamos de $1,000 a $15,000)", "Kessler & Daughters wants a website chat
        # assistant that collects what we need to quote …": the request for the assistant, not a rule of it
        return None
    if re.fullmatch(r"[^\W\d_][\w ,¿?-]{0,40}[:：]", stripped):
        return None  # "Cómo debe funcionar:", "How it must work:": a heading over the rules, no rule itself
    if stripped.isupper() and len(stripped.split()) <= 3:
        return None  # "MUST FIX", "SHOULD HAVE": a heading of the reply's outline, not a rule
    if is_english(stripped):
        return FoundRule(instruction_case(stripped), None, None, 0, len(text.rstrip()))
    # "… exatamente: Aprecie com moderação. Venda proibida …": a fixed text keeps its own full stop
    quoted = stripped if EXACT_COLON.search(stripped) else stripped.rstrip(".。")
    return FoundRule(f'Follow this rule from the brief: "{quoted}".', None, None, 0, len(text.rstrip()))


_WANTS_AN_ASSISTANT = re.compile(
    r"\b(?:wants?|needs?|would\s+like|is\s+looking\s+for)\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}"
    r"(?:assistant|bot|chatbot|agent|helper)\s+(?:that|which|who|to)\b",
    re.IGNORECASE,
)


# A scope restriction written as a fragment: "math only", "Python questions only", "only SELECT queries".
_SEGMENT_START = r"(?:^|(?<=[,;:(])\s*|(?<=\bbut\s)|(?<=\band\s))"
_TOPIC_ONLY = re.compile(
    _SEGMENT_START + r"(?P<topic>[\w+#.-]+(?:\s+[\w+#.-]+){0,2}?)\s+(?:only|exclusively)\s*(?=[,;.)]|$)",
    re.IGNORECASE,
)
_JOINED_BEFORE = re.compile(r"(?<![\w-])(?P<first>\w[\w+#.-]*)\s+(?P<conj>and|or|&)\s+$", re.I)
_ONLY_THING = re.compile(
    _SEGMENT_START + r"(?:only|exclusively)\s+(?P<thing>[\w+#.-]+(?:\s+[\w+#.-]+){0,2}?)\s+"
    r"(?P<noun>quer(?:y|ies)|statements?|questions?|topics?|requests?|code|scripts?|functions?|commands?|"
    r"tasks?|problems?|subjects?)\s*(?=[,;.)]|$)",
    re.IGNORECASE,
)
_ASKED_NOUNS = ("question", "topic", "request", "task", "problem", "subject")
# "JSON only", "English only", "label only", "reply only": formats, languages and reply shapes, read elsewhere.
_NOT_A_TOPIC = re.compile(
    r"^(?:json|yaml|xml|csv|text|plain(?:\s+text)?|markdown|code|label|labels?|category|class|english|spanish|german|"
    r"french|portuguese|italian|japanese|chinese|lowercase|uppercase|yes(?:\s+or\s+no)?|no|one|reply|answer|output|"
    r"the\s+\w+|a\s+\w+|\d+.*|emoji|words?|sentences?|bullets?|numbers?|ascii|read|internal|for\s+\w+|"
    # "one label only", "a single word only": a count, read as a limit or a format
    r"(?:one|single|a\s+single|two|three|four|five)\s+\w+|"
    # "show the age only", "give the total only": what to put in the reply, said with "only" after it
    r"(?:show|display|print|return|give|include|list|mention|state|send|put|tell|say)\s+.+)$",
    re.IGNORECASE,
)


# A topic is a noun phrase: a verb or a preposition in it means the fragment is an instruction ("reply in JSON").
_NOT_NOUN_PHRASE = re.compile(
    r"\b(?:in|with|as|to|for|of|by|on|at|reply|respond|answer|write|output|return|use|keep|be|is|are|and|or|"
    r"please|it|this|that|you|we)\b",
    re.IGNORECASE,
)


_ACTION_TOPIC = re.compile(
    r"(?:fix|correct|check|proofread|translate|summari[sz]e|review|edit|rewrite|rephrase|format|suggest|flag)\s+\w",
    re.IGNORECASE,
)


_SQL_STATEMENT = re.compile(r"select|insert|update|delete|merge|upsert", re.IGNORECASE)
_HOW_WRITTEN = frozenset({"syntax", "dialect", "notation", "spelling", "conventions", "terminology"})


def _is_topic(words: str) -> bool:
    return not _NOT_A_TOPIC.match(words) and not _NOT_NOUN_PHRASE.search(words)


_HOW_A_BUSINESS_SELLS = frozenset({"online", "offline", "in-store", "in store", "remote", "digital", "mobile", "web"})


_FORMAT_TOPIC = re.compile(
    r"(?:(?:raw|plain|pure|valid|strict|bare|minified)\s+)?(?:json|jsonl|csv|tsv|yaml|xml|html|markdown|text|plaintext)"
    r"(?:\s+(?:output|objects?|format|replies|responses?))?",
    re.IGNORECASE,
)


# "Indexes: ", "- Dates: ": a heading word and its colon right before a fragment.
_HEADING_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?[A-Za-z][\w -]{0,28}:[ \t]*$")


# "Topics: billing only", "Scope: billing questions only": a heading that is about what the assistant covers.
_SCOPE_HEADING = re.compile(r"\b(?:topics?|scope|subjects?|areas?|questions?|themes?|domain)\s*:", re.IGNORECASE)


def find_scope_restrictions(text: str) -> list[FoundRule]:
    """Scope restrictions stated as fragments, as requirements: "math only" -> "Only help with math.",
    "only SELECT queries" -> "Write only SELECT queries.",
    "Python questions only" -> "Only answer Python questions."."""
    found: list[FoundRule] = []
    for match in _ONLY_THING.finditer(text):
        thing, noun = match.group("thing"), match.group("noun")
        if not _is_topic(thing):
            continue
        asked = noun.lower().startswith(_ASKED_NOUNS)
        rule = f"Only answer {thing} {noun}." if asked else f"Write only {thing} {noun}."
        found.append(FoundRule(rule, None, None, match.start(), match.end(), f"{thing} {noun}"))
    for match in _TOPIC_ONLY.finditer(text):
        if match.group("topic").strip().lower() in _HOW_A_BUSINESS_SELLS:
            continue  # "(outdoor gear, online only)": how the business trades, not a scope for the assistant
        if _FORMAT_TOPIC.fullmatch(match.group("topic").strip()):
            continue  # "Raw JSON only.": the output's format (read as such), not a subject to help with
        topic = match.group("topic").strip()
        if not _is_topic(topic) or any(r.start <= match.start() < r.end for r in found):
            continue
        heading = _HEADING_BEFORE.search(text, 0, match.start("topic"))
        if heading and not _SQL_STATEMENT.fullmatch(topic) and not _SCOPE_HEADING.search(heading.group(0)):
            continue  # "Indexes: CREATE INDEX CONCURRENTLY only": how to do one thing, not all the assistant does
        start = match.start("topic")
        joined = _JOINED_BEFORE.search(text, 0, start)
        if joined is not None and _is_topic(joined.group("first")):
            # "LS and WF postcodes only": both items are the topic, not the last one alone.
            topic, start = f"{joined.group('first')} {joined.group('conj')} {topic}", joined.start("first")
        last = topic.split()[-1].lower()
        if _ACTION_TOPIC.match(topic):
            rule = f"Only {topic}."  # "fix grammar only" names an action, not a topic to help with
        elif _SQL_STATEMENT.fullmatch(topic):
            rule = f"Write only {topic.upper()} statements."  # "SELECT only"
        elif last.startswith(_ASKED_NOUNS) and len(topic.split()) > 1:
            rule = f"Only answer {topic}."
        elif last in _HOW_WRITTEN:
            rule = f"Use only {topic}."  # "MySQL 8 syntax only", "metric units only": how to write, not a topic
        else:
            rule = f"Only help with {topic}."
        found.append(FoundRule(rule, None, None, start, match.end(), topic))
    return found
