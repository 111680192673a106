"""Length and count limits: "at most 3 sentences", "under 150 words", "2-3 bullets", "höchstens 100 Wörter", "3文以内".

`find_limits` is shared by extraction and the fidelity check (which reads the limits a prompt states).
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from app.engine.constraints import language, parts
from app.engine.constraints.clauses import NUMBER, NUMBER_WORDS, parse_number
from app.engine.constraints.model import Constraint, LimitUnit
from app.engine.fastre import Twins, is_plain, prefiltered

INPUT_SCOPE = "the input"
TURN_SCOPE = "each in-character turn"
"""A role-play's turns: "Stay in character, 1-3 sentences per turn" does not bound the feedback after the scene."""
# "Stay in character, 1-3 sentences per turn", "Reste dans le personnage, 1 à 3 phrases par réplique"
IN_CHARACTER = re.compile(
    r"\bin[\s-]character\b|\bstay\s+in\s+(?:the\s+|your\s+)?role\b|\bdans\s+(?:le|son|ton)\s+(?:personnage|r[ôo]le)\b|"
    r"\ben\s+(?:el\s+|tu\s+|su\s+)?(?:personaje|papel)\b|\bno\s+(?:seu\s+)?personagem\b|\bnel\s+personaggio\b|"
    r"\bin\s+der\s+rolle\b|\bin\s+(?:je\s+|de\s+)?rol\b|役を(?:守|崩さ|演じ続け)|保持角色|不要出戏",
    re.IGNORECASE,
)
"""The scope of a limit on what the assistant receives ("the tickets can be up to 2,000 words")."""

Bound = Literal["max", "min", "exact"]

_UNITS: tuple[tuple[LimitUnit, str], ...] = (
    ("words", r"words?|wds|wörtern?|worte|palabras?|mots?|palavras?|parole|woorden|woord"),
    (
        "sentences",
        r"sentences?|sentance?s?|sentenses|satz|sätzen?|frases?|oraciones?|oración|phrases?|frasi|zinnen|zin",
    ),
    ("paragraphs", r"paragraphs?|paras?|absätzen?|absatz|párrafos?|paragraphes?|parágrafos?|paragrafi|paragrafo"),
    (
        "bullets",
        r"bullet[- ]?points?|bullets?|bulleted\s+items?|points?|stichpunkten?|aufzählungspunkten?|viñetas?|"
        r"puntos?|puces?|tópicos?|marcadores|punti\s+elenco|punti|opsommingstekens|opsommingspunten",
    ),
    (
        "items",
        r"items?|elements?|entries|entry|elementen?|elementos?|éléments?|options?|suggestions?|ideas?|examples?|"
        r"tips?|tags?|hashtags?|keywords?|questions?|titles?|headlines?|descriptions?|taglines?|slogans?|"
        r"recommendations?|reasons?|steps?|"
        r"results?|vorschläge|sugerencias|ejemplos|exemples|idées|sugestões|exemplos|"
        r"terms|términos|termes|begriffe|fachbegriffe|termos|termini|termen|entradas|einträge",
    ),
    ("lines", r"lines?|zeilen?|líneas?|lignes?|linhas?|righe|riga"),
    ("characters", r"characters?|chars?|zeichen|caracteres|caractères|caratteri|letters"),
    ("tokens", r"tokens?"),
)
_UNIT_ALT = "|".join(f"(?P<u_{unit}>{pattern})" for unit, pattern in _UNITS)


def _phrases(text: str) -> frozenset[str]:
    return frozenset(text.split("|"))


# Cues before the number, looked up as the last words before it (a table lookup, not a regex scan: fast).
_MAX_CUES = _phrases(
    "at most|no more than|not more than|no longer than|not longer than|up to|upto|max|maximum|max of|"
    "maximum of|max.|under|below|less than|fewer than|within|not exceed|not to exceed|never exceed|"
    "don't exceed|dont exceed|do not exceed|not exceeding|shorter than|limit to|limited to|limit it to|"
    "limit replies to|limit answers to|limit responses to|cap at|capped at|only|just|como máximo|máximo|"
    "máximo de|máx|máx.|no más de|menos de|hasta|a lo sumo|höchstens|maximal|nicht mehr als|weniger als|"
    "bis zu|unter|au maximum|au plus|pas plus de|moins de|jusqu'à|no máximo|não mais que|não mais de|"
    "não mais do que|até|ne dépasse pas|no exceder|nicht über|massimo|al massimo|non più di|meno di|fino a|"
    "maximaal|hooguit|niet meer dan|minder dan|max"
)
_MIN_CUES = _phrases(
    "at least|no fewer than|no less than|not less than|minimum|minimum of|min|min.|more than|over|"
    "longer than|como mínimo|al menos|mínimo|mínimo de|mindestens|wenigstens|au moins|no mínimo|pelo menos"
)
_EXACT_CUES = _phrases("exactly|precisely|exactamente|genau|exactement|exatamente|esattamente")
_RANGE_OPENERS = _phrases("between|entre|zwischen|de")
_KEEP_TAIL = _phrases("to|under|within|below")
_FLIPPED = ("more", "over", "longer", "fewer", "less", "shorter", "mehr", "plus")
_NEGATORS = _phrases("don't|dont|not|never|nunca|nicht|nie|jamais|ne|não|cannot|can't")
_WINDOW_WORD = re.compile(r"[\w'.]+|[<>≤≥]=?")
_POST = (
    r"(?P<post_max>or\s+(?:less|fewer|under|shorter)|max(?:imum)?|at\s+most|tops|como\s+máximo|máximo|como\s+mucho|"
    r"a\s+lo\s+sumo|tout\s+au\s+plus|au\s+plus|hooguit|no\s+m[áa]ximo|"
    r"höchstens|maximal|au\s+maximum|no\s+máximo|al\s+massimo|massimo|maximaal|or\s+so)"
    r"|(?P<post_min>or\s+more|at\s+least|minimum|como\s+mínimo|mindestens|au\s+moins|no\s+mínimo)"
)
_RANGE_JOIN = r"\s*(?:-|–|—|to|and|or|y|a|und|bis|et|à|e|ou|o)\s*"
_ADJECTIVES = r"(?:(?:short|long|full|complete|concise|brief|simple|separate|plain|clear|kurze|cortas?|courtes?)\s+)?"
# Anchored at a number: "3 sentences", "2-3 short paragraphs", "150-word", "five bullets or fewer".
_CORE = re.compile(
    rf"(?P<n1>{NUMBER})(?:{_RANGE_JOIN}(?P<n2>{NUMBER}))?(?:\s*|-){_ADJECTIVES}(?:{_UNIT_ALT})\b"
    # "3 headlines max 30 characters each": a cue right before another number is that number's, not this one's
    rf"(?:\s*(?:{_POST})\b(?!\s*\d))?",
    re.IGNORECASE,
)
# "word limit: 100", "max words: 100", "limit of 100 words" is handled above.
_LABELLED = re.compile(
    r"\b(?:max(?:imum)?\s+|min(?:imum)?\s+)?(?P<unit_word>word|sentence|character|char|token|line|paragraph)s?"
    r"\s+(?:limit|count|max(?:imum)?|cap)\s*(?:[:=]|of|is)?\s*(?P<n1>\d+)\b"
    r"(?!\s*(?:words?|sentences?|characters?|chars?|lines?|paragraphs?|tokens?|bullets?|items?)\b)",
    re.IGNORECASE,
)

