"""Closed label sets: "one of: a, b, c", "(spam/ham)", "either a or b", "labels: A | B | C", bullet lists."""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from app.engine.constraints import label_shapes
from app.engine.constraints.label_topics import topic_word
from app.engine.constraints.tool_table import TABLE_RULE_LINE
from app.engine.phrasing import VERBS

_LABEL_NOUNS = (
    r"labels?|categories|category|classes|class|tags|intents?|buckets|statuses|status|priorities|priority|"
    r"sentiments?|options|values|verdicts?|outcomes|decisions?|types(?!\s+(?:[A-Z]{2,}|[\"'“/]|in\b|out\b|an?\b|the\b|it\b))|levels|etiquetas|categorías|categorias|clases|"
    r"kategorien|klassen|catégories|étiquettes|classes|rótulos|classificações|niveles|niveaux|níveis|stufen|"
    r"prioridades|urgencias|dringlichkeit|kategorie|categoría|catégorie|categoria|categorie|etiqueta|étiquette|"
    r"etichett[ae]|rótulo|klasse|klassen|"
    # "PRIORIDAD: ALTA / NORMAL / BAJA": priority and urgency in the languages briefs come in
    r"prioridad|prioridade|prioridades|priorité|priorités|priorità|priorität|prioriteit|urgencia|urgência|urgence|"
    r"urgenza|urgentie|"
    # "genau einen Schweregrad: KRITISCH, WARNUNG oder HINWEIS": a severity is a closed set in every language
    r"severity|severities|schweregrad|schweregrade|gravedad|severidad|gravité|sévérité|gravità|severità|gravidade|"
    r"severidade|ernstniveau"
)
_ONE_OF = (
    r"\bone(?:\s+or\s+more)?\s+of(?:\s+(?:these|the\s+following|the))?(?:\s+(?:two|three|four|five|six|seven|eight|\d+))?"
    r"(?:\s+(?:labels?|categories|values|options|classes|buckets|groups|types|tags|intents))?(?:\s*[-–—:])?|"
    # (a word of its own: "una de", not the Italian "una detrazione")
    r"\b(?:uno|una)\s+de\b(?:\s+(?:estas|estos|las\s+siguientes|los\s+siguientes))?"
    r"(?:\s+(?:etiquetas|categorías|[^\W\d_]+(?=\s*[:–—-])))?|"
    r"\b(?:eins|eine[sn]?|einer)\s+(?:von|der\s+folgenden)(?:\s+(?:kategorien|labels))?|"
    r"\bl'une?\s+des(?:\s+(?:catégories|étiquettes)\s+suivantes)?|\bparmi|"
    r"\b(?:um|uma)\s+(?:de|dos|das)\b(?:\s+(?:seguintes|rótulos|categorias))?|"
    # "verso uno di questi uffici:", "una de estas oficinas:", "één van de volgende afdelingen:": the noun is the
    # requester's own (offices, teams, queues), so any one word may follow before the colon
    r"\b(?:uno|una)\s+di\s+(?:quest[ie]|i\s+seguenti|le\s+seguenti)(?:\s+[^\W\d_]+)?(?=\s*[:–—-])|"
    r"\b(?:één|een)\s+van\s+(?:de\s+volgende|deze)(?:\s+[^\W\d_]+)?(?=\s*[:–—-])|"
    # "un'etichetta tra PRENOTAZIONE, …", "una etiqueta entre …", "ein Label aus …", "a label among …"
    r"\b(?:un['’]\s*|una\s+|un\s+|une\s+|a\s+|one\s+|ein\s+|eine\s+|uma\s+|um\s+|een\s+|één\s+)"
    r"(?:etichetta|etiqueta|étiquette|label|tag|categoria|categoría|catégorie|category|kategorie|rótulo|etiket)\s+"
    # (codes follow: "tra quelle del nostro catalogo" names no set)
    r"(?:tra|fra|entre|among|aus|van|uit)\b(?=\s*:?\s*[\"“'‘«]?(?-i:[A-Z][A-Z0-9_]+)\b)"
)
_CLASSIFY = (
    r"\b(?:classif(?:y|ies|ied|ying)|categori[sz](?:e|es|ed|ing)|label(?:s|l?ed|l?ing)?|tag(?:s|ged|ging)?|"
    r"mark(?:s|ed|ing)?|flag(?:s|ged|ging)?|sort(?:s|ed|ing)?|rout(?:e|es|ed|ing)|bucket(?:s|ed|ing)?|"
    r"triag(?:e|es|ed|ing)|rat(?:e|es|ed|ing)|assign(?:s|ed|ing)?|grad(?:e|es|ed|ing)|judg(?:e|es|ed|ing)|"
    r"scor(?:e|es|ed|ing))\b"
    r"(?:\s+(?!as\b|into\b)[\w'-]+){0,6}?"
    r"(?:\s+(?:as|into|with|to)\b(?:\s+(?:either|one(?:\s+or\s+more)?\s+of(?:\s+(?:the|these|two|three|four|five|\d+))?"
    r"(?:\s+(?:labels?|categories|values|options|classes|buckets|groups|types|tags))?(?:\s*[-–—:])?))?|\s*:)|"
    r"\bwhether\s+(?:it|this|the\s+\w+|this\s+\w+|each\s+\w+)\s+is\s+|"
    r"\b(?:label|tag|mark|rate|classify)\s+(?:it|them|each\s+\w+|the\s+\w+|every\s+\w+)\s+(?=[\w'\"]+\s*(?:,|/|\bor\b))|"
    r"\b(?:clasifica|clasificar|etiqueta|categoriza|ordena)\w*(?:\s+[\w'-]+){0,7}?\s+(?:como|en)\b|"
    r"\b(?:klassifizier|kategorisier|einordn|markier|sortier|ordne|teile)\w*(?:\s+[\w'-]+){0,7}?\s+(?:als|in)\b|"
    r"\b(?:classe|classifie|catégorise|étiquette|trie|range)\w*(?:\s+[\w'-]+){0,7}?\s+(?:comme|en|dans)\b|"
    r"\b(?:classifi|categoriz|rotul|separ)\w*(?:\s+[\w'-]+){0,7}?\s+(?:como|em)\b"
)
_INTRO = re.compile(
    rf"(?P<one_of>{_ONE_OF})\s*:?\s*|(?P<noun>\b(?:{_LABEL_NOUNS}))(?:\s+[^\W\d_]+)?\s*(?:(?:are|is|sind|son|sont|são)\b\s*:?|[:=–—])\s*"
    r"(?:(?:one\s+of|either)\b\s*:?\s*)?|"
    rf"(?P<classify>{_CLASSIFY})\s*:?\s*|(?P<either>\b(?:either|entweder|soit|o\s+bien|ou(?=\s+[^,.;:]+\bou\b))\s+)",
    re.IGNORECASE,
)
_REPLY_WITH = re.compile(
    r"\b(?i:reply|respond|answer|output|return|say|write)\s+(?i:only\s+|just\s+)?(?i:with\s+)?(?i:either\s+)?"
    r"(?P<list>(?:\"[^\"]+\"|'[^']+'|“[^”]+”|`[^`]+`|[A-Z][A-Z_]+|[A-Z]\b)(?:\s*(?:,|/|\bor\b)\s*(?:or\s+)?"
    r"(?:\"[^\"]+\"|'[^']+'|“[^”]+”|`[^`]+`|[A-Z][A-Z_]+|[A-Z]\b))+)",
)
_PARENS = re.compile(r"\((?P<list>[^()]{2,120})\)")
# "class descriptions", "the classes page", "a class schedule": a class a studio or a school runs, not a label class
_COURSE_CLASS = r"(?!class(?:es)?\s+(?!(?:labels?|names?|sets?|are|is|of|into|to|for|from|and|or)\b)[a-z])"
_LABEL_CONTEXT = re.compile(
    rf"\b{_COURSE_CLASS}(?:classif|clasif|categor|kategor|catégor|label|etiquet|étiquet|etichett|rótul|tag|sentiment|intent|priorit|route|triage|flag|mark|verdict|urgen|severit|grade|"
    rf"sort\w*\s+(?:\w+\s+){{0,4}}into|"
    rf"{_LABEL_NOUNS})",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"\s*(?:,|;|\||/|\bor\b|\band\b|\boder\b|\bund\b|\bou\b|\bet\b|\bo\b|\bu\b|\by\b|\be\b)\s*", re.IGNORECASE
)
_TRAILING = re.compile(
    r"\s+(?:based|depending|according|for|from|if|when|using|by|to|with|then|so|because|as|in|on|only|"
    r"según|dependiendo|je|nach|selon|conforme|de\s+acuerdo|etc)\b.*$",
    re.IGNORECASE,
)
_MULTI = re.compile(
    r"\bone\s+or\s+more\b|\ball\s+that\s+apply\b|\bmulti[- ]?label\b|\bmultiple\s+(?:labels|tags|categories)\b|"
    r"\bany\s+number\s+of\b|\b(?:every|each|all|any)\s+(?:\w+\s+)?(?:labels?|tags?|categor(?:y|ies))\s+that\s+appl|"
    r"\bthat\s+apply\b|\bseveral\s+(?:labels|tags|categories)\b|\buno\s+o\s+(?:más|varios)\b|"
    r"\b(?:ein|eine)\s+oder\s+mehrere\b|\bun\s+ou\s+plusieurs\b|\bum\s+ou\s+mais\b|\bas\s+many\s+as\s+apply\b|"
    # "can have more than one category", "pode ter mais de uma categoria", "peut avoir plusieurs catégories"
    r"\b(?:more\s+than\s+one|mais\s+de\s+uma?|más\s+de\s+una?|plus\s+d['’]une?|mehr\s+als\s+eine[nr]?|several|"
    r"várias|vários|varias|varios|plusieurs|mehrere)\s+(?:\w+\s+)?(?:labels?|tags?|categor(?:y|ies)|categorias?|"
    r"categorías?|catégories?|kategorien?|etiquetas?|étiquettes?|rótulos?|classes?)\b",
    re.IGNORECASE,
)
# ("  >> BOOKING_CHANGE", "-> refund", "→ spam": arrows mark list items too)
_BULLET_LINE = re.compile(r"^\s*(?:[-*•·+]|>>?|->|=>|→|»|\d{1,2}[.)])\s+(?P<item>.+?)\s*$")
_ITEM_END = re.compile(r"\s*(?::|\s[-–—]\s|\(|=).*$")
_NOT_LABELS = frozenset({"e.g", "eg", "i.e", "ie", "etc", "the", "a", "an", "it", "them", "this", "that", "s"})


