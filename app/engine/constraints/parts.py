"""Named parts of a reply that a limit narrows: "the summary under 60 words", "3 lines of corrected code",
"la versión en inglés de máximo 200 caracteres", "日本語版は300字以内", "only the feedback is limited".

A limit whose noun phrase names one part of the reply limits that part, not the reply. Some parts are never the
whole reply (a subject line, an intro, the English version); others often are (a summary, an explanation), so
those narrow a limit only when the text says the reply has more ("start with", "then", "the rest can be as long as
it needs"). Shared by extraction and the fidelity check, which reads the same sentences in a prompt.
"""

from __future__ import annotations

import re

from app.engine.constraints.language import lookup
from app.engine.fastre import prefiltered

# (English name, the words naming it in the supported languages, always only one part of a reply)
_PARTS: tuple[tuple[str, str, bool], ...] = (
    ("short answer", r"short\s+answer|quick\s+answer|respuesta\s+corta|respuesta\s+breve|kurzantwort|"
     r"kurze\s+antwort|réponse\s+courte|resposta\s+curta|risposta\s+breve|kort\s+antwoord", True),
    ("subject line", r"subject(?:\s+line)?|asunto|betreff(?:zeile)?|objet|assunto|oggetto|onderwerp(?:regel)?", True),
    # (a headline is named as the brief names it: "Keep the headline to 12 words", not "the title")
    ("headline", r"headlines?|titular(?:es)?|schlagzeile", True),
    ("title", r"titles?|título|titulo|titel|titre|titolo|überschrift", True),
    ("introduction", r"intro|introduction|opening(?:\s+(?:paragraph|line|sentence))?|introducción|einleitung|"
     r"introdução|introduzione|inleiding", True),
    ("conclusion", r"conclusion|closing(?:\s+(?:paragraph|line|sentence))?|outro|sign-off|conclusión|fazit|"
     r"conclusão|conclusione|conclusie", True),
    ("greeting", r"greeting|saludo|begrüßung|anrede|salutation|saudação|saluto|begroeting", True),
    ("feedback", r"feedback|retroalimentación|rückmeldung|commentaires|retorno|commento|terugkoppeling", True),
    ("hint", r"hint|pista|hinweis|indice|dica|suggerimento", True),
    ("code", r"(?:corrected\s+|fixed\s+|example\s+|sample\s+)?code(?:\s+(?:snippet|sample|example))?|snippet|"
     r"código|codigo|codice", True),
    ("body", r"body(?:\s+text)?|cuerpo|textkörper|corps|corpo", True),
    # "then a short 'What I changed' list: max 5 bullets", "a changelog of at most 5 items"
    ("change list", r"change\s*-?\s*list|changes\s+list|list\s+of\s+(?:the\s+)?(?:changes|edits)|changelog|"
     # "then a short list of what you changed (max 5 bullets)"
     r"list\s+of\s+what\s+(?:you|i|we)\s+(?:changed|fixed|edited|cut|removed)|"
     r"[\"'‘“]what\s+(?:i|we|you)\s+(?:changed|fixed|edited)[\"'’”]\s+list", True),
    ("summary", r"summary|tl;?dr|recap|resumen|resumo|résumé|zusammenfassung|riassunto|sintesi|samenvatting|"
     r"síntesis|síntese|synthèse|overview|überblick", False),
    ("explanation", r"explanation|explicación|erklärung|explication|explicação|spiegazione|uitleg", False),
    ("description", r"description|descripción|beschreibung|descrição|descrizione|beschrijving", False),
    ("reason", r"reason|rationale|justification|justificación|begründung|justificativa|motivazione|motivering", False),
)  # fmt: skip
_ORDINALS = (
    r"first|opening|last|final|second|primer|primera|primero|último|última|erste[rn]?|letzte[rn]?|premier|première|"
    r"dernier|dernière|primeiro|primeira|primo|prima|ultimo|ultima|eerste|laatste"
)
_POSITIONED = (
    r"paragraph|sentence|line|párrafo|frase|línea|absatz|satz|zeile|paragraphe|phrase|ligne|parágrafo|linha|"
    r"paragrafo|riga|alinea|zin|regel"
)
_ORDINAL_NAMES = {"first": "first", "opening": "first", "last": "last", "final": "last", "second": "second"}
_ORDINAL_FOREIGN = {
    "prim": "first", "erst": "first", "prem": "first", "eers": "first", "últi": "last", "ulti": "last",
    "letz": "last", "dern": "last", "laat": "last",
}  # fmt: skip
_POSITIONED_NAMES = {
    "para": "paragraph", "párr": "paragraph", "absa": "paragraph", "pará": "paragraph", "alin": "paragraph",
    "sent": "sentence", "fras": "sentence", "satz": "sentence", "phra": "sentence", "zin": "sentence",
    "line": "line", "líne": "line", "zeil": "line", "lign": "line", "linh": "line", "riga": "line", "rege": "line",
}  # fmt: skip
# "the Spanish version", "la versión en inglés", "die englische Fassung", "a versão em inglês", "de Engelse versie".
_LANGUAGE_WORD = r"[A-Za-zÀ-ÿ]+"
_VERSION = (
    rf"(?P<lang1>{_LANGUAGE_WORD})\s+(?:version|fassung|versie|text)|"
    rf"(?:versión|version|versão|versione|fassung)\s+(?:en\s+|em\s+|in\s+|auf\s+)?(?P<lang2>{_LANGUAGE_WORD})"
)
_REPLY_WORDS = (
    r"reply|replies|response|responses|answers?|messages?|output|respuestas?|antworten?|réponses?|respostas?|"
    r"risposte?|antwoord(?:en)?|mensajes?|nachrichten?|it|them|everything|each|every|total|overall|all"
)
_NOUNS = "|".join(f"(?P<p{index}>{words})" for index, (_, words, _) in enumerate(_PARTS))
# Words that may stand between a part and its limit: "should be kept to", "soll höchstens", "doit faire au plus".
_LINK = (
    r"should|must|shall|will|can|may|needs?\s+to|has\s+to|have\s+to|is|are|gets?|stays?|remains?|be|stay|remain|"
    r"kept|limited|capped|written|run|not|exceed|to|in|at|of|with|within|under|below|"
    r"debe|deben|tiene\s+que|puede|ha\s+de|tener|ser|ocupar|tenga|sea|de|en|con|"
    r"soll|sollte|muss|darf|haben|sein|umfassen|mit|in|von|"
    r"doit|doivent|peut|faire|fasse|compter|contenir|tenir|être|de|en|avec|à|"
    r"deve|devem|pode|ter|tenha|ser|seja|conter|com|em|"
    r"deve|può|essere|avere|sia|abbia|contenere|di|da|"
    r"mag|moet|kan|zijn|bevatten|hebben|van|met|"
    r"max|maximum|maximal|máximo|máx|höchstens|up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|less\s+than|"
    r"fewer\s+than|como\s+máximo|no\s+más\s+de|menos\s+de|hasta|a\s+lo\s+sumo|nicht\s+mehr\s+als|weniger\s+als|"
    r"bis\s+zu|unter|au\s+maximum|au\s+plus|pas\s+plus\s+de|moins\s+de|jusqu'à|no\s+máximo|não\s+mais\s+(?:do\s+)?que|"
    r"não\s+mais\s+de|até|massimo|al\s+massimo|non\s+più\s+di|meno\s+di|fino\s+a|maximaal|hooguit|"
    r"niet\s+meer\s+dan|minder\s+dan|exactly|exactamente|genau|exactement|exatamente|esattamente|only|just|first|"
    r"primero|zuerst|d'abord|primeiro|eerst|"
    # "le titre ne doit pas dépasser 70 caractères", "el título no debe superar 70 caracteres"
    r"ne|pas|no|não|non|nicht|niet|dépasser|excéder|superar|exceder|sobrepasar|ultrapassar|superare|überschreiten|"
    r"overschrijden|"
    # "le titre doit être en anglais et ne pas dépasser 70 caractères": the part's language, then its limit
    r"(?:in|en|em|auf|na)\s+[^\W\d_]+\s+(?:and|et|y|e|und|en)"
)
# The part, then what it is about ("of their situation", "del pedido"), then linking words up to the limit.
_PART_BEFORE = re.compile(
    rf"(?:\b(?P<ordinal>{_ORDINALS})\s+(?P<positioned>{_POSITIONED})\b|\b(?:{_VERSION})\b|"
    rf"\b(?P<reply>{_REPLY_WORDS})\b|(?<![\w-])(?:{_NOUNS})(?![\w-]))"
    r"(?:\s+(?:part|section|bit|portion|block))?"  # "the summary part has to be under 120 words"
    # ("the title in English, max 70 characters", "el título en inglés, de 70 caracteres": the part's language)
    r"(?:\s+(?:in|en|em|auf|na|in\s+het)\s+[^\W\d_]+(?=[\s,:]))?"
    r"(?:\s+(?:of|for|about|on|from|del?|sobre|über|zur|zum|du|des|sur|do|da|dos|das|di|della|dello|van|over)\s+"
    r"(?:[^\W\d_][\w'’-]*\s+){0,3}?[^\W\d_][\w'’-]*)?"
    # ("a list of changes (max 5 bullets)": the limit in brackets after the part)
    rf"(?:\s*\((?:\s*(?:{_LINK})\b)*)?(?:[,:]?\s+(?:{_LINK}))*\s*[,:(–—-]?\s*$",
    re.IGNORECASE,
)
# "3 lines of corrected code", "two sentences of feedback".
_PART_AFTER = re.compile(
    r"\s+(?:of|de|an|di|van)\s+(?:the\s+|el\s+|la\s+)?(?P<part>(?:corrected|fixed|example|sample|new|changed)\s+code|"
    r"code|código|codigo|codice|intro|introduction)\b",
    re.IGNORECASE,
)
# The text says the reply has more than the part: a part that comes first ("start with a summary ..."), or
# something that follows it ("..., then the steps"). A "then" before the part orders the assistant's own steps
# ("read the ticket, then write a summary in 100 words"): no evidence.
_LEADS = re.compile(
    r"\b(?:start|begin|open|lead)(?:s|ing)?\s+with\b|\bfirst\b|\b(?:empieza|empiece|comienza|comience)\s+con\b|"
    r"\bprimero\b|\bbeginne\s+mit\b|\bzuerst\b|\bcommence[zr]?\s+par\b|\bd'abord\b|\bcomece\s+com\b|"
    r"\bprimeiro\b|\binizia\s+con\b|\bbegin\s+met\b|\beerst\b|最初に|まず|首先|先写",
    re.IGNORECASE,
)
_FOLLOWS = re.compile(
    r"\bthen\b|\bfollowed\s+by\b|\bafter\s+(?:it|that|this)\b|\bbelow\s+it\b|\bthe\s+rest\b|\bthe\s+remainder\b|"
    r"\bluego\b|\bdespués\b|\bseguid[oa]\s+de\b|\bdann\b|\bdanach\b|\bgefolgt\s+von\b|\bpuis\b|\bensuite\b|"
    r"\bsuivi\s+d[eu]\b|\bdepois\b|\bpoi\b|\bseguit[oa]\s+da\b|\bdaarna\b|\bgevolgd\s+door\b|"
    r"その後|そのあと|続けて|然后|之后|再写",
    re.IGNORECASE,
)
_RELEASE = re.compile(
    r"\b(?:can|may|could|should)\s+be\s+(?:as\s+long\s+as\s+(?:it|they|you)\s+needs?|as\s+long\s+as\s+(?:needed|"
    r"necessary|it\s+takes)|longer|any\s+length)|\b(?:has|have|with)\s+no\s+(?:length\s+|word\s+)?limit|"
    r"\b(?:is|are)\s+not\s+limited\b|\bno\s+(?:length\s+)?limit\s+on\b|\bunlimited\b|"
    r"\bpuede[n]?\s+ser\s+(?:tan\s+larg[oa]s?\s+como|lo\s+larg[oa]s?\s+que)|\bsin\s+l[ií]mite|"
    r"\bdarf\s+so\s+lang\b|\bdürfen\s+so\s+lang\b|\bohne\s+(?:längen)?(?:begrenzung|limit)|"
    r"\bpeu(?:t|vent)\s+être\s+aussi\s+longu?e?s?\b|\bsans\s+limite|"
    r"\bpode[m]?\s+ser\s+tão\s+long[oa]s?\b|\bsem\s+limite|"
    r"\bpu[òo]\s+essere\s+lung[oa]\b|\bpossono\s+essere\s+lungh[ie]\b|\bsenza\s+limiti?\b|"
    r"\bmag\s+zo\s+lang\b|\bmogen\s+zo\s+lang\b|\bzonder\s+limiet|"
    r"制限(?:は)?(?:なし|ありません|しない)|長くても(?:よい|いい|構いません|かまいません)|不限|可以(?:长一些|更长|写长)",
    re.IGNORECASE,
)
_RELEASE = prefiltered(_RELEASE)  # the same matches, found sooner (see app.engine.fastre)
# "only the feedback is limited", "the limit is only for the summary", "solo el resumen está limitado".
_ONLY_PART = re.compile(
    r"\bonly\s+(?:the\s+)?(?P<a>[\w ]{2,30}?)\s+(?:is|are|has|have|gets?)\s+(?:limited|capped|restricted|a\s+limit)|"
    r"\b(?:the\s+)?limit\s+(?:is\s+)?only\s+(?:for|applies\s+to|on)\s+(?:the\s+)?(?P<b>[\w ]{2,30}?)\b(?=[.;,!)]|$)|"
    r"\bsolo\s+(?:el|la|los|las)\s+(?P<c>\w+)\s+(?:está|están|tiene|tienen)\s+(?:limitad|un\s+l[ií]mite)|"
    r"\bnur\s+(?:die|der|das)\s+(?P<d>\w+)\s+(?:ist|sind)\s+begrenzt|"
    r"\bseule?s?\s+(?:le|la|les|l')\s*(?P<e>\w+)\s+(?:est|sont)\s+limité|"
    r"\bs[óo]\s+(?:o|a|os|as)\s+(?P<f>\w+)\s+(?:é|está|são|estão|tem)\s+limitad|"
    r"\bsolo\s+(?:il|la|lo|l')\s*(?P<g>\w+)\s+(?:è|ha)\s+(?:limitat|un\s+limite)|"
    r"\balleen\s+(?:de|het)\s+(?P<h>\w+)\s+is\s+beperkt",
    re.IGNORECASE,
)
_CJK_PARTS: tuple[tuple[str, str], ...] = (
    ("summary", r"要約|概要|まとめ|摘要|总结|總結|简介|簡介|概述"),
    ("title", r"タイトル|件名|見出し|标题|標題"),
    ("introduction", r"導入|冒頭|开头|開頭|导语|導語"),
    ("conclusion", r"結論|结尾|結尾|结论|結語"),
    ("explanation", r"説明|说明|說明|解説|解释"),
    ("code", r"コード|代码|代碼"),
    ("feedback", r"フィードバック|反馈|評語|评语|コメント"),
    ("body", r"本文|正文"),
    ("reason", r"理由|原因|根拠|依据|依據"),
    ("email", r"メール|邮件|郵件"),
)
_CJK_PART_BEFORE = re.compile(
    r"(?:(?P<cjklang>日本語|英語|中国語|中文|英文|汉语|日语|英语)(?:版|バージョン|的版本)|"
    + "|".join(f"(?P<c{index}>{words})" for index, (_, words) in enumerate(_CJK_PARTS))
    # ("フォローアップメール（件名つき、200字以内）": the part's own parenthesis holds its limit)
    + r")(?:部分)?(?:（[^（）]{0,12}[、，,]\s*)?(?:は|も|也|の|を|が|：|:|，|、|\s)*"
    # ("商品タイトルは英語で70文字以内", "标题用英文，不超过30字": the part's language between it and its limit)
    r"(?:(?:用|以)?(?:日本語|英語|中国語|中文|英文|汉语|日语|英语)(?:で|に|写|書き)?(?:，|、|\s)*)?"
    r"(?:控制在|限制在|限于|在|要|须|需|必须|不能|应|應){0,2}\s*$"
)
# Adjective forms the language table does not hold ("la versione inglese", "la version anglaise", "de Engelse versie").
_LANGUAGE_ADJECTIVES = {
    "inglese": "English", "spagnolo": "Spanish", "tedesco": "German", "francese": "French", "portoghese": "Portuguese",
    "giapponese": "Japanese", "cinese": "Chinese", "anglaise": "English", "espagnole": "Spanish", "allemande": "German",
    "française": "French", "portugaise": "Portuguese", "japonaise": "Japanese", "chinoise": "Chinese",
    "engelse": "English", "spaanse": "Spanish", "duitse": "German", "franse": "French", "nederlandse": "Dutch",
    "japanse": "Japanese", "chinese": "Chinese", "italiana": "Italian", "italienne": "Italian", "italiaanse": "Italian",
}  # fmt: skip
# "不超过100字的中文总结", "200文字以内の要約": the part named right after the limit.
_CJK_PART_AFTER = re.compile(
    r"\s*(?:以内|以下|之内|内)?\s*"
    # "一句不超过20个字的理由": a second limit between the count and the part it counts
    r"(?:(?:不超过|不多于|最多|至多)\s*\d+\s*个?(?:字|字符|文字)(?:以内|以下)?\s*)?"
    r"(?:的|の)?\s*(?:(?:简体|簡體|繁体|繁體)?(?:中文|英文|日本語|日语|英语|英語)(?:的)?)?(?:"
    + "|".join(f"(?P<c{index}>{words})" for index, (_, words) in enumerate(_CJK_PARTS))
    + ")"
)
_CJK_ORDINAL = re.compile(r"(?:第|前|最初の|冒頭の|最後の|最后)\s*$")


