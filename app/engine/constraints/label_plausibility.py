"""Whether a list found in a clause reads as labels the reply chooses from, rather than limits, formats, numbers,
inputs, table headers, examples or options a user picks."""

from __future__ import annotations

import re

from app.engine.constraints.label_cues import COURSE_CLASS
from app.engine.constraints.label_items import FoundLabels

# "cada una de máximo 25 palabras, sin emojis": a limit or a format, not a label.
_NOT_A_LABEL = re.compile(
    r"\d+\s*(?:words?|palabras?|mots?|wörter|palavras?|characters?|caracteres|zeichen|sentences?|frases?)\b|"
    # "either one sentence or up to 60 words": lengths in words, not labels
    r"\b(?:one|two|three|four|five|a|an|single|short)\s+(?:short\s+)?(?:words?|sentences?|lines?|paragraphs?|bullets?|"
    r"bullet\s+points?)\b|^up$|"
    r"^(?:sin|without|ohne|sans|sem|no|not|never|nunca)\s|を|したら|）|\(",
    re.IGNORECASE,
)


_QUOTED_PHRASE = re.compile(
    r"[\"“‘']\s*(?:the|a|an|their|his|her|our|your|my|el|la|los|las|le|les|der|die|das|un|une|una|uno|il|lo|o|os|as)"
    r"\s+\w",
    re.IGNORECASE,
)


_EXAMPLE_BEFORE = re.compile(
    r"(?:例如|比如|譬如|例えば|たとえば|例[：:]|\bfor\s+example|\be\.g\.|\bexample|\bz\.\s?b\.|\bbeispiel|\bpor\s+ejemplo|"
    r"\bejemplo|\bpar\s+exemple|\bexemple|\bpor\s+exemplo|\bexemplo|\bper\s+esempio|\besempio|\bbijvoorbeeld|"
    r"\bbijv\.|\bvoorbeeld)\s*[:：]?\s*$",
    re.IGNORECASE,
)
_STRADDLED = re.compile(r"\w['’\"”]\s*(?:or|,|/|\|)\s*['‘\"“]\w")


def _negated_twin(value: str, values: list[str]) -> bool:
    """Whether a label is another label negated ("not urgent" beside "urgent", "no sale" beside "sale")."""
    twin = re.match(r"(?:not|no)\s+(?P<rest>.+)$", value, re.IGNORECASE)
    return twin is not None and twin.group("rest").lower() in {v.lower() for v in values}


def reads_as_labels(found: FoundLabels, text: str) -> bool:
    """Whether a found list reads as labels: no limit or format fragments, no table or function signature
    ("customers(id, name, region, tier)"), and in parentheses no clause-long items ("(no respira bien, …)").

    A set the output must name is neither a choice the user makes ("let them pick easy, medium or hard"), nor
    numbers of another kind (ages, a score template "n/10"), nor output formats ("JSON or CSV").
    """
    return (
        _values_read_as_labels(found, text) and _not_another_list(found, text) and _not_words_of_a_phrase(found, text)
    )


def _values_read_as_labels(found: FoundLabels, text: str) -> bool:
    """Whether the values themselves could be labels: not priorities in prose, headed parts, limits, web addresses,
    an example, two straddled quotes, numbers of another kind, formats or one slashed token."""
    if _PRIORITY_BEFORE.search(text[max(0, found.start - 20) : found.start]) and not all(
        value.isupper() or value.lower() in _LEVELS for value in found.values
    ):
        return False  # "Prioridad: claridad, precisión y un tono cálido": what matters most, not levels to give
    if _headed_parts(found, text):
        return False  # "the three labels TITLE:, TAGS:, DESCRIPTION:": the reply's headed parts, not a choice
    piped = re.search(r"\w\s*\|\s*\w", text[found.start : found.end]) is not None  # ("food | no receipt | other")
    if any(
        (_NOT_A_LABEL.search(value) and not _negated_twin(value, found.values) and not piped)
        or _WEB_ADDRESS.search(value)
        for value in found.values
    ):
        return False  # "(bluebellparents.org.uk/groups)": a web address and its path, not a choice
    if _EXAMPLE_BEFORE.search(text, max(0, found.start - 16), found.start):
        return False  # "例如：A03|中|小区停水两天未恢复", "e.g. OK / WARN": one example of the reply, not its set
    inside = text[found.start : found.end]
    if inside[:1] not in "'\"‘“`" and _STRADDLED.search(inside):
        return False  # "either 'Verdict: APPROVE' or 'Verdict: REQUEST_CHANGES'": the tail and head of two quotes
    if _numbers(found.values) or all(value.lower() in _FORMAT_NAMES for value in found.values):
        return False
    # "write N/A", "dates as DD/MM/YYYY", "and/or": one token with slashes, not a choice
    return not (
        all(value.lower() in _NOT_A_SET for value in found.values) or "/".join(found.values).upper() in _SLASHED_TOKENS
    )


