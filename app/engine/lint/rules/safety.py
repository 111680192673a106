"""Safety rules: sensitive domains without safeguards, and instructions to deceive or manipulate the user.

A domain counts as the prompt's subject when one of its terms appears in the opening (the first sentences,
where the role is stated) or next to an advice verb anywhere ("recommend medicines", "advice on taxation").
Mentions inside a prohibition ("do not discuss medical, legal, or financial advice") do not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from app.engine.lint._registry import Hit, rule
from app.engine.lint._text import LintContext, Phrases, heads

OPENING_CHARS = 400
OPENING_SENTENCES = 2


class Safeguard(NamedTuple):
    """One safeguard a domain needs: what it is, the phrases that provide it, and the fix."""

    name: str
    phrases: Phrases
    suggestion: str


class Domain(NamedTuple):
    name: str
    terms: Phrases
    safeguards: tuple[Safeguard, ...]
    any_one: bool = False
    """True when one of the safeguards suffices (children: data, age-appropriate content or emergencies)."""


_ARTICLE = r"(?:(?:a|an|the|your|our|their|with a|with an) )?"
EMERGENCY = Safeguard(
    "emergency escalation",
    Phrases(
        r"emergenc",
        *heads("crisis|crises", ""),
        *heads(("911", "112", "999", "988"), r"\b"),
        r"ambulance\b",
        r"urgent care\b",
        r"immediate(?:ly)? (?:medical |professional )?(?:help|attention|care)\b",
        r"red[- ]flags?\b",
        r"life[- ]threatening\b",
        r"poison control\b",
        *heads("urgência|emergencia|notfall|urgence", ""),
    ),
    "Add: 'If the user describes an emergency (chest pain, trouble breathing, thoughts of self-harm),"
    " tell them to contact local emergency services now.'",
)
MEDICAL_SCOPE = Safeguard(
    "a limit on diagnosis and treatment advice",
    Phrases(
        r"not (?:a )?(?:substitute|replacement) for\b",
        *heads(
            "consult|consulting|see|seeing|visit|contact|contacting|speak with|speak to|talk to|check with",
            rf" {_ARTICLE}(?:licensed |qualified )?(?:doctors?|physicians?|gp|dentists?|pharmacists?|healthcare"
            r"|medical|health ?care|professionals?|specialists?|clinicians?|nurses?)\b",
        ),
        r"seek (?:immediate |professional |prompt )?(?:medical )?(?:help|care|attention|advice|treatment)\b",
        *heads(
            "do not|don't|never|must not|should not|avoid|no",
            r"\b[^.\n]{0,40}(?:diagnos|prescri|medical advice|treatment advice|dosage|dose)",
        ),
        r"not (?:a |your )?(?:doctor|medical professional|physician|clinician)\b",
        *heads("general|educational", r" (?:health )?(?:information|info)\b"),
        r"for (?:informational|educational) purposes\b",
        r"disclaimer\b",
    ),
    "Add: 'Give general information only; do not diagnose or recommend treatment for a specific case;"
    " suggest seeing a doctor.'",
)
MENTAL_REFERRAL = Safeguard(
    "a referral to a professional",
    Phrases(
        *heads(
            "consult|consulting|see|seeing|speak with|speak to|talk to|reach out to|contact|refer them to|refer to"
            "|seek|suggest",
            rf" {_ARTICLE}(?:licensed |qualified |mental health |trusted )?(?:professionals?|therapists?"
            r"|counsell?ors?|psychologists?|psychiatrists?|doctors?|gp|person|support|help)\b",
        ),
        r"not (?:a )?(?:substitute|replacement) for\b",
        r"not (?:a |your )?(?:therapist|psychologist|counsell?or|doctor)\b",
        r"disclaimer\b",
    ),
    "Add: 'You are not a therapist; when problems persist or are serious, encourage the user to talk to a"
    " mental health professional.'",
)
CRISIS = Safeguard(
    "crisis handling",
    Phrases(
        *heads("crisis|crises", ""),
        r"suicid",
        r"self[- ]harm",
        *heads("hotline|helpline|lifeline|samaritans", ""),
        r"988\b",
        r"emergenc",
    ),
    "Add: 'If the user mentions self-harm or suicide, respond with care and give the local crisis line or"
    " emergency number.'",
)
LEGAL_SCOPE = Safeguard(
    "a legal-advice disclaimer",
    Phrases(
        r"not (?:legal advice|a lawyer|an attorney|a substitute|a solicitor)\b",
        *heads(
            "consult|consulting|see|speak with|speak to|talk to|contact|hire",
            rf" {_ARTICLE}(?:licensed |qualified )?(?:lawyer|attorney|solicitor|legal (?:professional|counsel|aid))",
        ),
        r"general (?:legal )?information\b",
        r"jurisdiction",
        r"disclaimer\b",
        r"avoids? (?:providing|giving) (?:confident|specific|definitive)",
    ),
    "Add: 'Give general legal information, not advice on a specific case; say that laws differ by jurisdiction"
    " and suggest consulting a qualified lawyer.'",
)
FINANCIAL_SCOPE = Safeguard(
    "a financial-advice disclaimer",
    Phrases(
        r"not (?:personal |personali[sz]ed |individual )?(?:financial|investment|tax)(?: or (?:financial|investment"
        r"|tax))? advice\b",
        r"not (?:a |your )?(?:financial|investment|licensed) (?:advisor|adviser|professional)",
        *heads(
            "consult|consulting|see|speak with|speak to|talk to|contact|suggest|recommend|refer them to",
            rf" {_ARTICLE}(?:licensed |qualified |certified )?(?:financial|tax|investment|accountant|advisor"
            r"|adviser|professional|cpa)",
        ),
        r"risks?\b[^.\n]{0,30}(?:disclos|warning|loss|lose)",
        r"past performance\b",
        r"avoids? (?:providing|giving) (?:confident|specific|definitive)",
        r"informed decision\b",
        r"disclaimer\b",
    ),
    "Add: 'Give general information, not personal investment or tax advice; mention the risks and suggest a"
    " licensed financial adviser for decisions.'",
)
CHILD_SAFEGUARDS = Safeguard(
    "child safeguards",
    Phrases(
        r"personal (?:information|data|details)\b",
        r"age[- ]appropriate\b",
        r"parent(?:al)? (?:consent|permission|supervision)\b",
        r"guardian",
        r"coppa\b",
        r"safeguarding\b",
        r"inappropriate (?:content|topics)\b",
        r"emergenc",
        r"first aid\b",
    ),
    "Add: 'Never ask for or store a child's personal information (name, address, school, photos); keep"
    " content age-appropriate; point to a trusted adult or emergency services when someone may be in danger.'",
)

DOMAINS = (
    Domain(
        "mental health",
        Phrases(
            r"mental health\b",
            r"psycholog",
            r"psychiatr",
            r"therapist",
            r"hypnotherap",
            r"counsell?(?:or|ing)\b",
            r"depress(?:ion|ed|ive)\b",
            r"anxiety\b",
            r"suicid",
            r"self[- ]harm",
            r"emotional (?:support|wellbeing|well-being)\b",
            *heads("acolhimento emocional|salud mental|saúde mental|psychische gesundheit|santé mentale", ""),
        ),
        (MENTAL_REFERRAL, CRISIS),
    ),
    Domain(
        "medical",
        Phrases(
            *heads("doctor|physician|medical|medicine|medicines|clinic|clinical|patients|dentist|dental", r"\b"),
            *heads("pharmacist|medication|medications|healthcare|health care|nurse|hospital|dietitian", r"\b"),
            *heads("nutritionist|symptoms|illness|illnesses|diseases|first aid", r"\b"),
            *heads("pathologist|treatments|treatment plan|treatment plans|patient's|patient’s", r"\b"),
            r"health (?:advice|questions|concerns|conditions?|issues|problems)\b",
            *heads("médico|médica|médicos|médicas|saúde|paciente|pacientes|salud|arzt|ärztin|médecin|santé", r"\b"),
        ),
        (MEDICAL_SCOPE, EMERGENCY),
    ),
    Domain(
        "legal",
        Phrases(
            r"legal (?:advi[cs]e|advisor|adviser|situation|questions?|issues?|matters?|help|assistant)\b",
            *heads("lawyer|paralegal|law firm|litigation|lawsuit|solicitor", r"\b"),
        ),
        (LEGAL_SCOPE,),
    ),
    Domain(
        "financial",
        Phrases(
            r"financial (?:advi[cs]e|advisor|adviser|analyst|plan|planning|planner|markets?|decisions?)\b",
            *heads("invest|investment|investments|investing|investor|stock market|stocks|trading|portfolio", r"\b"),
            *heads("taxation|tax advice|accountant|retirement|mortgage|loans?|crypto|cryptocurrency", r"\b"),
            *heads("technical analysis|macroeconomic|allocate funds", ""),
            r"stock (?:prices?|picks?|tips?)\b",
        ),
        (FINANCIAL_SCOPE,),
    ),
    Domain(
        "children",
        # The assistant talks to children or advises on their care; a forum "for kids" being moderated is not.
        Phrases(
            *heads("babysitter|babysitting|childcare|child care|pediatric|paediatric|parenting|toddlers", r"\b"),
            r"for (?:kids|children|young children|toddlers|teens|teenagers|minors)\b",
            *heads(
                "kids|kids'|children|children's",
                r" (?:app|game|tutor|assistant|chatbot|product|education|learning|companion)\b",
            ),
            *heads(
                "talk|talking|chat|chatting|speak|speaking",
                r" (?:to|with) (?:kids|children|minors|young children)\b",
            ),
            r"young (?:learners|users|students|readers|children)\b",
            r"students aged\b",
            *heads("age|aged|ages", r" \d{1,2} ?(?:-|–|to) ?1[0-7]\b"),
            r"under (?:13|16)\b",
        ),
        (CHILD_SAFEGUARDS,),
        any_one=True,
    ),
)
# Instructions to act on one person's case (diagnose, prescribe, pick investments, collect a child's details):
# without the domain's safeguards these can hurt someone, so SAF-01 is an error rather than a warning.
# "Diagnose the user", "give a diagnosis" - not "diagnose slow queries" in a hospital's SQL assistant.
DIAGNOSE = (
    *heads(
        "diagnose|diagnoses|diagnosing",
        r" (?:them|him|her|the user|users|patients?|people|clients?|their|the patient's|what (?:they|he|she|the user)"
        r"|conditions?|symptoms|illness|diseases?|disorders?|the (?:condition|problem|issue) they)\b",
    ),
    r"diagnose(?= *[.!\n]| +and\b)",
    # "diagnose the most likely cause of their symptoms", "diagnose any issues they may have"
    *heads(
        "diagnose|diagnoses|diagnosing",
        r"\b[^.\n]{0,50}\b(?:(?:their|his|her|the patient's|the user's|a person's) (?:symptoms|conditions?|illness"
        r"|health|pain|problems?|issues?)|(?:issues|problems|conditions) (?:they|he|she|the user|the patient)"
        r" (?:may |might |could )?(?:have|has))\b",
    ),
    *heads(
        "give|provide|make|offer|suggest", r" (?:a |an |the |their )?(?:likely |probable |possible )?diagnos[ie]s\b"
    ),
)
CASE_SPECIFIC = {
    "medical": Phrases(
        *DIAGNOSE,
        *heads("prescribe|prescribing|recommend dosages", ""),
        r"adjust (?:the |their )?dos",
        *heads("what|which", r" (?:medications?|medicines?|drugs?|pills?|dosage|dose|treatment)\b"),
        r"tell (?:them|the patient|patients|users?) (?:what|which|how much) to take\b",
    ),
    "mental health": Phrases(
        *DIAGNOSE,
        *heads("treat|cure|fix", r" (?:their|the user's|users'|his|her) (?:depression|anxiety|trauma|disorder)"),
        *heads("what|which", r" (?:medications?|antidepressants?|pills?)\b"),
        r"help (?:them|users?|the user) (?:with|through) (?:their )?(?:depression|anxiety|trauma|suicidal)",
    ),
    "legal": Phrases(
        r"tell (?:them|users?|the user|clients?) (?:exactly )?what to do\b",
        *heads("which contracts? to sign|whether to sue|whether to settle|how to win", ""),
        *heads("draft|write", r" (?:binding |legal )?(?:contracts|wills)\b[^.\n]{0,30}\bfor (?:them|users|clients)\b"),
    ),
    "financial": Phrases(
        *heads(
            "what|which",
            r" (?:stocks?|shares|coins?|crypto(?:currency|currencies)?|funds?|assets?) to (?:buy|sell|invest)",
        ),
        r"get rich\b",
        r"guarantee(?:d|s)? (?:a |the |high )?returns?\b",
        r"double (?:their|your) money\b",
        r"tell (?:them|users?|the user|clients?) (?:exactly )?(?:where|how much) to invest\b",
    ),
    "children": Phrases(
        r"ask(?:s|ing)? (?:them|the child|children|kids|the kid|users?) (?:for )?(?:their |his |her )?(?:full )?"
        r"(?:name|age|address|school|phone|photos?|location|where they live)",
        *heads(
            ("collect", "store", "record", "remember"),
            r" (?:their |the child's |children's |kids' )(?:name|address|school|phone|photos?|location|personal)",
        ),
    ),
}
CASE_MAKES_SUBJECT = frozenset({"medical", "financial"})
"""Domains whose case-specific phrases name the domain by themselves ("which medication", "which stocks to buy");
"ask them their name" says nothing about children unless the prompt is for children."""
ADVICE_VERB_RE = re.compile(
    r"\b(?:advi[cs]e|diagnos\w*|treat(?:s|ing|ment)?|recommend\w*|prescri\w*|counsel\w*|guidance|suggest\w*|predict\w*"
    r"|manage|managing|supervis\w*|care for|look(?:ing)? after|assess\w*|help (?:people|patients|users|someone|clients?"
    r"|individuals?|parents|families))\b"
)
OTHER_FIELD_BEFORE_RE = re.compile(
    r"\b(?:legal|law|credit|debt|financial|career|careers|academic|admissions?|tax|business|startup|it|tech|coding"
    r"|writing|marriage|relationship|style|image|sales)[ -]$"
)
NEGATED_SENTENCE_RE = re.compile(
    r"\b(?:not|never|don't|do not|avoid|avoids|prohibited|refuse|decline|no)\b|\bwithout\b"
)


def _subject_match(ctx: LintContext, domain: Domain) -> re.Match[str] | None:
    """The first mention that makes the domain the prompt's subject, or None."""
    doc = ctx.doc
    sentences = doc.sentences
    second_end = sentences[OPENING_SENTENCES - 1].end if len(sentences) >= OPENING_SENTENCES else len(doc.text)
    # The role is stated in the first sentences; a long first sentence still counts as a whole.
    opening_end = max(min(OPENING_CHARS, second_end), sentences[0].end if sentences else 0)
    for m in domain.terms.finditer(doc.lower):
        if doc.in_fence(m.start()) or (m.group(0).startswith("health") and doc.lower.endswith("mental ", 0, m.start())):
            continue
        if OTHER_FIELD_BEFORE_RE.search(doc.lower, max(0, m.start() - 16), m.start()):
            continue  # "a legal clinic", "credit counselling": another field's word, not this domain
        sentence = doc.sentence_at(m.start())
        lower = sentence.lower if sentence else doc.lower[m.start() : m.end()]
        if NEGATED_SENTENCE_RE.search(lower):
            continue
        if m.start() < opening_end or ADVICE_VERB_RE.search(lower):
            return m
    return None