def _language_name(word: str) -> str | None:
    """The English name of a language written in any supported language ("inglés", "englische", "英語")."""
    if word.lower() in _LANGUAGE_ADJECTIVES:
        return _LANGUAGE_ADJECTIVES[word.lower()]
    found = lookup(word) if len(word) > 2 or not word.isascii() else None  # "it", "no": words, not codes
    return found[0] if found else None


# The English names among the parts' words: a heading in English keeps its own word ("Overview:", not "summary").
_ENGLISH_PART_WORDS = re.compile(
    r"(?:short|quick)\s+answer|subject(?:\s+line)?|titles?|headlines?|intro(?:duction)?|opening(?:\s+\w+)?|conclusion|"
    r"closing(?:\s+\w+)?|outro|sign-off|greeting|salutation|feedback|hint|(?:\w+\s+)?code(?:\s+\w+)?|snippet|"
    r"body(?:\s+text)?|(?:change\s*-?\s*|changes\s+)list|list\s+of\s+.+|.+\s+list|changelog|summary|tl;?dr|recap|overview|explanation|description|reason|"
    r"rationale|justification",
    re.IGNORECASE,
)


def foreign_part(words: str) -> str | None:
    """The English name of a part a heading names in another language without an article ("Beschreibung" ->
    "description", "Resumen" -> "summary"), or None for an English word or no part."""
    if _ENGLISH_PART_WORDS.fullmatch(words.strip()):
        return None
    return english_part(words)