def _not_another_list(found: FoundLabels, text: str) -> bool:
    """Whether the words before the list leave it a choice: not items each scored, column values or headers, words
    to write, options a user picks, or the inputs that arrive."""
    each = _EACH_OF.search(text[max(0, found.start - 30) : found.start])
    if each and not _LABEL_VERB_BEFORE.search(text[max(0, found.start - 60) : found.start]):
        return False  # "score the call 1-5 on each of: discovery, …": every item is scored, none is chosen
    quoted = text[found.start : found.start + 1] in "'‘"
    if quoted and _VALUES_BEFORE.search(text[max(0, found.start - 60) : found.start]):
        return False  # "status values are 'placed', 'delivered', …": SQL string literals a column holds
    if _COLUMNS_BEFORE.search(text[max(0, found.start - 60) : found.start]):
        return False  # "a table (columns: Acte | Sécu | Mutuelle)", "Spalten: Segment-ID | Fehlerart": headers
    if len(_QUOTED_PHRASE.findall(text[found.start : found.end])) >= 2:
        return False  # 'Say "the employee", "their manager", "a colleague"': words to write, not labels to choose
    before = text[: found.start]
    if _WORDS_TO_USE.search(before[-30:]):
        return False  # '(say "another resident", "the team")': words the reply uses instead, not labels to choose
    if _USER_PICKS.search(before):
        return False
    clause = re.split(r"[.!?\n]", before)[-1]
    given = _GIVEN_BEFORE.search(clause)
    # (not "Go through emails I paste in, tell the user which ones are urgent (urgent / this week / whenever)")
    # "I'll give you the beer name, style, ABV, IBU, hops/malts …": what arrives, not a choice
    return not (given and not _LABEL_CUE.search(clause) and not _JUDGING.search(clause, given.end()))


def _not_words_of_a_phrase(found: FoundLabels, text: str) -> bool:
    """Whether the list stands apart from the sentence around it: not a call's arguments, a business's description,
    examples of what is banned, words before a colon, or clause-long items in parentheses."""
    before = text[: found.start]
    clause = re.split(r"[.!?\n]", before)[-1]
    if re.search(r"\w\(\s*$", before):
        return False
    in_parens = before.rstrip().endswith("(")
    if in_parens and _NAME_BEFORE_PARENS.search(before) and not _LABEL_CUE.search(before[-80:]):
        return False  # "Casa Jacarandá (móveis e decoração, SP)": what a business is and where, not a label set
    if in_parens and _BAN_OPENS.match(clause) and not _LABEL_CUE.search(clause):
        return False  # "Never give advice about money decisions (selling stock, loans, the bank)": what is banned
    if (
        re.match(r"[\s\"”'’)]*:", text[found.end :])
        and not re.search(r"[:：]\s*$", text[: found.start])
        and all(len(value.split()) >= 2 for value in found.values)
    ):
        return False  # "pick one of these three at random and don't say which: a couple …": the words before a list
    return not (in_parens and any(len(value.split()) >= 3 for value in found.values))


# A clause that bans something: a list in parentheses in it gives examples of what is banned
_BAN_OPENS = re.compile(
    r"\s*(?:never|don'?t|do\s+not|no|avoid|nunca|no\s+\w+\s+nunca|nie|niemals|jamais|ne\s+\w+\s+jamais|não|non|mai|"
    r"niet|nooit|geen)\b",
    re.IGNORECASE,
)