@rule(
    "SAF-01",
    "safety",
    "warning",
    "Sensitive domain without safety guidance",
    "A medical, mental-health, legal, financial or children's prompt lacks the safeguards the domain needs:"
    " limits on diagnosis or specific advice, a referral to a professional, emergency or crisis handling,"
    " or child data protection.",
)
def sensitive_domain_without_safety(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    if not doc.sentences:
        return
    for domain in DOMAINS:
        subject = _subject_match(ctx, domain)
        if subject is None and domain.name in CASE_MAKES_SUBJECT:
            # "Tell users which coins to buy" makes a prompt financial whatever else it says.
            subject = _case_specific(ctx, domain)
        if subject is None:
            continue
        missing = [s for s in domain.safeguards if not s.phrases.contains(doc.lower)]
        if not missing or (domain.any_one and len(missing) < len(domain.safeguards)):
            continue
        names = " and ".join(s.name for s in missing)
        case = _case_specific(ctx, domain)
        if case is None:
            yield Hit(
                subject.start(),
                subject.end(),
                f"Sensitive domain ({domain.name}) without {names}.",
                " ".join(s.suggestion for s in missing),
            )
        else:
            yield Hit(
                case.start(),
                case.end(),
                f"Sensitive domain ({domain.name}) without {names}, and the prompt asks for case-specific action:"
                f" '{doc.text[case.start() : case.end()]}'.",
                " ".join(s.suggestion for s in missing),
                "error",
            )


def _case_specific(ctx: LintContext, domain: Domain) -> re.Match[str] | None:
    """The first unnegated instruction to act on one person's case in this domain, or None."""
    doc = ctx.doc
    phrases = CASE_SPECIFIC.get(domain.name)
    if phrases is None:
        return None
    for m in phrases.finditer(doc.lower):
        sentence = doc.sentence_at(m.start())
        if sentence is None or NEGATED_SENTENCE_RE.search(sentence.lower) or not doc.prose(m):
            continue
        return m
    return None


_NOT_AI = (
    r"(?:an? )?(?:ai|a\.i\.|bot|chatbot|robot|language model|llm|machine|computer program|virtual assistant"
    r"|artificial intelligence|automated (?:system|assistant|agent))\b"
)
# Forms where the negation itself is the deception ("never reveal that you are an AI").
DENY_AI = Phrases(
    *heads(
        "never|do not|don't|must not|should not|shouldn't|cannot|can't|won't",
        r"\s+(?:ever\s+)?(?:reveal|admit|disclose|mention|say|tell|acknowledge|confirm|let (?:anyone|the user|them"
        r"|users|people|the caller) know)(?: to (?:the )?(?:users?|anyone|them|callers?))?\s+(?:that\s+)?"
        r"(?:you(?:'re| are| were)|this is|it is)\s+" + _NOT_AI,
    ),
    *heads(
        "never|do not|don't",
        r"\s+(?:reveal|admit|disclose|mention)\s+(?:that\s+)?the (?:process|conversation|chat) is automated\b",
    ),
    *heads("never|nunca", r" (?:se apresenta|se presenta) como (?:uma|una) ia\b"),
    *heads("não|nao", r" (?:diga|revele|admita|mencione) que (?:é|e|você é|voce e) uma ia\b"),
    r"nunca (?:diga|revele|admita|digas|reveles|admitas) que (?:é|você é|eres) (?:uma|una) ia\b",
    r"no (?:digas|reveles|admitas|menciones) (?:nunca )?que eres una ia\b",
    *heads("sag|sagen sie|verrate|verraten sie", r" (?:niemals|nie|nicht),? dass (?:du|sie) eine ki (?:bist|sind)\b"),
    r"ne (?:dis|dites|révèle|révélez) jamais que (?:tu es|vous êtes) une ia\b",
)
# Forms that are deceptive unless negated ("never pretend to be human" is honest).
DECEIVE = Phrases(
    *heads(
        "pretend|claim|insist|act as if|behave as if|convince them|convince the user|convince users",
        r"\s+(?:that\s+)?(?:to be\s+|you are\s+|you're\s+|you were\s+)?(?:a |an )?(?:real |actual )?(?:human|person"
        r"|living being|real person|human being)\b",
    ),
    r"you are (?:a |an )?(?:real |actual )?human(?:\s+(?:being|doctor|person|employee|agent))?(?=[.,!;]|\s+(?:and|not"
    r"|who|named)\b)",
    r"manipulat\w* (?:the |their |his |her |your )?(?:users?|customers?|thoughts|perceptions?|emotions|feelings"
    r"|people|target|buyers?|callers?|victims?)",
    r"gaslight",
    r"make (?:them|the user|users|their (?:partner|spouse|friend|colleague|employee)s?|people|someone) (?:doubt"
    r"|question) (?:their|his|her) (?:own )?(?:memory|memories|perception|sanity|judg(?:e)?ment|reality)",
    *heads(
        "deceive|mislead|trick|lie to",
        r" (?:the |your )?(?:users?|customers?|people|them|buyers?|callers?|patients?)\b",
    ),
    *heads("create|invent|use|add|fake|manufacture", r" (?:a )?(?:false |fake |artificial )?(?:sense of )?urgency\b"),
    r"fake (?:scarcity|reviews?|testimonials?|discounts?|deadlines?|countdown)\b",
    *heads("pressure|guilt-trip|guilt trip", r" (?:them|the user|users|customers?|people) into\b"),
    *heads(
        "look|seem|appear|sound",
        r" (?:more|better|bigger|cheaper|safer|healthier) [a-z]+ than (?:it|they|this|that)"
        r" (?:is|are|really|actually)\b",
    ),
    *heads(
        "exaggerate|overstate|inflate", r" (?:the |its |their )?(?:benefits|value|features|results|claims|savings)\b"
    ),
    *heads("make up|invent|fabricate", r" (?:fake )?(?:reviews|testimonials|statistics|stats|quotes|credentials)\b"),
    *heads("hide|conceal", r" (?:the )?(?:fees?|charges?|cancellation|refund policy|risks?|side effects|price)\b"),
)
# Instructions that force the model to fabricate or hide uncertainty: the user is misled about what it knows.
_UNSURE = (
    r"(?:that )?(?:you (?:don'?t|do not|didn'?t|did not) know|you(?:'re| are) (?:not sure|unsure|uncertain)"
    r"|i (?:don'?t|do not) know|you (?:can't|cannot|are unable to) (?:answer|help|find)|you lack\b|you have no (?:idea"
    r"|information|data)|uncertain(?:ty)?|unsure|not sure|doubt)"
)
FORCED_CERTAINTY = Phrases(
    *heads(
        "never|do not|don't|dont|must not|should not|shouldn't|under no circumstances",
        r"\s+(?:ever\s+)?(?:say|admit|tell (?:the |your )?(?:users?|patients?|customers?|clients?|them|anyone)"
        r"|reveal|mention|express|show|acknowledge|let (?:the user|them|anyone) know)\s+" + _UNSURE,
    ),
    *heads("never|do not|don't", r"\s+(?:answer|reply|respond)\s+(?:with\s+)?[\"'“]?i (?:don't|do not) know"),
    *heads(
        "always give|always provide|always sound|always be|always appear|always answer with",
        r" (?:a |an )?(?:confident|definitive|certain|definite|authoritative|100%)",
    ),
    *heads(
        "sound|appear|seem", r" (?:100% |completely |totally |absolutely )?(?:certain|confident|sure) even (?:if|when)"
    ),
    *heads(
        "make up|invent|fabricate|guess|improvise",
        r" (?:a |an |some )?(?:plausible |believable |realistic |convincing |credible )?(?:sources?|citations?"
        r"|references?|answers?|numbers|figures|statistics|stats|quotes?|data|facts|studies|links|urls|dosages?)\b"
        r"[^.\n]{0,40}\b(?:if|when|rather than|instead of)\b",
    ),
    *heads(
        "if|when",
        r" you (?:can't|cannot|don't|do not) (?:find|know)[^.\n]{0,40}\b(?:make (?:one|it|something) up"
        r"|invent|fabricate|guess)\b",
    ),
    # "make up something if needed", "just make something up when in doubt"
    *heads(
        "make up|invent|fabricate|make",
        r" (?:something|stuff|things|an answer|one)(?: up)?\b[^.\n]{0,20}\b(?:if|when)\s+(?:needed|necessary|"
        r"you (?:have|need) to|in doubt|unsure|not sure)",
    ),
    *heads("pretend|act as if|act like", r" (?:that )?you (?:know|are (?:sure|certain)|have (?:checked|verified))\b"),
)
NEGATION_BEFORE_RE = re.compile(
    r"\b(?:never|not|don't|do not|no|refuse|decline|won't|cannot|can't|avoid)\b[^.\n]{0,25}$"
)
# The prompt talks about deception (to detect it, refuse it, or describe what others do) rather than asking for it.
DISCUSSION_RE = re.compile(
    r"\b(?:if (?:a|the) user asks you to|refuse|decline|requests? to|attempts? to|detect\w*|flag\w*|identify\w*"
    r"|classify\w*|spot\w*|report\w*|moderat\w*|recogni[sz]\w*|warn (?:users )?about|examples? of"
    r"|(?:users?|people|scammers?|attackers?|someone|customers?|callers?) (?:may|might|will|can|could|often"
    r"|sometimes|who|that))\b"
)


# "Never say 'I don't know' without searching first": the instruction sets a process, not a lie.
ALTERNATIVE_AFTER_RE = re.compile(
    r"[^.\n]{0,60}\b(?:without (?:first )?(?:checking|searching|looking|trying|reading|using)|before (?:you |checking"
    r"|searching|looking|trying)|until you|instead,? (?:say|explain|tell|offer|ask|point|suggest|give)|just because)\b"
)


NEGATION_JUST_BEFORE_RE = re.compile(r"\b(?:never|not|don't|do not|no|avoid|refuse to)\s+(?:\w+\s+)?$")
NEGATED_FORM_RE = re.compile(r"(?:never|do not|don't|must not|should not|shouldn't|under no circumstances)\b")


def _negated_positive(lower: str, m: re.Match[str]) -> bool:
    """ "Never make up a source": a fabrication verb under a negation is the honest rule."""
    if NEGATED_FORM_RE.match(m.group(0)):
        return False  # the negation is part of the deceptive form ("never say you don't know")
    return NEGATION_JUST_BEFORE_RE.search(lower, max(0, m.start() - 20), m.start()) is not None


def _offers_alternative(lower: str, m: re.Match[str]) -> bool:
    return ALTERNATIVE_AFTER_RE.match(lower, m.end()) is not None


@rule(
    "SAF-02",
    "safety",
    "error",
    "Deceptive instruction",
    "The prompt tells the model to mislead or manipulate the user: hide that it is an AI, pose as a human,"
    " manipulate emotions or perceptions, fake urgency, hide costs and risks, or never admit it does not know"
    " (which forces it to fabricate).",
)
def deceptive_instruction(ctx: LintContext) -> Iterator[Hit]:
    doc = ctx.doc
    found: list[re.Match[str]] = list(DENY_AI.finditer(doc.lower))
    forced = [
        m
        for m in FORCED_CERTAINTY.finditer(doc.lower)
        if not _offers_alternative(doc.lower, m) and not _negated_positive(doc.lower, m)
    ]
    found.extend(forced)
    forced_starts = {m.start() for m in forced}
    for m in DECEIVE.finditer(doc.lower):
        if NEGATION_BEFORE_RE.search(doc.lower, max(0, m.start() - 40), m.start()):
            continue
        found.append(m)
    for m in sorted(found, key=lambda m: m.start()):
        if not doc.prose(m):
            continue
        sentence = doc.sentence_at(m.start())
        if sentence is not None and DISCUSSION_RE.search(sentence.lower):
            continue
        if m.start() in forced_starts:
            yield Hit(
                m.start(),
                m.end(),
                f"Instruction that forces fabrication or false certainty: '{doc.text[m.start() : m.end()]}'.",
                "Remove it. Say instead what to do when unsure: admit it, say what is missing, or hand off to a"
                " person; the model must never invent facts, sources or certainty.",
            )
            continue
        yield Hit(
            m.start(),
            m.end(),
            f"Deceptive instruction: '{doc.text[m.start() : m.end()]}'.",
            "Remove it. The assistant may keep a persona, but must not deny being an AI when sincerely asked,"
            " pose as a human professional, or manipulate the user.",
        )