def english_part(words: str) -> str | None:
    """The English name of a part named in any supported language ("título" -> "title", "Titel auf Englisch" ->
    "title"), or None."""
    words = words.strip()
    language = re.search(r"\s+(?:in|en|em|auf|na|in\s+het)\s+(?P<name>[^\W\d_]+)$", words, re.IGNORECASE)
    if language is not None and _language_name(language.group("name")) is not None:
        words = words[: language.start()]  # (the part's language is no part of its name)
    for name, pattern, _ in _PARTS:
        if re.fullmatch(pattern, words, re.IGNORECASE):
            return name
    return None


def _part_name(match: re.Match[str]) -> tuple[str, bool] | None:
    """The English scope for a matched part and whether it is always only one part of a reply."""
    if match.group("reply"):
        return None
    if match.group("ordinal"):
        ordinal = match.group("ordinal").lower()
        position = _ORDINAL_NAMES.get(ordinal) or _ORDINAL_FOREIGN.get(ordinal[:4], "first")
        noun = _POSITIONED_NAMES.get(match.group("positioned").lower()[:4], "paragraph")
        return f"the {position} {noun}", True
    language = match.group("lang1") or match.group("lang2")
    if language:
        named = _language_name(language)
        if named is not None:
            return f"the {named} version", True
        # ("the short version", not "plain text": a format, the whole reply)
        if language.lower() in (
            "short",
            "long",
            "plain",
            "simple",
            "brief",
            "full",
            "kurz",
            "corta",
            "courte",
        ) and not (re.search(rf"\b{re.escape(language)}\s+text\b", match.group(0), re.IGNORECASE)):
            return f"the {language.lower()} version", True
        return None
    for index, (name, _, always) in enumerate(_PARTS):
        if match.group(f"p{index}"):
            return f"the {name}", always
    return None


