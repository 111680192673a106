"""The source a brief in another language answers from, in its own words: "solo con el folleto de la clínica" ->
"the «folleto de la clínica»", "nur aus dem Merkblatt" -> "the «Merkblatt»", "alleen uit de praktijkfolder" ->
"the «praktijkfolder»". The prompt is written in English; the source keeps the name the requester gave it.
"""

from __future__ import annotations

import re

# Nouns that name a specific source (not "documents", which the English default already says), Spanish, German,
# French, Portuguese, Italian and Dutch; German and Dutch compounds end with them ("Praxismerkblatt", "praktijkfolder")
_NOUN = (
    r"folletos?|manual(?:es)?|gu[ií]as?|preguntas\s+frecuentes|reglamentos?|normativas?|pol[ií]ticas?|contratos?|"
    r"cat[áa]logos?|tarifas?|lista\s+de\s+precios|base\s+de\s+conocimientos?|prospectos?|fichas?\s+t[ée]cnicas?|"
    r"estatutos|documentaci[óo]n|res[úu]men(?:es)?|resumo|riassunto|samenvatting|zusammenfassung|"
    r"\w*(?:merkblatt(?:e?s)?|merkbl[äa]ttern?|brosch[üu]ren?|handbuch(?:e?s)?|handb[üu]chern?|anleitung(?:en)?|leitf[äa]den|richtlinien?|"
    r"vertrag|vertr[äa]ge|preisliste|katalog|wissensdatenbank|satzung|hausordnung|infoblatt|flyer|prospekt|"
    r"dokumentation|hilfeartikel|ordnung)|"
    r"faq|brochures?|d[ée]pliants?|guides?|manuels?|notices?|r[èe]glements?|politiques?|contrats?|baux|bail|"
    r"catalogues?|grilles?\s+tarifaires?|bases?\s+de\s+connaissances|fiches?|livrets?|chartes?|statuts|"
    r"folhetos?|guias?|perguntas\s+frequentes|regulamentos?|cat[áa]logos?|tabelas?\s+de\s+pre[çc]os|"
    r"base\s+de\s+conhecimento|cartilhas?|"
    r"opuscol[oi]|volantin[oi]|manual[ei]|guid[ae]|regolament[oi]|contratt[oi]|listino(?:\s+prezzi)?|informativa|"
    r"vademecum|base\s+di\s+conoscenza|"
    r"\w*(?:folders?|brochures?|handleiding(?:en)?|gids(?:en)?|reglement(?:en)?|beleid|contract(?:en)?|catalogus|prijslijst|"
    r"kennisbank|huisregels|informatieblad|factsheet)"
)
# "el folleto", "unserem Merkblatt", "la FAQ", "onze praktijkfolder": an article or a possessive before it
_DETERMINER = (
    r"el|la|los|las|al|del|nuestr[oa]s?|su|sus|der|die|das|dem|den|des|im|vom|zum|zur|unser\w*|eure?\w*|ihre?\w*|"
    r"le|les|au|aux|du|notre|nos|votre|vos|o|a|os|as|no|na|nos|nas|do|da|dos|das|ao|à|pelo|pela|noss[oa]s?|il|lo|"
    r"gli|i|al|allo|alla|ai|dal|dallo|dalla|nel|nello|nella|dello|della|sul|sulla|nostr[oaie]|de|het|onze|ons|uw|"
    r"est[ea]s?|dies\w*|ce|cette|ces|ess[ea]s?|quest[oaie]|deze|dit"
)
# "… de la clínica", "… der Praxis", "… du cabinet", "… van de praktijk": one complement that says whose it is
_COMPLEMENT = (
    r"(?:(?:\s+(?:de|del|de\s+la|de\s+los|de\s+las|des|du|da|do|das|dos|della|dello|dei|degli|delle|van|van\s+de|"
    r"van\s+het|der|zur|zum|f[üu]r|f[üu]r\s+die)\s+|\s+(?:d|dell|de\s+l)['’]\s*)"
    r"(?:(?:nuestr[oa]|unserer|notre|nossa|nosso|nostr[oa]|onze)\s+)?[^\W\d_][\w-]{2,})?"
)
_SOURCE = re.compile(
    rf"\b(?:(?:{_DETERMINER})\s+|(?:l|all|dall|nell|dell|sull|d)['’]\s*)"
    # ("der mitgegebenen Geräteanleitung": one adjective between; 'la nostra "Guida ai servizi 2025"': a quoted title)
    rf"(?:[^\W\d_]+(?:en|em|er|es|e)\s+)?(?:[\"“«„](?P<title>(?:{_NOUN})\b[^\"”»“\n]{{0,50}})[\"”»“]|"
    rf"(?P<name>(?:{_NOUN})\b{_COMPLEMENT}))",
    re.IGNORECASE,
)
# "… und unserer FAQ", "… o la guía": a second source joined to the first
_AND_ANOTHER = re.compile(r"\s+(?:und|oder|y|o|e|et|ou|ed|en|of)\s+", re.IGNORECASE)
# "des Mitarbeiterhandbuchs", "des Merkblatts": a German genitive named as its nominative
_GENITIVE = re.compile(r"(?<=(?i:buch))e?s$|(?<=(?i:blatt))e?s$|(?<=(?i:trag))e?s$|(?<=(?i:talog))e?s$")
# "solo con", "nur aus", "uniquement à partir de", "apenas com base", "solo in base a", "alleen uit", "op basis van"
_ONLY_FROM = re.compile(
    r"\b(?:s[óo]lo|solamente|[úu]nicamente|exclusivamente|nur|ausschlie(?:ß|ss)lich|uniquement|seulement|apenas|"
    r"somente|solo|soltanto|esclusivamente|alleen|uitsluitend|basis|base|basándote|basierend|anhand|laut|gem[äa](?:ß|ss)|"
    r"selon|d['’]apr[èe]s|segundo|secondo|volgens)\b[^.;:!?\n]{0,30}$",
    re.IGNORECASE,
)


def foreign_source(task: str) -> str | None:
    """The source a brief in another language names, in its own words, as "the «…»"; None when it names none."""
    found = list(_SOURCE.finditer(task))
    if not found:
        return None
    # "… la guía de precios … responde solo con el folleto": the noun the answers are bound to, when one is
    bound = [m for m in found if _ONLY_FROM.search(task, max(0, m.start() - 40), m.start())]
    match = (bound or found)[0]
    names = [_named(match)]
    joined = _AND_ANOTHER.match(task, match.end())
    following = _SOURCE.match(task, joined.end()) if joined is not None else None
    if following is not None and _named(following) != names[0]:
        names.append(_named(following))  # "nur anhand der Geräteanleitung und unserer FAQ": both
    return " and ".join(names)


def _named(match: re.Match[str]) -> str:
    name = " ".join((match.group("title") or match.group("name")).split())
    if name.lower() in ("faq", "faqs"):
        return "the FAQ"
    return f"the «{_GENITIVE.sub('', name) if match.group('name') else name}»"
