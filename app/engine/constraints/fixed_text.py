"""Where an unquoted fixed text ends: which sentences after "reply:", "the only reply is:", "exactly this care line:"
or "antworte genau:" are still said to the customer, and which one turns back to the assistant."""

from __future__ import annotations

import re

# "never reply exactly …", "don't say …": the words before a reply that forbid it
NEGATED_SAY = re.compile(r"\b(?:don'?t|do\s+not|never|not|nor|no\s+need\s+to|stop)\s+(?:ever\s+)?$", re.IGNORECASE)

# "the only reply is: Call 999 now …", "la única respuesta es: …", "die einzige Antwort ist: …": a fixed reply for
# the case before it; "exactly this care line: …", "word for word this closing note: …": a fixed line with a noun of
# its own (a quoted text ends at its quote and is read as such)
_ALWAYS_ONLY = (
    r"\b(?:(?:the|your)\s+(?:reply|answer|response)\s+is|is\s+het\s+antwoord|het\s+antwoord\s+is|"
    r"(?:ist|lautet)\s+die\s+Antwort|die\s+Antwort\s+(?:ist|lautet)|la\s+respuesta\s+es|la\s+réponse\s+est|"
    r"a\s+resposta\s+é|la\s+risposta\s+è)\s+"
    r"(?:(?:always|altijd|immer|siempre|toujours|sempre)\s+(?:(?:and|en|und|y|et|e)\s+)?)?"
    r"(?:only|just|alleen|uitsluitend|enkel|nur|ausschließlich|solo|sólo|solamente|únicamente|uniquement|seulement|"
    r"só|somente|apenas|soltanto)"
)
FIXED_OPENERS = (
    r"(?:\b(?:the|your|its|my|our)\s+only\s+(?:reply|answer|response)\s+(?:is|should\s+be|must\s+be|will\s+be)|"
    r"\bla\s+(?:única|unica)\s+respuesta\s+(?:es|será|debe\s+ser)|"
    r"\b(?:die|deine|Ihre)\s+einzige\s+Antwort\s+(?:ist|lautet)|"
    r"\bla\s+seule\s+réponse\s+(?:est|sera|doit\s+être)|"
    r"\bl['’](?:unica)\s+risposta\s+(?:è|sarà)|"
    r"\ba\s+única\s+resposta\s+(?:é|será|deve\s+ser)|"
    r"\bhet\s+enige\s+antwoord\s+is|"
    # "the answer is always and only:", "is het antwoord altijd en alleen:", "ist die Antwort immer nur:"
    rf"{_ALWAYS_ONLY}|"
    r"\b(?:exactly|verbatim|word\s+for\s+word)\s+(?:this|these|the\s+following)\s+(?:[\w-]+\s+){1,2}"
    r"(?:sentence|text|line|message|words|reply|answer|note|notice|disclaimer|sign-?off|footer|closing)s?)"
    r"\s*[:：]\s*(?![\"“„«])\S"
)

# A sentence that speaks to the customer in the business's voice: "Please tell a grown-up …", "We'll be in touch",
# "Thanks for asking", "Bitte …", "Por favor …", "Merci …"
_TO_CUSTOMER = re.compile(
    r"\s*(?:please|kindly|thanks|thank\s+you|cheers|kind\s+regards|best\s+wishes|take\s+care|sorry|"
    r"we|we['’](?:ll|re|ve|d)|our|us|you['’]re\s+not\s+alone|"
    r"bitte|danke|vielen\s+dank|wir|unser\w*|bis\s+bald|"
    r"por\s+favor|gracias|nosotros|nuestr[oa]s?|lo\s+sentimos|hasta\s+pronto|"
    r"s['’]il\s+(?:te|vous)\s+pla[iî]t|merci|veuillez|nous|notre|nos|à\s+bientôt|désolée?s?|"
    r"per\s+favore|grazie|noi|nostr[oaie]|"
    r"alsjeblieft|alstublieft|bedankt|dank\s+je|wij|onze?|"
    r"obrigad[oa]|nós|noss[oa]s?)\b",
    re.IGNORECASE,
)

# A sentence addressed to the assistant after a fixed text: a case ("If they ask …"), a new label ("Tone: …"), the
# customer named in the third person ("the child", "die Kunden"), the assistant's own doing ("nimmst du nicht selbst
# an", "refer them to"), a restriction in note form ("Rabatte nur die …", "Refunds only …")
_CASE_OPENER = re.compile(
    r"\s*(?:if|when|whenever|unless|once|wenn|falls|sobald|si|cuando|quand|lorsque|lorsqu['’]|se|quando|qualora|"
    r"als|indien|wanneer)\b",
    re.IGNORECASE,
)
_LABEL_OPENER = re.compile(r"\s*(?-i:[A-ZÀ-Þ])[\w -]{1,30}:\s")
_THIRD_PERSON_CUSTOMER = re.compile(
    r"\b(?:the|any|each|every)\s+(?:customer|user|caller|child|kid|parent|guest|patient|client|visitor|"
    r"student|person|shopper|buyer|member)s?\b|"
    r"\b(?:der|die|den|dem)\s+(?:Kunden?|Kundinnen|Leute|Nutzer\w*|Gäste?|Eltern|Kinder?|Patient\w*)\b|"
    r"\b(?:el|la|los|las|al)\s+(?:cliente|usuari[oa]|niñ[oa]|padres|paciente)s?\b|"
    r"\b(?:le|la|les|au|aux)\s+(?:client|utilisat\w+|enfant|parent|patient)e?s?\b|"
    r"\b(?:o|a|os|as|ao)\s+(?:cliente|usuári[oa]|criança|paciente)s?\b",
    re.IGNORECASE,
)
_ASSISTANT_DOES = re.compile(
    r"\b(?:refer|point|send|direct|redirect)\s+(?:them|him|her|people|everyone)\b|"
    r"\b(?:the|this)\s+(?:bot|assistant|chatbot)\b|\byourself\b|"
    r"\bdu\b[^.!?]{0,40}\bnicht\s+selbst\b|\bverweis(?:t|e|en)?\s+(?:sie\s+|die\s+\w+\s+)?auf\b|"
    # "Anmeldungen nimmst du nicht …", "Preise nennst du nur …": an object first, then the assistant's own verb
    r"^\s*(?-i:[A-ZÄÖÜ])\w+\s+\w+st\s+du\s+(?:\w+\s+)?(?:nicht|nie|niemals|keine\w*|nur)\b|"
    r"\bt[úu]\s+mism[oa]\b|\bremít\w*|\bderiva(?:los|las)?\s+a\b|"
    r"\b(?:toi|vous)-même\b|\b(?:renvoie|redirige)(?:-les)?\b|"
    r"\b(?:the\s+only\s+\w+(?:\s+\w+)?\s+you\s+(?:may|can|are\s+allowed\s+to))\b",
    re.IGNORECASE,
)
_NOTE_RESTRICTION = re.compile(
    r"\s*(?-i:[A-ZÄÖÜÀ-Þ])[\w-]+\s+(?:nur|only|solo|sólo|solamente|seulement|uniquement|apenas|alleen|soltanto)\b",
    re.IGNORECASE,
)