def part_before(text: str, start: int) -> tuple[str, bool] | None:
    """The part a limit starting at `start` names just before it ("the summary of their situation under", "die
    Zusammenfassung soll höchstens"), with whether that part is never the whole reply; None for the reply."""
    window_start = max(0, start - 90)
    window = text[window_start:start]
    # ("The TL;DR should be at most 2 sentences": a semicolon inside a word ends no clause)
    cut = max(max(window.rfind(mark) for mark in (".", "!", "?", "\n", "。", "；")), window.rfind("; "))
    window = window[cut + 1 :]
    match = _PART_BEFORE.search(window)
    return None if match is None else _part_name(match)


def part_after(text: str, end: int) -> str | None:
    """The part a limit ending at `end` counts ("3 lines of corrected code" -> "the code", "180 palavras no roteiro"
    -> "the roteiro"); a heading just before it names a section ("escreve NOTAS: com no máximo 3 tópicos")."""
    match = _PART_AFTER.match(text, end)
    if match is not None:
        part = match.group("part").lower()
        return "the introduction" if part.startswith("intro") else "the code"
    place = _PLACE_AFTER.match(text, end)
    if (
        place is not None
        and not _WHOLE_REPLY_NOUN.fullmatch(place.group("noun"))
        and lookup(place.group("noun")) is None
        # "max 80 words no exceptions", "3 sentences no more no less": English "no" is no Portuguese "in the"
        and (place.group("prep").lower() == "in the" or _ENGLISH_UNIT.search(text, 0, end) is None)
    ):
        return f"the {place.group('noun')}"
    return None


