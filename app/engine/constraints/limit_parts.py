"""Which named part of the reply a limit is for: a part named by an action or a noun ("explain each
query in one sentence"), a labelled line, a sequenced part (what opens a limit's clause, a heading, a language or a
line label, is read by `limit_leads`).
"""

from __future__ import annotations

import re

from app.engine.constraints import parts
from app.engine.constraints.limit_numbers import REPLY_NOUNS, number_starts
from app.engine.constraints.part_steps import (
    ANSWER_IN,
    FOREIGN_ARTICLES,
    NEXT_STEP,
    PART_WHEN,
    SIZED_NOUN_AFTER,
    STEP_BEFORE_SIZE,
)

# A named part of the output that a limit narrows to: "the subject line under 60 characters", "titles: max 8 words".
_PART_BEFORE = re.compile(
    r"\b(?:the\s+|a\s+|its\s+)?(?P<part>title|subject(?:\s+line)?|headline|tagline|caption|heading|name|"
    r"meta\s+description|slug|hook|cta|call\s+to\s+action|alt\s+text|preview\s+text|tweet|bio|slogan)s?\s*"
    r"(?:(?:should|must|shall|is|are|has|have|gets?|stays?|of|with|in|to)\s+)*(?:be\s+)?[:(-]?\s*"
    r"(?:(?:at\s+most|under|below|within|max(?:imum)?|no\s+more\s+than|up\s+to|less\s+than|keep\s+it\s+to)\s+)?$",
    re.IGNORECASE,
)
# "um título de no máximo 6 palavras e um texto de no máximo 300 caracteres": a named part in another language.
_FOREIGN_PART = re.compile(
    r"\b(?P<part>títulos?|titulos?|titres?|titel|textos?|textes?|descrição|descricao|descripción|descripcion|"
    r"beschreibung|description(?=\s+(?:de\b|d')|\s*$)|descrizione|beschrijving|omschrijving|resumo|resumen|résumé|zusammenfassung|asunto|"
    r"assunto|objet|betreff)\s+"
    r"(?:(?:de|com|con|mit|von|avec|en|em|in|d')\s*)?(?:(?:no\s+m[aá]ximo|como\s+m[aá]ximo|m[aá]x(?:imo)?|au\s+plus|"
    r"au\s+maximum|h[öo]chstens|maximal|max\.?|hasta|até|jusqu'à)\s+)?$",
    re.IGNORECASE,
)
_SEQUENCED_PART = re.compile(
    r"\b(?:then|and\s+then|afterwards|followed\s+by|luego|después|despues|danach|dann|puis|ensuite|depois|e\s+depois)\s+"
    r"(?:[^\W\d_]+\s+){0,4}?(?:(?:an?|the|una?|eine[nm]?|ein|une?|um|uma|el|la|le|o|a)\s+)?"
    # ('then a short "so what for Northgate" para under 80 words': the part's name may be quoted before its noun)
    r"(?:[^\W\d_]+\s+)?(?:[\"“'‘][^\"“”'‘’\n]{1,40}[\"”'’]\s+)?"
    r"(?P<part>email|e-mail|explanation|summary|reply|message|note|reason|paragraph|para(?=\s+(?:of|under|max|with|in|"
    r"at|up|no)\b|\s*$)|answer|explicación|explicacion|"
    r"explication|explicação|explicacao|erklärung|erklaerung|resumen|résumé|resumo|zusammenfassung|correo|courriel|"
    r"mensaje|mensagem|nachricht|párrafo|paragraphe|parágrafo|absatz|respuesta|réponse|resposta|antwort)"
    r"(?:\s+(?:to|for|para|an|à|au|ao)\s+(?:[^\W\d_]+\s+){0,2}?[^\W\d_]+)?"
    # "then the answer in plain English in max 3 sentences": the language or register of the part comes first
    r"(?:\s+(?:in|en|auf|em)\s+(?:plain|simple|clear|everyday|einfachem|einfachen|lenguaje)?\s*[^\W\d_]+)?"
    r"\s+(?:(?:of|de|von|mit|com|with|in|en|em|d')\s*(?:(?:at\s+most|max(?:imum)?|máximo|maximo|maximal|höchstens|"
    r"up\s+to|under|no\s+more\s+than|au\s+plus|até|hasta)\s+)?|(?:at\s+most|max(?:imum)?|up\s+to|under|"
    r"no\s+more\s+than)\s+)?$",
    re.IGNORECASE,
)
_REASON_IN = re.compile(
    r"\b(?:give|with|add|plus|and)\s+(?:the\s+|a\s+|your\s+|its\s+)?(?P<part>reason|rationale|justification|explanation)"
    r"\s+in\s+(?:(?:at\s+most|no\s+more\s+than|up\s+to|max(?:imum)?|exactly|just|only)\s+)?$",
    re.IGNORECASE,
)
_SEQUENCED_NAMES = {
    "expli": "explanation", "erklä": "explanation", "erkla": "explanation", "resum": "summary", "résum": "summary",
    "zusam": "summary", "corre": "email", "courr": "email", "e-mai": "email", "mensa": "message", "nachr": "message",
    "para": "paragraph", "párra": "paragraph", "parag": "paragraph", "parág": "paragraph", "absat": "paragraph",
    "respu": "reply", "répon": "reply", "respo": "reply", "antwo": "reply",
}  # fmt: skip
_FOREIGN_PART_NAMES = {
    "títul": "title", "titul": "title", "titre": "title", "titel": "title", "text": "text", "descr": "description",
    "besch": "description",
    "omsch": "description", "resum": "summary", "résum": "summary", "zusam": "summary", "asunt": "subject line",
    "assun": "subject line", "objet": "subject line", "betre": "subject line",
}  # fmt: skip
# A limit on one part the reply carries, named by the action that writes it: "explain each query in one
# sentence", "justify the verdict in at most 2 sentences" (the reply also holds the query or the verdict).
# "Summarise each article in 3 bullets" is absent: there the summary is the whole reply.
_PART_VERBS: dict[str, str] = {
    "explain": "explanation", "describe": "description", "justify": "justification", "define": "definition",
    "comment": "comment", "introduce": "introduction",
    "annotate": "annotation", "caption": "caption", "motivate": "rationale",
}  # fmt: skip
_VERB_PART_BEFORE = re.compile(
    rf"\b(?P<verb>{'|'.join(_PART_VERBS)})(?:s|es)?(?:\s+on)?\s+(?:(?:each|every|why|what|how|your|its|their)\b"
    r"|(?:the|this|that)\s+(?:\w+\s+)?(?:verdict|score|grade|label|choice|answer|query|queries|code|rating|"
    r"decision|classification|category|fix|change|sql|suggestion|recommendation|result|step)s?\b)"
    r"[^.;:!?]{0,40}?\s(?:in|with|using|within|to|under)\s+"
    r"(?:(?:at\s+most|no\s+more\s+than|up\s+to|max(?:imum)?|less\s+than|about|roughly|only|just)\s+)?(?:a\s+)?$",
    re.IGNORECASE,
)
_VERB_TOPIC_BEFORE = re.compile(
    rf"\b(?P<verb>{'|'.join(_PART_VERBS)})(?:s|es)?\s+(?:the|this|that|each|a)\s+(?:\w+\s+)?(?:topic|concept|idea|term|"
    r"rule|lesson|problem|word|passage)s?\s+(?:in|with|using|within|to|under)\s+"
    r"(?:(?:at\s+most|no\s+more\s+than|up\s+to|max(?:imum)?|less\s+than|about|roughly|only|just)\s+)?(?:a\s+)?$",
    re.IGNORECASE,
)
# The limit's sentence goes on to another part: "…, then gives a quiz", "… followed by 3 questions", "… before …".
_NEXT_PART = re.compile(r"[^.;!?\n]{0,30}?(?:,?\s+then\b|\s+followed\s+by\b|,\s+and\s+then\b|\s+before\s+)", re.I)
# "a one-sentence explanation", "a 50-word summary followed by the table": the part named right after.
_PART_AFTER = re.compile(
    # ("a single-line SQL comment": one qualifier word may stand before the part)
    r"(?:\s+|-)?(?:(?:SQL|code|header|inline|short|plain|git|commit|top|final|closing)\s+)?"
    r"(?P<part>explanation|description|justification|rationale|summary|definition|comment|"
    r"introduction|intro|caption|reason|note|annotation|tl;?dr|overview|recap)s?\b",
    re.IGNORECASE,
)
_OF_PART_AFTER = re.compile(
    r"\s+(?:of|with)\s+(?P<part>feedback|tips|advice|suggestions|notes|comments|explanation|summary|reasons?)\b",
    re.IGNORECASE,
)
_FEEDBACK_BEFORE = re.compile(
    r"(?:\b(?:give|write|provide|offer|end\s+with)\s+|(?:^|[,;:]\s*|\bthen\s+))(?:(?:your|the|brief|short|some|final|overall)\s+)*"
    r"feedback\s+(?:(?:to|for)\s+(?:the\s+|each\s+)?\w+\s+)?"
    r"(?:in|as|with|of)\s+(?:(?:at\s+most|exactly|no\s+more\s+than|up\s+to)\s+)?$",
    re.IGNORECASE,
)
# "give feedback: 2 strengths and 2 things to work on, under 100 words": the feedback's contents, then its size
_FEEDBACK_LISTED_BEFORE = re.compile(
    r"\b(?:give|write|provide|offer|end\s+with|then)\s+(?:(?:your|the|brief|short|some|final|overall)\s+)*feedback\s*"
    r"[:–—-]\s*[^.;:!?\n]{1,70}?,\s*(?:(?:at\s+most|no\s+more\s+than|up\s+to|max(?:imum)?|in|within)\s+)?$",
    re.IGNORECASE,
)
# The stem each part verb keeps before "-ing" ("describ" in "describing", "justif" in "justifying").
_PARTICIPLE_PARTS = {re.sub(r"(?:e|y)$", "", verb): part for verb, part in _PART_VERBS.items()}
_PARTICIPLE_AFTER = re.compile(rf"\s+(?P<verb>{'|'.join(_PARTICIPLE_PARTS)})(?:ing|ying)\b", re.IGNORECASE)
# "a summary of at most 50 words followed by the table": the limit covers the summary, not what follows.
_PART_OF_BEFORE = re.compile(
    r"\b(?P<part>explanation|description|justification|rationale|summary|definition|comment|introduction|intro|"
    r"overview|recap|note)\s+(?:of|in|with)\s+(?:(?:at\s+most|no\s+more\s+than|up\s+to|max(?:imum)?|"
    r"under|less\s+than|about|roughly)\s+)?$",
    re.IGNORECASE,
)
_FOLLOWED = re.compile(
    # "a summary of at most 3 sentences for the next agent, then the fields as JSON": a short aside may come first
    r"(?:\s+(?:for|to|about|on)\s+[^.;:,]{1,30}?)?"
    r"\s*,?\s*(?:followed\s+by|then|and\s+then|plus|before|after|and\s+(?:a|an|the)\s+|with\s+(?:a|an|the)\s+)",
    re.IGNORECASE,
)


