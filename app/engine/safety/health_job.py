"""Whether the brief's health words name a health job, or only the circumstances of another business.

A health pack ("tell them first to call their local emergency number", "suggest a doctor or pharmacist", "never tell
someone to stop a medication") speaks to people who bring the assistant a health question. A driving school whose
cancellation terms say "illness isn't an exception", a funeral home that explains "appeler le médecin pour le
certificat de décès" or "décès à l'hôpital", and a shop that says "we are not a medical service" have none:

- `without_health_circumstances` blanks illness named as a reason in a booking or refund policy and the doctor or
  hospital of a death's formalities, so that they are no medical cue;
- `not_a_medical_service` reads the brief saying itself that it is no medical service ("we are not a medical
  service", "nous ne sommes pas des médecins", "wir sind keine Arztpraxis"): its own health line (see your GP, call
  111) is the whole of what it says about health, and the pack's would compete with it (unless it answers health
  questions after all: "people describe their symptoms; we are not doctors").
"""

from __future__ import annotations

import re

_CIRCUMSTANCES = re.compile(
    r"\b(?:"
    # illness as a reason in a booking or refund policy ("illness isn't an exception", "en cas de maladie", "bei
    # Krankheit", "por enfermedad"): the business's terms, no health question
    r"(?:illness|sickness|being\s+(?:ill|sick))\s+(?:is\s+not|isn['’]t|is\s+no|does\s+not\s+count\s+as|doesn['’]t\s+count\s+as|"
    r"counts\s+as)\s+(?:an?\s+)?(?:exception|excuse|valid\s+reason)|(?:in\s+case\s+of|due\s+to|because\s+of|owing\s+to)\s+"
    r"(?:illness|sickness)|(?:en\s+cas\s+de\s+|pour\s+(?:cause\s+de\s+)?)maladie|la\s+maladie\s+n['’]est\s+pas\s+une\s+exception|"
    r"(?:bei|wegen)\s+krankheit|krankheitsbedingt\w*|krankheit\s+ist\s+kein\w*\s+(?:ausnahme|grund)|"
    r"(?:por|en\s+caso\s+de)\s+enfermedad|(?:por|em\s+caso\s+de)\s+doen[çc]a|(?:per|in\s+caso\s+di)\s+malattia|bij\s+ziekte|"
    # the doctor who certifies a death, the hospital where it happened ("appeler le médecin pour le certificat de
    # décès", "décès à l'hôpital", "died in hospital", "Tod im Krankenhaus"): a bereavement's steps, no health care
    r"(?:doctor|gp|physician|m[ée]decin|m[ée]dico|arzt|[äa]rztin|medico|huisarts|arts)\s+(?:[\w'’]+\s+){0,4}?"
    r"(?:death\s+certificate|certificat\s+de\s+d[ée]c[èe]s|certificado\s+de\s+(?:defunci[óo]n|[óo]bito)|totenschein|"
    r"todesbescheinigung|certificato\s+di\s+morte|overlijdensverklaring)|"
    r"(?:d[ée]c[èe]s|death|deaths|died|dies|passed\s+away|fallecimiento|falleci[óo]|muere|tod|todesfall|stirbt|"
    r"gestorben|verstorben|[óo]bito|morte|morreu|decesso|morto|overlijden|overleden)\s+(?:\w+\s+){0,2}?"
    r"(?:à\s+l['’]|in\s+(?:a\s+|the\s+)?|at\s+(?:a\s+|the\s+)?|en\s+(?:el\s+|la\s+)?|im\s+|no\s+|na\s+|in\s+|all['’]|"
    r"nell['’]|en\s+)(?:h[ôo]pital|hospital|krankenhaus|klinik|ospedale|ziekenhuis|clinic|clinique|cl[íi]nica|"
    r"hospice|pflegeheim|ehpad|maison\s+de\s+retraite|residencia)"
    r")",
    re.IGNORECASE,
)

_NOT_MEDICAL = re.compile(
    r"\b(?:we\s+are|we['’]re|this\s+is|it\s+is|it['’]s|the\s+(?:assistant|chat|bot|service)\s+is)\s+(?:not|no)\s+"
    r"(?:an?\s+)?(?:medical\s+(?:service|practice|provider|professionals?|advice\s+service|team)|doctors|clinicians|"
    r"health\s+(?:service|professionals?|care\s+provider)|healthcare\s+provider)\b|"
    r"\bnous\s+ne\s+sommes\s+pas\s+(?:un\s+service\s+m[ée]dical|des\s+m[ée]decins|m[ée]decins|des\s+soignants)\b|"
    r"\b(?:ce\s+n['’]est\s+pas|nous\s+ne\s+sommes\s+pas)\s+un\s+(?:service|cabinet)\s+m[ée]dical\b|"
    r"\bno\s+somos\s+(?:un\s+servicio\s+m[ée]dico|m[ée]dicos|personal\s+sanitario|un\s+centro\s+m[ée]dico)\b|"
    r"\bwir\s+sind\s+(?:kein(?:e|en)?\s+(?:medizinische[rn]?\s+dienst|[äa]rzte|arztpraxis|medizinische\s+einrichtung)|"
    r"keine\s+[äa]rzte)\b|"
    r"\bn[ãa]o\s+somos\s+(?:um\s+servi[çc]o\s+m[ée]dico|m[ée]dicos)\b|"
    r"\bnon\s+siamo\s+(?:un\s+servizio\s+medico|medici)\b|\bwij?\s+zijn\s+geen\s+(?:medische\s+dienst|artsen)\b",
    re.IGNORECASE,
)


# A health question the assistant answers after all ("people describe their symptoms", "health questions"): a symptom
# checker that says "we are not doctors" is still a health job, and keeps its emergency rule.
_HEALTH_QUESTIONS = re.compile(
    # ("answers questions about exercises, injuries, pain during training": health questions it answers, not a case
    # it routes away like "Ear pain: tell them to see their GP")
    r"(?:questions?\s+(?:about|on)|advice\s+(?:on|about)|help\s+with|preguntas\s+sobre|questions\s+sur|"
    r"fragen\s+(?:zu|über)|domande\s+su|perguntas\s+sobre|vragen\s+over)[^.;\n]{0,60}\b(?:injur|pain|supplement|"
    r"medication|medicine|fever|lesi[óo]n|dolor|suplement|verletz|schmerz|blessure|douleur|infortun|dolore|les[ãa]o)|"
    r"\b(?:symptoms?|health\s+(?:questions?|information|advice)|triage|diagnos\w*|s[íi]ntomas?|symptome\w*|"
    r"sympt[ôo]mes?|gesundheitsfragen|questions\s+de\s+sant[ée]|preguntas\s+de\s+salud|perguntas\s+de\s+sa[úu]de)\b",
    re.IGNORECASE,
)


def without_health_circumstances(text: str) -> str:
    """The text with illness as a policy reason and a death's medical formalities blanked (same length)."""
    return _CIRCUMSTANCES.sub(lambda m: " " * len(m.group(0)), text)


def not_a_medical_service(lowered: str) -> bool:
    """Whether the brief says it is no medical service ("we are not a medical service", "no somos médicos")."""
    return _NOT_MEDICAL.search(lowered) is not None and _HEALTH_QUESTIONS.search(lowered) is None
