"""The required reply language: "reply in Spanish", "antworte auf Deutsch", "answer in the customer's language"."""

from __future__ import annotations

import re
from typing import NamedTuple

from app.engine.constraints.language_script import script_after
from app.engine.fastre import Twins, is_plain, prefiltered

# Language names in English and as the main languages write them, each with its ISO 639-1 code.
_NAMES: dict[str, str] = {
    "english": "en", "spanish": "es", "german": "de", "french": "fr", "portuguese": "pt", "italian": "it",
    "dutch": "nl", "japanese": "ja", "chinese": "zh", "mandarin": "zh", "korean": "ko", "russian": "ru",
    "ukrainian": "uk", "polish": "pl", "turkish": "tr", "arabic": "ar", "hebrew": "he", "hindi": "hi",
    "swedish": "sv", "danish": "da", "norwegian": "no", "finnish": "fi", "greek": "el", "czech": "cs",
    "romanian": "ro", "hungarian": "hu", "vietnamese": "vi", "thai": "th", "indonesian": "id",
    "español": "es", "castellano": "es", "inglés": "en", "alemán": "de", "francés": "fr", "portugués": "pt",
    "italiano": "it", "deutsch": "de", "englisch": "en", "spanisch": "es", "französisch": "fr",
    "portugiesisch": "pt", "italienisch": "it", "français": "fr", "anglais": "en", "espagnol": "es",
    "allemand": "de", "portugais": "pt", "italien": "it", "português": "pt", "inglês": "en", "espanhol": "es",
    "alemão": "de", "francês": "fr", "日本語": "ja", "英語": "en", "中国語": "zh", "中文": "zh", "英文": "en",
    "汉语": "zh", "日语": "ja", "英语": "en", "韓国語": "ko", "한국어": "ko",
    # German after "ins"/"aus dem": "ins Englische", "aus dem Deutschen".
    "englische": "en", "deutsche": "de", "spanische": "es", "französische": "fr", "portugiesische": "pt",
    "italienische": "it", "japanische": "ja", "chinesische": "zh", "niederländische": "nl",
    "japonés": "ja", "chino": "zh", "japonais": "ja", "chinois": "zh", "japonês": "ja", "chinês": "zh",
    "japanisch": "ja", "chinesisch": "zh", "中国语": "zh", "韩语": "ko", "法语": "fr", "德语": "de", "西班牙语": "es",
    "フランス語": "fr", "ドイツ語": "de", "スペイン語": "es",
    "德文": "de", "西班牙文": "es", "法文": "fr", "日文": "ja", "葡萄牙文": "pt", "意大利文": "it", "荷兰文": "nl",
    "韩文": "ko", "葡萄牙语": "pt", "意大利语": "it", "荷兰语": "nl", "ポルトガル語": "pt", "イタリア語": "it",
    # Italian and Dutch ("dall'italiano in inglese e in tedesco", "antwoord in het Engels")
    "inglese": "en", "tedesco": "de", "francese": "fr", "spagnolo": "es", "portoghese": "pt", "giapponese": "ja",
    "cinese": "zh", "olandese": "nl", "engels": "en", "duits": "de", "spaans": "es", "italiaans": "it",
    "portugees": "pt", "japans": "ja", "chinees": "zh", "nederlands": "nl",
    # Dutch as the other main languages write it ("al neerlandés", "en néerlandais", "ins Niederländische")
    "neerlandés": "nl", "holandés": "nl", "néerlandais": "nl", "hollandais": "nl", "neerlandês": "nl",
    "holandês": "nl", "niederländisch": "nl", "holländisch": "nl",
    # Polish as each main language writes it ("Schrijft iemand in het Engels of Pools", "auf Englisch oder Polnisch")
    "polaco": "pl", "polnisch": "pl", "polonais": "pl", "polacco": "pl", "polonês": "pl", "pools": "pl",
    "serbian": "sr", "serbisch": "sr", "serbe": "sr", "serbio": "sr", "serbo": "sr", "servisch": "sr", "sérvio": "sr",
    "croatian": "hr", "kroatisch": "hr", "croate": "hr", "croata": "hr",
    # Turkish, Arabic, Ukrainian, Russian and Romanian as the main languages write them (the languages of a case:
    # "Wenn jemand auf Türkisch oder Polnisch schreibt", "si escriben en árabe", "als iemand Turks schrijft")
    "türkisch": "tr", "turc": "tr", "turco": "tr", "turks": "tr", "arabisch": "ar", "arabe": "ar", "árabe": "ar",
    "arabo": "ar", "ukrainisch": "uk", "ukrainien": "uk", "ucraniano": "uk", "russisch": "ru", "russe": "ru",
    "ruso": "ru", "russo": "ru", "rumänisch": "ro", "roumain": "ro", "rumano": "ro", "romeno": "ro",
    # Regional languages and varieties ("si escribe en valenciano", "auf Schwiizerdütsch", "als iemand Vlaams schrijft")
    "catalan": "ca", "catalán": "ca", "català": "ca", "catalão": "ca", "catalano": "ca", "katalanisch": "ca",
    "catalaans": "ca", "valenciano": "ca", "valencià": "ca", "valencian": "ca", "galician": "gl", "gallego": "gl",
    "galego": "gl", "galicien": "gl", "galicisch": "gl", "galiziano": "gl", "basque": "eu", "euskara": "eu",
    "euskera": "eu", "baskisch": "eu", "vlaams": "nl", "flemish": "nl", "flamand": "nl", "flämisch": "nl",
    "castelán": "es", "castellà": "es", "gaztelania": "es", "hochdeutsch": "de", "frans": "fr",
    "schwiizerdütsch": "de", "schweizerdeutsch": "de", "schwyzerdütsch": "de", "cantonese": "yue",
    "kantonesisch": "yue", "cantonais": "yue", "cantonés": "yue", "cantonês": "yue", "kantonees": "yue",
    "粤语": "yue", "粵語": "yue", "广东话": "yue", "廣東話": "yue", "広東語": "yue", "普通话": "zh", "普通話": "zh",
    # A script the brief names stays with the language ("用简体中文回复", "繁體中文で")
    "简体中文": "zh", "簡體中文": "zh", "简体字": "zh", "繁體中文": "zh", "繁体中文": "zh", "繁體字": "zh",
}  # fmt: skip
# Names that stand for a variety or a script of a language, with their own English name ("valenciano" is Valencian,
# not Catalan; "简体中文" is Simplified Chinese): the reply keeps the variety the brief names.
_DISPLAY: dict[str, str] = {
    "valenciano": "Valencian", "valencià": "Valencian", "valencian": "Valencian", "vlaams": "Flemish",
    "flemish": "Flemish", "flamand": "Flemish", "flämisch": "Flemish", "schwiizerdütsch": "Swiss German",
    "schweizerdeutsch": "Swiss German", "schwyzerdütsch": "Swiss German", "hochdeutsch": "Standard German",
    "简体中文": "Simplified Chinese",
    "簡體中文": "Simplified Chinese", "简体字": "Simplified Chinese", "繁體中文": "Traditional Chinese",
    "繁体中文": "Traditional Chinese", "繁體字": "Traditional Chinese", "普通话": "Mandarin Chinese",
    "普通話": "Mandarin Chinese",
}  # fmt: skip
# Names that are also common words of another language ("pools", "the pools are heated"): looked up, and read in a
# reply-language case ("schrijft iemand in het Pools"), but never a reply language on their own.
CASE_ONLY_NAMES = ("pools",)
ENGLISH_NAMES: dict[str, str] = {
    "en": "English", "es": "Spanish", "de": "German", "fr": "French", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "ja": "Japanese", "zh": "Chinese", "ko": "Korean", "ru": "Russian", "uk": "Ukrainian",
    "pl": "Polish", "tr": "Turkish", "ar": "Arabic", "he": "Hebrew", "hi": "Hindi", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian", "fi": "Finnish", "el": "Greek", "cs": "Czech", "ro": "Romanian",
    "hu": "Hungarian", "vi": "Vietnamese", "th": "Thai", "id": "Indonesian", "ca": "Catalan", "gl": "Galician",
    "eu": "Basque", "yue": "Cantonese",
    "sr": "Serbian", "hr": "Croatian",
}  # fmt: skip
USER_LANGUAGE = "the user's language"

