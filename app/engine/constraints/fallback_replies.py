"""The words a clause fixes as the reply ('say exactly: "…"', "reply exactly: NOT IN SCHEMA", 'If …: "…"',
"「…」と答える"), without words it forbids, a part of a longer reply or the user's own words."""

from __future__ import annotations

import re

from app.engine.constraints.clauses import EXACT_COLON, fixed_reply
from app.engine.constraints.fallback_placement import FOR_CONDITION
from app.engine.constraints.fixed_text import NEGATED_SAY, names_only_reply
from app.engine.constraints.model import FoundFallback
from app.engine.constraints.quotes import POSSESSIVE_AHEAD
from app.engine.constraints.said_instead import banned_case, more_after_quote, previous_ban_case
from app.engine.phrasing import REPLY_COLON

_SAY = re.compile(
    # ('reply only: "Please call 911 now. …"', 'say exactly: "…"', 'respond with just "…"')
    # ('the "Note for family:" line must be exactly: "The team would like to talk to you today, …"')
    r"\b(?:say|reply|respond|answer|tell\s+(?:them|the\s+\w+|users?)|write|output|return|"
    r"(?<=line\s)(?:must|should|has\s+to)\s+(?:be\s+(?=exactly|only|just|verbatim)|read|say)|"
    r"(?:(?<=reply\s)|(?<=answer\s))(?:must|should|has\s+to)\s+(?:be\s+(?=exactly|only|just|verbatim)|read|say))\s*(?:with|:)?\s*"
    r"(?:(?:exactly|only|just|simply|verbatim)\s*(?:with\s*)?:?\s*)?"
    # ('reply with exactly this and nothing more: "…"', 'say the following:', 'use this exact sentence:': the words
    # announced, then given after the colon)
    r"(?:(?:this|these\s+words|the\s+following|this\s+(?:exact\s+)?(?:sentence|text|message|line|wording))"
    r"(?:\s*,?\s*(?:and|with)\s+nothing\s+(?:more|else))?\s*:\s*)?"
    # (an apostrophe inside double quotes ends nothing: "… please ring the nurses' station on 020 …")
    r"(?:(?P<qd>[\"“«„])|(?P<q>['‘]))(?P<say>[^\"”»“\n]{3,300}?)(?(qd)[\"”»“]|"
    + POSSESSIVE_AHEAD
    + r"[’']\s*(?=\s|$|[.,;]))|"
    # '→ alleen: "Bel direct 112."', "-> only: \"…\"", "=> nur: \"…\"": after a case's arrow, "only:" is the verb
    r"(?:(?:(?<=→)|(?<=->)|(?<==>)|(?<=⇒))(?=\s*(?:only|just|alleen|enkel|s[oó]lo|solamente|[uú]nicamente|nur|"
    r"seulement|uniquement|apenas|s[oó]|somente|soltanto)\s*:)|"
    r"\b(?:di|decir|contestar|contesta|conteste|responde|responder|diga|responda|sag|sagen|antworte|antworten|dis|dire|"
    r"réponds|répondre|dites|diz|dizer|rispondi|rispondere|risponda|zeg|zeggen|antwoord|antwoorden|"
    # "-> solo esta frase, sin opinar:", "-> nur diesen Satz:": the one sentence to give, its verb left out
    r"(?:solo|sólo|only|just|nur|seulement|uniquement|apenas|soltanto|alleen)\s+(?:esta|this|diesen|cette|questa|"
    r"deze|este|essa)\s+(?:frase|sentence|satz|phrase|zin|line|línea|ligne|zeile|riga|regel|linha)))"
    r"(?:\s*,[^:\"“«\n]{1,30}(?=:))?"
    # "responde so:", "responda apenas com:", "antworte nur:", "réponds exactement :", "responder solo esto:"
    r"(?:\s+(?:s[oó]|solo|sólo|solamente|only|just|enkel|apenas|somente|nur|seulement|uniquement|únicamente|unicamente|soltanto|"
    r"alleen|exclusivement|exactamente|exatamente|genau|exactement|esattamente|testualmente|letteralmente|precisamente|"
    r"textualmente|literalmente|wörtlich|exakt|letterlijk|precies|textuellement|"
    r"solo\s+con|apenas\s+com|com|con|mit|avec))?(?:\s+(?:esto|lo\s+siguiente|isto|o\s+seguinte|ceci|dies|"
    r"Folgendes|questo|dit))?\s*:?\s*(?P<q2>[\"“'‘«„])(?P<say2>[^\"”’»“]{3,200}?)(?:[\"”’»“]|'(?=\s|$|[.,;]))",
    re.IGNORECASE,
)


