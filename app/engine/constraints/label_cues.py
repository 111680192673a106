"""The words that announce a label set: label nouns, "one of", classifying verbs, "one or more", and the
sentences that name a label set without a colon (in the languages briefs come in, CJK included)."""

from __future__ import annotations

import re

LABEL_NOUNS = (
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
ONE_OF = (
    r"\bone(?:\s+or\s+more)?\s+of(?:\s+(?:these|the\s+following|the))?(?:\s+(?:two|three|four|five|six|seven|eight|\d+))?"
    r"(?:\s+(?:labels?|categories|values|options|classes|buckets|groups|types|tags|intents))?(?:\s*[-–—:])?|"
    # (a word of its own: "una de", not the Italian "una detrazione")
    r"\b(?:uno|una)\s+de\b(?:\s+(?:estas|estos|las\s+siguientes|los\s+siguientes))?"
    r"(?:\s+(?:etiquetas|categorías|[^\W\d_]+(?=\s*[:–—-])))?|"
    r"\b(?:eins|eine[sn]?|einer)\s+(?:von|der\s+folgenden)(?:\s+(?:kategorien|labels))?|"
    r"\bl'une?\s+des(?:\s+(?:catégories|étiquettes)\s+suivantes)?|\bparmi|"
    r"\b(?:um|uma)\s+(?:de|dos|das)\b(?:\s+(?:seguintes|rótulos|categorias))?|"
    # "seguida de um destes:", "l'un de ces :", "einer dieser:", "uno de estos:": "one of these" before a colon
    r"\b(?:um|uma)\s+(?:destes|destas|d[eo]s\s+seguintes)(?=\s*[:–—-])|\bl['’]une?\s+de\s+ces(?=\s*[:–—-])|"
    r"\b(?:einer|eines|eine|einen)\s+dieser(?=\s*[:–—-])|"
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
CLASSIFY = (
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
# "class descriptions", "the classes page", "a class schedule": a class a studio or a school runs, not a label class
COURSE_CLASS = r"(?!class(?:es)?\s+(?!(?:labels?|names?|sets?|are|is|of|into|to|for|from|and|or)\b)[a-z])"
LABEL_CONTEXT = re.compile(
    rf"\b{COURSE_CLASS}(?:classif|clasif|categor|kategor|catégor|label|etiquet|étiquet|etichett|rótul|tag|sentiment|intent|priorit|route|triage|flag|mark|verdict|urgen|severit|grade|"
    rf"sort\w*\s+(?:\w+\s+){{0,4}}into|"
    rf"{LABEL_NOUNS})",
    re.IGNORECASE,
)
MULTI = re.compile(
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


def allows_several(text: str) -> bool:
    """Whether a text allows several labels ("one or more", "every label that applies")."""
    return bool(MULTI.search(text))


# A sentence that names a label set without a colon: "one label per email", "pick one of these", "classify into",
# "eine Kategorie pro Anfrage", "una etiqueta por mensaje" (nouns and verbs of labelling only, not "rate" or "mark")
LABELS_NAMED = re.compile(
    rf"\b(?:labels?|categor(?:y|ies)|classes|tags?|intents?|buckets?|etiquetas?|categor[íi]as?|kategorien?|"
    rf"cat[ée]gories?|[ée]tiquettes?|r[óo]tulos?|etichett[ae]|categorie|classif\w*|categori[sz]\w*|"
    rf"kategorisier\w*|clasific\w*|triag\w*)\b|{ONE_OF}|ラベル|标签|分类|分類|カテゴリ",
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


# CJK label sets: 「a」「b」「c」, or a list after a colon joined by 、 ，/ ・ ("标签：通过、人工复核、删除").
CJK_CONTEXT = re.compile(
    r"分類|分类|ラベル|标签|標籤|类别|類別|カテゴリ|いずれか|之一|分成|归类|归为|判定|タグ|分为|分為|区分|どれか|其中一|"
    # urgency, priority and severity levels ("紧急程度：高 / 中 / 低", "緊急度：高・中・低")
    r"紧急程度|緊急程度|紧急度|緊急度|优先级|優先級|優先度|严重程度|嚴重程度|重要度|等级|等級|级别|級別"
)
