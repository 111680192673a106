"""Fallbacks: what to do when the assistant cannot help ("if unsure, email help@acme.com", "escalate to a human")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from app.engine.constraints.abbreviation_dots import mask_abbreviation_dots
from app.engine.constraints.clauses import EXACT_COLON, fixed_reply
from app.engine.constraints.fixed_text import names_only_reply
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.model import FallbackAction
from app.engine.constraints.phones import EMERGENCY_SERVICES, emergency_after_colon, find_dial_numbers
from app.engine.constraints.quotes import POSSESSIVE_AHEAD, quote_start
from app.engine.constraints.said_instead import banned_case, more_after_quote, previous_ban_case
from app.engine.phrasing import REPLY_COLON, VERBS

EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
# ("宅配買取（kazemachi-books.jp/takuhai）を案内する": CJK text and full-width punctuation end a link)
_NOT_IN_URL = "\\s<>\"')\\]\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
URL = re.compile(
    rf"\bhttps?://[^{_NOT_IN_URL}]+[^{_NOT_IN_URL}.,;:!?]|\bwww\.[^{_NOT_IN_URL}]+[^{_NOT_IN_URL}.,;:!?]|"
    # A bare domain with a path ("spokeandchain.com/book"): common top-level domains only, so "file.py" stays a file.
    r"(?<![@\w.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|app|dev|info|biz|us|uk|de|fr|es|it|nl|"
    rf"ch|at|be|ca|au|nz|ie|eu|jp|cn|br|pt|mx|in)/[^{_NOT_IN_URL}]*[^{_NOT_IN_URL}.,;:!?]",
    re.IGNORECASE,
)
# ("0800 123 4567 24/7": the hours after a number are no part of it)
PHONE = re.compile(r"(?<![\w$€£.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{5,16}\d(?![\w%/])")
_HANDOFF = re.compile(
    r"\b(?:connect(?:ed)?|transfer(?:red)?|escalated?|hand(?:ed)?(?:\s+(?:it|them|the\s+\w+))?\s+(?:off|over)|pass(?:ed)?|routed?|forward(?:ed)?|refer(?:red)?|"
    r"talk\s+to|speak\s+(?:to|with)|see|consult|contact|reach\s+out\s+to|call|"
    r"put\s+(?:them|the\s+\w+)\s+through|offer)\b[^.;]{0,60}?\b(?:human|agent|person|representative|rep|specialist|"
    r"staff(?:\s+member)?|team(?:\s+member)?|manager|supervisor|operator|support(?:\s+team)?|live\s+chat|colleague|"
    r"nurse|doctor|clinician|lawyer|advisor|adviser|paralegal|attorney|pharmacist|therapist|counsell?or|expert|"
    r"professional|dentist|vet|technician|engineer|accountant|GP|physician|midwife|pharmacy|case\s?worker|"
    r"social\s+worker|coordinator|receptionist)s?\b(?:\s+(?:agent|representative|rep|colleague|member|team))?s?|"
    r"\b(?:human|live)\s+(?:agent|handoff|hand-off|support)\b|"
    r"\b(?:derivar?|deriva|escalar?|escala|transferir|transfiere|pasar?)\b[^.;]{0,40}\b(?:agente|humano|persona|"
    r"especialista|equipo|asesor|operador|representante)\b|\b(?:weiterleiten|übergeben|eskalieren|leite)\b[^.;]{0,40}|"
    r"\b(?:mitarbeiter|menschlichen?\s+\w+)\b[^.;]{0,30}\b(?:weiter|verbinden|übergeben)|"
    r"\b(?:transférer|transfère|transfèrer?|transmettre|transmets|escalader|rediriger|redirige|passer|passe)\b[^.;]{0,40}"
    r"\b(?:agent|humain|conseill[eè]re?|équipe|collègue|opérateur|opératrice|spécialiste)s?\b|"
    r"\b(?:encaminhar?|encaminhe|transferir|transfira|escalar?|passar|passe)\b[^.;]{0,40}\b(?:agente|humano|atendente|"
    r"equipe|especialista|consultor|colega)s?\b|"
    # "doorzetten naar een medewerker", "passare a un operatore": the Dutch and Italian hand-off
    r"\b(?:doorzetten|doorverbinden|doorsturen|overdragen|doorverwijzen|escaleren|zet|verbind|stuur|draag)\b[^.;]{0,40}"
    r"\b(?:medewerker|collega|mens|specialist|agent|team)s?\b|"
    r"\b(?:passare|passa|trasferire|trasferisci|inoltrare|inoltra|girare|gira|escalare)\b[^.;]{0,40}"
    r"\b(?:operatore|operatrice|collega|umano|consulente|specialista|agente)\b|"
    r"有人工|人工客服|转人工|担当者|オペレーター",
    re.IGNORECASE,
)
_SAY = re.compile(
    # ('reply only: "Please call 911 now. …"', 'say exactly: "…"', 'respond with just "…"')
    # ('the "Note for family:" line must be exactly: "The team would like to talk to you today, …"')
    r"\b(?:say|reply|respond|answer|tell\s+(?:them|the\s+\w+|users?)|write|output|return|"
    r"(?<=line\s)(?:must|should|has\s+to)\s+(?:be\s+(?=exactly|only|just|verbatim)|read|say)|"
    r"(?:(?<=reply\s)|(?<=answer\s))(?:must|should|has\s+to)\s+(?:be\s+(?=exactly|only|just|verbatim)|read|say))\s*(?:with|:)?\s*"
    r"(?:(?:exactly|only|just|simply|verbatim)\s*(?:with\s*)?:?\s*)?"
    # (an apostrophe inside double quotes ends nothing: "… please ring the nurses' station on 020 …")
    r"(?:(?P<qd>[\"“«])|(?P<q>['‘]))(?P<say>[^\"”»\n]{3,300}?)(?(qd)[\"”»]|"
    + POSSESSIVE_AHEAD
    + r"[’']\s*(?=\s|$|[.,;]))|"
    r"\b(?:di|decir|contestar|contesta|conteste|responde|responder|diga|responda|sag|sagen|antworte|antworten|dis|dire|"
    r"réponds|répondre|dites|diz|dizer|rispondi|rispondere|risponda|zeg|zeggen|antwoord|antwoorden)"
    # "responde so:", "responda apenas com:", "antworte nur:", "réponds exactement :"
    r"(?:\s+(?:s[oó]|solo|sólo|solamente|apenas|somente|nur|seulement|uniquement|únicamente|unicamente|soltanto|"
    r"alleen|exclusivement|exactamente|exatamente|genau|exactement|"
    r"solo\s+con|apenas\s+com|com|con|mit|avec))?\s*:?\s*(?P<q2>[\"“'‘«])(?P<say2>[^\"”’»]{3,200}?)(?:[\"”’»]|'(?=\s|$|[.,;]))",
    re.IGNORECASE,
)
_CJK_SAY = re.compile(
    r"(?:(?P<topic>[^。、，,「」]{2,40}?(?:ことは|場合は|ときは|时|的话))\s*)?「(?P<say>[^「」]{3,200})」\s*(?:と|って)\s*(?:答え|回答|伝え|言|返信|返答|返す|返し|案内|说|回答)"
    r"|(?:(?P<topic2>[^。，,“”]{2,40}?(?:的问题|时|的话))[，,]?\s*)?(?:就)?(?:说|回答|回复)\s*[“「](?P<say2>[^”」]{3,200})[”」]"
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
_NEGATED_SAY = re.compile(r"\b(?:don'?t|do\s+not|never|not|nor|no\s+need\s+to|stop)\s+(?:ever\s+)?$", re.IGNORECASE)
_CONDITION = re.compile(
    r"\b(?:if|when|whenever|in\s+case|(?:em|en|no)\s+caso\s+de|in\s+caso\s+d(?:i|['’])|"
    r"(?<![\w ])anything\s+else(?=\s*,)|"
    # "Anything involving a lost laptop is P1, and tell them to phone …": the cases that sentence opens with
    r"(?<![\w ])(?:anything|any\s+(?:case|report|message|request|ticket)s?)\s+"
    r"(?:involving|about|concerning|related\s+to)|"
    # "For hazardous waste (paint, asbestos) don't book anything, send them to …": a topic that opens the clause
    r"(?<![\w ])for(?=\s+(?!(?:example|instance|now|more|all|each|every|the\s+rest|any|anything|them|it|you|me|us)\b)"
    r"[\w-]+)|en\s+cas\s+d[e']|im\s+falle?|unless|should\s+(?:a|the)\s+\w+|for\s+anything\s+(?:else|outside)|otherwise|"
    # "For anything about pricing, say '…'", "Per domande sui prezzi rispondi '…'": a topic that opens the case
    r"(?<![\w ])for\s+anything\s+(?:about|regarding|concerning|involving|related\s+to|to\s+do\s+with)|"
    r"(?<![\w ])per(?=\s+(?:domande|richieste|questioni|problemi|qualsiasi|ogni|tutto\s+ci[òo]))|"
    r"si|cuando|wenn|falls|sonst|quand|lorsque|sinon|caso|quando|se(?=\s+(?:o|a|não|você|houver|alguém|ele|ela|falar|mencionar|perguntar|pedir|disser|contar|tiver|estiver|"
    r"for|quiser|precisar|relatar|escrever)\b)|"
    # "Wer von Suizidgedanken spricht, …", "als iemand …", "se qualcuno …": whoever and if in de, nl, it, es
    r"wer(?=\s+\w+\s+\w+)|quien(?:es)?(?=\s+\w+)|als(?=\s+(?:je|u|de|het|een|iemand|er)\b)|wanneer|indien|qualora|"
    r"se(?=\s+(?:il|la|lo|un|una|qualcuno|ci|non|c['’])\b)|"
    # "Bei Notfällen (…) sofort auf … verweisen", "ante una urgencia", "pour toute question", "para dúvidas":
    # a preposition before a situation is that contact's condition.
    r"bei(?=\s+(?:notf|dringend|störung|problem|fragen|beschwerden|unklarheit|schäden|verdacht|\w+fällen|\w+en\s)|(?!\s+(?:uns|mir|dir|ihnen|euch|ihm|ihr)\b)[^.:;]{3,160}:\s)|ante|"
    # "bij levensgevaar: bel 112", "bij bloedverlies, …: …": the Dutch "bei", opening its clause
    r"(?<![\w ])bij(?=(?!\s+(?:ons|mij|me|je|jou|u|hen|hem|haar|elkaar)\b)[^.:;]{3,160}:\s)|"
    r"pour\s+(?:toute?s?|les)(?=\s)|para(?=\s+(?:dudas|consultas|preguntas|quejas|reclamaciones|urgencias|dúvidas|"
    r"reclamações|urgências|emergencias|emergências)))\b"
    # (a colon before a fixed reply or a route ends the case: 'se qualcuno parla di minacce …: "Se è in pericolo …"')
    r"[^,;.]*?(?=,|;|\.(?:\s|$)|$|\s?[:：]\s*[\"“«„\d]|(?<!n't)(?<!not)(?<!n’t)"
    # ("If the transfer fails, give …": after an article the word is a noun, not the action)
    r"(?<!\bthe)(?<!\ba)(?<!\ban)(?<!\byour)(?<!\btheir)(?<!\bour)(?<!\bmy)\s+(?:(?:just|simply|please|pls|kindly)\s+)?(?:tell|say|reply|respond|output|(?<!phishing\s)(?<!spam\s)email|call|offer|escalate|direct|point\s+(?:them|him|her|people|users?|the\s+\w+)|refer|"
    r"ask\s+(?:them|the|him|her)|send|hand|connect|transfer|then|responde|rispondi|risponda|sag|dis|diga|ring|signpost|"
    # "if it's missing write "Battery health: ask us"": the words to write (not "if they write "STOP"")
    r"(?<!\bthey)(?<!\byou)(?<!\bwe)(?<!\bI)(?<!\bpeople)(?<!\busers)(?<!\bcustomers)(?<!\bmembers)"
    r"(?:write|put)(?=\s*[:\"“«„])|"
    # "di que …", "di': …": the Spanish or Italian "say", not the Italian "of" ("se qualcuno parla di minacce …")
    r"di(?=['’]|\s*[:«\"“]|\s+(?:que|che)\b)|"
    # "if anyone mentions suicide give Samaritans 116 123": giving a named line or a number is the action.
    r"give\s+(?:them\s+)?(?:the\s+)?(?=(?:number|line|helpline|hotline)\b|(?-i:[A-Z0-9]))|"
    r"immer|sofort|direkt|bitte|stets|auf\s+(?:die|den|das|unsere?)|an\s+(?:die|den|das|unsere?))\b)",
    re.IGNORECASE,
)
_CONTACT_VERB = re.compile(
    r"\b(?:email|e-mail|mail|contact|call|phone|ring|reach|write\s+to|direct|refer|send|point|tell|visit|go\s+to|"
    r"recommend|book|suggest|"
    r"escalate|forward|ask\s+them|support|help|escribe|contacta|llama|schreib|kontaktier|ruf|écri|contacte|appel|"
    r"contate|ligue|ligar|envie|renvo|redirig|verweis|besuch|visita|visite|consulte|acesse|accede|accéde)\w*|"
    r"拨打|致电|打电话|联系|电话|電話|連絡|お問い合わせ|案内|メール|邮件|发邮件",
    re.IGNORECASE,
)


# Words without which no hand-off can be stated: a cheap test before the full pattern.
_HANDOFF_KEYS = re.compile(
    r"human|agent|person|representative|\brep\b|specialist|staff|team|manager|supervisor|operator|support|"
    r"live\s+chat|colleague|nurse|doctor|clinician|lawyer|advis|paralegal|attorney|pharmacist|therapist|counsel|expert|"
    r"professional|dentist|\bvet\b|technician|engineer|accountant|\bGP\b|physician|midwife|agente|humano|especialista|equipo|weiterleit|"
    r"übergeb|eskalier|mitarbeiter|menschlich|humain|conseill|équipe|atendente|equipe|人工|担当者|オペレーター|worker|"
    r"coordinator|receptionist|asesor|operador|collègue|opérat|spécialiste|consultor|colega|medewerker|collega|\bmens\b|"
    r"operat|consulente|umano",
    re.IGNORECASE,
)


_LINE_NUMBER = re.compile(
    r"\b(?P<number>\d{3,5})\s+(?:suicide\s+(?:and\s+crisis\s+)?)?(?:life|hot|help|crisis\s+)line\b|"
    r"\b(?:lifeline|hotline|helpline|crisis\s+line)\s+(?:at\s+|on\s+|number\s+)?(?P<number2>\d{3,5})\b|"
    # "signpost them to Samaritans on 116 123", "refer them to Shelter at 0808 800 4444": a named line's number
    r"\b(?:refer|direct|point|send|signpost|redirect)\w*\s+(?:them|him|her|people|users?|the\s+\w+)\s+to\s+"
    r"(?:[A-Z][\w'&-]*\s+){1,4}(?:on|at)\s+(?P<number3>\d{3}(?:[\s-]\d{3,4}){1,2})\b",
    re.IGNORECASE,
)


# "refer them to the Landlord and Tenant Board or a legal clinic", "indicar o Procon ou um advogado": a referral to
# a named body or professional is the brief's own hand-off.
_REFERRAL = re.compile(
    r"\b(?:refer|direct|point|send|signpost|redirect)\s+(?:them|him|her|the\s+\w+|users?|people|customers?)\s+"
    r"(?:to|towards?)\s+(?P<en>[^.;:!?]{3,80})"
    r"|\b(?:indicar|indique|encaminhar|encaminhe|recomendar|recomende|orientar\s+a\s+procurar|remitir|remite|"
    r"derivar\s+a|deriva\s+a|recomienda|orienter\s+vers|orientez\s+vers|rediriger\s+vers|renvoyer\s+vers|"
    r"verweisen\s+(?:an|auf)|verweise\s+(?:an|auf))\s+(?P<foreign>[^.;:!?]{3,80})",
    re.IGNORECASE,
)
_REFERRAL_VERB = re.compile(
    r"refer|direct|point|send|signpost|redirect|indi|encaminh|recomend|orient|remit|deriv|rediri|renvo|verweis", re.I
)


_REFERRAL_TARGET = re.compile(
    r"\b[A-Z][\w-]+|\b(?:advogad|abogad|avocat|anwält|anwalt|médic|medic|arzt|ärzt|psicólog|psycholog|defensor|"
    r"defensoría|juiz|tribunal|serviço|servicio|service|beratungsstelle|centro|centre|clínica|clinique|klinik|"
    r"profissional|profesional|professionnel|especialista|spécialiste|fachperson|farmacêutic|farmacéutic|pharmacien|"
    r"apotheke|nutricionista|terapeuta|thérapeute|therapeut|asesor|conseiller|berater)"
)


def _referral(text: str, found: list[FoundFallback], condition: str | None) -> FoundFallback | None:
    """A referral to a named body or professional that no other fallback of the clause already covers."""
    match = _REFERRAL.search(text) if _REFERRAL_VERB.search(text) else None
    if match is None or any(f.start >= match.start() for f in found):
        return None
    if condition is None and re.match(r"(?:direct|point|send|redirect)", match.group(0), re.IGNORECASE):
        return None  # "point users to the docs" is a rule, not what to do when help runs out
    if match.group("foreign") and not _REFERRAL_TARGET.search(match.group("foreign")):
        return None  # "recomendar empréstimos" recommends a thing; a referral names a body or a professional
    words = match.group(0).strip().rstrip(",")
    return FoundFallback("handoff", words, condition, match.start(), match.start() + len(words))


class FoundFallback(NamedTuple):
    """A fallback: the action, its exact value (address, number, URL, or words to say), condition and extent."""

    action: FallbackAction
    value: str
    condition: str | None
    start: int
    end: int


def _phones(text: str, taken: list[tuple[int, int]]) -> list[re.Match[str]]:
    phones: list[re.Match[str]] = []
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if not 7 <= len(digits) <= 15 or any(s <= match.start() < e for s, e in taken):
            continue
        # Dates and plain numbers ("2024-01-05", "1000000") are not phone numbers.
        raw = match.group(0).strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw) or (raw.isdigit() and len(digits) < 10):
            continue
        phones.append(match)
    return phones


def handoff_phrase(text: str) -> str | None:
    """The hand-off wording in a text ("connect them with a human agent"), if any."""
    match = _HANDOFF.search(text)
    return match.group(0) if match else None


_BOT_SUBJECT = re.compile(
    r"\b(?:it|the\s+bot|the\s+assistant)\s+(?P<neg>doesn'?t|doesn’t|does\s+not|can'?t|can’t|cannot)\s+"
    r"(?=(?:know|answer|help|find|tell)\b)",
    re.IGNORECASE,
)


def _you(match: re.Match[str]) -> str:
    return "you do not " if match.group("neg").lower().startswith("do") else "you cannot "


# The orders users write in their own language after a case ("…, dale el 024", "…, donne-lui le numéro", "…, indique o
# número", "…, dagli il numero", "…, nenne ihm die Nummer"): where a listed case ends and the action starts
_FOREIGN_ORDERS = (
    r"dale|dales|dile|diles|avisa|llam[ae]\w*|indica|remite|deriva|pide|ofr[eé]cele|env[ií]a(?:le|les)?|"
    r"donne(?:[- ]lui|[- ]leur)?|donnez(?:[- ]lui|[- ]leur)?|indique[rz]?|dis(?:[- ]lui|[- ]leur)?|appelle|renvoie|"
    r"orientez?|propose(?:[- ]lui)?|"
    r"passe|diga|ligue|oriente|encaminhe|d[êe](?:[- ]lhe)?|pe[çc]a|acolha|informe|"
    r"dagli|dalle|d[àa]\s+(?:loro|gli|le)|chiama|fornisci|suggerisci|consiglia|"
    r"sag\w*|gib|nenn\w*|ruf\w*|verweis\w*|schick\w*|empfiehl|"
    r"zeg|geef|verwijs|bel|noem"
)
# "if someone has severe swelling, bleeding that won't stop or trouble breathing tell them to call 999": the commas
# separate items of the condition's own list (its last item joined by "or"/"and"), not the condition from the action.
# Bounded repeats keep the match linear on long unpunctuated text.
_LIST_TAIL = re.compile(
    # (a colon ends the condition: "If anyone mentions self-harm or danger: stop the small talk, give them …")
    # (an item's brackets may hold commas: "a bad reaction after a jab (swollen face or throat, trouble breathing)")
    r",(?P<more>(?:\s*(?:[^,;.:(]|\([^()]{0,80}\)){1,120},){0,4}?\s*(?:[^,;.:]{1,80}?\s)?(?:or|and|oder|und|ou|et|o|y)\s+"
    r"(?:[^,;.:(]|\([^()]{0,80}\)){1,120}?),?"
    # ("…, food insecure or fleeing abuse, before anything else tell them …": when, then the action)
    # ("…, or abuse, you should give them …", "…, the bot must not …": the assistant and its modal start the order)
    r"(?=\s*:|\s+(?:you|we|it|the\s+(?:bot|assistant))\s+(?:should|must|need\s+to|has\s+to|have\s+to|will|can|"
    r"mustn'?t|shouldn'?t|won'?t|can'?t|cannot)\b|"
    # ("…, or heavy bleeding, the FIRST thing you write is …", "…, your reply starts with …": the reply's own words)
    r"\s+(?:the\s+(?:first|only)\s+(?:thing|line|words?|sentence)|your\s+(?:first\s+|only\s+)?(?:reply|answer|"
    r"response|line|words?|sentence))\b|\s+(?:before\s+anything(?:\s+else)?\s*,?\s+)?"
    r"(?:(?:just|simply|please|pls|kindly)\s+)?(?:"
    + _FOREIGN_ORDERS
    + r"|tell|say|reply|respond|email|call|offer|escalate|direct|point|"
    r"refer|ask\s+(?:them|the|him|her)|send|hand|connect|transfer|then|give|share|provide|suggest|recommend|"
    r"don'?t|do\s+not|never|start\s+with|begin\s+with|open\s+with|"
    r"mande|ligue|diga|peça|encaminhe|oriente|recomende|llam[ae]\w*|pide|dile|diles|indica|recomienda|deriva|"
    r"sag\w*|ruf\w*|schick\w*|verweis\w*|dis|dites|appel\w*|envoie\w*|orientez|conseille\w*|bekomm\w*|erhält|"
    r"gib|nenn\w*|geef|bel|noem|verwijs|dai|chiama|indica|fornisci)\b)",
    re.IGNORECASE,
)
_IMPERATIVE_START = re.compile(
    r"\s*(?:tell|say|reply|respond|email|call|offer|escalate|direct|point|refer|ask|send|hand|connect|transfer|then|"
    r"apologi[sz]e|stay|keep|be|give|let|explain|suggest|remind|thank|acknowledge|stop|do|don'?t|never|always|"
    # ("…, check the tracking and the photo: if both say delivered, …": a step, not an item of the condition;
    # not "leave", "return", "mark" or "add", which name things a condition lists: "leave or payroll", "add-ons")
    r"write|put|check|verify|look|confirm|"
    r"please|just|you|we|they|it|i|"
    # the same orders in the languages users write ("…, passe o CVV", "…, dale el 024", "…, gib die Nummer")
    r"passe|diga|ligue|indique|oriente|encaminhe|dê|pe[çc]a|acolha|dile|dales?|llama|deriva|indica|remite|"
    r"pide|sag|gib|nenne|verweise|ruf|dis|donne|appelle|renvoie|chiama|"
    r"zeg|geef|verwijs|bel)\b",
    re.IGNORECASE,
)


# "mark the order as disputed", "add it to the log": a verb with its object is a step, whereas "leave or payroll",
# "mark or exam result" are items a condition lists
_STEP_START = re.compile(
    # (not "move a balance" or "return the item", which a condition may list as what someone asks about)
    r"\s*(?:mark|add|flag|log|update|record|note|tag|file)\s+"
    r"(?:the|a|an|it|them|their|this|that|his|her|its|our|your)\b",
    re.IGNORECASE,
)


_TRAILING_MODAL = re.compile(
    r"\s+(?:it|the\s+bot|the\s+assistant|you|we|they)\s+(?:should|must|will|needs?\s+to|has\s+to|can|shall)"
    r"(?:\s+(?:just|simply|always))?$",
    re.IGNORECASE,
)


# "如果学生提到想伤害自己，…", "分からない場合は、…": a Chinese or Japanese condition runs to its comma.
_CJK_CONDITION = re.compile(
    # (not the Japanese "当日", "当店": a word of its own there, no "when")
    r"(?:如果|假如|若是|要是|一旦|万一|当(?![日月年社店院館方該然初番面前]))[^，,。；;！？]{2,60}|"
    r"[^，,。；;！？、]{2,60}?(?:場合は?|ときは|時は|たら|なら)(?=[，,、])|"
    # "雷注意報が出ている時の営業は…": a time or case that names what follows it
    r"(?<![^\s・\-*•。、，,；;：:])[^，,。；;！？、「」\s・]{2,40}?(?:時|とき|場合)(?=の)|"
    # "段ボール10箱未満は出張できないので、…": a count below or above a bound opens its case
    r"(?<![^\s・\-*•。、，,；;：:])[^，,。；;！？、\s・]{1,30}?\d+[^\d，,。、\s]{0,3}?(?:未満|以下|以上|超)(?=は|の(?:場合|とき|方))"
)


_CJK_TRANSFER = re.compile(
    r"[^\x00-\x7f]*(?:つな|繋|転送|エスカレ|引き継|转|交给|接通|联系|連絡|案内)|^(?![\s\S]*[\u3040-\u9fff])"
)
"""A transfer verb next to a CJK hand-off noun; a text with no CJK at all passes (its hand-off is not CJK)."""


# Dutch and German state a condition by putting the verb first ("Heeft iemand schulden …, verwijs dan naar …",
# "Hat jemand Schulden, dann …"): the clause up to the comma is the condition when "dan"/"dann" follows it.
_VERB_FIRST_CONDITION = re.compile(
    r"^\s*(?:heeft|hebben|is|zijn|wil|wilt|zit|komt|vraagt|krijgt|staat|hat|haben|ist|sind|will|möchte|braucht|fragt|"
    r"bekommt|meldet|steht|fehlt|gibt|findet|weiß|kennt|passt)\s+(?:iemand|u|je|jij|er|een|de|het|jemand|man|er|sie|"
    r"der|die|das|ein\w*|etwas|nichts|es|iets|niets)\b[^,;.]{3,160}"
    # ("Steht etwas nicht im Führer, antworte: …": the order right after the comma)
    r"(?=,\s*(?:(?:\w+\s+){0,2}(?:dan|dann)\b|(?:antworte|antworten|antwoord|sag|sage|sagen|zeg|schreib\w*|gib|"
    r"verweise|nenne)\b))",
    re.IGNORECASE,
)


_ABBREVIATION_DOTS = re.compile(r"\b(?:e\.g|i\.e|etc|approx|incl)\.", re.IGNORECASE)
# "If the drug is controlled don't queue anything — tell them …": the step before the dash is no part of the case.
_STEP_BEFORE_DASH = re.compile(r"\s+(?:don'?t|do\s+not)\s+\w+[^—–]*[—–]\s*$", re.IGNORECASE)


_KEY_FIRST = re.compile(r"[A-ZÀ-Ý][\w-]{2,30}[ \t]?[:：]\s")


def find_condition(text: str) -> str | None:
    """The condition phrase of a clause ("if unsure", "when the customer is angry"), as written."""
    # "If the drug is controlled (e.g. oxycodone, Adderall) …": an abbreviation's dots end no condition
    masked = _ABBREVIATION_DOTS.sub(lambda m: m.group(0).replace(".", "\u2024"), text)
    masked = mask_abbreviation_dots(masked)  # ("If they ask about St. Mary's ward, …", "approx. prices", "Nr. 5")
    condition = _find_condition(masked)
    if condition is not None and (quoted := quote_start(masked, condition)) is not None:
        # 'say: "For free independent help, StepAhead …"': the reply's own words are no case; look before them
        condition = _find_condition(masked[:quoted])
    if condition is None:
        return None
    # "Si la personne dit qu'elle est tombée : répondre uniquement « … »": the case ends at its colon
    colon = re.search(r"\s?[:：]\s", condition)
    # ("Si la personne est en danger immédiat : le 17 ou le 112 d'abord": so does a route after the colon)
    # ("… « remboursement » : Priorité : haute, …": and so does a keyed line the case sets)
    after = condition[colon.end() :] if colon is not None else ""
    if colon is not None and colon.start() >= 8 and (re.search(r"[«“\"]|\d|@", after) or _KEY_FIRST.match(after)):
        condition = condition[: colon.start()]
    condition = _STEP_BEFORE_DASH.sub("", condition.replace("\u2024", ".")).rstrip(" —–")
    return _before_opener(text, condition) or None


def _before_opener(text: str, condition: str) -> str:
    """ "bij bloedverlies, … zien is het antwoord altijd en alleen: …": the case ends where the fixed reply's opener
    starts."""
    opener = EXACT_COLON.search(text)
    at = text.find(condition)
    if opener is None or at < 0 or not at < opener.start() < at + len(condition):
        return condition
    return text[at : opener.start()].rstrip(" ,;")


# "when: …", "quando: …", "wenn: …": a condition word with a colon right after it, then its cases up to the full stop
_CASES_AFTER_COLON = re.compile(
    r"(?:when|whenever|if|quando|cuando|wenn|falls|quand|lorsque|als|wanneer|indien|se|si)\s?[:：]\s+"
    r"[^.;:!?\n]{3,240}?(?=\.(?:\s|$)|[;!?\n]|$)",
    re.IGNORECASE,
)


def _find_condition(text: str) -> str | None:
    inverted = _VERB_FIRST_CONDITION.match(text)
    if inverted is not None:
        return inverted.group(0).strip()
    match = _CONDITION.search(text)
    if not match:
        cjk = _CJK_CONDITION.search(text)
        return cjk.group(0).strip() if cjk else None
    condition = match.group(0).strip().rstrip(",")
    colon = text.find(":", match.start())
    listed = _CASES_AFTER_COLON.match(text, match.start())
    if listed is not None:
        # "passe à equipa quando: o cliente recebeu azulejos partidos, quer mais de 50 m2, …": the colon opens the
        # list of cases, which runs to the sentence's end (not to its first comma)
        return listed.group(0).strip()
    if re.match(r"b(?:ei|ij)\b", condition, re.IGNORECASE) and colon != -1 and "." not in text[match.start() : colon]:
        # "Bei Atemnot, Krampfanfall oder Verdacht auf Vergiftung: sofort 112": the condition runs to the colon.
        return text[match.start() : colon].strip() if colon - match.start() <= 160 else condition
    if condition.count("(") > condition.count(")"):
        # "if the animal is having an emergency (not breathing, bleeding a lot) tell them ...": the commas inside
        # the parentheses belong to the condition.
        close = text.find(")", match.end())
        if close != -1 and close - match.start() <= 240:
            condition = text[match.start() : close + 1].strip()
    tail = _LIST_TAIL.match(text, match.end()) if condition.count("(") == condition.count(")") else None
    if tail and ")" in tail.group("more") and "(" not in tail.group("more"):
        tail = None  # the parenthesis was closed above
    if tail and not (_IMPERATIVE_START.match(tail.group("more")) or _STEP_START.match(tail.group("more"))):
        # "If they mention suicide, self-harm or danger, stop the flow and tell them to call …": the list ends
        # where a part starts with an instruction.
        parts = tail.group("more").split(",")
        cut = next(
            (i for i, part in enumerate(parts) if i and (_IMPERATIVE_START.match(part) or _STEP_START.match(part))),
            len(parts),
        )
        condition = f"{condition},{','.join(parts[:cut])}".strip()
    # "otherwise if it doesn't know": the "if" clause is the condition; "otherwise" only links it to the last one.
    condition = re.sub(
        r"^(?:otherwise|else|sonst|sinon)\s+(?=(?:if|when|wenn|falls|si|quand|se)\b)", "", condition, flags=re.I
    )
    # "if it's not in there it should say ...": the modal before the action belongs to the action, not the condition.
    condition = _TRAILING_MODAL.sub("", condition)
    # "if it doesn't know", "if the bot can't answer": the assistant is "you" in the prompt.
    condition = _BOT_SUBJECT.sub(_you, condition)
    cases = _CASES_STATED.match(condition)
    if cases is not None:
        # "Anything involving X is P1" -> "For anything involving X"
        condition = f"For {cases.group('cases')[0].lower()}{cases.group('cases')[1:]}"
    return condition if len(condition.split()) >= 2 or condition.lower() in {"otherwise", "sonst", "sinon"} else None


# "Conductores menores de 23 años o con carné de menos de 2 años: no se pueden añadir por chat, que llamen al …",
# "Lost cards: call …": two words or more before a colon, then what to do (one word, "Contacto:", is a label)
_CASE_BEFORE_COLON = re.compile(
    # ("… over 3.5 t and motorbikes:": a decimal point ends no sentence)
    r"\s*(?:[-*•]\s*|\d{1,2}[.)]\s*)?(?P<case>[^\W\d_](?:[^:\n.;!?]|(?<=\d)\.(?=\d)){2,118}?\s+[^:\n.;!?\s]+)\s*:\s+\S"
)
# The name of a contact ("Customer care team:", "Horario de atención al cliente:", "Unsere Telefonnummer für
# Termine:", "Reception desk (Mon-Fri):"): the words before the colon say who answers, not when
_CONTACT_NAME = re.compile(
    r"\b(?:team|desk|switchboard|(?:phone|help|hot|service|support|direct|customer)\s*lines?|numbers?|phones?|tel\w*|numéro|número|numero|\w*nummer|service|servicio|"
    r"servizio|serviço|atendimento|atención|attention|\w*service|kundendienst|office|oficina|büro|bureau|reception|"
    r"recepción|empfang|hotline|support|soporte|suporte|contact\w*|kontakt|contatto|contato|care|horario|hours|"
    r"öffnungszeiten|horaires|chat|widget|e-?mail|mail|whatsapp|helpdesk|address|adresse|dirección|site|website|"
    r"web|portal|form|formulario|formular|formulaire|times|opening\w*|ouverture|apertura|funcionamento|orari|horários?|"
    r"openingstijden|heures)\b",
    re.IGNORECASE,
)
# A situation named before the colon ("Leaks outside office hours:", "Groups over 12:", "Conductores menores de 23
# años:"): a case, whatever contact words it holds
_SITUATION = re.compile(
    r"\b(?:if|when|outside|after|before|more\s+than|less\s+than|during|fuera|más|menos|menores|mayores|wenn|falls|"
    r"bei|außerhalb|nach|hors|après|plus\s+de|moins\s+de|quand|se|quando|fora|fuori|dopo|buiten|si|cuando)\b|"
    # (a size, not a channel: "Groups over 12", not "Customer service over WhatsApp")
    r"\b(?:over|under|above|below|über|unter|oltre|boven|onder)\s+(?:\S+\s+)?\d|"
    # a problem the contact is for: "Complaints about the delivery service:", "Billing errors on the website:"
    r"\b(?:complaints?|quejas?|reclam\w*|beschwerden?|plaintes?|klacht\w*|errors?|errores|erreurs?|fehler|errori|erros?|"
    r"problems?|problemas?|problèmes?|probleme?|problemi|issues?|damaged?|broken|lost|stolen|faults?|defect\w*|"
    r"leaks?|claims?|disputes?|incidents?|accidents?|emergenc\w*|wrong|incorrect\w*|erron\w*|falsch\w*|equivocad\w*|"
    r"sbagliat\w*|errad\w*|verkeerd\w*)\b",
    re.IGNORECASE,
)
_OPENS_A_CASE = re.compile(r"(?:for|if|when|whenever|in|on|after|before|once|unless|during|with)\b", re.IGNORECASE)
_LABEL_WORDS = re.compile(
    r"\b(?:note|notes|rules?|important|reglas|regeln|règles|"
    r"regras|regole|regels|contacto|kontakt|contato|contatto|nota|hinweis|example|examples|format|output)\b",
    re.IGNORECASE,
)
_CASES_STATED = re.compile(
    r"^(?P<cases>(?:anything|any\s+\w+)\s+(?:involving|about|concerning|related\s+to)\s+.+?)"
    r"(?:\s+(?:is|are|counts?\s+as|gets?|means?)\b.*)?$",
    re.IGNORECASE,
)
# "there is no human support", "never offer to connect them to a person": a hand-off the brief rules out.
_NEGATED_HANDOFF = re.compile(
    r"\b(?:no|never|don'?t|do\s+not|can'?t|cannot|without|not)\b(?:\s+(?:offer|try|promise)\s+to)?\s*$", re.IGNORECASE
)


def _first_handoff(text: str) -> re.Match[str] | None:
    """The first hand-off the text offers, skipping one it rules out."""
    position = 0
    while (match := _HANDOFF.search(text, position)) is not None:
        before = text[max(0, match.start() - 30) : match.start()]
        if _ARTICLE_BEFORE.search(before) and not re.match(r"(?:human|live)\s", match.group(0), re.IGNORECASE):
            position = match.start() + 1  # a noun ("the transfer"): a real hand-off may follow inside the same match
            continue
        if not _NEGATED_HANDOFF.search(before):
            return match
        position = match.end()
    return None


_ALSO_SOMEONE = re.compile(
    r"\s+or\s+(?:an?\s+|the\s+|their\s+|your\s+)?(?:[\w-]+\s+){0,3}?(?:human|agent|person|representative|rep|"
    r"specialist|manager|supervisor|nurse|doctor|clinician|lawyer|advisor|adviser|paralegal|attorney|pharmacist|"
    r"therapist|counsell?or|expert|professional|dentist|vet|accountant|GP|physician|midwife|service|clinic|centre|"
    r"center|office|charity|line|helpline)s?\b",
    re.IGNORECASE,
)
# "If the transfer fails, give the advisor line …": after an article the hand-off word is a noun
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|this|your|their|our|my)\s+$", re.IGNORECASE)


_COPIED_BEFORE = re.compile(
    r"\b(?:b?cc|copy(?:\s+in)?|kopie|copie|copia|cópia)\s*:?\s*(?:to\s+|an\s+|à\s+|a\s+)?$", re.I
)
_COPIED_AFTER = re.compile(
    r"\s+(?:in|into|en|op|im|na|em)\s+(?:the\s+|de\s+|la\s+)?(?:b?cc|copy|kopie|copie|copia|cópia)\b", re.I
)


# "- you don't, you just label it", "(not you)": the clause gives the route to someone else; the verb is left out
# ("you don't handle billing: send them to billing@…" is a route for the assistant)
_SOMEONE_ELSE_DOES = re.compile(
    r"[-–—,;:(]\s*(?:but\s+)?(?:you\s+(?:don'?t|do\s+not|never|won'?t)|not\s+you)\s*(?:[,.;)]|$)",
    re.IGNORECASE,
)


# "… once, for anything you cannot answer", "in every reply you can't resolve": the line is the route when stuck
_WHEN_STUCK = re.compile(
    r"\b(?:can'?t|cannot|can\s+not|unable|not\s+sure|don'?t\s+know|doesn'?t\s+know|out\s+of\s+scope|beyond)\b",
    re.IGNORECASE,
)
# "always mention LIHEAP energy assistance once: … 1-866-674-6327", "include the helpline in every reply": content
# the replies carry, said by the brief's own sentence
_MENTION_ONCE = re.compile(
    r"^\W*(?:always\s+|also\s+)?(?:mention|include|add|share)\b[^.;:!?\n]{0,60}?\b(?:once|in\s+every|in\s+each|at\s+the\s+end)\b",
    re.IGNORECASE,
)


# The name ends in the unit that answers: "Claims team", "Lost luggage desk", "Departamento de siniestros"
_CONTACT_UNIT = re.compile(
    r"\b(?:team|desk|office|department|unit|line|hotline|helpdesk|service)\s*$|"
    r"^(?:departamento|departement|département|abteilung|dipartimento|ufficio|oficina|bureau|servicio|service|servizio|"
    r"serviço|afdeling)\b",
    re.IGNORECASE,
)


# ("Complaints about the delivery service:": the service is what the complaint is about)
_ABOUT = re.compile(r"\b(?:about|with|regarding|concerning|on|über|zu|sur|sobre|con|su|met|over)\b", re.IGNORECASE)


def _before_colon(text: str) -> str | None:
    """The words a clause opens with before a colon, unless the colon introduces words to write ('Firma: "Un
    saludo, …"', 'One closing line: "Full minutes: …"')."""
    opening = _CASE_BEFORE_COLON.match(text)
    if opening is None or text[opening.end() - 1] in "\"“«„'":
        return None
    return opening.group("case").strip()


def _names_a_contact(text: str) -> bool:
    """Whether a clause opens with a contact's name and a colon ("Customer care team on WhatsApp: +44 …",
    "Servizio clienti su WhatsApp: 333 …"): what follows is where to send people."""
    name = _before_colon(text)
    return name is not None and (_CONTACT_NAME.search(name) is not None or _CONTACT_UNIT.search(name) is not None)


def for_case(case: str) -> str:
    """A case as a condition: "Refunds over $500" -> "For refunds over $500" (a name or acronym keeps its capital)."""
    return f"For {case[0].lower() if case[1:2].islower() else case[0]}{case[1:]}"


def colon_case(text: str) -> str | None:
    """The case a rule opens with before a colon ("Gas smell or CO alarm going off: don't book anything."), if any."""
    return _colon_case(text)


def _colon_case(text: str) -> str | None:
    """The case a clause opens with before a colon, when what follows it is what to do ("Conductores menores de 23
    años …: …, que llamen al 922 555 310"); not a label ("Contacto: …"), an order ("End every answer with: …") or a
    statement ("POs over £25,000 are not raised by the bot: …")."""
    stated = _before_colon(text)
    if (
        stated is None
        or not stated[0].isupper()
        or ("," in stated and not _lists_cases(stated))
        or _LABEL_WORDS.search(stated)
        or _IMPERATIVE_START.match(stated)
    ):
        return None
    if _CONTACT_NAME.search(stated) and not _SITUATION.search(stated):
        return None  # "Customer care team: care@…", "Servizio clienti e prenotazioni: 06 …": the contact's name
    if _CONTACT_UNIT.search(stated) and not _ABOUT.search(stated):
        return None  # "Claims team:", "Lost property office:", "Departamento de siniestros:": a unit that handles them
    if re.search(r"\b(?:with|to|at|as|by|on|like|from|in|of|is|are)$", stated, re.IGNORECASE) or _NOT_A_CASE.search(
        stated
    ):
        return None  # "End every answer with: …", "One closing line: …", "Ne jamais annuler …: …": no case
    if _WHEN_STUCK.search(stated) or _CANNOT_ANSWER.search(stated):
        return None  # "Vragen die je niet kunt beantwoorden: mail …": the catch-all contact, said as such
    if not is_english(stated):
        return stated
    if _FINITE_VERB.search(stated) or stated.split()[0].lower() in VERBS | _ORDER_VERBS:
        return None  # "POs over £25,000 are not raised by the bot: …", "End with a donation link: …"
    # "Refunds over $500: email …" -> "For refunds over $500, tell the user to email …"
    return stated if _OPENS_A_CASE.match(stated) else for_case(stated)


# "Questions, complaints or anything else", "Tone warm, short", "Mon-Fri 9-5, Sat 10-2", "Hi, I'm Dana": a list that
# names no case (the catch-all, a style, opening hours, a greeting)
_NO_CASE_LIST = re.compile(
    r"^(?:hi|hey|hello|dear|tone|style|voice|format|length|language|hours|opening|open)\b|"
    r"\b(?:anything|everything|something)\s+else\b|\bgeneral\b|\b(?:questions?|enquiries|inquiries|queries)\b|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day)?s?\b|\d\s*[-–]\s*\d|\b(?:i|i'm|we|we're)\b",
    re.IGNORECASE,
)
_JOINED_LAST = re.compile(r"(?:^|\s)(?:and|or|&|et|ou|y|o|e|und|oder|en)\s", re.IGNORECASE)


def _lists_cases(stated: str) -> bool:
    """Whether words before a colon are a list of cases ("Lorries, motorhomes over 3.5 t and motorbikes", "Poids
    lourds, camping-cars de plus de 3,5 t et motos"): short items after ", ", the last joined by "and"/"or"."""
    items = stated.split(", ")  # (", " with its space: "3,5 t" is a decimal, not two items)
    if len(items) > 8 or any(len(item.split()) > 8 or not item.strip() for item in items):
        return False
    return _JOINED_LAST.search(items[-1]) is not None and not _NO_CASE_LIST.search(stated)


_NOT_A_CASE = re.compile(
    r"\b(?:line|lines|sentence|link|url|sign-?off|signature|footer|header|subject|closing|greeting)\b|"
    # (a rule that opens with its negation: "Ne jamais annuler une réservation toi-même: …")
    r"^(?:\w+\s+)?(?:never|not|no|don'?t|ne|jamais|nunca|nie|nicht|kein\w*|niemals|não|nao|non|mai|niet|nooit|geen)\b|"
    # (a step after another: "Danach Störung an die Technik melden lassen: 0800 …")
    r"^(?:then|after\s+that|afterwards|next|danach|dann|anschließend|después|luego|ensuite|puis|depois|poi|dopo|"
    r"daarna|dan)\b|"
    # (a scope or a standing order: "Solo matematica: per il resto rispondi …", "Firma siempre: …")
    r"^(?:only|solo|sólo|nur|seulement|uniquement|apenas|somente|soltanto|alleen)\b|"
    r"\b(?:always|siempre|immer|toujours|sempre|altijd)\b",
    re.IGNORECASE,
)
_CANNOT_ANSWER = re.compile(
    r"\b(?:niet|nicht|no|ne|não|nao|non)\b[^:]{0,30}\b(?:kunt|kan|kannst|können|puedes|puede|sabes|peux|peut|sais|"
    r"consegue|consegues|sabe|puoi|può|sai|beantwoorden|beantworten|responder|contestar|répondre|rispondere)\b",
    re.IGNORECASE,
)
_ORDER_VERBS = frozenset({"end", "include", "add", "use", "sign", "close", "open", "begin", "put", "mention", "append"})
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|do|does|did|can|could|will|would|should|must|may|needs?|requires?|goes|"
    r"gets|wants?|means)\b",
    re.IGNORECASE,
)