_CJK_SAY = re.compile(
    r"(?:(?P<topic>[^。、，,「」]{2,40}?(?:ことは|場合は|ときは|时|的话))\s*)?「(?P<say>[^「」]{3,200})」\s*(?:と|って)\s*(?:答え|回答|伝え|言|返信|返答|返す|返し|案内|说|回答)"
    r"|(?:(?P<topic2>[^。，,“”]{2,40}?(?:的问题|时|的话))[，,]?\s*)?(?:就)?(?:说|回答|回复)\s*[“「](?P<say2>[^”」]{3,200})[”」]"
)


# "问题里提到的表或字段不存在时，只回复：无法用现有数据回答", "…，也只回复一句：现有表中没有这个数据。": unquoted
# words after a Chinese verb of replying and its colon, to the sentence's end (the case before them is the reply's)
CJK_COLON_SAY = re.compile(
    r"(?:(?P<topic>[^。，,：:\n]{2,40}?(?:时|的时候|的话))[，,]\s*)?(?:也|就)?(?:只|仅)?(?:回复|回答|输出|返回|回)"
    r"(?:一句(?:话)?)?\s*[：:]\s*(?P<say>[^。！？\n「」“”\"]{2,80}?)\s*(?=[。！？\n]|$)"
)


# "start the reply with the tag #ALERT", "empezar la respuesta con la etiqueta #AVISO_CENTRAL": a marker the words to
# say come after (a tag or an upper-case code the system reads)
_TAG_FIRST = re.compile(
    r"\b(?:start|begin|open|prefix|empez\w*|comenz\w*|inici\w*|beginn\w*|commenc\w*|come[çc]\w*|begin\w*)\s+"
    r"(?:the|your|each|la|su|die|deine|ihre|la|votre|a|sua|la|de|je)?\s*(?:reply|answer|response|message|respuesta|"
    r"antwort|réponse|resposta|risposta|antwoord)\s+(?:with|con|mit|par|avec|com|met)\s+(?:(?:the|la|el|das|le|a|o|"
    r"het|de)\s+)?(?:(?:tag|label|etiqueta|marker|code|código|etikett|étiquette|etichetta)\s+)?"
    # (an upper-case code as written: not "their first name", "today's date")
    r"(?P<tag>#\w+|\[[A-Z_]+\]|(?-i:[A-Z][A-Z_]{3,})\b)[^.;!?\n]*$",
    re.IGNORECASE,
)


_USER_SAYS = re.compile(
    r"\b(?:they|he|she|the\s+(?:user|customer|kid|child|student|caller|guest|patient|person|member|client)|users?|"
    r"customers?|someone|anyone|people|kids?|students?)\s+(?:(?:(?:still|just|only|then|also|finally|won'?t|don'?t|"
    r"doesn'?t|can'?t|will|would|might|may|could)\s+){1,2}|\w+\s+)?$|"
    # 'Quando o cliente diz "quero cancelar"', 'si el cliente contesta "ya he pagado"', 'il cliente vuole solo dire'
    # (not 'Quando o cliente fica irritado responde "…"': a state, then the bot's reply)
    r"\b(?:(?:el|la|o|a|il|le|der|die|de|l['’])\s*(?:cliente|client|kunde|kundin|klant|usuari[oa]|usuári[oa]|utente|"
    r"paciente|patient|alumn[oa]|aluno|studente|élève|schüler\w*)|alguien|algu[ée]m|qualcuno|quelqu['’]un|jemand|"
    r"iemand)\s+(?:(?:vuole|quiere|quer|veut|will|möchte|wil|solo|só|apenas|seulement|nur|alleen|s[óo]lo|"
    r"te|lo|le|ti|nos|me|les|la|ci|vi|mi|nous|vous|uns|mir|dir|ons|mij|jou|ya|todavía|ainda|ancora|encore|noch)\s+){0,2}$|"
    # 'solo cancela si contesta "vale"', 'only cancel if they reply "yes"': the person's words, the condition of an act
    r"\b(?:si|se|cuando|quando|wenn|falls|sobald|quand|lorsqu['’]?(?:il|elle)?|zodra|once|until|hasta\s+que|até\s+que)"
    r"\s+(?:(?:él|ella|ele|ela|er|sie|il|elle|they|he|she|lo|le|nos|me|te|ihn|ihm)\s+)?$",
    re.IGNORECASE,
)