_CJK_UNITS: tuple[tuple[LimitUnit, str], ...] = (
    ("characters", r"文字|字"),
    ("words", r"単語|語|个词|個詞|词"),
    ("sentences", r"文|句话|句"),
    # "一段中文法律文书": 段 before a noun counts a passage of the input, not the reply's paragraphs ("一段话", "两段")
    ("paragraphs", r"段落|段(?![\u4e00-\u9fff])|段(?=话|話|文字|以内|以下|之内|内(?!容)|左右|回答)"),
    ("lines", r"行"),
    ("items", r"条|項目"),
    ("bullets", r"点"),
)
_QUOTED_LINE = re.compile(r"\s*(?:(?:that\s+)?(?:says|reading|starting\s+with|with|con|mit|avec|com)\s+)?[\"“«„'‘`]")
_ADDS_A_LINE = re.compile(
    r"\b(?:write|add|put|include|append|scrivi|aggiungi|metti|escribe|añade|pon|écris|ajoute|mets|schreib\w*|füg\w*|"
    r"escreva|adicione|coloque|schrijf|voeg)\b[^.\n]{0,30}$",
    re.IGNORECASE,
)
_CJK_ORDER_TOPIC = re.compile(
    r"(?:申込み|申し込み|申込|注文|予約|订单|訂單|预约|預約|预订|預訂)(?:は|では|につき|每次|一次)"
)
_CJK_UNIT_ALT = "|".join(f"(?P<c_{unit}>{pattern})" for unit, pattern in _CJK_UNITS)
_CJK_NUM = r"[\d０-９]+|[一二两三四五六七八九十百]+"
_CJK_ADDED = re.compile(r"(?:加|添加|附上|附|写上|加上|补充|追加|添え|付け加え|付け)\s*$")
_CJK_LIMIT = re.compile(
    rf"(?P<pre_max>最大|最多|不超过|不要超过|不得超过|少于|以内で)?(?P<pre_min>至少|最低|不少于)?\s*"
    rf"(?P<n1>{_CJK_NUM})(?:\s*[-~〜～到至]\s*(?P<n2>{_CJK_NUM}))?\s*(?:つの|个|個|つ)?(?:{_CJK_UNIT_ALT})"
    rf"(?P<post_max>以内|以下|まで|未満|内)?(?P<post_min>以上)?",
)
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
# "Keep each meal description to 2 sentences": the scope sits between the cue and the number.
_EACH_INSIDE = re.compile(
    r"\b(?:each|every|per)\s+(?P<thing>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+(?:to|under|within|below)\s+$",
    re.IGNORECASE,
)
# "3 bullet points of max 20 words": the words limit applies to each bullet.
_ITEMS_OF = re.compile(r"\b(bullet(?:\s+point)?s|points|items|entries|options)\s+(?:of|with)\s+$", re.IGNORECASE)
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
_CJK_RETURNS = re.compile(r"(?:返回|返す|返します|戻す|返却|返还)\s*(?:最多|最大|至多)?\s*$")
# "決定事項は1件あたり40文字以内", "每条不超过20字": a limit per item.
_CJK_PER_PERSON = re.compile(r"(?:1|一|１)(?:人|名)(?:あたり|につき)?\s*$|每(?:人|个人|位)\s*$")
# "1人1行・80文字以内", "1行40文字以内", "1行あたり30字", "每行不超过20字" (not "3行・100文字以内"): per line
_CJK_AFTER_LINES = re.compile(r"(?:1|一|１)行\s*(?:[・、，,／/]|あたり|につき)?\s*$|每行\s*$")
# "1行40文字以内": "1行" says per line, not a reply of one line
_CJK_PER_LINE_AHEAD = re.compile(
    r"\s*(?:あたり|につき)?\s*(?:最大|最多|至多|不超过)?\s*[0-9０-９一二三四五六七八九十百]+\s*(?:文字|字)"
)
# "各見出しの下は最大2行", "每个标题下最多3行": a limit for each heading's section
_CJK_PER_SECTION = re.compile(
    r"(?:各|それぞれの)(?:見出し|セクション|章)(?:の下|ごと|の中)?(?:は|に|も|で)?\s*$|"
    r"(?:見出し|セクション|章)ごと(?:に|は)?\s*$|"
    r"每(?:个|個)?(?:标题|標題|部分|小节|小節|类别|類別)(?:下面?|下方)?(?:都)?\s*$"
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
# A limit on what the model receives, not on its reply: "the articles can be up to 5,000 words".
_INPUT_BEFORE = re.compile(
    r"\b(?P<noun>inputs?|documents?|articles?|transcripts?|tickets?|sources?|context|text|emails?|messages?|files?|"
    r"pages?|quer(?:y|ies)|questions?|conversations?|history|notes|reviews?|posts?|submissions?|essays?|contracts?|"
    r"reports?|logs?)\b(?!\s+(?:repl|respons|answer|draft|summar))[^.;:]{0,30}?\b(?:is|are|may\s+be|can\s+be|will\s+be|could\s+be|might\s+be|runs?|contains?|have|has|"
    r"arrives?|comes?)\b[^.;:]{0,20}$",
    re.IGNORECASE,
)
# "the ops log (a plain-text dump, usually 100-300 lines)": a size told as a habit describes what arrives.
_DESCRIBED = re.compile(
    r"\b(?:usually|typically|normally|generally|mostly|on\s+average|tends?\s+to\s+be|often|rarely)\s+"
    r"(?:about\s+|around\s+|roughly\s+|between\s+|over\s+|under\s+)?$",
    re.IGNORECASE,
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
_SCOPE_NOUN = re.compile(
    r"(?:bullet|item|point|section|paragraph|answer|reply|response|description|summar|title|entry|entries|example|"
    r"question|step|tip|email|message|post|tweet|field|sentence|line|option|idea|card|slide|chapter|headline|"
    r"caption|comment|review|note|label|tag|part|chunk|turn|output|story|stories|poem|joke|recipe|article|essay|"
    r"blog|blurb|announcement|teaser|update|notice|letter|song|scene|page|round|hint|explanation|piece|translation|product|listing|bio|ad|"
    r"respuesta|antwort|réponse|punto|punkt|historia|geschichte|histoire|história)\w*$",
    re.IGNORECASE,
)
_ASKED_COUNT = re.compile(
    r"\b(?:give|list|suggest|provide|generate|return|write|offer|propose|output|with|include|use|in|produce|"
    r"create|draft|share|recommend|name|ask)\s+(?:(?:me|them|the\s+user|us)\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
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
_REPLY_NOUNS = frozenset(
    {
        "reply",
        "response",
        "answer",
        "message",
        "turn",
        "output",
        "respuesta",
        "antwort",
        "réponse",
        "réplique",
        "mensaje",
        "nachricht",
        "resposta",
        "mensagem",
        "respostas",
        "intervention",
        "replies",
        "responses",
        "messages",
        "antwoord",
        "bericht",
        "risposta",
        "messaggio",
        "answers",
    }
)


class FoundLimit(NamedTuple):
    """A limit stated in some text: unit, bounds, where, and what it applies to (None: the whole reply)."""

    unit: LimitUnit
    minimum: int | None
    maximum: int | None
    exact: int | None
    start: int
    end: int
    scope: str | None
    noun: str
    """The unit word as written ("bullet points", "tips"), so an item count can name what it counts."""
    capped: bool = False
    """A cap on things the assistant does or gives ("max 10 comments per PR", "stop after 8 searches"): its noun
    phrase is `scope`, and the reply's own length is not limited by it."""
    rest_free: bool = False
    """The limit names one part and the text says the rest of the reply is not limited by it."""


def _unit_of(match: re.Match[str], prefix: str) -> tuple[LimitUnit, str]:
    for name, value in match.groupdict().items():
        if name.startswith(prefix) and value is not None:
            return name[len(prefix) :], value  # type: ignore[return-value]
    raise ValueError("no unit group matched")


def _bounds(kind: Bound | None, unit: LimitUnit, n1: int, n2: int | None) -> tuple[int | None, int | None, int | None]:
    """(minimum, maximum, exact) for a cue kind and its number(s)."""
    if n2 is not None and n2 > n1:
        return n1, n2, None
    if kind == "max":
        return None, n1, None
    if kind == "min":
        return n1, None, None
    if kind == "exact":
        return None, None, n1
    # A bare count: structural units are counted exactly ("in 3 sentences"); word and character counts are
    # budgets ("a 150-word bio").
    if unit in ("words", "characters", "tokens"):
        return None, n1, None
    return None, None, n1


def _cue_before(text: str, start: int) -> tuple[Bound | None, int]:
    """The cue kind in the words just before a number ("at most", "keep it under", "don't use more than"), and
    where the cue starts."""
    window_start = max(0, start - 48)
    words = [(m.group(0).lower(), m.start()) for m in _WINDOW_WORD.finditer(text, window_start, start)]
    found = _cue_in(words)
    if found[0] is None and words and words[-1][0] in _RANGE_OPENERS:
        found = _cue_in(words[:-1])
        if found[0] is None:
            return None, words[-1][1]
    if found[0] is None and words and words[-1][0] in _APPROXIMATE:
        # "keep it short like 2 sentences", "about 3 bullets": a rough count is a budget, not an exact count
        return "max", words[-1][1]
    return found if found[0] is not None else (None, start)


# a frequency right before a bare count: the size of what comes in, not a length for the reply ("Replies are 2 to 4
# sentences" states one)
_DESCRIBED_SIZE = re.compile(
    r"\b(?:sometimes|often|usually|typically|occasionally|mostly|generally)\s+$",
    re.IGNORECASE,
)
# "non dare mai la traduzione completa di una frase", "the meaning of one sentence": a bare count after the text the
# assistant works on (its translation, meaning, analysis) says how big that text is, not how long the reply is
_WORKED_TEXT_OF = re.compile(
    r"\b(?:translations?|meaning|sense|analysis|structure|subject|main\s+verb|traduzion[ei]|significato|senso|analisi|"
    r"struttura|soggetto|traducci[oó]n(?:es)?|significado|sentido|an[aá]lisis|estructura|sujeto|traductions?|sens|"
    r"analyse|sujet|[üu]bersetzung(?:en)?|bedeutung|struktur|tradu[çc](?:[ãa]o|[õo]es)|vertaling(?:en)?|betekenis)"
    r"(?:\s+(?:full|complete|whole|entire|literal|word-for-word|completa|intera|entera|literal|complète|entière|"
    r"letterale|literale|vollständige|komplette|ganze|inteira|volledige|hele))?\s+"
    r"(?:of|di|de|d['’]|del|della|dello|dell['’]|des|do|da|van|von|eines|einer)\s*$",
    re.IGNORECASE,
)
_APPROXIMATE = frozenset({"like", "about", "around", "roughly", "approximately", "approx", "ca", "circa", "~"})


def _cue_in(words: list[tuple[str, int]]) -> tuple[Bound | None, int]:
    """The cue that the word list ends with, if any, and where it starts."""
    if words and words[-1][0] in ("<=", "≤", "<"):
        return "max", words[-1][1]
    if words and words[-1][0] in (">=", "≥", ">"):
        return "min", words[-1][1]
    for size in (4, 3, 2, 1):
        if len(words) < size:
            continue
        phrase = " ".join(word for word, _ in words[-size:])
        kind: Bound | None = None
        if phrase in _MAX_CUES:
            kind = "max"
        elif phrase in _MIN_CUES:
            kind = "min"
        elif phrase in _EXACT_CUES:
            kind = "exact"
        if kind is None:
            continue
        cue_start = words[-size][1]
        before = {word for word, _ in words[max(0, len(words) - size - 4) : len(words) - size]}
        # "don't use more than 3 bullets" is a maximum; "never fewer than 100 words" a minimum.
        if kind in ("max", "min") and before & _NEGATORS and phrase.startswith(_FLIPPED):
            kind = "min" if kind == "max" else "max"
        return kind, cue_start
    if words and words[-1][0] in _KEEP_TAIL and any(w in ("keep", "limit", "cap") for w, _ in words[-5:-1]):
        keep = next(pos for w, pos in words[-5:] if w in ("keep", "limit", "cap"))
        return "max", keep
    return None, 0


# "5 name ideas", "10 multiple-choice questions": a count of things with one or two words naming their kind.
_CORE_ITEMS = re.compile(
    rf"(?P<n1>{NUMBER})(?P<n2>)?\s+(?:[a-z][\w-]*\s+){{1,2}}?(?P<u_items>ideas|options|suggestions|examples|questions|"
    rf"titles|names|headlines|taglines|tips|tags|hashtags|keywords|variations|versions|alternatives|drafts|"
    rf"recommendations|reasons|steps)\b(?P<post_max>)?(?P<post_min>)?",
    re.IGNORECASE,
)
_PUNCTUATION = str.maketrans(dict.fromkeys(".,;:!?()[]{}\"'`*/-–—<>=|#\n\t", " "))
_DIGITS = re.compile(r"[\d０-９]+")


def _number_starts(text: str) -> list[int]:
    """Where number tokens start: digits or number words (found by a set intersection first: fast)."""
    starts = [
        match.start()
        for match in _DIGITS.finditer(text)
        if match.start() == 0 or not (text[match.start() - 1].isalnum() or text[match.start() - 1] in "._")
    ]
    lowered = text.lower()
    present = NUMBER_WORDS.intersection(lowered.translate(_PUNCTUATION).split())
    for word in present:
        index = lowered.find(word)
        while index != -1:
            end = index + len(word)
            before_ok = index == 0 or not lowered[index - 1].isalnum()
            after_ok = end == len(lowered) or not lowered[end].isalnum()
            if before_ok and after_ok:
                starts.append(index)
            index = lowered.find(word, end)
    if present:
        starts.sort()
    return starts


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
    number = _DIGITS.search(text, start, end)
    words = _SENTENCE_WORD_UNITS.search(text[start : end + 14])
    return (
        number is not None
        and words is not None
        and int(number.group(0)) <= _SENTENCE_SIZED_WORDS
        and _IN_TOTAL_AFTER.match(text, end) is None
    )


# "then a single line starting "Note:" of no more than 25 words": the size of the line the quoted label opens.
_OPENED_BY_LABEL = (
    r"(?:that\s+)?(?:starting|beginning|starts|begins|opening)\s+(?:with\s+)?"
    r"[\"“'‘`](?P<label>[^\"”'’`\n]{1,30})[\"”'’`]"
)
_LABELLED_LINE_BEFORE = re.compile(
    rf"\bline\s+{_OPENED_BY_LABEL}\s*(?:(?:of|with|in|and|that\s+is|,)\s+)?"
    r"(?:(?:at\s+most|no\s+more\s+than|up\s+to|max(?:imum)?|under|less\s+than|fewer\s+than)\s+)?$",
    re.IGNORECASE,
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
    if _FEEDBACK_BEFORE.search(before):
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


_AND_BEFORE = re.compile(r"\band\s+$")
_BARE_EACH_AFTER = re.compile(r"\s*each\b(?!\s+(?!(?:and|or|but|then)\b)[a-z])", re.IGNORECASE)
_STRENGTH_POINTS = re.compile(
    r"\s+(?:forts?|faibles?|positifs?|n[ée]gatifs?|d'am[ée]lioration|[àa]\s+am[ée]liorer|fuertes|d[ée]biles|positivos|"
    r"negativos|de\s+mejora|fortes|fracos|de\s+melhoria|di\s+forza|deboli|forti|sterke|zwakke|starke|schwache)\b",
    re.IGNORECASE,
)
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
_LOWER_BARE_PART = re.compile(rf"^\s*(?:[-*•]\s*)?(?:the\s+)?(?P<part>{'|'.join(_PART_NOUNS)})\s+$")
_SIZE_AFTER = re.compile(
    r"(?:max(?:imum)?\.?|under|at\s+most|up\s+to|no\s+more\s+than|≤)\s*\d+\s*(?:words?|characters?|chars?|sentences?)\b",
    re.IGNORECASE,
)


def _singular(noun: str) -> str:
    """ "summaries" -> "summary", "boxes" -> "box", "captions" -> "caption"; a singular noun stays ("heading")."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if re.search(r"(?:x|ch|sh|ss)es$", noun):
        return noun[:-2]
    return noun[:-1] if re.search(r"[^su]s$", noun) else noun


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
    if heading is None:
        return None
    part = " ".join(heading.group("part").lower().split())
    if part in _SEQUENCE_WORDS or (bare is not None and (part in _NOT_BARE_PARTS or part.endswith("ly"))):
        return None  # "then max 3 bullets", "each max 50 characters", "give exactly 3 options": no part named
    if bare is not None and re.search(r"[^su]s$", part) and part not in _WHOLE_REPLY_HEADINGS:
        return f"each {_singular(part)}"  # "Captions max 150 characters": every caption
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
# A clause about one key of the reply's JSON: "next_step is …", "summary_en: …", "reasonCode must …".
_KEY_LEAD = re.compile(
    r"\s*[\"'`]?(?P<key>[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]+)+)[\"'`]?\s*(?:is|should|must|has|:|=)\s"
)
_CLAUSE_START = re.compile(r"[。．！？.!?;；\n]")


def _language_lead(text: str, start: int) -> str | None:
    """ "replies in Japanese" when the clause of a limit opens with the languages it is for, else None."""
    opening = max((m.end() for m in _CLAUSE_START.finditer(text, 0, start)), default=0)
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


# "Sidebar blurbs are exactly one sentence. Main-column blurbs can be up to 60 words.": a clause whose subject is a
# kind of the reply's pieces, qualified by a word the brief uses to tell them apart, limits that kind only.
_QUALIFIED_SUBJECT = re.compile(
    r"\s*(?!(?:all|the|your|our|my|their|its|these|those|any|every|each|most|some|both|other|such|short|long|longer|"
    r"shorter|final|typical|good|normal|standard)\b)(?P<part>[A-Za-z][\w-]*\s+[a-z][a-z-]*s)\s+(?:are|can\s+be|"
    r"must\s+be|should\s+be|may\s+be|need\s+to\s+be|stay|get|have)\s+(?:(?:at\s+most|up\s+to|under|exactly|"
    r"no\s+more\s+than|max(?:imum)?|only|just|always)\s+)?$",
    re.IGNORECASE,
)


_EACH_AS = re.compile(
    # ("- each finding on one line: [SEVERITY] file:LINE - fix": a list's rule opens with "each" just the same)
    r"(?:\b(?:format|write|put|keep|give|make|return)\s+|(?:^|[.;:\n(]|[-*•])\s*)each\s+(?P<noun>[a-z]+)\s+(?:as|on|in|to|into)\s+(?:exactly\s+|just\s+)?(?:a\s+)?$",
    re.IGNORECASE,
)


_WRITE_VERB = (
    r"\b(?:write|writes|writing|draft|drafts|drafting|create|creates|generate|generates|compose|produce|turn)\b"
)


def _asked_to_write(text: str, noun: str) -> bool:
    """Whether the brief asks the assistant to write pieces of this kind ("Draft social posts", "write replies")."""
    stem = re.escape(noun.lower().rstrip("s"))
    # ("write responses to Google reviews": the reviews are what arrives, not what is written)
    gap = r"(?:(?!(?:to|for|from|on|about|of|in)\b)[\w'’-]+\s+){0,4}?"
    return re.search(rf"{_WRITE_VERB}\s+{gap}{stem}s?\b", text, re.IGNORECASE) is not None


_BARE_SUBJECT = re.compile(
    r"\s*(?:the\s+|our\s+|my\s+|these\s+)?(?P<noun>[a-z]+s)\s+(?:are|can\s+be|must\s+be|should\s+be|may\s+be|run|stay)\s+"
    r"(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)


def written_piece_scope(text: str, start: int) -> tuple[bool, str | None]:
    """For a limit read as the input's size: (True, scope) when its clause's subject is a kind of piece the brief asks
    the assistant to write ("Draft social posts … Facebook posts can be up to 80 words" -> "facebook posts"; "Write
    LinkedIn posts … Posts are usually around 150 words" -> the whole reply), else (False, None)."""
    qualified = _qualified_subject(text, start)
    if qualified is not None and _asked_to_write(text, qualified.split()[-1]):
        return True, qualified
    opening = max((m.end() for m in _CLAUSE_START.finditer(text, 0, start)), default=0)
    bare = _BARE_SUBJECT.fullmatch(text, opening, start)
    if bare is not None and _asked_to_write(text, bare.group("noun")):
        return True, None
    return False, None


def _qualified_subject(text: str, start: int) -> str | None:
    """ "sidebar blurbs" when the limit's clause opens with a qualified kind of piece ("Sidebar blurbs are …")."""
    opening = max((m.end() for m in _CLAUSE_START.finditer(text, 0, start)), default=0)
    match = _QUALIFIED_SUBJECT.fullmatch(text, opening, start)
    if match is None:
        return None
    first, noun = match.group("part").lower().split()
    if first in _REPLY_NOUNS or (not _SCOPE_NOUN.match(noun.rstrip("s")) and noun not in _REPLY_NOUNS):
        return None
    return f"{first} {noun}"


# A length in brackets after the written work that is marked or checked: the size of what arrives ("practice essays
# (task 2, 100-120 words)", "redacciones de práctica (tarea 2, 100-120 palabras)").
_GRADED_ASIDE = re.compile(
    r"\b(?P<noun>essays?|compositions?|redacci(?:ón|ones)|rédactions?|dissertations?|aufs[äa]tze?|temi|elaborati|"
    r"opstel(?:len)?|redaç(?:ão|ões)|submissions?|assignments?|homework|deberes|devoirs)\b[^()\n]{0,40}\([^()\n]{0,30}$",
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


def _scope(text: str, start: int, end: int, previous: LimitUnit | None) -> str | None:
    """What a limit applies to when the text narrows it ("each bullet", "per item", "the title"); None for the
    whole reply."""
    window = text[max(0, start - 60) : start]
    # ("Draft social posts … Facebook posts can be up to 80 words": a piece it writes, re-read with the whole brief
    # by `written_piece_scope`, since this clause alone cannot tell)
    input_noun = _INPUT_BEFORE.search(window)
    if input_noun is not None and not _asked_to_write(text, input_noun.group("noun")):
        return INPUT_SCOPE
    if _DESCRIBED.search(window) and ("(" in window or input_noun is not None):
        return INPUT_SCOPE  # "the ops log (a plain-text dump, usually 100-300 lines)": what arrives, told as a habit
    graded = _GRADED_ASIDE.search(window)
    if graded is not None and not _asked_to_write(text, graded.group("noun")):
        return INPUT_SCOPE  # "un corrector para las redacciones del DELE B1 (tarea 2, 100-120 palabras)"
    languages = _language_lead(text, start)
    if languages is not None:
        return languages
    counted = _COUNTED_ON_ONE_LINE.search(text, max(0, start - 120), start)
    if re.search(r"\beach\s+(?:on|in)\s+$", text[max(0, start - 12) : start], re.IGNORECASE):
        counted = None  # "Give 5 names, each on one line": one line for each, not one for all
    if counted is not None and re.match(r"(?:one|a\s+single|1)\s+line\b", text[start:end], re.IGNORECASE):
        return f"the {counted.group('noun').lower()}"  # "Exactly 13 tags, …, comma separated on one line"
    slot = _TEMPLATE_SLOT.search(window)
    if slot is not None and not _SPEC_LABEL.fullmatch(slot.group("label").strip()):
        return f'the "{slot.group("label").strip()}" line'  # "Top strength: (one sentence)" in a template
    noted = _NOTED_PART.search(window)
    if noted is not None:
        return f"the {noted.group('noun').lower()}"  # "label | reason (reason max 12 words)": the reason's limit
    opening = max((m.end() for m in _CLAUSE_START.finditer(text, 0, start)), default=0)
    key = _KEY_LEAD.match(text, opening, start)
    if key is not None:
        return f"the {key.group('key')} field"  # "next_step is ONE thing …, max 25 words": that field's value
    qualified = _qualified_subject(text, start)
    if qualified is not None:
        return qualified
    each_as = _EACH_AS.search(text, max(0, start - 60), start)
    if each_as is not None:
        return (
            f"each {each_as.group('noun').lower()}"  # "Format each comment as one line": every comment, not the reply
        )
    under_each = _UNDER_EACH_PART.match(text, end)
    if under_each is not None:
        # "max 5 bullets under each heading": per section, not for the whole reply; "for each category": per category
        noun = under_each.group("noun").lower()
        heading = noun.startswith(("head", "überschrift", "encabezad", "titre", "kopje"))
        singular = _FOREIGN_SCOPE_NOUNS.get(noun, _singular(noun))
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
        if counted is not None and _SCOPE_NOUN.match(counted.group("noun")):
            return f"each {counted.group('noun').lower()}"
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
    near = _SCOPE_AFTER.match(text, end) or _SCOPE_BEFORE.search(text[max(0, start - 40) : start])
    if near is None:
        return named_part(text, start, end)
    noun = (near.group("noun") or "").lower()
    if noun in _REPLY_NOUNS:
        return None  # "per reply", "par réplique": the reply itself
    noun = _FOREIGN_SCOPE_NOUNS.get(noun, noun)  # "pro Satz", "por frase": each sentence
    if noun and not _SCOPE_NOUN.match(noun) and (len(noun) < 4 or _NOT_A_PART.match(noun)):
        noun = ""  # "per judgment", "pour chaque arrêt" name the part; "per day", "per user" a rate
    if not noun:
        noun = _noun_before(text, start) or (previous[:-1] if previous else "item")
    return f"each {noun}"


# A template line's slot sized in brackets ("Top strength: (one sentence)", "Work on: [max 20 words]"): the size of
# that line's value, not of the whole reply.
_TEMPLATE_SLOT = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*•][ \t]*)?(?P<label>[^\W\d_][\w &/'’-]{0,40}?)[ \t]*:[ \t]*[(\[<][ \t]*$"
)


_IDENTIFIER_SIZE = re.compile(
    r"\b(?:vins?|ibans?|skus?|zips?|pins?|ids?|codes?|post\s?codes?|zip\s+codes?|numbers?|references?|refs?|keys?|"
    r"tokens?|serials?|plates?|isbns?|ean|upc)\s+(?:is|are|has|have)\s+(?:always\s+|exactly\s+)?$",
    re.IGNORECASE,
)
# "4 letters then 7 digits", "two letters followed by six numbers", "3 letras y 4 dígitos": a count of letters beside
# a count of digits spells how a code is written (a field's format), never a length of the reply or the field. A
# count of "characters" is a code's part only in a sequence ("2 characters then 6 digits"): "15 characters max, 2
# numbers at most" and "8 characters, 2 digits at the end" are a handle's length, then how many digits it holds.
_DIGIT_PART = r"(?:digits?|numbers?|numerals?|d[íi]gitos?|n[úu]meros?|ziffern?|zahlen|chiffres?|cifre|cijfers?)"
_LETTER_PART = r"(?:letters?|letras?|buchstaben|lettres?|lettere)"
_CODE_JOIN = (
    r"\s*(?:,|\+|&|/)?\s*(?:(?:and|then|and\s+then|followed\s+by|plus|y|luego|seguid[oa]s\s+de|e|depois|"
    r"und|dann|gefolgt\s+von|et|puis|suivi(?:e)?s\s+de|poi|seguit[ie]\s+da|en|dan|gevolgd\s+door)\s+)?"
)
_SEQUENCE_JOIN = (
    r"\s*,?\s*(?:then|and\s+then|followed\s+by|luego|seguid[oa]s\s+de|depois|dann|gefolgt\s+von|puis|"
    r"suivi(?:e)?s\s+de|poi|seguit[ie]\s+da|dan|gevolgd\s+door)\s+"
)
_LETTER_LIMIT = re.compile(rf"\b{_LETTER_PART}\b", re.IGNORECASE)
_CODE_PART_AFTER = re.compile(rf"{_CODE_JOIN}(?:{NUMBER})\s*{_DIGIT_PART}\b", re.IGNORECASE)
_CODE_PART_BEFORE = re.compile(rf"(?:{NUMBER})\s*{_DIGIT_PART}{_CODE_JOIN}$", re.IGNORECASE)
_SEQUENCE_AFTER = re.compile(rf"{_SEQUENCE_JOIN}(?:{NUMBER})\s*{_DIGIT_PART}\b", re.IGNORECASE)
_SEQUENCE_BEFORE = re.compile(rf"(?:{NUMBER})\s*{_DIGIT_PART}{_SEQUENCE_JOIN}$", re.IGNORECASE)


def _code_pattern(text: str, start: int, end: int) -> bool:
    """Whether a count of letters (or characters, in a sequence) is one part of a code's pattern beside a count of
    digits ("4 letters then 7 digits"); two lengths side by side ("30 characters, 90 characters") are no code."""
    before = text[max(0, start - 40) : start]
    if _LETTER_LIMIT.search(text, start, end):
        return bool(_CODE_PART_AFTER.match(text, end) or _CODE_PART_BEFORE.search(before))
    return bool(_SEQUENCE_AFTER.match(text, end) or _SEQUENCE_BEFORE.search(before))


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
    known = _SCOPE_NOUN.match(noun) or (match.group(0).rstrip().lower().endswith("each") and len(noun) >= 3)
    return noun if known and f"{noun}s" not in _REPLY_NOUNS else None


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
    numbers = _number_starts(text[start:end])
    before = parts.part_before(text, start + numbers[0] if numbers else start)
    if before is None:
        return None
    name, always = before
    return name if always or released or parts.other_parts(text, start, end) else None


def _rest_free(text: str, found: FoundLimit) -> bool:
    """A named part's limit whose sentence frees the rest, or a language version beside another language."""
    if found.scope is None or not found.scope.startswith("the ") or found.scope == INPUT_SCOPE:
        return False
    if found.scope.endswith(" version"):
        return parts.names_other_language(text, found.scope)
    return parts.releases(parts.sentence_of(text, found.start, found.end))


def _part_of_token(text: str, position: int) -> bool:
    """A number inside "24/7", "v2.3" or "1-888-555" is part of a name or a code, never a count."""
    return position > 0 and text[position - 1] in "/.-" and position > 1 and text[position - 2].isalnum()


# "max 10 comments per PR", "at most 3 alternative flights", "stop after 8 searches", "höchstens 4 Schritte".
_CAP = re.compile(
    rf"\b(?:at\s+most|max(?:imum)?\.?|up\s+to|no\s+more\s+than|not\s+more\s+than|never\s+more\s+than|"
    rf"stop\s+after|limit\s+(?:yourself|it|them)\s+to|a\s+maximum\s+of|höchstens|maximal|como\s+máximo|máximo|"
    rf"au\s+plus|no\s+máximo|no\s+más\s+de)\s+(?P<n1>{NUMBER})\s+"
    r"(?P<noun>(?!(?:minutes?|hours?|days?|weeks?|months?|years?|seconds?|dollars?|euros?|cents?|pence|pounds?|"
    r"percent|times|km|miles|kg|"
    r"people|persons?|users?|customers?|minuten|stunden|tage|jahre|minutos|horas|días|jours|heures)\b)"
    r"[^\W\d_][\w-]*(?:\s+(?!and\b|or\b|to\b|in\b|with\b|per\b)[^\W\d_][\w-]*)?(?:\s+per\s+[^\W\d_][\w-]*)?)",
    re.IGNORECASE,
)
_CAP = prefiltered(_CAP)  # the same matches, found sooner (see app.engine.fastre)


_FOREIGN_CAP = re.compile(r"\b(?:máximo|höchstens|maximal|au\s+plus|no\s+más\s+de|massimo|maximaal)\b", re.IGNORECASE)
_FOREIGN_CAP = prefiltered(_FOREIGN_CAP)  # the same matches, found sooner (see app.engine.fastre)
_CAP_TWINS, _FOREIGN_CAP_TWINS = Twins(_CAP), Twins(_FOREIGN_CAP)  # ASCII mode for a plain text: sooner still
_CAP_KEYS = (
    "most", "max", "up to", "more than", "stop after", "limit", "höchstens", "maximal", "máximo", "au plus", "más de",
)  # fmt: skip


# "£25 for up to 3 items", "free for up to 2 kids", "€10 per 5 kg", "9 $ a month for up to 5 users": a count after a
# price or "free" says what the offer covers; it does not limit the reply.
_OFFER_BEFORE = re.compile(
    r"(?:[£$€¥]\s?\d[\d.,]*|\d[\d.,]*\s?(?:[£$€¥]|eur(?:os?)?\b|dollars?\b|pounds?\b|usd\b|gbp\b|chf\b|pesos?\b|"
    r"reais\b|francs?\b)|\b(?:free|gratis|gratuit[oae]?s?|kostenlos|umsonst|gratuitement|gratuitamente))"
    r"(?:\s+(?:a|an|per|each|por|pro|par|al|à)\s+\w+|\s+each|\s+cada\s+\w+)?[\s,]*"
    r"(?:for|per|für|pour|por|para|voor|a|à)\s+(?:(?:up\s+to|at\s+most|max(?:imum)?\.?|bis\s+zu|jusqu['’]à|hasta|"
    r"até|fino\s+a|tot|maximal|au\s+plus)\s+)?$",
    re.IGNORECASE,
)


def _offer_count(text: str, position: int) -> bool:
    """Whether the count at `position` follows a price or "free" ("£25 for up to 3 items")."""
    return _OFFER_BEFORE.search(text[max(0, position - 60) : position]) is not None


_PER_REPLY = re.compile(
    r"\b(?:per|in\s+(?:each|every|one|a|your))\s+(?:reply|answer|message|response|turn|"
    r"(?:email|post)\b(?!\s+(?:address|account|confirmation|id)\b))\b",
    re.IGNORECASE,
)
# Quantities of the business a cap can bound (a stay, a boat, a group, a loan); never the reply's parts.
_BUSINESS_QUANTITIES = frozenset(
    """nights night days day hours hour weeks week months month years year minutes minute m cm mm km kg g lb lbs ft
    feet metres meters metre meter miles mile people persons guests adults children kids pupils participants
    passengers seats rooms tickets bookings reservations instalments installments percent euros eur dollars usd pounds
    gbp litres liters boats cars vehicles bikes attendees pets animals dogs cats appointments nächte tage stunden
    personen noches días horas personas nuits
    jours heures personnes noites dias horas pessoas notti giorni ore persone nachten dagen uur personen""".split()  # noqa: SIM905
)


def _capped_counts(text: str, found: list[FoundLimit]) -> list[FoundLimit]:
    """Caps on counted things that no unit limit already covers."""
    lowered = text.lower()
    if not any(key in lowered for key in _CAP_KEYS):
        return []
    plain = is_plain(text)
    if _FOREIGN_CAP_TWINS.get(plain).search(text):
        return []  # "Máximo 2 reservas por socio y semana": a business rule in the brief's words, carried whole
    capped: list[FoundLimit] = []
    for match in _CAP_TWINS.get(plain).finditer(text):
        n1 = parse_number(match.group("n1"))
        if n1 is None or n1 <= 0 or any(f.start <= match.start("n1") < f.end for f in found):
            continue
        if _offer_count(text, match.start("n1")):
            continue
        noun = match.group("noun").strip()
        per_reply = _PER_REPLY.search(text, match.start("noun"), min(len(text), match.end() + 30))
        if noun.split()[0].lower().strip(".,;:") in _BUSINESS_QUANTITIES and not per_reply:
            continue  # "visitor berths max 7 nights per booking", "up to 15 m": a rule of the business, not the reply
        thing = _COUNTED_BEFORE.match(text[: match.start()]) if noun.lower().startswith("per ") else None
        if thing is not None:
            # "Emojis are fine, at most one per message", "hashtags: at most three per post": the clause's own
            # plural noun is what is counted
            counted = thing.group("thing").lower()
            noun = f"{_singular(counted) if n1 == 1 else counted} {noun}"
        capped.append(FoundLimit("items", None, n1, None, match.start(), match.end(), noun, noun, capped=True))
    return capped


_ITEM_GIVEN = re.compile(
    r"\s+or\s+(?:a\s+|one\s+)?(?:short\s+|simple\s+)?(?:word|sentence|phrase|letter|sound|number)s?\b[^.;\n]{0,20}?"
    r"\bat\s+a\s+time\b",
    re.IGNORECASE,
)
_PACE = re.compile(
    r"\s+(?:at\s+a\s+time|a\s+la\s+vez|auf\s+einmal|"
    r"à\s+la\s+fois|de\s+cada\s+vez|por\s+vez)\b",
    re.IGNORECASE,
)


# "SUMMARY: 事件经过,不超过80字": a layout line (or clause) opened by a Latin label, whose limit is that line's
_LATIN_LINE_LABEL = re.compile(r"(?<![A-Za-z0-9_])(?P<label>[A-Z][A-Z_]{1,30})[ \t]*[:：][^\n。；;]*$")


def _latin_line_label(text: str, start: int) -> str | None:
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


# ("righe CHECK per scheda", "lines NOTE per menu": a label, then what the count is per, or the clause's end)
_LABEL_AFTER_LINES = re.compile(
    r"""\s+["'“«]?(?P<label>[A-Z][A-Z_]{2,})\b["'”»]?(?!\s*:)"""
    r"(?=\s+(?:per|pro|par|por|each|for|in|at|di|de|du|van|pour|para|a|al)\b|\s*[.;)]?\s*$)"
)
_EMPHASIS = frozenset(
    {"TOTAL", "MAX", "MAXIMUM", "MIN", "MINIMUM", "ONLY", "EACH", "PER", "ALL", "NOT", "NO", "MORE", "LESS", "TOPS",
     "EXACTLY", "AND", "OR", "MAXIMAL", "MÁXIMO", "MASSIMO", "JUST", "PLEASE", "PLS", "ALWAYS", "NEVER", "STRICT",
     "HARD", "ABOUT", "APPROX", "OK", "FIRM", "LONG", "SHORT", "MAXI"}
)  # fmt: skip
# "they run 6 lines", "we have 3 branches": what someone owns or runs, counted by a verb right before the number
_HELD_COUNT = re.compile(
    # (not "you have 280 characters", "it has 2 lines at most": the room the reply has)
    r"\b(?:they|we|he|she|who)(?:'ve|\s+(?:still\s+|also\s+|now\s+|already\s+)?"
    r"(?:run|runs|have|has|had|own|owns|operate|operates|manage|manages|employ|employs|use|uses|got))\s+"
    r"(?:\d+\s+[a-z]+\s*(?:,|and|&)\s*)*(?:about\s+|around\s+|over\s+|only\s+|just\s+)?$",
    re.IGNORECASE,
)
# "Essays with 7 lines or fewer get a zero", "Texto com 7 linhas ou menos": a clause that opens with what arrives
# and its size is a condition on that input, not a length for the reply
_INPUT_WITH = re.compile(
    r"(?:^|[\n.;:(]\s*|[-*•]\s+)(?:(?:the|a|an|any|o|um|uma|el|un|una|le|la|les|un|une|der|die|das|ein|eine|il|lo)\s+)?"
    r"(?:texts?|essays?|submissions?|answers?\s+from\s+students|textos?|redaç(?:ão|ões)|reda[cç][aã]o|redacci(?:ón|ones)|"
    r"textes?|rédactions?|testi|testo|temi|aufsätze|aufsatz|texte|tickets?|messages?|reviews?|documents?)\s+"
    r"(?:with|com|con|avec|mit)\s+(?:(?:at\s+most|fewer\s+than|less\s+than|more\s+than|over|under|only|"
    r"menos\s+de|mais\s+de|más\s+de|moins\s+de|plus\s+de|weniger\s+als|mehr\s+als)\s+)?$",
    re.IGNORECASE,
)
# "… get a score of zero", "…: NOTA FINAL: 0/1000", "→ reject": what a case leads to, after its condition
_CONDITION_RESULT = re.compile(
    r"[:→=]|->|\b(?:get|gets|receive|receives|score|scores|are\s+(?:marked|scored|graded|rejected)|"
    r"is\s+(?:marked|scored|rejected)|recebe\w*|obt[ie]ene?\w*|erh[äa]lt\w*|bekomm\w*|re[çc]oi\w*|ricev\w*|"
    r"krijg\w*|nota|zero|null)\b",
    re.IGNORECASE,
)


def _rest_of_line(text: str, position: int) -> str:
    """The text after a position up to the end of its sentence or line."""
    end = re.search(r"[.;!?\n]", text[position:])
    return text[position : position + end.start()] if end is not None else text[position:]


_SESSION_POINT = re.compile(
    r"\b(?:after|once|when|every|nach|después\s+de|tras|après|depois\s+de|apos|após)\s+(?:the\s+)?$", re.I
)


# A Romance-language noun followed by its adjective ("un mot difficile", "palabras técnicas", "parole nuove")
# counts qualified words; a reply length is followed by a preposition, "maximum" or the end of the clause.
_ROMANCE_WORD_NOUNS = frozenset({"mot", "palabra", "palavra", "parola", "parole"})
_QUALIFIED = re.compile(
    r"\s+(?!(?:par|pour|por|para|per|pro|au|aux|en|de|des|du|da|do|di|del|dans|max|maximum|máximo|maximo|massimo|"
    r"minimum|mínimo|minimo|au\s+plus|ou|o|et|e|y|ed|chacun\w*|cada|ogni|ni|no|non|ne|pas|por)\b)[^\W\d_]{3,}",
    re.IGNORECASE,
)


_DELIVERABLES = re.compile(
    r"(?:options|variants|versions|ideas|suggestions|headlines|titles|captions|names|taglines|drafts|alternatives|"
    r"subject\s+lines|hooks|slogans|posts|tweets)"
)


_COUNTED_BEFORE = re.compile(
    r"\s*(?:[-*•]\s*)?(?P<thing>[A-Za-z][\w-]*s)\b(?:\s+(?:are|is)\s+(?:fine|ok|okay|allowed|welcome|good)\s*,?|\s*:)\s*"
    r"(?:but\s+|just\s+|only\s+)?$",
    re.IGNORECASE,
)


_RULES_FOR_PART = re.compile(
    r"\b(?:rules|regels|reglas|règles|regeln|regole|regras)\s+(?:for|voor|para|pour|für|per|do|da)\s+"
    r"(?:(?:the|het|de|el|la|le|den|die|das|il|lo|o|a)\s+)?"
    # (not the one addressed: "Rules for the bot:", "Regels voor jou:", "Règles pour toi :")
    r"(?!(?:assistant|bot|chatbot|agent|model|ai|you|jou|u|toi|vous|dich|sie|ti|te|voi|vos|você|tu)\b)"
    r"(?P<part>[^\W\d_]{3,20})\s*:[^.;:\n]{0,20}$",
    re.IGNORECASE,
)
_LINE_AFTER_PART = re.compile(
    r"\b(?:after|below|beneath|under)\s+(?:the|those|these|your|all)\s+[\w-]+\s*,?\s*(?:add\s+|write\s+|put\s+)?$|"
    r"\b(?:underneath|below|after)\s+(?:them|those|these|it)\s*,?\s*$|\bat\s+the\s+(?:end|bottom)\s*,?\s*$|"
    r"\b(?:close|end|finish)\s+with\s*$|"
    # ("6 bullets, then one line: …", not "Read the diff, then one line: APPROVE …": the whole reply)
    r"\b(?:bullets?|points?|paragraphs?|list|table|summary|sections?)\b[^.\n]{0,30}\b(?:then|followed\s+by|plus)\s+"
    r"(?:add\s+|write\s+)?$",
    re.IGNORECASE,
)
_ONE_LINE = re.compile(r"(?:one|1|a\s+single|a)\s+(?:final\s+|closing\s+|last\s+|extra\s+)?line\b", re.IGNORECASE)


def find_limits(text: str) -> list[FoundLimit]:
    """Every limit stated in `text`, in order of appearance."""
    found: list[FoundLimit] = []
    taken = -1
    for position in _number_starts(text):
        if position < taken:
            continue
        match = _CORE.match(text, position) or _CORE_ITEMS.match(text, position)
        if match is None:
            continue
        n1 = parse_number(match.group("n1"))
        n2 = parse_number(match.group("n2")) if match.group("n2") else None
        if n1 is None or n1 <= 0 or _part_of_token(text, position) or (position > 0 and text[position - 1] in "£$€¥"):
            continue  # "grants of up to £5,000": an amount of money, not a length
        if _offer_count(text, position):
            continue  # "£25 for up to 3 items": what a price covers, not a length
        if _IDENTIFIER_SIZE.search(text, max(0, position - 40), position):
            continue  # "A VIN is 17 characters": what a valid identifier looks like, not a length of the reply
        taken = match.end()
        if _PACE.match(text, match.end()) or _ITEM_GIVEN.match(text, match.end()):
            # "ask one question at a time" paces a conversation; "gives them one word or short sentence at a time
            # to read" is the item of practice it hands over: neither counts the reply's words
            continue
        if _HELD_COUNT.search(text, max(0, position - 40), position):
            continue  # "they run 6 lines, their old printers are dying": a fact about the customer, no length
        if _SESSION_POINT.search(text, max(0, position - 12), position) and _cue_before(text, position)[0] is None:
            continue  # "After 10 words, celebrate and stop": a point in the session, not a length of the reply
        if parts.ordinal_before(text, position):
            continue  # "in the first two sentences, state the problem": a position in the reply, not its length
        if _LINE_AFTER_PART.search(text, max(0, position - 40), position) and _ONE_LINE.match(text, position):
            continue  # "After the bullets, one line: "Votes: " …": one more line after a part, said by its sentence
        unit, noun = _unit_of(match, "u_")
        if unit == "characters" and _code_pattern(text, position, match.end()):
            continue  # "container_no must be 4 letters then 7 digits": the code's pattern, not a length
        if (
            unit == "lines"
            and parse_number(match.group("n1")) == 1
            and _QUOTED_LINE.match(text, match.end())
            and _ADDS_A_LINE.search(text, max(0, position - 40), position)
        ):
            continue  # 'scrivi in fondo una riga "DA VERIFICARE:"': a line to add, with its words, not a length
        if unit == "bullets" and _STRENGTH_POINTS.match(text, match.end()):
            continue  # "2 points forts et 2 conseils": a count of strengths, not the reply's bullets
        if _QUALIFIED.match(text, match.end()) and noun.lower().rstrip("s") in _ROMANCE_WORD_NOUNS:
            continue  # "explique au plus un mot difficile par réponse": a count of hard words, not a length
        if match.re is _CORE_ITEMS:
            noun = text[match.end("n1") : match.end()].strip()
        kind, start = _cue_before(text, position)
        if _INPUT_WITH.search(text, max(0, start - 60), start) and _CONDITION_RESULT.search(
            _rest_of_line(text, position)
        ):
            continue  # "Essays with 7 lines or fewer get a zero": a condition on what arrives, kept by its rule
        if kind is None and (match.group("post_max") or match.group("post_min")):
            kind = "max" if match.group("post_max") else "min"
        # A bare "3 examples" or "5 points" is a count only when asked for ("give 3 examples").
        bare_count = unit == "items" or noun.lower().startswith(("point", "punto"))
        # "give 3 headlines … and 2 descriptions": a count joined to an asked one is asked too
        joined = any(f.exact is not None and f.unit == "items" for f in found) and _AND_BEFORE.search(text, 0, start)
        asked = bool(joined or _ASKED_COUNT.search(text, max(0, start - 40), start))
        # "ig captions for Moo-Less. 3 options, under 150 chars each": a spec fragment that opens with a count of
        # things to deliver asks for them
        asked = (
            asked
            or (
                n1 <= 20  # "120 questions, all about shipping": a size of the material, not a count to deliver
                and _DELIVERABLES.fullmatch(noun.lower()) is not None
                and text[max(0, start - 40) : start].rstrip()[-1:] in ("", ".", ";", ":", "(")
                and re.match(r"\s*(?:[,;]|$)", text[match.end() : match.end() + 4]) is not None
            )
        )
        if kind is None and n2 is None and bare_count and not asked:
            continue
        if kind is None and n2 is None and _DESCRIBED_SIZE.search(text, max(0, position - 24), position):
            continue  # "families send in … sometimes 900 words about the guy's bass boat": what arrives, no limit
        if kind is None and n2 is None and _WORKED_TEXT_OF.search(text, max(0, position - 60), position):
            continue  # "never give the full translation of one sentence": the size of the text worked on, no limit
        minimum, maximum, exact = _bounds(kind, unit, n1, n2)
        previous = found[-1].unit if found else None
        inner = _EACH_INSIDE.search(text, start, position)
        scope = f"each {inner.group('thing').lower()}" if inner else _scope(text, start, match.end(), previous)
        labelled_lines = _LABEL_AFTER_LINES.match(text, match.end()) if unit == "lines" else None
        if labelled_lines is not None and (
            kind == "min" or labelled_lines.group("label") in _EMPHASIS or labelled_lines.group("label").endswith("LY")
        ):
            labelled_lines = None  # "3 lines TOTAL", "2 lines MAX": emphasis, no label of lines
        if labelled_lines is not None:
            # "Al massimo 2 righe CHECK per scheda": a count of the lines that open with that label, not the reply's
            noun = f"{labelled_lines.group('label')} lines"
            found.append(FoundLimit("lines", None, n1, None, start, labelled_lines.end(), noun, noun, capped=True))
            continue
        limit = FoundLimit(unit, minimum, maximum, exact, start, match.end(), scope, noun)
        found.append(limit._replace(rest_free=_rest_free(text, limit)))
    lowered = text.lower()
    labelled = any(key in lowered for key in (" limit", " count", " max", " cap"))
    for match in _LABELLED.finditer(text) if labelled else ():
        word = match.group("unit_word").lower()
        unit_name = {"char": "characters"}.get(word, word + "s")
        n1 = int(match.group("n1"))
        if not any(f.start <= match.start() < f.end for f in found):
            found.append(FoundLimit(unit_name, None, n1, None, match.start(), match.end(), None, word))  # type: ignore[arg-type]
    found.extend(_capped_counts(text, found))
    if text.isascii():
        found.sort(key=lambda f: (f.start, f.end))
        return found
    for match in _CJK_LIMIT.finditer(text):
        n1 = parse_number(match.group("n1"))
        n2 = parse_number(match.group("n2")) if match.group("n2") else None
        if n1 is None or n1 <= 0 or parts.cjk_ordinal(text, match.start()):
            continue  # "第一句必须写型号": the first sentence's content, not a count of sentences
        unit, noun = _unit_of(match, "c_")
        if _CJK_ORDER_TOPIC.search(text, max(0, match.start() - 12), match.start()):
            continue  # "1回の申込みは10点まで": what one order may hold, a rule of the business, no reply length
        cjk_kind: Bound | None = None
        if match.group("pre_max") or match.group("post_max"):
            cjk_kind = "max"
        elif match.group("pre_min") or match.group("post_min"):
            cjk_kind = "min"
        if (
            cjk_kind is None
            and unit in ("characters", "words")
            and not re.search(r"[内下]", text[match.end() : match.end() + 3])
        ):
            continue
        if cjk_kind is None and unit in ("bullets", "items"):
            continue
        if cjk_kind is None and _CJK_ADDED.search(text, max(0, match.start() - 4), match.start()):
            continue  # "每条回答最后都要加一句：投资有风险…": a sentence to add, not the reply's sentence count
        if unit == "items":
            noun = "entries"  # "最多15条": 条 counts entries of any kind (rows, suggestions, points)
        minimum, maximum, exact = _bounds(cjk_kind, unit, n1, n2)
        if _CJK_RETURNS.search(text[max(0, match.start() - 8) : match.start()]):
            continue  # "run_sql(sql) 执行查询，最多返回 500 行": what a tool returns, not the reply's length
        if unit == "lines" and n1 == 1 and n2 is None and _CJK_PER_LINE_AHEAD.match(text, match.end()):
            continue  # "1行40文字以内": the length of each line, not a one-line reply
        per_item = _CJK_PER_ITEM.search(text[max(0, match.start() - 12) : match.start()])
        if per_item is not None and CJK_PER_MESSAGE.search(text, max(0, match.start() - 16), match.start()):
            per_item = None  # "用简体中文回复，每条不超过 100 字": 每条 is each reply, no item of a list
        before = text[max(0, match.start() - 8) : match.start()]
        scope = (
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
            else _language_lead(text, match.start())
            or parts.cjk_part_before(text, match.start())
            or parts.cjk_part_after(text, match.end())
            or _latin_line_label(text, match.start())
        )
        limit = FoundLimit(unit, minimum, maximum, exact, match.start(), match.end(), scope, noun)
        found.append(limit._replace(rest_free=_rest_free(text, limit)))
    found.sort(key=lambda f: (f.start, f.end))
    return found


_REST_FREE = "the rest of the reply is not limited by this"


def frees_rest(constraint: Constraint) -> bool:
    """Whether a limit on one part says the rest of the reply has no limit (its text says so)."""
    return constraint.kind == "limit" and constraint.text.endswith(f"{_REST_FREE}.")


# "up to 5 bullet points or 3 sentences", "either one sentence or up to 60 words", "3 Sätze oder 50 Wörter"
_OR_BETWEEN = re.compile(
    r"^\s*,?\s*(?:or|o|ou|oder|of|oppure|eller|lub)\s+(?:(?P<carry>up\s+to|at\s+most|max(?:imum)?\.?|hasta|"
    r"máximo|jusqu'à|au\s+plus|até|höchstens|bis\s+zu|fino\s+a)\s+)?$",
    re.IGNORECASE,
)


# "3 sentences or 50 words, whichever is shorter": both limits hold, the stricter wins; no choice between them.
_BOTH_APPLY = re.compile(
    r"\s*,?\s*(?:whichever|which\s?ever)\s+(?:is|comes)\s+(?:shorter|less|fewer|smaller|first|lower)\b|"
    r"\s*,?\s*(?:lo\s+que\s+sea\s+menos|je\s+nachdem\s+was\s+kürzer)",
    re.IGNORECASE,
)


_ENGLISH_OF = re.compile(r"^\s*,?\s*of\s", re.IGNORECASE)
_ENGLISH_NOUN = re.compile(
    r"(?:sentence|paragraph|line|bullet|point|item|word|character|char|token|message|section|page)s?\b", re.IGNORECASE
)


def alternatives(found: list[FoundLimit], text: str) -> list[tuple[int, int]]:
    """Index pairs of limits the brief offers as alternatives ("up to 5 bullet points or 3 sentences, whichever
    fits"): two limits on one scope joined by "or" only."""
    pairs = []
    for index in range(len(found) - 1):
        first, second = found[index], found[index + 1]
        joined = _OR_BETWEEN.match(text[first.end : second.start])
        if joined is not None and _ENGLISH_OF.match(joined.group(0)) and _ENGLISH_NOUN.match(first.noun):
            joined = None  # "one sentence of at most 25 words": the sentence's length (Dutch "3 zinnen of 50 woorden")
        if (
            first.scope == second.scope
            and first.unit != second.unit
            and joined
            and not _BOTH_APPLY.match(text, second.end)
        ):
            pairs.append((index, index + 1))
    return pairs


def carried_bound(first: FoundLimit, second: FoundLimit, text: str) -> FoundLimit:
    """The second of two alternatives with the bound the first states for both ("up to 5 bullets or 3 sentences":
    at most 3 sentences, not exactly 3)."""
    between = _OR_BETWEEN.match(text[first.end : second.start])
    carries = (between is not None and between.group("carry")) or (first.maximum is not None and first.exact is None)
    if second.exact is not None and carries:
        return second._replace(maximum=second.exact, exact=None)
    return second


def describe_either(first: FoundLimit, second: FoundLimit) -> str:
    """One sentence for two limits offered as alternatives: "Keep the reply to at most 5 bullets or at most 3
    sentences, whichever fits the request better."."""
    subject = first.scope or "the reply"
    return f"Keep {subject} to {_bound(first)} or {_bound(second)}, whichever fits the request better."


def _bound(limit: FoundLimit) -> str:
    def unit_word(count: int) -> str:
        return limit.unit[:-1] if count == 1 and limit.unit.endswith("s") else limit.unit

    if limit.exact is not None:
        return f"exactly {limit.exact} {unit_word(limit.exact)}"
    if limit.minimum is not None and limit.maximum is not None:
        return f"between {limit.minimum} and {limit.maximum} {limit.unit}"
    if limit.maximum is not None:
        return f"at most {limit.maximum} {unit_word(limit.maximum)}"
    return f"at least {limit.minimum} {unit_word(limit.minimum or 0)}"


def describe_limit(
    unit: LimitUnit,
    minimum: int | None,
    maximum: int | None,
    exact: int | None,
    scope: str | None,
    noun: str | None = None,
    rest_free: bool = False,
) -> str:
    """The imperative sentence for a limit: "Keep the reply to at most 3 sentences."; counts of named things
    use their noun ("Give exactly 5 name ideas.")."""
    subject = scope if scope else "the reply"
    if scope == INPUT_SCOPE:
        # "the articles can be up to 5,000 words": what arrives, so the model expects it; nothing to keep short
        size = (
            f"exactly {exact}" if exact is not None
            else f"between {minimum} and {maximum}" if minimum is not None and maximum is not None
            else f"up to {maximum}" if maximum is not None
            else f"at least {minimum}"
        )  # fmt: skip
        return f"Expect inputs of {size} {unit}."
    if unit in ("items", "lines") and noun and scope == noun and maximum is not None:
        return f"Keep to at most {maximum} {noun}."
    if unit == "items" and noun and noun.lower() not in ("item", "items"):
        target = f"{scope} " if scope else ""
        if exact is not None:
            return f"Give {target}exactly {exact} {noun}."
        if minimum is not None and maximum is not None:
            return f"Give {target}between {minimum} and {maximum} {noun}."
        if maximum is not None:
            return f"Give {target}at most {maximum} {noun}."
        return f"Give {target}at least {minimum} {noun}."

    def unit_word(count: int) -> str:
        return unit[:-1] if count == 1 and unit.endswith("s") else unit

    if exact == 1 and unit == "lines" and scope and scope.startswith("the ") and scope.endswith("s"):
        return f"Put {subject} on a single line."  # "the tags": several things on one line, not one line each
    if exact is not None:
        return (
            f"Make {subject} exactly {exact} {unit_word(exact)}."
            if scope
            else f"Reply in exactly {exact} {unit_word(exact)}."
        )
    if minimum is not None and maximum is not None:
        return f"Keep {subject} between {minimum} and {maximum} {unit}."
    if maximum is not None:
        rest = f"; {_REST_FREE}" if rest_free and scope else ""
        return f"Keep {subject} to at most {maximum} {unit_word(maximum)}{rest}."
    assert minimum is not None
    return (
        f"Make {subject} at least {minimum} {unit_word(minimum)} long."
        if unit in ("words", "characters", "tokens")
        else f"Write at least {minimum} {unit_word(minimum)}."
    )