LATIN_NAME_LIST = tuple(
    sorted(
        (n for n in _NAMES if (n.isascii() or (n[0].isalpha() and ord(n[0]) < 0x2000)) and n not in CASE_ONLY_NAMES),
        key=len,
        reverse=True,
    )
)
"""Every language name written in Latin letters ("english", "español", "nederlands"), longest first."""
_LATIN_NAMES = "|".join(re.escape(n) for n in LATIN_NAME_LIST)
LATIN_NAMES = _LATIN_NAMES
"""The same names as a regular-expression alternation."""
_CJK_NAMES = "|".join(
    re.escape(n) for n in sorted(_NAMES, key=len, reverse=True) if not (n.isascii() or ord(n[0]) < 0x2000)
)
_REPLY_VERBS = (
    r"reply|respond|answer|write|speak|communicate|talk|output|translat\w*|converse|chat|tradu\w*|übersetz\w*|"
    r"responde\w*|contesta\w*|escribe|habla|antworte\w*|schreib\w*|sprich|réponds|répondez|répondre|écri\w*|parle\w*|"
    r"respond[ae]\w*|escrev\w*|fal[ae]\w*|"
    # Italian and Dutch: "Rispondi in italiano", "Antwoord in het Nederlands", "De antwoorden moeten in het Engels"
    r"rispond\w*|scrivi|scrivete|antwoord|antwoorden|schrijf"
)
_VARIANTS_OF = (
    r"British|American|Australian|Canadian|Indian|Brazilian|European|Latin\s+American|Mexican|Castilian|Swiss|"
    r"Austrian|Simplified|Traditional|Québécois|Quebec|Irish|New\s+Zealand|South\s+African|(?-i:UK|U\.K\.|US|U\.S\.)"
)
# "UK English", "US English": the country's abbreviation names the variant
_ABBREVIATED_VARIANTS = {"uk": "British", "u.k.": "British", "us": "American", "u.s.": "American"}
_VARIANTS = rf"(?:{_VARIANTS_OF})"
# "write in formal German", "reply in plain English": a register word between "in" and the language.
_REGISTER = (
    r"(?:(?:formal|informal|plain|simple|polite|proper|clear|neutral|standard|good|correct|natural|friendly|casual|"
    r"fluent|easy|everyday|professional|"
    # "Antwoord in eenvoudig Nederlands", "in einfachem Deutsch", "in leichter Sprache"
    r"eenvoudige?|simpel|heldere?|duidelijke?|einfache[mns]?|leichte[mns]?|klare[mns]?|formele?|informele?)\s+)?"
)
_EXPLICIT = re.compile(
    rf"\b(?:{_REPLY_VERBS})\b[^.;\n]{{0,80}}?\b(?:in|into|to|en|auf|in|em|na|no|al|ins|vers|para)\s+"
    rf"(?:the\s+|l'|o\s+|el\s+|het\s+)?(?P<variant>{_VARIANTS}\s+)?{_REGISTER}"
    rf"(?P<name>{_LATIN_NAMES})\b|"
    # "Replies must be in Spanish", "Las respuestas deben ser en inglés", "Les réponses doivent être en anglais"
    rf"\b(?:replies|answers|responses|respuestas|respostas|réponses|risposte)\s+(?:must|should|need\s+to|have\s+to|"
    rf"shall|will|deben|tienen\s+que|devem|têm\s+de|doivent|devono)\s+(?:always\s+|siempre\s+|sempre\s+|toujours\s+)?"
    rf"(?:be\s+|ser\s+|être\s+|essere\s+)?(?:written\s+|escritas\s+|rédigées\s+|écrites\s+|scritte\s+)?"
    rf"(?:in|en|em)\s+(?P<name6>{_LATIN_NAMES})\b|"
    rf"\bin\s+(?P<variant2>{_VARIANTS})\s+(?P<name5>{_LATIN_NAMES})\b|"
    # a bare variant as an item of a list or a style line ("Keep it under 250 words, UK English.", "Tone: friendly,
    # US English, no jargon", "Use Australian English spelling"): the variant is the reply's language
    rf"(?:(?<=[,;:])\s*|(?<=\n)\s*[-*•]?\s*|^\s*[-*•]?\s*|\b(?:use|using)\s+)(?P<variant3>{_VARIANTS})\s+"
    rf"(?P<name7>{_LATIN_NAMES})\b(?:\s+(?:spelling|spellings|only|please|throughout))?(?=\s*(?:[,.;)!\n]|$))|"
    rf"\b(?:always|only|solo|siempre|nur|immer|toujours|uniquement|sempre|apenas)\s+(?:in\s+|en\s+|auf\s+|em\s+)?(?P<name2>{_LATIN_NAMES})\b|"
    rf"\b(?P<name3>{_LATIN_NAMES})\s+only\b|\b(?:language|idioma|sprache|langue|língua)\s*:\s*(?P<name4>{_LATIN_NAMES})\b|"
    rf"(?P<cjk>{_CJK_NAMES})で(?:回答|答え|返答|返信|書い|出力)|用(?P<cjk2>{_CJK_NAMES})(?:回答|回复|回覆|写|寫|输出)|"
    # "出力は英語のみ", "回答は英語で", "回复语言：英文": the output's language, named as such
    rf"(?:出力|回答|返答|返信|回复|回覆|输出|輸出)(?:語言|语言|言語)?(?:は|：|:)\s*(?P<cjk3>{_CJK_NAMES})(?![をが])",
    re.IGNORECASE,
)
_EXPLICIT = prefiltered(_EXPLICIT)  # the same matches, found sooner (see app.engine.fastre)
_EXPLICIT_TWINS = Twins(_EXPLICIT)  # ASCII mode for a plain text: sooner still
_MIRROR = re.compile(
    # "reply in English or Polish depending on what the parent writes", "…, whichever the customer uses"
    r"\bdepending\s+on\s+(?:what|which|how)\b[^.;\n]{0,40}?\b(?:writes?|wrote|uses?|used|speaks?|spoke|asks?|asked|"
    r"messages?|types?)\b|\bwhichever\s+(?:one\s+)?(?:the\s+\w+|they|he|she|you)\s+(?:writes?|uses?|speaks?|prefers?|picks?|"
    r"chooses?)\b|\b(?:depending\s+on\s+(?:the\s+)?(?:user|customer|client|language)|(?:match|matching|mirror)\s+(?:the\s+)?"
    r"(?:user|customer)['’]?s?\s+language|whichever\s+language|"
    r"same\s+language\s+as\s+(?:the\s+)?(?:user|customer|client|question|message|input|caller|sender|query)|"
    r"(?:user|customer|client|caller|sender)['’]s\s+(?:own\s+)?language|language\s+(?:of\s+the\s+(?:user|customer|client|caller|message|question|input|query|request)|they\s+\w+|"
    r"the\s+(?:user|customer)\s+\w+|the\s+(?:person|client|caller|patient|member|visitor|student|parent|guest|tenant|"
    r"sender)\s+(?:writes|speaks|uses|messages|types|wrote|used)\b)|"
    r"in\s+(?:their|his\s+or\s+her)\s+(?:own\s+)?language|whatever\s+language|language\s+(?:it\s+was|they(?:'re|\s+are)?)\s+(?:written|asked|using)|"
    r"mismo\s+idioma|idioma\s+del\s+(?:usuario|cliente)|gleichen\s+sprache|sprache\s+des\s+(?:kunden|nutzers|benutzers)|"
    r"même\s+langue|langue\s+de\s+l'utilisateur|mesmo\s+idioma|idioma\s+do\s+(?:cliente|usuário))",
    re.IGNORECASE,
)
MIRROR = _MIRROR
"""A reply in the user's own language ("reply in the customer's language", "in the same language as the user")."""
# The language of the message answered or of its writer ("in the language of the email", "idioma del correo",
# "en el idioma en que te escriban"): mirrored only when the clause names no language of its own for the reply
# ("Réponds en français, la langue dans laquelle nos clients écrivent" stays French).
_MIRROR_MESSAGE = re.compile(
    r"\blanguage\s+of\s+the\s+(?:e-?mail|mail|sender|ticket|review|comment|post)\b|"
    r"\bidioma\s+del\s+(?:correo|mensaje|e-?mail|remitente)|\bsprache\s+der\s+(?:e-?mail|mail|nachricht|anfrage)|"
    r"\bsprache\s+des\s+(?:absenders|kunden)|\blangue\s+du\s+(?:message|courriel|mail|client|correspondant)|"
    r"\bidioma\s+d[ao]\s+(?:e-?mail|mensagem|remetente)|\blingua\s+del\s+(?:messaggio|cliente|mittente)|"
    r"\btaal\s+van\s+de\s+(?:e-?mail|mail|klant|afzender|vraag)|"
    r"\bidioma\s+en\s+(?:el\s+)?que\s+(?:te|le|les|nos|se\s+te)\s+(?:escrib|habl)\w*|"
    r"\blangue\s+dans\s+laquelle|\bsprache\s*,?\s+in\s+der|\bl[íi]ngua\s+em\s+que|\bidioma\s+em\s+que|"
    r"\blingua\s+in\s+cui|\btaal\s+waarin|"
    # a review, a comment or a guest's message answered: "Responder en el idioma de la reseña", "in der Sprache der
    # Bewertung", "dans la langue de l'avis", "na língua do comentário", "in the guest's language"
    r"\b(?:idioma|lengua|l[íi]ngua|lingua)\s+d(?:e\s+la|el|a|o|ella|ello)\s+(?:rese[ñn]a|opini[óo]n|valoraci[óo]n|comentario|"
    r"cliente|hu[ée]sped|avalia[çc][ãa]o|coment[áa]rio|h[óo]spede|recensione|commento|ospite)|"
    r"\bsprache\s+(?:der|des)\s+(?:bewertung|rezension|kommentars?|gastes|g[äa]ste)|"
    r"\blangue\s+(?:de\s+l['’]avis|du\s+commentaire|de\s+la\s+critique|de\s+l['’]h[ôo]te)|"
    r"\btaal\s+van\s+de\s+(?:review|recensie|beoordeling|reactie|gast)|"
    # the person who writes in: "réponds dans la langue du visiteur", "en el idioma del usuario", "in der Sprache des
    # Besuchers", "nella lingua dell'utente"
    r"\blangue\s+(?:du|de\s+l['’])\s*(?:visiteur|utilisateur|lecteur|patient|membre|locataire|parent|usager)|"
    r"\b(?:idioma|lengua|l[íi]ngua)\s+d(?:el|o)\s+(?:usuario|visitante|utilizador|usu[áa]rio|paciente|socio|inquilino)|"
    r"\bsprache\s+des\s+(?:besuchers|nutzers|benutzers|patienten|mitglieds|mieters)|"
    r"\blingua\s+(?:dell['’]\s*utente|del\s+visitatore|del\s+paziente)|"
    r"\btaal\s+van\s+de\s+(?:bezoeker|gebruiker|pati[ëe]nt|huurder)|"
    r"\blanguage\s+of\s+the\s+(?:guest|review|rating|feedback|message)",
    re.IGNORECASE,
)
# "even if the language of the email is Welsh", "the language of the ticket does not matter": no rule to mirror it.
_MIRROR_DENIED = re.compile(
    r"\b(?:even\s+if|even\s+when|no\s+matter|regardless|aunque|même\s+si|auch\s+wenn|anche\s+se|mesmo\s+que|ook\s+als)\b|"
    r"\b(?:does\s+not|doesn't|do\s+not|don't)\s+matter\b",
    re.IGNORECASE,
)
# ("dall'italiano in inglese", "vom Deutschen", "del español", "van het Nederlands": the language translated from)
_SOURCE_ONLY = re.compile(
    r"(?:\b(?:from|de|aus|du|do|dal|dalla|dallo|vom|von|del|desde|van(?:\s+het)?|da)\s+|\bdall['’]\s*)$", re.IGNORECASE
)