def _words_to_say(text: str, condition: str | None) -> re.Match[str] | None:
    """The quoted or fixed words the clause gives as a reply, without words it forbids, a part of the reply or the
    user's own words."""
    say = _SAY.search(text) or _case_quote(text, condition)
    if say and NEGATED_SAY.search(text[max(0, say.start() - 20) : say.start()]):
        return None  # 'dont say "i'm just an AI"' forbids those words; it is no reply to give
    if (
        say
        and re.match(r"(?:must|should|has)", say.group(0), re.I)
        and not re.search(r"[\"”']\s+line\s+$", text[max(0, say.start() - 12) : say.start()])
    ):
        return None  # "the first line must read "…". Then explain …": a part, not the reply (but 'the "Note:" line')
    if say and _USER_SAYS.search(text[max(0, say.start() - 40) : say.start()]):
        return None  # 'only show the best move if they say "show me"': the user's words, no reply to give
    return say


def say_fallback(
    text: str, found: list[FoundFallback], condition: str | None
) -> tuple[re.Match[str] | None, list[FoundFallback]]:
    """The reply the clause fixes, added to its fallbacks (the contacts inside it dropped unless in its scope)."""
    say = _words_to_say(text, condition)
    # (a contact inside a reply the brief fixes for a case stays a contact, in the quoted sentence's scope)
    keeps_inside = say is not None and say.re is _CASE_QUOTE
    keeps_contacts = False  # (a phone or an address only: a hand-off inside the words is part of them)
    if say and condition is None and _FIXED_REPLY.search(say.group(0)):
        # 'For any of those reply only with: "Please call … now. Out of hours, call NHS 111."': the case the part
        # names is the fixed reply's
        part = FOR_CONDITION.match(text[max(text.rfind(m, 0, say.start()) for m in ",;") + 1 :])
        condition = part.group("cond") if part is not None else None
        if condition is not None and _ENDS_ON_ARTICLE.search(condition):
            condition = None  # ("For CRISIS the reply …": the reply is a noun there, its case no condition)
        keeps_inside = condition is not None
    if say and more_after_quote(text, say.end()):
        say = None  # 'output only "No findings." and the verdict line': the quote is one part of the reply, not all
    if say and condition is None and len((say.group("say") or say.group("say2") or "").split()) < 3:
        # 'Don't put the homeowner's name in the summary, say "the homeowner"': words to use instead, not a reply
        say = None
    if say and condition is None:
        condition = banned_case(text, say.start())  # 'Don't give debt advice, say: "…"': the ban is the case
        if condition is None and (condition := previous_ban_case(text, say.start())) is not None:
            keeps_contacts = True  # "Never tell anyone whether …. In that case always say: "… 0300 …"": its contact
    elif say and condition is not None:
        keeps_contacts = True  # 'If the mood is 3 or below, say: "… call our team on 0161 …"': that case's contact
    if say and (
        condition is not None
        or re.search(
            r"\b(?:otherwise|else|can'?t|cannot|unable|refuse|decline|out of scope|off-topic|don'?t|never|not)\b",
            text,
            re.IGNORECASE,
        )
    ):
        words = say.group("say") or say.group("say2")
        start = say.start("say") if say.group("say") else say.start("say2")
        end = start + len(words)
        # An address or number inside the words to say is part of that reply, not a fallback of its own, unless the
        # reply is fixed for a case: then it is that case's contact, in the quoted sentence's scope.
        found = [
            f._replace(condition=f.condition or condition) if start <= f.start < end else f
            for f in found
            if keeps_inside or (keeps_contacts and f.action in ("phone", "email", "url")) or not start <= f.start < end
        ]
        tag = _TAG_FIRST.search(text, max(0, say.start() - 160), say.start())
        # "start the reply with #ALERT and say "…"": the tag opens the words to reply
        words = f"{tag.group('tag')} {words.strip()}" if tag is not None else words.strip()
        found.append(FoundFallback("say", words, condition, start, end))
    return say, found


