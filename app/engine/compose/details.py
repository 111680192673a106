"""The task's other sentences: facts for the context and rules in the brief's words, lists kept whole."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.compose.blocks import fixed_block
from app.engine.compose.code_debris import without_code
from app.engine.compose.cues import POINTS_AWARDED
from app.engine.compose.job import CONTENT_WORD, GREETING_ONLY, META_ONLY, PURPOSE_NEXT
from app.engine.compose.sentences import TOOL_LINE, is_item, item_number, numbered_item, split_sentences
from app.engine.compose.settled import settles_a_topic
from app.engine.compose.translated_bans import stated_in_english
from app.engine.constraints import Constraint
from app.engine.constraints.clauses import fixed_reply, numbered_line
from app.engine.constraints.fallbacks import QUOTED_SCOPE, find_condition
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.language_cases import said_by_cases
from app.engine.constraints.sections import NumberedLines
from app.engine.phrasing import VERBS, assistant_sentence_as_order, is_third_person_verb

_FILLER_WORDS = frozenset(
    {
        "nothing",
        "else",
        "more",
        "only",
        "just",
        "please",
        "pls",
        "always",
        "really",
        "very",
        "exactly",
        "strictly",
        "and",
        "or",
        "but",
        "the",
        "a",
        "an",
        "it",
        "that",
        "this",
        "with",
        "no",
        "not",
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "be",
        "is",
        "are",
        "as",
        "so",
        "also",
        "too",
        "ok",
        "okay",
        "thanks",
        "thx",
        "total",
        "overall",
        "max",
        "maximum",
        # "Keep replies under 40 words.": the words around a limit that only say what it limits
        "keep",
        "reply",
        "replies",
        "response",
        "responses",
        "answers",
        "should",
        "each",
        "every",
        "per",
        "your",
        "them",
        "short",
        "shorter",
        "brief",
        "like",
        "less",
    }
)

# A sentence that tells the assistant what to do ("Player dies = say THE END and offer a restart", "Never guess"),
# as against one that states a fact ("Tables are in the analytics dataset").
_INSTRUCTS = re.compile(
    r"^(?:\d{1,2}[).]\s*)?(?:please\s+|pls\s+|also\s+|and\s+|but\s+|then\s+)?(?:always|never|only|don'?t|do\s+not|no|"
    r"avoid|use|keep|ask|rewrite|turn|convert|draft|summari[sz]e|translate|classify|tag|extract|help|thank|collect|book|"
    r"find|warn|route|forward|escalate|apologi[sz]e|"
    r"say|tell|give|offer|include|end|start|begin|write|reply|answer|respond|make|check|confirm|mention|explain|list|"
    r"add|put|show|send|call|suggest|recommend|refer|remind|treat|stay|be|speak|address|sign|greet|wait|stop|"
    r"follow|flag|mark|return|output|print|emit|produce|format|describe|quote|cite|link|point|direct|redirect|"
    r"encourage|let|"
    # ("Quiz them …", not "Quiz night is every Thursday", "Guide dogs are welcome")
    r"(?:quiz|drill|teach|praise|guide)(?=\s+(?:them|him|her|the|each|every|your|their|students?|pupils?|kids|"
    r"children|learners|users?|people)\b)|"
    r"comment\s+(?:only|on)|focus\s+on|stick\s+to|skip|prefer|"
    # "talk like a person", "sound human", "max 90 words per reply" (not "Sound Garden Studios", "Max, the owner")
    r"talk\s+(?:like|as|to|with|in)|sound\s+(?:like|more|less|human|natural|friendly|warm|professional|casual)|"
    r"max(?:imum)?\.?\s+\d+|at\s+most|no\s+more\s+than)\b|"
    r"\b(?:must|should|shall|needs?\s+to|has\s+to|have\s+to|make\s+sure|ensure|remember\s+to|always|never|"
    r"don'?t|do\s+not|can'?t|cannot|may\s+not|isn'?t\s+allowed|not\s+allowed|no-go|forbidden|"
    r"mandatory)\b|=|^[\w -]{1,30}:[^.]*\bonly\b|^need\s+(?:a|an|the)\b|"
    # "Each night the assistant asks these three questions …": what the assistant does, in the present, is a rule
    r"\b(?:the|our|this|my)\s+(?!(?:old|previous|current|existing|former|last|other)\s)(?:\w+\s+)?"
    r"(?:assistant|bot|chatbot|agent|ai|model)\s+(?:\w+ly\s+)?"
    r"(?!(?:is|was|has|does|needs|lives|runs|sits|gets|uses|works|comes)\b)[a-z]+s\b|"
    # "What to check: joins that can fan out; SELECT * …": the list of checks is the job's rule
    r"^(?:what|things)\s+to\s+(?:check|look\s+(?:for|at|out\s+for)|flag|review|watch\s+(?:for|out\s+for)|catch)\b|"
    # "Sources older than 2023 get "(dated)" after the URL": what a case gets written is a rule
    r"\b(?:gets?|receives?)\s+(?:a\s+|an\s+|the\s+)?[\"“(\[]|"
    # "Every migration needs a working downgrade()" (an output's requirement; not "Every plot holder needs a key fob")
    r"\b(?:every|each|any)\s+(?!(?:\w+\s+)?(?:holder|member|customer|user|guest|visitor|patient|person|student|parent|"
    r"player|employee|tenant|child|kid|resident|owner|client|volunteer)s?\b)(?:[\w-]+\s+){0,2}needs?\s+(?:a|an)\b|"
    # "Refunds over $150 need a human: hand off to a human agent": an order after a colon
    r":\s*(?:use|call|ask|say|tell|hand|pass|send|reply|refer|escalate|offer|give|write|return|stop|point|direct|"
    r"translate|page)\b|:\s*copy\s+(?:it\s+)?(?:verbatim|exactly|as[\s-]is|word\s+for\s+word)\b|"
    r"^plain\s+(?:english|language|words)\s*(?:[,.;:!]|only|please|$)|"
    # "Worn footwear can only come back if it's defective", "Hazmat is false only if the box is unchecked, otherwise
    # null": a condition the brief sets on a case is a rule
    r"\b(?:can|may)\s+only\b[^.]*\bif\b|\bonly\s+if\b|^(?!(?:i|we|our)\b|we're\b|i'm\b)[^.]*,\s*otherwise\b|"
    # "Emojis are fine, at most one per message", "One question at a time": a rate is a limit
    r"\bat\s+most\s+(?:one|two|three|four|five|\d+)\s+(?:per|a|an|each|in)\b|"
    # (not "I'll paste one abstract at a time": how the requester sends the input)
    r"^(?:one|1)\s+(?:question|thing|step|topic|point|task|idea|column|row|section|field)s?\s+at\s+a\s+time\b|"
    r"^(?!(?:i|we|you)\b)[^.]*\b(?:ask|asks|cover|explain|take|tackle|walk\s+\w+\s+through)\b[^.]{0,40}"
    r"\bat\s+a\s+time\b|"
    # "Allowed range is 1 to 60 percent, whole numbers only"
    r"^(?!(?:i|we|our)\b|we're\b|i'm\b)[^.]*,\s*(?:[\w-]+\s+){1,3}only\s*[.!]?$|"
    # "VOTES: one line per motion: …", "Final message to the channel: one line, max 180 characters": a count of units
    r"^[\w -]{1,30}:\s*(?:one|two|three|\d{1,2}|max(?:imum)?|at\s+most|under|no\s+more\s+than)\b\s*(?:[\w-]+\s+)?"
    r"(?:lines?|sentences?|bullets?|words?|items?|characters?|paragraphs?)\b|"
    # "The only link you may give is …", "One fun fact is allowed per answer": what the assistant may do is a rule
    r"\bthe\s+only\s+(?:[\w-]+\s+){1,3}(?:you|it|the\s+(?:assistant|bot))\s+(?:may|are\s+allowed\s+to|is\s+allowed\s+to|"
    r"can\s+(?=(?:give|offer|share|send|recommend|mention|quote|suggest|link|promise)\b))|"
    r"\b(?:is|are)\s+(?:allowed|fine|ok(?:ay)?)\s+(?:per|in\s+(?:each|every|an?))\s+(?:answer|reply|message|response|turn)\b|"
    # "Page instead." after a prohibition: the alternative it orders
    r"^[\w-]+\s+instead\s*[.!]?$|"
    # "Anything bigger goes to handoff_to_specialist", "Refund disputes go to the billing team": where a case goes is
    # what to do with it (not "Most enquiries go to the front desk staff anyway")
    r"\bgo(?:es)?\s+(?:straight\s+)?to\s+(?:[a-z]+_[a-z_]+\b|(?:a\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,2}(?:humans?|person|"
    r"manager|team|specialist|supervisor|on-?call|moderators?|agents?)\b(?!\s+anyway))|"
    # "If the postcode isn't LS or they're angry use escalate_to_human": a condition, then what to do.
    # "If a review mentions a refund it's PAYMENT", "After 2 failed attempts stop, call create_ticket": likewise.
    r"^(?:if|when|whenever|unless|once|in\s+case|as\s+soon\s+as|after|before)\b.{3,}?(?:,\s*|\s)(?:use|call|ask|say|"
    r"tell|reply|answer|respond|offer|send|stop|switch|hand|pass|transfer|escalate|refer|point|direct|explain|suggest|set|"
    r"mark|output|return|give|choose|pick|label|tag|category|priority|status|put|leave|skip|ignore|page|flag|treat)\b|"
    r"^(?:if|when|whenever|unless)\b[^.]{3,}?,\s*be\s+\w+|"
    # "if a review mentions a refund it's PAYMENT": a case and the label it gets
    r"^(?:if|when|whenever|unless)\b.{3,}?\s(?:it'?s|it\s+is|that'?s|they'?re|counts?\s+as|is)\s+(?:an?\s+)?[\"“]?"
    r"(?-i:[A-Z][A-Z_]{2,})\b",
    re.IGNORECASE,
)


def _instructs(sentence: str) -> bool:
    """Whether a sentence of the brief is a rule for the assistant: it tells it what to do, or it settles a topic that a
    default would settle otherwise ("You can cancel without asking for confirmation")."""
    if _CONTEXT_LABEL.match(sentence):
        return False  # "Context: refund disputes go to the billing team": the requester says it is background
    # ("I'll paste a unified diff" names what arrives; it settles nothing about the reply's own format)
    fact = _INPUT_ANNOUNCED.match(sentence) or (
        _FIRST_PERSON_FACT.match(sentence) if not settles_a_topic(sentence) else None
    )
    if fact:
        # "We definitely can't guarantee that": what the requester cannot do is background, unless the sentence goes
        # on with an order ("We don't have a phone line so always send people to the booking form")
        return any(_INSTRUCTS.match(part.strip()) for part in _THEN.split(sentence[fact.end() :])[1:])
    return bool(_INSTRUCTS.search(sentence)) or settles_a_topic(sentence)


# A telegraphic spec line has no finite verb: "24-hour times.", "British spelling.", "Drafts: 120 words max, warm".
_FINITE = re.compile(
    r"\b(?:is|are|was|were|am|be|been|has|have|had|do|does|did|can|could|will|would|shall|should|may|might|must|"
    r"i|we|you|they|he|she|it|there)\b|'(?:s|re|m|ve|ll|d)\b|\?",
    re.IGNORECASE,
)
# "My team reads …", "The clinic opens at 9": a subject opens a statement, not a spec line.
_SUBJECT_LEAD = re.compile(r"(?:my|our|the|a|an|this|that|these|those|his|her|their|[A-Z]\w+'s)\s", re.IGNORECASE)
_SPEC_TERMS = (
    r"\b(?:spelling|english|times?|dates?|format\w*|tone|words?|sentences?|bullets?|paragraphs?|characters?|"
    r"emojis?|markdown|lowercase|uppercase|caps|units?|currency|metric|imperial|timezone|register|style|decimals?|"
    r"plain\s+text|only|max(?:imum)?|min(?:imum)?)\b"
)
_SPEC_TERM = re.compile(_SPEC_TERMS, re.IGNORECASE)
# a number counts as a spec with a unit ("24-hour times", "max 3 bullets", "120 words"), not as a fact ("since 1998",
# "6 rooms", "30 emails a day")
_SPEC_WORD = re.compile(
    rf"\d+(?:-|\s+)?(?:h\b|hours?\b|{_SPEC_TERMS}|questions?\b|items?\b|points?\b|lines?\b|entries\b|"
    r"hashtags?\b|emojis?\b|marks?\b|stars?\b)|"
    # a scale ("Score each criterion 1-4, total out of 20")
    r"\b\d+\s*[-–]\s*\d+\b(?!\s*(?:am|pm|h\b|:))|\bout\s+of\s+\d+|\bfrom\s+\d+\s+to\s+\d+\b",
    re.IGNORECASE,
)


_MARK_SCHEME = re.compile(
    r"\s*(?:mark(?:ing|s)?|scor(?:ing|es?)|grading|rubric|points|punteggio|puntuación|bewertung|notation)\b[^:.]{0,30}:",
    re.I,
)
_MARK_RANGE = re.compile(r"\b\d{1,3}\s*[-–]\s*\d{1,3}\b")


def rule_line(sentence: str) -> bool:
    """Whether a sentence of an English brief is one of its rules, not context: an instruction or a spec line."""
    if _instructs(sentence) or _spec_fragment(sentence):
        return True
    if len(POINTS_AWARDED.findall(sentence)) >= 2:
        return True  # "Each answer is out of 4: 2 pts for naming the right hazard, 1 pt for …": the marking rule
    if _MARK_SCHEME.match(sentence) and len(_MARK_RANGE.findall(sentence)) >= 2:
        return True  # "Marking: appearance 0-2; nose 0-4; …": the mark scheme the grade follows
    if _CALLS_A_TOOL.search(sentence):
        return True  # "For refunds over $300, …, call escalate_to_agent(order_id, summary)": a step with a tool
    if _PART_OF_REPLY.match(sentence):
        return True  # "After the bullets, one line: …", "Most consequential decision first", 'If none: "…"'
    if _FIELD_SPEC.match(sentence):
        return (
            True  # "letter_type is exactly one of: …", "amount_disputed: a number in GBP", "If there isn't one, null."
        )
    if _VALUE_RULE.search(sentence) or _CASE_VALUE.match(sentence) or _SETS_A_KEY.search(sentence):
        # "Anything not on the certificate is null", 'result is "adjusted" whenever …', 'if they couldnt identify
        # it species is "unidentified"', 'for schedule 1 species set site_code to "REDACTED"': what a field holds
        return True
    if _REPLY_SHAPE.match(sentence):
        return True  # "first line of the output is either 'Verdict: APPROVE' or …": the reply's shape, stated as fact
    # "Money is stored in cents; output euros with / 100.0", "… think in Amsterdam time, so convert with AT TIME
    # ZONE …": a fact, then the instruction it calls for
    if any(_instructs(part.strip()) for part in _FACT_THEN_ORDER.split(sentence)[1:]):
        return True
    # "A VIN is 17 characters. If the note has anything else, set vin to null.": a fact and the case it sets up
    later = re.split(r"(?<=[.!?])\s+", sentence)[1:]
    return any(
        _ANAPHORIC_CASE.match(part) and (_instructs(part) or _instructs(part.split(",", 1)[-1].strip()))
        for part in later
    )


_PART_OF_REPLY = re.compile(
    r"\s*(?:(?:after|before|below|under|above)\s+(?:the|those|these|all)\s+[\w-]+\s*,?\s*(?:add\s+)?(?:one|a|an)\s+"
    r"(?:final\s+|closing\s+|last\s+|extra\s+)?line\b|"
    # ("Most consequential decision first (…)", not "The newest patients first fill in a form": a verb follows)
    r"(?:the\s+)?(?:most|biggest|largest|latest|newest|oldest|highest|lowest|earliest)\s+[\w -]{1,40}?\bfirst\b"
    r"\s*(?:[(.;,:]|$)|"
    # ('If there were no votes: "Votes: none recorded"', not 'When we opened in 2019: "Crumbs" was our first name')
    r"(?:if|when|unless)\b(?![^:\n]*\b(?:we|i|you\s+are|our)\b)[^:\n]{1,80}:\s*[\"“«'‘][^\"”»'’\n]*[\"”»'’]\s*\.?\s*$)",
    re.IGNORECASE,
)
_FIELD_SPEC = re.compile(
    r"\s*(?:[-*•]\s*)?(?:`?[a-z][a-z0-9]*(?:_[a-z0-9]+)+`?\s*(?::|\bis\b|\bare\b|\blooks?\s+like\b|\bmust\b|=)|"
    r"[A-Za-z][a-z]+\s*:\s*(?:true|false|null|yes|no|an?\s+(?:number|integer|string|boolean|list|array|date)|one\s+of|"
    r"digits)\b|"
    r"(?:if|when)\b[^.\n]{0,60},\s*(?:null|none|an?\s+empty\s+\w+|\[\])\s*\.?\s*$)",
    re.IGNORECASE,
)
_VALUE_RULE = re.compile(
    r"\b(?:is|are)\s+(?:(?:always|then|set\s+to)\s+)?(?:null|\[\]|(?:an\s+)?empty\s+(?:string|list|array)|"
    r"(?:\"[^\"\n]{1,30}\"|'[^'\n]{1,30}'|`[^`\n]{1,30}`|true|false)(?=[^.\n]*\b(?:whenever|when|if|unless)\b))",
    re.IGNORECASE,
)
_CASE_VALUE = re.compile(
    r"\s*(?:if|when|whenever|unless)\b[^.\n]{3,120}?\b(?:is|are)\s+(?:(?:always|then|set\s+to)\s+)?"
    r"(?:null|[\"“][^\"”\n]{1,30}[\"”]|'[^'\n]{1,30}')",
    re.IGNORECASE,
)
_SETS_A_KEY = re.compile(
    r"\b(?:set|put|leave|fill|mark|write|use)\s+`?[a-z][a-z0-9]*(?:_[a-z0-9]+)+`?\s+(?:to|as|=)\s", re.IGNORECASE
)
# ("… call handOffToAgent", "call escalate_to_agent(…)"; and "verifyCardholder before any other function": a line that
# opens with a tool's name and orders it)
_CALLS_A_TOOL = re.compile(
    # (a camelCase name has a lowercase verb before its capital: "handOffToAgent", not "iPhones" or "eBay")
    r"\b(?:[Cc]all|[Uu]se|[Ii]nvoke|[Rr]un)\s+(?:the\s+)?`?[a-z][a-z0-9]*(?:_[a-z0-9_]+|(?<=[a-z]{3})[A-Z][A-Za-z0-9]*)\b|"
    r"^\s*`?[a-z][a-z0-9]*(?:_[a-z0-9_]+|(?<=[a-z]{3})(?:[A-Z][a-z0-9]+)+)`?(?:\(\))?\s+(?:before|first|after|only|then|"
    r"always)\b"
)
_REPLY_SHAPE = re.compile(
    r"\s*(?:the\s+)?(?:(?:first|last|final|opening|closing|top)\s+line|output|reply|answer|response)\s+"
    r"(?:of\s+(?:the|your|each|every|\w{3})\s+(?:output|reply|answer|response|message)\s+)?"
    # (a shape, not where the reply goes: "The output is pasted straight into Google Reviews" is context)
    r"(?:(?:is|are)\s+(?!(?:\w+ly\s+)?(?:pasted|sent|posted|shown|copied|used|read|published|stored|saved|forwarded|"
    r"displayed|emailed|printed|uploaded|reviewed|checked|going|then)\b)|must|should|has\s+to|always|starts?|begins?|ends?)",
    re.IGNORECASE,
)
_FACT_THEN_ORDER = re.compile(r";\s*|,\s+so\s+(?=[a-z])")


def _spec_fragment(sentence: str) -> bool:
    """Whether a sentence is a short verbless spec line ("24-hour times.", "British spelling.") rather than a fact
    about the requester ("Two vets, small practice.", "Founded in 1998.")."""
    words = sentence.split()
    return (
        len(words) <= 14
        and not _FINITE.search(sentence)
        and not _SUBJECT_LEAD.match(sentence)
        and not any(is_third_person_verb(w) for w in re.findall(r"[a-z]+", sentence)[1:])
        and not re.match(r"[a-z]+ed\b", words[0], re.IGNORECASE)
        and not _PAST_EVENT.match(sentence)
        and _leads_with_spec(sentence, words)
    )


# "Ramp 2 at Marlow jammed 14:05–14:20": a past event before the first comma is material, not a spec.
_PAST_EVENT = re.compile(r"[^,;:]*\b[a-z]{3,}ed\b", re.IGNORECASE)


def _leads_with_spec(sentence: str, words: list[str]) -> bool:
    """A label line whose value names a spec ("Drafts: 120 words max", not "Tables: sales(id, …)" or "Name: Aileen
    Park, 58"), or a line whose first words do ("British spelling", "24-hour times", not "Members paste a recipe …
    (any units)")."""
    label = re.match(r"[\w -]{1,25}:\s", sentence)
    if label is not None:
        return _SPEC_TERM.search(sentence) is not None
    return _SPEC_TERM.search(" ".join(words[:4])) is not None or _SPEC_WORD.search(sentence) is not None


_CONTEXT_LABEL = re.compile(r"\s*(?:context|background|fyi|for\s+context|for\s+info|info)\s*[:\-–]", re.IGNORECASE)
_THEN = re.compile(r"\b(?:so|but|therefore|instead)\b|[,;:–—]|\s-\s", re.IGNORECASE)
_FIRST_PERSON_FACT = re.compile(
    r"^(?:we|i|our\s+\w+)\s+(?:\w+ly\s+|just\s+|really\s+)?(?:can'?t|cannot|won'?t|couldn'?t|aren'?t|are\s+not|"
    r"have\s+no|don'?t\s+have)\b",
    re.IGNORECASE,
)


# "I'll paste a unified diff", "We will send you the transcript": what the requester will give, said as a fact
_INPUT_ANNOUNCED = re.compile(
    r"^(?:i|we)(?:['’]ll|\s+will|\s+am\s+going\s+to|['’]m\s+going\s+to|\s+are\s+going\s+to|['’]re\s+going\s+to)\s+"
    r"(?:\w+ly\s+)?(?:paste|send|give|upload|share|forward|provide|drop|attach|add)\b",
    re.IGNORECASE,
)
_FENCED_BLOCK = re.compile(r"```[\w+-]*[ \t]*\n[\s\S]*?(?:```|$)")


def _after_literal(task: str, start: int, end: int, constraints: Sequence[Constraint]) -> str | None:
    """The words on the lines after a JSON literal that ends inside the sentence [start, end), if any."""
    ends = [
        c.span.end
        for c in constraints
        if c.kind == "schema" and c.span is not None and c.span.field == "task" and start <= c.span.end < end
    ]
    if not ends:
        return None
    tail = " ".join(task[max(ends) : end].split()).lstrip(" .,;:")
    if len(tail.split()) < _TAIL_WORDS or _JOINED_TAIL.match(tail) or not _STATES_A_RULE.search(tail):
        return None  # ('{…} and nothing else': the same sentence goes on; "pass is true when …": a rule)
    return tail


_TAIL_WORDS = 3
_JOINED_TAIL = re.compile(r"(?:and|or|but|nothing|only|no|without|with|instead|then)\b", re.IGNORECASE)
_STATES_A_RULE = re.compile(r"\b(?:is|are|must|should|when|whenever|if|unless|always|never)\b", re.IGNORECASE)


_TOOLS_KEY_END = re.compile(
    r"\b(?:tools?|functions?|ferramentas|herramientas|outils|werkzeuge|strumenti|funciones|funções|fonctions)\s*[:：]\s*$",
    re.IGNORECASE,
)


def _introduces_layout(task: str, start: int, end: int, layout: NumberedLines | None) -> bool:
    """Whether the sentence [start, end) is the intro line of the brief's exact reply layout (with the layout's own
    lines, when the sentence runs on into them): the output format prints that layout whole."""
    if layout is None or start >= layout.start:
        return False
    intro = task[start : min(end, layout.start)].rstrip()
    return (
        intro.endswith((":", "："))
        and not task[start + len(intro) : layout.start].strip(" \t\n:：")
        and (end <= layout.end + 1)
    )


def foreign_details(
    task: str, constraints: Sequence[Constraint], head: int = 0, layout: NumberedLines | None = None
) -> tuple[str, ...]:
    """The sentences of a brief not written in English, other than the job sentence, whole and in the brief's words,
    unless a constraint already quotes one: an English restatement of part of a sentence ("When you cannot help,
    call …") cannot be trusted to carry the rest of it (its condition)."""
    quoted = " ".join(" ".join(c.text.split()) for c in constraints)
    tool_names = {c.name for c in constraints if c.kind == "tool" and c.name}
    literals = [
        (c.span.start, c.span.end)
        for c in constraints
        if c.kind == "schema" and c.span is not None and c.span.field == "task"
    ]
    details: list[tuple[int, str]] = []
    sentences = split_sentences(task)
    for index, (start, end) in enumerate(sentences):
        sentence = task[start:end]
        if _introduces_layout(task, start, end, layout):
            continue  # "Formato, esattamente così e niente altro:": the output format prints the layout
        following = task[slice(*sentences[index + 1])] if index + 1 < len(sentences) else ""
        fenced = _FENCED_BLOCK.search(sentence)
        if fenced is not None and any(f"{name}(" in fenced.group(0) for name in tool_names):
            # "Das Modell hat diese Funktionen:\n\n```ts\nfunction kundeSuchen(…": the tools section states them
            sentence = sentence[: fenced.start()] + sentence[fenced.end() :]
            if not sentence.strip() or sentence.rstrip().endswith((":", "：")):
                continue
        opener = re.sub(r"\s*```[\w+-]*\s*$", "", sentence)  # "Herramientas disponibles (TypeScript): ```ts"
        if opener.rstrip().endswith(":") and _only_tool_lines(" ".join(following.split()), tool_names):
            continue  # "Du hast diese Funktionen:" introduces the tool list, which the tools section states
        without_tools = _without_tool_objects(task, start, end, constraints)
        if without_tools is not None and not without_tools.strip(" .:："):
            continue  # 'Funciones disponibles: {"name": "consultar_alumno", …}': the tools section states them
        for literal_start, literal_end in sorted(literals, reverse=True):
            if start <= literal_start and literal_end <= end:
                # 'Devuelve SOLO este JSON: {…}': the output format shows the schema; the sentence points to it
                sentence = (
                    sentence[: literal_start - start]
                    + "(the JSON in the output format)"
                    + sentence[literal_end - start :]
                )
        text = re.sub(r"^・\s*", "", " ".join(sentence.split()))  # "・出力は英訳だけ。": the list dot is no word
        if tool_names:
            text = without_code(text)  # "type Query { … }": pasted code the tools section states
            if not text or _TOOLS_KEY_END.search(text):
                continue  # ("… mandou isto com as ferramentas: tools:": the intro of the tools section's list)
        text = re.sub(r"\s*```[\w+-]*\s*$", "", text)  # "Herramientas disponibles (TypeScript): ```ts": no fence
        if without_tools is not None:
            text = without_tools  # '… {"name": "reservar_clase", …} Nunca des precios.': the rule after the tools
        heading = _RULES_HEADING.match(text)
        if (heading is not None and not text[heading.end() :].strip()) or (
            _BARE_HEADING.fullmatch(text) and not _NEGATIVE_HEADING.search(text)
        ):
            continue  # "规则：", "表结构：" alone: it introduces what follows and says nothing itself
        if heading is not None:
            text = text[heading.end() :].lstrip()  # "要求：\n1. 绝对不能…": the heading over the list is no rule
        # "2. 每次回答不超过150字。": the brief's item number would sit beside the prompt's own numbering
        number = _LEADING_ITEM_NUMBER.match(text) if "\n" in task else None
        at = start + len(sentence) - len(sentence.lstrip())
        if number is not None and (number.group(0)[0] in "(（" or numbered_line(task, at)):
            text = text[number.end() :]  # (not "1.5米以上…" nor "24. und 31. Dezember …": no list there)
        if index == head + 1 and PURPOSE_NEXT.match(task, start):
            continue  # "Damit sollen sie Entwürfe … schreiben": quoted with the job sentence
        if index == head or not text.strip(".,;:!?。、，！？ ") or text.rstrip(".!?。！？") in quoted:
            continue
        if said_by_cases(constraints, task, start, end) or stated_in_english(constraints, sentence, start, end):
            continue  # "Antwoord in het Nederlands, tenzij …; dan in het Engels": the language rule states it
        if GREETING_ONLY.match(text) or _MARKDOWN_HEADING.match(text):
            continue  # "hola!", "## Regras"
        if _only_tool_lines(text, tool_names) or (tool_names and _HEADING.fullmatch(text.strip())):
            continue  # "Ferramentas: - consultar_divida(cpf) → … Regras:": the tools section lists them already
        if index > 0 and _THEN_LEAD.match(text) and "\n" not in task[sentences[index - 1][1] : start]:
            # "… dale primero el 016 … y el 112. Después, si quiere, la información del centro.": the step after
            # is said with the one before it, which it cannot stand without
            text = " ".join(task[sentences[index - 1][0] : end].split())
        block = fixed_block(task, start, end)
        if block is not None:
            if block.absorbs_intro and details and details[-1][0] == index - 1:
                details.pop()  # the sentence that introduces the lines leads the block's rule
            details.append((index, block.text))
            rest = " ".join(task[block.end : end].split())
            if rest.strip(" ."):
                details.append((index, rest))  # "Sonst nichts.": the rule after the lines
            continue
        details.append((index, text))
    return _with_item_lists(task, sentences, details, english=False)


# ("Dopo ogni assemblea …", "after each meeting": a time, not the next step; those words need their comma)
# A case that refers back to the sentence before it ("If the note has anything else, …", "If there are none, …")
# (not a case of its own: "If they don't say something, put null", "If nothing's wrong, reply LGTM")
_ANAPHORIC_CASE = re.compile(
    r"(?:if|when)\s+(?:the\s+\w+\s+|it\s+|they\s+)?(?:has|have|is|gives|contains|says|shows)\s+"
    r"(?:anything|something)\s+else\b|(?:if|when)\s+there\s+(?:are|is)\s+(?:none|nothing)\s*[,.]|"
    r"if\s+not\s*,|otherwise\s*,(?!\s*if\b)",
    re.IGNORECASE,
)
# "We can't take asbestos, tyres or paint tins. If they mention any of those, …": a sentence that points back to the
# list before it on its line holds for that list's items; apart, "any of those" would name nothing
_POINTS_TO_LIST = re.compile(
    r"\b(?:any|one|none|either|each|all|some)\s+of\s+(?:those|these|them|the\s+above)\b|"
    r"\b(?:those|these|such)\s+(?:items|things|ones|cases|materials|products|substances)\b",
    re.IGNORECASE,
)
_LISTED = re.compile(r",[^,.;:]+(?:,|\bor\b|\band\b)")


def _points_to_list(text: str, before: str) -> bool:
    """Whether a sentence points back to the list the sentence before it holds ("… tyres or paint tins. If they
    mention any of those, …"); not one that introduces what follows ("Use one of these categories:")."""
    return (
        _POINTS_TO_LIST.search(text) is not None
        and not text.rstrip().endswith((":", "："))
        and _LISTED.search(before) is not None
    )


_THEN_LEAD = re.compile(
    r"(?:(?:después|luego|a\s+continuación|après|depois|em\s+seguida|poi|dopo|in\s+seguito|daarna)\s*,|"
    r"(?:dann|danach|anschließend|ensuite|puis|vervolgens)\b)",
    re.IGNORECASE,
)
_LEADING_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}[.)、．]|[（(]\d{1,2}[)）])\s*(?=\S)")
# A heading word and its colon ("Ferramentas:", "Regras:", "Herramientas:") or a list dash between tool lines.
_LIST_GLUE = re.compile(r"(?:^|\s)[^\W\d_]{3,20}\s*[:：]|(?:^|\s)[-*•](?=\s)")