# "Lots of our tenants write in Polish …, but always answer in English": a verb whose subject is the people who
# write in, not the assistant, says what the input is. The imperative ("write in English", "always write in …") and
# "you write in …" have no such subject before the verb.
_THIRD_PARTY_SUBJECT = re.compile(
    r"\b(?:they|people|users|customers|clients|tenants|guests|patients|parents|students|members|visitors|buyers|"
    r"callers|residents|families|employees|staff|many|some|most|who|often|mostly|sometimes|usually|[a-z]+ers)\s+"
    r"(?:(?:often|mostly|usually|sometimes|may|might|can|will|also|tend\s+to)\s+)?$",
    re.IGNORECASE,
)


class FoundLanguage(NamedTuple):
    """A required reply language (`code` None when the reply mirrors the user's language) and its extent."""

    name: str
    code: str | None
    start: int
    end: int


def lookup(name: str) -> tuple[str, str] | None:
    """(English name, ISO code) for a language name or code in any of the known spellings."""
    key = name.strip().lower()
    if key in _DISPLAY:
        return _DISPLAY[key], _NAMES[key]
    if key in ENGLISH_NAMES:
        return ENGLISH_NAMES[key], key
    code = _NAMES.get(key) or _NAMES.get(key.split("-")[0].split("_")[0].strip())
    if code is None:
        code = key.split("-")[0].split("_")[0]
        if code not in ENGLISH_NAMES:
            return None
    return ENGLISH_NAMES[code], code


