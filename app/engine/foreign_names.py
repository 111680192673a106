"""The business a non-English brief speaks for, where the brief names it in ways the main readers in `brief` miss:
a name heading the brief ("Tischlerei Holzmann in Kassel.", "Noleggio Barche Sirmione, lago di Garda."), a quoted
name after a business noun ('Wir betreiben das Buchungsportal "Ostseeblick Ferienwohnungen"', "« Bon Appétit
Seniors »"), a name after "von"/"van" ("der Buchungsassistent von Alpcamper Wohnmobilvermietung"), after a verb of
running a business ("Je gère l'auto-école Permis Facile", "Gestisco il Rifugio Lago Nero"), and the Japanese and
Chinese ways of naming one ("音羽ピアノサービスです。", '我们是"电小兔"共享充电宝', "「花笠」です").

German and Dutch capitalise every noun, so a capitalised run names a business only with a business noun in it
("Tischlerei", "…praktijk", "…vermietung"); "Kurze Antworten, bitte." names none.
"""

from __future__ import annotations

import re

# Business nouns that head (or end) a business's name, in the Romance languages and as whole words
_HEADS = (
    "noleggio|alquiler|location|aluguel|club|clube|escola|escuela|école|scuola|comune|ayuntamiento|mairie|câmara|"
    "clínica|clinique|clinica|hotel|hôtel|albergo|restaurante|ristorante|restaurant|taller|tienda|loja|negozio|"
    "boutique|academia|accademia|académie|agence|agencia|agenzia|agência|association|asociación|associazione|"
    "associação|cabinet|studio|estudio|farmacia|pharmacie|farmácia|museo|musée|museu|rifugio|refugio|hostal|"
    "albergue|agriturismo|bodega|cantina|librería|libreria|librairie|panadería|boulangerie|pizzeria|trattoria|"
    "osteria|gabinete|centro|centre|fundación|fondazione|fondation|fundação|cooperativa|coopérative|sindicato|"
    "syndicat|sindacato|consultorio|despacho|gestoría|inmobiliaria|immobiliare|auto-école|autoescuela|autoscuola|"
    "camping|ferme|granja|fattoria|quinta|pousada|padaria|óptica|ottica|peluquería|salon|salão|service|servizio|"
    "servicio|serviço|portail|portal|piscina|gimnasio|palestra|ludoteca|biblioteca|bibliothèque|residencia|"
    "résidence|residenza|residencial|hospital|ospedale|hôpital|colegio|collège|liceo|instituto|institut|istituto|"
    "atelier|oficina|officina|garage|garaje|marché|mercado|mercato|bar|café|caffè|cafetería|pastelería|pâtisserie|"
    "pasticceria|confeitaria|papelería|ferretería|floristería|fleuriste|fioraio|veterinaria|vétérinaire|veterinário"
)
# German and Dutch compounds end with their business noun ("Tischlerei", "Zeilschool", "Verloskundigenpraktijk")
_SUFFIXES = (
    "schule|school|praxis|praktijk|dienst|hilfe|verein|vereniging|punt|team|bedrijf|handel|haus|hof|laden|zentrum|"
    "centrum|studio|verhuur|vermietung|verleih|service|kanzlei|bureau|kantoor|winkel|markt|garage|werkstatt|erei|"
    "wirtschaft|amt|gemeinde|gemeente|apotheek|apotheke|klinik|kliniek|hotel|pension|camping|club|bank|stiftung|"
    "stichting|genossenschaft|agentur|galerie|museum|bibliothek|bibliotheek|theater|kita|fitness|portal|salon|"
    "café|bäckerei|metzgerei|gärtnerei|brauerei|reisen|touristik|versicherung|makler|beratung|pflege|maker|makerij|"
    "shop|bakker|bakkerij|slager|slagerij|kapper|kapsalon|handwerk|technik|tischler|friseur|kwekerij|drukkerij|"
    "brouwerij|boomkwekerij"
)
_BUSINESS_WORD = re.compile(rf"(?i:(?:{_HEADS})|[\w-]*(?:{_SUFFIXES}))")

_CAP = r"[A-ZÀ-ÝÄÖÜ0-9][\w'’&.+-]*"
_JOIN = r"(?:de|del|di|da|do|du|des|della|dei|van|von|der|den|la|le|het|y|e|et|&)"
_RUN = rf"{_CAP}(?:\s+(?:{_JOIN}\s+)?{_CAP}){{0,4}}"

