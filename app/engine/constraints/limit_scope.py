"""What a limit applies to (`limit_scope`): each item, each section, each sentence, the input, a field,
a template slot or a named part; None for the whole reply.
"""

from __future__ import annotations

import re

from app.engine.constraints import parts
from app.engine.constraints.input_sizes import arriving_size, qualified_subject
from app.engine.constraints.limit_leads import heading_scope, language_lead, latin_line_label
from app.engine.constraints.limit_numbers import CLAUSE_START, DIGITS, INPUT_SCOPE, REPLY_NOUNS, SCOPE_NOUN, singular_of
from app.engine.constraints.limit_parts import named_part, named_part_before
from app.engine.constraints.model import LimitUnit
from app.engine.constraints.scope_nouns import english_part
from app.engine.phrasing import VERBS

_EACH = (
    r"(?:each|per|every|jede[rsn]?|jeweils|pro|cada(?:\s+u(?:n|no|na|m|ma))?|por|chaque|chacune?|par|ogni|ognuna|"
    r"ognuno|ciascun[oa]?|elke?)"
)
_SCOPE_AFTER = re.compile(
    rf"\s*(?:{_EACH}\b(?:\s+(?!(?:and|or|but|in|with|at|the|a|to|of|y|und|et|e|o)\b)(?P<noun>[a-zà-ü][\w-]*))?)",
    re.IGNORECASE,
)
_SCOPE_BEFORE = re.compile(
    rf"\b{_EACH}\s+(?:(?!(?:and|or|but|then|y|und|et|e|o|ou)\b)(?P<noun>[a-zà-ü][\w-]*)\s+"
    rf"(?:(?:should|must|is|be|has|gets?|stays?)\s+)?(?:be\s+)?)?"
    rf"(?:(?:com|con|de|di|mit|with|of|van)\s+)?(?:(?:at\s+most|under|below|within|max(?:imum)?|no\s+more\s+than|up\s+to|"
    rf"less\s+than|no\s+máximo|máximo|höchstens|maximal|au\s+plus|al\s+massimo|massimo|maximaal)\s+)?$",
    re.IGNORECASE,
)
# "Max 5 bullets under each heading", "3 sentences per section": each part of the reply a heading opens.
_UNDER_EACH_PART = re.compile(
    rf"\s*(?:under|in|for|below|within|unter|sous|dans|bajo|en|sotto|onder)\s+{_EACH}\s+"
    r"(?P<noun>headings?|headers?|sections?|paragraphs?|categor(?:y|ies)|topics?|parts?|themes?|"
    r"überschrift(?:en)?|abschnitte?s?|titre|section|rubrique|encabezados?|secci[oó]n|apartados?|sezione|"
    r"kopje|sectie|seção|secção)\b",
    re.IGNORECASE,
)
# "3 bullet points of max 20 words": the words limit applies to each bullet.
_ITEMS_OF = re.compile(r"\b(bullet(?:\s+point)?s|points|items|entries|options)\s+(?:of|with)\s+$", re.IGNORECASE)
# "決定事項は1件あたり40文字以内", "每条不超过20字": a limit per item.
_CJK_PER_PERSON = re.compile(r"(?:1|一|１)(?:人|名)(?:あたり|につき)?\s*$|每(?:人|个人|位)\s*$")
# "1人1行・80文字以内", "1行40文字以内", "1行あたり30字", "每行不超过20字" (not "3行・100文字以内"): per line
_CJK_AFTER_LINES = re.compile(r"(?:1|一|１)行\s*(?:[・、，,／/]|あたり|につき)?\s*$|每行\s*$")
# "各見出しの下は最大2行", "每个标题下最多3行": a limit for each heading's section
_CJK_PER_SECTION = re.compile(
    r"(?:各|それぞれの)(?:見出し|セクション|章)(?:の下|ごと|の中)?(?:は|に|も|で)?\s*$|"
    r"(?:見出し|セクション|章)ごと(?:に|は)?\s*$|"
    r"每(?:个|個)?(?:标题|標題|部分|小节|小節|类别|類別)(?:下面?|下方)?(?:都)?\s*$"
)
# "1文は", "一文につき", "各文は", "每句", "每一句话": what follows is each sentence's length
_CJK_PER_SENTENCE = re.compile(
    r"(?:(?:1|一|１)文|各文|それぞれの文)(?:は|も|を|あたり|につき|ごと(?:に)?)?\s*[、，,：:]?\s*$|"
    r"每(?:一)?句(?:话|話)?(?:都)?\s*[，,：:]?\s*$"
)
_CJK_PER_ITEM = re.compile(
    r"(?:1件あたり|一件あたり|1つあたり|1項目あたり|それぞれ|各|每条|每個|每个|每项|每項|"
    r"各(?:項目|項|行|点|文)(?:は|も|を)?|每(?:项|條|条|行|点)(?:都)?)\s*$"
)
# "回复，每条", "每条回复", "每次回答", "返信は1通": each message of a chat, not an item of a list
CJK_PER_MESSAGE = re.compile(
    r"(?:回复|回答|答复|消息)[，,、]?\s*每条\s*$|每(?:条|次|一条)(?:回复|回答|答复|消息)(?:都|均)?\s*$|"
    r"(?:返信|返答|回答|メッセージ)(?:は|を)?\s*(?:1|一)通(?:あたり|につき)?\s*$"
)
_FOR_EACH_BEFORE = re.compile(
    r"\b(?:for|pour|para|f[üu]r|per|in|bei|voor)\s+(?:each|every|chaque|cada|jede[nrsm]?|ogni|elke?)\s+"
    r"(?P<noun>[^\W\d_][\w-]*)\s*[:,–—-]?\s*(?:(?:at\s+most|max(?:imum)?\.?|up\s+to|no\s+more\s+than|h[öo]chstens|"
    r"maximal|m[áa]ximo|au\s+plus|al\s+massimo|maximaal)\s*)?$",
    re.IGNORECASE,
)
# Nouns after "per"/"each" that make a rate or a count of people, not a part of the reply.
_NOT_A_PART = re.compile(
    r"(?:day|week|month|year|hour|minute|second|session|person|people|user|customer|client|request|call|time|"
    r"visit|conversation|chat|tag|jour|semaine|mois|heure|tag|woche|monat|stunde|día|dia|semana|mes|hora|giorno|"
    r"settimana|ora|dag|uur|maand|other|one|several|single)\w*$",
    re.IGNORECASE,
)


