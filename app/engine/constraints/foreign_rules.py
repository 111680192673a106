"""Common prohibitions written in Spanish, German, French or Portuguese, as English imperatives.

A small phrase table, data only: the cue ("nunca", "keine", "ne ... jamais", "não") picks "Never" or "Do not",
a verb stem picks the English verb, an object stem the English object ("Nunca des diagnósticos" -> "Never give
diagnoses."). A prohibition whose object is not in the table is kept as a quote by the caller.
"""

from __future__ import annotations

import re

# Cues that mean "never" (the rest mean "do not").
_NEVER = re.compile(r"\b(?:nunca|jamás|jamais|nie|niemals|em\s+hipótese\s+alguma)\b", re.IGNORECASE)
# "Nunca dês logo a resposta final", "Gib nie sofort die Lösung", "Ne donne jamais la réponse tout de suite": the ban
# holds only until a step comes first (the brief says which); without its "straight away" it would forbid the answer
# for good
# ("Nunca compartas directamente datos", "Gib niemals direkt Rabattcodes heraus": "directly" is no "not yet", so
# direct-, direkt and gleich are left out; "logo" after an article is the brand's logo, not pt "right away")
_NOT_YET = re.compile(
    r"(?<!\bo\s)(?<!\bel\s)(?<!\ble\s)(?<!\bil\s)(?<!\bun\s)(?<!\bseu\s)(?<!\bnosso\s)\b(?:logo|de\s+imediato|"
    r"imediatamente|já\s+de\s+seguida|de\s+inmediato|inmediatamente|enseguida|sofort|tout\s+de\s+suite|"
    r"immédiatement|d['’]emblée|d['’]entrée|subito|immediatamente|meteen|onmiddellijk)\b",
    re.IGNORECASE,
)

# English object -> (its default verb, stems in es/de/fr/pt). Stems match the start of a word.
_OBJECTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("diagnoses", "give", ("diagn",)),
    ("legal advice", "give", ("asesor(?:amiento|ía)\\s+(?:legal|jurídic)", "consejos?\\s+(?:legal|jurídic)",
                              "rechtsberatung", "rechtlichen?\\s+rat", "conseils?\\s+juridique", "avis\\s+juridique",
                              "aconselhamento\\s+jurídico", "conselhos?\\s+jurídico", "assessoria\\s+jurídica")),
    ("medical advice", "give", ("consejos?\\s+médico", "asesoramiento\\s+médico",
                                "medizinische[nr]?\\s+(?:rat|beratung)",
                                "ärztlichen?\\s+rat", "conseils?\\s+médica", "conseils?\\s+médical",
                                "conselhos?\\s+médico", "aconselhamento\\s+médico")),
    ("financial advice", "give", ("asesoramiento\\s+financiero", "consejos?\\s+financiero", "anlageberatung",
                                  "finanzberatung", "conseils?\\s+financier", "conseils?\\s+en\\s+investissement",
                                  "aconselhamento\\s+financeiro", "conselhos?\\s+financeiro")),
    ("prescriptions or medication doses", "give", ("recetas?\\s+médica", "dosis", "dosierung", "verschreib",
                                                   "posologie", "ordonnance", "dosagem", "receitas?\\s+médica")),
    ("medication", "recommend", ("remédio", "medicament", "medikament", "arznei", "médicament", "fármaco")),
    ("prices", "give", ("precio", "preis", "prix", "tarif", "preço")),
    ("discounts", "offer", ("descuento", "rabatt", "remise", "réduction", "desconto")),
    ("refunds", "promise", ("reembolso", "erstattung", "rückerstattung", "remboursement")),
    ("personal data", "share", ("datos\\s+personales", "personenbezogene", "persönliche[nr]?\\s+daten",
                                "données\\s+personnelles", "dados\\s+pessoais")),
    ("passwords", "ask for", ("contraseña", "passw", "mot\\s+de\\s+passe", "senha")),
    ("promises", "make", ("promesa", "versprech", "promesse", "promessa")),
    ("guarantees", "give", ("garantía", "garantie", "garantia")),
    ("competitors", "mention", ("competencia", "competidor", "konkurren", "wettbewerber", "concurren", "concorrent")),
    ("the final answer", "give", ("respuesta\\s+final", "solución", "lösung", "endergebnis", "réponse\\s+finale",
                                  "solution", "resposta\\s+final", "solução")),
    ("political opinions", "give", ("opiniones?\\s+polític", "politische", "opinions?\\s+politique",
                                    "opiniões\\s+polític")),
    ("politics", "discuss", ("política", "politik", "politique", "politica")),
    ("emoji", "use", ("emoji", "emoticon")),
    # ("enlaces a sitios de la competencia": links of one kind, so two objects keep the brief's own words)
    ("links", "include", ("enlaces?\\b", "links?\\b", "liens?\\b", "hyperliens?\\b", "collegament")),
    ("names", "mention", ("namen\\b", "nombres\\b", "noms\\b", "nomes\\b")),
)  # fmt: skip