# "Cancellations within 24 hours only by phone on …", "Invoices via email only at …", "après, uniquement par
# téléphone au …": the one channel for a case
_ONLY_CHANNEL = re.compile(
    r"\b(?:(?:only|just|solely|uniquement|seulement|solo|sólo|únicamente|nur|ausschließlich|apenas|somente|solamente|"
    r"soltanto|alleen)\s+(?:by|via|through|over|on|par|por|per|über|pelo|pela|telefonisch|telef[oó]nicamente)\b|"
    r"(?:by|via|through|over)\s+(?:phone|telephone|e-?mail|text|post|whatsapp)\s+only\b)",
    re.IGNORECASE,
)
# the business's one contact, said with "only": "Please contact us only by email", "Support only by …"
_GENERAL_CONTACT = re.compile(
    r"(?:please|sorry|get\s+in\s+touch|contact|reach\w*|support|help|questions?|enquir\w*|inquir\w*|queries|"
    r"anything|everything|all|general|customer\s+service|us|we|you|they|it|our|my)\b",
    re.IGNORECASE,
)


# "- insurance, billing, compliance reports -> billing@…", "refunds → call 0800 …": the case, an arrow, its route
_ARROW_CASE = re.compile(
    r"\s*(?:[-*•]\s*|\d{1,2}[.)]\s*)?(?P<case>[^\W\d_][^\n.;!?:]{1,118}?)\s*(?:->|→|=>|⇒|➔|"
    # "groups over 8 and hen parties go to events@…", "refunds are handled by billing@…"
    r"\s(?:go(?:es)?|should\s+go|are\s+(?:sent|passed|forwarded|referred|handed\s+over))\s+to|"
    r"\s(?:are|is)\s+(?:handled|dealt\s+with|taken\s+care\s+of)\s+by)\s*"
    # (a route after the arrow, not a label: "ads, spam → REMOVE (a person contacts the user)")
    r"(?=(?:(?:please\s+)?(?:e-?mail|call|phone|ring|text|contact|write\s+to|send\s+(?:them\s+)?to|refer\w*|point\s+\w+\s+to|"
    r"escalate\s+to|forward\s+to|hand\s+\w+\s+to|transfer\s+to)\b[^\n]{0,40})?(?:[\w.+-]+@|\+?\d[\d ()-]{5,}|https?://|www\.))",
    re.IGNORECASE,
)


