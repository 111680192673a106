"""The sentence that introduces a layout given for one step of a conversation, not for every turn: "When the user
types RESULTS, show the scores in this layout:", "After END, give feedback in this format:", and a "Then …" sentence
after one that names the moment ("Never drop character until the trainee types END. Then give feedback in exactly
this layout:"). Read as every turn's layout, such lines would make each reply a scorecard.
"""

from __future__ import annotations

import re

# "When they type END, …", "At the end of the session, …", "Once all seven steps are done, …": the layout is for one
# reply at one point of the conversation (not "When you reply, use this format:", which is every reply)
ONE_TIME_INTRO = re.compile(
    r"\s*(?:[-*•]\s*)?(?:at\s+the\s+(?:very\s+)?end\b|am\s+(?:Ende|Schluss)\b|al\s+final\b|à\s+la\s+fin\b|no\s+final\b|"
    r"alla\s+fine\b|aan\s+het\s+eind|"
    r"after\s+(?:the\s+)?(?:session|conversation|interview|exercise|role-?play|scene|game|quiz|[A-Z]{2,})\b|"
    # "Après FIN DE SIMULATION, …", "Nach ENDE …", "Después de FIN …", "Dopo FINE …": the moment a typed word names
    r"(?:après|nach|despu[ée]s\s+de|tras|dopo|depois\s+de|na)\s+(?:(?-i:[A-ZÀ-Ý]{2,})\b|"
    r"(?:la|le|l['’]|el|dem|der|il|lo|la|o|a|het|de)\s*(?:simulation|simulación|simulazione|simulação|simulatie|"
    r"session|sesión|sessione|sessão|sessie|sitzung|jeu\s+de\s+rôle|juego\s+de\s+rol|rollenspiel|"
    r"gioco\s+di\s+ruolo|rollenspel|entretien|entrevista|intervista|interview|gesprek|gespräch)\b)|"
    # "When they type END", "Once all seven steps are done", "Wenn der Nutzer ENDE schreibt"
    r"(?:when|whenever|once|after|wenn|sobald|nachdem|cuando|quand|lorsque|quando|als)\b[^:\n]{0,80}?\b(?:types?|typed|"
    r"says?|said|writes?|sends?|ends?|ended|finish\w*|done|over|complete[sd]?|answered|asked|tippt|schreibt|sagt|escribe|"
    r"dice|tape|"
    r"écrit|dit|digita|escreve|diz|scrive|typt|zegt|schrijft|"
    # the subjunctive and future forms a "when" clause takes in Romance languages ("Cuando el alumno escriba FIN",
    # "Quand l'élève écrira FIN", "Quando o aluno escrever FIM", "Quando lo studente scriverà FINE")
    r"escriba|diga|ponga|env[íi]e|mande|escriban|digan|écrira|dira|tapera|enverra|escrever|digitar|disser|enviar|"
    r"mandar|scriver[àa]|dir[àa]|digiter[àa]|invier[àa]|enters?|posts?|replies|replied)\b)",
    re.IGNORECASE,
)
# "Then", "After that", "Danach", "Poi": a sentence that goes on from the moment the sentence before names
_THEN = re.compile(
    r"\s*(?:[-*•]\s*)?(?:then|after\s+that|afterwards|at\s+that\s+point|dann|danach|anschließend|poi|quindi|allora|"
    r"puis|ensuite|alors|luego|después|despues|entonces|depois|então|daarna|dan)\b[,\s]*",
    re.IGNORECASE,
)
# "until the trainee types END", "bis der Trainee ENDE schreibt": the moment, named after "until"
_UNTIL = re.compile(
    r"\b(?P<until>until|till|bis|hasta\s+que|jusqu'à\s+ce\s+que|finch[ée](?:\s+non)?|até\s+que|totdat|tot)\s+"
    r"(?P<moment>[^.;:!?\n]{3,80}?\b(?:types?|says?|writes?|sends?|ends?|tippt|schreibt|sagt|escriba|diga|tape|"
    r"écrive|dise|scrive|digita|escreva|diga|typt|zegt|schrijft)\b(?:\s+(?:\"[^\"\n]{1,30}\"|'[^'\n]{1,30}'|"
    r"“[^”\n]{1,30}”|[^\s,.;:]+))?)",
    re.IGNORECASE,
)
_WHEN = {"until": "When", "till": "When", "bis": "Wenn", "tot": "Als", "totdat": "Als"}


def _when(until: str) -> str:
    word = until.split()[0].lower()
    return _WHEN.get(word) or {"hasta": "Cuando", "jusqu'à": "Quand", "até": "Quando"}.get(word, "Quando")


# "Whenever the user types a word", "After each pitch": a moment that comes every turn
_EVERY = re.compile(r"\b(?:each|every|whenever|always|jede[nrms]?|chaque|cada|ogni|elke)\b", re.IGNORECASE)


def step_sentence(line: str) -> str | None:
    """The one-step sentence a layout's intro line ends with, its trigger first ("When the trainee types END, give
    feedback in exactly this layout:"); None when the layout is every turn's."""
    sentence = _step_sentence(line)
    return None if sentence is None or _EVERY.search(sentence) else sentence


def _step_sentence(line: str) -> str | None:
    sentences = re.split(r"(?<=[.!?。！？])\s+", line.strip(" \t-*•"))
    own = sentences[-1]
    if ONE_TIME_INTRO.match(own):
        return own
    for comma in re.finditer(r"[,;]\s+", own):
        # "You play a hiring manager, max 3 sentences a turn, after END, give feedback in this format:"
        if ONE_TIME_INTRO.match(own, comma.end()):
            rest = own[comma.end() :]
            return rest[:1].upper() + rest[1:]
    then = _THEN.match(own)
    if then is None or len(sentences) < 2:
        return None
    before = sentences[-2]
    until = _UNTIL.search(before)
    if until is not None:
        moment = " ".join(until.group("moment").split())
        return f"{_when(until.group('until'))} {moment}, {own[then.end() :]}"
    # "When they type END, stop the role-play. Then give feedback in this layout:"
    return f"{before.rstrip('.!?')}, {own[then.end() :]}" if ONE_TIME_INTRO.match(before) else None


def trigger_lead(task: str, start: int, lead: str) -> str:
    """A layout rule's lead with its moment said ("Then give feedback …" after "… until the trainee types END." reads
    "When the trainee types END, give feedback …"); any other lead as it is."""
    if not _THEN.match(lead):
        return lead
    line = task[task.rfind("\n", 0, start) + 1 : start]
    stepped = step_sentence(f"{line.rstrip()} {lead}")
    return stepped.rstrip(":： ") if stepped is not None else lead