# "nothing else", "nichts anderes", "rien d'autre", "nada más", "nient'altro", "verder niets": words that only stress
# that the reply holds one thing; they are never a label.
CLOSING = re.compile(
    r"(?:nothing|no|none)\s+(?:else|other|more)\b|nichts\s+(?:anderes|weiter|mehr)\b|sonst\s+nichts\b|"
    r"rien\s+(?:d['’]autre|de\s+plus)\b|nada\s+(?:más|mas|mais)\b|nient['’]\s*altro\b|niente\s+(?:altro|di\s+più)\b|"
    r"(?:verder\s+)?niets\s+(?:anders|meer)\b|verder\s+niets\b",
    re.IGNORECASE,
)
_CLOSED = CLOSING
_LIST_MARK = re.compile(r"[,/|;]|\s(?:or|and|oder|und|ou|et|o|u|y|e)\s", re.IGNORECASE)


_YES_NO = re.compile(
    r"\b(?:answer|reply|respond|output|return|say)\s+(?:only\s+)?(?:with\s+)?(?:either\s+)?"
    r"(?P<a>yes|no|true|false)\s+or\s+(?P<b>yes|no|true|false)\b",
    re.IGNORECASE,
)
# "BUG | FEATURE | QUESTION": a pipe-separated run of short names is an enumeration wherever it stands.
_PIPED = re.compile(r"(?P<list>[\w-]+(?:\s*\|\s*[\w-]+)+)")
# the same run with labels of two words after the first ("urgent | not urgent | spam")
_PIPED_WIDE = re.compile(
    r"(?P<list>(?:(?-i:[A-Z][\w-]*)[ \t]+)?[\w-]+(?:\s*\|\s*[\w-]+"
    r"(?:[ \t]+(?!(?:then|and|or|but|for|to|with|in|on|if|so|as)\b)[\w-]+)?)+)",
    re.IGNORECASE,
)


def under_a_line_intro(text: str, start: int) -> bool:
    """Whether a pipe line stands alone under a line that introduces a line's layout ("Max one line:\nCUSTOMER | …")."""
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0 or text[line_start:start].strip():
        return False
    intro = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start].strip()
    return (
        intro.endswith((":", "："))
        and re.search(r"\b(?:lines?|format|layout|rows?|template)\b", intro, re.I) is not None
    )


def _pipe_layout(cells: list[str], rest: str) -> bool:
    """Whether pipe-separated cells lay out a line rather than list labels: the line goes on with more cells, two
    cells are phrases, or capitals mark some cells as fixed words beside lowercase slots ("LOG | job ref")."""
    if re.match(r"[^|\n]*\|", rest):
        return True
    caps = [cell.isupper() for cell in cells if any(ch.isalpha() for ch in cell)]
    return sum(len(cell.split()) > 1 for cell in cells) >= 2 or (any(caps) and not all(caps))


# A pipe-separated header ("Name | Email | Phone") lists columns or fields, not labels.
# "path/to/file.py:LINE", "src/app.ts": a file path in a cell of a line template
_PATH_CELL = re.compile(r"[\w.-]+/[\w./-]*\.\w{1,5}\b|\w\.\w{1,5}:\w")
_FIELD_NAMES = frozenset(
    """
    label labels category summary reason reasoning explanation text date name id score comment note title
    étiquette catégorie résumé raison motif texte nom commentaire titre
    etiqueta categoría categoria resumen resumo razón razão motivo nombre nome comentario comentário título
    kategorie zusammenfassung begründung grund datum kommentar titel
    riassunto motivazione commento titolo categorie samenvatting reden opmerking
    """.split()  # noqa: SIM905
)
_NOT_PIPED_LABELS = re.compile(r"\b(?:columns?|fields?|headers?|table|csv|format|keys?)\b", re.IGNORECASE)


_INSTRUCTION = re.compile(
    r"(?:(?:and|then|plus)\s+)?(?:return|output|reply|respond|write|give|use|explain|add|include|provide|then|send|show|"
    r"list|keep|make|summari[sz]e|extract|answer|explain|justify|cite|suggest|recommend|note|mention|offer|draft|"
    r"propose|state|quote|highlight|point|ask|escalate|route|forward|assign|flag|say|tell|describe|responde|devuelve|gib|antworte|"
    r"réponds|donne|responda|retorne|"
    # ("alta, media o baja, y escribe una respuesta breve": the next task in the brief's language)
    r"escribe|redacta|añade|indica|explica|resume|écris|rédige|ajoute|indique|explique|résume|escreva|redija|"
    r"adicione|explique|resuma|scrivi|aggiungi|indica|spiega|riassumi|schreib|schreibe|ergänze|erkläre|fasse|"
    r"schrijf|voeg|geef|leg|vat)\b",
    re.IGNORECASE,
)


class FoundLabels(NamedTuple):
    """A label set and where it is stated."""

    values: list[str]
    multi: bool
    start: int
    end: int


_FOREIGN_ONE_OF = re.compile(
    r"^(?:(?:une?\s+)?(?:seule?\s+)?parmi|l['’]une?\s+(?:de|des)|(?:genau\s+|nur\s+)?(?:eins|einer|eine)\s+(?:von|aus)|"
    r"(?:s[oó]lo\s+)?un[oa]\s+(?:de|tra|fra|sola\s+tra)|(?:apenas\s+)?um[a]?\s+de|(?:precies\s+)?(?:één|een)\s+van|"
    r"exactly\s+one\s+of)\s*:?\s+(?=\S)",
    re.IGNORECASE,
)


def _clean(item: str) -> str:
    # "TAG: <one of SUPPORT_REQUEST, …, OTHER>": the slot's angle brackets and its "one of" are no part of a label
    item = re.sub(r"^<\s*(?:one\s+of\s*:?\s*)?|>$", "", item.strip(), flags=re.IGNORECASE)
    item = item.strip().strip("\"'“”‘’`*[]").strip()
    item = re.sub(r"^(?:a|an|the|either)\s+", "", item, flags=re.IGNORECASE)
    # "flags: only from ID_DOCUMENT, BANK_CARD, …": "only from" says where the values come from, it is no label
    item = re.sub(r"^(?:only\s+(?:from|one\s+of)|one\s+of)\s*:?\s+(?=\S)", "", item, flags=re.IGNORECASE)
    # "une seule parmi DEGAT_DES_EAUX", "genau eins von A", "uno de ACOSO": the lead-in says "one of", no label
    item = _FOREIGN_ONE_OF.sub("", item)
    if re.fullmatch(r"[A-Z][A-Z0-9_]*\?", item):
        return item  # "REFUND?": an upper-case code that ends in a question mark is spelt that way on purpose
    return re.sub(r"[.!?]+$", "", item).strip().strip("\"'“”‘’`*")


_MAX_LABEL_WORDS = 4  # "à traiter cette semaine"


_ASIDE = re.compile(r"\s*(?:\([^()]*\)|（[^（）]*）)")  # ("SPAM（宣伝、外部サイトへの誘導）": a full-width aside too)
# In a comma list an unspaced slash belongs to the label ("area/api"); a spaced one (" / ") still separates.
_SPLIT_NO_SLASH = re.compile(_SPLIT.pattern.replace(r"\||/|", r"\||\s/\s|"), re.IGNORECASE)