# "Tischlerei Holzmann in Kassel.", "Club de Pádel La Nave (Valencia).", "Arbeitnehmerhilfe Rhein-Neckar e.V. - wir",
# "Steunpunt Mantelzorg Eemland helpt …": a capitalised run that opens the brief, ended by a place, a bracket,
# a comma, a dash, a full stop or the lower-case verb that goes on
_LEADING = re.compile(
    rf"^\s*(?P<name>{_RUN}?)(?P<ev>\s+e\.\s?V\.)?"
    r"(?=\s*[,.:(]|\s+[-–—]\s|\s+(?:in|à|a|en|em|bij|aus|bei|nel|op)\s+[A-ZÀ-Ý]|"
    rf"\s+(?!{_JOIN}\s)[a-zà-ÿ]+\s)"
)
# 'das Buchungsportal "Ostseeblick Ferienwohnungen"', '« Bon Appétit Seniors »', '„Lindenhof Pflege mobil“'
_QUOTED = re.compile(r"(?:\"|“|„|«\s?)(?P<name>[A-ZÀ-Ý][^\"“”„«»\n.!?:]{1,40}?)(?:\"|”|“|\s?»)")
# a quote said or written ("antworte mit „Danke“", "reply 'Thanks'") is a reply's words, not a business
_SAID_BEFORE = re.compile(
    r"\b(?:say|said|reply|write|answer|antwort\w*|sag\w*|schreib\w*|dis|dites|répond\w*|écri\w*|di|dica|rispond\w*|"
    r"scriv\w*|diga|dí|responde\w*|escrib\w*|escrev\w*|zeg|antwoord\w*|schrijf|met|mit|with|con|avec|com)\b"
    r"[^.!?\n]{0,20}$|[:=]\s*$",
    re.IGNORECASE,
)
# "der Buchungsassistent von Alpcamper Wohnmobilvermietung", "medewerkers van schoonmaakbedrijf Glansrijk"
_OF_BUSINESS = re.compile(
    rf"\b(?:von|van|vom)\s+(?:(?:der|die|das|dem|den|de|het)\s+)?(?:(?P<noun>[a-zäöü][\w-]*)\s+)?(?P<name>{_RUN})"
)
# "Je gère l'auto-école Permis Facile à Angers", "Gestisco il Rifugio Lago Nero", "Tenemos un taller de neumáticos en
# Zaragoza (NeumaRápido)", "Für die Abfallwirtschaft Kreis Lindenau (AWL) soll …", "Nous sommes l'ALAV 42"
_RUNS_BUSINESS = re.compile(
    r"(?:^|[.!?\n]\s*)(?:je\s+(?:gère|dirige|tiens|travaille\s+(?:à|chez|pour))|trabajo\s+(?:en|para)|"
    r"lavoro\s+(?:a|al|alla|presso|per)|trabalho\s+(?:n[ao]|para)|ik\s+werk\s+(?:bij|voor)|ich\s+arbeite\s+(?:bei|für)|"
    r"nous\s+(?:gérons|sommes)|gestisco|gestiamo|dirigo|tengo|tenemos|"
    r"llevo|llevamos|temos|tenho|gerimos|giro|ich\s+(?:habe|betreibe|leite)|wir\s+(?:haben|betreiben|leiten)|"
    r"für|voor|ik\s+(?:heb|run|beheer)|wij\s+(?:hebben|runnen|beheren)|we\s+(?:hebben|runnen))\s+"
    r"(?P<rest>[^.!?\n]{3,120})",
    re.IGNORECASE,
)
_ARTICLES = re.compile(
    r"^(?:(?:l['’]|(?:le|la|les|un|une|il|lo|un|una|uno|el|los|las|o|a|os|as|um|uma|die|der|das|den|dem|eine[nm]?|"
    r"ein|unsere?[nm]?|de|het|een|onze|ons|notre|nos|nuestr[oa]s?|nostr[oa]|noss[oa])\s+))*",
    re.IGNORECASE,
)
_BRACKETED_NAME = re.compile(rf"\((?P<name>{_CAP}(?:\s+{_CAP}){{0,3}})\)")


def _business_run(run: str) -> bool:
    """Whether a capitalised run names a business: two words or more, one of them a business noun."""
    words = run.split()
    return len(words) >= 2 and any(_BUSINESS_WORD.fullmatch(word.strip(".,")) for word in (words[0], words[-1]))


def leading_business_name(text: str) -> str | None:
    """A business name that opens the brief ("Tischlerei Holzmann in Kassel.", "Comune di Vallerana, …")."""
    match = _LEADING.match(text)
    if match is None:
        return None
    name = match.group("name").rstrip(".")
    return name if _business_run(name) else None


def _quoted_name(text: str) -> str | None:
    """A quoted name in the brief's first sentences, after a business noun or opening the brief."""
    for match in _QUOTED.finditer(text, 0, 300):
        before = text[: match.start()]
        if _SAID_BEFORE.search(before):
            continue
        sentence = re.split(r"[.!?\n]\s", before)[-1]
        noun = re.search(r"(?:^|\s)(?P<noun>[\w-]+)\s*$", sentence)
        first_sentence = len(sentence) == len(before)
        if noun is not None and _BUSINESS_WORD.fullmatch(noun.group("noun")):
            return match.group("name").strip()
        opening = sentence.split()[0] if sentence.split() else ""
        if first_sentence and _BUSINESS_WORD.fullmatch(opening):
            return match.group("name").strip()  # "Service de portage de repas « Bon Appétit Seniors »"
    return None