# "then a single line starting "Note:" of no more than 25 words": the size of the line the quoted label opens.
_OPENED_BY_LABEL = (
    r"(?:that\s+)?(?:starting|beginning|starts|begins|opening)\s+(?:with\s+)?"
    r"[\"“'‘`](?P<label>[^\"”'’`\n]{1,30})[\"”'’`]"
)
_LINE_SIZE_CUE = (
    r"(?i:(?:at\s+most|no\s+more\s+than|up\s+to|max(?:imum)?\.?|under|less\s+than|fewer\s+than|h[öo]chstens|"
    r"m[áa]ximo|au\s+plus)\s+)?"
)
# ('a line starting "Verdict:" (max 8 words)': the size may stand in brackets or after a dash)
# ('one line starting "Note:" with any assumption, max 25 words': what the line holds may come between its label and
# its size, a short phrase with no sentence mark)
_LINE_CONTENT = r"(?:\s*(?:with|for|giving|stating|saying|listing|naming|about)\s+[^.;:!?\n\"“”«»()]{1,50}?\s*,?)?"
_LABELLED_LINE_BEFORE = re.compile(
    rf"\bline\s+{_OPENED_BY_LABEL}{_LINE_CONTENT}\s*(?:(?:of|with|in|and|that\s+is|,)\s+|[(\[:–—-]\s*)?"
    rf"{_LINE_SIZE_CUE}$",
    re.IGNORECASE,
)
# 'a "Verdict:" line (max 8 words)', "the Note line is at most 10 words", "a TL;DR line of at most 15 words": a line
# the brief names by its label (quoted, or capitalised as a name) before the word "line", sized right after it
_NAMED_LINE_BEFORE = re.compile(
    r"(?:[\"“'‘`](?P<quoted>[^\"”'’`\n]{1,30})[\"”'’`]|(?<![\w;&/-])(?P<label>(?!(?:One|Each|Every|Last|Final|First|"
    r"Second|Third|Single|Next|New|Same|That|This|The|Any|A|An|Subject|Opening|Closing|Top|Bottom|Header|Footer)\b)"
    r"[A-Z][\w;&/-]{1,20}:?))[ \t]+(?i:line)\s*"
    r"(?:(?i:is|should\s+be|must\s+be|stays?|of|with|in|to|gets|has|:)\s+|[(\[:–—-]\s*|,\s*)*"
    rf"{_LINE_SIZE_CUE}$"
)
# "…, then a single line starting "Note:"": one line after another part is that line, not the whole reply.
_THEN_LINE = re.compile(r"\b(?:then|followed\s+by|and|plus|after\s+(?:it|that))\s+(?:(?:a|one)\s+)?$", re.IGNORECASE)
_LABELLED_LINE_AFTER = re.compile(rf"\s+{_OPENED_BY_LABEL}", re.IGNORECASE)
# "After each answer, say if it was right and why in no more than 2 short sentences, then ask the next question":
# the verdict on the answer is one part of a turn that goes on.
# (only in a turn that answers the user's attempt: "Explain whether the claim is covered in 3 sentences, then list the
# documents" is the whole reply's size)
_AFTER_EACH_ANSWER = re.compile(
    r"\bafter\s+(?:each|every|their|his|her|the|my|your)\s+(?:\w+\s+)?(?:answer|attempt|guess|try|reply|response|go)\b",
    re.IGNORECASE,
)
_VERDICT_BEFORE = re.compile(
    r"\b(?:say|tell\s+(?:them|him|her|the\s+\w+)|confirm|explain|state)\s+(?:if|whether)\b[^.;:!?]{0,80}?\s"
    r"(?:in|with|using|within)\s+(?:(?:at\s+most|no\s+more\s+than|up\s+to|max(?:imum)?|less\s+than|about|only|just)\s+)?"
    r"(?:a\s+)?$",
    re.IGNORECASE,
)