def _without_tool_objects(task: str, start: int, end: int, constraints: Sequence[Constraint]) -> str | None:
    """A sentence without the tools it writes as JSON objects and the heading before them ('Funciones disponibles:
    {…} {…} Nunca des precios.' -> 'Nunca des precios.'), or None when it holds none."""
    rest, cut = task[start:end], False
    objects = [
        c.span.start
        for c in constraints
        if c.kind == "tool" and c.span and c.span.field == "task" and start <= c.span.start < end
        and c.span.text.lstrip().startswith("{")
    ]  # fmt: skip
    intro = task[start : min(objects)].rstrip() if objects else ""
    for c in sorted(constraints, key=lambda c: -(c.span.start if c.span else 0)):
        span = c.span
        if c.kind != "tool" or span is None or span.field != "task" or not start <= span.start < span.end <= end:
            continue
        if span.text.lstrip().startswith("{"):
            rest, cut = rest[: span.start - start] + rest[span.end - start :], True
    if not cut:
        return None
    if intro.endswith((":", "：", "[")):
        # "Puedes llamar a estas funciones: {…} {…} Nunca des precios.": the intro goes with the objects it introduces
        rest = rest[len(task[start : start + len(intro)]) :]
    rest = re.sub(r"\[[\s,]*\]", " ", " ".join(rest.split()))  # what is left of a JSON array of tools
    rest = " ".join(rest.split())
    if all(part.strip().endswith((":", "：")) for part in re.split(r"(?<=[:：])\s+", rest) if part.strip()):
        return ""  # "能调用的工具如下（JSON 格式）： 要求：": headings over lists stated elsewhere
    heading = re.match(r"[^:：]{1,40}[:：]\s*", rest)
    if heading is not None and _BARE_HEADING.fullmatch(heading.group(0).strip()):
        rest = rest[heading.end() :]
    return rest