def arrow_case(text: str) -> str | None:
    """The case a clause names before an arrow that points at its route ("insurance, billing -> billing@…" -> "For
    insurance, billing"); not the catch-all ("anything else -> hello@…") or an order ("check the order -> …")."""
    match = _ARROW_CASE.match(text)
    if match is None:
        return None
    case = match.group("case").strip(" ,")
    if _names_no_case(case) or (_NO_CASE_LIST.search(case) and not _lists_cases(case)) or _NOT_A_CASE.search(case):
        return None
    if _WHEN_STUCK.search(case) or _CANNOT_ANSWER.search(case) or _CATCH_ALL.match(case.strip()):
        return None  # "anything you can't answer -> …", "Sonstiges -> info@…": the catch-all contact, said as such
    return case if _OPENS_A_CASE.match(case) or not is_english(case) else for_case(case)


# "the rest", "Sonstiges", "otras preguntas", "その他": everything the other routes do not take
_CATCH_ALL = re.compile(
    r"(?:the\s+)?(?:rest|misc(?:ellaneous)?|others?|general|sonstige[s]?|alles\s+andere|andere\s+(?:Fragen|Themen|Anliegen)|"
    r"übrige[s]?|otr[oa]s?(?:\s+(?:preguntas|dudas|temas|consultas|cosas))?|lo\s+dem[áa]s|resto|"
    r"outr[oa]s?(?:\s+(?:d[úu]vidas|perguntas|assuntos|coisas))?|altr[oaie]?(?:\s+(?:domande|richieste|cose|questioni))?|"
    r"overige(?:\s+vragen)?|overig|autres?(?:\s+(?:questions|demandes|sujets))?|divers)"
    r"(?:\s+(?:questions|stuff|things|topics|requests))?\s*$|その他|其他|其它|ほか|他の",
    re.IGNORECASE,
)