LANGUAGE_KEYS = (*_NAMES, "language", "idioma", "sprache", "langue", "língua", "lingua", "anglais", "inglés")


# "EN->JA", "en → de", "English>Japanese", "从英文翻译成中文", "日本語に翻訳": the target of a translation.
_CODES = "|".join(ENGLISH_NAMES)
_PAIR = re.compile(
    rf"\b(?:{_CODES}|{_LATIN_NAMES})\s*(?:->|→|=>|>|2|/)\s*(?P<target>{_CODES}|{_LATIN_NAMES})\b", re.IGNORECASE
)
_CJK_TARGET = re.compile(
    rf"(?:翻译成|翻譯成|译成|翻成|译为|翻译为|翻譯為|转成|轉成)(?P<target>{_CJK_NAMES})|"
    # "英語に翻訳", "英語へ翻訳", "英語への翻訳", "英語に訳して"
    rf"(?P<target2>{_CJK_NAMES})(?:に|へ|への)(?:翻訳|訳)|"
    # "出力は英語の訳文だけ", "訳文は英語で", "输出英文", "译文用英文": the output's language, named as such
    rf"(?:出力|訳文|翻訳文|输出|輸出|译文|譯文)(?:は|も|：|:|用|为|為)?\s*(?P<target3>{_CJK_NAMES})|"
    # "英訳", "和訳", "独訳": a translation named by the target's one-character abbreviation
    r"(?P<short>[英和独仏中])訳"
)
_SHORT_TARGETS = {"英": "en", "和": "ja", "独": "de", "仏": "fr", "中": "zh"}
# "aus dem Deutschen ins britische Englisch übersetzen", "naar het Engels vertalen": German and Dutch name the target
# after "ins" / "naar (het)", with an optional variant ("naar Brits Engels")
_INTO_TARGET = re.compile(
    r"\b(?:ins|in\s+(?:das|die)|naar(?:\s+het)?|in\s+het)\s+(?P<variant>britische|amerikanische|brasilianische|"
    r"europäische|brits|amerikaans|braziliaans|europees)?\s*(?P<target>[A-ZÄÖÜ][a-zäöü]+?)(?:e|en)?\b",
    re.IGNORECASE,
)
_NEGATED_TRANSLATION = re.compile(r"\b(?:nicht|nie|niemals|kein\w*|niet|nooit|geen|never|not)\b[^.;\n]{0,25}$", re.I)
_VARIANT_NAMES = {"britische": "British", "brits": "British", "amerikanische": "American", "amerikaans": "American",
                  "brasilianische": "Brazilian", "europäische": "European", "braziliaans": "Brazilian",
                  "europees": "European"}  # fmt: skip
_TRANSLATION_CUE = re.compile(
    r"translat|tradu|tradott|übersetz|vertal|vertaal|翻訳|翻译|翻譯|译|訳|localis|localiz|lokalisier", re.IGNORECASE
)


# Italian, Spanish, French and Portuguese name the target after "in" / "al" / "en" / "vers l'" / "para o", with an
# optional variant after it ("in inglese britannico", "al inglés británico", "para o inglês americano")
_ROMANCE_INTO = re.compile(
    r"\b(?:in|al|a|en|vers\s+l['’]|para\s+o|para\s+a|para)\s+(?P<target>inglese|italiano|francese|tedesco|spagnolo|"
    r"portoghese|ingl[éeê]s|italiano|franc[ée]s|alem[áa]n|alem[ãa]o|espa[ñn]ol|portugu[ée]s|anglais|italien|allemand|"
    r"espagnol|portugais|fran[çc]ais|japon[ée]s|giapponese|japonais|chino|cinese|chinois|chin[êe]s|olandese|"
    r"neerland[ée]s|n[ée]erlandais|holand[ée]s)\b"
    r"(?:\s+(?P<variant>britannic\w*|britannique|brit[áa]nic\w*|brit[âa]nic\w*|americano|americana|am[ée]ricain\w*|"
    r"brasileir\w*|brasile\w*|europeu|europeo))?",
    re.IGNORECASE,
)
# "una descrizione in italiano", "uma descrição em português": a reply of its own in another language
_OUTPUT_IN = re.compile(
    r"\b(?:em|en|in)\s+(?P<name>portugu[êeé]s|italiano|espa[ñn]ol|fran[çc]ais|inglese|ingl[êeé]s|anglais|tedesco|alem[ãa]o|"
    r"alem[áa]n|allemand|francese|franc[êeé]s)\b",
    re.IGNORECASE,
)
_ROMANCE_VARIANTS = {"brita": "British", "britâ": "British", "britá": "British", "ameri": "American",
                     "améri": "American", "brasi": "Brazilian", "europ": "European"}  # fmt: skip


def find_target_language(text: str) -> FoundLanguage | None:
    """The language a translation brief translates into, when written as a pair or in CJK."""
    if not _TRANSLATION_CUE.search(text):
        return None
    for match in (*_PAIR.finditer(text), *_CJK_TARGET.finditer(text)):
        window = text[max(0, match.start() - 40) : match.start()]
        if _JUDGES_TRANSLATIONS.search(window) and not re.search(r"\btranslat(?:e|es|ing)\b", window, re.IGNORECASE):
            continue  # "Grade English→Polish translation segments": the translations are input; the verdicts are not
        group = next((g for g in ("target", "target2", "target3") if match.groupdict().get(g)), None)
        short = match.groupdict().get("short")
        found = lookup(_SHORT_TARGETS[short] if short else match.group(group or "target"))
        if found is not None:
            return FoundLanguage(found[0], found[1], match.start(), match.end())
    for match in _ROMANCE_INTO.finditer(text):
        # "tradotte dall'italiano in inglese britannico", "traducir al inglés", "traduire en anglais": the target
        if not _TRANSLATION_CUE.search(text, max(0, match.start() - 60), match.start()):
            continue
        other = _OUTPUT_IN.search(text, max(0, match.start() - 160), match.start())
        if other is not None and lookup(other["name"]) != lookup(match["target"]):
            continue  # "uma descrição em português … e a mesma traduzida para inglês": two replies, two languages
        found = lookup(match["target"])
        if found is not None:
            variant = _ROMANCE_VARIANTS.get((match["variant"] or "").lower()[:5])
            return FoundLanguage(f"{variant} {found[0]}" if variant else found[0], found[1], match.start(), match.end())
    for match in _INTO_TARGET.finditer(text):
        if _NEGATED_TRANSLATION.search(text, max(0, match.start() - 30), match.start()):
            continue  # "Fachbegriffe bitte nicht ins Englische übersetzen": what not to translate into
        found = lookup(match["target"]) or lookup(match["target"] + "e") or lookup(match["target"] + "en")
        if found is not None:
            variant = _VARIANT_NAMES.get((match["variant"] or "").lower())
            return FoundLanguage(f"{variant} {found[0]}" if variant else found[0], found[1], match.start(), match.end())
    return None