# "short sentences, 12 words max", "des phrases courtes, 12 mots maximum", "frases cortas (máximo 15 palabras)": a size
# right after short sentences, in words a sentence can have, is each sentence's; "in total" or a count of sentences
# before them ("3 short sentences, max 60 words") keeps it the reply's.
_SHORT_SENTENCES_BEFORE = re.compile(
    r"\b(?:(?:short|brief|simple|kurze[n]?|einfache[n]?|korte|brevi|breves)\s+"
    r"(?:sentences|s[äa]tze|frases|phrases|frasi|zinnen|oraciones)|(?:sentences|frases|phrases|frasi|zinnen|oraciones)\s+"
    r"(?:courtes|cortas|curtas|brevi|corte|kort|simples|semplici))\s*(?:[,:(–—-]|\s-)\s*"
    r"(?:(?:max(?:imum)?\.?|at\s+most|under|up\s+to|no\s+more\s+than|less\s+than|fewer\s+than|máximo|maximal|"
    r"max\.|höchstens|au\s+plus|massimo|maximaal|de|di|van)\s+)?$",
    re.IGNORECASE,
)
_COUNT_BEFORE_SENTENCES = re.compile(
    r"(?:\d+|\b(?:one|two|three|four|five|six|un[ae]?|dos|tres|deux|trois|zwei|drei|couple\s+of|few|several|some|"
    r"quelques|unas|algunas|pocas|einige|wenige|ein\s+paar|poche|alcune))\s+$",
    re.IGNORECASE,
)
_IN_TOTAL_AFTER = re.compile(
    r"[^.;!?\n]{0,25}?\b(?:in\s+total|total|overall|altogether|en\s+total|insgesamt|au\s+total|in\s+totale|"
    r"(?:per|each|a|every|for\s+the\s+(?:whole|entire))\s+(?:reply|answer|response|message)|par\s+r[ée]ponse|"
    r"por\s+respuesta|pro\s+antwort|per\s+risposta|por\s+resposta|per\s+antwoord)\b",
    re.IGNORECASE,
)
_SENTENCE_SIZED_WORDS = 30
_SENTENCE_WORD_UNITS = re.compile(
    r"\b(?:words?|mots?|palabras?|w[öo]rter[n]?|parole|palavras?|woorden)\b", re.IGNORECASE
)


