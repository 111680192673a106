"""The limit reader: a clause's length limits, told apart from rubric criteria, input shapes and per-part lines."""

from __future__ import annotations

import re

from app.engine.constraints import (
    label_items,
    limits,
    rationed,
)
from app.engine.constraints.clause_readers import CONDITIONAL_CLAUSE, Span
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.limit_exceptions import limit_exception, with_exception
from app.engine.constraints.limit_leads import heading_scope
from app.engine.constraints.limit_numbers import FoundLimit
from app.engine.constraints.limit_outside import OUTSIDE_PREFIX
from app.engine.constraints.model import Constraint
from app.engine.constraints.sentence_case import instruction_case

# "E. Mise en page et longueur (entre 80 et 150 mots) : 2 pts", "Length (250-300 words) - 10 marks": a rubric
# criterion scores the graded text; its length is what the input should have, not a limit on the reply.
_RUBRIC_SCORE = re.compile(r"[:(–—-]\s*\d+(?:[.,]\d+)?\s*(?:pts?|marks?|pkt|分)\.?\)?\s*[.;]?\s*$", re.IGNORECASE)
# "Points" alone may count bullets ("Key takeaways: 3 points"): a criterion only when a length comes before it.
_RUBRIC_POINTS = re.compile(
    r"[:(–—-]\s*\d+(?:[.,]\d+)?\s*(?:points?|punkte?|puntos?|pontos?|punti|punten|点)\.?\)?\s*[.;]?\s*$",
    re.IGNORECASE,
)


def _rubric_criterion(text: str, found: list[FoundLimit]) -> bool:
    """A rubric line scores the graded text: its length is what the input should have, not a reply limit."""
    if _RUBRIC_SCORE.search(text):
        return True
    points = _RUBRIC_POINTS.search(text)
    # "Mise en page et longueur (entre 80 et 150 mots) : 2 points": the criterion's length is in brackets
    return points is not None and any(
        lim.end <= points.start() and text.rfind("(", 0, lim.start) > text.rfind(")", 0, lim.start) for lim in found
    )


def read_limits(text: str, unquoted: str, span: Span) -> list[Constraint]:
    """The clause's length limits, each with its scope, or a per-part rule where the limit is one part's."""
    found = limits.find_limits(text)
    if _rubric_criterion(text, found):
        return []
    ration = rationed.find_ration(unquoted)
    found = [lim for lim in found if not rationed.within(ration, lim.start, lim.end)]  # ("max one emoji per message")
    opening = span(0, 0)
    if opening.field == "task" and opening.start == 0:
        # "Newsletter: 300-400 words" opening the brief names the deliverable itself: the whole reply.
        # ("Hors tableau : 80 mots maximum" opening the brief still leaves the table out)
        found = [
            lim._replace(scope=None)
            if heading_scope(text, lim.start) and not (lim.scope or "").startswith(OUTSIDE_PREFIX)
            else lim
            for lim in found
        ]
    either: dict[int, str] = {}
    for first, second in limits.alternatives(found, text):
        found[second] = limits.carried_bound(found[first], found[second], text)
        # "up to 5 bullet points or 3 sentences, whichever fits": one sentence says both, once
        either[first] = either[second] = limits.describe_either(found[first], found[second])
    out = []
    parts: set[int] = set()  # the limits read as one part of the reply ("then one sentence …")
    for index, lim in enumerate(found):
        if index - 1 in parts and (of_part := _length_of_part(found[index - 1], lim, text)) is not None:
            lim = found[index] = of_part  # "then one sentence of at most 25 words": that sentence's length
        if _one_thing_not_length(lim, text):
            continue  # "explique au plus un mot difficile par réponse": one word to explain, not a one-word reply
        if lim.maximum is None and _BANNED_LONGER.search(text, max(0, lim.start - 60), lim.start + 12):
            continue  # "no quotes longer than 10 words": a cap on the quotes, which the prohibition carries
        if _MERGED_INTO.search(text, max(0, lim.start - 30), lim.start) and _INPUT_STATE.search(
            text, max(0, lim.start - 80), lim.start
        ):
            continue  # "two columns merged into one line": what the input looks like, not the reply's length
        # ("Don't ask follow-up questions - if the sku is missing, say which in one line": a dash opens the case)
        case_start = max(text.rfind(mark, 0, lim.start) for mark in (" - ", " – ", " — ", "; "))
        conditional = (
            CONDITIONAL_CLAUSE.match(text[: lim.end]) is not None
            or (
                case_start > 0
                and CONDITIONAL_CLAUSE.match(text[case_start + 2 : lim.start]) is not None
                # ("Be direct - when you answer, keep every reply under 80 words": every reply, whatever the case)
                and not _EVERY_REPLY.search(text, case_start, lim.start)
                and not re.match(
                    r"\s*\W*\s*(?:when|whenever)\s+you\s+(?:answer|reply|respond|write)\s*,", text[case_start + 2 :]
                )
            )
        )
        if _one_part_line(lim, text) or conditional:
            parts.add(index)
            # "End with the service details on one line", "After the query, one sentence saying what it returns":
            # one line or sentence is a part of the reply; the brief's sentence says which, the reply has no cap.
            rule = (
                instruction_case(text)
                if is_english(text)
                else f'Follow this rule from the brief: "{text.strip().rstrip(".。")}".'
            )
            out.append(
                Constraint(
                    kind="limit", text=rule,
                    span=span(0, len(text.rstrip())) if conditional else span(lim.start, lim.end),
                    unit=lim.unit, minimum=lim.minimum,
                    maximum=lim.maximum, exact=lim.exact, scope="the part this sentence names",
                )
            )  # fmt: skip
            continue
        session = _session_questions(lim, text[lim.end :], text[: lim.start])
        if session is not None:
            out.append(
                Constraint(
                    kind="limit", text=session, span=span(lim.start, lim.end), unit=lim.unit, minimum=lim.minimum,
                    maximum=lim.maximum, exact=lim.exact, scope=SESSION_SCOPE,
                )
            )  # fmt: skip
            continue
        sentence = (
            either.get(index)
            or _per_turn_questions(lim, text[lim.end :], text[max(0, lim.start - 40) : lim.start])
            or _with_parts(
                limits.describe_limit(
                    lim.unit, lim.minimum, lim.maximum, lim.exact, lim.scope, lim.noun, lim.rest_free
                ),
                text[lim.end :], lim.exact,
            )
        )  # fmt: skip
        exception = limit_exception(text, lim.start, lim.end)
        out.append(
            Constraint(
                kind="limit", text=with_exception(sentence, exception) if exception else sentence,
                span=span(lim.start, lim.end), unit=lim.unit, minimum=lim.minimum, maximum=lim.maximum,
                exact=lim.exact, scope=lim.scope, condition=exception,
            )
        )  # fmt: skip
    return out