def split_items(text: str, *, last_trim: bool = True) -> list[str] | None:
    """Split "a, b or c" into ["a", "b", "c"]; None when it does not read as a short list of names.

    An aside after a label ("URGENT (same day)", "P1 (safety risk)") describes it and is not part of its name; in a
    comma list a slash belongs to the label ("area/api, kind/bug").
    """
    text = _ASIDE.sub("", text) if not text.lstrip().startswith("(") else text
    raw = (_SPLIT_NO_SLASH if "," in text else _SPLIT).split(text.strip())
    items = [_clean(item) for item in raw]
    if last_trim and items:
        if _joined_instruction(text, items[-1]):
            items.pop()  # "PASS or FAIL and explain in one sentence": the list ends before the instruction
        elif items:
            items[-1] = _clean(_TRAILING.sub("", items[-1]))
    # "sales, support or partnerships and nothing else": the closing words only stress that the set is closed.
    items = [item for item in items if item and item.lower() not in {"etc", "etc."} and not _CLOSED.match(item)]
    # "hot / warm / cold and return JSON", "warm, curt or rude, and suggest a fix": the list ends where an
    # instruction starts. A single word ("FLAG", "escalate") may well be a label itself.
    cut = next((i for i, item in enumerate(items) if _INSTRUCTION.match(item) and " " in item), len(items))
    items = items[:cut]
    if len(items) < 2 or len(items) > 30:
        return None
    letters = all(re.fullmatch(r"[A-Z]", item) for item in items)  # "A, B, C or D": answer letters
    if any(
        len(item.split()) > _MAX_LABEL_WORDS or (item.lower() in _NOT_LABELS and not letters) or len(item) > 40
        for item in items
    ):
        return None
    if len({item.lower() for item in items}) != len(items):
        return None
    return items


def _joined_instruction(text: str, last: str) -> bool:
    """Whether a list's last piece is an instruction joined by "and"/"then" ("… and explain in one sentence")."""
    if " " not in last or not _INSTRUCTION.match(last):
        return False
    return re.search(rf"\s(?:and|then|und|dann|et|puis|y|e|luego|depois)\s+{re.escape(last)}", text, re.I) is not None


def _list_extent(text: str, start: int) -> int:
    """Where a list that starts at `start` ends: the end of the clause or a closing parenthesis."""
    # ', written as "Tone: <label>"' says how the label is written; it is not one more label.
    boundary = re.compile(
        # "billing, tech or other and urgency is low, medium or high": a new clause about another field
        r",?\s+and\s+(?:the\s+)?[A-Za-z_][\w-]*\s+(?:is|are|must\s+be|should\s+be)\s|"
        r",?\s+(?:and\s+|then\s+)?\(\d{1,2}\)\s|[.;:!?)\n](?:\s|$)|[.;!?)\n]$|\s[-–—]\s|\s(?:based|depending|according|using|so\s+that)\b|"
        r",\s+(?:written|formatted|shown|printed|given|prefixed|spelled|in\s+the\s+form)\b|"
        # "…, OTHER and pull out the plot number": the next task, joined by "and", ends the list
        r"\s(?:and|then)\s+(?=(?:pull|extract|give|write|add|return|include|note|copy|list|explain|draft|suggest)"
        r"\s+(?:out\s+)?(?:the|a|an|any|their|its|it|them|one)\b)"
    )
    match = boundary.search(text, start)
    return match.start() if match else len(text)


# "Labels (pick exactly one): 1) OK 2) SPAM 3) HARASSMENT": an inline numbered list, numbered from 1.
# Numbered labels need words about labels right before them ("Labels (pick one):", "classify as one of:").
_NUMBERED_CUE = re.compile(
    rf"\b(?:{_LABEL_NOUNS}|labels?|categor\w*|classif\w*|tags?|one\s+of|verdicts?|buckets?)\b[^.;]*$", re.IGNORECASE
)
_NUMBER_MARK = re.compile(r"(?:(?<=[\s:])|^)\(?(?P<n>\d{1,2})[.)](?=\s)")


def _numbered(text: str) -> FoundLabels | None:
    """A label set written as an inline numbered list after words about labels."""
    run: list[re.Match[str]] = []
    for mark in _NUMBER_MARK.finditer(text):
        if int(mark.group("n")) == len(run) + 1:
            run.append(mark)
        elif run:
            break
    if len(run) < 2 or not _NUMBERED_CUE.search(text[: run[0].start()]):
        return None
    bounds = [(a.end(), b.start()) for a, b in itertools.pairwise(run)]
    bounds.append((run[-1].end(), _list_extent(text, run[-1].end())))
    items = [_clean(re.sub(r"[,;]?\s*(?:and|or)?\s*$", "", text[a:b].strip())) for a, b in bounds]
    if any(not item or len(item.split()) > _MAX_LABEL_WORDS or len(item) > 40 for item in items):
        return None
    if any(len(item.split()) > 1 and item.split()[0].lower() in VERBS for item in items):
        return None  # "1. read the email 2. decide urgency": steps, not labels
    if len({item.lower() for item in items}) != len(items):
        return None
    return FoundLabels(items, bool(_MULTI.search(text)), run[0].start(), bounds[-1][1])


# '"Sentiment: POS", "Sentiment: NEG" or "Sentiment: MIXED"': one quoted line per label, sharing its prefix.
_PREFIXED = re.compile(
    r"[\"“](?P<prefix>[A-Za-z][\w -]{0,20}):\s*[^\"”<>]{1,30}[\"”]"
    r"(?:\s*(?:,|/|\bor\b|\band\b)\s*(?:,\s*)?(?:or\s+)?[\"”“](?P=prefix):\s*[^\"”<>]{1,30}[\"”])+"
)
_PREFIXED_VALUE = re.compile(r"[\"“][^\"”:]+:\s*(?P<value>[^\"”]+)[\"”]")
# "Decide OK, EDIT or BLOCK": a verdict verb right before a list of upper-case names.
# "output: VERWIJDER of LATEN STAAN": a name may be two upper-case words, and "or" may be the brief's own word.
_UPPER_NAME = (
    r"[A-Z][A-Z_]+(?: (?!(?:AND|OR|OF|THE|THEN|TO|IN|ON|WITH|ONLY|FIRST|LAST|NOW|PLEASE|ALWAYS|NEVER|AGAIN|ALSO|"
    r"IF|WHEN|AS|FOR|AT|BY|ELSE|OTHERWISE|HERE|TOO|JUST|IS|ARE|BE)\b)[A-Z][A-Z_]+)?"
)
_UPPER_OR = r"(?:or|of|oder|ou|o)"
_DECIDE = re.compile(
    r"\b(?i:decide|choose|pick|verdict|answer|reply|respond|output|return|uitvoer|ausgabe|sortie|salida|saída|"
    r"risposta|antwoord|antwort|réponse|respuesta|resposta|"
    # "you put it in BILLING, TECH or ACCOUNT", "assign it POSITIVE, …", "file it under BILLING, …"
    r"put\s+it\s+(?:in|under)|assign\s+it(?:\s+to)?|file\s+it\s+(?:under|as|in)|mark\s+it(?:\s+as)?|tag\s+it(?:\s+as)?)"
    r"\s*:?\s+(?i:(?:either|one\s+of)\s+)?"
    rf"(?P<list>{_UPPER_NAME}(?:\s*(?:,|/|\b{_UPPER_OR}\b)\s*(?:{_UPPER_OR}\s+)?{_UPPER_NAME})+)\b"
)
_DECIDE_SPLIT = re.compile(rf"\s*(?:,|/|\b{_UPPER_OR}\b)\s*")
# "SEVERITY is BLOCKER, MAJOR or NIT": an upper-case field (a cell of the brief's line template) and its values.
# (the field is a word of four letters or more, and the values are joined by commas or "or": "Our API is
# REST/JSON" describes a stack)
_UPPER_FIELD_IS = re.compile(
    rf"\b[A-Z][A-Z_]{{3,}}\s+(?:is|must\s+be|should\s+be|can\s+be)\s+(?:(?:one|either)\s+of:?\s+)?"
    rf"(?P<list>{_UPPER_NAME}(?:\s*(?:,|\b{_UPPER_OR}\b)\s*(?:{_UPPER_OR}\s+)?{_UPPER_NAME})+)\b"
)


# "Decide approve, needs_changes or reject": single-word names in lower case need the full "a, b or c" shape.
_DECIDE_LOWER = re.compile(
    r"\b(?i:decide|choose|pick)\s*:?\s+(?i:(?:between|among|one\s+of)\s+)?"
    r"(?P<list>[a-z][a-z_-]+(?:\s*,\s*[a-z][a-z_-]+)+\s*,?\s+or\s+[a-z][a-z_-]+)\b(?=\s*[.;:,]|\s*$)"
)


