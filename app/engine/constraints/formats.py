"""Required output formats and forbidden formatting: "plain text only", "no markdown, no lists", "return JSON"."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.constraints.code_dialects import DIALECT_BEFORE
from app.engine.constraints.format_nouns import names_a_thing
from app.engine.constraints.negation import in_ranges, negated_ranges
from app.engine.constraints.scoped_links import scoped_link_ban
from app.engine.fastre import prefiltered

# Formatting features a brief can rule out, each with the words that name it (English and the main languages).
FEATURES: tuple[tuple[str, str], ...] = (
    # Before "markdown": "no markdown fences" rules out code fences, not every Markdown feature.
    (
        "code_blocks",
        r"(?:markdown\s+|code\s+)?fences?|fenced(?:\s+code)?(?:\s+blocks?)?|(?:markdown\s+)?code\s+(?:blocks?|fences?)|"
        r"(?:triple\s+)?backticks|bloques\s+de\s+código|codeblöcke|code-?blöcke|codeblocks?|codeblok(?:ken)?|"
        r"blocos?\s+de\s+código",
    ),
    (
        "markdown",
        r"markdown|md\s+formatting|formatting|rich\s+text|bold(?:\s+text)?|italics?|asterisks|formato|formatierung|"
        r"mise\s+en\s+forme|negritas?|negrito|fettdruck|grassetto",
    ),
    (
        "lists",
        # "list them all", "list the stores": the verb asks for the items, it names no format.
        r"(?:bullet(?:ed)?|numbered)\s+(?:points?|lists?)|bullets?|"
        r"lists|list(?!\s+(?:them|it|all|each|every|any|the|their|those|these|your|what|which|out)\b)|listas?|listen|"
        r"aufzählungen?|listes?|lijsten|opsommingen|opsommingstekens|elenchi(?:\s+puntati)?|elenco\s+puntato|"
        r"viñetas|puces|tópicos",
    ),
    ("headings", r"headings?|headers?|section\s+titles|títulos|überschriften|titres|kopjes|tussenkopjes|titoletti"),
    ("emoji", r"emojis?|émojis?|emoticons?|émoticônes?|emotes|smileys?|emojis"),
    ("tables", r"tables?|tablas?|tabellen?|tableaux?|tabelas?"),
    # ("Never link drinking to success": the verb "link" names no link; "do not link to other sites" still bans them)
    ("links", r"links|urls?|hyperlinks?|enlaces|liens|(?<!never\s)(?<!not\s)(?<!n't\s)(?<!\bto\s)link|link(?=\s+to\b)"),
)
# CJK words have no word boundaries around them.
_CJK_FEATURES: dict[str, str] = {
    "markdown": "マークダウン|Markdown", "lists": "箇条書き|列表|项目符号", "headings": "見出し|标题",
    # ("别加emoji和小标题": Latin words inside CJK text have no word boundary; "```" has none anywhere)
    "emoji": "絵文字|表情符号|表情|顔文字|(?<![A-Za-z])emojis?(?![A-Za-z])", "tables": "表格|テーブル",
    "code_blocks": "代码块|コードブロック|```",
    "links": "链接|リンク",
}  # fmt: skip
_FEATURE = re.compile(
    "|".join(f"(?P<{name}>\\b(?:{pattern})\\b|{_CJK_FEATURES[name]})" for name, pattern in FEATURES), re.IGNORECASE
)
_FEATURE = prefiltered(_FEATURE)  # the same matches, found sooner (see app.engine.fastre)
FEATURE_WORDS: dict[str, str] = {
    "markdown": "Markdown", "lists": "lists or bullet points", "headings": "headings", "emoji": "emoji",
    "tables": "tables", "code_blocks": "code blocks", "links": "links",
}  # fmt: skip

_PLAIN = re.compile(
    r"\bplain[- ]?text\b|\bplain\s+prose\b|\btexto\s+plano\b|\bnur\s+text\b|\bklartext\b|\btexte\s+brut\b|"
    r"\btexte\s+simple\b|\btexto\s+simples\b|纯文本|プレーンテキスト",
    re.IGNORECASE,
)
# "as a table", "Output a Markdown table", "a table with columns ...", "en una tabla", "als Tabelle", "表格形式".
_TABLE = (
    r"\b(?:as|in|into)\s+(?:a\s+)?(?:markdown\s+)?table\b|\btabular\b|"
    r"\b(?:output|return|produce|give|present|show|format|render|use|create|make|build|generate|write|reply\s+with|"
    r"respond\s+with)\s+(?:it\s+|them\s+|the\s+\w+\s+)?(?:as\s+)?(?:a|an|one)\s+(?:\w+\s+){0,2}?table\b|"
    r"\btable\s+with\s+(?:\w+\s+){0,2}?columns\b|"
    # "Una tabla con tres columnas", "eine Tabelle mit drei Spalten", "un tableau à trois colonnes"
    r"\b(?:tabla|tabela|tabelle|tableau|tabella|tabel)\s+(?:con|com|mit|à|avec|a|met)\s+(?:\w+\s+){0,2}?"
    r"(?:columnas|colunas|spalten|colonnes|colonne|kolommen)\b|"
    r"\b(?:en|em)\s+(?:una\s+|uma\s+|forma\s+de\s+)?(?:tabla|tabela)\b|\bals\s+tabelle\b|\bin\s+(?:einer\s+)?tabelle\b|"
    # ("原文是表格就保持表格": a table in the source stays one; that is no table for every reply)
    r"\b(?:en|sous\s+forme\s+de|dans\s+un)\s+tableau\b|\buse\s+(?:markdown\s+)?tables\b|"
    # "il risultato è una tabella", "in una tabella", "the result is a table"
    r"\b(?:is|è|es|é|ist)\s+(?:a|una|uma|eine)\s+(?:table|tabella|tabla|tabela|tabelle)\b|\bin\s+una\s+tabella\b|(?<!是)(?<!保持)表格|表形式|表で|表にまとめ"
)
_CODE_WORDS = r"sql|code|query|queries|script|regex|snippet|python|bash|shell\s+command|command"
_CODE_WORDS_BUT_CODE = r"sql|query|queries|script|regex|snippet|python|bash|shell\s+command|command"
# A code that identifies something is data, not source code: "use the outward code only (the part before the space)".
_NOT_SOURCE_CODE = "".join(
    rf"(?<!{word}\s)"
    for word in (
        "outward", "inward", "postal", "post", "area", "zip", "country", "discount", "promo", "voucher", "booking",
        "error", "status", "product", "access", "reference", "tracking", "dialling", "dialing", "airport", "currency",
        "language", "tax", "class", "course", "room", "seat", "gate", "colour", "color", "dress", "sort", "branch",
        "iata", "icao", "icd", "hs", "sic", "naics", "swift", "bic", "iso", "postcode", "ean", "sku", "qr",
    )
)  # fmt: skip
# "Reply with the SQL only", "plain SQL only", "only the code": the reply is code and nothing else.
_CODE_ONLY = (
    # ("read-only queries only": which queries, not a reply of code alone)
    r"(?<!read-only\s)(?<!read\sonly\s)"
    rf"\b(?:the\s+)?(?:raw\s+|plain\s+|bare\s+)?(?:{_NOT_SOURCE_CODE}(?<!-)code|{_CODE_WORDS_BUT_CODE})\s+only\b|"
    # (not "The only code you ever ask for is the login code": the code someone sends, no reply format)
    rf"(?<!\bthe\s)(?<!-)\b(?:only|just)\s+(?:the\s+)?(?:raw\s+|plain\s+|bare\s+)?(?:{_CODE_WORDS})\b"
    r"(?!\s+(?:questions?|topics?|related|databases?|tasks?|requests?|help))|"
    # "no text outside the block", "nothing before or after the code block", "don't write anything outside the code
    # block": the block is the whole reply
    r"\b(?:(?:no|don'?t\s+(?:write|put|add|include)|do\s+not\s+(?:write|put|add|include))\s+(?:any\s+)?(?:other\s+)?"
    r"(?:text|prose|words|comments?|anything)|nothing(?:\s+else)?)\s+(?:else\s+)?(?:outside|around|before\s+or\s+after)\s+"
    r"(?:of\s+)?(?:the|a|that|this|its)\s+(?:(?:sql|code|query)\s+)?(?:block|fence|code)\b|"
    # "devuelve solo el SQL", "gib nur den Code zurück", "renvoie uniquement le code": a reply verb, then only the code
    r"\b(?:devuelve|devuelva|responde|responda|escribe|dame|genera|gib|antworte|schreib\w*|erzeuge|erstelle|renvoie|"
    r"réponds|écris|génère|donne-moi|retorne|devolve|escreva|escreve|gera|gere|me\s+d[êá]|restituisci|rispondi|scrivi|"
    r"dammi|genera|geef|antwoord|schrijf|genereer|maak|fornisci)\s+(?:\w+\s+){0,2}?(?:solo|sólo|solamente|únicamente|"
    r"unicamente|esclusivamente|exclusivamente|nur|uniquement|seulement|apenas|somente|soltanto|alleen)\s+"
    r"(?:(?:con|avec|mit|com|met|par)\s+)?"
    # ("Rispondi solo con la query SQL", "responde solo con la consulta SQL"; not "la consulta del cliente")
    r"(?:(?:el|la|le|den|das|die|der|o|a|il|lo|de|het|una|un|une|uma|eine|einer)\s+)?(?:(?:query|requête|abfrage)(?:\s+sql)?|"
    r"sql[- ]abfrage|consulta\s+sql|sql|c[óo]digo|"
    r"code|codice)\b|"
    # "只输出一条SQL", "仅输出SQL语句", "代码块外面不要任何文字", "出力はSQL文のみ" (no \b: CJK letters are word chars)
    # ("只输出一条 MySQL 8 查询": a dialect and its version may stand between)
    r"(?:只|仅|僅)(?:输出|輸出|返回|回复|回覆|要)(?:一条|一條|一段|一个|一個)?\s*(?:[A-Za-z]+\s*\d*\s*)?"
    r"(?:SQL|代码|代碼|查询|查詢|语句|語句)|"
    # "只给SQL" from the assistant, not "如果用户只给代码" (what the user sends)
    r"(?<!户)(?<!生)(?<!他)(?<!她)只给\s*(?:SQL|代码|代碼)|"
    r"(?:代码块|代碼塊|コードブロック)(?:的)?(?:外面|之外|以外|外|の外)(?:に|には|は)?[^。；\n]{0,6}?"
    r"(?:不要|不能|别|不得|何も|書かない|書かず|出さない)|"
    r"(?:出力|回答|返答|返信)は(?:SQL|コード|クエリ)(?:文)?(?:のみ|だけ)|(?<![A-Za-z])(?:SQL|コード|クエリ)(?:文)?(?:のみ|だけ)"
    r"(?:(?:を|で)?(?:出力|返|答え|回答)|[、,]?\s*説明(?:は)?(?:なし|不要))"
)
_VALUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # No \b: in "输出JSON" a CJK character is a word character, so there is no word boundary before "JSON".
    ("json", re.compile(r"(?<![A-Za-z0-9_])json(?![A-Za-z0-9_])", re.IGNORECASE)),
    ("table", re.compile(_TABLE, re.IGNORECASE)),
    (
        "bullets",
        re.compile(
            r"\b(?:as|in|with|use)\s+(?:a\s+)?(?:bullet(?:ed)?(?:\s+points?|\s+list)?|bullets)\b", re.IGNORECASE
        ),
    ),
    ("markdown", re.compile(r"\b(?:in|use|with|as|format(?:ted)?\s+(?:in|as|with))\s+markdown\b", re.IGNORECASE)),
    # "numbered list 1-10, no explanations": a spec line that opens with it makes the reply the list
    (
        "numbered",
        re.compile(
            r"^\s*(?:[-*•]\s*)?numbered\s+list\b(?!\s+(?:only|when|if|for|unless)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "label",
        re.compile(
            # ("first line is ONLY the label, then a blank line, then the draft": one line's content, not the reply)
            r"(?<!line\sis\s)(?<!line\s=\s)(?<!line\sholds\s)"
            r"\b(?:only|just)\s+(?:with\s+|return\s+|output\s+)?the\s+(?:label|category|class)\b|"
            r"\b(?:the\s+|a\s+single\s+)?(?:label|category|class)\s+only\b|"
            r"\b(?:respond|reply|answer|output|return)\s+(?:with\s+)?(?:only|just)\s+(?:the\s+|one\s+|a\s+)?"
            r"(?:label|category|class)\b|\bnothing\s+but\s+the\s+(?:label|category)\b|"
            r"\b(?:solo|solamente|únicamente|nur|uniquement|seulement|apenas|somente)\s+(?:con\s+|mit\s+|avec\s+|com\s+)?"
            r"(?:la|el|die|der|das|dem|den|le|l'|l’|o|a)\s*(?:etiqueta|categoría|label|kategorie|étiquette|catégorie|rótulo|categoria)\b",
            re.IGNORECASE,
        ),
    ),
    ("code", re.compile(_CODE_ONLY, re.IGNORECASE)),
)
_FORMAT_VERB = re.compile(
    r"\b(?:return|respond|reply|output|answer|format|give|produce|write|send|emit|use|as|in|into|only|responde|"
    r"gib|antworte|réponds|responda)\b|输出|返回|以(?![内下上外降前後来])|用|出力|返す|形式で",  # not "以内", within
    re.IGNORECASE,
)


# "le modèle doit renvoyer uniquement un objet JSON", "devuelve solo un JSON": a verb that also says what code or a
# server returns ("quand le serveur renvoie un JSON vide") asks for the reply's format only beside an "only" word
_FOREIGN_ONLY_FORMAT = re.compile(
    # said to the assistant: an imperative opening its clause ("Renvoie un objet JSON", "Geef enkel JSON terug"),
    # a modal before the infinitive ("le modèle doit renvoyer …"), or "ne renvoie que …"; not the subject's verb in
    # "quand l'API renvoie seulement un JSON vide"
    r"(?:(?:^|[.!?:;\n(]|,\s*(?:et|y|e|en|und)?)\s*|\b(?:doit|doivent|devra|must|soll|sollte|muss|debe|deber[áa]|"
    r"deve|dovr[àa]|moet|tem\s+de|tiene\s+que)\s+|\bne\s+|"
    # ("El asistente devuelve solo un JSON", "le modèle renvoie uniquement …": the assistant is the subject)
    r"\b(?:el|la|le|il|der|die|das|de|het|o|a|l['’])\s*(?:asistente|assistant|assistente|assistent|bot|chatbot|modelo|"
    r"modèle|modello|modell|model|agente|agent|ia|ki|ai)\s+)"
    r"(?:renvoie|renvoyez|renvoyer|rends|rendez|rendre|retourne|retournez|retourner|devuelve|devuelva|devolver|"
    r"devolva|devolve|devolver|retorne|retorna|retornar|restituisci|restituire|restituisca|geef|gib|geben|zurückgeben|"
    r"ausgeben)(?:-(?:moi|nous|me))?\b",
    re.IGNORECASE,
)
# "Antwoord als JSON", "Ausgabe nur als JSON", "devuelves solo JSON", "raw JSON", "this JSON and nothing else",
# "remplis ce JSON, rien d'autre": the reply-side words other languages (and terse briefs) put beside JSON, where
# English says "return" or "output"; a JSON the input carries has none of them
_JSON_REPLY_CUE = re.compile(
    r"\b(?:raw|als|nur|solo|sólo|só|somente|apenas|seulement|uniquement|alleen|enkel|ausgabe|salida|sortie|saída|"
    r"uitvoer|uscita|remplis|rellena|preench\w*|füll\w*|vul)\b|"
    r"\b(?:nothing|no\s+text|no\s+prose)\s+(?:else|before|after|around|outside)\b|"
    r"\brien\s+d['’]autre\b|\bnada\s+(?:más|mais)\b|\bnichts\s+anderes\b|\bniets\s+anders\b|"
    r"\b(?:ohne|sans|sin|sem|zonder|senza)\s+(?:\w+\s+)?(?:text|texte|texto|tekst|testo)\b",
    re.IGNORECASE,
)
# "El usuario pega un JSON de configuración y tú explicas solo los errores": a JSON the user sends is the input
_JSON_ARRIVES = re.compile(
    # (not "sends": "the bot sends back this JSON" is the reply)
    r"\b(?:pastes?|pasted|uploads?|gives?\s+you|you\s+(?:get|receive)|arrives?|pega|pegan|sube|colle|collez|"
    r"f[üu]gt|einf[üu]gt|cola|colam|incolla|plakt)\b",
    re.IGNORECASE,
)
# "Quand l'API renvoie seulement un JSON vide": a JSON that something returns in a case, not the reply's format
_WHEN_BEFORE = re.compile(r"\b(?:when|whenever|if|quand|lorsque|quando|cuando|wenn|falls|wanneer|indien)\b", re.I)
_FENCE_WORD = re.compile(r"fence|block|backtick|bloque|bloco|codebl|代码块|代碼塊|コードブロック", re.I)
_COUNTED = re.compile(
    r"(?:(?:more|fewer|less)\s+than|exceed(?:ing)?|over|above)\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(?:\w+\s+)?$|\b\d+\s+$",
    re.IGNORECASE,
)


_FILLER = re.compile(
    r"\b(?:no|not|never|use|using|any|or|and|nor|of|in|the|your|reply|replies|answer|answers|output|responses?|"
    r"please|pls|ever|plain|text|keine?[nmrs]?|nicht|sin|ni|sans|pas|de|sem|nem|não|nunca|usar|uses|utilise[rz]?|"
    r"verwende|benutze|con|mit|avec|com)\b|[\W\d_]|使用|用|を|使わ|ないで|しないで|ください|不要|禁止",
    re.IGNORECASE,
)


def only_formatting(text: str) -> bool:
    """Whether a negated phrase names nothing but formatting features ("markdown, no lists", "keine Emojis")."""
    return not _FILLER.sub("", _FEATURE.sub("", text)).strip()


class FoundFormat(NamedTuple):
    """A format statement: the required format (or None) and the features ruled out, with its extent."""

    value: str | None
    forbidden: list[str]
    start: int
    end: int


# Substrings one of the feature words contains: a cheap test before the regex scan.
FEATURE_KEYS = (
    "markdown", "format", "rich text", "bold", "italic", "asterisk", "bullet", "list", "aufzählung", "viñeta",
    "puce", "tópico", "opsomming", "lijst", "negrit", "fettdruck", "grassetto", "kopjes", "elench", "titolett",
    "箇条", "列表", "heading", "header",
    "section title", "título", "überschrift", "titre", "見出し", "标题", "マークダウン", "顔文字", "テーブル",
    "コードブロック", "代码块", "リンク", "链接", "项目符号", "emoji", "emoticon", "emote", "smiley", "絵文字", "表情",
    "table", "tabla", "tabelle", "tableau", "tabela", "表格", "code", "backtick", "bloques", "link", "url", "enlace",
    "lien", "fence", "émoji", "```", "blocos de",
)  # fmt: skip


_TOPIC_OF = re.compile(
    r"\b(?:comment\w*|remark\w*|nitpick\w*|nit\s+on|complain\w*|flag\w*|review\w*|critiqu\w*|talk\w*|care)\s+"
    r"(?:on|about)\s+(?:the\s+|code\s+|their\s+)?$",
    re.I,
)
_REFERENT = re.compile(r"\b(?:these|those|this|that|our|your|their|its|the\s+(?:given|provided|following))\s+$", re.I)


# Words after a negation that turn to what the reply does instead: the feature after them is asked for.
_AFFIRMED = re.compile(
    # (after a break: "Don't just paste bullet points" still negates them)
    # ("obviously fake (no stay mentioned, only links)", "(geen verblijf genoemd, alleen links)": what there is)
    r"(?:[,;:–—]|\s-|\bbut)\s*(?:just|instead|rather|only|alleen|nur|solo|sólo|seulement|apenas|"
    r"(?:start|begin|open|lead)\s+with|go\s+straight\s+(?:to|into)|straight\s+into|jump\s+(?:straight\s+)?into)\b",
    re.IGNORECASE,
)


def _affirmed(text: str, start: int, end: int) -> bool:
    """Whether the text between a negation and a feature turns to what is asked for, with no new negation after."""
    turns = list(_AFFIRMED.finditer(text, start, end))
    return bool(turns) and not _NEGATION_WORD.search(text, turns[-1].end(), end)


_NEGATION_WORD = re.compile(
    r"\b(?:no|not|never|don'?t|without|nor|avoid|geen|kein\w*|sin|sans|sem|senza)\b", re.IGNORECASE
)


def mentions_feature(text: str) -> bool:
    """Whether a text names any formatting feature at all (a fast test)."""
    lowered = text.lower()
    return any(key in lowered for key in FEATURE_KEYS)


# Japanese puts the negation after what it rules out: "マークダウン記号（#や**）も使わない", "絵文字は使わないで",
# "表は不要", "マークダウン禁止".
_JA_BANNED_AFTER = re.compile(
    "(?:" + "|".join(f"(?P<{name}>{words})" for name, words in _CJK_FEATURES.items()) + ")"
    r"(?=(?:記号|形式|記法|表記)?(?:[（(][^）)\n]{0,20}[）)])?\s*(?:は|も|を)?\s*(?:一切)?"
    # (not a reason: "見出しなしの長文は読みにくい", "箇条書きを使わないと読みにくい")
    r"(?:(?:使わ|使用し|付け|入れ|載せ)ない(?!と|の|ので|から|場合|方)|使わず(?!に済)|使用禁止|禁止|不要|不可|避けて|"
    r"(?:なし|無し)(?=\s*(?:[。！!、]|で|$))))",
    re.IGNORECASE,
)
# "絵文字やマークダウンは使わないで": the features listed before the banned one share its ban
_JA_LISTED_BEFORE = re.compile(
    "(?:"
    + "|".join(f"(?P<{name}>{words})" for name, words in _CJK_FEATURES.items())
    + r")(?:記号)?\s*(?:や|と|・)\s*$",
    re.IGNORECASE,
)


# A feature narrowed to one kind of it: "emoji de dinheiro" (not "emojis de ningún tipo"; no English "of": Dutch
# "geen kopjes of opsommingstekens" is "no headings or bullets").
_OF_A_KIND = re.compile(
    r"\s+(?:de|do|da|di|del)\s+(?!(?:any|ningún|ninguna|ningun|nenhum\w*|nessun\w*|aucune?|tipo|kind|sort|alcun\w*|jeito|"
    r"modo|forma|ningún|nada|"
    r"ningún\s+tipo|cualquier\w*|qualquer|alg[úu]n\w*)\b)[^\W\d_]{3,}",
    re.IGNORECASE,
)


_DATA_LIST = re.compile(
    r"\s+(?:met|mit|con|com|with|of|de|van|des|di|do|da)\s+(?:(?:datos|dados|data|daten|dati)\s+(?:de|dos|das|do|da|of|der|"
    r"van|dei|degli)\s+(?:los\s+|las\s+|the\s+)?)?(?:\w+\s+)?\w*(?:gegevens|\w+daten|adress\w*|"
    r"addresses|direcciones|klant\w*|kunden\w*|clientes|customers|namen|names|nombres|nomes|e-?mails?|telefoon\w*)",
    re.IGNORECASE,
)


# A feature word used as the verb of a statement ("won't link", "doesn't format"), not a feature the reply avoids
_STATED_VERB = re.compile(
    r"\b(?:won['’]?t|wouldn['’]?t|doesn['’]?t|didn['’]?t|can['’]?t|cannot|will\s+not|does\s+not)\s+$", re.I
)


def forbidden_features(text: str) -> list[tuple[str, int, int]]:
    """Formatting features named under a negation ("no markdown, no lists"): (feature, start of its negation, end)."""
    if not mentions_feature(text):
        return []
    ranges = negated_ranges(text)
    found: list[tuple[str, int, int]] = []
    if not text.isascii():
        for banned in _JA_BANNED_AFTER.finditer(text):
            name, start = banned.lastgroup, banned.start()
            assert name is not None
            found.append((name, start, banned.end()))
            while (listed := _JA_LISTED_BEFORE.search(text, max(0, start - 20), start)) is not None:
                assert listed.lastgroup is not None
                found.append((listed.lastgroup, listed.start(), banned.end()))
                start = listed.start()
    for match in _FEATURE.finditer(text):
        scope = next((r for r in ranges if r[0] <= match.start() < r[1]), None)
        if scope is None:
            continue
        # "don't use more than 3 bullets" limits bullets; it does not forbid them.
        if _COUNTED.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        if _STATED_VERB.search(text, max(0, match.start() - 14), match.start()):
            continue  # "no allocator, Vec/Box/String won't link": a statement about the code, no ban on links
        if re.match(r"\[|\(|\.[a-z_]", text[match.end() : match.end() + 2]):
            continue  # "no list[int] style generics", "no dict() calls": code, not the reply's formatting
        # "no links except harlowrx.com/hours": a feature with a stated exception is not forbidden outright; the
        # clause stays a rule of its own with the exception.
        if re.match(r"\s+(?:except|other\s+than|apart\s+from|besides|but\s+for)\b", text[match.end() :], re.I):
            continue
        if match.lastgroup == "emoji" and _OF_A_KIND.match(text, match.end()):
            continue  # "nada de emoji de dinheiro 💰": one kind of emoji is banned, not all of them
        if match.lastgroup == "links" and scoped_link_ban(text, match.start(), match.end()):
            continue  # "never link to competitor sites": links of one kind, not links as a format
        if match.lastgroup == "lists" and _DATA_LIST.match(text, match.end()):
            continue  # "Deel nooit lijsten met klantgegevens": lists of data to keep private, not the reply's format
        if re.search(
            r"\b(?:except|other\s+than|apart\s+from|besides|but\s+for)\b", text[scope[0] : match.start()], re.I
        ):
            continue  # "No markdown except code blocks": what the exception names is allowed
        # "cannot be answered with these tables" speaks of particular things (database tables, given lists),
        # not of how the reply is formatted; nor does "a wine that isn't on the list".
        if _REFERENT.search(text[max(0, match.start() - 20) : match.start()]) or names_a_thing(
            text, match.start(), match.end()
        ):
            continue
        if _affirmed(text, scope[0], match.start()):
            continue  # 'no intro like "here is …", just start with the bullets': the negation ended before them
        if _TOPIC_OF.search(text[max(0, match.start() - 30) : match.start()]):
            continue  # "don't comment on formatting, gofmt handles that": a topic of the review, not the reply's format
        name = match.lastgroup
        assert name is not None
        found.append((name, scope[0], match.end()))
    return found


def required_features(text: str) -> list[tuple[str, int, int]]:
    """Formatting features a text asks for outside any negation ("use Markdown headings"): (feature, start, end)."""
    if not mentions_feature(text):
        return []
    ranges = negated_ranges(text)
    found: list[tuple[str, int, int]] = []
    for match in _FEATURE.finditer(text):
        if in_ranges(match.start(), ranges):
            continue
        name = match.lastgroup
        if name in (None, "links") or (name == "markdown" and match.group(0).lower() == "formatting"):
            continue
        if names_a_thing(text, match.start(), match.end()):
            continue  # "the price list": a thing, not a format the reply takes
        before = text[max(0, match.start() - 40) : match.start()]
        if _FORMAT_VERB.search(before) or re.match(r"\s+with\b", text[match.end() :]):
            found.append((name, match.start(), match.end()))
    return found


_VALUE_KEYS = (
    "json", "plain", "label", "categor", "class", "tabular", "code", "prose", "sql", "quer", "script", "regex",
    "snippet", "python", "bash", "command", "tabla", "tabelle", "tableau", "tabela",
    "tabella", "表", "texto", "klartext",
    "nur text", "texte", "纯文本", "プレーン", "etiqueta", "étiquette", "catégorie", "rótulo", "kategorie", "block",
    "代码", "代碼", "コード", "クエリ", "código", "codice", "consulta", "requête", "abfrage",
)  # fmt: skip


# "line 1 = ", "Line one:", "the first line is", "Zeile 1:", "línea 1 =": one line of a laid-out reply names its content
_ONE_LINE_BEFORE = re.compile(
    r"\b(?:(?:first|second|top|opening)\s+line|line\s*(?:\d{1,2}|one|two|three)|(?:zeile|l[íi]nea|ligne|linha|riga|regel)"
    r"\s*\d{1,2})\s*(?:=|:|-|–|is|holds|has|contains|ist|es|est|é|è|bevat)?\s*(?:(?:the|just|only)\s+)?$",
    re.IGNORECASE,
)


def find_format(text: str) -> FoundFormat | None:
    """The format statement of one clause, if it makes one."""
    lowered = text.lower()
    if not mentions_feature(text) and not any(key in lowered for key in _VALUE_KEYS):
        return None
    forbidden = forbidden_features(text)
    names = list(dict.fromkeys(name for name, _, _ in forbidden))
    value: str | None = None
    own_negation = False
    spans = [(start, end) for _, start, end in forbidden]
    ranges = negated_ranges(text)
    plain = _PLAIN.search(text)
    if plain and not in_ranges(plain.start(), ranges):
        value = "plain"
        spans.append((plain.start(), plain.end()))
        if "markdown" not in names:
            names.insert(0, "markdown")
    else:
        for candidate, pattern in _VALUES:
            match = pattern.search(text)
            asked = (
                candidate != "json"
                or _FORMAT_VERB.search(text)
                or _FOREIGN_ONLY_FORMAT.search(text)
                or (
                    _JSON_REPLY_CUE.search(text)
                    and not _WHEN_BEFORE.search(text, 0, match.start() if match else 0)
                    and not _JSON_ARRIVES.search(
                        text, max(0, (match.start() if match else 0) - 40), match.start() if match else 0
                    )
                )
            )
            # ("no text outside the block" is negated by its own words: what it rules out is all but the code)
            own_negation = match is not None and match.group(0).lower().startswith(("no ", "nothing", "don", "do not"))
            if match and candidate in ("label", "code") and _ONE_LINE_BEFORE.search(text, 0, match.start()):
                continue  # "line 1 = the label only, line 2 blank, then the draft": one line's content, not the reply
            if match and candidate == "code" and DIALECT_BEFORE.search(text, 0, match.start()):
                continue  # "ClickHouse SQL only", "solo SQL de Postgres": which SQL, never a reply of code alone
            if match and (own_negation or not in_ranges(match.start(), ranges)) and asked:
                value = candidate
                spans.append((match.start(), match.end()))
                break
    bare_fence = "```" in text and not _FENCE_WORD.search(text)  # a ban written only as ```, no fence word
    if value == "code" and (own_negation or bare_fence):
        # ("no text outside the code block": the block is it; "不要用```包起来" beside a code-only reply keeps the
        # code-only sentence alone, as before ``` was read as a ban)
        names = [name for name in names if name != "code_blocks"]
    if value is None and not names:
        return None
    return FoundFormat(value, names, min(s for s, _ in spans), max(e for _, e in spans))


def describe_format(value: str | None, forbidden: list[str]) -> str:
    """The imperative sentence for a format constraint."""
    parts: list[str] = []
    required = {
        "plain": "Reply in plain text",
        "json": "Return only valid JSON",
        "table": "Present the result as a table",
        "bullets": "Use bullet points",
        "markdown": "Format the reply in Markdown",
        "label": "Reply with the label only",
        "code": "Reply with the code only",
        "numbered": "Reply with a numbered list",
    }
    if value is not None:
        parts.append(required[value])
    rest = [FEATURE_WORDS[name] for name in forbidden if not (value == "plain" and name == "markdown")]
    if value == "plain":
        rest.insert(0, "Markdown")
    if rest:
        listed = rest[0] if len(rest) == 1 else ", ".join(rest[:-1]) + " or " + rest[-1]
        parts.append(f"do not use {listed}" if parts else f"Do not use {listed}")
    return ": ".join(parts) + "."