# "one sentence of at most 25 words", "one paragraph of 60 to 90 words", "una frase de máximo 25 palabras", "ein Satz
# mit höchstens 25 Wörtern": a length right after a counted part is that part's
_OF_PART = re.compile(r"^\s*(?:of|with|de|mit|von|van|met|di|da|com|con|avec)\s*$", re.IGNORECASE)
_LENGTH_UNITS = ("words", "characters", "sentences", "tokens")
# "… saying what it does", "… explaining the query": what the part says names it
_PART_SAYS = re.compile(r"\s+(?P<says>[a-z]+ing\s+(?:what|how|why|which|the|its|their|each)\b[^.;:,!?\n]{0,40})")


def _length_of_part(part: FoundLimit, lim: FoundLimit, text: str) -> FoundLimit | None:
    """The limit scoped to the part counted right before it ("then one sentence of at most 25 words" -> "the
    sentence saying what it does"), when that part is one part of the reply; None otherwise."""
    if lim.scope is not None or lim.unit not in _LENGTH_UNITS or lim.unit == part.unit:
        return None
    if _OF_PART.match(text[part.end : lim.start]) is None:
        return None
    noun = part.unit[:-1] if part.unit.endswith("s") else part.unit
    says = _PART_SAYS.match(text, lim.end)
    return lim._replace(scope=f"the {noun} {says.group('says').strip()}" if says else f"the {noun}")


# Words that make "one line" or "one sentence" the length of the whole reply ("reply in one line").
_WHOLE_REPLY = re.compile(
    r"\b(?:repl(?:y|ies)|answers?|respon(?:d|se|ses)|messages?|output|each|every|always|keep\s+(?:it|them)|status|"
    r"respuestas?|responde|réponses?|réponds|respostas?|responda|antwort\w*|mensajes?|nachricht\w*)\b|"
    r"整条|每条|回复|回答|返信|回答は|答え",
    re.IGNORECASE,
)

_ONE_WORD_REPLY = re.compile(
    r"\bone[- ]word\b|\b(?:in|with|using)\s+(?:a\s+single|one|1|un|una|um|uma|einem|ein)\s+"
    r"(?:word|palabra|mot|palavra|wort)\b|"
    r"\b(?:single|one)\s+word\s+(?:answer|reply|response|label)|一言|一个词|一語",
    re.IGNORECASE,
)