# English verb -> stems in es/de/fr/pt.
_VERBS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mention", ("mencion", "nombr", "erwähn", "nenn", "mentionn", "cit")),
    ("share", ("compart", "revel", "teil", "weitergeb", "gib\\s+\\w+\\s+weiter", "partag", "divulg", "compartilh")),
    ("promise", ("promet", "versprich", "versprech", "garantiz", "garantier")),
    ("recommend", ("recomiend", "recomend", "empfiehl", "empfehl", "recommand")),
    ("ask for", ("pid", "pregunt", "frag", "verlang", "demand", "ped")),
    ("discuss", ("habl", "discut", "sprich", "besprech", "parl", "fal")),
    ("offer", ("ofrezc", "ofrec", "anbiet", "biete", "propos", "ofereç")),
    ("use", ("us", "utiliz", "verwend", "benutz", "utilis")),
    ("make", ("hag", "hac", "mach", "fai", "faç")),
    ("give", ("d[eéaê]s?\\b", "dar", "gib", "geb", "donn", "dê")),
)  # fmt: skip


def _compile(stems: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(stems) + ")", re.IGNORECASE)


_OBJECT_PATTERNS = tuple((english, verb, _compile(stems)) for english, verb, stems in _OBJECTS)
_VERB_PATTERNS = tuple((english, _compile(stems)) for english, stems in _VERBS)
_LEADING_CONJUNCTION = re.compile(r"^(?:aber|sondern|und|pero|sino|y|mais|et|mas|porém|e|but|and)\s+", re.IGNORECASE)


def strip_conjunction(words: str) -> str:
    """The fragment without a leading "aber", "pero", "mais", "mas" or "but"."""
    return _LEADING_CONJUNCTION.sub("", words.strip(), count=1)


# "Nunca faça diagnóstico nem indique remédios": two prohibitions joined by "nor", each translated on its own.
_GENERAL_OBJECTS = frozenset({"medication"})
_NOR = re.compile(r"\s+(?:nem|ni|noch|weder|ne)\s+|,\s*", re.IGNORECASE)


# "… einstufen oder einen Austausch versprechen", "CPF, senha do gov.br ou dados bancários": alternatives, each
# with its own object, of which the table knows one
_ACTIONS_JOINED = re.compile(r"\s+(?:oder|or|ou|of|oppure|nem|ni|noch|weder)\s+", re.I)
# the Spanish "o" joins alternatives too; the Portuguese "o" is "the" ("Não prometa o reembolso")
_ACTIONS_JOINED_OR_O = re.compile(r"\s+(?:oder|or|o|ou|of|oppure|nem|ni|noch|weder)\s+", re.I)
_PORTUGUESE = re.compile(
    r"\b(?:não|nao|você|dê|nem|seu|sua|pelo|pela|nunca\s+(?:dê|diga|prometa|peça|mencione|fale|envie|ofereça))\b|"
    r"ção\b|ões\b|\b\w+(?:e|a)\s+o\s+(?!(?:que|un|una|el|la|los|las)\b)\w",
    re.I,
)


# A relative clause or an exception right after the object narrows it ("que …", "die …", "sin …", "außer …").
_QUALIFIED_OBJECT = re.compile(
    r"\w*\s*,?\s+(?:que|qui|quel(?:le)?s?|die|der|das|welche[nrs]?|sin|sem|sans|ohne|fuera|fora|salvo|außer|sauf|"
    r"exceto|excepto|além|más\s+allá|a\s+menos|no\s+autorizad|não\s+autorizad|non\s+autoris|nicht\s+freigegeben|"
    r"not|unless|except|beyond|outside)\b|"
    # "Keine Namen von Jugendspielern": whose names (not names at all)
    r"\w*\s+(?:von|vom|of|van)\s+\w",
    re.IGNORECASE,
)


