"""Lead rules that pick a brief's frame from how it sets up the assistant's part, not from its topic words.

`roleplay_leads`: "I want a role-play partner: you play a couple ringing up about a wedding … stay in character"
is a role-play partner for practice, whatever else the brief says ("pick one of these three at random", the venue's
prices, a scorecard after END CALL); the classifier's model reads the venue and the callers' facts as a general
assistant's. When the brief asks for a score at the end, the grader joins as the scorecard's job.
"""

from __future__ import annotations

import re

import msgspec

from app.engine.archetypes import BY_ID, REGISTRY
from app.engine.classify import ArchetypeMatch

# A keyword that names a job by its verb ("rewrite", "summarise", "translate" weigh 5 or more), not a topic word
# ("students", "database", "paper") that any assistant's sentence may hold.
_NAMED_JOB_WEIGHT = 5


def names_a_job(match: ArchetypeMatch, labels: bool) -> bool:
    """Whether a match rests on a job verb of its archetype's keywords (a labelling job also needs a label set)."""
    archetype = BY_ID.get(match.id)
    if archetype is None or archetype.role_from_task or (archetype.uses_labels and not labels):
        return False
    weights = {f.label: f.weight for f in archetype.features}
    return max((weights.get(label, 0) for label in match.features), default=0) >= _NAMED_JOB_WEIGHT


