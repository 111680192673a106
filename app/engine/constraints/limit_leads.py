"""What opens a limit's clause and names the part it is for: a heading ("Summary: at most 5 bullets"), the
languages of the replies it sizes ("English replies: max 3 sentences"), or a layout line's upper-case label ("SUMMARY:
…不超过80字").
"""

from __future__ import annotations

import re

from app.engine.constraints import language, parts
from app.engine.constraints.limit_numbers import CLAUSE_START, IN_CHARACTER, TURN_SCOPE, singular_of

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


# An upper-case marker of a laid-out reply ("KEY FINDS", "TITEL", "VOOR WIE"), not a shouted word or a format name
_CAPS_PART = re.compile(
    r"(?:^|(?<=[:：\n]))\s*(?:[-*•]\s*)?(?P<part>(?-i:[A-ZÀ-Ý][A-ZÀ-Ý0-9]+(?:[ _-][A-ZÀ-Ý0-9]+){0,3}))\s*$"
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
    caps = _CAPS_PART.search(text[:start])  # ("rules: TITEL max 60 tekens": after a heading's colon, too)
    if caps is not None and caps.group("part") not in _CAPS_NOT_PARTS:
        return f"the {caps.group('part')} section"  # "- KEY FINDS max 5 lines": the layout's marker names its section
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
    if IN_CHARACTER.fullmatch(part):
        return TURN_SCOPE  # "In character: max 50 words a turn": the scene's turns, not a part called so
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
# Upper-case words before a limit that name no section of the reply: the note labels, the format names, and the
# shouted words of a rule ("ALWAYS max 3 sentences", "REPLY under 50 words")
_CAPS_NOT_PARTS = (
    _NOTE_LABELS
    | _FORMAT_NAMES
    | {"MAX", "ALWAYS", "NEVER", "ONLY", "NO", "DO", "DON'T", "OUTPUT", "FORMAT", "LENGTH", "LIMIT", "LIMITS", "REPLY",
       "ANSWER"}
)  # fmt: skip