def _short_sentence_size(text: str, start: int, end: int) -> bool:
    """Whether a word limit right after "short sentences" sizes each sentence ("short sentences, 12 words max")."""
    match = _SHORT_SENTENCES_BEFORE.search(text, max(0, start - 40), start)
    if match is None or _COUNT_BEFORE_SENTENCES.search(text, max(0, match.start() - 12), match.start()):
        return False
    number = DIGITS.search(text, start, end)
    words = _SENTENCE_WORD_UNITS.search(text[start : end + 14])
    return (
        number is not None
        and words is not None
        and int(number.group(0)) <= _SENTENCE_SIZED_WORDS
        and _IN_TOTAL_AFTER.match(text, end) is None
    )


_BARE_EACH_AFTER = re.compile(r"\s*each\b(?!\s+(?!(?:and|or|but|then)\b)[a-z])", re.IGNORECASE)
# A clause about one key of the reply's JSON: "next_step is …", "summary_en: …", "reasonCode must …".
_KEY_LEAD = re.compile(
    r"\s*[\"'`]?(?P<key>[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]+)+)[\"'`]?\s*(?:is|should|must|has|:|=)\s"
)


_EACH_AS = re.compile(
    # ("- each finding on one line: [SEVERITY] file:LINE - fix": a list's rule opens with "each" just the same)
    r"(?:\b(?:format|write|put|keep|give|make|return)\s+|(?:^|[.;:\n(]|[-*•])\s*)each\s+(?P<noun>[a-z]+)\s+(?:as|on|in|to|into)\s+(?:exactly\s+|just\s+)?(?:a\s+)?$",
    re.IGNORECASE,
)
# "(reason max 12 words)": a parenthesis that names the part its limit is for
_NOTED_PART = re.compile(
    r"\((?!(?:about|around|approx|roughly|ca|circa|under|over|max|maximum|minimum|min|at|up|no|less|fewer|only|just|"
    r"each|per|total|in|of|all)\s)(?P<noun>[^\W\d_][\w-]{1,20})\s+$",
    re.IGNORECASE,
)


# "Exactly 13 tags, each 20 characters or fewer, comma separated on one line": the counted things share one line
_COUNTED_ON_ONE_LINE = re.compile(
    r"(?:^|[.;:\n]\s*|[-*•]\s+)(?:(?:give|list|write|add|exactly|up\s+to|at\s+most|max)\s+)*\d{1,2}\s+"
    r"(?P<noun>[a-z]{3,}s)\b[^.;:\n]*\b(?:on|in)\s+$",
    re.IGNORECASE,
)


def limit_scope(text: str, start: int, end: int, previous: LimitUnit | None) -> str | None:
    """What a limit applies to when the text narrows it ("each bullet", "per item", "the title"); None for the
    whole reply."""
    if arriving_size(text, start):
        return INPUT_SCOPE
    languages = language_lead(text, start)
    if languages is not None:
        return languages
    laid_out = _layout_scope(text, start, end)
    if laid_out is not None:
        return laid_out
    each = _each_part_scope(text, start, end)
    if each is not None:
        return each
    part = named_part_before(text, start, end)
    if part is not None:
        return part
    near = _SCOPE_AFTER.match(text, end) or _SCOPE_BEFORE.search(text[max(0, start - 40) : start])
    if near is None:
        return named_part(text, start, end)
    noun = (near.group("noun") or "").lower()
    if noun in REPLY_NOUNS:
        return None  # "per reply", "par réplique": the reply itself
    noun = _FOREIGN_SCOPE_NOUNS.get(noun, noun)  # "pro Satz", "por frase": each sentence
    part = english_part(near.group("noun") or "")
    if part is not None:
        return f"each {part}"  # "pro PR", "pro Datei", "par fichier": each PR, each file
    if noun and not SCOPE_NOUN.match(noun) and (len(noun) < 4 or _NOT_A_PART.match(noun)):
        noun = ""  # "per judgment", "pour chaque arrêt" name the part; "per day", "per user" a rate
    if not noun:
        noun = _noun_before(text, start) or (previous[:-1] if previous else "item")
    return f"each {noun}"