def _labelled_line(text: str, start: int, end: int) -> str | None:
    """The line a quoted label opens, when a limit is that line's (its size, or being one line after another part)."""
    sized = _LABELLED_LINE_BEFORE.search(text, max(0, start - 80), start)
    if sized is not None:
        return f'the "{sized.group("label").strip()}" line'
    named = _NAMED_LINE_BEFORE.search(text, max(0, start - 60), start)
    if named is not None:
        return f'the "{(named.group("quoted") or named.group("label")).strip()}" line'
    one_line = re.fullmatch(r"(?:(?:one|1|a)\s+)?(?:single\s+)?line", text[start:end], re.IGNORECASE)
    if one_line is not None and _THEN_LINE.search(text, max(0, start - 30), start):
        after = _LABELLED_LINE_AFTER.match(text, end)
        if after is not None:
            return f'the "{after.group("label").strip()}" line'
    return None


def _part_scope(text: str, start: int, end: int) -> str | None:
    """The part of the reply a limit narrows when an action or a noun names it ("explain each query in one
    sentence", "a one-sentence explanation", "a summary of at most 50 words followed by ...")."""
    labelled = _labelled_line(text, start, end)
    if labelled is not None:
        return labelled
    before = text[max(0, start - 80) : start]
    if _VERDICT_BEFORE.search(before) and _NEXT_PART.match(text, end) and _AFTER_EACH_ANSWER.search(before):
        return "the feedback on the answer"
    verb = _VERB_PART_BEFORE.search(before)
    if verb is not None:
        return "the " + _PART_VERBS[verb.group("verb").lower()]
    topic = _VERB_TOPIC_BEFORE.search(before)
    if topic is not None and _NEXT_PART.match(text, end):
        # "explains the topic in under 120 words, then gives a quiz": the explanation is one part of the reply;
        # "Explain the concept in 4 sentences" alone is the whole reply
        return "the " + _PART_VERBS[topic.group("verb").lower()]
    if _FEEDBACK_BEFORE.search(before) or _FEEDBACK_LISTED_BEFORE.search(before):
        return "the feedback"  # "after the sixth answer, give feedback in 3 bullets": not every turn
    after = _PART_AFTER.match(text, end)
    if after is not None:
        return "the " + after.group("part").lower()
    of_part = _OF_PART_AFTER.match(text, end)
    if of_part is not None:
        return "the " + of_part.group("part").lower()  # "exactly 3 bullets of feedback": the feedback only
    # "the SQL in a code block followed by at most 2 sentences explaining what it does": the explanation.
    participle = _PARTICIPLE_AFTER.match(text, end)
    if participle is not None:
        return "the " + _PARTICIPLE_PARTS[participle.group("verb").lower()]
    noun = _PART_OF_BEFORE.search(text[max(0, start - 40) : start])
    if noun is not None and _FOLLOWED.match(text, end):
        return "the " + noun.group("part").lower()
    return None