def _one_thing_not_length(lim: FoundLimit, text: str) -> bool:
    """ "At most one word" is a length only as a one-word reply; "explain at most one difficult word" counts words
    to explain."""
    one = lim.exact == 1 or (lim.maximum == 1 and lim.minimum is None)
    return one and lim.unit == "words" and lim.scope is None and _ONE_WORD_REPLY.search(text) is None


def _one_part_line(lim: FoundLimit, text: str) -> bool:
    """A limit of one line or one sentence that no word ties to the whole reply: it names one part of it."""
    one = lim.exact == 1 or (lim.maximum == 1 and lim.minimum is None)
    # ("output the score on line 1 then ONE sentence on what was missing": a reply word before the sequence's
    # "then" names the reply's first part, not the one sentence)
    later = max((m.end() for m in _SEQUENCE_STEP.finditer(text, 0, lim.start)), default=0)
    added = _ADDED_PART.match(text[later : lim.start]) is not None  # "…, then add one sentence inviting them …"
    if not _FIRST_LINE_PART.search(text, 0, later) and not added:
        later = 0  # only a first line names a part before "then" ("Answer the question, then stop - one sentence")
    return (
        one
        and lim.scope is None
        and lim.unit in ("sentences", "lines", "paragraphs")
        and _WHOLE_REPLY.search(text, later, lim.start) is None
        and _WHOLE_REPLY.search(text[lim.end : lim.end + 25]) is None
        and (len(text.split()) > 4 or len(text) > 20)
        and _PART_CUE.search(text) is not None
    )


# The step of a sequence that a later part of the reply follows ("…, then", "followed by", "luego", "dann").
_SEQUENCE_STEP = re.compile(
    r"\b(?:then|followed\s+by|after\s+that|luego|después|danach|dann|puis|ensuite|depois|poi)\b|然后|その後",
    re.IGNORECASE,
)
_ADDED_PART = re.compile(
    r"\s*(?:add|append|give|write|include|end\s+with|finish\s+with|close\s+with|follow\s+(?:it\s+|up\s+)?with)\s+"
    r"(?:(?:a|an|one|just|only|exactly|a\s+single)\s+)?$",
    re.IGNORECASE,
)
# A first line the reply opens with ("on the 1st line", "first line:", "line 1"): a part of its own.
_FIRST_LINE_PART = re.compile(
    r"\b(?:1st|first|top|opening|title|heading|headline|subject)\s+line\b|\bline\s+(?:1|one)\b|"
    r"\bon\s+(?:its|a)\s+own\s+line\b|第一行|1行目",
    re.IGNORECASE,
)

# Words that place one line or sentence among other parts of the reply.
_PART_CUE = re.compile(
    r"\b(?:then|after|before|end(?:s|ing)?\s+with|start(?:s|ing)?\s+with|first|finally|followed|plus|saying|"
    r"that\s+says|luego|primero|después|danach|zuerst|dann|puis|ensuite|d'abord|depois|primeiro)\b|先|再|然后|最后|"
    # "confirm a booking in one sentence", "decline the request in one line": one message among the replies
    r"^\W*(?:confirm|greet|decline|refuse|acknowledge|introduce|announce)\w*\s+(?:a|an|the|each|every|any|their|its)\s+\w+|"
    # "hot, warm or cold, with one line on why": the reason given beside a verdict, not the whole reply
    r"\b(?:with|plus|con|mit|avec|com|met)\s+(?:one|a|a\s+single|una|un|einem|einer|une|uma|één|een)\s+\w+\s*,?\s*"
    r"(?:(?:on|about|explaining|saying|sobre|de|sur|su|sobre\s+o|over)\s+)?(?:why|el\s+)?"
    r"(?:why|por\s*qu[ée]|warum|pourquoi|perch[ée]|porqu[eê]|waarom)\b|"
    # "Say so in one sentence and stop", "Decirlo en una frase", "Sag das in einem Satz": the reply to the case
    # the sentence before names, not every reply
    r"\b(?:say|state|tell\s+them|explain)\s+(?:so|that|this|it)\s+in\b|\b(?:decirlo|dilo|d[ií]gaselo|expl[ií]calo|"
    r"dillo|dirlo|dis-le|dites-le|le\s+dire|diga\s+isso|dizer\s+isso|zeg\s+dat)\b|"
    r"\b(?:sag|sage|sagen\s+sie)\s+(?:das|es|dies)\s+in\b",
    re.IGNORECASE,
)

_BANNED_LONGER = re.compile(
    r"\b(?:no|never|avoid|without)\s+(?:\w+\s+){1,3}(?:longer|more|over)\s+(?:than\s+)?(?:\d|$)", re.IGNORECASE
)
_PARTS_ASIDE = re.compile(r"\s*\((?P<parts>[^()]{3,160})\)")