# Someone who checks translations rather than making them: the pair names the input's languages.
_JUDGES_TRANSLATIONS = re.compile(
    r"\b(?:grade|grades|grading|score|scores|scoring|review|reviews|reviewing|evaluate|evaluates|evaluating|assess|"
    r"assesses|assessing|check|checks|checking|qa|proofread\w*|rate|rates|rating|mark|marks|marking)\b[^.;\n]{0,30}$",
    re.IGNORECASE,
)


# "如果买家是用德语写的": a language the input may be in, under an "if", says what the input is, not the reply.
_IF_WRITTEN_IN = re.compile(r"(?:如果|若是|要是|假如|もし)[^，,。；;]{0,20}$")


# The same in the other languages: "nos escribe en", "nous écrivent en", "schreiben uns auf", "ci scrivono in".
_WRITES_TO_US = re.compile(
    r"\b(?:nos|nous|uns|ci|ons|me|nou)\s+(?:escribe|escriben|écrit|écrivent|schreibt|schreiben|scrive|scrivono|"
    r"escreve|escrevem|schrijft|schrijven|habla|hablan|parle|parlent|parla|parlano)\s+(?:(?:en|in|em|auf)\s+)?"
    r"(?:[^\W\d_]+\s*,\s*)*$|"
    r"\b(?:schreiben|écrivent|escriben|scrivono|escrevem|schrijven)\s+(?:uns\s+|nous\s+|nos\s+|ci\s+|ons\s+)?"
    r"(?:(?:oft|souvent|a\s+menudo|spesso|muitas\s+vezes|vaak)\s+)?(?:en|in|em|auf)\s+$",
    re.IGNORECASE,
)


# "If a guest writes in English, reply in English", "Si el cliente escribe en inglés, contesta en inglés",
# "英語で書いてきたら英語で返信": the reply half of a case that mirrors one language, no language for every reply
_CONDITIONAL_MIRROR = re.compile(
    r"\b(?:if|when|whenever|should|si|cuando|wenn|falls|sobald|lorsque|quand|se|quando|als|wanneer|indien)\b[^.;\n]{0,60}?"
    r"\b(?:write|writes|wrote|message|messages|text|texts|speak|speaks|ask|asks|contact|contacts|"
    r"escribe|escriben|habla|hablan|pregunta|schreibt|schreiben|spricht|sprechen|écrit|écrivent|parle|parlent|"
    r"scrive|scrivono|parla|parlano|escreve|escrevem|fala|falam|schrijft|schrijven|spreekt|spreken)\b"
    r"[^.;\n]{0,12}?\s(?:in|en|auf|em|op)\s+(?P<case>[^\s,.;]+)[^.;\n]{0,16}$|"
    # verb last: "wenn der Kunde Englisch schreibt, antworte auf", "als de klant Engels schrijft, antwoord dan in"
    r"\b(?:wenn|falls|als|wanneer)\s+(?:[\w']+\s+){0,4}?(?:(?:in\s+het|auf)\s+)?(?P<case2>[^\W\d_]+)\s+"
    r"(?:schreibt|schreiben|spricht|sprechen|schrijft|schrijven|spreekt|spreken)\b[^.;\n]{0,24}$|"
    r"(?:で書いてきたら|で書かれていたら|で書かれたら|で書いたら|で来たら|で話しかけられたら|でのお問い合わせなら|の場合は?)"
    r"[^。；;\n]{0,20}$|(?:如果|若是|要是|假如)[^。；;\n]{0,20}(?:写|說|说|发|發|留言)[^。；;\n]{0,12}$",
    re.IGNORECASE,
)
_TRAILING_CASE = re.compile(
    r"[^.;\n]{0,20}?\b(?:if|when|whenever|si|cuando|wenn|falls|quand|se|quando|als|wanneer)\s+(?:[\w']+\s+){0,4}?"
    r"(?:write|writes|wrote|message|messages|text|texts|speak|speaks|escribe|escriben|schreibt|schreiben|écrit|"
    r"écrivent|scrive|scrivono|escreve|escrevem|schrijft|schrijven)\s+(?:(?:to\s+)?us\s+)?(?:in|en|auf|em|op)\s+"
    r"(?P<case>[^\s,.;]+)|"
    # Dutch and German put the verb last: "als de patiënt Nederlands schrijft", "wenn der Gast Deutsch schreibt"
    r"[^.;\n]{0,20}?\b(?:als|wanneer|wenn|falls)\s+(?:[\w']+\s+){0,4}?(?:(?:in\s+het|auf)\s+)?(?P<case2>[^\W\d_]+)\s+"
    r"(?:schrijft|schrijven|spreekt|spreken|schreibt|schreiben|spricht|sprechen)\b",
    re.IGNORECASE,
)
# ", pero si el cliente escribe en inglés …", ", but if they write in French …": the reply language has exceptions
_EXCEPT_OTHER_LANGUAGE = re.compile(
    r"[^.;\n]{0,20}?[,;]?\s*\b(?:but\s+if|except\s+(?:if|when)|unless|pero\s+si|salvo\s+(?:si|que|cuando)|"
    r"excepto\s+(?:si|que|cuando)|a\s+menos\s+que|aber\s+wenn|au(?:ß|ss)er\s+wenn|mais\s+si|sauf\s+(?:si|quand|s['’]il)|"
    r"à\s+moins\s+qu(?:e|['’])|ma\s+se|tranne\s+(?:se|quando)|a\s+meno\s+che|salvo\s+se|mas\s+se|exceto\s+(?:se|quando)|"
    r"a\s+não\s+ser\s+que|maar\s+als|behalve\s+als|tenzij)(?!\w)[^.;\n]{0,60}?\b(?:write|writes|speak|speaks|"
    # (the subjunctive after "salvo que", "à moins que", "a não ser que", "a meno che": escriba, écrive, escreva)
    r"escribe|escriben|escriba|escriban|habla|hablan|hable|hablen|schreibt|schreiben|spricht|écrit|écrivent|écrive|"
    r"parle|parlent|scrive|scrivono|scriva|scrivano|parla|parlano|parli|parlino|escreve|escrevem|escreva|escrevam|"
    r"escrever|escreverem|fala|falam|fale|falem|falar|schrijft|schrijven|spreekt)\b\s+(?:(?:to\s+)?us\s+)?(?:in|en|em|auf|op|in\s+het)\s+(?P<other>[^\W\d_]+)|"
    # verb last: "maar als de klant Engels schrijft", "aber wenn der Gast Englisch schreibt"
    r"[^.;\n]{0,20}?[,;]?\s*\b(?:maar\s+als|behalve\s+als|tenzij|aber\s+wenn|au(?:ß|ss)er\s+wenn)\s+(?:[\w']+\s+){0,4}?"
    r"(?:(?:in\s+het|auf)\s+)?(?P<other2>[^\W\d_]+)\s+(?:schrijft|schrijven|spreekt|schreibt|schreiben|spricht)\b",
    re.IGNORECASE,
)
_CONDITION_OPENS = re.compile(
    r"\b(?:if|when|whenever|should(?!\s+(?:be|always|only)\b)|unless|si|cuando|wenn|falls|lorsque|quand|se|quando|als|wanneer|indien|tenzij|"
    r"(?:salvo|excepto|a\s+menos)\s+que|à\s+moins\s+qu(?:e|['’])|a\s+não\s+ser\s+que|a\s+meno\s+che)\s+"
    r"(?:(?!you\b|tú\b|du\b|vous\b|u\b)[^\s,.;:]+\s+){1,5}$",
    re.IGNORECASE,
)
# "Si vous écrivez en …", "When you write in …, …": a condition put to the reader of the brief, its language the
# case's only when a clause of its own follows (a comma, "then", "alors", "dann")
_ADDRESSED_CONDITION = re.compile(
    r"\b(?:if|when|whenever|si|quand|lorsque|wenn|falls|cuando|se|quando|als|wanneer)\s+(?:you|vous|du|tu|tú|usted|u|je|jij|sie|você|voi|lei)"
    r"\s+(?:[^\s,.;:]+\s+){1,3}$",
    re.IGNORECASE,
)
_CASE_RULE_AFTER = re.compile(
    # (German puts the verb last: "Wenn du auf Englisch schreibst, …")
    r"[ \t]*(?:[^\W\d_]+[ \t]*)?(?:,|\s+(?:then|alors|dann|entonces|então|allora|dan)\b)",
    re.IGNORECASE,
)
_CJK_IF_AFTER = re.compile(r"[^。；;、,，\n]{0,6}?(?:たら|れば|なら|場合|的话|的話|时|時)")
_NOT_ALWAYS = re.compile(
    r"\b(?:no|not|nicht|pas|não|non|niet)\s+(?:siempre|always|immer|toujours|sempre|altijd|solo|sólo|only|nur|"
    r"seulement|só)\s+(?:en|in|auf|em)\s+$",
    re.IGNORECASE,
)


