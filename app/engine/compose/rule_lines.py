"""Whether a sentence of the brief is a rule for the assistant (an order, a spec line, a field's or the reply's
shape, a case it sets up) or a fact for the context."""

from __future__ import annotations

import re

from app.engine.compose.cues import POINTS_AWARDED
from app.engine.compose.settled import settles_a_topic
from app.engine.constraints.scoping import CASE_STEP
from app.engine.phrasing import is_third_person_verb

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


def instructs(sentence: str) -> bool:
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


# "on_plan already true -> no second plan", "3 failed tries -> call …": a case, an arrow, then what follows from it
_ARROW_RULE = re.compile(r"\s*(?:[-*•]\s*|\d{1,2}[.)]\s+)?[\w`\"'][^\n]{1,120}?\s(?:->|→|=>|⇒)\s+\S")

# "I paste notes like:", "Here's one my manager wrote that we liked:", "e.g.:", "for example:": what follows is a
# pasted sample (an input or an output), whatever arrows it holds, never a rule
_SAMPLE_INTRO = re.compile(
    r"\b(?:like|e\.g\.?|for\s+(?:example|instance)|such\s+as|here(?:'s|\s+is|\s+are)\s+(?:one|an?|some|two|three)\b"
    r"[^:\n]{0,60}|(?:an\s+|one\s+)?(?:example|sample)s?)\s*:",
    re.IGNORECASE,
)


def rule_line(sentence: str) -> bool:
    """Whether a sentence of an English brief is one of its rules, not context: an instruction or a spec line."""
    if instructs(sentence) or _spec_fragment(sentence):
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
    if _ARROW_RULE.match(sentence) and not _SAMPLE_INTRO.search(sentence):
        return True  # "on_plan already true -> no second plan, …": a case and what to do in it
    if _REPLY_SHAPE.match(sentence):
        return True  # "first line of the output is either 'Verdict: APPROVE' or …": the reply's shape, stated as fact
    head = _LABEL_HEAD.match(sentence)
    if head is not None and (CASE_STEP.match(sentence, head.end()) or instructs(sentence[head.end() :])):
        return True  # "PRICE: politely say that prices are set after a consultation": what to do for that label
    if head is not None and head.group(0).strip(" :–—") not in _NOTE_HEADS and sentence.count(",", head.end()) >= 2:
        return True  # "MAJOR: db calls without ctx, goroutines that can leak, …": the cases a label takes
    if _GETS_A_LABEL.search(sentence):
        return True  # "anyone who says they are under 18 gets UNDER18 and a polite no": which label a case takes
    # "Money is stored in cents; output euros with / 100.0", "… think in Amsterdam time, so convert with AT TIME
    # ZONE …": a fact, then the instruction it calls for
    if any(instructs(part.strip()) for part in _FACT_THEN_ORDER.split(sentence)[1:]):
        return True
    # "A VIN is 17 characters. If the note has anything else, set vin to null.": a fact and the case it sets up
    later = re.split(r"(?<=[.!?])\s+", sentence)[1:]
    return any(
        ANAPHORIC_CASE.match(part) and (instructs(part) or instructs(part.split(",", 1)[-1].strip())) for part in later
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


# "PRICE: ", "COMPLAINT – ": a label that heads what to do in its case
_LABEL_HEAD = re.compile(r"\s*(?-i:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\s*[:–—]\s+")


_NOTE_HEADS = frozenset({"NOTE", "NB", "PS", "FYI", "CONTEXT", "BACKGROUND", "INFO", "ABOUT", "TIP", "IMPORTANT"})


# "Anyone who says they are under 18 gets UNDER18", "anything about refunds goes under BILLING", "spam is tagged SPAM"
_GETS_A_LABEL = re.compile(
    r"\b(?:gets?|goes\s+(?:to|in|into|under)|(?:is|are|gets?)\s+(?:labell?ed|tagged|marked|filed\s+as))\s+"
    r"[\"“'‘]?(?-i:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*[A-Z0-9])\b[\"”'’]?"
    # (the label ends the clause: not "everyone gets FREE shipping")
    r"(?=\s*(?:$|[.,;:!?()\[\]–—-]|(?:and|or|plus|with|unless|if|when|even)\b))",
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


_CONTEXT_LABEL = re.compile(
    r"\s*(?:context|background|fyi|for\s+context|for\s+info|info|"
    # ("Example: member: can I go … Shall I book it?": an example's lines illustrate, they order nothing)
    r"(?:an?\s+|one\s+)?(?:good\s+|bad\s+)?(?:example|sample)(?:\s+(?:reply|answer|chat|conversation|exchange|dialogue))?)"
    r"\s*[:\-–]",
    re.IGNORECASE,
)


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


# ("Dopo ogni assemblea …", "after each meeting": a time, not the next step; those words need their comma)
# A case that refers back to the sentence before it ("If the note has anything else, …", "If there are none, …")
# (not a case of its own: "If they don't say something, put null", "If nothing's wrong, reply LGTM")
ANAPHORIC_CASE = re.compile(
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


def points_to_list(text: str, before: str) -> bool:
    """Whether a sentence points back to the list the sentence before it holds ("… tyres or paint tins. If they
    mention any of those, …"); not one that introduces what follows ("Use one of these categories:")."""
    return (
        _POINTS_TO_LIST.search(text) is not None
        and not text.rstrip().endswith((":", "："))
        and _LISTED.search(before) is not None
    )