# "For each answer give a score out of 10 and PASS or FAIL": upper-case names a judging verb asks for, a few words on.
_JUDGED = re.compile(
    r"\b(?i:give|mark|grade|score|rate|judge|assess|evaluate|label|tag|flag|classify|verdict|decide|award)\b"
    r"(?P<gap>[^.;:!?\n()]{0,60}?)(?<![\w-])"
    r"(?P<list>[A-Z]{2,}(?:[_-][A-Z]+)*(?:\s*(?:,|/|\bor\b)\s*(?:or\s+)?[A-Z]{2,}(?:[_-][A-Z]+)*)+)(?![\w-])"
)
_NEGATION = re.compile(r"\b(?:no|not|never|without|avoid|don'?t|nor)\b", re.IGNORECASE)


def prefixed_line(text: str) -> str | None:
    """The shared prefix of a label set written as quoted lines ("Sentiment" in '"Sentiment: POS" or …')."""
    match = _PREFIXED.search(text)
    return match.group("prefix").strip() if match else None


def find_labels(text: str) -> FoundLabels | None:
    """The label set stated in one clause, if any."""
    found = _find_labels(text)
    if found is not None:
        found = _without_trailing_phrase(found)
    if found is not None and any("（" in value for value in found.values):
        found = found._replace(values=without_full_width_asides(found.values))
    return found if found is not None and _plausible(found, text) else None


_CODE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")
_FULL_WIDTH_ASIDE = re.compile(r"\s*（[^（）]*）\s*$")


def without_full_width_asides(values: list[str]) -> list[str]:
    """Labels without the full-width aside that describes them ("SPAM（宣伝、外部サイトへの誘導）" -> "SPAM"); the code
    in the aside when every aside holds one ("請求・支払い（BILLING）" -> "BILLING"); unchanged when the asides tell
    labels apart ("返金（全額）", "返金（一部）")."""
    if not any("（" in value for value in values):
        return values
    asides = [_FULL_WIDTH_ASIDE.search(value) for value in values]
    codes = [_CODE.fullmatch(a.group(0).strip(" （）")) if a else None for a in asides]
    if all(code is not None for code in codes):
        return [code.group(0) for code in codes if code is not None]
    bare = [_FULL_WIDTH_ASIDE.sub("", value).strip() for value in values]
    return bare if len(set(bare)) == len(bare) else values


def _without_trailing_phrase(found: FoundLabels) -> FoundLabels:
    """ "APROBADO, REVISAR o RECHAZADO, y una justificación corta": after a run of codes, a lowercase phrase is the
    next thing the reply gives, not one more label."""
    values = found.values
    codes = [v for v in values if _CODE.fullmatch(v)]
    if len(codes) < 2 or len(codes) == len(values) or not all(_CODE.fullmatch(v) for v in values[: len(codes)]):
        return found
    rest = values[len(codes) :]
    if all(len(v.split()) >= 2 and v[:1].islower() for v in rest):
        return found._replace(values=codes)
    return found


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


def _plausible(found: FoundLabels, text: str) -> bool:
    """Whether a found list reads as labels: no limit or format fragments, no table or function signature
    ("customers(id, name, region, tier)"), and in parentheses no clause-long items ("(no respira bien, …)").

    A set the output must name is neither a choice the user makes ("let them pick easy, medium or hard"), nor
    numbers of another kind (ages, a score template "n/10"), nor output formats ("JSON or CSV").
    """
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
    if all(value.lower() in _NOT_A_SET for value in found.values) or "/".join(found.values).upper() in _SLASHED_TOKENS:
        return False  # "write N/A", "dates as DD/MM/YYYY", "and/or": one token with slashes, not a choice
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
    if given and not _LABEL_CUE.search(clause) and not _JUDGING.search(clause, given.end()):
        return False  # "I'll give you the beer name, style, ABV, IBU, hops/malts …": what arrives, not a choice
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
    rf"\b{_COURSE_CLASS}(?:label\w*|categor\w*|class(?:if\w*|es)?\b|tags?\b|sort\b|bucket\w*|one\s+of|either|mark(?:s|ed)?\s+(?:it|them|as)|"
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


def in_table(text: str, position: int) -> bool:
    """Whether `position` sits in a markdown table: a run of lines with pipes, one of them a rule ("---|---")."""
    lines = text.split("\n")
    index = text.count("\n", 0, position)
    if "|" not in lines[index]:
        return False
    start = index
    while start > 0 and "|" in lines[start - 1]:
        start -= 1
    end = index
    while end + 1 < len(lines) and "|" in lines[end + 1]:
        end += 1
    return any(TABLE_RULE_LINE.fullmatch(line) for line in lines[start : end + 1])


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


# Words that make "either a or b" the reply's choice ("reply either yes or no", "mark it either approved or …"),
# not a manner or a channel ("reach us either by phone or through the app").
_EITHER_CUE = re.compile(
    r"\b(?:repl|respon|answer|output|return|say|write|print|verdict|decid|judg|label|classif|categor|tag|mark|flag|"
    r"rate|grade|score|status|result|set\s+(?:it|the\s+\w+)\s+to|antwort|réponds|répond|rispond|antwoord|clasific|"
    r"klassifizier|einstuf|étiquet)\w*",
    re.IGNORECASE,
)


def _upper_items(listed: str) -> list[str] | None:
    """The names of an upper-case decision list ("REMOVE, KEEP or LATEN STAAN"), or None when fewer than two."""
    items = [item.strip() for item in _DECIDE_SPLIT.split(listed) if item.strip()]
    if len(items) < 2 or len({item.lower() for item in items}) != len(items):
        return None
    return items


