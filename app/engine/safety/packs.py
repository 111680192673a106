"""The safety packs: for each sensitive domain, the rules a prompt carries, phrased as good prompts phrase them
(the behaviour, then the reason), with the indices of the rules that give way to what a brief says itself."""

from __future__ import annotations

import re

import msgspec

from app.engine.spec import Rule

SAFETY_GROUP = "Safety"


class Referral(msgspec.Struct, frozen=True, kw_only=True):
    """Where a pack sends the person for their own case: every wording lives here, as data, so that one table holds
    what each pack says and the code only chooses between its entries."""

    clause: str
    """The clause its advice rule ends on (`{referral}`): dropped when the brief routes the domain's case itself."""
    own_clause: str | None = None
    """The clause instead when the domain is the brief's own business (a law firm's clients go to its consultation,
    never to "a lawyer")."""
    reach: str = ""
    """Whom its urgent rule (`{reach}`) sends the person to."""
    reach_or: str = ""
    """The same beside the brief's own contact for that case (`{contact}`)."""
    reach_own: str = ""
    """Whom it sends them to when the domain is the brief's own business and the brief gives no contact."""
    reach_routed: str = ""
    """Whom its urgent rule sends the person to when the brief routes the case itself but gives no contact for it
    ("leitet an unsere Rechtsberatung weiter"): the brief's route, never an outside one beside it."""
    reach_refused: str = ""
    """What its urgent rule asks instead when the brief rules the referral out and gives no contact of its own
    ("we never refer people to a lawyer"): the urgency stays, the person it would send them to goes."""


class SafetyPack(msgspec.Struct, frozen=True, kw_only=True):
    """The rules for one sensitive domain (its cues live in `app.engine.safety.cues`)."""

    domain: str
    rules: tuple[Rule, ...]
    referral: Referral | None = None
    """Its referral wording (see `Referral`); its rules name it as `{referral}` and `{reach}`."""
    advice: tuple[int, ...] = ()
    """Indices of its rules that draw the advice line: dropped when the brief draws it itself (see `settled`)."""
    crisis: tuple[int, ...] = ()
    """Indices of its crisis rules: dropped when the brief says itself what to do in a crisis (its own words stay)."""
    emergency: tuple[int, ...] = ()
    """Indices of its emergency rules: dropped when the brief scripts its own emergency reply with a route in it."""
    referrals: tuple[int, ...] = ()
    """Indices of its rules that send the person elsewhere: dropped when the brief settles the domain and has its own
    route, or serves professionals, or drafts replies for a business."""
    listening: tuple[int, ...] = ()
    """Indices of its rules for a listener: dropped, with the advice rules, when the brief says its service is no
    counselling (see `settled.NOT_COUNSELLING`)."""
    medication: tuple[int, ...] = ()
    """Indices of its rules on starting or stopping a medicine: dropped when the brief rules on that itself."""
    routed_away: tuple[int, ...] = ()
    """Indices of its rules that are only a referral: dropped when the brief routes the domain's case itself."""
    privacy: tuple[int, ...] = ()
    """Indices of its rules on personal details: dropped when the brief scripts its own reply to them."""
    safeguarding: tuple[int, ...] = ()
    """Indices of its rules for a young person who is hurt or approached: dropped when the brief scripts its own reply
    for that case."""
    urgent: tuple[int, ...] = ()
    """Indices of its rules for an urgent case (an arrest, a deadline): dropped when the brief's own business routes
    that case itself."""


def _rule(text: str, reason: str) -> Rule:
    return Rule(text=text, reason=reason, group=SAFETY_GROUP)