def heading_before(text: str, start: int) -> str | None:
    """ "depois do roteiro escreve NOTAS: com no máximo 3 tópicos": a capitalised heading and a colon shortly before a
    limit, in its sentence, name the section it limits."""
    heading = _HEADING_BEFORE.search(text[max(0, start - 60) : start])
    return f"the {heading.group('head').strip()} section" if heading else None


# "180 palavras no roteiro", "300 Wörter im Fließtext", "100 mots dans le résumé", "at most 80 words in the intro".
_PLACE_AFTER = re.compile(
    r"\s+(?P<prep>no|na|em\s+(?:o|a)|in\s+the|im|en\s+el|en\s+la|dans\s+le|dans\s+la|nel|nella|in\s+het|in\s+de)\s+"
    # the noun ends its phrase: "in the same language", "in the first message", "in the community forum" name no part
    r"(?P<noun>[^\W\d_]{4,20})\b(?=\s*(?:[.,;:!?)]|$))",
    re.IGNORECASE,
)
# "max 80 words no exceptions": a limit counted in English words is followed by English "no", not Portuguese "no"
_ENGLISH_UNIT = re.compile(
    r"\b(?:words?|sentences?|lines?|bullets?|points?|characters?|chars?|paragraphs?|items?|emojis?|tokens?)\s*$",
    re.IGNORECASE,
)
_WHOLE_REPLY_NOUN = re.compile(
    r"reply|response|answer|output|message|total|resposta|respuesta|antwort|réponse|risposta|antwoord|mensagem|"
    r"mensaje|nachricht|texto|text|texte|testo|tekst|geral|general|gesamt|totale|todo|tudo|"
    # the channel the reply goes out on is the reply: "3 frases en el chat", "in the email"
    r"chat|conversation|conversa|conversación|gespräch|conversazione|gesprek|whatsapp|sms|e-?mail|mail|correo|app|widget",
    re.IGNORECASE,
)
_HEADING_BEFORE = re.compile(
    r"(?:^|[^\w])(?P<head>[A-ZÀ-Ý][A-ZÀ-Ý0-9_]{2,}(?:\s+[A-ZÀ-Ý0-9_]{2,}){0,3})\s*:[^.:!?\n]{0,40}$"
)


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around [start, end): from the last full stop before to the next one after."""
    before = max(text.rfind(mark, 0, start) for mark in (".", "!", "?", "\n", "。"))
    after = [i for i in (text.find(mark, end) for mark in (". ", "!", "?", "\n", "。")) if i != -1]
    return text[before + 1 : min(after) if after else len(text)]


_THEN_A_PART = re.compile(r",\s*(?:and\s+)?then\s+(?:a|an|the|one)\s+[a-z]+", re.IGNORECASE)


def other_parts(text: str, start: int, end: int) -> bool:
    """Whether the sentence of a limit says the reply has more than the part it names."""
    before = max(text.rfind(mark, 0, start) for mark in (".", "!", "?", "\n", "。"))
    sentence = sentence_of(text, start, end)
    return bool(
        _LEADS.search(text, before + 1, start)
        # "Answer the question, then a summary of the ticket (under 50 words)": a part listed after the reply's first
        or _THEN_A_PART.search(text, before + 1, start)
        or _FOLLOWS.search(sentence, end - before - 1)
        or _RELEASE.search(sentence)
    )


def names_other_language(text: str, scope: str) -> bool:
    """Whether the text names a language besides the one of a version scope ("the Japanese version" beside 英語)."""
    own = scope.removeprefix("the ").removesuffix(" version")
    for word in [
        *re.findall(r"[A-Za-zÀ-ÿ]{3,}", text),
        *re.findall(r"日本語|英語|中国語|中文|英文|汉语|日语|英语", text),
    ]:
        named = _language_name(word)
        if named is not None and named != own:
            return True
    return False


def releases(text: str) -> bool:
    """Whether the text says the rest of the reply has no limit ("the list after it can be as long as it needs")."""
    return bool(_RELEASE.search(text) or _ONLY_PART.search(text))


def only_part(text: str) -> str | None:
    """The part an "only X is limited" names, as an English scope ("the feedback"), if the text says so."""
    match = _ONLY_PART.search(text)
    if match is None:
        return None
    words = next(group for group in match.groups() if group).strip()
    named = _PART_BEFORE.search(words)
    if named is not None and (name := _part_name(named)) is not None:
        return name[0]
    if re.fullmatch(_REPLY_WORDS, words, re.IGNORECASE):
        return None
    return "the " + words.lower()


def cjk_part_before(text: str, start: int) -> str | None:
    """The part a CJK limit names just before it ("日本語版は300字以内", "摘要不超过80字")."""
    match = _CJK_PART_BEFORE.search(text, max(0, start - 16), start)
    if match is None:
        return None
    if match.group("cjklang"):
        named = _language_name(match.group("cjklang"))
        return f"the {named} version" if named else None
    for index, (name, _) in enumerate(_CJK_PARTS):
        if match.group(f"c{index}"):
            return f"the {name}"
    return None


def cjk_part_after(text: str, end: int) -> str | None:
    """The part a CJK limit names just after it ("不超过100字的中文总结" -> "the summary")."""
    match = _CJK_PART_AFTER.match(text, end)
    if match is None:
        return None
    for index, (name, _) in enumerate(_CJK_PARTS):
        if match.group(f"c{index}"):
            return f"the {name}"
    return None


def cjk_ordinal(text: str, start: int) -> bool:
    """ "第一句必须写型号": a position in the reply ("the first sentence"), not a count of its sentences."""
    return _CJK_ORDINAL.search(text, max(0, start - 4), start) is not None


def ordinal_before(text: str, start: int) -> bool:
    """ "In the first two sentences, state the problem": a position, not the reply's length."""
    return re.search(rf"\b(?:{_ORDINALS})\s+$", text[max(0, start - 12) : start], re.IGNORECASE) is not None
