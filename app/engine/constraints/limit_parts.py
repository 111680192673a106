"""Which named part of the reply a limit is for: a part named by an action or a noun ("explain each
query in one sentence"), a heading ("Summary: at most 5 bullets"), a labelled line, a sequenced part, a language.
"""

from __future__ import annotations

import re

from app.engine.constraints import language, parts
from app.engine.constraints.limit_numbers import CLAUSE_START, number_starts, singular_of

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
_LABELLED_LINE_BEFORE = re.compile(
    rf"\bline\s+{_OPENED_BY_LABEL}\s*(?:(?:of|with|in|and|that\s+is|,)\s+|[(\[:–—-]\s*)?{_LINE_SIZE_CUE}$",
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


# "Summary: at most 5 bullets. Email: under 150 words": a heading before the limit names the part it narrows.
_HEADING = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:the\s+)?(?P<part>[^\W\d_][^\W\d_ -]*(?:[ -][^\W\d_]+){0,3}?)\s*:\s*(?:(?:at\s+most|under|"
    r"below|within|max(?:imum)?|no\s+more\s+than|up\s+to|less\s+than|exactly|about|máximo|máx\.?|höchstens|maximal|"
    r"maximaal|massimo|au\s+plus|no\s+máximo)\s+)?$",
    re.IGNORECASE,
)
# "Justification max 25 words, quote the student": one noun opening the clause, right before its limit
# (capitalised, as a sentence opens with it: "show max 3 lines of code" is an order, not a part)
_BARE_PART = re.compile(r"^\s*(?:[-*•]\s*)?(?:The\s+)?(?P<part>[A-ZÀ-Ý][\w-]{3,20})\s+$")
# Lower-case briefs open the clause with the part just the same ("draft max 80 words, sign off …"): a noun that
# names a piece of a reply counts (an order's verb, "show max 3 lines", does not).
_PART_NOUNS = (
    "draft", "summary", "reason", "rationale", "explanation", "justification", "intro", "introduction", "description",
    "comment", "feedback", "caption", "headline", "title", "subject", "bio", "tagline", "verdict", "recap", "abstract",
    "teaser", "conclusion", "greeting", "blurb", "excerpt", "overview", "hint",
)  # fmt: skip
_LOWER_BARE_PART = re.compile(rf"^\s*(?:[-*•]\s*)?(?:the\s+)?(?P<part>(?:{'|'.join(_PART_NOUNS)})s?)\s+$")
# "headlines max 10 words each, blurb max 60 words": a part noun opening the clause after a comma is that part's size
_LAST_COMMA = re.compile(r"[,;:]\s+(?=[^,;:.!?]*$)")
_SIZE_AFTER = re.compile(
    r"(?:max(?:imum)?\.?|under|at\s+most|up\s+to|no\s+more\s+than|≤)\s*\d+\s*(?:words?|characters?|chars?|sentences?)\b",
    re.IGNORECASE,
)


_NOT_BARE_PARTS = frozenset(
    {"then", "each", "every", "give", "and", "also", "plus", "with", "only", "just", "always", "never", "keep", "write",
     "jede", "jeder", "jedes", "cada", "chaque", "ogni", "elke", "maximo", "máximo", "mínimo", "minimo", "maximal",
     "höchstens", "about", "around", "roughly", "under", "within", "total", "overall", "aim", "target", "ideally",
     "length", "tops", "must", "should", "make", "output", "return", "send", "post", "posts", "text", "texts", "show",
     "list", "include", "add", "put", "ask", "state", "print", "hard", "absolute", "strict", "firm", "rough", "soft",
     "approx", "tight", "short", "long", "brief", "plain", "simple", "please", "important", "limit", "limits"}
)  # fmt: skip
_WHOLE_REPLY_HEADINGS = frozenset(
    {"output", "format", "length", "limit", "limits", "reply", "replies", "response", "responses", "answer",
     "answers", "rules", "constraints", "note", "notes", "style", "tone", "important", "requirements", "size",
     "respuesta", "respuestas", "longitud", "formato", "antwort", "antworten", "länge", "réponse", "réponses",
     "longueur", "resposta", "respostas", "tamanho", "risposta", "risposte", "lunghezza", "antwoord", "antwoorden",
     "lengte", "salida", "ausgabe", "sortie", "saída", "uitvoer", "reglas", "regeln", "règles", "regras", "regole",
     "regels", "estilo", "stil", "tono", "ton", "tom", "extensión", "umfang", "taille", "comprimento"}
)  # fmt: skip


_SENTENCE_WORDS = frozenset(
    {"sentences", "sentence", "phrases", "phrase", "frases", "frase", "sätze", "satz", "zinnen", "zin", "frasi",
     "oraciones"}
)  # fmt: skip
_IMPERATIVE_LEADS = frozenset(
    {"keep", "be", "make", "use", "write", "answer", "reply", "respond", "limit", "stay", "please", "always", "never",
     "don't", "do"}
)  # fmt: skip


# Adjectives that say how a reply reads: a heading made of them names no part ("Short and simple:", "Clear, brief:")
_STYLE_WORDS = frozenset(
    {"short", "simple", "brief", "concise", "clear", "plain", "friendly", "warm", "calm", "kind", "easy", "very"}
    | {"and", "quick", "tight", "crisp"}
)


def heading_scope(text: str, start: int) -> str | None:
    """The part a heading before a limit names ("Summary: at most 5 bullets" -> "the summary"), if any."""
    bare = None
    sized = _SIZE_AFTER.match(text, start) is not None  # a length, not a count of things to give ("Offer max 3 …")
    heading = _HEADING.match(text[:start]) or (
        bare := (_BARE_PART.match(text[:start]) or _LOWER_BARE_PART.match(text[:start])) if sized else None
    )
    if heading is None:
        # "Output one finding per line, exactly: SEVERITY path:line - problem. Fix: one sentence": a layout kept as
        # one clause still names its part after a sentence break ("Fix:"), and the limit is that part's
        after_break = _LAST_BREAK.search(text, 0, start)
        heading = _HEADING.match(text[after_break.end() : start]) if after_break is not None else None
    if heading is None and sized and (comma := _LAST_COMMA.search(text, 0, start)) is not None:
        heading = bare = _LOWER_BARE_PART.match(text[comma.end() : start])  # "…, blurb max 60 words"
    if heading is None:
        return None
    part = " ".join(heading.group("part").lower().split())
    if part in _SEQUENCE_WORDS or (bare is not None and (part in _NOT_BARE_PARTS or part.endswith("ly"))):
        return None  # "then max 3 bullets", "each max 50 characters", "give exactly 3 options": no part named
    if bare is not None and re.search(r"[^su]s$", part) and part not in _WHOLE_REPLY_HEADINGS:
        return f"each {singular_of(part)}"  # "Captions max 150 characters": every caption
    part = re.sub(r"^(?:\d{1,2}[.)]\s*)?(?:an?|the)\s+", "", part) or part  # "1) a digest: max 5 bullets"
    part = _english_heading(part)
    every = re.match(r"(?:each|every|per)\s+(?P<rest>\S.*)$", part)
    if every is not None:
        return f"each {every.group('rest')}"  # "Each description: 45 words max": every description, not "the each …"
    if part in _WHOLE_REPLY_HEADINGS or part.split()[0] in _IMPERATIVE_LEADS:
        return None  # "Keep answers short: 4 sentences max" is an instruction about the reply, not a part's name
    if all(word in _STYLE_WORDS for word in re.findall(r"\w+", part)):
        return None  # "short and simple: max 3 sentences per reply": how the reply reads, not a part's name
    if any(word in _SENTENCE_WORDS for word in part.split()):
        return None  # "Des phrases très courtes : 10 mots maximum": each sentence, not a part named "phrases"
    if any(word in _WHOLE_REPLY_HEADINGS for word in part.split()):
        return None  # "Länge der Antwort:": the reply's own length
    if part.split()[0] in _NOT_A_NOUN:
        return f'the "{part}" part'  # "To improve: two sentences": a label, not a thing ("the to improve")
    return f"the {part}"


def _english_heading(part: str) -> str:
    """A heading's part in English when the brief names it in another language, with its article ("El título" ->
    "title", "Der Titel auf Englisch" -> "title"); an English name stays as written ("overview", not "summary")."""
    unarticled = re.sub(r"^(?:(?:el|la|los|las|le|les|der|die|das|il|lo|os|as|het|de)\s+|l['’]\s*)(?=\w)", "", part)
    if unarticled != part or re.search(r"\s(?:in|en|em|auf|na)\s+\S+$", part):
        return parts.english_part(unarticled) or unarticled or part
    return parts.foreign_part(part) or part  # "Beschreibung: maximal 150 Wörter": the description


_SEQUENCE_WORDS = frozenset({"then", "and", "also", "plus", "after", "afterwards", "finally"})  # "Then: one sentence"
_LAST_BREAK = re.compile(r"[.;!?]\s+(?=[^.;!?]*$)")
_NOT_A_NOUN = frozenset({"to", "à", "a", "what", "how", "why", "when", "next", "para", "zu", "da", "om", "per", "pour"})


# A clause that opens with the languages its limit is for: "日本語は…150文字以内", "英語と中国語は3文以内",
# "English replies: max 3 sentences", "En inglés, máximo 3 frases", "Auf Englisch höchstens 3 Sätze".
_CJK_LANGUAGES = re.compile(
    r"^\s*(?P<names>(?:[\u4e00-\u9fff\u30a0-\u30ff]{1,4}語|中文|英文|日文|英语|日语|韩语|法语|德语|西班牙语)"
    r"(?:\s*[と、・及和]\s*(?:[\u4e00-\u9fff\u30a0-\u30ff]{1,4}語|中文|英文|日文|英语|日语|韩语|法语|德语|西班牙语))*)"
    r"\s*(?:は|的回复|回复|：|:)"
)
_LATIN_LANGUAGES = re.compile(
    r"^\s*(?:(?P<prep>in|for|en|auf|em|para|per|in\s+het)\s+)?(?P<names>[A-Za-zÀ-ÿ]+(?:\s*(?:/|and|or|und|oder|y|o|et|ou|"
    r"e|en)\s*[A-Za-zÀ-ÿ]+)*)(?P<said>\s+(?:replies|answers|respuestas|antworten|réponses|respostas|risposte|antwoorden)\b"
    r"\s*[:,]?|\s*[:,])?\s",
    re.IGNORECASE,
)


def language_lead(text: str, start: int) -> str | None:
    """ "replies in Japanese" when the clause of a limit opens with the languages it is for, else None."""
    opening = max((m.end() for m in CLAUSE_START.finditer(text, 0, start)), default=0)
    lead = text[opening:start]
    match = _CJK_LANGUAGES.match(lead)
    if match is None:
        match = _LATIN_LANGUAGES.match(lead)
        # "Spanish speakers are welcome, …": a language word opens the clause but says nothing of the replies in it
        if match is None or not (match.group("prep") or match.group("said")) or len(lead) > 80:
            return None
    words = re.split(r"\s*(?:[と、・及和/]|\b(?:and|or|und|oder|y|o|et|ou|e|en)\b)\s*", match.group("names"))
    found = [language.lookup(word) for word in words if word]
    if not found or any(f is None for f in found):
        return None
    names = [f[0] for f in found if f is not None]
    return "replies in " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])


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