# A place, a court or a law the brief names: the jurisdiction is known, so asking for it would be a wasted turn.
JURISDICTION = re.compile(
    r"\b(?:[A-Z][a-z]+\s+)?(?:Act|Code|Law|Statute|Regulations?)\b(?:\s+\d{4})?|\b(?:GDPR|HIPAA|BGB|CLT|LGPD|RGPD)\b|"
    r"\b(?:in|of|for)\s+(?:the\s+)?(?:UK|U\.K\.|US|U\.S\.|USA|England|Scotland|Wales|Ireland|Canada|Ontario|Quebec|"
    r"California|Texas|New York|Florida|Australia|New Zealand|India|Germany|France|Spain|Italy|Portugal|Brazil|Mexico|"
    r"Japan|China|the Netherlands|Belgium|Austria|Switzerland)\b|\b(?:council|municipal|county|city of|state of)\b",
)
ASK_JURISDICTION = "Ask which country or state applies whenever the answer depends on it."

PACKS: tuple[SafetyPack, ...] = (
    SafetyPack(
        domain="medical",
        referral=Referral(clause="; suggest a doctor or pharmacist for that"),
        advice=(1,),
        emergency=(0,),
        medication=(2,),
        rules=(
            _rule(
                "If the person describes signs of an emergency (chest pain, trouble breathing, severe bleeding, "
                "signs of a stroke, fainting, a severe allergic reaction), tell them first to {call_emergency} now.",
                "Minutes matter in an emergency, and a chat cannot examine anyone or send help.",
            ),
            _rule(
                "Give general health information only: do not diagnose the person's condition and do not "
                "recommend a specific treatment, medication or dose for their case{referral}.",
                "A diagnosis needs an examination and a medical history that you do not have.",
            ),
            _rule(
                "Never tell someone to start, stop or change a prescribed medication.",
                "Changing medication without the prescriber can cause serious harm.",
            ),
        ),
    ),
    SafetyPack(
        domain="veterinary",
        referral=Referral(clause="; suggest that a vet examines it"),
        advice=(1,),
        emergency=(0,),
        rules=(
            _rule(
                "If the owner describes signs of an emergency in their animal (trouble breathing, collapse, heavy "
                "bleeding, seizures, suspected poisoning, a swollen or hard belly), tell them first to {call_vet} now.",
                "Minutes matter in an animal emergency, and a chat cannot examine the animal.",
            ),
            _rule(
                "Give general pet-care information only: do not diagnose the animal or recommend a specific "
                "medication or dose for it{referral}.",
                "A diagnosis needs an examination, and doses depend on the species and the animal's weight.",
            ),
            _rule(
                "Never suggest giving an animal a medication meant for people.",
                "Many human medicines (paracetamol, ibuprofen) are poisonous to pets.",
            ),
        ),
    ),
    SafetyPack(
        domain="mental_health",
        referral=Referral(
            clause="; when difficulties persist or grow, encourage the person to speak with a qualified professional"
        ),
        advice=(2,),
        crisis=(0,),
        listening=(1,),
        rules=(
            _rule(
                "If the person mentions suicide, self-harm or harming someone else, respond with care, urge them to "
                "{reach_crisis} now{crisis_hint}, and keep the conversation going until "
                "they say they are reaching out.",
                "Immediate human help saves lives, and an assistant cannot provide it.",
            ),
            _rule(
                "Take every feeling the person shares seriously: acknowledge it before anything else and never "
                "dismiss, minimise or argue with it.",
                "People in distress who feel brushed off stop talking, and talking is what keeps them safe.",
            ),
            _rule(
                "Do not diagnose mental health conditions or present yourself as a therapist{referral}.",
                "Diagnosis and treatment need a trained clinician who can follow the person over time.",
            ),
        ),
    ),
    SafetyPack(
        domain="legal",
        referral=Referral(
            clause=", and suggest a qualified lawyer or legal aid service for that",
            # A firm's own clients are never sent to "a lawyer": its own consultation is the route for their case.
            own_clause=", and suggest a consultation with the firm for that",
            reach="contact a lawyer or legal aid service",
            reach_or="contact a lawyer, a legal aid service or {contact}",
            reach_own="contact the firm",
            reach_refused="act on it",
            reach_routed="contact the legal service these instructions name",
        ),
        advice=(0,),
        urgent=(2,),
        referrals=(1, 2),
        rules=(
            _rule(
                "Give general legal information, not legal advice: do not tell the person what to do in their "
                "specific case or predict its outcome{referral}.",
                "The answer depends on the jurisdiction and on facts of the case that you cannot check.",
            ),
            _rule(
                ASK_JURISDICTION,
                "Laws differ between jurisdictions, so an answer for the wrong one misleads.",
            ),
            _rule(
                "If the person mentions a deadline, a court date, an arrest or a notice they must answer, tell them "
                "to {reach} promptly.",
                "Missing a legal deadline can cost rights that cannot be recovered.",
            ),
        ),
    ),
    SafetyPack(
        domain="financial",
        referral=Referral(clause=", and suggest a licensed financial adviser for their situation"),
        advice=(0, 1),
        routed_away=(1,),
        rules=(
            _rule(
                "Give general financial education, not personalised investment advice: do not recommend buying, "
                "selling or holding a specific security, fund or cryptocurrency for the person.",
                "A recommendation depends on their whole financial situation and may require a licence.",
            ),
            _rule(
                "When the person asks what they should do with their money, say that this is general information, "
                "not financial advice{referral}.",
                "People act on money answers, and the risk of a wrong one is theirs.",
            ),
            _rule(
                "Never promise or predict returns, and mention the risk of loss whenever you discuss an investment.",
                "Past performance does not guarantee future results, and a promise misleads.",
            ),
        ),
    ),
    SafetyPack(
        # Pay, tax, bills, budgets and debt without investing: no talk of securities or returns.
        domain="money",
        referral=Referral(
            clause="; suggest a qualified professional, such as a financial adviser, an accountant or a free debt or "
            "tax advice service, for their case"
        ),
        advice=(0,),
        rules=(
            _rule(
                "Explain how pay, tax, bills and money matters work in general, but do not tell the person what to do "
                "about their own tax, debt or money decisions{referral}.",
                "Advice on one person's money depends on facts you cannot check, and they act on it.",
            ),
            _rule(
                "Never guess at figures the person has not given you, such as their income, balance or what they owe.",
                "A guessed figure reads as a fact and can lead to a costly mistake.",
            ),
        ),
    ),
    SafetyPack(
        domain="children",
        privacy=(0,),
        safeguarding=(2,),
        rules=(
            _rule(
                "Never ask for or keep a child's personal information (full name, address, school, phone number, "
                "photos); if a child shares it, do not repeat it and remind them kindly not to share it online.",
                "Children's data is protected by law (COPPA, GDPR), and children may not see the risk.",
            ),
            _rule(
                "Keep every reply age-appropriate: no violent, sexual or frightening content, and no links to "
                "outside sites other than ones these instructions give.",
                "The readers are children, and content that suits adults can harm them.",
            ),
            _rule(
                "If a child says they are being hurt, bullied or feel unsafe, tell them kindly to talk to a trusted "
                "adult, such as a parent or teacher, right away.",
                "A trusted adult can act in ways an assistant cannot.",
            ),
        ),
    ),
    # Teenagers (13-17) need straight answers on health, relationships and safety: the children's "no sexual
    # content" would forbid what a sexual-health service for teens exists to explain.
    SafetyPack(
        domain="teens",
        privacy=(0,),
        safeguarding=(2,),
        rules=(
            _rule(
                "Never ask for a teenager's personal information (full name, address, school, phone number, photos); "
                "if they share it, do not repeat it and remind them not to share it online.",
                "Young people's data is protected by law (COPPA, GDPR), and teenagers may not see the risk.",
            ),
            _rule(
                "Keep replies suitable for teenagers: no graphic sexual or violent content, and give accurate, "
                "non-judgemental information when they ask about their body, health or safety.",
                "Teenagers need straight answers they can trust, and graphic content can harm them.",
            ),
            _rule(
                "If a teenager says they are being hurt, abused or feel unsafe, take it seriously, tell them it is "
                "not their fault, and encourage them to talk to a trusted adult or a helpline right away.",
                "A trusted adult or a helpline can act in ways an assistant cannot.",
            ),
        ),
    ),
)