# The other side of a conversation someone practises: a customer, a caller, a patient, an interviewer, in the
# languages briefs come in. (Not the assistant's own job: "a customer service agent", "the patient's advocate",
# "a patient, kind listener".)
_COUNTERPART = (
    r"(?:customers?|clients?|callers?|patients?(?!\s*,|\s+(?:and|listener|teacher|tutor|coach|guide|friend|mentor)\b)|"
    r"guests?|buyers?|prospects?|tenants?|landlords?|parents?|candidates?|applicants?|interviewers?|recruiters?|"
    r"hiring\s+managers?|examiners?|couples?|famil(?:y|ies)|shoppers?|passengers?|visitors?|suppliers?|vendors?|"
    r"negotiators?|investors?|journalists?|reporters?|homeowners?|residents?|neighbou?rs?|complainants?|"
    r"witness(?:es)?|suspects?|employees?|counterparts?|opponents?|"
    r"cliente[s]?|paciente[s]?|comprador(?:a|es)?|candidat[oae]s?|inquilin[oa]s?|huésped(?:es)?|hóspedes?|"
    r"entrevistador(?:a|es)?|reclutador(?:a|es)?|recrutador(?:a|es)?|kund(?:e|in|en)|patient(?:in|en)?|"
    r"anrufer(?:in)?|bewerber(?:in)?|mieter(?:in)?|käufer(?:in)?|interviewer(?:in)?|personaler(?:in)?|"
    r"\w*(?:verhandlungs|gesprächs)partner(?:in)?|"
    r"client(?:e|s|es)?|appelant(?:e)?|locataire|acheteu(?:r|se)|recruteu(?:r|se)|paziente|chiamante|acquirente|"
    r"ospite|selezionat(?:ore|rice)|recruiter|klant|patiënt|beller|huurder|koper|sollicitant|gast)\b"
    r"(?!['’]s|-)(?!\s+(?:support|service|services|care|success|experience|advocate|agent|representative|rep|"
    r"liaison|coordinator|assistant|portal|team|desk|facing|journey|satisfaction|data|records?|information|"
    r"questions?|relations)\b)"
)
# Up to three words between the article and the counterpart: "a couple on a budget" is found as "a couple",
# "un cliente muy enfadado" as "un cliente", "einen verärgerten Kunden" as "einen … Kunden".
# (no function word among them: "play a role in customer retention" casts no customer)
_SOME = (
    r"(?:(?!(?:in|of|for|to|with|at|on|about|from|by|and|or|our|your|their|who|that|de|del|di|da|van|von|für|pour|"
    r"per|para|con|avec|met|mit|que|che)\b)[\w'’-]+\s+){0,3}?"
)
# A part named by a person's name: "You play Denise Harker, 64", "fai la parte di Giulia, barista", "interpretare la
# signora Bortolin", "play Dana, a tough procurement manager"
_NAME = (
    r"(?:(?:signor[ae]?|mrs?\.?|ms\.?|herr|frau|monsieur|madame|señora?|senhora?|dona|meneer|mevrouw)\s+"
    r"(?-i:[A-ZÀ-Ý][a-zà-ÿ]+)|(?-i:[A-ZÀ-Ý][a-zà-ÿ]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ]+)?),)"
)
_PART = rf"(?:{_SOME}{_COUNTERPART}|{_NAME})"
# English verbs that cast the assistant, and those that also take a name ("you play Denise Harker, 64")
_PLAY = (
    r"(?:you(?:['’]ll|\s+will|\s+should|\s+must|\s+are\s+going\s+to)?\s+(?:play|portray)|"
    r"(?:the\s+|our\s+)?(?:ai|bot|assistant|model|chatbot)\s+(?:should\s+|will\s+|must\s+)?(?:plays?|portrays?)|"
    r"(?<![-'’])plays?|portray|role-?play(?:ing|s)?(?:\s+as)?)"
)
_CAST = (
    rf"(?:{_PLAY}|you(?:['’]ll|\s+will|\s+should|\s+must)?\s+(?:act\s+as|pretend\s+to\s+be|be\s+playing)|you['’]re|"
    r"you\s+are(?:\s+playing)?|(?:the\s+|our\s+)?(?:ai|bot|assistant|model|chatbot)\s+(?:should\s+|will\s+|must\s+)?"
    r"(?:acts?\s+as|pretends?\s+to\s+be)|act\s+as|pose\s+as|pretend\s+to\s+be|simulat\w*|"
    r"take\s+(?:on\s+)?the\s+(?:role|part)\s+of)"
)
# The assistant is told to play that part: "you play a couple", "act as a difficult customer", "simulate a caller",
# "the bot plays Denise Harker, 64", "haz de cliente", "spiel einen Kunden", "joue le rôle d'un client",
# "interpreta o papel de um cliente", "fai la parte di un cliente", "speel de rol van een klant".
PLAYS_A_PART = re.compile(
    rf"\b{_CAST}\s+(?:the\s+(?:role|part)\s+of\s+)?(?:a|an|the|my|our|one\s+of\s+(?:our|the|these|three|two)|some)\s+"
    rf"{_SOME}{_COUNTERPART}|\b{_PLAY}\s+(?:the\s+(?:role|part)\s+of\s+)?{_NAME}|"
    # es: "haz de cliente enfadado", "interpreta a un paciente", "actúa como un comprador"
    r"\b(?:(?:haz|hace|haces|hagas|haga|hará|hacer|harás)\s+(?:de|el\s+papel\s+de|el\s+rol\s+de)|"
    r"interpreta[rs]?(?:\s+a|\s+al|\s+el\s+papel\s+de)?|finge\s+ser|simula[rs]?|act[úu]a(?:r|s)?\s+como)\s+"
    rf"(?:un|una|el|la)?\s*{_PART}|"
    # de: "spiel einen Kunden", "du spielst eine Patientin", "sei ein Kunde", "in die Rolle eines Bewerbers"
    r"\b(?:spiel(?:e|st|t)?|simulier(?:e|st|t)?|mim(?:e|st|t)|sei|bist)\s+(?:einen|eine|ein|den|die|der|das|einem|einer)\s+"
    rf"{_SOME}{_COUNTERPART}|\bRolle\s+(?:eines|einer|des|der)\s+{_SOME}{_COUNTERPART}|"
    # fr: "joue le rôle d'un client", "joue un client mécontent", "incarne une patiente", "agis comme un client"
    r"\b(?:(?:jou(?:e|es|ez|er)|incarn(?:e|es|ez|er)|simul(?:e|es|ez|er))\s+(?:le\s+r[ôo]le\s+(?:d['’]\s*|de\s+))?|"
    rf"agis\s+comme\s+)(?:un\s+|une\s+|le\s+|la\s+|l['’])?{_PART}|"
    # pt: "interpreta o papel de um cliente", "faz de cliente irritado", "o bot faz o papel da recrutadora"
    r"\b(?:(?:fa[zç]a?|fazes|fazer)\s+(?:o\s+papel\s+d[aeo]s?|de)|(?:interpret[ae][rs]?|finge\s+ser|simula[rs]?)"
    r"(?:\s+o\s+papel\s+d[aeo]s?)?|atu[ae]\s+como|age\s+como)\s+(?:um|uma|o|a)?\s*"
    rf"{_PART}|"
    # it: "fai la parte di un cliente", "interpreta un paziente", "il modello fa il recruiter"
    r"\b(?:(?:fai|fa|fare|faccia)\s+(?:(?:la\s+parte|il\s+ruolo)\s+(?:di|del|della|dello)\s+)?|interpreta(?:re)?\s+|"
    r"fingi\s+di\s+essere\s+|simula(?:re)?\s+|comportati\s+come\s+)(?:un|una|uno|il|la|lo|l['’])?\s*"
    rf"{_PART}|"
    # nl: "speel de rol van een klant", "speel een boze klant", "doe alsof je een patiënt bent"
    r"\b(?:speel(?:t)?\s+(?:de\s+rol\s+van\s+)?|doe\s+alsof\s+je\s+|simuleer(?:t)?\s+)(?:een|de|het)?\s*"
    rf"{_PART}",
    re.IGNORECASE,
)
# Words that make the part a practice scene: role play, a character or role kept or dropped, practice, training,
# a mock, an interview.
_PRACTICE_SCENE = re.compile(
    r"\brole-?play\w*|\b(?:in|the|drop\w*|break\w*|out\s+of)\s+(?:character|role)\b|\bpractis\w*|"
    r"\w*train(?:ing|ees?|s|ed)?\b|\brehears\w*|\bmock\b|\bdrills?\b|\bonboard\w*|\bworkshops?\b|\bscorecard\b|"
    r"\binterview\w*|\bsimul\w*|"
    r"\bjuego\s+de\s+rol\b|\bpersonaje\b|\bpractic\w*|\bpractiq\w*|\bentren\w*|\bensay\w*|\bformaci[oó]n\b|"
    r"\bentrevist\w*|\bpapel\b|"
    r"\brollenspiel\w*|\bü(?:b|be|bt|ben|bung\w*)\b|\btrainier\w*|\bschulung\w*|\bazubis?\b|\bcharakter\b|"
    r"\b(?:aus\s+der|in\s+der)\s+rolle\b|\w*gespräch\w*|"
    r"\bjeu\s+de\s+r[ôo]les?\b|\bpersonnage\b|\bentra[iî]n\w*|\bexerc\w*|\bformation\b|\bpour\s+former\b|"
    r"\b(?:dans|de)\s+(?:ton|son|votre|le)\s+r[ôo]le\b|\bentretien\w*|"
    r"\bpersonagem\b|\btreina\w*|\btreino\w*|\bpr[áa]tic\w*|\bforma[çc][ãa]o\b|"
    r"\bgioco\s+di\s+ruolo\b|\bpersonaggio\b|\besercit\w*|\ballen(?:a|are|ament\w*|ano|iamo|ino|ate)\b|\bformazione\b|"
    r"\b(?:nel|dal)\s+ruolo\b|\bcolloqui\w*|"
    r"\brollenspel\b|\bpersonage\b|\boefen\w*|\bin\s+de\s+rol\b|\buit\s+de\s+rol\b|\bsollicitatie\w*",
    re.IGNORECASE,
)
# A role-play partner named outright needs no other word: "I want a role-play partner", "Practice partner for student
# pilots", "Oefenpartner voor cursisten".
_PARTNER = re.compile(
    r"\brole-?play(?:ing)?\s+(?:partner|bot|exercise|session|scenario|simulation)s?\b|"
    r"(?:^|\b(?:a|an|my|our)\s+)(?:[\w-]+\s+)?(?:practice|sparring)\s+partner\b|"
    r"\b(?:oefenpartner|übungspartner|trainingspartner)\w*|\bcompañer[oa]\s+de\s+pr[áa]ctica\b|"
    r"\bpartenaire\s+d['’]entra[iî]nement\b|\bparceir[oa]\s+de\s+treino\b|\bpartner\s+di\s+allenamento\b",
    re.IGNORECASE | re.MULTILINE,
)
# The part is never the assistant's when the brief forbids it: "never pretend to be a patient", "don't act as a client".
_NEGATED = re.compile(r"\b(?:never|not|don['’]?t|do\s+not|no|nunca|nie|jamais|mai|nooit|nunca)\s+(?:\w+\s+)?$", re.I)
# A score at the end of the scene: "give the scorecard", "Rapport: x/5", "score the rep", "rate them out of 10",
# "punteggio", "Punktzahl", "puntuación", "note sur 10", "pontuação", "cijfer".
_SCORES = re.compile(
    r"\bscore\s*card\b|\bscorecard\b|\b[xX]\s*/\s*\d+\b|\bscor(?:e|es|ed|ing)\b|\brat(?:e|ing)\s+(?:the|them|him|her|each|"
    r"their|how)\b|\bgrad(?:e|es|ing)\s+(?:the|them|each|their|how)\b|\bout\s+of\s+(?:5|10|100)\b|\bpunteggi\w*|"
    r"\bpunktzahl\w*|\bbewert\w*|\bpuntuaci\w*|\bpuntua\b|\bnote\s+sur\b|\bnot(?:e|er)\s+(?:de|sur)\s+\d|"
    r"\bpontua\w*|\bcijfer\w*|\bbeoordeel\w*|\bvoto\b",
    re.IGNORECASE,
)