def cjk_say_fallback(text: str, found: list[FoundFallback], condition: str | None) -> list[FoundFallback]:
    """The words a CJK brief gives to say ("規程にないことは「経理部にお問い合わせください」と答える") for what its
    rules do not cover."""
    cjk_say = _CJK_SAY.search(text) if "「" in text or "“" in text else None
    if cjk_say is None or not (cjk_say.group("topic") or cjk_say.group("topic2")):
        return _cjk_colon_say(text, found, condition)
    group = "say" if cjk_say.group("say") else "say2"
    start, end = cjk_say.span(group)
    topic = cjk_say.group("topic") or cjk_say.group("topic2")
    case = condition or (topic.strip() if topic else None)
    # (a number inside the words to say stays a contact, for the same case: "エラーのときは「…0120-… まで」と返す")
    found = [f._replace(condition=f.condition or case) if start <= f.start < end else f for f in found]
    return [*found, FoundFallback("say", cjk_say.group(group).strip(), case, start, end)]


# ", reply exactly:", " output exactly:": the verb of replying right after the case
_REPLY_VERB = re.compile(
    r"\s*,?\s*(?:(?:then|just|simply|please|dann|entonces|alors|allora)\s+)?(?:reply|respond|answer|say|output|return|"
    r"write|use|send|rispondi|risponda|rispondere|responde|responda|contesta|conteste|antworte|antworten|sag|sage|"
    r"réponds|répondez|répondre|dis|dites|antwoord|zeg|escribe|escreva|scrivi|schreib\w*|écris|diga|di)\b"
    r"(?![^.;:]*\b(?:line|field|column|subject|title)\b)[^.;:]{0,40}$",
    re.IGNORECASE,
)


_ENDS_ON_ARTICLE = re.compile(r"\b(?:the|a|an|your|their|our|its)\s*$", re.IGNORECASE)


_OPENS_WITH_REPLY = re.compile(REPLY_COLON, re.IGNORECASE)


_FILLER = re.compile(
    r"\s*(?:->|→|=>)?\s*,?\s*(?:(?:then|just|simply|please|only|dann|einfach|entonces|solo|alors|simplement|allora|gewoon)\s+)*"
    r"(?:(?:you|it)\s+(?:should|must|will)\s+)?",
    re.IGNORECASE,
)


# "output exactly LGTM", "responde exatamente SEM_TRADUCAO", "rispondi solo con: -- NON DISPONIBILE": an upper-case
# code the reply is made of, unquoted and with no colon needed (a code is its own end)
EXACT_CODE = re.compile(
    r"\b(?:output|reply|respond|answer|say|print|responde|responda|responder|rispondi|rispondere|antworte|antworten|"
    r"réponds|répondre|antwoord|"
    # ("write only NO ENTRIES", "escribe solo SIN DATOS", "schreib nur KEINE DATEN")
    r"write|escribe|escriba|escreve|escreva|écris|écrivez|schreib|schreibe|scrivi|scriva|schrijf)\s+(?:with\s+)?"
    r"(?:exactly|only|just|exatamente|exactamente|esattamente|genau|exactement|precies|solo(?:\s+con)?|"
    r"apenas(?:\s+com)?|nur|seulement|uniquement|alleen|soltanto|sólo|só|ausschließlich)\s*:?\s*"
    # ("output only JSON", "respond with only SQL": a format, not the words of the reply)
    r"(?!(?:JSON|SQL|CSV|TSV|XML|YAML|YML|HTML|MARKDOWN|TEXT|JSONL|NDJSON)\b)"
    # ("NO ENTRIES THIS WEEK": a two-letter word opens a code of several words)
    r"(?P<code>(?:--\s*)?(?-i:(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ0-9_]{2,}|[A-Z]{2}(?=[ _][A-ZÀ-ÖØ-Þ0-9_]{2,}))"
    # (the code is the whole reply: "LGTM, no blockers" or "LGTM (…)" are longer replies, left to the quote readers)
    r"(?:[ _][A-ZÀ-ÖØ-Þ0-9_]{2,})*))(?![\w'’])(?=\s*(?:[.;!?\n]|$|(?:and|y|e|und|et|en)\s))",
    re.IGNORECASE,
)