def _sentence(text: str, start: int) -> str:
    """The sentence that opens at `start`, up to its mark or the line's end."""
    stop = re.search(r"[.!?](?=\s|$)|\n", text[start:])
    return text[start : start + stop.start() if stop else len(text)]


# "… say: Please tell a grown-up you trust right now. If someone is hurt, they can call 999.": a case whose action
# still speaks to the customer and gives them a number or an address to use is more of the message
_CASE_ROUTE = re.compile(
    r"\s*(?:if|when|si|wenn|falls|se|quand|cuando|als|indien)\b[^.!?,\n]{2,80},\s*(?:"
    r"(?:they|you|he|she)\s+(?:can|could|should|may)\s+(?:also\s+|always\s+)?|"
    r"(?:please\s+|bitte\s+)?)"
    r"(?:call|ring|phone|dial|text|e-?mail|contact|reach|llame|llama|llamen|chiama|chiami|chiamate|ruf\w*|"
    r"appelez|appelle|ligue|ligar|bel|kan\s+(?:je|u)\s+bellen|puede[sn]?\s+llamar|può\s+chiamare|"
    r"k[öo]nnen\s+sie|peuvent\s+appeler|pode[m]?\s+ligar)\b"
    r"[^.!?\n]{0,60}?(?:\d{2,}|@)",
    re.IGNORECASE,
)


def case_route(text: str, start: int) -> bool:
    """Whether the sentence at `start` is a case that gives the customer a number or address to use ("If someone is
    hurt, they can call 999."): still part of a message said to them."""
    return _CASE_ROUTE.match(_sentence(text, start)) is not None


def to_customer(text: str, start: int) -> bool:
    """Whether the sentence at `start` is still said to the customer (a "Please …", a sign-off, the business's "we")."""
    return _TO_CUSTOMER.match(text, start) is not None and not to_assistant(text, start)


def to_assistant(text: str, start: int) -> bool:
    """Whether the sentence at `start` turns back to the assistant: a case of its own, a label, the customer in the
    third person, the assistant's own doing, or a restriction in note form."""
    sentence = _sentence(text, start)
    if _CASE_OPENER.match(sentence) or _LABEL_OPENER.match(sentence) or _NOTE_RESTRICTION.match(sentence):
        return True
    return _THIRD_PERSON_CUSTOMER.search(sentence) is not None or _ASSISTANT_DOES.search(sentence) is not None


# "the only reply is:", "la única respuesta es:": the opener names the reply itself, no verb of replying before it
_ONLY_REPLY = re.compile(
    rf"{_ALWAYS_ONLY}|"
    r"\b(?:only\s+(?:reply|answer|response)|(?:única|unica)\s+(?:respuesta|risposta|resposta)|einzige\s+Antwort|"
    r"seule\s+réponse|enige\s+antwoord)\b",
    re.IGNORECASE,
)


def names_only_reply(opener: str) -> bool:
    """Whether a fixed-text opener is "the only reply is:" in some language: the reply for the case before it."""
    return _ONLY_REPLY.search(opener) is not None


# "Anmeldungen nimmst du nicht selbst an, sondern verweist auf …", "no tomas reservas, sino que remites a …": a ban
# with its alternative, in a language other than English, opening its sentence; the route it names is that case's,
# not every question's (a case before it, "Gibt es keinen Treffer, nichts buchen, sondern …", is no such ban)
ALTERNATIVE_ROUTE = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,4}?(?:"
    r"(?:nicht|nie|kein\w*)\b[^.!?,;:]{1,80},?\s+(?:sondern|stattdessen)|"
    r"no\b[^.!?,;:]{1,80},?\s+(?:sino|en\s+su\s+lugar)|"
    r"(?:ne|n['’])[^.!?,;:]{1,80},?\s+(?:mais|plutôt)|"
    r"non\b[^.!?,;:]{1,80},?\s+(?:ma|invece)|"
    r"niet\b[^.!?,;:]{1,80},?\s+(?:maar|in\s+plaats\s+daarvan)|"
    r"não\b[^.!?,;:]{1,80},?\s+(?:mas|em\s+vez\s+disso))\b",
    re.IGNORECASE,
)