def _named_after_of(text: str) -> str | None:
    for match in _OF_BUSINESS.finditer(text, 0, 400):
        name, noun = match.group("name").rstrip("."), match.group("noun")
        if noun is not None and _BUSINESS_WORD.fullmatch(noun):
            return name  # "van schoonmaakbedrijf Glansrijk": the lower-case noun says what the name is
        if noun is None and _business_run(name):
            return name  # "von Alpcamper Wohnmobilvermietung"
    return None


def _run_business(text: str) -> str | None:
    for match in _RUNS_BUSINESS.finditer(text, 0, 400):
        rest = match.group("rest")
        rest = rest[_ARTICLES.match(rest).end() :]  # type: ignore[union-attr]
        head = re.match(rf"(?P<noun>[\w-]+)\s+(?P<of>(?:de|di|du|da|do|del|van|von)\s+)?(?P<name>{_RUN})", rest)
        if head is not None and _BUSINESS_WORD.fullmatch(head.group("noun")) and not head.group("noun")[0].isupper():
            if head.group("of"):
                whole = head.group(0).rstrip(".")  # "la mairie de Saint-Aubin-sur-Loire": the noun is the name's
                return whole[0].upper() + whole[1:]
            return head.group("name").rstrip(".")  # "l'auto-école Permis Facile"
        run = re.match(_RUN, rest)
        if run is not None and _business_run(run.group(0)):
            return run.group(0).rstrip(".")  # "il Rifugio Lago Nero", "die Abfallwirtschaft Kreis Lindenau"
        bracketed = _BRACKETED_NAME.search(rest)
        if bracketed is not None and _BUSINESS_WORD.match(rest):
            return bracketed.group("name")  # "un taller de neumáticos en Zaragoza (NeumaRápido)"
        one = re.match(r"(?P<name>[A-ZÀ-Ý][A-ZÀ-Ý0-9]+(?:\s+\d+)?)(?=\s*[,(])", rest)
        if one is not None:
            return one.group("name")  # "Nous sommes l'ALAV 42, association …": an acronym, then what it is
    return None


# Japanese and Chinese: '我们是"电小兔"共享充电宝', '你是"毛孩之家宠物寄养"', "「花笠」です",
# "音羽ピアノサービスです。", "古書かぜまち（京都市左京区の古本屋）の"
_CJK_QUOTE = r"[\"“「『]([^\"”」』\n。，,]{1,14})[\"”」』]"
_CJK_WE_ARE = re.compile(rf"(?:我们是|我們是|你是|您是|这是|這是|这里是|這裡是|こちらは)\s*{_CJK_QUOTE}")
_CJK_QUOTED_IS = re.compile(
    rf"{_CJK_QUOTE}\s*(?:です|でございます|と申します)|"
    # "会社は「さくら引越センター」", "店名：「…」", "品牌叫「…」": the business named as such
    rf"(?:会社|店|店名|店舗|ブランド|公司|品牌|店铺|门店)(?:名)?(?:は|：|:|叫|是|为)\s*{_CJK_QUOTE}"
)
_CJK_NAME = r"[^\s、。，,（(「」\"“”のはがをにでと的是]"
_CJK_LEADING = re.compile(
    rf"^\s*(?:(?P<name>{_CJK_NAME}{{2,15}}?)(?:です[。、]|"
    # "古書かぜまち（京都市左京区の古本屋）の": a bracket that says where or what the business is
    r"\s*[（(][^）)]{0,30}[市区県都府町村店屋場館院社馆][^）)]{0,10}[）)]))"
)


def cjk_business_name(text: str) -> str | None:
    """The business a Japanese or Chinese brief speaks for, where it is named as its own ("我们是…", "…です")."""
    for pattern in (_CJK_WE_ARE, _CJK_QUOTED_IS):
        match = pattern.search(text, 0, 300)
        if match is not None:
            return next(g for g in match.groups() if g).strip()
    leading = _CJK_LEADING.match(text)
    name = leading.group("name") if leading is not None else None
    return name if name is not None and not name.isascii() else None


def _one_sentence(name: str | None) -> str | None:
    """The name up to the end of its sentence ("Busbedrijf Rivierenland. Leidinggevenden" -> "Busbedrijf
    Rivierenland"; "e.V.", "Dr." and initials stay)."""
    if name is None:
        return None
    words = name.split()
    for i, word in enumerate(words[:-1]):
        if word.endswith(".") and len(word) > 4 and word.count(".") == 1:
            return " ".join(words[: i + 1]).rstrip(".")
    return name


def foreign_business_name(text: str) -> str | None:
    """The business a brief in another language speaks for, by the readers above, in that order; None if none."""
    return _one_sentence(
        _quoted_name(text) or leading_business_name(text) or _named_after_of(text) or _run_business(text)
    )