def _only_tool_lines(text: str, tool_names: set[str]) -> bool:
    """Whether a sentence is only the brief's tool list: signatures of extracted tools, what they return, headings."""
    if not tool_names:
        return False
    # "def get_ticket(ticket_no: str) -> dict  # what it does": Python's keyword and comments are part of the list
    rest, signatures = re.sub(r"\bdef\s+", " ", re.sub(r"#[^#]*?(?=\s+def\s|$)", " ", text)), 0
    for name in tool_names:
        rest, count = re.subn(
            rf"`?{re.escape(name)}\((?:[^()]|\([^()]*\))*\)`?(?:\s*(?:→|->|=>|[-–—:])\s*(?:(?!\s*`?[A-Za-z_]\w*\()[^-–—\n])*)?",
            " ",
            rest,
        )
        signatures += count
    # what is left is at most a heading or a dash (counted in characters: Japanese has no spaces between words)
    return signatures >= 1 and len("".join(_LIST_GLUE.sub(" ", rest).split())) <= 4


# "表结构：", "Tablas:", "Datenmodell:": a heading alone on its line, over lines the prompt states in their own place
_BARE_HEADING = re.compile(r"[^\W\d_][\w ,·-]{0,24}[:：]")
# "Spec:", "Format, no exceptions:": a line that introduces what follows
# "Rules, in priority order:", "Rules (most important first):": a heading that also ranks its items
_RANKED = (
    r"(?:,\s*|\s+|\s*\(\s*)(?:in\s+(?:priority\s+order|order\s+of\s+(?:priority|importance))|by\s+priority|"
    r"(?:most\s+important|(?:highest|top)\s+priority)\s+first)\s*\)?"
)
_HEADING = re.compile(r"[\w -]{1,30}(?:,\s*no\s+exceptions?|\s*\((?:strict|important|must)\))?:")