# "max 140 words overall", "300 Wörter insgesamt", "150 mots au total": the whole reply, whatever part comes before
_WHOLE_AFTER = re.compile(
    r"\s*(?:overall|in\s+total|total|altogether|all\s+told|en\s+total|insgesamt|au\s+total|en\s+tout|no\s+total|"
    r"ao\s+todo|in\s+totale|in\s+totaal|totaal)\b",
    re.IGNORECASE,
)


def named_part(text: str, start: int, end: int, released: bool = False) -> str | None:
    """The part a limit's noun phrase names ("the summary under 60 words", "3 lines of corrected code", "la versión
    en inglés"); a part that is often the whole reply (a summary) only when its sentence names more, or when the
    brief frees the rest (`released`). A limit "overall" is the whole reply's ("a title in English, max 140 words
    overall")."""
    if _WHOLE_AFTER.match(text, end):
        return None
    after = parts.part_after(text, end) or parts.heading_before(text, start)
    if after is not None:
        return after
    numbers = number_starts(text[start:end])
    before = parts.part_before(text, start + numbers[0] if numbers else start)
    if before is None:
        return None
    name, always = before
    return name if always or released or parts.other_parts(text, start, end) else None


# "Start with a teaser (max 2 sentences), then the details", "write a summary line (under 15 words) and then the
# steps": a limit in brackets right after a named part (an article, then its words) is that part's size
_BRACKETED_PART = re.compile(
    r"(?:^|\s)(?:(?:with\s+)?(?:a|an|the|one|your|its)|with|(?P<article>"
    + FOREIGN_ARTICLES
    + r"))\s+(?P<part>(?!(?:a|an|the|one|your|its)\s)"
    r"(?:[^\W\d_][\w;/'’-]*\s+){0,2}?[^\W\d_][\w;/'’-]*)\s*\(\s*$",
    re.IGNORECASE,
)
# Words that say how the whole reply reads, not which part it is ("a short one (max 2 sentences)")
_NOT_PART_WORDS = frozenset(
    {"short", "brief", "concise", "simple", "plain", "clear", "quick", "friendly", "one", "it", "them", "this", "that",
     "reply", "replies", "answers", "responses", "messages", "way", "tone", "english", "language"}
)  # fmt: skip