def _layout_scope(text: str, start: int, end: int) -> str | None:
    """The piece of a laid-out reply a limit sizes: things sharing one line, a template slot, a noted part, a JSON
    key, a qualified kind of piece, or "each X as …"."""
    window = text[max(0, start - 60) : start]
    counted = _COUNTED_ON_ONE_LINE.search(text, max(0, start - 120), start)
    if re.search(r"\beach\s+(?:on|in)\s+$", text[max(0, start - 12) : start], re.IGNORECASE):
        counted = None  # "Give 5 names, each on one line": one line for each, not one for all
    if counted is not None and re.match(r"(?:one|a\s+single|1)\s+line\b", text[start:end], re.IGNORECASE):
        return f"the {counted.group('noun').lower()}"  # "Exactly 13 tags, …, comma separated on one line"
    section = _SECTION_SLOT.search(text, max(0, start - 90), start)
    if section is not None:
        return f"the {section.group('label').strip()} section"  # "ISSUES:\n- <max 5 lines, …>": that section's size
    slot = _TEMPLATE_SLOT.search(window)
    if slot is not None and not _SPEC_LABEL.fullmatch(slot.group("label").strip()):
        return f'the "{slot.group("label").strip()}" line'  # "Top strength: (one sentence)" in a template
    noted = _NOTED_PART.search(window)
    if noted is not None:
        return f"the {noted.group('noun').lower()}"  # "label | reason (reason max 12 words)": the reason's limit
    opening = max((m.end() for m in CLAUSE_START.finditer(text, 0, start)), default=0)
    key = _KEY_LEAD.match(text, opening, start)
    if key is not None:
        return f"the {key.group('key')} field"  # "next_step is ONE thing …, max 25 words": that field's value
    qualified = qualified_subject(text, start)
    if qualified is not None:
        return qualified
    each_as = _EACH_AS.search(text, max(0, start - 60), start)
    if each_as is not None:
        return (
            f"each {each_as.group('noun').lower()}"  # "Format each comment as one line": every comment, not the reply
        )
    return None


# "code snippets max 3 lines", "Each feedback line max 20 words", "- quoted examples: max 2 lines": a clause that opens
# with the pieces of a reply it sizes (a few words ending on a piece noun); the limit is each piece's, never the reply's
_PIECE_OPENING = re.compile(
    r"\s*(?:[-*•]\s*)?(?:(?P<each>each|every)\s+|the\s+|any\s+|all\s+)?"
    r"(?P<part>(?:(?!(?:keep|make|use|write|show|give|output|return|reply|answer|limit|only|just|no)\b)[a-z][\w-]*\s+){0,2}"
    r"(?:snippets?|code\s+blocks?|examples?|quotes?|quotations?|lines?|bullets?|bullet\s+points?|comments?|"
    r"findings?|suggestions?|items?|entries|questions?|hints?|options?))\s*(?::\s*)?"
    r"(?:(?:are|is|should\s+be|must\s+be|stay|of)\s+)?"
    r"(?:(?:max(?:imum)?\.?|at\s+most|under|no\s+more\s+than|up\s+to|≤)\s*)?",
    re.IGNORECASE,
)


_PIECE_SIZE = re.compile(r"\b(?:words?|characters?|chars?|lines?|sentences?)\b", re.IGNORECASE)