# "Ask ONE question per message", "max 2 questions per reply": a cap on each turn of a conversation
_PER_TURN = re.compile(
    r"\s*(?:per|each|in\s+each|a|at\s+a)\s+(?P<turn>message|reply|turn|response|time)\b", re.IGNORECASE
)

_ANSWERED = re.compile(r"\b(?:answer|answers|respond\s+to|reply\s+to|handle|take)\b[^.,;]{0,20}$", re.IGNORECASE)

# ("messy, sometimes two columns merged into one line": how the input arrives; not "return them combined into one
# sentence", "Summarise the commits, squashed into one line per release", where the reply is what is merged)
_INPUT_STATE = re.compile(
    r"\b(?:sometimes|often|usually|occasionally|messy|ocr\W?d|scanned|comes?|arrives?|are|is|were|was|gets?|got|"
    r"paste[sd]?|copied|exported|export)\b[^.;]{0,60}$",
    re.IGNORECASE,
)
_EVERY_REPLY = re.compile(
    r"\b(?:every|each|all|any|always)\s+(?:\w+\s+)?(?:repl(?:y|ies)|answers?|responses?|messages?)\b", re.IGNORECASE
)
_MERGED_INTO = re.compile(
    r"\b(?:merged|combined|joined|squashed|collapsed|crammed|packed|run\s+together|together)\s+(?:in|into|onto|on)\s+$",
    re.I,
)


# "ask 6 questions, one at a time, waiting for each answer": a count over the whole conversation, paced per turn
_PACED_AFTER = re.compile(
    r"\s*[,(]?\s*(?:one\s+(?:at\s+a\s+time|by\s+one|per\s+(?:message|turn|reply))|(?:and\s+)?wait\w*\s+for\s+"
    r"(?:each|every|the|their)\s+answer)",
    re.IGNORECASE,
)
SESSION_SCOPE = "the whole conversation"


def _session_questions(lim: FoundLimit, after: str, before: str = "") -> str | None:
    """ "Ask 6 questions, one at a time": that many questions over the conversation, one per message, rather than
    a reply that holds them all."""
    count = lim.exact if lim.exact is not None else lim.maximum
    if lim.unit != "items" or lim.scope is not None or count is None or count < 2:
        return None
    if not lim.noun.lower().startswith("question") or _PACED_AFTER.match(after) is None:
        return None
    bound = "exactly" if lim.exact is not None else "at most"
    group = _PER_GROUP.search(before[-80:])
    noun = re.sub(r"(?<=[^s])s$", "", group.group("noun").lower()) if group else ""
    over = f"for each {noun}" if group else "over the whole conversation"
    return f"Ask {bound} {count} questions {over}, one per message, waiting for each answer."


# "Each round: ask 5 questions", "For each of the 4 units, ask 3 questions": a count per round, not in all
_PER_GROUP = re.compile(
    r"\b(?:for\s+)?(?:each|every|per)\s+(?:of\s+the\s+(?:\d+\s+|\w+\s+)?)?"
    r"(?P<noun>(?!answer|question|reply)[a-z]+(?:\s+[a-z]+)?)\s*[,:]\s*(?=[^.;\n]{0,30}$)",
    re.IGNORECASE,
)


def _per_turn_questions(lim: FoundLimit, after: str, before: str = "") -> str | None:
    """ "Ask ONE question per message": at most that many questions in each message (the closing message may ask
    none), rather than a reply of exactly one question."""
    turn = _PER_TURN.match(after)
    count = lim.exact if lim.exact is not None else lim.maximum
    if turn is None or lim.unit != "items" or lim.scope is not None or count is None:
        return None
    if not lim.noun.lower().startswith("question") or _ANSWERED.search(before):
        return None  # ("answer at most 3 questions per message": the user's questions, not the assistant's)
    noun = "question" if count == 1 else "questions"
    per = "at a time" if turn["turn"].lower() == "time" else f"per {turn['turn'].lower()}"
    if lim.exact is not None and lim.exact > 1:
        return f"Ask exactly {count} {noun} {per}."  # "Give exactly 2 questions per turn"
    return f"Ask no more than {count} {noun} {per}."


def _with_parts(sentence: str, after: str, exact: int | None) -> str:
    """ "exactly 3 bullet points (guidance, margins, risks)": an aside naming as many parts as the count says what
    each one covers, so it stays with the limit."""
    aside = _PARTS_ASIDE.match(after)
    if aside is None or exact is None:
        return sentence
    parts = label_items.split_items(aside.group("parts"), last_trim=False)
    if parts is None or len(parts) != exact:
        return sentence
    return f"{sentence[:-1]}: {', '.join(parts)}."
