"""Replies to reviews, in the languages briefs come in: "an assistant that replies to our Google reviews", "que
responda a las reseñas de Google", "der auf die Google-Bewertungen antwortet", "risposte alle recensioni".

Such a brief names a job, the business's public reply to each review: customer care, drafted one review at a time
(not a chat), never a sentiment label for each review (classification) or an open request (the general assistant),
even when the brief gives an e-mail address for unhappy guests.
"""

from __future__ import annotations

# (a review of code or a course is no customer's: "code review comments", "peer review", "los comentarios de los
# alumnos"; comments are reviews only when customers' or guests' ones: "commentaires clients", "comentarios de Google")
_NOT_CUSTOMERS = r"(?<!code )(?<!code-)(?<!peer )(?<!pull )(?<!merge )(?<!design )(?<!performance )"
_CUSTOMER = r"(?:clients?|clientes?|customers?|guests?|hu[ée]spedes|h[ôo]tes|g[äa]ste|google|tripadvisor|booking)"
_REVIEWS = (
    r"(?:(?:google|tripadvisor|online|guest|customer|booking(?:\.com)?|yelp|trustpilot|airbnb|[\w-]+)[\s-]+){0,2}"
    rf"(?:{_NOT_CUSTOMERS}reviews?(?![\s-]+(?:comments?|threads?|requests?|notes?|feedback|tools?))|rese[ñn]as?|"
    r"opiniones|valoraciones|avis|bewertung\w*|rezension\w*|recensioni|recensies|avalia[çc](?:ão|ões)|"
    rf"(?:commentaires|coment[áa]rios)\s+(?:de\s+|des\s+|dos\s+|das\s+|(?:de|of)\s+(?:los|las|nos|nuestros)\s+)?"
    rf"{_CUSTOMER})\b"
)
# (determiners and a few adjectives between: "replies to the Google reviews", "a las reseñas", "auf die neuen …")
_GAP = (
    r"(?:(?:the|our|their|your|its|each|every|all|any|new|incoming|public|negative|positive|bad|good|las|los|sus|"
    r"nuestras|nuestros|cada|todas|les|nos|vos|ces|die|unsere|alle|neuen|le|nostre|gli|de|onze|nossas|todas|cualquier|"
    r"nouveaux|nouvelles|nuove|nieuwe|novas|nuevas)\s+){0,3}"
)
REVIEW_REPLY = (
    # English: "replies to the reviews", "respond to our Google reviews", "answer reviews", "write replies to reviews"
    rf"\b(?:repl(?:y|ies|ying)|respond(?:s|ing)?|answer(?:s|ing)?)\s+(?:to\s+|on\s+)?{_GAP}{_REVIEWS}|"
    rf"\b(?:repl(?:y|ies)|responses?|answers?)\s+(?:to|for|on)\s+{_GAP}{_REVIEWS}|"
    # Spanish and Portuguese: "que responda a las reseñas", "respuestas a las valoraciones", "responder às avaliações"
    rf"\b(?:respond\w*|contest\w*|respuestas?|respostas?)\s+(?:a|al|a\s+las|a\s+los|às|aos|as|os)\s+{_GAP}{_REVIEWS}|"
    # French: "qui réponde aux avis", "réponses aux avis Google"
    rf"\br[ée]pon(?:d\w*|ses?)\s+(?:aux|à\s+(?:nos|vos|les|ces))\s+{_GAP}{_REVIEWS}|"
    # Italian: "che risponda alle recensioni", "risposte alle recensioni"
    rf"\brispo(?:nd\w*|ste?)\s+(?:alle|ai|a)\s+{_GAP}{_REVIEWS}|"
    # German: "auf die Google-Bewertungen antwortet", "Antworten auf Bewertungen", "Bewertungen beantworten"
    rf"\bauf\s+{_GAP}{_REVIEWS}[^.!?\n]{{0,60}}?\b(?:antwort\w*|reagier\w*)|\bantwort\w*\s+auf\s+{_GAP}{_REVIEWS}|"
    rf"{_REVIEWS}\s+(?:\w+\s+){{0,2}}beantwort\w*|"
    # Dutch: "reageert op de Google-reviews", "antwoorden op recensies", "reviews beantwoorden"
    rf"\b(?:reageer\w*|reageren|antwoord\w*)\s+op\s+{_GAP}{_REVIEWS}|{_REVIEWS}\s+(?:\w+\s+){{0,2}}beantwoord\w*"
)