def bare_fixed_reply(text: str, condition: str | None) -> FoundFallback | None:
    """ "If the question can't be answered from these four tables, reply exactly: NOT IN SCHEMA": the words to reply,
    unquoted after "exactly:", for the case the clause opens with."""
    code = EXACT_CODE.search(text) if condition is not None else None
    if code is not None and not NEGATED_SAY.search(text[max(0, code.start() - 20) : code.start()]):
        return FoundFallback("say", code["code"], condition, code.start("code"), code.end("code"))
    opened = EXACT_COLON.search(text)
    at = text.find(condition) if condition is not None else -1
    written = condition
    if condition is not None and at < 0 and condition.startswith("For "):
        # ("Empty log -> write only: NONE" -> "For empty log"): the case as the brief writes it
        written = condition[4:]
        at = text.lower().find(written.lower())
    if condition is None or written is None or opened is None or at < 0 or at + len(written) > opened.start():
        return None
    before = text[at + len(written) : opened.start()]
    # ("If a parent describes a reaction now, the only reply is: Call 999 …": the opener names the reply)
    replies = _REPLY_VERB.match(before) or (names_only_reply(opened.group(0)) and not before.strip(" ,\t"))
    # ("If I ask for something the tables don't hold, just reply: That isn't in …": the opener is the verb itself)
    replies = replies or (
        _OPENS_WITH_REPLY.match(text, opened.start()) is not None and _FILLER.fullmatch(before) is not None
    )
    if NEGATED_SAY.search(before) or not replies or _ENDS_ON_ARTICLE.search(condition):
        # ("…, the first line must be exactly: RISK FLAG …": a line of the reply; "For CRISIS the reply is …": a part)
        return None
    # (two characters before the opener: "just reply:" is a verb of replying only after a word)
    words = fixed_reply(text[max(0, opened.start() - 2) :])
    if not words:
        return None
    start = text.find(words, opened.start())
    return FoundFallback("say", words.rstrip(), condition, start, start + len(words)) if start >= 0 else None


# 'If the leaflet doesn't answer it: "That isn't covered … Please call our nurses on …"': a case, a colon and the
# words to reply, nothing else (the contact inside the quote is part of the reply)
_CASE_QUOTE = re.compile(
    # (no comma before the colon: 'If they can't afford rent, after answering add: "…"' adds words to the answer)
    r"^\s*(?:[-*•]\s*|\d{1,2}[.)]\s*)?(?:if|when|whenever|unless)\b[^:,;\"“«\n]{3,160}?(?P<colon>\s*:)\s*"
    r"(?P<qd>[\"“«])(?P<say>[^\"”»\n]{3,300})[\"”»]\s*[.!]?\s*$(?P<q>)?(?P<say2>)?",
    re.IGNORECASE,
)


def _case_quote(text: str, condition: str | None) -> re.Match[str] | None:
    """The quoted reply right after the clause's condition and its colon, if that is all the clause says ("For CRISIS
    the reply is always exactly: "…"" names a part of the reply, not a case)."""
    quote = _CASE_QUOTE.match(text)
    at = text.find(condition) if quote is not None and condition else -1
    if quote is None or condition is None or at < 0 or text[at + len(condition) : quote.start("colon")].strip():
        return None
    return quote


_FIXED_REPLY = re.compile(r"\b(?:only|exactly|just|verbatim|solo|nur|uniquement|apenas|solamente)\b", re.IGNORECASE)


def _cjk_colon_say(text: str, found: list[FoundFallback], condition: str | None) -> list[FoundFallback]:
    """The unquoted words a Chinese brief gives to reply after a colon ("…时，只回复：无法用现有数据回答"), for the case
    before them; with no case stated, the words are no fallback."""
    said = CJK_COLON_SAY.search(text) if "：" in text or ":" in text else None
    case = (said.group("topic") or condition) if said is not None else None
    if said is None or case is None:
        return found
    start, end = said.span("say")
    return [*found, FoundFallback("say", said.group("say").strip(), case.strip(), start, end)]