# "in inglese britannico", "al inglés británico", "en anglais britannique", "em português do Brasil": the variant
# after the name, as Romance languages place it
_POSTPOSED_VARIANT = re.compile(
    r"\s+(?P<variant>britannic[oa]|brit[áa]nic[oa]|britanniques?|brit[âa]nic[oa]|americano|americana|am[ée]ricain[e]?|"
    r"estadounidense|australian[oa]|australien(?:ne)?|canadien(?:ne)?|canadese|qu[ée]b[ée]cois[e]?|brasileir[oa]|"
    r"do\s+brasil|brasiliano|br[ée]silien|europeu|europea|de\s+portugal|de\s+espa[ñn]a|mexicano|latinoamericano)\b",
    re.IGNORECASE,
)
_VARIANT_OF = {
    "brit": "British", "amer": "American", "am\u00e9r": "American", "esta": "American", "aust": "Australian",
    "cana": "Canadian", "qu\u00e9b": "Canadian", "queb": "Canadian", "bras": "Brazilian", "do b": "Brazilian",
    "br\u00e9s": "Brazilian", "euro": "European", "de p": "European", "de e": "Castilian", "mexi": "Mexican",
    "lati": "Latin American",
}  # fmt: skip


def _with_postposed_variant(text: str, found: FoundLanguage) -> FoundLanguage:
    """The language with a variant its name is followed by ("inglese britannico" -> British English)."""
    if " " in found.name or found.name == USER_LANGUAGE:
        return found  # "British English" already, or the user's own language
    name_at = text.lower().rfind(" ", 0, found.end) + 1
    variant = _POSTPOSED_VARIANT.match(text, found.end) or _POSTPOSED_VARIANT.match(text, name_at)
    if variant is None:
        return found
    key = variant.group("variant").lower()[:4]
    label = _VARIANT_OF.get(key) or _VARIANT_OF.get(key.replace("\u00e1", "a").replace("\u00e2", "a"))
    return found._replace(name=f"{label} {found.name}", end=variant.end()) if label else found


def find_language(text: str) -> FoundLanguage | None:
    """The reply language one clause requires, if it states one."""
    found = _find_language(text)
    if found is None:
        return None
    found = _with_postposed_variant(text, found)
    script = script_after(text, found.end) if found.code is not None else None
    if script is not None and "(" not in found.name:
        found = found._replace(name=f"{found.name} (in {script[0]})")  # "Serbian (in Latin script)"
    return found


# "then reply in Portuguese" (a clause of its own after "…; "): the reply of a case the sentence opened before
_CONSEQUENT = re.compile(r"\s*(?:and\s+)?(?:then|entonces|dann|alors|ent[ãa]o|allora|dan)\b", re.IGNORECASE)