# "Lots under 10 boxes can't be collected, so point them to …/post": a subject with a size bound, what holds for it,
# then the route; the route is that case's, not the one for whatever the assistant cannot help with
_BOUNDED_SUBJECT = re.compile(
    r"\s*(?:[-*•]\s*|\d{1,2}[.)]\s*)?(?P<case>(?:[A-Za-z][\w'-]*\s+){1,4}(?:under|over|below|above|"
    r"(?:less|more|fewer)\s+than)\s+[£$€]?\d[\d,.]*(?:\s*[a-z%]+)?)\s+(?:can'?t|cannot|aren'?t|isn'?t|won'?t|"
    r"don'?t|doesn'?t|are|is|need|needs|must|have|has|go|get)\b[^.;:]{0,80}?,\s*(?:so\s+|then\s+|and\s+)?"
    r"(?=(?:point|send|refer|direct|tell|give|email|call|offer)\b)",
    re.IGNORECASE,
)


def _bounded_case(text: str) -> str | None:
    """The case a clause opens with as a bounded subject ("Lots under 10 boxes" -> "For lots under 10 boxes")."""
    match = _BOUNDED_SUBJECT.match(text)
    return for_case(match.group("case")) if match else None


def stuck_case(words: str) -> bool:
    """Whether a case is the catch-all one ("if you can't answer", "vragen die je niet kunt beantwoorden", "the
    rest"), the route for whatever the assistant cannot help with."""
    return bool(_WHEN_STUCK.search(words) or _CANNOT_ANSWER.search(words) or _CATCH_ALL.match(words.strip()))