def _piece_opening_scope(text: str, start: int, end: int) -> str | None:
    """The pieces a clause opens with, right before their size ("code snippets max 3 lines" -> "each code
    snippet"); None when the clause opens with anything else."""
    opening = max((m.end() for m in CLAUSE_START.finditer(text, 0, start)), default=0)
    piece = _PIECE_OPENING.fullmatch(text, opening, start)
    if piece is None or not _PIECE_SIZE.search(text, start, end):
        return None  # ("suggestions max 3": how many there are, a count of the pieces, not each one's size)
    words = piece.group("part").lower().split()
    if piece.group("each") is None and not words[-1].endswith("s"):
        return None  # "Subject line: under 60 characters": one named part, which named_part_before reads
    if words[0] in VERBS:
        return None  # "show lines max 3", "ask questions max 2": an order, whose limit counts what it asks for
    if len(words) == 1 and words[0] in ("line", "lines") and piece.group("each") is None:
        return "each line"
    words[-1] = singular_of(words[-1]) if words[-1] != "entries" else "entry"
    return "each " + " ".join(words)


def _each_part_scope(text: str, start: int, end: int) -> str | None:
    """ "each section", "each judgment", "each sentence", "each bullet", or a heading's part: a limit for every one
    of some parts, or for the part a heading names."""
    piece = _piece_opening_scope(text, start, end)
    if piece is not None:
        return piece
    under_each = _UNDER_EACH_PART.match(text, end)
    if under_each is not None:
        # "max 5 bullets under each heading": per section, not for the whole reply; "for each category": per category
        noun = under_each.group("noun").lower()
        heading = noun.startswith(("head", "überschrift", "encabezad", "titre", "kopje"))
        singular = _FOREIGN_SCOPE_NOUNS.get(noun, singular_of(noun))
        return "each section" if heading else f"each {singular}"
    for_each = _FOR_EACH_BEFORE.search(text[max(0, start - 60) : start])
    if for_each is not None and not _NOT_A_PART.match(for_each.group("noun")):
        return "each " + for_each.group("noun").lower()  # "For each judgment: at most 5 bullets", "Pour chaque arrêt :"
    heading = heading_scope(text, start)
    if heading is not None:
        return heading
    if _SENTENCES_OF.search(text[max(0, start - 30) : start]) or _short_sentence_size(text, start, end):
        return "each sentence"  # "keep sentences under 15 words", "Sätze mit höchstens 15 Wörtern"
    per_item = _ITEMS_OF.search(text[max(0, start - 30) : start])
    if per_item:
        return "each " + ("bullet" if per_item.group(1).lower().startswith(("bullet", "point")) else "item")
    if _BARE_EACH_AFTER.match(text, end):
        # "3 headlines max 30 characters each": each of the things counted just before, not one headline
        counted = _PLURAL_BEFORE.search(text[max(0, start - 40) : start])
        if counted is not None and SCOPE_NOUN.match(counted.group("noun")):
            return f"each {counted.group('noun').lower()}"
    return None