# "if days_past_due is over 30 the gate code is locked.": a case stated as a fact, with no order of its own
_CASE_AS_FACT = re.compile(
    r"(?:if|when|whenever|once)\b[^,;:\n]*\b(?:is|are|was|were|has|have)\b[^,;:\n]*[.!]?", re.IGNORECASE
)


_ORDER_WORD = re.compile(
    r"\b(?:tell|say|give|call|write|reply|respond|ask|use|send|offer|suggest|refer|point|classify|keep|stop|mark|put|set|"
    r"return|answer|still|label|flag|escalate|must|should)\b",
    re.IGNORECASE,
)


def task_details(
    task: str, constraints: Sequence[Constraint], head: int = 0, layout: NumberedLines | None = None
) -> tuple[str, ...]:
    """The task's sentences other than the job sentence (`head`) that constraints do not mostly carry, whole, in the
    brief's words."""
    covered = [False] * len(task)
    tool_names = {c.name for c in constraints if c.kind == "tool" and c.name}
    # A contact inside a quoted sentence the reply carries whole ('Always end with: "…, call 999."') is said by
    # that sentence alone: it covers none of it.
    constraints = [c for c in constraints if not (c.kind == "fallback" and c.scope == QUOTED_SCOPE)]
    for c in constraints:
        if c.span is not None and c.span.field == "task":
            for i in range(max(0, c.span.start), min(len(task), c.span.end)):
                covered[i] = True
    details: list[tuple[int, str]] = []
    sentences = split_sentences(task)
    joined_next: set[int] = set()
    whole_items = dict(_whole_rule_items(task, sentences, constraints, covered))
    for index, (start, end) in enumerate(sentences):
        if index == head and not _leads_numbered_list(task, sentences, index):
            continue
        if index in joined_next:
            continue
        if index in whole_items:
            # "Rules, in priority order:\n1. verifyPolicyholder before anything else. Two failed attempts: stop …":
            # each item of the brief's rule list is one rule, whole and in its place
            last = whole_items[index]
            details.append((index, " ".join(task[start : sentences[last][1]].split())))
            joined_next.update(range(index + 1, last + 1))
            continue
        text = task[start:end]
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        if (
            following is not None
            and _CASE_AS_FACT.fullmatch(text.strip())
            and not _ORDER_WORD.search(text)
            and "\n" not in task[end : following[0]]
            and _instructs(task[following[0] : following[1]])
        ):
            # "if days_past_due is over 30 the gate code is locked. do NOT call reset_gate_code, call escalate …":
            # the case, then what to do in it: one rule, or the order would hold in every case
            details.append((index, " ".join(task[start : following[1]].split())))
            joined_next.add(index + 1)
            continue
        if _introduces_layout(task, start, end, layout):
            continue  # "output exactly this, nothing before or after:": the output format prints the layout
        if GREETING_ONLY.match(text) or _MARKDOWN_HEADING.match(text) or META_ONLY.fullmatch(text):
            continue  # "## Rules" introduces what follows, "new prompt pls." asks for this prompt: neither says more
        text = re.sub(r"\s*```[\w+-]*\s*$", "", text)  # "Tools (TypeScript signatures): ```ts": the fence goes
        if tool_names and (prose := without_code(text)) != text:
            # "message PageRequest { string reason = 1; … }": the tools section states what pasted code defines
            if not prose:
                continue
            text, end = prose, start + len(prose)
        if not text.strip(" .:"):
            continue
        listed = index + 1 < len(sentences) and is_item(task, sentences[index + 1][0])
        if _HEADING.fullmatch(text.strip()) and not listed:
            continue  # "Spec:" introduces what follows; it says nothing itself (a list after it may join it)
        if TOOL_LINE.match(text) and any(text.lstrip(" \t-*•`").startswith(f"{name}(") for name in tool_names):
            continue  # "check_booking(…) -> booking_id, room": the tools section states the tool and what it returns
        if (
            index > 0
            and (
                _ANAPHORIC_CASE.match(text)
                or _points_to_list(text, task[sentences[index - 1][0] : sentences[index - 1][1]])
            )
            and "\n" not in task[sentences[index - 1][1] : start]
        ):
            # "A VIN is 17 characters. If the note has anything else, set vin to null.": the case refers back
            joined = " ".join(task[sentences[index - 1][0] : end].split())
            if details and details[-1][0] == index - 1:
                details[-1] = (index - 1, joined)
            else:
                details.append((index, joined))
            continue
        block = fixed_block(task, start, end)
        if block is not None:
            if block.absorbs_intro and details and details[-1][0] == index - 1:
                details.pop()  # the sentence that introduces the lines leads the block's rule
            details.append((index, block.text))  # the layout whole, whatever limits its slots carry ("(one sentence)")
            after = task[block.end : end]
            if not after.strip(" .\n"):
                continue
            start = block.end + len(after) - len(after.lstrip())  # the rules after the lines are read as usual
            text = task[start:end]
        if not any(covered[i] for i in range(start, end)) and text.strip():
            details.append((index, " ".join(text.split())))
            continue
        fixed = fixed_reply(text) or _said_quotation(text)
        if fixed is not None and not any(" ".join(fixed.split()) in c.text for c in constraints):
            # "If the dog collapsed, say: This could be an emergency. Please call …": the words to give are the
            # rule, whole; a route restated from the same sentence ("tell the user to call …") would lose them
            details.append((index, " ".join(text.split())))
            continue
        tail = _after_literal(task, start, end, constraints)
        if tail is not None:
            # "…: {"appearance": 0, …, "pass": false}\npass is true when total is 12 or more.": the line after a JSON
            # shape is a rule of its own, whatever the shape's constraints carry
            details.append((index, tail))
        visible = [i for i in range(start, end) if not task[i].isspace()]
        if tail is not None or (len(visible) >= 200 and sum(covered[i] for i in visible) * 5 >= len(visible) * 4):
            # "Return JSON exactly in this shape, no extra keys: { …a schema… }": the constraints carry four fifths of
            # a long sentence (the schema itself), so repeating it whole would print the schema twice.
            continue
        said = " ".join(
            c.text.lower()
            for c in constraints
            if c.span is not None and c.span.field == "task" and start <= c.span.start < end and not _scripted(c)
        )
        words = [w.strip(".'") for w in CONTENT_WORD.findall(text.lower()) if len(w.strip(".'")) > 3]
        routes = [
            c for c in constraints
            if c.kind == "fallback" and c.condition and c.span is not None and c.span.field == "task"
            and start <= c.span.start < end
        ]  # fmt: skip
        mixed = any(c.action not in ("email", "phone", "url") for c in routes)  # contacts alone merge into one line
        if len(routes) >= 2 and len({c.condition for c in routes}) == 1 and mixed:
            # "… step out of the role and tell them to contact a doctor, or call 999 if the pain is happening now":
            # two routes for one case, each restated apart, lose what the sentence says around and between them.
            details.append((index, " ".join(text.split())))
            continue
        if not words or (said and sum(w in said for w in words) * 5 >= len(words) * 3):
            # The constraints restate (nearly) all of the sentence, but a comma-separated part none of them
            # touches is content of its own ("rounds of 10 questions, 4 options A-D each, dont give …").
            untouched = _untouched_parts(text, start, covered)
            # (a part of a fixed reply a rule carries whole would cut its words: "say: I can't give financial advice"
            # without its ", but …")
            if untouched and fixed is None:
                details.append((index, untouched))
            continue
        rest = [m.group(0).lower() for m in CONTENT_WORD.finditer(text) if not covered[start + m.start()]]
        if all(word.strip(".,;:!?'") in _FILLER_WORDS for word in rest):
            continue  # the constraints' spans hold all of it but filler ("Output just the label, nothing else.")
        details.append((index, " ".join(text.split())))
    # "… our chat bot (call it Fern). It answers questions about plants": the job, said of the assistant (what it
    # is, "It chats with them in Teams", stays background)
    details = [(i, _as_order(task[: sentences[i][0]], text)) for i, text in details]
    return _with_item_lists(task, sentences, details, english=True)