def _only_channel_case(text: str) -> tuple[str, int] | None:
    """The case a clause names right before its one channel ("Cancellations within 24 hours only by phone on …"),
    and where that part of the clause ends (a route after it, "…, everything else by email", is another's)."""
    channel = _ONLY_CHANNEL.search(text)
    if channel is None:
        return None
    whole = _ITEM_LEAD.sub("", text[: channel.start()]).strip(" ,;:")
    segment_start = max(text.rfind(",", 0, channel.start()), text.rfind(";", 0, channel.start())) + 1
    case = _ITEM_LEAD.sub("", text[segment_start : channel.start()]).strip(" ,;:")
    if "," in whole and _lists_cases(whole):
        case = whole  # "Group bookings, weddings and conferences only via email": the whole list is the case
    if len(case) < 4 or _names_no_case(case) or (len(case.split()) == 1 and case[:1].islower()):
        return None  # ("We answer only by email", "Don't take bookings in the chat, only by phone": no case)
    following = re.search(r"[,;]", text[channel.end() :])
    end = channel.end() + following.start() if following else len(text)
    return (case if not is_english(case) or _OPENS_A_CASE.match(case) else for_case(case)), end


_ITEM_LEAD = re.compile(r"^\s*(?:[-*•]\s*|\d{1,2}[.)]\s*)")


