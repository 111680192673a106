"""Safety packs for sensitive domains, chosen by detection: a table of cue patterns and the rules each domain adds.

A pack is added when its cues appear in the brief (task, audience, constraints); a child audience age (under 13)
also selects the children's pack. Rules are phrased as good prompts phrase them: the behaviour, then the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import msgspec

from app.engine.spec import Rule

SAFETY_GROUP = "Safety"


class SafetyPack(msgspec.Struct, frozen=True, kw_only=True):
    """The rules for one sensitive domain and the cues that select it."""

    domain: str
    cues: re.Pattern[str]
    rules: tuple[Rule, ...]


def _rule(text: str, reason: str) -> Rule:
    return Rule(text=text, reason=reason, group=SAFETY_GROUP)


def _cues(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


PACKS: tuple[SafetyPack, ...] = (
    SafetyPack(
        domain="medical",
        cues=_cues(
            r"\b(?:medical|medicine|symptoms?|diagnos\w*|patients|patient's|patient[- ](?:care|records?|intake|portal|"
            r"notes|data|safety|education|information|questions|facing)|clinics?|clinical|health ?care|telehealth|"
            r"nurses?|doctors?|physicians?|medications?|dosages?|prescriptions?|hospitals?|pharmac\w*|"
            r"first aid|injur(?:y|ies)|illness\w*|diseases?|diabet\w*|insulin|blood (?:sugar|pressure)|allerg\w*|"
            r"pregnan\w*|dietitians?|nutrition\w*)\b|\bhealth (?:questions?|advice|information)\b|"
            r"\b(?:médic\w*|síntomas?|paciente|arzt|ärztin|symptome|patienten|médecin|symptômes)\b"
        ),
        rules=(
            _rule(
                "If the person describes signs of an emergency (chest pain, trouble breathing, severe bleeding, "
                "signs of a stroke, fainting, a severe allergic reaction), tell them first to call their local "
                "emergency number now.",
                "Minutes matter in an emergency, and a chat cannot examine anyone or send help.",
            ),
            _rule(
                "Give general health information only: do not diagnose the person's condition and do not "
                "recommend a specific treatment, medication or dose for their case; suggest a doctor or "
                "pharmacist for that.",
                "A diagnosis needs an examination and a medical history that you do not have.",
            ),
            _rule(
                "Never tell someone to start, stop or change a prescribed medication.",
                "Changing medication without the prescriber can cause serious harm.",
            ),
        ),
    ),
    SafetyPack(
        domain="mental_health",
        cues=_cues(
            r"\b(?:mental health|therap(?:y|ist|ists|eutic)|counsell?(?:ing|or)|anxiety|anxious|depress\w*|"
            r"emotional support|wellbeing|well-being|loneliness|lonely|grief|self-harm|suicid\w*|"
            r"psycholog\w*|psychiatr\w*|panic attacks?|burn-?out|trauma\w*|stressed|stress (?:management|relief))\b"
        ),
        rules=(
            _rule(
                "If the person mentions suicide, self-harm or harming someone else, respond with care, urge them to "
                "contact a crisis line or their local emergency number now (in the US and Canada: the 988 Suicide & "
                "Crisis Lifeline), and keep the conversation going until they say they are reaching out.",
                "Immediate human help saves lives, and an assistant cannot provide it.",
            ),
            _rule(
                "Do not diagnose mental health conditions or present yourself as a therapist; when difficulties "
                "persist or grow, encourage the person to speak with a qualified professional.",
                "Diagnosis and treatment need a trained clinician who can follow the person over time.",
            ),
        ),
    ),
    SafetyPack(
        domain="legal",
        cues=_cues(
            r"\b(?:legal|lawyers?|attorneys?|law firm|lawsuits?|litigation|court|tenants?|landlords?|eviction|"
            r"immigration|visas?|divorce|custody|employment law|statutes?|solicitors?|paralegal)\b|\blaws?\b|"
            r"\b(?:abogad\w*|jurídic\w*|rechtsanwalt|rechtlich\w*|avocat|juridique)\b"
        ),
        rules=(
            _rule(
                "Give general legal information, not legal advice: do not tell the person what to do in their "
                "specific case or predict its outcome, and suggest a qualified lawyer or legal aid service for that.",
                "The answer depends on the jurisdiction and on facts of the case that you cannot check.",
            ),
            _rule(
                "Ask which country or state applies whenever the answer depends on it.",
                "Laws differ between jurisdictions, so an answer for the wrong one misleads.",
            ),
            _rule(
                "If the person mentions a deadline, a court date, an arrest or a notice they must answer, tell them "
                "to contact a lawyer or legal aid service promptly.",
                "Missing a legal deadline can cost rights that cannot be recovered.",
            ),
        ),
    ),
    SafetyPack(
        domain="financial",
        cues=_cues(
            r"\b(?:invest(?:ing|ors?|ments?|ed|s)?|stocks?|portfolios?|retirement|pensions?|401\(?k\)?|crypto\w*|bitcoin|"
            r"trading|traders?|brokerage|wealth|personal finance|financial (?:advice|planning|adviser|advisor)|"
            r"mortgages?|etfs?|mutual funds?|securities)\b"
        ),
        rules=(
            _rule(
                "Give general financial education, not personalised investment advice: do not recommend buying, "
                "selling or holding a specific security, fund or cryptocurrency for the person.",
                "A recommendation depends on their whole financial situation and may require a licence.",
            ),
            _rule(
                "When the person asks what they should do with their money, say that this is general information, "
                "not financial advice, and suggest a licensed financial adviser for their situation.",
                "People act on money answers, and the risk of a wrong one is theirs.",
            ),
            _rule(
                "Never promise or predict returns, and mention the risk of loss whenever you discuss an investment.",
                "Past performance does not guarantee future results, and a promise misleads.",
            ),
        ),
    ),
    SafetyPack(
        domain="children",
        cues=_cues(
            r"\b(?:kids?|children|pupils?|primary school|elementary school|young learners|minors?|"
            # "child" alone, but not the technical child (process, node, element, ...)
            r"child(?!\s+(?:process|element|node|table|component|class|theme|record|row|entity|task|thread|widget))|"
            r"toddlers?|preschool\w*|k-12|ages? (?:[3-9]|1[0-2])\b|aged (?:[3-9]|1[0-2])\b|"
            r"(?:[3-9]|1[0-2])[- ]year[- ]olds?|under 13)\b|\b(?:niños|kinder|enfants)\b"
        ),
        rules=(
            _rule(
                "Never ask for or keep a child's personal information (full name, address, school, phone number, "
                "photos); if a child shares it, do not repeat it and remind them kindly not to share it online.",
                "Children's data is protected by law (COPPA, GDPR), and children may not see the risk.",
            ),
            _rule(
                "Keep every reply age-appropriate: no violent, sexual or frightening content, and no links to "
                "outside sites.",
                "The readers are children, and content that suits adults can harm them.",
            ),
            _rule(
                "If a child says they are being hurt, bullied or feel unsafe, tell them kindly to talk to a trusted "
                "adult, such as a parent or teacher, right away.",
                "A trusted adult can act in ways an assistant cannot.",
            ),
        ),
    ),
)
_CHILD_AGE = 13


def detect_domains(texts: Iterable[str], max_audience_age: int | None = None) -> list[str]:
    """The sensitive domains the brief's texts touch, in pack order."""
    joined = "\n".join(t for t in texts if t)
    found = [pack.domain for pack in PACKS if pack.cues.search(joined)]
    if max_audience_age is not None and max_audience_age < _CHILD_AGE and "children" not in found:
        found.append("children")
    return found


def safety_rules(domains: Iterable[str]) -> list[Rule]:
    """The rules of the selected packs, in pack order."""
    chosen = set(domains)
    return [rule for pack in PACKS if pack.domain in chosen for rule in pack.rules]
