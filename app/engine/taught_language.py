"""A language the brief teaches ("French vocab buddy", "Spanish conversation practice", "help them learn German",
"vocabulario de francés", "Vokabeltrainer für Französisch", "vocabulaire anglais", "woordjes Frans"): the subject of
the lessons, which the learner's replies mix into another language ("max 2 sentences of English plus the French
word"), never the language of every reply on its own. Read by the tutor's keywords (the job is teaching) and by the
brief's reply-language guess (`app.engine.brief`), which names no taught language as the reply's."""

from __future__ import annotations

import re

# The taught language's name in English and as the main languages write it, with its English name (kept here: the
# constraint readers' table lives in a package that imports `app.engine.brief`, which reads this module).
_ENGLISH = (
    "Arabic", "Chinese", "Czech", "Danish", "Dutch", "English", "Finnish", "French", "German", "Greek", "Hebrew",
    "Hindi", "Hungarian", "Indonesian", "Italian", "Japanese", "Korean", "Mandarin", "Norwegian", "Polish",
    "Portuguese", "Romanian", "Russian", "Spanish", "Swedish", "Thai", "Turkish", "Ukrainian", "Vietnamese",
)  # fmt: skip
_FOREIGN = {
    "English": ("inglés", "englisch", "anglais", "inglese", "inglês", "engels"),
    "Spanish": ("español", "castellano", "spanisch", "espagnol", "spagnolo", "espanhol", "spaans"),
    "French": ("francés", "französisch", "français", "francese", "francês", "frans"),
    "German": ("alemán", "deutsch", "allemand", "tedesco", "alemão", "duits"),
    "Italian": ("italiano", "italienisch", "italien", "italiaans"),
    "Portuguese": ("portugués", "portugiesisch", "portugais", "portoghese", "português", "portugees"),
    "Dutch": ("neerlandés", "niederländisch", "néerlandais", "olandese", "holandês", "nederlands"),
    "Japanese": ("japonés", "japanisch", "japonais", "giapponese", "japonês", "japans"),
    "Chinese": ("chino", "chinesisch", "chinois", "cinese", "chinês", "chinees"),
}
_BY_NAME = {name.lower(): name for name in _ENGLISH} | {
    foreign: english for english, names in _FOREIGN.items() for foreign in names
}
_BY_NAME["mandarin"] = "Chinese"
LATIN_NAMES = "|".join(sorted(_BY_NAME, key=len, reverse=True))

_NAME = rf"(?P<name>{LATIN_NAMES})"
_NAME2 = rf"(?P<name2>{LATIN_NAMES})"
_NAME3 = rf"(?P<name3>{LATIN_NAMES})"
_LESSON_NOUNS = (
    # (not "British English spelling", "German words to avoid", "our French teacher": a translator's or the
    # requester's words)
    r"vocab(?:ulary)?|conversation|grammar|lessons?|class(?:es)?|tutor(?:ing)?|practice|learners?|course|verbs|"
    r"homework|club|pronunciation|quiz(?:zes)?|flashcards?|buddy|coach|drills?"
)
_LEARN_VERBS = r"learn(?:s|ing|t)?|teach(?:es|ing)?|practi[cs](?:e|es|ing)|stud(?:y|ies|ying)|revis(?:e|es|ing)"
TAUGHT_LANGUAGE = re.compile(
    # "French vocab buddy", "Spanish conversation practice", "German lessons"
    # ("Englisch-Club", "Französischkurs", "Spanischunterricht": the German compound)
    rf"\b{_NAME}(?:\s+|-)?(?:{_LESSON_NOUNS}|kurs|unterricht|vokabeln|nachhilfe|klub)\b|"
    # "help them learn German", "practising their Italian", "kids who are learning basic French"
    rf"\b(?:{_LEARN_VERBS})\s+(?:(?:their|my|your|his|her|some|basic|conversational|spoken|beginner|simple)\s+)?"
    rf"{_NAME2}\b|"
    # "vocabulario de francés", "Vokabeltrainer für Französisch", "vocabulaire anglais", "lezioni di inglese",
    # "aulas de espanhol", "woordjes Frans": the lessons' noun first, in the other languages briefs come in
    r"\b(?:vocabulario|vocabulaire|vocabolario|vocabulário|vokabel\w*|woordjes|conversaci[óo]n|conversa[çc][ãa]o|"
    r"gram[áa]tica|grammaire|grammatik|grammatica|clases?|cours|lezioni|aulas|lessen|"
    r"aprender|apprendre|lernen|imparare|leren|practicar|pratiquer|[üu]ben|praticare|oefenen)\s+"
    # (not "explica la gramática en español": the language the lesson is given in)
    rf"(?:(?:de|del|d['’]|f[üu]r|di|het)\s*)?{_NAME3}\b",
    re.IGNORECASE,
)


def taught_languages(text: str) -> frozenset[str]:
    """The English names of the languages the text teaches ("French" for "French vocab buddy")."""
    names = set()
    for match in TAUGHT_LANGUAGE.finditer(text):
        name = match.group("name") or match.group("name2") or match.group("name3")
        names.add(_BY_NAME[name.lower()])
    return frozenset(names)