def _names_no_case(words: str) -> bool:
    """Whether the words before a channel name no case: the business's one contact ("Please contact us", "anything
    else"), an order ("Don't take bookings in the chat") or a statement ("We answer")."""
    return bool(_GENERAL_CONTACT.match(words) or _IMPERATIVE_START.match(words) or _FINITE_VERB.search(words))


_SEGMENT_CHANNEL = re.compile(
    r"\s*(?P<case>[^\W\d_][\w' &-]{2,40}?)\s+(?:by|via|through)\s+(?:phone|telephone|e-?mail|text|post|whatsapp)\b",
    re.IGNORECASE,
)


def _own_segment_case(text: str, position: int) -> str | None:
    """The case the comma part holding a route names before its channel ("cancellations by email to …")."""
    start = max(text.rfind(",", 0, position), text.rfind(";", 0, position)) + 1
    named = _SEGMENT_CHANNEL.match(text, start, position)
    if named is None:
        return None
    case = named.group("case").strip()
    return None if _names_no_case(case) else for_case(case)  # ("everything else by email": the general route)


def _no_contact_in(text: str) -> bool:
    """Whether the clause holds nothing a fallback could be: no address, number, quote, exact text, hand-off or
    referral verb (the cheap test that keeps most clauses out of the readers below)."""
    digits = sum(ch.isdigit() for ch in text)
    quoted = any(mark in text for mark in '"“‘«「') or bool(re.search(r"(?<!\w)'", text))
    bare_url = "/" in text and URL.search(text) is not None
    contact_free = "@" not in text and "http" not in text and "www." not in text and digits < 2 and not quoted
    contact_free = contact_free and not bare_url and EXACT_COLON.search(text) is None
    contact_free = contact_free and _EXACT_CODE.search(text) is None
    return contact_free and not _HANDOFF_KEYS.search(text) and not _REFERRAL_VERB.search(text)


def _clause_case(text: str) -> tuple[str | None, tuple[str, int] | None]:
    """The case the clause's fallbacks are for, and the case a route "only by phone" names with where it ends."""
    channelled = None if find_condition(text) or _colon_case(text) else _only_channel_case(text)
    condition = find_condition(text) or _colon_case(text) or (channelled[0] if channelled else None)
    return condition or arrow_case(text) or _bounded_case(text), channelled


def _contacts(text: str, condition: str | None) -> list[FoundFallback]:
    """The addresses, web addresses and numbers of the clause, in the order read (e-mail, URL, phone, dialled)."""
    digits = sum(ch.isdigit() for ch in text)
    found: list[FoundFallback] = []
    taken: list[tuple[int, int]] = []
    contact_context = condition is not None or bool(_CONTACT_VERB.search(text)) or _names_a_contact(text)
    for match in EMAIL.finditer(text):
        if _COPIED_BEFORE.search(text, 0, match.start()) or _COPIED_AFTER.match(text, match.end()):
            continue  # "put quality@… in cc": a copy recipient of the reply, no contact to send people to
        found.append(FoundFallback("email", match.group(0), condition, match.start(), match.end()))
        taken.append((match.start(), match.end()))
    for match in URL.finditer(text):
        if any(s <= match.start() < e for s, e in taken) or not contact_context:
            continue
        found.append(FoundFallback("url", match.group(0), condition, match.start(), match.end()))
        taken.append((match.start(), match.end()))
    if contact_context and digits >= 7:
        for match in _phones(text, taken):
            value = match.group(0).strip()
            found.append(FoundFallback("phone", value, condition, match.start(), match.end()))
    if digits >= 2:
        found.extend(_dialled(text, condition, found))
    return found


def _dialled(text: str, condition: str | None, found: list[FoundFallback]) -> list[FoundFallback]:
    """Numbers a cue says to call ("call 911", "appeler le 15", "拨打120", "Störungshotline 0800 123 4567") that no
    contact already found covers."""
    dialled: list[FoundFallback] = []
    for dial in [*find_dial_numbers(text), *(emergency_after_colon(text) if condition is not None else ())]:
        if not any(f.start <= dial.start < f.end or dial.start <= f.start < dial.end for f in (*found, *dialled)):
            dialled.append(FoundFallback("phone", dial.value, condition, dial.start, dial.end))
    for match in _LINE_NUMBER.finditer(text):
        group = next(g for g in ("number", "number2", "number3") if match.group(g))
        if not any(f.start <= match.start(group) < f.end for f in (*found, *dialled)):
            number = match.group(group)
            dialled.append(FoundFallback("phone", number, condition, match.start(group), match.end(group)))
    return dialled


# "doorzetten naar een medewerker", "an einen Mitarbeiter übergeben": a foreign hand-off verb states the hand-off itself
_FOREIGN_HANDOFF_VERB = re.compile(
    r"(?:doorzet|doorverbind|doorstuur|overdrag|escaleer|übergeb|weiterleit|eskalier|mitarbeiter|transf[ée]r|transmet|"
    r"passer|passe\b|escalader|rediriger|encaminh|passar|transfir|deriv|escalar|pasar|passare|trasferi|inoltra|gira)",
    re.IGNORECASE,
)
# "Vragen over uitbetalingen boven €2.000 doorzetten naar …", "Refunds over $500 are handed off …": the topic that
# opens the clause is the hand-off's case
_TOPIC_LEAD = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:(?:questions?|requests?|queries|anything|cases?|claims?|refunds?|complaints?)\s+"
    r"(?:about|on|over|for|involving|regarding|of|above|larger\s+than)|vragen\s+(?:over|om)|verzoeken\s+(?:om|tot)|"
    r"klachten\s+over|fragen\s+(?:zu|zum|zur|nach|über)|anfragen\s+(?:zu|zum|zur)|questions?\s+(?:sur|concernant)|"
    r"demandes?\s+(?:de|d['’]|sur|concernant)|perguntas\s+sobre|pedidos\s+de|preguntas\s+sobre|solicitudes\s+de|"
    r"domande\s+su|richieste\s+di)\b(?:[^.;:!?]|(?<=\d)\.(?=\d)){3,120}?(?:\s+(?:are|is|should\s+be|must\s+be|get|gets))?\s*[,–—-]?\s*$",
    re.IGNORECASE,
)


def _topic_lead(text: str, start: int) -> str | None:
    """The topic the clause opens with before its hand-off ("Vragen over uitbetalingen …"), or None."""
    lead = _TOPIC_LEAD.match(text[:start])
    if lead is None:
        return None
    case = re.sub(r"\s+(?:are|is|should\s+be|must\s+be|gets?)\s*$|[\s,–—-]+$", "", lead.group(0).strip(" -*•"))
    return for_case(case) if is_english(case) else case


def _handoff_or_referral(text: str, found: list[FoundFallback], condition: str | None) -> FoundFallback | None:
    """The person the clause hands the case over to ("escalate to a human agent"), or else the referral it names."""
    handoff = _first_handoff(text) if _HANDOFF_KEYS.search(text) else None
    if handoff and not handoff.group(0).isascii() and not _CJK_TRANSFER.search(text):
        handoff = None  # "担当者や期限が書かれていない場合は": the person in charge is named, nobody is handed over to
    if handoff and condition is None:
        condition = _topic_lead(text, handoff.start())
    if handoff and (
        condition is not None
        or re.search(r"\b(?:offer|escalate|hand|transfer|connect)", text, re.IGNORECASE)
        or _FOREIGN_HANDOFF_VERB.match(handoff.group(0))
    ):
        words, end = handoff.group(0).strip(), handoff.end()
        if (also := _ALSO_SOMEONE.match(text, end)) is not None:
            # "contact an immigration attorney or a DOJ-accredited representative": both are the route
            words, end = f"{words}{also.group(0)}".strip(), also.end()
        if _TOOL_CALL.match(words):
            # "call escalate_to_agent(…) and tell them a person will reply within 1 business day": the whole step
            stop = re.search(r"[.;!?](?:\s|$)", text[end:])
            end = end + stop.start() if stop else len(text.rstrip())
            words = text[handoff.start() : end].strip()
        return FoundFallback("handoff", words, condition, handoff.start(), end)
    return _referral(text, found, condition)


def _words_to_say(text: str, condition: str | None) -> re.Match[str] | None:
    """The quoted or fixed words the clause gives as a reply, without words it forbids, a part of the reply or the
    user's own words."""
    say = _SAY.search(text) or _case_quote(text, condition)
    if say and _NEGATED_SAY.search(text[max(0, say.start() - 20) : say.start()]):
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


def _say_fallback(
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
        part = _FOR_CONDITION.match(text[max(text.rfind(m, 0, say.start()) for m in ",;") + 1 :])
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


def _cjk_say_fallback(text: str, found: list[FoundFallback], condition: str | None) -> list[FoundFallback]:
    """The words a CJK brief gives to say ("規程にないことは「経理部にお問い合わせください」と答える") for what its
    rules do not cover."""
    cjk_say = _CJK_SAY.search(text) if "「" in text or "“" in text else None
    if cjk_say is None or not (cjk_say.group("topic") or cjk_say.group("topic2")):
        return found
    group = "say" if cjk_say.group("say") else "say2"
    start, end = cjk_say.span(group)
    topic = cjk_say.group("topic") or cjk_say.group("topic2")
    case = condition or (topic.strip() if topic else None)
    # (a number inside the words to say stays a contact, for the same case: "エラーのときは「…0120-… まで」と返す")
    found = [f._replace(condition=f.condition or case) if start <= f.start < end else f for f in found]
    return [*found, FoundFallback("say", cjk_say.group(group).strip(), case, start, end)]


def _placed_conditions(
    text: str, found: list[FoundFallback], channelled: tuple[str, int] | None
) -> list[FoundFallback]:
    """Each fallback's own case: the comma part's, the condition read for the clause, or the one after it."""
    found = sorted(found, key=lambda f: f.start)
    if channelled is not None:
        # "Urgent repairs only by phone on …, everything else by email at …": the email is no urgent repair's; in
        # "…, cancellations by email to …" the later route names its own case
        found = [
            f._replace(condition=_own_segment_case(text, f.start)) if f.start >= channelled[1] else f for f in found
        ]
    conditioned = [
        f._replace(condition=_segment_condition(text, f.start) or f.condition or _trailing_condition(text, f.end))
        for f in found
    ]
    conditioned = [f._replace(condition=_with_its_topic(text, f.condition)) for f in conditioned]
    return [f._replace(condition=_narrowed(text, f, _otherwise_of(text, f.condition))) for f in conditioned]


def find_fallbacks(text: str) -> list[FoundFallback]:
    """Every fallback stated in one clause: its contacts, a hand-off or a referral, the words to say, each for its
    case."""
    if _no_contact_in(text):
        return []
    if _SOMEONE_ELSE_DOES.search(text):
        return []  # "our human team reaches out and shares 988 … - you don't, you just label it": not the assistant's
    condition, channelled = _clause_case(text)
    if condition is None and _MENTION_ONCE.match(text) and not _WHEN_STUCK.search(text):
        return []  # "always mention LIHEAP once: … line 1-866-674-6327": a line to mention, no route when stuck
    found = _contacts(text, condition)
    if (routed := _handoff_or_referral(text, found, condition)) is not None:
        found.append(routed)
    say, found = _say_fallback(text, found, condition)
    bare = _bare_fixed_reply(text, condition) if say is None else None
    if bare is not None:
        found.append(bare)
    if say is None:
        found = _cjk_say_fallback(text, found, condition)
    return _placed_conditions(text, found, channelled)


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
    r"\s*,?\s*(?:(?:then|just|simply|please|only|dann|einfach|entonces|solo|alors|simplement|allora|gewoon)\s+)*"
    r"(?:(?:you|it)\s+(?:should|must|will)\s+)?",
    re.IGNORECASE,
)