def _find_labels(text: str) -> FoundLabels | None:
    # "[BLOCKER], [MAJOR] or [NIT]" (in any language's sentence), "into billing/tech/cancel/other": compact shapes,
    # each value read alone, without its brackets or a lead-in word
    bracketed = label_shapes.bracket_set(text)
    if bracketed is not None:
        return FoundLabels(bracketed[0], bool(_MULTI.search(text)), bracketed[1], bracketed[2])
    cjk = find_cjk_labels(text)
    if cjk is not None:
        return cjk
    slash_run = label_shapes.slash_set(text)
    if slash_run is not None:
        return FoundLabels(slash_run[0], bool(_MULTI.search(text)), slash_run[1], slash_run[2])
    listed = _list_field_values(text) if _LIST_CUE_WORDS.search(text) else None
    if listed is not None:
        return listed
    line = prefixed_line_labels(text)
    if line is not None:
        return line
    prefixed = _PREFIXED.search(text)
    if prefixed is not None:
        values = [m.group("value").strip() for m in _PREFIXED_VALUE.finditer(prefixed.group(0))]
        if len(values) >= 2 and len(set(values)) == len(values):
            return FoundLabels(values, bool(_MULTI.search(text)), prefixed.start(), prefixed.end())
    decide = _DECIDE.search(text) or _UPPER_FIELD_IS.search(text) or _DECIDE_LOWER.search(text)
    if decide is not None:
        items = (
            _upper_items(decide.group("list"))
            if decide.re is not _DECIDE_LOWER
            else split_items(decide.group("list"), last_trim=False)
        )
        if items:
            return FoundLabels(items, bool(_MULTI.search(text)), decide.start("list"), decide.end("list"))
    if text.count("|") >= 2 and any(_PATH_CELL.search(cell) for cell in text.split("|")):
        return None  # "SEVERITY | path/to/file.py:LINE | problem | suggested fix": the layout of a line
    numbered = _numbered(text)
    if numbered is not None:
        return numbered
    if not _LIST_MARK.search(text):
        return None  # a label set needs at least two items
    multi = bool(_MULTI.search(text))
    yes_no = _YES_NO.search(text)
    if yes_no:
        return FoundLabels([yes_no.group("a"), yes_no.group("b")], multi, yes_no.start("a"), yes_no.end("b"))
    piped = None if text.lstrip().startswith("|") or _NOT_PIPED_LABELS.search(text) else _PIPED.search(text)
    if piped:
        # "as Refund Request | Complaint | Other": a capitalised first label of two words
        before = re.search(r"(?-i:[A-Z][\w-]*)[ \t]+$", text[max(0, piped.start() - 30) : piped.start()])
    wide = _PIPED_WIDE.match(text, piped.start()) if piped else None
    # (only after a label intro: "as Refund Request | …", not "Spalten Segment-ID | …", a heading over columns)
    if (
        piped
        and wide
        and before is not None
        and piped.group(0)[:1].isupper()
        and re.search(r"\b(?:as|of|into|either)\s*:?\s*$", text[: piped.start() - len(before.group(0))])
    ):
        extended = _PIPED_WIDE.match(text, piped.start() - len(before.group(0)))
        if extended is not None and extended.end() >= wide.end():
            piped = wide = extended
    wide_cells = [cell.strip() for cell in wide.group("list").split("|")] if wide else []
    if piped and wide and (_pipe_layout(wide_cells, text[wide.end() :]) or under_a_line_intro(text, piped.start())):
        piped = None  # "LOG | job ref | done today | blockers", "CATEGORY | priority | summary": a line's layout
    elif piped and wide and len(wide_cells) > len(split_items(piped.group("list"), last_trim=False) or []):
        piped = wide  # "urgent | not urgent | spam": a label of two words
    if piped and re.match(r"[ \t]+[^\W\d_]+[ \t]+[^\W\d_]|[/:.]\w", text[piped.end() :]):
        # "hygiène | Le client a vu une mouche …", "SEVERITY | path/to/file.py:LINE | problem": an example or
        # template line, its cells a sentence or a path
        piped = None
    if piped:
        line_start = text.rfind("\n", 0, piped.start()) + 1
        line_end = text.find("\n", piped.end())
        cells = text[line_start : line_end if line_end >= 0 else len(text)].split("|")
        if any(_PATH_CELL.search(cell) for cell in cells):
            piped = None  # another cell of the line holds a path or a field: a template of the line
    if piped:
        items = split_items(piped.group("list"), last_trim=False)
        if items and any(item.lower() in _FIELD_NAMES for item in items):
            items = []  # "étiquette | résumé", "label | reason": the layout of a line, naming its fields
        if items:
            return FoundLabels(items, multi, piped.start("list"), piped.end("list"))
    reply = _REPLY_WITH.search(text)
    if reply:
        items = split_items(reply.group("list"), last_trim=False)
        if items:
            return FoundLabels(items, multi, reply.start("list"), reply.end("list"))
    for intro in _INTRO.finditer(text):
        start = intro.end()
        end = _list_extent(text, start)
        if text[start : start + 1] == "(":
            close = text.find(")", start)
            start, end = start + 1, close if close > 0 else end
        items = split_items(text[start:end])
        either = intro.group("either") is not None
        if either and not (_EITHER_CUE.search(text[: intro.start()]) or _LABEL_CONTEXT.search(text[: intro.start()])):
            continue
        if items and (not either or len(items) == 2):
            return FoundLabels(items, multi, start, end)
    judged = _JUDGED.search(text)
    if judged is not None and not _NEGATION.search(judged.group("gap")):
        items = split_items(judged.group("list"), last_trim=False)
        if items:
            return FoundLabels(items, multi, judged.start("list"), judged.end("list"))
    colon = _colon_list(text)
    if colon is not None:
        return colon._replace(multi=multi)
    for parens in _PARENS.finditer(text):
        inner = parens.group("list")
        if re.match(r"\s*(?:e\.g|i\.e|eg|ie|for example|such as|like)\b", inner, re.IGNORECASE):
            continue
        # "(spam/ham)" is a label set wherever it stands; a comma list in parentheses ("(free, 24/7)" after a
        # helpline, "(phone numbers, emails)") only after words about labels.
        if _PATH.search(inner):
            continue  # "(src/interlock/*)", "(docs/api.md)": a path, not a label set
        slashed = "/" in inner and "," not in inner
        labelled = bool(_LABEL_CONTEXT.search(text[: parens.start()]))
        if not labelled and (
            not slashed or _IN_A_LIST.search(text, parens.end()) or _NEGATION.search(text[: parens.start()])
        ):
            # "no sharing personal info: …, socials (snap/insta/discord tags), ages …": examples of one item of a
            # list, or of something forbidden, not a set of labels to choose from
            continue
        items = split_items(inner, last_trim=False)
        if items:
            return FoundLabels(items, multi, parens.start("list"), parens.end("list"))
    return None


_IN_A_LIST = re.compile(r"\s*,\s*[\w'’-]+(?:\s+[\w'’-]+){0,3}\s*(?:,|\band\b|\bor\b|$)")
"""After a parenthesis, a further item of the list it sits in (", ages of other players")."""


# A file path or glob: "src/interlock/*", "docs/api.md", "./build/", "app/**/*.py".
_PATH = re.compile(r"[\w-]+/[\w/.-]*\*|[\w-]+/[\w/-]*\.[a-z]{1,5}\b|(?:^|\s)\.{1,2}/|[\w-]+/[\w-]+/\s*$")


def _colon_list(text: str) -> FoundLabels | None:
    """ "Grade the urgency of each request: P1 (safety risk), P2 (within 48h), P3 (routine)": a list after a colon
    in a clause about labels, urgency or grades, each item a short name."""
    colon = text.find(":")
    if colon < 0 or not _LABEL_CONTEXT.search(text[:colon]):
        return None
    start = colon + 1
    end = _list_extent(text, start)
    items = split_items(text[start:end])
    if items is None or any(len(item.split()) > 2 for item in items):
        return None
    return FoundLabels(items, False, start + len(text[start:end]) - len(text[start:end].lstrip()), end)


def allows_several(text: str) -> bool:
    """Whether a text allows several labels ("one or more", "every label that applies")."""
    return bool(_MULTI.search(text))


_MARK_HEADER = re.compile(
    r"\b(?:mark(?:ing|s)?|scor(?:ing|es?)|grading|points|rubric|punteggio|puntuaci[óo]n|bewertung|notation|pontua[çc][ãa]o)\b",
    re.IGNORECASE,
)
_SCORED_PART = re.compile(
    r"\d+\s*[-–]\s*\d+\s*(?:marks?|points?|pts?)?\s*$|/\s*\d+\s*$|\b\d+\s*(?:marks?|points?|pts?)\s*$", re.IGNORECASE
)


def find_label_block(text: str) -> list[tuple[list[str], bool, int, int]]:
    """Label sets written as a bullet list under a "labels:"-style line: (values, multi, start, end)."""
    blocks: list[tuple[list[str], bool, int, int]] = []
    lines = text.splitlines(keepends=True)
    offset = 0
    header: tuple[int, bool] | None = None
    header_text = ""
    defined_only = False  # a header without a colon: only labels with their definitions follow it
    items: list[str] = []
    start = end = 0
    bulleted = False  # the list so far is written with bullets: a bare word in capitals after it is a heading
    defined = 0  # items written with their definition ("PAYMENT - double charged")
    padded = [*lines, ""]
    for index, line in enumerate(padded):
        bare = (
            header is not None
            and not bulleted
            # ("RULES\n- Always answer …": a heading over bullets of its own)
            and not re.match(r"[ \t]*[-*•]", padded[index + 1] if index + 1 < len(padded) else "")
            and _BARE_CODE_LINE.match(line)
        )
        listed = _BULLET_LINE.match(line) if not defined_only else None
        bulleted = (bulleted or listed is not None) and header is not None
        bullet = listed or ((_DEFINED_LINE.match(line) or bare or None) if header is not None else None)
        if header is not None and bullet:
            defined += bullet is not bare
            if not items:
                start = offset + bullet.start("item")
            items.append(_clean(_ITEM_END.sub("", bullet.group("item"))))
            end = offset + bullet.end("item")
        elif header is not None and not items and not line.strip() and line:
            pass  # "label set (pick exactly ONE):", a blank line, then the list: the header still stands
        else:
            items = without_full_width_asides(items)
            if (
                header is not None
                and len(items) >= 2
                and all(0 < len(i.split()) <= 3 for i in items)
                # ("Marking:\n- appearance 0-2\n- nose 0-4": each part and its marks, a mark scheme; not "Labels:\n
                # - 0-6\n- 7-8": ranges that are the labels)
                and not (_MARK_HEADER.search(header_text) and all(_SCORED_PART.search(i) for i in items))
                and not (defined_only and defined < 2)
            ):
                blocks.append((items, header[1], start, end))
            header, items, defined_only, defined = None, [], False, 0
            stripped = line.strip()
            if stripped.endswith((":", "：")) and (
                re.search(rf"\b(?:{_LABEL_NOUNS})\b", stripped, re.IGNORECASE)
                or _CJK_CONTEXT.search(stripped)
                or re.search(_ONE_OF, stripped, re.IGNORECASE)
                or re.search(_CLASSIFY, stripped, re.IGNORECASE)
            ):
                header = (offset, bool(_MULTI.search(stripped)))
                header_text = stripped
            elif (
                LABELS_NAMED.search(stripped)
                and _DEFINED_LINE.match(padded[index + 1])
                # (not a line of a layout itself: "TAGS: exactly 13 tags\nDESCRIPTION: two short paragraphs")
                and not _DEFINED_LINE.match(line)
                and not WHO_HANDLES.search(stripped)  # ("here is who handles each.": a routing table follows)
            ):
                # "one label per ticket, reply with the label only.\nORDER_LATE - tracking stuck\n…": a sentence
                # about labels, then labels defined one per line, is a header though it ends in a full stop
                header, defined_only = (offset, bool(_MULTI.search(stripped))), True
                header_text = stripped
        offset += len(line)
    return blocks