# 'Never comment on their medication; say "Let's ask the nurse about that."': the words to give, quoted after a verb
_SAY_QUOTED = re.compile(
    r"\b(?:say|says|reply|respond|answer|tell\s+them|write)\s*[:：]?\s*[\"“](?P<quoted>[^\"”“\n]{3,300})[\"”]",
    re.IGNORECASE,
)


def _said_quotation(text: str) -> str | None:
    """The quoted words a sentence says to give ('say "Let's ask the nurse about that."'), if it quotes any."""
    quoted = _SAY_QUOTED.search(text)
    return quoted.group("quoted").strip() if quoted is not None else None


def _as_order(before: str, text: str) -> str:
    order = assistant_sentence_as_order(before, text)
    return order if order != text and rule_line(order) else text


def _leads_numbered_list(task: str, sentences: list[tuple[int, int]], index: int) -> bool:
    """Whether a sentence introduces a sequence or the reply's parts and numbered lines follow it ("… want 2 things
    back:\n1) a digest …"): the job sentence then stays with them."""
    start, end = sentences[index]
    if not _SEQUENCE_LEAD.search(task[start:end].rstrip()) or index + 2 >= len(sentences):
        return False
    return all(item_number(task, sentences[i][0]) is not None for i in (index + 1, index + 2))