# "output exactly LGTM", "responde exatamente SEM_TRADUCAO", "rispondi solo con: -- NON DISPONIBILE": an upper-case
# code the reply is made of, unquoted and with no colon needed (a code is its own end)
_EXACT_CODE = re.compile(
    r"\b(?:output|reply|respond|answer|say|print|responde|responda|responder|rispondi|rispondere|antworte|antworten|"
    r"réponds|répondre|antwoord)\s+(?:with\s+)?(?:exactly|only|just|exatamente|exactamente|esattamente|genau|exactement|"
    r"precies|solo(?:\s+con)?|apenas(?:\s+com)?|nur|seulement|alleen)\s*:?\s*"
    # ("output only JSON", "respond with only SQL": a format, not the words of the reply)
    r"(?!(?:JSON|SQL|CSV|TSV|XML|YAML|YML|HTML|MARKDOWN|TEXT|JSONL|NDJSON)\b)"
    r"(?P<code>(?:--\s*)?(?-i:[A-Z][A-Z0-9_]{2,}"
    # (the code is the whole reply: "LGTM, no blockers" or "LGTM (…)" are longer replies, left to the quote readers)
    r"(?:[ _][A-Z0-9_]{2,})*))(?![\w'’])(?=\s*(?:[.;!?\n]|$|(?:and|y|e|und|et|en)\s))",
    re.IGNORECASE,
)


def _bare_fixed_reply(text: str, condition: str | None) -> FoundFallback | None:
    """ "If the question can't be answered from these four tables, reply exactly: NOT IN SCHEMA": the words to reply,
    unquoted after "exactly:", for the case the clause opens with."""
    code = _EXACT_CODE.search(text) if condition is not None else None
    if code is not None and not _NEGATED_SAY.search(text[max(0, code.start() - 20) : code.start()]):
        return FoundFallback("say", code["code"], condition, code.start("code"), code.end("code"))
    opened = EXACT_COLON.search(text)
    at = text.find(condition) if condition is not None else -1
    if condition is None or opened is None or at < 0 or at + len(condition) > opened.start():
        return None
    before = text[at + len(condition) : opened.start()]
    # ("If a parent describes a reaction now, the only reply is: Call 999 …": the opener names the reply)
    replies = _REPLY_VERB.match(before) or (names_only_reply(opened.group(0)) and not before.strip(" ,\t"))
    # ("If I ask for something the tables don't hold, just reply: That isn't in …": the opener is the verb itself)
    replies = replies or (
        _OPENS_WITH_REPLY.match(text, opened.start()) is not None and _FILLER.fullmatch(before) is not None
    )
    if _NEGATED_SAY.search(before) or not replies or _ENDS_ON_ARTICLE.search(condition):
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


# "Don't give legal advice about their immigration case - if they ask, tell them …": a bare "if they ask" refers to
# the topic just named
_BARE_ASK = re.compile(
    r"(?:if|when)\s+(?:they|he|she|someone|anyone|the\s+\w+)\s+(?:ask|asks|do|does)|if\s+asked", re.I
)
_TOPIC_BEFORE = re.compile(
    r"\b(?:about|on|regarding|concerning)\s+(?P<topic>[^,;.!?()–—-]{3,60}?)\s*(?:[-–—,;(]|$)", re.I
)


_BANNED_OBJECT = re.compile(
    r"\b(?:give|offer|provide|discuss|share)\s+(?:any\s+)?(?P<topic>[a-z][\w\s-]{2,40}?)\s*(?:[-–—,;(]|$)", re.I
)


_NEGATION = re.compile(r"\b(?:don'?t|do\s+not|never|no|not|avoid)\b", re.IGNORECASE)


def bare_ask(condition: str) -> bool:
    """Whether a condition is an ask with no topic of its own ("If they ask", "if asked")."""
    return _BARE_ASK.fullmatch(condition.strip()) is not None


def names_a_ban(text: str) -> bool:
    """Whether a sentence bans something ("Never say a road is safe")."""
    return _NEGATION.search(text) is not None


def _with_its_topic(text: str, condition: str | None) -> str | None:
    if condition is None or not _BARE_ASK.fullmatch(condition.strip()):
        return condition
    at = text.find(condition)
    clause_start = max(text.rfind(mark, 0, at) for mark in ".;!?\n") + 1 if at > 0 else 0
    clause = text[clause_start:at] if at > 0 else ""
    negations = list(re.finditer(_NEGATION, clause))
    if not negations:
        return condition  # ("Answer questions about bookings; if they ask, …": the topic is no ban)
    banned = clause[negations[-1].end() :]  # (what the ban names, not "questions about bookings" before it)
    topics = list(_TOPIC_BEFORE.finditer(banned)) or list(_BANNED_OBJECT.finditer(banned))
    return f"{condition} about {topics[-1].group('topic').strip()}" if topics else condition


# "If a parcel is missing, check the tracking and the photo: if both say delivered, email claims@…": a second
# condition after a colon narrows the first for what follows it.
_INNER_CONDITION = re.compile(r"[:;]\s*(?P<inner>(?:if|when|unless)\s+[^,;:.!?]{3,80}),", re.IGNORECASE)


def _narrowed(text: str, found: FoundFallback, condition: str | None) -> str | None:
    inner = next((m for m in _INNER_CONDITION.finditer(text, 0, found.start) if m.end() <= found.start), None)
    if condition is None or inner is None:
        return condition
    outer = text.lower().find(condition.lower()[:30])
    if outer < 0 or outer >= inner.start("inner"):
        return condition  # ("VERY IMPORTANT: if anyone mentions gas, …": the colon's condition is the only one)
    words = re.sub(r"^(?:if|when)\s+", "", inner.group("inner"), flags=re.IGNORECASE)
    return f"{condition} and {words}"


_BARE_OTHERWISE = frozenset({"otherwise", "else", "sinon", "sonst", "si no", "senão", "senao", "de lo contrario"})


def _otherwise_of(text: str, condition: str | None) -> str | None:
    """ "give the price if you know it, otherwise say 'price in store'": a bare "otherwise" names what it is the
    otherwise of, so that the rule still reads on its own line."""
    if condition is None or condition.strip(" ,").lower() not in _BARE_OTHERWISE:
        return condition
    at = re.search(rf"\b{re.escape(condition.strip(' ,'))}\b", text, re.IGNORECASE)
    before = text[: at.start()].strip(" ,;-") if at else ""
    if len(before.split()) < 3:
        return condition
    return f'otherwise (when "{before}" does not hold)'


# "recommend booking at example.com/book for anything beyond a quick fix": the condition may follow the contact.
_TRAILING_CONDITION = re.compile(
    r"\s*,?\s+(?P<cond>(?:for\s+anything|for\s+(?:any|all)\s+\w+|if|when|whenever|unless)\b[^,.;:!?]{3,80})",
    re.IGNORECASE,
)


def _trailing_condition(text: str, end: int) -> str | None:
    match = _TRAILING_CONDITION.match(text, end)
    return match.group("cond").strip() if match else None


# "for billing disputes point them to X, for anything else Y": each comma part can carry its own condition.
_FOR_CONDITION = re.compile(
    r"^\s*(?:and\s+)?(?P<cond>for\s+(?:any\s+|all\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}?)(?=\s+(?:point|"
    r"send|direct|refer|tell|email|call|contact|escalate|use|reply|say|ask|[\w.+-]+@|https?://|www\.))",
    re.IGNORECASE,
)


_ACTION_START = re.compile(
    r"\s*(?:(?:just|then|please)\s+)?(?:tell|email|call|contact|point|send|direct|refer|ask\s+them|escalate)\b", re.I
)
_FOR_LIST = re.compile(
    r"(?:^|[,;:]\s*)(?P<cond>for\s+(?:that|this|those|these|anything|any|all|questions|issues)\b[^.;:!?]*)$", re.I
)
_ANAPHORA = re.compile(r"^for\s+(?:that|this|those|these)\s*,\s*(?:or|and)\s+(?:for\s+)?", re.I)


def _segment_condition(text: str, position: int) -> str | None:
    """The condition of the comma-separated part that holds `position`, when that part states its own."""
    start = max(text.rfind(mark, 0, position) for mark in ",;") + 1
    segment = text[start:position]
    match = _FOR_CONDITION.match(segment)
    if match:
        return match.group("cond")
    if start > 0 and _ACTION_START.match(segment):
        # "for that, or anything about their own pay being short, tell them to email X": the condition runs over
        # the comma parts before the action, from the one that opens with "for".
        opening = _FOR_LIST.search(text, 0, start)
        if opening is not None:
            condition = text[opening.start("cond") : start - 1].strip()
            # "that" points back to a clause this one cannot see; what follows it still says when the contact applies.
            return _ANAPHORA.sub("for ", condition) or None
    if start > 0:
        own = find_condition(segment)
        if own is not None:
            return own
    return None


_ACTION_VERB = r"(?:connect|transfer|escalate|hand|pass|route|forward|refer|offer|direct|point|send|signpost)\b"


# A condition too short for language identification that still opens with another language's "if"/"whoever".
_FOREIGN_LEAD = re.compile(
    r"(?:wer|wenn|falls|bei|si|cuando|quien(?:es)?|quand|lorsque|se|quando|als|wanneer|indien|qualora|caso|"
    r"em\s+caso|en\s+caso|en\s+cas|ante|pour|para|im\s+falle?|heeft|hebben|zit|vraagt|krijgt|hat|haben|braucht|fragt|"
    r"bekommt|meldet)\b",
    re.IGNORECASE,
)


