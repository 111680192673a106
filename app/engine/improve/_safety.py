"""A safety line for prompts in sensitive domains (health, mental health, law, money) that have none.

The lines bound the answer without refusing the author's task: a tax prompt still answers tax questions, it
says when a professional must sign off. Detection is by the prompt's own words, in the languages improve writes.
"""

from __future__ import annotations

import re

_DOMAINS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "mental_health",
        re.compile(
            r"\b(?:therap(?:ist|y)|mental health|anxiety|depress\w*|suicid\w*|self-harm|counsel(?:l?or|l?ing)"
            r"|psycholog\w*|psychiatr\w*|terapeuta|psicólog\w*|psychotherap\w*|santé mentale|saúde mental)\b",
        ),
    ),
    (
        "medical",
        re.compile(
            r"\b(?:doctor|physician|nurse|medical|medicines?|medications?|symptoms?|diagnos\w*|treatments?|diseases?"
            r"|illness(?:es)?|patients?|dosage|prescri\w*|triage|arzt|ärztin|médic[oa]|médecin|síntomas|symptome"
            r"|krankheit\w*|enfermedad\w*|maladie\w*|doença\w*)\b",
        ),
    ),
    (
        "legal",
        re.compile(
            r"\b(?:lawyer|attorney|legal|lawsuit|court|litigation|abogad[oa]|laboralista|rechtsanwalt|anwalt"
            r"|rechtsberatung|avocat|advogad[oa]|jurídic[oa]|juridique)\b",
        ),
    ),
    (
        "financial",
        re.compile(
            r"\b(?:financial advi\w*|invest\w*|stocks?|portfolio|tax(?:es)?|accountant|retirement|crypto\w*"
            r"|mortgage|loans?|steuer\w*|umsatzsteuer|impuestos?|inversi\w*|impôts?|investissement\w*"
            r"|impostos?|investiment\w*)\b",
        ),
    ),
)
_HAS_SAFETY = re.compile(
    r"\b(?:emergenc\w*|crisis|hotline|not (?:a )?(?:substitute|replacement)|consult (?:a|an|your)|see a (?:doctor"
    r"|professional|lawyer)|not (?:medical|legal|financial|tax|investment) advice|general information"
    r"|licensed|qualified (?:professional|lawyer|advisor|adviser)|notfall|emergencia|urgence|emergência"
    r"|keine (?:verbindliche )?(?:rechts|steuer|anlage)beratung|asesor(?:amiento)? profesional)\b",
)

SAFETY_LINES: dict[str, dict[str, str]] = {
    "en": {
        "mental_health": "If someone mentions self-harm or suicide, respond with care and urge them to contact local "
        "emergency services or a crisis line right away.",
        "medical": "Do not give a definitive diagnosis; for severe or worsening symptoms, tell the person to see a "
        "doctor, and in an emergency to call the local emergency number.",
        "legal": "Say when an answer depends on facts or local law you do not have, and recommend a qualified lawyer "
        "for decisions with legal consequences.",
        "financial": "Say when an answer depends on details you do not have, and recommend a licensed professional "
        "before decisions with large financial or tax consequences.",
    },
    "es": {
        "mental_health": "Si alguien menciona autolesiones o suicidio, responde con cuidado e insta a contactar de "
        "inmediato con los servicios de emergencia o una línea de crisis.",
        "medical": "No des un diagnóstico definitivo; ante síntomas graves o que empeoran, indica que acuda a un "
        "médico y, en una emergencia, que llame al número de emergencias.",
        "legal": "Indica cuándo la respuesta depende de hechos o de normas locales que no conoces y recomienda un "
        "abogado cualificado para decisiones con consecuencias legales.",
        "financial": "Indica cuándo la respuesta depende de datos que no tienes y recomienda un profesional "
        "acreditado antes de decisiones con consecuencias económicas o fiscales importantes.",
    },
    "de": {
        "mental_health": "Wenn jemand Selbstverletzung oder Suizid erwähnt, antworte behutsam und rate dringend, "
        "sofort den Notruf oder eine Krisenhotline zu kontaktieren.",
        "medical": "Stelle keine abschließende Diagnose; bei schweren oder sich verschlimmernden Symptomen rate zum "
        "Arztbesuch und im Notfall zum Notruf.",
        "legal": "Sag, wenn die Antwort von Fakten oder örtlichem Recht abhängt, die du nicht kennst, und empfiehl "
        "für Entscheidungen mit rechtlichen Folgen eine Anwältin oder einen Anwalt.",
        "financial": "Sag, wenn die Antwort von Angaben abhängt, die dir fehlen, und empfiehl vor Entscheidungen mit "
        "großen finanziellen oder steuerlichen Folgen eine fachkundige Beratung.",
    },
    "fr": {
        "mental_health": "Si quelqu'un évoque l'automutilation ou le suicide, réponds avec bienveillance et incite à "
        "contacter immédiatement les urgences ou une ligne d'écoute.",
        "medical": "Ne pose pas de diagnostic définitif ; en cas de symptômes graves ou qui s'aggravent, conseille "
        "de consulter un médecin et, en cas d'urgence, d'appeler le numéro d'urgence.",
        "legal": "Dis quand la réponse dépend de faits ou du droit local que tu ne connais pas, et recommande un "
        "avocat qualifié pour les décisions aux conséquences juridiques.",
        "financial": "Dis quand la réponse dépend d'informations qui te manquent, et recommande un professionnel "
        "agréé avant des décisions aux conséquences financières ou fiscales importantes.",
    },
    "pt": {
        "mental_health": "Se alguém mencionar automutilação ou suicídio, responda com cuidado e incentive a "
        "contactar imediatamente os serviços de emergência ou uma linha de apoio.",
        "medical": "Não dê um diagnóstico definitivo; perante sintomas graves ou que piorem, indique que procure um "
        "médico e, numa emergência, que ligue para o número de emergência.",
        "legal": "Diga quando a resposta depende de factos ou da lei local que não conhece, e recomende um advogado "
        "qualificado para decisões com consequências legais.",
        "financial": "Diga quando a resposta depende de dados que não tem, e recomende um profissional habilitado "
        "antes de decisões com grandes consequências financeiras ou fiscais.",
    },
}


def safety_line(text: str, language: str) -> tuple[str, str] | None:
    """(domain, line) for the first sensitive domain the prompt is in, or None when it is in none or already
    carries a safety clause of its own."""
    # Patterns are lowercase and matched against the lowered text: case-insensitive alternations are far slower.
    lower = text.lower()
    if _HAS_SAFETY.search(lower):
        return None
    for domain, pattern in _DOMAINS:
        if pattern.search(lower):
            return domain, SAFETY_LINES[language][domain]
    return None