def _find_language(text: str) -> FoundLanguage | None:
    target = find_target_language(text)
    if target is not None:
        return target
    rewrite = rewritten_into(text)
    if rewrite is not None and not _NEGATED_TRANSLATION.search(text, max(0, rewrite.start - 60), rewrite.start):
        return rewrite  # "Reescreva este texto em português europeu", "Rewrite this paragraph in French"
    lowered = text.lower()
    if not any(key in lowered for key in LANGUAGE_KEYS):
        return None
    mirror = _MIRROR.search(text)
    if mirror:
        return FoundLanguage(USER_LANGUAGE, None, mirror.start(), mirror.end())
    excepted_until = -1
    for match in _EXPLICIT_TWINS.get(is_plain(text)).finditer(text):
        group = next(
            g
            for g in ("name", "name2", "name3", "name4", "name5", "name6", "name7", "cjk", "cjk2", "cjk3")
            if match.group(g)
        )
        if match.start() < excepted_until or _CONSEQUENT.match(text, 0, match.start()):
            continue  # "…, unless the guest writes in German, then answer in German": the exception's own reply
        if _SOURCE_ONLY.search(text[: match.start(group)]) or _IF_WRITTEN_IN.search(text[: match.start(group)]):
            continue
        if group == "name" and _THIRD_PARTY_SUBJECT.search(text[: match.start()]):
            continue
        if _WRITES_TO_US.search(text[max(0, match.start(group) - 60) : match.start(group)]):
            continue  # "Mucha gente nos escribe en inglés": the language people write in, not the reply's
        if _CJK_IF_AFTER.match(text, match.end()):
            continue  # "英語で書いてきたら": the language of a case ("if they write in English"), not of the reply
        if _CONDITION_OPENS.search(text[max(0, match.start(group) - 60) : match.start(group)]):
            continue  # "Si el cliente escribe en inglés, …": the language of the case, not the reply's
        if _ADDRESSED_CONDITION.search(text[max(0, match.start(group) - 60) : match.start(group)]) and (
            _CASE_RULE_AFTER.match(text, match.end(group))
        ):
            continue  # "Si vous écrivez en anglais, soyez bref": a case the next clause's rule holds in
        mirror = _CONDITIONAL_MIRROR.search(text[max(0, match.start() - 120) : match.start(group)])
        mirrored = mirror.group("case") or mirror.group("case2") if mirror is not None else None
        # (a case that names no language, "when you reply to customers write in formal German", is no mirror)
        if mirror is not None and (mirrored is None or lookup(mirrored) == lookup(match.group(group))):
            # "if the guest writes in English, answer in English": a case beside the brief's language (not "if
            # someone writes in Portuguese, still answer in English": the reply's language, whatever comes in)
            continue
        trailing = _TRAILING_CASE.match(text, match.end())
        case = trailing.group("case") or trailing.group("case2") if trailing is not None else None
        if case is not None and lookup(case) == lookup(match.group(group)):
            # "Reply in Portuguese if they write in Portuguese", "Antwoord in het Nederlands als de patiënt Nederlands
            # schrijft": the same case, said the other way round
            continue
        excepted = _EXCEPT_OTHER_LANGUAGE.match(text, match.end())
        if excepted is not None and lookup(excepted.group("other") or excepted.group("other2")) is not None:
            # "Contesta en español, pero si el cliente escribe en inglés, contesta en su idioma": a default with an
            # exception, which the brief's own sentence states; no language for every reply
            stop = re.compile(r"[.!?\n]").search(text, excepted.end())  # ("…; then reply in Portuguese": its own)
            excepted_until = stop.start() if stop is not None else len(text)
            continue
        if _NOT_ALWAYS.search(text[max(0, match.start(group) - 30) : match.start(group)]):
            continue  # "no siempre en castellano", "not always in English": the language the reply need not be in
        found = lookup(match.group(group))
        if found is not None and match.group("variant3") and _listed_variant(text, match):
            continue  # "Languages supported: British English, French, German": one of several, not the reply's
        if found is not None:
            variant = (match.group("variant") or match.group("variant2") or match.group("variant3") or "").strip()
            variant = _ABBREVIATED_VARIANTS.get(variant.lower(), variant.title())
            # "British English" keeps its variant: spelling and vocabulary follow it.
            name = f"{variant} {found[0]}" if variant else found[0]
            return FoundLanguage(name, found[1], match.start(), match.end())
    message = next((m for m in _MIRROR_MESSAGE.finditer(text) if _replies_in(text, m.start())), None)
    if message is not None and not _MIRROR_DENIED.search(text):
        return FoundLanguage(USER_LANGUAGE, None, message.start(), message.end())
    return None


# ("Languages supported: British English, French", "Audience: Canadian English, French speakers", "Supported
# locales:\n- British English\n- German")
_LIST_OF_LANGUAGES = re.compile(
    r"\b(?:languages?|locales?|audiences?|supported|speakers|markets?|sprachen|idiomas|langues|lingue|talen)\b[^.\n]*[:\n]",
    re.IGNORECASE,
)
_MORE_LANGUAGES = re.compile(rf"\s*(?:,|/|\band\b|\bor\b|\n\s*[-*•])\s*(?:{_LATIN_NAMES})\b", re.IGNORECASE)


def _listed_variant(text: str, match: re.Match[str]) -> bool:
    """Whether a bare variant ("British English") is one item of a list of languages, not the reply's language."""
    if _MORE_LANGUAGES.match(text, match.end()):
        return True
    return _LIST_OF_LANGUAGES.search(text, max(0, match.start() - 80), match.start()) is not None


# "Responder en el idioma de la reseña", "antworte in der Sprache der Bewertung": a verb of replying governs the
# language; "Mention the language of the guest", "nenne die Sprache der Bewertung" asks for it as data
_MIRROR_REPLY_VERB = re.compile(
    r"\b(?:repl(?:y|ies|ying)|respond\w*|answer\w*|writ\w*|draft\w*|respond\w*|contest\w*|antwort\w*|schreib\w*|"
    r"verfass\w*|r[ée]pond\w*|r[ée]dig\w*|[ée]cri\w*|rispond\w*|scriv\w*|redig\w*|escrev\w*|escrib\w*|"
    r"antwoord\w*|schrijf\w*|reageer\w*|beantwoord\w*)\b|返信|回答|回复|回覆|答え",
    re.IGNORECASE,
)


def _replies_in(text: str, start: int) -> bool:
    """Whether the sentence before a "language of the message" mention has a verb of replying."""
    opening = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "! ", "? ", "; ", "。"))
    return _MIRROR_REPLY_VERB.search(text, max(0, opening), start) is not None


# "in the language of the email", "idioma del correo": the language of the message answered, not of the requester.
_OF_A_MESSAGE = re.compile(
    r"e-?mail|\bmail|message|sender|correo|mensaje|remitente|nachricht|absender|courriel|correspondant|mensagem|"
    r"remetente|messaggio|mittente|afzender|review|rese[ñn]a|opini[óo]n|valoraci[óo]n|comentario|bewertung|rezension|"
    r"kommentar|avis|commentaire|critique|avalia[çc][ãa]o|coment[áa]rio|recensione|commento|recensie|beoordeling|reactie",
    re.IGNORECASE,
)


def describe_language(name: str, phrase: str = "") -> str:
    """The imperative sentence for a reply-language constraint (`phrase`: the brief's words for it)."""
    if name == USER_LANGUAGE:
        if _OF_A_MESSAGE.search(phrase):
            return "Reply in the language of the message you are answering."
        return "Reply in the same language the user writes in."
    return f"Always reply in {name}."


# A reply verb near a language name: "再写一封回复草稿，默认用英文", "reply in English", "antworte auf Englisch".
_REPLY_VERB = re.compile(
    r"回复|回覆|回答|答复|写|返信|書|reply|write|answer|respond|antwort|schreib|répond|écri|respond|escrib|contest|"
    r"escrev|rispond|scriv|antwoord|schrijf",
    re.IGNORECASE,
)