# Verbs that do something else to the object than the table's verbs (add, convert, correct, change, invent): the
# English default ("give") would say the opposite of "don't change the dose", so the quote stays.
_OTHER_ACTION = re.compile(
    r"\b(?:(?:ergänz|umrechn|korrigier|änder|erfind|anpass|cambi|modific|corrig|convert|calcul|recalcul|rettific|"
    r"aggiust|aanvull|omreken|wijzig|verzin)\w*|invent(?:a|ar|as|e|en|es|o|ez|er|eer|iere|ieren|i)?)\b",
    re.IGNORECASE,
)


def _part_with(words: str, position: int) -> str:
    """The part of a fragment, between "nor" words and commas, that holds `position`."""
    start = 0
    for cut in _NOR_OR_AND.finditer(words):
        if cut.start() >= position:
            return words[start : cut.start()]
        start = cut.end()
    return words[start:]


# "keine anderen", "ningún otro", "aucun autre", "nenhum outro", "nessun altro", "geen andere": the ban is relative to
# what the sentence allowed before it, so an English paraphrase of the fragment alone would widen it
_OTHER_THAN_BEFORE = re.compile(
    r"\b(?:keine[nrs]?\s+andere[nrs]?|ning[uú]n[oa]?\s+otr[oa]s?|ningun[oa]s?\s+otr[oa]s?|ni\s+otr[oa]s?|"
    r"aucune?s?\s+autres?|nenhum[a]?\s+outr[oa]s?|nessun[oa]?\s+altr[oi]|geen\s+andere|no\s+other|otr[oa]s\s+no)\b",
    re.IGNORECASE,
)
_NOR_OR_AND = re.compile(r"\s+(?:nem|ni|noch|weder|ne|y|und|et|e)\s+|[,;]\s*", re.IGNORECASE)


def translate_prohibition(words: str) -> str | None:
    """The English imperative for a common foreign prohibition ("Nunca des diagnósticos" -> "Never give
    diagnoses."); None when its object is not in the table."""
    if _OTHER_THAN_BEFORE.match(strip_conjunction(words)):
        return None  # "Rabatte nur die im Plan, keine anderen versprechen": "no other" leans on what came before
    found = [(english, verb, m) for english, verb, pattern in _OBJECT_PATTERNS if (m := pattern.search(words))]
    if len(found) > 1:
        parts = [part for part in _NOR.split(words) if part.strip()]
        translated = [_translate_one(part) for part in parts] if len(parts) == len(found) else []
        if translated and all(translated):
            lead = "Never" if _NEVER.search(words) else "Do not"
            when = " straight away" if _NOT_YET.search(words) else ""
            return f"{lead} {' or '.join(t for t in translated if t)}{when}."
        # "dosagem de remédios": the general object qualifies the specific one (doses of medication).
        found = [f for f in found if f[0] not in _GENERAL_OBJECTS] or found
    # Two objects ("precios de la competencia": competitors' prices) would lose the link: keep the quote.
    if len(found) != 1:
        return None
    joined = _ACTIONS_JOINED if _PORTUGUESE.search(words) else _ACTIONS_JOINED_OR_O
    if len([part for part in joined.split(words) if part.strip()]) > 1:
        return None  # "Nie ein Gerät als defekt einstufen oder einen Austausch versprechen": one part has no object
    english, verb, match = found[0]
    if _QUALIFIED_OBJECT.match(words, match.end()):
        return None  # "desconto que o simulador não mostrou": only some discounts are ruled out, so the quote stays
    if _OTHER_ACTION.search(_part_with(words, match.start())):
        return None  # "Keine Dosis ergänzen, umrechnen oder korrigieren": a change to a dose, not giving one
    when = " straight away" if _NOT_YET.search(words) else ""
    return f"{'Never' if _NEVER.search(words) else 'Do not'} {_verb_for(words[: match.start()], verb)} {english}{when}."


def _translate_one(words: str) -> str | None:
    """ "verb object" in English for a fragment with exactly one known object, else None."""
    found = [(english, verb, m) for english, verb, pattern in _OBJECT_PATTERNS if (m := pattern.search(words))]
    if len(found) != 1:
        return None
    english, verb, match = found[0]
    return f"{_verb_for(words[: match.start()], verb)} {english}"


def _verb_for(before: str, default: str) -> str:
    for candidate, pattern in _VERB_PATTERNS:
        if pattern.search(before):
            return candidate
    return default