# "SUMMARY: 事件经过,不超过80字": a layout line (or clause) opened by a Latin label, whose limit is that line's
_LATIN_LINE_LABEL = re.compile(r"(?<![A-Za-z0-9_])(?P<label>[A-Z][A-Z_]{1,30})[ \t]*[:：][^\n。；;]*$")


def latin_line_label(text: str, start: int) -> str | None:
    """ "the SUMMARY line" when the limit sits in a line or clause that opens with an upper-case Latin label."""
    label = _LATIN_LINE_LABEL.search(text, max(0, start - 200), start)
    if label is None or label.group("label") in _FORMAT_NAMES:
        return None  # "输出 JSON：{…}": the format the reply is in, not a line of it
    if label.group("label") in _NOTE_LABELS or _EVERY_REPLY.search(text, label.end("label"), start):
        return None  # "NOTE：每次回复不超过60字", "IMPORTANT: …": a note on every reply, no line of a layout
    return f"the {label.group('label')} line"


_NOTE_LABELS = frozenset({"NOTE", "NB", "PS", "IMPORTANT", "TIP", "WARNING", "REMEMBER", "RULE", "RULES", "FAQ", "SMS"})
_EVERY_REPLY = re.compile(
    r"回复|回答|答复|回覆|返信|返答|每次|每条|每則|メッセージ|\breply\b|\bmessage\b", re.IGNORECASE
)
_FORMAT_NAMES = frozenset({"JSON", "CSV", "XML", "YAML", "HTML", "SQL", "TSV", "API", "URL"})


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