# "I'll give you …", "we paste …", "you'll get …", "Input: …": the items that follow arrive with each request
_GIVEN_BEFORE = re.compile(
    r"\b(?:i|we|they|you)(?:'ll|’ll|\s+will)?\s+(?:give|send|paste|provide|share|pass)\s+(?:you\s+|it\s+)?|"
    r"\byou(?:'ll|’ll|\s+will)?\s+(?:get|receive|be\s+given)\b|\binputs?\s*:",
    re.IGNORECASE,
)


_JUDGING = re.compile(
    r"\b(?:tell|say|mark|flag|label|tag|classify|sort|decide|rate|grade|which|whether|answer|reply|respond|return|"
    r"output|pick|choose|assign|file|put|give\s+me|write\s+back)\b",
    re.IGNORECASE,
)


# A priority or urgency heading in another language: its values are labels only when they are levels or codes
_PRIORITY_BEFORE = re.compile(
    r"\b(?:prioridade?s?|priorités?|priorità|priorität|prioriteit|urgencia|urgência|urgence|urgenza|urgentie)\s*[:：]?\s*$",
    re.IGNORECASE,
)
_LEVELS = frozenset(
    """
    alta alto media medio baja bajo baixa baixo média médio haute haut normale normal basse bas moyenne moyen hoch
    mittel niedrig hoog laag midden gemiddeld bassa basso urgente urgent critica crítica critique kritisch kritiek
    """.split()  # noqa: SIM905  (a wrapped word list reads better than quoted literals)
)


def _headed_parts(found: FoundLabels, text: str) -> bool:
    """Whether the items are headers, each followed by a colon ("TITLE:, TAGS:, DESCRIPTION:"): the reply fills
    every one of them, so they lay out the reply instead of naming a choice."""
    sentence = re.split(r"[.!?\n]", text[max(0, found.start - 80) : found.start])[-1]
    if _PICK_ONE.search(sentence):
        return False  # "one of three categories (BUG:, IDEA:, PRAISE:)", "Pick one tag per message: BUG:, …"
    span = text[found.start : found.end + 2]
    headed = sum(bool(re.search(re.escape(value.rstrip(":")) + r"\s*:", span)) for value in found.values)
    return len(found.values) >= 2 and headed >= len(found.values) - 1 and headed >= 2


_PICK_ONE = re.compile(
    r"\bone\s+of\b|\bpick\b|\bchoose\b|\bselect\b|\b(?:sort|classif\w*|categori[sz]e)\b|\beither\b|"
    r"\b(?:one|a)\s+(?:tag|label|category)\b",
    re.IGNORECASE,
)


_WORDS_TO_USE = re.compile(
    r"\b(?:say|use|write|call\s+(?:them|it|him|her)|refer\s+to\s+(?:them|it)\s+as|instead\s+say)\s*[:(]?\s*[\"“'‘]?\s*$",
    re.IGNORECASE,
)
_WEB_ADDRESS = re.compile(
    r"^(?:https?://|www\.)|^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|co|uk|de|fr|es|it|nl|pt|br|jp|cn|eu|info|"
    r"app|ai|ca|au|ch|at|be|ie|nz|us|in|mx|ar|se|no|dk|fi|pl|cz)$",
    re.IGNORECASE,
)


# A name of two capitalised words ("Casa Jacarandá ("): one capitalised word may be a German noun ("Dringlichkeit (").
_NAME_BEFORE_PARENS = re.compile(r"[A-ZÀ-Ý][\wÀ-ÿ'&.-]*\s+[A-ZÀ-Ý][\wÀ-ÿ'&.-]*\s*\(\s*$")
_LABEL_CUE = re.compile(
    rf"\b{COURSE_CLASS}(?:label\w*|categor\w*|class(?:if\w*|es)?\b|tags?\b|sort\b|bucket\w*|one\s+of|either|mark(?:s|ed)?\s+(?:it|them|as)|"
    r"flag\w*|etiquet\w*|kategor\w*|catégor\w*|rotul\w*)",
    re.IGNORECASE,
)