_TOOL_CALL = re.compile(r"(?:call|use|invoke|run|trigger)\s+(?:the\s+)?`?[A-Za-z_][\w.]*(?:\(|`|\s+tool\b)", re.I)


QUOTED_SCOPE = "the quoted sentence"
"""The scope of a contact that stands inside a quoted sentence the reply carries whole."""
_QUOTED_SENTENCE = re.compile(r"[\"“«]([^\"“”«»]{20,400})[\"”»]")
# 'must include this sentence exactly: "…"', 'always end with: "…"': the quote is text the reply carries whole.
_CARRIED_QUOTE = re.compile(
    r"\b(?:include|includes|including|add|append|end\s+with|start\s+with|begin\s+with|close\s+with|sign\s+off\s+with|"
    r"sentence|line|wording|verbatim|unchanged|word\s+for\s+word|exactly)\b[^.;!?\n]{0,40}$",
    re.IGNORECASE,
)
# 'Dans ce cas il répond : « … appelez le 04 … »', 'geen uitleg, alleen "Druk nu … of bel 112."', 'dan niet melden
# maar meteen: "Bel nu 0800-9009 …"': the reply for the case before it (not the case's own verb: "Si la FAQ ne répond
# pas : « … »", "if the guide doesn't answer it: "…""; not a noun: "End every answer with: "…"")
_REPLIED_QUOTE = re.compile(
    r"(?<!n't\s)(?<!\bnot\s)(?<!\bne\s)(?<!\bnon\s)(?<!\bno\s)(?<!\bnicht\s)(?<!\bniet\s)(?<!\bnão\s)"
    r"(?<!\bevery\s)(?<!\beach\s)(?<!\bthe\s)(?<!\byour\s)(?<!\ba\s)"
    r"\b(?:reply|replies|respond|responds|answer|answers|say|says|répond|réponds|répondez|répondre|dit|dites|responde|"
    r"responda|responder|contesta|conteste|antwortet|antworte|antworten|sagt|sage|antwoordt|antwoord|zegt|zeg|"
    r"risponde|rispondi|risponda|diz|diga)\b(?!\s+(?:pas|not|nicht|niet|no|non)\b)[^.;!?\n]{0,40}$|"
    r"\b(?:only|just|alleen|uitsluitend|nur|seulement|uniquement|solo|sólo|solamente|apenas|soltanto)\s*:?\s*$|"
    r"\w\s*[:：]\s*$",
    re.IGNORECASE,
)


def in_quoted_sentence(text: str, position: int, *, conditioned: bool = True) -> bool:
    """Whether a contact stands inside a quoted sentence the brief tells the reply to carry ('must include this
    sentence exactly: "… call 999 …"'): the requirement that carries the sentence says when to give the number. A
    contact with no case of its own is also inside one when the quote is what to reply ('Dans ce cas il répond :
    « … »'): the case the reply is for is the brief's, not whatever the assistant cannot help with."""
    for quote in _QUOTED_SENTENCE.finditer(text):
        if quote.start(1) <= position < quote.end(1) and len(quote.group(1).split()) >= 5:
            before = text[max(0, quote.start() - 60) : quote.start()]
            return (
                _CARRIED_QUOTE.search(before) is not None
                or (not conditioned and _REPLIED_QUOTE.search(before) is not None)
                or _fixed_case_reply(text) is not None
            )
    reply = _fixed_case_reply(text)
    return reply is not None and reply[0] <= position < reply[1] and len(text[reply[0] : reply[1]].split()) >= 5


def _fixed_case_reply(text: str) -> tuple[int, int] | None:
    """[start, end) of the words a clause fixes as the reply for its case ('If the guide doesn't cover it, reply with
    exactly this sentence: That's not in …', 'For any of those reply only with: "…"', 'If …: "…"'), if any."""
    fixed = [f for f in find_fallbacks(text) if f.action == "say" and f.condition]
    return (fixed[0].start, fixed[0].end) if fixed else None


# 'If the notes don't give a dose, write "dose not recorded"', 'put "N/A"', 'mark it as "unknown"': words that
# stand in for one missing detail inside a longer reply, not the whole reply.
_IN_PLACE_VERB = re.compile(
    r"\b(?:write|put|enter|fill\s+in|mark\s+(?:it|them)(?:\s+as)?|use|insert|show|escribe|pon|schreib|"
    r"trage|écris|mets|escreva|coloque|scrivi|metti|schrijf|zet)\s*:?\s*[\"“'‘«]$",
    re.IGNORECASE,
)


_DESTINATION = re.compile(
    r"^[\"”’»']?\s+(?P<where>(?:in|into|under)\s+(?:the\s+|that\s+|its\s+)?[\w-]+"
    r"(?:\s+(?:field|column|cell|box|row|section))?)\b"
)


def written_in_place(text: str, found: FoundFallback) -> str | None:
    """Where a conditioned 'say' fallback writes its words when they stand in for a missing detail ('write "not
    stated" in Value' -> "in Value"; 'write "dose not recorded"' -> "in its place"), or None when they are the whole
    reply ("reply 'I can't help with that'")."""
    if found.action != "say" or found.condition is None:
        return None
    if _IN_PLACE_VERB.search(text[max(0, found.start - 30) : found.start]) is None:
        return None
    destination = _DESTINATION.match(text[found.end :])
    if destination:
        return destination.group("where")
    if found.value.rstrip("\"'”’»").endswith((".", "!", "?")):
        return None  # 'If you don't know, write "Sorry, I don't know - please ask at reception."': the whole reply
    return "in its place"


_CONTACT_VERBS = {"email": "email", "phone": "call", "url": "go to"}


def describe_contacts(
    contacts: Sequence[tuple[FallbackAction, str]], condition: str | None, *, either: bool = True
) -> str:
    """One sentence for several contacts under one condition ("…, tell the user to email rrhh@… or call 2105"),
    instead of the condition said once per contact; contacts are (action, value) pairs of email, phone or url.
    `either` says the brief offers them as alternatives; otherwise the person is to use each ("112 sowie …")."""
    lead = _lead(contacts[0][0], contacts[0][1], condition)
    joiner = f" {'or' if either else 'and'} "
    if len({action for action, _ in contacts}) == 1:  # "call 112 and 0800 393 0000"
        ways = f"{_CONTACT_VERBS[contacts[0][0]]} {joiner.join(value for _, value in contacts)}"
    else:
        ways = joiner.join(f"{_CONTACT_VERBS[action]} {value}" for action, value in contacts)
    return f"{lead}tell the user to {ways}."


# "email X or call Y", "X o Y", "X oder Y": the brief offers alternatives between two contacts.
ALTERNATIVE = re.compile(r"\b(?:or|o|ou|oder|oppure|eller|lub|veya)\b|或|または", re.IGNORECASE)
# A case of its own between two contacts ("call us on … and if we're closed call the PoisonLine …"): not one sentence.
OWN_CASE = re.compile(
    r"\b(?:if|when|unless|otherwise|out\s+of\s+hours|after\s+hours|si|cuando|wenn|falls|sonst|quand|sinon|se|quando)\b",
    re.IGNORECASE,
)


def describe_fallback(
    action: FallbackAction,
    value: str,
    condition: str | None,
    *,
    in_place: str | None = None,
    channel: str | None = None,
    also: bool = False,
) -> str:
    """The imperative sentence for a fallback, keeping the address, number, URL or wording exactly; `channel` is how
    a number is reached when it is no line to call (a template: "text {}", "message {} on WhatsApp"); `also` says the
    brief adds the contact to its case's first route."""
    lead = _lead(action, value, condition)
    if also and action in ("email", "phone", "url"):
        lead = f"{lead}also "  # "Il peut aussi rappeler le 116 006": said as well as the case's first route
    if action == "email":
        return f"{lead}tell the user to email {value}."
    if action == "phone":
        return f"{lead}tell the user to {(channel or 'call {}').format(value)}."
    if action == "url":
        return f"{lead}point the user to {value}."
    if action == "handoff":
        if _TOOL_CALL.match(value):
            # "call escalate_to_agent(order_id, summary) and tell them …": the assistant calls its hand-off tool
            return f"{lead}{value[0].lower()}{value[1:]}."
        if not is_english(value):
            return f'{lead}refer the user as the brief says: "{value}".'
        if re.match(_ACTION_VERB, value, re.IGNORECASE):
            return f"{lead}{value[0].lower()}{value[1:]}."
        if re.match(r"(?:talk|speak|see|consult|contact|reach|call)\b", value, re.IGNORECASE):
            return f"{lead}tell the user to {value}."
        return f'{lead}offer to hand the conversation to a human agent ("{value}").'
    if in_place:
        return f'{lead}write "{value}" {in_place}.'
    return f'{lead}reply exactly: "{value}"'


# "or text 686868", "también por WhatsApp en el 600 000 016", "SMS an 12345": a number to write to, not to call
_TEXT_BEFORE = re.compile(
    r"\b(?:text|sms|texto|mensaje|simsen|envía\s+un\s+sms)(?:\s+(?:us|them|it|on|to|at|an|al|a))*\s*$", re.I
)
_WHATSAPP_BEFORE = re.compile(r"\bwhats\s?app\b[^.\n\d]{0,15}$", re.IGNORECASE)


def message_channel(text: str, start: int) -> str | None:
    """How a phone number is reached when the brief says to write to it ("text {}", "message {} on WhatsApp"), as a
    template for the number, or None."""
    before = text[max(0, start - 30) : start]
    if _WHATSAPP_BEFORE.search(before):
        return "message {} on WhatsApp"
    if _TEXT_BEFORE.search(before):
        return "text {}"
    return None


def _lead(action: FallbackAction, value: str, condition: str | None) -> str:
    """When a fallback applies, as the opening of its sentence ("If unsure, ", "When you cannot help, ")."""
    condition = condition.rstrip(" :;,") if condition else condition  # "… right now: tell them to call 911"
    if condition and condition.startswith("otherwise ("):
        lead = f"O{condition[1:]}, "
    elif condition and (not is_english(condition) or _FOREIGN_LEAD.match(condition)):
        lead = f'When this applies ("{condition}"), '
    elif condition is None and action == "phone" and "".join(ch for ch in value if ch.isdigit()) in EMERGENCY_SERVICES:
        lead = "In an emergency, "  # "112" with no case of its own: never the line for whatever you cannot answer
    else:
        lead = (condition[0].upper() + condition[1:] + ", ") if condition else "When you cannot help, "
    if not condition and action == "say":
        lead = "When you cannot help, "
    return lead