# A template line's slot sized in brackets ("Top strength: (one sentence)", "Work on: [max 20 words]"): the size of
# that line's value, not of the whole reply.
_TEMPLATE_SLOT = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?(?P<label>[^\W\d_][\w &/'’-]{0,40}?)[ \t]*:[ \t]*[(\[<][ \t]*$"
)


# "ISSUES:\n- <max 5 lines, most serious first>", "RIESGOS:\n- (máx. 3 líneas)": a slot on the bullet under a bare label
_SECTION_SLOT = re.compile(
    r"(?:^|\n)[ \t]*(?P<label>[A-ZÀ-Ý][A-ZÀ-Ý0-9_/&'’ -]{1,30}?)[ \t]*[:：][ \t]*\n"
    r"[ \t]*(?:[-*•][ \t]*)?[(\[<][^\n()\[\]<>]{0,20}$"
)


# A spec line's own label ("Length: (max 80 words)", "Word count: [150-200]"): the size of the whole reply.
_SPEC_LABEL = re.compile(
    r"(?:(?:max(?:imum)?\s+)?(?:length|size|word\s+count|words|word\s+limit|limit|count|characters|chars|sentences|"
    r"lines|format|budget)|l[äa]nge|longitud|longueur|"
    r"comprimento|lunghezza|lengte|umfang|extensi[óo]n|taille)",
    re.IGNORECASE,
)


# Sentences, plural, sized by the limit right after them: "sentences under 15 words", "Sätze mit höchstens 15
# Wörtern", "frases de máximo 15 palabras", "phrases de 15 mots maximum", "frasi di massimo 15 parole".
_SENTENCES_OF = re.compile(
    # (the Dutch "zinnen of 50 woorden" is "or": two limits, not each sentence's)
    r"\b(?:sentences|s[äa]tze[n]?|frases|phrases|frasi|zinnen|oraciones)\s+(?:(?:should\s+be|are|stay|(?<!zinnen\s)of|with|"
    r"under|below|no\s+longer\s+than|mit|de|di|van|met|von|that\s+are)\s+)*$",
    re.IGNORECASE,
)


# "por frase", "pro Satz", "par phrase", "per zin": the part a limit applies to, named in another language.
_FOREIGN_SCOPE_NOUNS = {
    **dict.fromkeys(("frase", "oración", "satz", "phrase", "zin", "enunciado"), "sentence"),
    **dict.fromkeys(("línea", "linea", "zeile", "ligne", "linha", "riga", "regel"), "line"),
    **dict.fromkeys(("párrafo", "absatz", "paragraphe", "parágrafo", "paragrafo", "alinea"), "paragraph"),
    **dict.fromkeys(("viñeta", "aufzählungspunkt", "puce", "tópico"), "bullet"),
    **dict.fromkeys(
        ("abschnitt", "überschrift", "sección", "seccion", "apartado", "sezione", "sectie", "seção"), "section"
    ),
}
# "Use short sentences, no more than 12 words each": the plural noun just before the limit is what "each" counts.
# ("Exactly 13 tags, each 20 characters or fewer": each of the things just counted)
_PLURAL_BEFORE = re.compile(r"\b(?P<noun>[a-z]+?)s\s*(?:,|:|\(|[-–—])?\s*(?:each\s+)?$", re.IGNORECASE)


def _noun_before(text: str, start: int) -> str | None:
    match = _PLURAL_BEFORE.search(text[max(0, start - 40) : start])
    if match is None:
        return None
    noun = match.group("noun").lower()
    if noun == "point" and re.search(r"\bbullet\s+points\W*(?:each\s+)?$", text[max(0, start - 40) : start], re.I):
        noun = "bullet"  # "5 bullet points, each under 20 words": the bullets the count names
    # ("10 keywords, each 25 characters or fewer": "each" names the counted things, whatever they are)
    known = SCOPE_NOUN.match(noun) or (match.group(0).rstrip().lower().endswith("each") and len(noun) >= 3)
    return noun if known and f"{noun}s" not in REPLY_NOUNS else None


def cjk_scope(text: str, match: re.Match[str]) -> str | None:
    """What a CJK limit applies to ("1人1行", "各見出しの下は最大2行", "每条不超过20字"); None for the whole reply."""
    per_item = _CJK_PER_ITEM.search(text[max(0, match.start() - 12) : match.start()])
    if per_item is not None and CJK_PER_MESSAGE.search(text, max(0, match.start() - 16), match.start()):
        per_item = None  # "用简体中文回复，每条不超过 100 字": 每条 is each reply, no item of a list
    before = text[max(0, match.start() - 8) : match.start()]
    if _CJK_PER_SENTENCE.search(before):
        return "each sentence"  # "1文は20語未満", "各文は…", "每句不超过20个字": each sentence's length
    return (
        "each person's entry"  # "1人1行": one line for each person, not a one-line reply
        if _CJK_PER_PERSON.search(before)
        else "each line"  # "1人1行・80文字以内": the characters of each of those lines
        if _CJK_AFTER_LINES.search(before)
        else "each heading's section"
        if _CJK_PER_SECTION.search(text[max(0, match.start() - 14) : match.start()])
        else "each paragraph"  # "各段落は最大3行"
        if re.search(
            r"(?:各|それぞれの)段落(?:は|も)?\s*$|每(?:个|個)?段落?\s*$",
            text[max(0, match.start() - 14) : match.start()],
        )
        else "each item"
        if per_item
        else language_lead(text, match.start())
        or parts.cjk_part_before(text, match.start())
        or parts.cjk_part_after(text, match.end())
        or latin_line_label(text, match.start())
    )