_RULE_KINDS = frozenset({"prohibition", "ordering", "requirement"})


def _rule_list_items(task: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(first, last, ranked) for each item of a list under a rules heading ("Rules, in priority order:", "How it
    should go:"): the sentences of the item's line (a second sentence on it continues the item: "1. verify first.
    Two failed attempts: stop …"), and whether the heading ranks the items."""
    items: list[tuple[int, int, bool]] = []
    for index, (start, end) in enumerate(sentences):
        lead = task[start:end].strip().rsplit("\n", 1)[-1].strip()
        if not lead.endswith((":", "：")) or _RULES_HEADING.fullmatch(lead) is None:
            continue
        ranked = re.search(_RANKED + r"\s*[:：]$", lead, re.IGNORECASE) is not None
        first = index + 1
        while first < len(sentences) and _opens_item(task, sentences[first][0]):
            last = first
            while (
                last + 1 < len(sentences)
                and not _opens_item(task, sentences[last + 1][0])
                and "\n" not in task[sentences[last][0] : sentences[last + 1][0]].strip(" \t")
            ):
                last += 1
            items.append((first, last, ranked))
            first = last + 1
    return items


def _opens_item(task: str, start: int) -> bool:
    return is_item(task, start) or numbered_item(task, start)


def _whole_rule_items(
    task: str, sentences: list[tuple[int, int]], constraints: Sequence[Constraint], covered: Sequence[bool]
) -> list[tuple[int, int]]:
    """The items of the brief's rule lists that stay whole rules: those with a rule of their own in them, or with a
    sentence no constraint reads (an item that only limits the reply, "5. Max 60 words.", is said by the output
    format)."""
    kept = []
    for first, last, _ in _rule_list_items(task, sentences):
        start, end = sentences[first][0], sentences[last][1]
        inside = [
            c for c in constraints
            if c.span is not None and c.span.field == "task" and start <= c.span.start < end
        ]  # fmt: skip
        bare = any(
            task[s:e].strip() and not any(covered[i] for i in range(s, e)) for s, e in sentences[first : last + 1]
        )
        if bare or any(c.kind in _RULE_KINDS for c in inside):
            kept.append((first, last))
    return kept


def listed_rules(task: str, constraints: Sequence[Constraint]) -> tuple[list[tuple[int, int]], list[str]]:
    """The [start, end) of each item kept whole from the brief's rule lists (see `task_details`), and the text of
    those whose heading ranks them ("in priority order")."""
    covered = [False] * len(task)
    for c in constraints:
        if c.span is not None and c.span.field == "task" and not (c.kind == "fallback" and c.scope == QUOTED_SCOPE):
            for i in range(max(0, c.span.start), min(len(task), c.span.end)):
                covered[i] = True
    sentences = split_sentences(task)
    ranked_items = {first for first, _, ranked in _rule_list_items(task, sentences) if ranked}
    spans, ranked = [], []
    for first, last in _whole_rule_items(task, sentences, constraints, covered):
        spans.append((sentences[first][0], sentences[last][1]))
        if first in ranked_items:
            ranked.append(" ".join(task[sentences[first][0] : sentences[last][1]].split()))
    return spans, ranked


def _scripted(constraint: Constraint) -> bool:
    """A reply of several sentences to say exactly: its fallback restates the words, not what the sentence does
    around them ("stop the check-in and reply with exactly: "…. …"", "don't open a claim; say "…. …" and stop")."""
    return (
        constraint.kind == "fallback"
        and constraint.action == "say"
        and bool(_INNER_STOP.search(constraint.value or ""))
    )


_INNER_STOP = re.compile(r"[.!?]\s+\S")


def _with_item_lists(
    task: str, sentences: list[tuple[int, int]], details: list[tuple[int, str]], *, english: bool
) -> tuple[str, ...]:
    """The details, with a dashed list joined to the line that introduces it when its items are parts of one
    instruction or one piece of material: "Pour chaque fiche, rends exactement :" and "- un titre de 60 caractères
    maximum ;" …, or "Mark scheme (10 marks):" and "- identifies the correct point of isolation (1)" …. A list under
    a bare heading ("Regras:", "Rules:") whose items are rules of their own stays a rule per item, and the heading
    goes. Every item is kept in a joined list, also one a constraint states as a rule of its own."""
    joined: list[str] = []
    skip_to = -1
    for index, text in details:
        if index <= skip_to:
            continue
        lead = task[slice(*sentences[index])]
        if "\n   " in text:
            joined.append(text)  # a layout kept line by line leads no list
            continue
        if ":" not in lead.rstrip()[-1:] and ":\n" not in lead:
            # Only a line that ends in a colon introduces a list (see `_one_list`); not scanning the items after
            # every other line keeps a long run of numbered lines (pasted answer keys) linear.
            if _HEADING.fullmatch(text) is None:
                joined.append(text)
            continue
        end = index + 1
        # "… waits for the answer each time:\n1) What's one thing …?\n2) …": numbered items of an English lead
        numbered = english and text.isascii() and is_english(text)
        negative = _NEGATIVE_HEADING.fullmatch(lead.rstrip().rsplit("\n", 1)[-1].strip()) is not None  # "…\n\nDon't:"
        while (
            end < len(sentences)
            and (
                is_item(task, sentences[end][0])
                or (numbered and numbered_item(task, sentences[end][0]))
                # "Don't:\n- describe falls … residents. If the notes contain any of these, …": an item's second
                # sentence, which the ban's later items must not be cut from
                or (negative and end > index + 1 and "\n" not in task[sentences[end - 1][1] : sentences[end][0]])
            )
        ):
            end += 1
        # each item with the sentences that continue its line
        starts = [
            i
            for i in range(index + 1, end)
            if not negative or i == index + 1 or "\n" in task[sentences[i - 1][1] : sentences[i][0]]
        ]
        bounds = [(i, ([*starts, end])[n + 1] - 1) for n, i in enumerate(starts)]
        # (the last item's colon introduced a layout below: "… and print a scorecard:")
        items = [" ".join(task[sentences[i][0] : sentences[last][1]].split()).rstrip(".;:") for i, last in bounds]
        marks = [item_number(task, sentences[i][0]) for i in starts]
        if all(marks):
            # "What to look for, most important first:\n1. …\n2. …": the numbers are the order of importance
            items = [f"{mark} {item}" for mark, item in zip(marks, items, strict=True)]
        # ("Rules, in priority order:" heads rules of their own too)
        heading = _HEADING.fullmatch(text) is not None or _RULES_HEADING.fullmatch(text) is not None
        lead_end, first_item = sentences[index][1], sentences[index + 1][0] if index + 1 < len(sentences) else 0
        apart = _BLANK.search(task, lead_end, max(lead_end, first_item)) is not None
        # (the lead's last line introduces the list: "…Note:\n\nDon't:" after a layout)
        lead_line = lead.rstrip().rsplit("\n", 1)[-1]
        lead_line = lead_line if lead_line.rstrip().endswith((":", "：")) else lead
        if len(items) >= 2 and not apart and _one_list(lead_line, items, heading, english):
            glue = ": " if text.endswith(":") else "; "  # "… like this: Heel slides — 10 reps" then its steps
            end_mark = "" if items[-1].endswith(("?", "!", "？", "！")) else "."
            if negative and any(". " in i for i in items):
                # "Don't:" over items of several sentences: one per line, so no sentence reads outside the ban
                joined.append(f"{text.rstrip(':')}:\n" + "\n".join(f"   - {item}" for item in items))
            else:
                joined.append(f"{text.rstrip(':')}{glue}{'; '.join(items)}{end_mark}")
            skip_to = end - 1
        elif not heading:
            joined.append(text)
    return tuple(joined)


def _one_list(lead: str, items: list[str], heading: bool, english: bool) -> bool:
    """Whether a lead and its dashed items are one instruction or one piece of material, not a list of rules."""
    if ":" not in lead.rstrip()[-1:] and ":\n" not in lead:
        return False  # the items follow no colon: each is a sentence of its own
    if any(TOOL_LINE.match(item) for item in items):
        return False  # a tool list: the tools section states each tool
    if _SEQUENCE_LEAD.search(lead):
        return True  # "Ask ONE question per message, in this order:" and the questions: one instruction
    if _NEGATIVE_HEADING.fullmatch(lead.strip()):
        return True  # "Do not:\n- use emojis": each item is forbidden, which it no longer says on its own
    if heading:
        if all(len(item.split()) <= 3 for item in items) and not any(_instructs(item) for item in items):
            return True  # "What to check, in priority order:\n1. security\n2. correctness": one ranked list
        # "Rules:" lists rules, each a rule of its own; "Swimming pool:\n- open 7am-9pm" is about the pool
        return not _RULES_HEADING.fullmatch(lead.strip())
    if english:
        return not any(_instructs(item) for item in items)  # "Mark scheme (10 marks):" and its criteria
    return all(len(item.split()) <= 12 for item in items)  # "Pour chaque fiche, rends exactement :" and its parts


_BLANK = re.compile(r"\n[ \t]*\n")
_SEQUENCE_LEAD = re.compile(
    r"\b(?:in\s+(?:this|that|the\s+following)\s+order|in\s+order|one\s+(?:at\s+a\s+time|by\s+one)|"
    r"(?:these|the\s+following)\s+(?:questions|steps)|"
    # "… and want 2 things back:", "in three parts:": the parts of one reply
    r"(?:\d|two|three|four|five)\s+(?:things|parts|sections|pieces|outputs)(?:\s+[a-z]+){0,2})\s*[:：]\s*$",
    re.IGNORECASE,
)
_MARKDOWN_HEADING = re.compile(r"\s*#{1,6}\s+\S[^\n]{0,80}$")
# A heading that lists the requester's rules: its items are rules, each of its own.
_RULES_HEADING = re.compile(
    r"(?:(?:some|a\s+few|(?:the\s+)?main|key|hard|house|our|my|important|general|extra|other|more|strict|"
    r"ground|golden|basic|the|these)\s+)*"
    r"(?:rules?|guidelines?|instructions?|requirements?|constraints?|policies|policy|do'?s(?:\s+and\s+don'?ts)?|"
    r"behaviou?r|how\s+(?:it|this|the\s+(?:bot|chat|conversation|assistant))\s+(?:should|must)\s+(?:behave|work|act|go|run)|regras|reglas|normas|regeln|règles|consignes|regole|"
    # "Cómo debe funcionar:", "So soll es funktionieren:", "Comment il doit fonctionner :"
    r"c[óo]mo\s+(?:debe|tiene\s+que)\s+funcionar|como\s+deve\s+funcionar|so\s+soll\s+(?:es|er)\s+funktionieren|"
    r"wie\s+(?:es|er)\s+funktionieren\s+soll|comment\s+(?:il|ça|elle)\s+doit\s+fonctionner|come\s+deve\s+funzionare|"
    r"hoe\s+het\s+moet\s+werken|"
    # ("What to check, in priority order:" with its ranking; a bare "What to check:" joins its items)
    r"what\s+to\s+(?:check|look\s+(?:at|for)|review|watch\s+(?:for|out\s+for)|flag)(?=\s*[,(]\s*(?:in|by)\s)|"
    r"istruzioni|regels|instructies|richtlijnen|anweisungen|instrucciones|instruções|ルール|规则|要求|"
    r"format(?:ting)?(?:\s+rules)?|style)(?:,\s*no\s+exceptions?|"
    rf"{_RANKED})?\s*[:：]",
    re.IGNORECASE,
)
# A heading whose items are each forbidden: "Do not:", "Avoid:", "Things to avoid:", "Nunca:", "Niemals:"; searched
# for, it is the ban at the end of a longer heading ("A evitar:", "Da evitare:"), which is never a bare heading.
_NEGATIVE_HEADING = re.compile(
    r"(?:\b(?:do\s+not|don'?t|never|avoid|things\s+to\s+avoid|don'?ts|not\s+allowed|forbidden|no\s+go|never\s+\w+|"
    r"nunca|no|jamás|evita(?:r)?|prohibido|nie(?:mals)?|nicht|vermeide\w*|verboten|jamais|ne\s+pas|à\s+éviter|"
    r"interdit|não|evite|proibido|mai|evitare|vietato|nooit|niet|vermijd|tab[uú])|禁止|避け|不要)\s*[:：]",
    re.IGNORECASE,
)

_CONDITION_LEAD = re.compile(
    r"(?:(?:very\s+)?important|note|nb|also|and|but|so|pls|please)?\W*"
    r"(?:if|when|whenever|unless|once|after|before|in\s+case|as\s+soon\s+as|otherwise|anything\s+else|si|cuando|wenn|falls|sobald|"
    r"quand|lorsque|se|quando|caso)\b",
    re.IGNORECASE,
)


def _parts(text: str) -> list[tuple[int, int]]:
    """[start, end) of the comma- or semicolon-separated parts of a sentence, outside parentheses."""
    bounds, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if (char in ",;" and depth == 0) or char == "\n":  # a line break ends a part: "first:\n[A|B] path - fix"
            bounds.append((start, index))
            start = index + 1
    bounds.append((start, len(text.rstrip().rstrip(".!?"))))
    return bounds


# "no sexual content, no real world politics, gore kept PG-13": a part with its own subject after a constraint is
# content of its own; one that opens with a link or a verb continues the constraint before it.
# "and if they're outside the US tell them …": a second case with its own instruction
_NEW_CASE = re.compile(
    r"(?:and|but|or)\s+(?:if|when|whenever|where)\b[^,;]{3,80}?\b(?:tell|give|ask|point|send|refer|say|offer|"
    r"suggest|direct|advise|urge)\b",
    re.IGNORECASE,
)
_LINKED_PART = re.compile(
    r"(?:then|and|or|but|so|until|till|unless|before|after|which|that|who|because|otherwise|if|when|instead|"
    r"except|with|without|even|also|plus|only|just|e\.g|i\.e|etc|in|on|at|for|as|to|from|by|under|"
    r"over|into|within|per|each|every|using|via|like|such)\b",
    re.IGNORECASE,
)


_INTRO_WORDS = frozenset({"output", "format", "reply", "response", "answer", "ausgabe", "salida", "sortie", "formato"})
_INTRO_ONLY = re.compile(
    r"(?:(?:return|output|reply|respond|format|use|give|write|print|answer|pick|choose)\b[^:：]{0,20}|"
    r"[^:：]{0,30}\b(?:label\s+set|labels|categories|format|fields|columns|template|layout|shape)\b[^:：]{0,25})[:：]",
    re.IGNORECASE,
)


def _untouched_parts(text: str, offset: int, covered: Sequence[bool]) -> str:
    """The leading parts of a sentence that no constraint's span touches and that say something, joined again."""
    kept: list[str] = []
    trailing: list[str] = []
    after_constraint = False
    condition = ""
    for start, end in _parts(text):
        if any(covered[offset + i] for i in range(start, end)):
            # A condition just before a constraint belongs to it ("If someone is in crisis, give them 988").
            conditions = [index for index, part in enumerate(kept) if _CONDITION_LEAD.match(part)]
            own = " ".join(text[start:end].split())
            if conditions:
                condition = kept[conditions[-1]]
            elif _CONDITION_LEAD.match(own):
                condition = find_condition(own) or condition
            del kept[conditions[-1] if conditions else len(kept) :]
            after_constraint = True
            continue
        part = " ".join(text[start:end].split())
        if (
            _INTRO_ONLY.fullmatch(part)
            or part.lower().rstrip(":：") in _INTRO_WORDS
            or (
                # (a capitalised heading of a word or two, not "most severe first:" before a layout)
                _BARE_HEADING.fullmatch(part)
                and part[:1].isupper()
                and len(part.split()) <= 2
                and not _NEGATIVE_HEADING.search(part)
            )
        ):
            continue  # "Return only:", "Schema:", "Policy:": it introduces the lines after it
        part = part.rstrip(":：").rstrip()  # "most severe first:" before the line's layout keeps what it says
        if not part:
            continue  # "…, just bullet points, " ends on an empty part
        if after_constraint and _NEW_CASE.match(part):
            # "…(call or text 988), and if they're outside the US tell them …": a case of its own, with its own
            # instruction, that no constraint carries
            after_constraint = False
            part = re.sub(r"^(?:and|but|or)\s+", "", part, flags=re.IGNORECASE)
        if after_constraint and (_LINKED_PART.match(part) or part.split()[0].lower() in VERBS):
            break  # a part after a constraint that continues it ("…, then list them all") belongs to it
        words = [w.lower().strip(".'") for w in CONTENT_WORD.findall(part)]
        if part and any(len(w) > 2 and w not in _FILLER_WORDS for w in words):
            # "if someone is behind on rent, be kind, dont lecture, and give them …": a part after the constraint
            # still holds under the sentence's condition.
            if after_constraint:
                trailing.append(f"{condition}, {part}" if condition else part)
            else:
                kept.append(part)
    return ", ".join([*kept, *trailing])


def restates_job(constraint: Constraint, job: tuple[int, int]) -> bool:
    """ "I want a chatbot that answers questions about prices (small £35, …)": a requirement read from the job
    sentence as a whole (for its amounts) says again what the role line says."""
    span = constraint.span
    if constraint.kind != "requirement" or span is None or span.field != "task" or job[1] <= job[0]:
        return False
    if _RULE_WORD.search(constraint.text):
        return False  # "faq bot …, answers only from the house rules doc": a rule inside the job sentence stays
    return job[0] <= span.start and span.end <= job[1] and (span.end - span.start) * 5 >= (job[1] - job[0]) * 4


_RULE_WORD = re.compile(r"\b(?:only|always|never|must|don'?t|do\s+not|no|not|unless|before|after|first)\b", re.I)

_INCLUDE_IN_TEXT = re.compile(
    r"\b(?:include|includes|including|mention|add|put|list|give|state|print|sign)\b[^.!?\n]{0,12}[:\s]", re.IGNORECASE
)


def in_text_fallback(constraint: Constraint, task: str) -> bool:
    """Whether a contact sits in a sentence that tells the text to include it ("Under "When to get help" always
    include: call 999 if …"): part of the text a writer produces, not a route for the requester."""
    span = constraint.span
    if constraint.kind != "fallback" or span is None or span.field != "task":
        return False
    start = max(task.rfind(mark, 0, span.start) for mark in (".\n", ". ", "\n", "! ", "? "))
    return _INCLUDE_IN_TEXT.search(task, max(0, start), span.start) is not None