_REPLY_WORDS = frozenset({"reply", "replies", "answers", "responses", "messages"})


def _bracketed_part(text: str, start: int, end: int) -> str | None:
    """The part named right before a limit in brackets, when the limit closes the bracket and the reply has more than
    that part ("a TL;DR (max 2 sentences), then …"); None for the reply's own size ("a short reply (max 80 words)")."""
    if parts.part_before(text, start) is not None:
        return None  # "a list of changes (max 5 bullets)": a part `named_part` knows by name ("the change list")
    bracket = _BRACKETED_PART.search(text, max(0, start - 60), start)
    if bracket is None or not re.match(r"\s*\)", text[end:]):
        return None
    words = PART_WHEN.sub("", bracket.group("part")).split()
    # "Give the answer (1 sentence), then the reasoning": a step follows the bracket, so even the answer is one part
    followed = NEXT_STEP.match(text, end) is not None
    last = words[-1].lower()
    if last in _NOT_PART_WORDS - _REPLY_WORDS or (last in REPLY_NOUNS | _REPLY_WORDS and not followed):
        return None
    if not (followed or parts.other_parts(text, start, end) or words[-1].lower() in ("line", "lines")):
        return None  # "Write an email (max 150 words).": the email is the whole reply
    if bracket.group("article"):
        return f'the part "{bracket.group("article")} {" ".join(words)}"'  # "la risposta": as the brief names it
    # ("TL;DR" keeps its capitals; "summary line" is written as a common noun)
    named = " ".join(w if any(c.isupper() for c in w[1:]) else w.lower() for w in words)
    return f"the {named}"