def plays_a_part(task: str) -> bool:
    """Whether the brief casts the assistant as the other side of a practice conversation."""
    if _PARTNER.search(task):
        return True
    parts = [m for m in PLAYS_A_PART.finditer(task) if not _NEGATED.search(task[max(0, m.start() - 30) : m.start()])]
    return bool(parts) and _PRACTICE_SCENE.search(task) is not None


def roleplay_leads(matches: list[ArchetypeMatch], task: str) -> list[ArchetypeMatch]:
    """ "you play a couple ringing up … stay in character … END CALL → the scorecard": the role-play partner leads.
    A job another keyword named gives way too: it is the trainee's job the scene practises ("so our customer
    service trainees can practise"), or the scorecard's ("play the examiner …, then score each answer")."""
    if not matches or not plays_a_part(task):
        return matches
    partner = next(a for a in REGISTRY if a.plays_a_character)
    lead = matches[0]
    found = next((m for m in matches if BY_ID.get(m.id) is partner), None)
    new_lead = found or ArchetypeMatch(id=partner.id, score=lead.score, features=["plays a part"])
    rest = [msgspec.structs.replace(m, rank="secondary") for m in matches if m is not found]
    if BY_ID.get(lead.id) is not partner:
        rest = rest[1:]  # the old lead read the scene's topic words (the trainees' job): no second job to blend
    if _SCORES.search(task):
        grader = BY_ID["grader"]
        graded = next((m for m in rest if BY_ID.get(m.id) is grader), None)
        graded = graded or ArchetypeMatch(id=grader.id, score=0, features=["scores the scene"])
        rest = [msgspec.structs.replace(graded, rank="secondary"), *(m for m in rest if m is not graded)]
    return [msgspec.structs.replace(new_lead, rank="primary"), *rest[:2]]