DATE_FORMAT_PARTS = frozenset({"dd", "mm", "yy", "yyyy", "jj", "aaaa", "jjjj", "tt", "hh", "ss", "d", "m", "y"})
"""The parts of a date form in any common language ("DD/MM/YYYY", "JJ.MM.AAAA"): no label set."""
# Slashed words that are one token ("and/or", "N/A").
_NOT_A_SET = DATE_FORMAT_PARTS | {"and", "or", "und", "oder", "et", "ou", "o"}
_COLUMNS_BEFORE = re.compile(
    r"\b(?:columns?|colonnes?|columnas?|colunas?|spalten?|kolommen?|colonne|headers?|en-têtes?|kopfzeile|"
    r"table\s+headings?)\b[^.;]{0,20}$|列(?:为|是|有|は)?[：:]?\s*$|表头[：:]?\s*$|カラム(?:は)?[：:]?\s*$",
    re.IGNORECASE,
)


# "Label each of these: bug, feature, question": each item gets one of the labels that follow.
_LABEL_VERB_BEFORE = re.compile(
    r"\b(?:label|tag|classify|categori[sz]e|sort|assign|mark|route|bucket)\w*\s+(?:\w+\s+)?each\s+of\b", re.IGNORECASE
)
_EACH_OF = re.compile(
    r"\b(?:each|every|all|both)\s+of(?:\s+(?:these|the\s+following|them))?\s*:?\s*$|\bcada\s+uno\s+de\b[^.:]{0,20}:?\s*$|"
    r"\bjede[nrsm]?\s+(?:der|von)\b[^.:]{0,20}:?\s*$|\bchacun(?:e)?\s+des\b[^.:]{0,20}:?\s*$",
    re.IGNORECASE,
)
_VALUES_BEFORE = re.compile(r"\b(?:column|field|status|state|type)\s+values\s+(?:are|include)\s*:?\s*$", re.IGNORECASE)
_SLASHED_TOKENS = frozenset({"N/A", "N/V", "S/O", "W/O", "C/O", "A/B", "I/O", "24/7", "AND/OR"})


_BARE_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?!\w)")
_FORMAT_NAMES = frozenset(
    {"json", "csv", "tsv", "xml", "yaml", "html", "markdown", "pdf", "sql", "plain text", "text", "table", "txt"}
)
# "the user picks …", "let them choose …", "ask the customer to select …", "le client choisit …": options someone
# else picks in the conversation, not labels the reply gives.
_USER_PICKS = re.compile(
    r"\b(?:users?|customers?|clients?|players?|students?|learners?|kids?|child(?:ren)?|guests?|visitors?|callers?|"
    r"patients?|members?|parents?|people|they|them|usuari[oa]s?|clientes?|jugador(?:es)?|nutzer(?:in|innen)?|kund(?:e|en|in)|"
    r"spieler|utilisateur(?:s|rice)?|joueur(?:s|euse)?|usuári[oa]s?|jogador(?:es)?|utent[ei]|giocator[ei]|gebruikers?|klanten?|"
    r"spelers?)\b[^.;:!?\n]{0,30}?\b(?:picks?|pick(?:ing)?|chooses?|choos(?:e|ing)|selects?|select(?:ing)?|opts?\s+for|"
    r"prefers?|wants?|elige|eligen|escoge|escogen|elegir|escoger|wählt|wählen|aussuchen|choisit|choisissent|choisir|"
    r"escolhe|escolhem|escolher|sceglie|scelgono|scegliere|kiest|kiezen)\b|"
    r"\b(?:offer|give)\s+(?:them|the\s+\w+)\s+(?:a\s+choice\s+(?:of|between)|the\s+choice|one\s+of)\b",
    re.IGNORECASE,
)


def _numbers(values: list[str]) -> bool:
    """Whether the values are numbers of another kind: ages ("they're 8", "9"), a score template ("n", "10"). A scale
    counted from 0 or 1 ("1, 2 or 3") and numbered names with one stem ("Tier 1", "Tier 2") stay labels."""
    numbered = [value for value in values if _BARE_NUMBER.search(value)]
    if not numbered:
        return False
    if all(_BARE_NUMBER.fullmatch(value) for value in values):
        counted = [int(float(value.replace(",", "."))) for value in values]
        return counted != list(range(counted[0], counted[0] + len(counted))) or counted[0] not in (0, 1)
    stems = {_BARE_NUMBER.sub("#", value).lower() for value in values}
    return len(numbered) != len(values) or len(stems) != 1
