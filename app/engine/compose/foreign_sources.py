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
_ONLY = (
    r"s[óo]lo|solamente|[úu]nicamente|exclusivamente|nur|ausschlie(?:ß|ss)lich|uniquement|seulement|apenas|"
    r"somente|solo|soltanto|esclusivamente|alleen|uitsluitend|basis|base|basándote|basierend|anhand|laut|gem[äa](?:ß|ss)|"
    r"selon|d['’]apr[èe]s|segundo|secondo|volgens"
)
_ONLY_FROM = re.compile(rf"\b(?:{_ONLY})\b[^.;:!?\n]{{0,30}}$", re.IGNORECASE)

# "Eres la guía …", "Tu es le guide …", "Você é o guia …", "Du bist der Leitfaden …": what the assistant IS, not what
# it reads from (the noun right after the verb, the determiner being part of the match)
_ROLE_BEFORE = re.compile(
    r"\b(?:eres|sos|ser[áa]s|act[úu]a(?:s|r[áa]s)?\s+como|tu\s+es|tu\s+seras|vous\s+[êe]tes|agis(?:sez)?\s+comme|"
    r"voc[êe]\s+[ée]|tu\s+[ée]s|(?:atue|aja)\s+como|du\s+bist|sie\s+sind|(?:tu\s+)?sei|agisci\s+come|"
    r"(?:jij\s+|je\s+|u\s+)bent|fungeer\s+als)\s+$",
    re.IGNORECASE,
)
# "No hables nunca de …", "Ne parle jamais de …", "Sprich nie über …", "Não fale de …": a clause that bans its objects
_BANNED_CLAUSE = re.compile(
    r"(?:^|[.;!?\n]\s*)(?:[-*•]\s*)?(?:no|nunca|jam[áa]s|evita|ne|n['’]|jamais|[ée]vite[sz]?|nie|niemals|kein\w*|"
    r"vermeide|n[ãa]o|evite|non|mai|evita|niet|nooit|vermijd)\b[^.;!?\n]*$",
    re.IGNORECASE,
)
# "… que no esté en el folleto", "… was nicht im Merkblatt steht": inside a ban, the source is still where answers are
_IN_SOURCE = re.compile(r"\b(?:en|in|dans|em|aus|uit)\s+$|^(?:im|no|na|nel|nella|dans)\b", re.IGNORECASE)
# "solo con los documentos", "nur aus den Unterlagen": the answers are bound to documents, which the default says
_BOUND_TO_DOCUMENTS = re.compile(
    rf"\b(?:{_ONLY})\b[^.;:!?\n]{{0,30}}?\b(?:documentos?|documents?|dokumenten?|unterlagen|documenti|documenten|materiales|materiais|textos)\b",
    re.IGNORECASE,
)


def foreign_source(task: str) -> str | None:
    """The source a brief in another language names, in its own words, as "the «…»"; None when it names none."""
    found = [m for m in _SOURCE.finditer(task) if _reads_from(task, m)]
    if not found:
        return None
    # "… la guía de precios … responde solo con el folleto": the noun the answers are bound to, when one is
    bound = [m for m in found if _ONLY_FROM.search(task, max(0, m.start() - 40), m.start())]
    if not bound and _bound_to_documents(task):
        return None  # "responde usando solo los documentos que te damos": the default wording says it
    match = (bound or found)[0]
    names = [_named(match)]
    joined = _AND_ANOTHER.match(task, match.end())
    following = _SOURCE.match(task, joined.end()) if joined is not None else None
    if following is not None and _named(following) != names[0]:
        names.append(_named(following))  # "nur anhand der Geräteanleitung und unserer FAQ": both
    return " and ".join(names)


def _reads_from(task: str, match: re.Match[str]) -> bool:
    """Whether a source noun may be what the answers come from: not the assistant's role ("Eres la guía …") nor the
    object of a ban ("No hables nunca de la política del gobierno")."""
    before = task[max(0, match.start() - 30) : match.start()]
    if _ROLE_BEFORE.search(before):
        return False
    clause = _BANNED_CLAUSE.search(task, max(0, match.start() - 120), match.start())
    return clause is None or _IN_SOURCE.search(before) is not None or _IN_SOURCE.match(match.group(0)) is not None


def _bound_to_documents(task: str) -> bool:
    """Whether the brief binds its answers to documents in general ("usando solo los documentos")."""
    return _BOUND_TO_DOCUMENTS.search(task) is not None


def _named(match: re.Match[str]) -> str:
    name = " ".join((match.group("title") or match.group("name")).split())
    if name.lower() in ("faq", "faqs"):
        return "the FAQ"
    return f"the «{_GENITIVE.sub('', name) if match.group('name') else name}»"