# A sentence that names a label set without a colon: "one label per email", "pick one of these", "classify into",
# "eine Kategorie pro Anfrage", "una etiqueta por mensaje" (nouns and verbs of labelling only, not "rate" or "mark")
LABELS_NAMED = re.compile(
    rf"\b(?:labels?|categor(?:y|ies)|classes|tags?|intents?|buckets?|etiquetas?|categor[íi]as?|kategorien?|"
    rf"cat[ée]gories?|[ée]tiquettes?|r[óo]tulos?|etichett[ae]|categorie|classif\w*|categori[sz]\w*|"
    rf"kategorisier\w*|clasific\w*|triag\w*)\b|{_ONE_OF}|ラベル|标签|分类|分類|カテゴリ",
    re.IGNORECASE,
)
# "Staff tickets fall into a few categories, and here is who handles each.\nPRINTERS - Dave in room 12": the lines
# say who or where each kind of case goes to (a routing table), not labels for the reply
WHO_HANDLES = re.compile(
    r"\bwho\s+(?:handles|deals\s+with|looks\s+after|takes|owns|covers|is\s+(?:responsible|in\s+charge)|to\s+"
    r"(?:contact|ask|call|email|send))\b|\bwhom?\s+(?:to\s+)?(?:contact|ask|call|email)\b|"
    r"\b(?:handled|owned|dealt\s+with|looked\s+after)\s+by\b|\bwhere\s+to\s+send\b|\b(?:contacts?|owners?)\s+for\s+each\b|"
    r"\bwer\s+(?:zuständig|sich\s+kümmert|übernimmt)|\bquién\s+(?:se\s+encarga|atiende|lleva|gestiona)|"
    r"\bqui\s+(?:s['’]occupe|gère|traite)",
    re.IGNORECASE,
)
NOTE_WORDS = (
    r"(?:IMPORTANT|NOTE|NB|N\.B|TIP|HINT|WARNING|CAUTION|REMEMBER|PS|P\.S|EXAMPLE|EG|E\.G|ALSO|AND|OR|BUT|ALWAYS|"
    r"NEVER|ONLY)"
)
"""Capitalised words that open a note under a label list ("IMPORTANT: never invent a label"), not a label."""
# "SAFETY_NOW - any mention of …", "billing: charges and refunds": an unbulleted line that defines one code-like
# label (capitals or snake_case) under a line about labels
_DEFINED_LINE = re.compile(
    # (not a note under the list: "IMPORTANT: never invent a new label", "NOTE - spam links are always REJECT")
    rf"^[ \t]*(?!{NOTE_WORDS}\b)(?P<item>[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)*|[a-z][a-z0-9]*(?:_[a-z0-9]+)+)"
    # ("A01 噪音扰民": a code, then its name)
    r"(?=[ \t]*(?:[-–—=:：]|\s[-–—]\s)[ \t]*\S|[ \t]+[\u3040-\u30ff\u3400-\u9fff])"
)


# "Labels:\nGOEDKEUREN\nAFWIJZEN_VERBODEN – …": a code alone on its line under a line about labels (the first label
# often needs no definition)
_BARE_CODE_LINE = re.compile(rf"^[ \t]*(?!{NOTE_WORDS}\b)(?P<item>[A-Z][A-Z0-9]{{1,}}(?:_[A-Z0-9]+)*)[ \t]*\r?\n?$")


def _listed(values: list[str]) -> str:
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} or {values[-1]}"


# What the label set is about, named just before it: "a sentiment label (positive/neutral/negative)".
_LABEL_TOPIC = re.compile(
    r"\b(?P<topic>[a-z][\w-]*)[ \t]+(?:label|tag|category|class|rating|score)s?\s*(?:\(|:|[-–—]|of|from)?\s*"
    r"(?:(?:one\s+of|either)\s*:?\s*)?$",
    re.IGNORECASE,
)
_NOT_TOPIC = frozenset({"a", "an", "the", "one", "single", "each", "every", "this", "that", "its", "their", "and"})


# "severity (one of: blocker, major, nit)": the field a parenthesised value list belongs to.
_FIELD_BEFORE_PARENS = re.compile(
    r"\b(?P<topic>[A-Za-z_][\w-]*)\s*\(\s*(?:(?:one\s+of|either)\s*:?\s*)?$", re.IGNORECASE
)


# "give the management tone as one of": the thing given is what the labels rate (not "classify each review as").
_GIVEN_AS = re.compile(
    r"\b(?:give|return|output|state|add|provide|include|write|report|end\s+with)\s+(?:the|a|an|its|their)\s+"
    r"(?:[a-z]+\s+)?(?P<topic>[a-z][\w-]*)\s+as\s+(?:one\s+of|either)\b[^.;]*$",
    re.IGNORECASE,
)
# ', written as "Tone: <label>"': the line the brief wants the label on.
_LINE_TEMPLATE = re.compile(
    r"^[^.;]{0,40}?\b(?:written|formatted|shown|printed|given|prefixed)\s+(?:as|like|with)\s+"
    r"[\"“'`]?(?P<prefix>[A-Za-z][\w -]{0,24}):\s*(?P<slot><[^<>]{1,20}>|\[[^\[\]]{1,20}\]|\{[^{}]{1,20}\})[\"”'`]?"
)


def label_topic(before: str) -> str | None:
    """The topic word of a label set from the text before it ("sentiment" in "assign a sentiment label (")."""
    window = before[-60:]
    match = _LABEL_TOPIC.search(window)
    if match is None or match.group("topic").lower() in _NOT_TOPIC:
        match = _FIELD_BEFORE_PARENS.search(window) or match  # "give it a category (": the category
    if match is not None and match.re is _FIELD_BEFORE_PARENS:
        # "einer Kategorie zu (", "une catégorie (": the noun, in English, not the particle after it
        topic = topic_word(match.group("topic"), window[: match.start("topic")])
        return topic if topic is not None and topic not in _NOT_TOPIC else None
    match = match or _GIVEN_AS.search(before[-80:])
    if match is None or match.group("topic").lower() in _NOT_TOPIC:
        return None
    return match.group("topic").lower()


# "Fehlerart ist genau eine von", "status must be one of", "la categoría es una de": a named field's values.
_FIELD_IS_ONE_OF = re.compile(
    r"(?:^|[\s,;(])(?P<field>[A-Za-zÀ-ÿ][\w-]{2,30}(?:\s+[a-zà-ÿ][\w-]{2,30}){0,2}?)\s+(?:is|ist|es|est|é|è|must\s+be|"
    r"should\s+be|muss|moet\s+zijn|"
    r"deve\s+ser|debe\s+ser|doit\s+être)\s+(?:genau\s+|exactly\s+|exactamente\s+|exactement\s+|exatamente\s+|"
    r"esattamente\s+|precies\s+|always\s+|immer\s+|siempre\s+)?(?:eine[rsm]?|one|uno|una|un|une|um|uma|één)\s+"
    r"(?:von|of|de|des|da|di|van|aus|der|dos|das|dei|delle|degli)\s*(?:the\s+|los\s+|las\s+|les\s+)?:?\s*$",
    re.IGNORECASE,
)