_RULES_FOR_PART = re.compile(
    r"\b(?:rules|regels|reglas|règles|regeln|regole|regras)\s+(?:for|voor|para|pour|für|per|do|da)\s+"
    r"(?:(?:the|het|de|el|la|le|den|die|das|il|lo|o|a)\s+)?"
    # (not the one addressed: "Rules for the bot:", "Regels voor jou:", "Règles pour toi :")
    r"(?!(?:assistant|bot|chatbot|agent|model|ai|you|jou|u|toi|vous|dich|sie|ti|te|voi|vos|você|tu)\b)"
    r"(?P<part>[^\W\d_]{3,20})\s*:[^.;:\n]{0,20}$",
    re.IGNORECASE,
)


def named_part_before(text: str, start: int, end: int) -> str | None:
    """The part of the reply named just before a limit, by its noun, an action, a reason, a rule heading or a
    sequence ("the subject line under 60 characters", "explain each query in one sentence", "then an email of at most
    150 words"); None when none is named there."""
    part = _PART_BEFORE.search(text[max(0, start - 40) : start])
    if part is not None:
        return "the " + re.sub(r"\s+", " ", part.group("part").lower())
    foreign = _FOREIGN_PART.search(text[max(0, start - 40) : start])
    if foreign is not None:
        return "the " + _FOREIGN_PART_NAMES.get(foreign.group("part").lower()[:5], "text")
    part_scope = _part_scope(text, start, end)
    if part_scope is not None:
        return part_scope
    bracketed = _bracketed_part(text, start, end)
    if bracketed is not None:
        return bracketed
    if "-" in text[start:end] and STEP_BEFORE_SIZE.search(text, max(0, start - 40), start):
        sized = SIZED_NOUN_AFTER.match(text, end + len(text[end:]) - len(text[end:].lstrip()))
        if sized is not None:
            return "the " + sized.group("part").lower()  # "…, then a one-line internal note"
    answer = ANSWER_IN.search(text, max(0, start - 50), start)
    if answer is not None and NEXT_STEP.match(text, end):
        return "the " + answer.group("part").lower()  # "give your answer in one sentence, then show the working"
    reason = _REASON_IN.search(text, max(0, start - 40), start)
    if reason is not None:
        return "the " + reason.group("part").lower()  # "classify … and give the reason in one sentence"
    ruled = _RULES_FOR_PART.search(text, max(0, start - 60), start)
    if ruled is not None:
        return "the " + ruled.group("part").lower()  # "regels voor het concept: max 90 woorden": the draft's limit
    sequenced = _SEQUENCED_PART.search(text, max(0, start - 90), start)
    if sequenced is not None:
        # "then draft a feedback email to the applicant of at most 150 words", "luego una explicación de máximo 60
        # palabras": a limit on the part a sequence names, not on the whole reply.
        named = sequenced.group("part").lower()
        return "the " + _SEQUENCED_NAMES.get(named[:5], named)
    return None