# "…, anders in het Engels", "otherwise in English", "sinon en anglais": the reply language of the other case
_OTHERWISE_IN = re.compile(
    r"\b(?:otherwise|else|anders|sinon|sonst|altrimenti|senão|si\s+no|de\s+lo\s+contrario|caso\s+contrário|"
    r"in\s+alle\s+andere\s+gevallen)\b[^.;\n]{0,12}?\b(?:in|en|em|auf|op)\s+(?:het\s+|l['’]|el\s+)?$"
)
# A language name that says what the input is written in: "written in English", "英文写的", "英語で書かれ", "en inglés
# que escriben mis alumnos".
_WRITTEN_IN_BEFORE = re.compile(
    r"(?:written|geschrieben|escrit[oa]s?|écrit(?:e|s|es)?|scritt[oaie]|geschreven|"
    # "anche se lo studente scrive in inglese": what the user writes in; "Mai in inglese": a language ruled out
    r"writes?|scrive|scrivono|schreibt|schreiben|écrit|écrivent|escribe|escriben|escreve|escrevem|schrijft|schrijven|"
    r"mai|never|nie|nicht|jamais|nunca|nooit|not)\s+(?:in|en|em|auf|in\s+het)\s+$"
)
_WRITTEN_IN_AFTER = re.compile(
    r"\s*(?:写的|写成|寫的|で書かれ|で書い|で届|で送られ|que\s+(?:escriben|escrevem|écrivent)|che\s+scrivono|"
    r"(?:geschrieben|written|escrit[oa]s?|écrit(?:e|s|es)?)|"
    # the verb last, the user's ("ook als de cursist in het Engels of Arabisch schrijft", "wenn jemand auf Türkisch
    # schreibt"): the language of the input
    r"(?:schrijft|schrijven|spreekt|spreken|schreibt|schreiben|spricht|sprechen)\b)"
)


# "o CV reescrito em inglês", "el texto reescrito en inglés", "réécrit en anglais", "auf Englisch umgeschrieben": a
# rewrite into another language, the reply's language
_REWRITTEN_INTO = re.compile(
    # (the target right after the verb and its object: "reescribe los correos que llegan en inglés" names the input's)
    r"\b(?:reescrit|reescrib|reescrev|réécri|riscritt|riscriv|herschr|rewrit)\w*(?:\s+[\w'’]+){0,3}?\s+(?:em|en|in|naar|into)\s+"
    r"(?:het\s+)?(?P<name>[^\W\d_]+)|\bauf\s+(?P<name2>[^\W\d_]+)\s+(?:umgeschrieben|umschreiben|neu\s+geschrieben)\b",
    re.IGNORECASE,
)


def rewritten_into(text: str) -> FoundLanguage | None:
    """The language a brief asks its input to be rewritten into ("o CV reescrito em inglês (British English)")."""
    match = _REWRITTEN_INTO.search(text)
    group = ("name" if match.group("name") else "name2") if match is not None else None
    found = lookup(match.group(group)) if match is not None and group is not None else None
    if match is None or group is None or found is None:
        return None
    after = text[match.end(group) : match.end(group) + 24]
    variant = re.match(r"\s*\(?\s*(British|American|Brazilian|European)\b", after)
    name = f"{variant.group(1)} {found[0]}" if variant is not None else found[0]
    return FoundLanguage(name, found[1], match.start(group), match.end(group))


def translates_to_other(text: str, own: str) -> bool:
    """Whether a translation brief names another language than its own ("traduca il menù dall'italiano in inglese e
    in tedesco"): the output is in the languages translated into, not in the brief's."""
    rewrite = rewritten_into(text)
    if rewrite is not None and rewrite.code != own:
        return True  # "devolves o CV reescrito em inglês": the rewrite is in that language
    if not _TRANSLATION_CUE.search(text):
        return False
    lowered = text.lower()
    return any(
        code != own
        and re.search(
            rf"(?:translat|tradu|übersetz|vertaal)\w*[^.\n]{{0,60}}?\b(?:in|into|en|auf|ins|na|naar|para|a|verso|to)\s+"
            rf"(?:het\s+|l['’]|le\s+|el\s+|das\s+)?{re.escape(name)}(?![^\W\d_])",
            lowered,
        )
        is not None
        for name, code in _NAMES.items()
        if (name.isascii() or not name.isalpha()) and name not in CASE_ONLY_NAMES
    )


def other_reply_language(text: str, own: str) -> bool:
    """Whether the text names a reply language other than `own` (an ISO code) near a reply verb: the brief then
    says itself which language each reply is in, and its own language is no safe guess for all of them."""
    lowered = text.lower()
    for name, code in _NAMES.items():
        if code == own or name in CASE_ONLY_NAMES:
            continue
        for match in re.finditer(re.escape(name), lowered):
            if name.isascii() and (
                lowered[match.start() - 1 : match.start()].isalpha() or lowered[match.end() : match.end() + 1].isalpha()
            ):
                continue  # "englisch" inside "Englischunterricht" is no language of a reply
            if _WRITTEN_IN_BEFORE.search(lowered, 0, match.start()) or _WRITTEN_IN_AFTER.match(lowered, match.end()):
                continue  # "英文写的", "英語で書かれ", "en inglés que escriben": the language of the input
            if _ADDRESSED_CONDITION.search(text[max(0, match.start() - 60) : match.start()]) and (
                _CASE_RULE_AFTER.match(text, match.end())
            ):
                continue  # "Si tu écris en anglais, fais court": the case a rule of another kind holds in
            window = text[max(0, match.start() - 12) : match.end() + 12]
            if _REPLY_VERB.search(window) or _OTHERWISE_IN.search(lowered, max(0, match.start() - 30), match.start()):
                return True
    return False


# "se a mensagem vier em português, traduz para inglês; se vier em inglês, traduz para português": a translation whose
# direction follows the language each message arrives in
_DIRECTION = re.compile(
    r"\b(?:if|when|whenever|si|cuando|se|wenn|falls|quand|lorsque|quando|als|wanneer)\b[^.;\n]{0,40}?"
    r"\b(?:in|em|en|auf|op|an)\s+(?P<source>[^\W\d_]+)[^.;\n]{0,20}?[,:]?\s*"
    r"(?:translate|translat\w+|traduz\w*|trad[uú][cz]\w*|traduis\w*|übersetz\w*|vertaal\w*)\s+"
    r"(?:(?:it|them|la|le|lo|la|sie|es|het|a|o)\s+)?(?:into|to|para|en|in|ins|naar|al|a|em|nach|auf)\s+"
    r"(?:(?:el|le|l['’]|o|il|das|het)\s*)?(?P<target>[^\W\d_]+)",
    re.IGNORECASE,
)


def translation_directions(text: str) -> list[tuple[str, str]]:
    """(source, target) English language names for each direction a two-way translation brief sets, in order."""
    found: list[tuple[str, str]] = []
    for match in _DIRECTION.finditer(text):
        source, target = lookup(match.group("source")), lookup(match.group("target"))
        if source is None or target is None or source == target:
            continue
        named = _with_postposed_variant(text, FoundLanguage(target[0], target[1], match.start(), match.end()))
        pair = (source[0], named.name)
        if pair not in found:
            found.append(pair)
    return found


def two_way_directions(text: str) -> list[tuple[str, str]]:
    """The directions of a translation that goes both ways (two or more target languages), else []."""
    directions = translation_directions(text)
    return directions if len({target for _, target in directions}) >= 2 else []


CJK_NAMES = _CJK_NAMES
"""Every language name written in Chinese or Japanese characters, longest first, as an alternation."""