# "flags can only contain:", "tags may include any of", "issues is a list of", "topics: zero or more of", "temas: cero o
# más de", "motivos só pode ter", "étiquettes peut contenir": a field that holds several of the values, or none.
_LIST_FIELD_CUE = (
    r"(?:^|[\s,;(])(?P<quote>[\"'`])?(?P<field>[A-Za-zÀ-ÿ_][\w-]{1,30})[\"'`]?\s*(?:"
    r"(?:can|may|must|should)\s+(?:only\s+)?(?:contain|include|hold|list)|(?P<bare>(?:only\s+)?(?:contains|includes|holds))|"
    r"(?P<listed>(?:is|are)\s+(?:an?\s+)?(?:list|array)\s+(?:of|with|from)|:\s*(?:an?\s+)?(?:list|array)\s+(?:of|from)|"
    r"(?:[:=]\s*)?(?:zero|0|none)\s+or\s+more\s+(?:of|from)|(?:[:=]\s*)?(?:cero|0)\s+o\s+m[áa]s\s+(?:de|entre)|"
    r"(?:[:=]\s*)?(?:zero|0)\s+ou\s+mais\s+(?:de|entre)|(?:[:=]\s*)?(?:z[ée]ro|0)\s+ou\s+plus(?:ieurs)?\s+(?:de|parmi)|"
    r"(?:[:=]\s*)?(?:null|0)\s+oder\s+mehr(?:ere)?\s+(?:von|aus)|(?:[:=]\s*)?(?:zero|0)\s+o\s+pi[ùu]\s+(?:di|tra)|"
    r"(?:[:=]\s*)?(?:nul|0)\s+of\s+meer\s+(?:van|uit))|"
    r"(?:s[óo]lo\s+)?puede[n]?\s+(?:contener|incluir|tener|llevar)|(?:s[óo]\s+)?pode[m]?\s+(?:conter|ter|incluir|levar)|"
    r"(?:ne\s+)?peu(?:t|vent)\s+(?:contenir|inclure)|(?:darf|dürfen|kann|können)\s+(?:nur\s+)?enthalten|"
    r"(?:pu[òo]|possono)\s+contenere|mag\s+(?:alleen\s+)?bevatten)"
    r"(?:\s+(?:only|solo|s[óo]|nur|que|alleen))?"
    r"(?:\s+(?:these|the\s+following|any\s+of|one\s+or\s+more\s+of|values?|codes?|items?|labels?|tags?|flags?|from|"
    r"of|estos|estas|estes|esses|essas|ces|diese|questi|queste|deze|los\s+siguientes|las\s+siguientes|valores|c[óo]digos|os\s+seguintes|les\s+valeurs|valeurs|"
    r"codes|werte|i\s+seguenti|valori|codici|waarden)){0,3}\s*[:：]?\s*"
)
_LIST_FIELD_BEFORE = re.compile(_LIST_FIELD_CUE + "$", re.IGNORECASE)
_LIST_CUE_WORDS = re.compile(
    r"contain|includ|hold|list|array|more|m[áa]s|mais|plus|mehr|pi[ùu]|meer|puede|pode|peu|darf|dürf|kann|könn|pu[òo]|"
    r"possono|mag\b",
    re.IGNORECASE,
)  # (a cheap test before the list-field pattern runs)
_LIST_FIELD_INTRO = re.compile(_LIST_FIELD_CUE, re.IGNORECASE)
_NOT_A_FIELD = frozenset(
    """
    it this that reply answer response output message messages row rows line lines record records entry entries item
    items object objects table csv json file column columns result results header
    """.split()  # noqa: SIM905  (words that name where fields sit, not a field: "Each row can contain: SKU, QTY")
)


# "a list of objects with …", "an array of task objects", "a list of strings in E.164 format", "una lista de objetos":
# what each item of the list is (its type), not values it may take.
_ITEM_SHAPE = re.compile(
    r"(?:[^\W\d_]+\s+)?(?:objects?|strings?|integers?|ints?|floats?|numbers?|booleans?|dicts?|dictionaries|maps?|"
    r"arrays?|lists?|records?|entries|items?|urls?|ids?|objetos?|cadenas?|textos?|n[úu]meros?|enteros?|objets?|"
    r"cha[îi]nes?|nombres?|entiers?|objekte?n?|zeichenketten|zahlen|strings?|oggetti|stringhe|numeri|objecten|"
    r"tekenreeksen|getallen)\b",
    re.IGNORECASE,
)


def list_field_of_labels(before: str) -> str | None:
    """The field that holds a list of these values, named just before them ("flags" in "flags can only contain:",
    "temas" in "temas: cero o más de"), or None."""
    match = _LIST_FIELD_BEFORE.search(before[-90:])
    if match is None or match.group("field").lower() in _NOT_TOPIC | _ARTICLES | _NOT_A_FIELD:
        return None
    return match.group("field")


def _list_field_values(text: str) -> FoundLabels | None:
    """ "issues can only contain: LEAK, CRACK, RUST", "temas: cero o más de comida, servicio, precio": the values a
    list field may hold, when the field is a key (snake_case, camelCase or quoted), the cue says "zero or more" or
    "a list of", or the values are codes (not "Messages may include photos or text", what arrives)."""
    for intro in _LIST_FIELD_INTRO.finditer(text):
        field = intro.group("field")
        if field.lower() in _NOT_TOPIC | _ARTICLES | _NOT_A_FIELD:
            continue
        start = intro.end()
        if intro.group("listed") and _ITEM_SHAPE.match(text, start):
            continue  # "line_items is a list of objects with sku, qty", "a list of strings": each item's shape
        end = _list_extent(text, start)
        items = split_items(text[start:end])
        if not items:
            continue
        keyish = bool(intro.group("quote") or "_" in field or re.search(r"[a-z][A-Z]", field))
        coded = all(_CODE.fullmatch(item) and not item.isdigit() for item in items)  # (snake_case names fields)
        # ("Each row contains: SKU, QTY, PRICE" says what a row holds: its columns, no values to choose)
        if keyish or intro.group("listed") or (coded and not intro.group("bare")):
            return FoundLabels(items, True, start, end)
    return None


def describe_list_field(field: str, values: list[str], empty: bool) -> str:
    """The sentence for a field that holds any number of values from a closed set ("flags": [])."""
    tail = "; use an empty list [] when none apply" if empty else ""
    return f"Set `{field}` to a list of the values that apply, each one of: {', '.join(values)}{tail}."


_UPPER_FIELD_BEFORE = re.compile(r"(?:^|[\s,;(])(?P<field>[A-Z][A-Z_]{3,})\s+(?:is|must\s+be|should\s+be|can\s+be)\s*$")


def field_of_labels(before: str) -> str | None:
    """The field a label set gives the values of ("Fehlerart" in "Fehlerart ist genau eine von …", "payment status"
    in "The payment status is one of …"), or None."""
    match = _FIELD_IS_ONE_OF.search(before[-80:]) or _UPPER_FIELD_BEFORE.search(before[-40:])
    if match is None:
        return None
    words = match.group("field").split()
    while words and any(word.lower() in _ARTICLES for word in words):
        words = words[1:]  # "The payment status", "where theme": the field is "payment status", "theme"
    if not words or words[-1].lower() in _NOT_TOPIC | {"it", "this", "that", "answer", "reply"}:
        return None
    return " ".join(words)


_ARTICLES = frozenset(
    {
        "the", "a", "an", "its", "their", "each", "der", "die", "das", "el", "la", "le", "o", "il", "de",
        "where", "and", "or", "then", "with", "whose", "which", "that", "so", "if", "when", "while", "but", "also",
    }
)  # fmt: skip


def line_prefix(after: str) -> str | None:
    """The prefix of the line the brief wants the label on: "Tone" in `, written as "Tone: <label>"`."""
    match = _LINE_TEMPLATE.match(after)
    return match.group("prefix").strip() if match else None


def describe_scoped_labels(
    values: list[str], multi: bool, topic: str | None, prefix: str | None = None, last: bool = True
) -> str:
    """The sentence for a label set that is one part of the reply (a summary plus a label), not the whole reply;
    `last` when the label's line closes the reply (not "URGENZA: …" between a summary line and a draft line)."""
    if prefix:
        amount = "one or more" if multi else "exactly one"
        if not last:
            return f'On the "{prefix}:" line, give {amount} of: {_listed(values)}.'
        return f'End with one line "{prefix}: <label>", where <label> is {amount} of: {_listed(values)}.'
    noun = f"{topic} label" if topic else "label"
    if multi:
        return f"Assign one or more {noun}s: {_listed(values)}."
    return f"Assign exactly one {noun}: {_listed(values)}."


def with_notes(values: list[str], text: str) -> list[str]:
    """Each value with the aside the brief writes after it ("P2 (fix within 48h)", "invoice_date (YYYY-MM-DD)"), so
    the prompt keeps what the brief says each one means."""
    if "(" not in text:
        return values
    shown: list[str] = []
    for value in values:
        at = text.find(value)
        rest = text[at + len(value) :].lstrip() if at >= 0 else ""
        close = rest.find(")")
        note = rest[1:close].strip() if rest.startswith("(") and 0 < close <= 81 and "(" not in rest[1:close] else ""
        shown.append(f"{value} ({note})" if note else value)
    return shown


TAG_SET_LEAD = "Start each item with exactly one of these tags:"


def describe_labels(values: list[str], multi: bool, text: str = "") -> str:
    """The imperative sentence for a label set; `text` is where the brief lists it (for the asides it writes)."""
    if text.startswith("[") and not multi and all(f"[{value}]" in text for value in values):
        # "prefix each finding with [BLOCKER], [MAJOR] or [NIT]": tags each item carries, written as the brief does
        return f"{TAG_SET_LEAD} {', '.join(f'[{value}]' for value in values)}."
    listed = ", ".join(with_notes(values, text) if text else values)
    if multi:
        return f"Assign one or more of these labels: {listed}."
    return f"Reply with exactly one of these labels: {listed}."


# CJK label sets: 「a」「b」「c」, or a list after a colon joined by 、 ，/ ・ ("标签：通过、人工复核、删除").
_CJK_CONTEXT = re.compile(
    r"分類|分类|ラベル|标签|標籤|类别|類別|カテゴリ|いずれか|之一|分成|归类|归为|判定|タグ|分为|分為|区分|どれか|其中一"
)
_CJK_BRACKETS = re.compile(r"(?:[「『【][^」』】\n]{1,20}[」』】]\s*[、，,/／・]?\s*){2,}")
_CJK_ITEM = r"[^：:。；;\n、，,/／・]{1,20}"
_CJK_LIST = re.compile(rf"(?:[：:]|分类为|分類為|分为|分為)\s*(?P<list>{_CJK_ITEM}(?:\s*[、，,/／・]\s*{_CJK_ITEM})+)")


def find_cjk_labels(text: str) -> FoundLabels | None:
    """A Chinese or Japanese label set, read only in a clause that speaks of classifying or labels."""
    if text.isascii() or not _CJK_CONTEXT.search(text):
        return None
    multi = bool(re.search(r"多个|複数|一つ以上|一个或多个", text))
    brackets = _CJK_BRACKETS.search(text)
    if brackets:
        values = [v.strip() for v in re.findall(r"[「『【]([^」』】]+)[」』】]", brackets.group(0))]
        if len(values) >= 2 and len(set(values)) == len(values):
            return FoundLabels(values, multi, brackets.start(), brackets.end())
    listed = _CJK_LIST.search(text)
    if listed and not _CJK_CONTEXT.search(text, 0, listed.start("list")):
        listed = (
            None  # "我们是…热线，…，需要AI自动分类派单": the classifying word is in the list, which names no labels
        )
    if listed:
        items = listed.group("list")
        end = listed.end("list")
        cut = items.find("，")
        following = re.split(r"[、，,]", items[cut + 1 :])[0] if cut >= 0 else ""
        if (
            "、" in items
            and cut >= 0
            and (len(following) > 6 or re.match(r"然后|接着|再|并|之后|换行|写|另外", following))
        ):
            # "PASS、REMOVE、REVIEW，然后换行，写一句…理由": 、 joins the labels; a ， before an instruction ends them
            items, end = items[:cut], listed.start("list") + cut
        # "修理依頼 ／ 家賃・契約 ／ 退去": when another separator is used as often, ・ joins the words of one label
        # ("SAFETY（食物中毒、受伤、过敏事故…）": the marks inside a full-width aside separate no labels)
        shielded = _FULL_WIDTH_PARENS.sub(lambda m: m.group(0).translate(_SHIELD), items)
        if shielded.count("／") + shielded.count("/") < 2:
            shielded = items  # (only a slash-separated set is read through its asides)
        strong = max(shielded.count(mark) for mark in "、，,/／")
        separators = r"[、，,/／]" if strong >= shielded.count("・") else r"[、，,/／・]"
        values = [v.strip().translate(_UNSHIELD) for v in re.split(rf"\s*{separators}\s*", shielded) if v.strip()]
        values = [re.sub(r"^(?:或者|或是|以及|还有|或|和|及|または|か)", "", v) for v in values]
        # "…／SAFETY（…）のどれか1つ", "…之一，然后…": the closing "one of them" is no part of the last label
        values = [_CJK_ONE_OF_END.sub("", value).strip() for value in values]
        values = [value for value in values if value]
        # "SAFETY（食中毒・ケガ・アレルギー事故…）": a long aside describes its label; it makes no clause of it
        values = without_full_width_asides(values)
        long = next(
            (i for i, value in enumerate(values) if len(value) > _CJK_LABEL_CHARS or _CJK_CLAUSE.search(value)), None
        )
        if long is not None and long >= 2:
            # "質問・報告・雑談、どれにも当てはまらない場合は「その他」": the labels end where a clause begins
            values = values[:long]
            end = listed.start("list") + items.find(values[-1]) + len(values[-1])
        elif long is not None:
            return None  # "我们是…热线，坐席把市民来电记成文字，…": clauses, not labels
        if 2 <= len(values) <= 30 and len(set(values)) == len(values):
            return FoundLabels(values, multi, listed.start("list"), end)
    return None


_FULL_WIDTH_PARENS = re.compile(r"（[^（）]*）")
_SHIELD = str.maketrans({"、": "\x00", "，": "\x01", "・": "\x02", ",": "\x03", "/": "\x04", "／": "\x05"})
_UNSHIELD = str.maketrans({"\x00": "、", "\x01": "，", "\x02": "・", "\x03": ",", "\x04": "/", "\x05": "／"})
# "…／SAFETY（…）のどれか1つ", "…のうち1つ", "…から1つ選ぶ", "…中的一个", "…之一": the closing "one of them"
_CJK_ONE_OF_END = re.compile(
    r"(?:の(?:どれか|いずれか|うち|中から)|から(?=[1一]つ|選)|之一|中的一个|其中之一|中的一项)[\s\S]*$"
)
_CJK_LABEL_CHARS = 20
"""A CJK label is a few words ("关于会员积分和优惠券的咨询"); a longer item is a clause."""
_CJK_CLAUSE = re.compile(
    r"場合|ときは|時は|なら|如果|的话|时候|把|我们|我們|需要|ください|してください|然后|接着|并且|その後|次に"
)


# "The category is one of:\n  repair / rent / noise / other", "カテゴリは以下のどれか1つ：\n  修理依頼 ／ 家賃・契約":
# an intro line about labels, and the set alone on the next line (one line with separators, not a bulleted list).
_INTRO_THEN_LINE = re.compile(r"(?m)^(?P<intro>[^\n]{3,400}[:：])[ \t]*\n[ \t]*(?P<line>[^\n\-*•][^\n]{2,200})$")
_LABEL_WORD = re.compile(
    r"\b(?:labels?|categor(?:y|ies)|classes|classif\w*|tags?|intents?|sentiments?|verdicts?|statuses|severit(?:y|ies)|"
    r"priorit(?:y|ies)|urgency|grades?|buckets?|etiquetas?|étiquettes?|kategorie\w*|categorie\w*|categor[ií]as?|"
    r"catégories?|labels?|etichette)\b",
    re.IGNORECASE,
)
_ONE_OF_INTRO = re.compile(r"\b(?:one\s+of|eine[rsm]?\s+(?:von|der)|un[oa]\s+de|l'une?\s+de|um\s+de|één\s+van)\b", re.I)
_LINE_SEPARATOR = re.compile(r"[/／,、|]|\s(?:or|oder|ou|o|of)\s")


_SHORT_INTRO = 120
"""Up to this many characters, an intro ending in "one of:" introduces the label line; a longer one must name labels."""


def label_line(text: str) -> FoundLabels | None:
    """A label set written alone on the line after an intro that speaks of labels; positions are in `text`."""
    for match in _INTRO_THEN_LINE.finditer(text):
        intro, line = match.group("intro"), match.group("line")
        # the words right before the colon say what the line lists ("The status light on the router can be:" is
        # about a light; "Priority support assistant. We have offices in three regions:" about offices)
        tail = re.split(r"[.!?。！？]", intro)[-1]
        tail = " ".join(tail.split()[-4:]) if " " in tail.strip() else tail[-15:]
        if not (_LABEL_WORD.search(tail) or _CJK_CONTEXT.search(tail) or _ONE_OF_INTRO.search(tail)):
            continue
        if len(intro) > _SHORT_INTRO and not _LABEL_WORD.search(tail):
            continue  # a long line ending in "using one of:" lists options of some other thing (a customer's choice)
        if not _LINE_SEPARATOR.search(line):
            continue
        joined = f"{intro} {line}"
        found = find_labels(joined)
        if found is None or found.start <= len(intro):
            continue
        shift = match.start("line") - len(intro) - 1
        return found._replace(start=found.start + shift, end=found.end + shift)
    return None


# "Then one last line: Flight risk for team: low, medium or high": a closing line's prefix and the values it takes.
_PREFIXED_LINE = re.compile(
    r"\b(?:line|zeile|ligne|línea|linha|riga|regel)\s*[:：]\s*(?P<prefix>[A-Za-zÀ-ÿ][\w' -]{1,40}?)\s*[:：]\s*"
    r"(?P<list>[\w-]+(?:\s*,\s*[\w-]+)*\s*,?\s+(?:or|oder|ou|o|of)\s+[\w-]+)\b",
    re.IGNORECASE,
)


_PREFIX_BEFORE = re.compile(
    r"\b(?:line|zeile|ligne|línea|linha|riga|regel)\s*[:：]\s*(?P<prefix>[A-Za-zÀ-ÿ][\w' -]{1,40}?)\s*[:：]\s*$",
    re.IGNORECASE,
)


def prefixed_line_labels(text: str) -> FoundLabels | None:
    """A label set a named closing line takes ("… line: Flight risk for team: low, medium or high"), or None."""
    match = _PREFIXED_LINE.search(text)
    if match is None:
        return None
    items = split_items(match.group("list"), last_trim=False)
    return FoundLabels(items, False, match.start("list"), match.end("list")) if items else None


def line_prefix_before(before: str) -> str | None:
    """The prefix of the named line a label set follows ("Flight risk for team" in "… line: Flight risk for team:")."""
    match = _PREFIX_BEFORE.search(before[-80:])
    return match.group("prefix").strip() if match else None
