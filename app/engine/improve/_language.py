"""Guess the language a prompt is written in, and the few lines improve adds, in that language."""

from __future__ import annotations

import re

from app.engine.types import EngineStruct

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "is",
            "are",
            "you",
            "your",
            "to",
            "of",
            "for",
            "with",
            "in",
            "not",
            "be",
            "an",
            "this",
            "that",
            "it",
            "on",
            "or",
            "if",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "de",
            "que",
            "y",
            "en",
            "un",
            "una",
            "para",
            "con",
            "por",
            "no",
            "es",
            "eres",
            "tu",
            "tus",
            "su",
            "del",
            "al",
            "si",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "du",
            "nicht",
            "mit",
            "für",
            "ein",
            "eine",
            "zu",
            "sie",
            "bist",
            "den",
            "dem",
            "des",
            "auf",
            "wenn",
            "dein",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "et",
            "est",
            "vous",
            "tu",
            "une",
            "des",
            "pour",
            "avec",
            "ne",
            "pas",
            "que",
            "du",
            "au",
            "si",
            "es",
            "votre",
            "ton",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "os",
            "as",
            "de",
            "que",
            "e",
            "em",
            "um",
            "uma",
            "para",
            "com",
            "não",
            "você",
            "é",
            "do",
            "da",
            "se",
            "ao",
            "seu",
            "sua",
        ]
    ),
}
_LANGUAGE_NAMED = re.compile(
    r"\b(?:english|spanish|german|french|portuguese|italian|japanese|chinese|dutch|same language|user's language"
    r"|language of the|español|castellano|inglés|alemán|francés|deutsch|englisch|spanisch|französisch|français"
    r"|anglais|espagnol|allemand|português|inglês|espanhol|idioma|sprache|langue)\b",
    re.I,
)
MIN_SIGNAL = 3
SAMPLE_CHARS = 3000
"""The opening is enough to tell the language; reading 20 KB would cost milliseconds for nothing."""
"""Fewer stopword hits than this is too little evidence: fall back to English."""


def guess_language(text: str) -> str:
    """ISO 639-1 code of the prompt's language among en, es, de, fr, pt (ties and weak evidence: en)."""
    counts = dict.fromkeys(_STOPWORDS, 0)
    for word in _WORD.findall(text[:SAMPLE_CHARS].lower()):
        for code, words in _STOPWORDS.items():
            if word in words:
                counts[code] += 1
    best = max(counts, key=lambda code: (counts[code], code == "en"))
    return best if counts[best] >= MIN_SIGNAL else "en"


def names_a_language(text: str) -> bool:
    """Whether the prompt already says something about languages (which one to reply in, or to mirror the user)."""
    return _LANGUAGE_NAMED.search(text) is not None


class Phrases(EngineStruct, kw_only=True):
    """Lines improve adds when the prompt lacks them; written once per language so no English frame is pasted in."""

    role: str
    """`{noun}` is filled with the role noun when one is known."""
    role_plain: str
    output_prose: str
    output_prose_no_lists: str
    output_code: str
    output_dialogue: str
    output_piece: str
    reply_language: str
    """Added when a prompt written in this language never says which language to reply in."""
    output_elsewhere: str
    unsure: str
    unsure_material: str
    out_of_scope: str
    out_of_scope_dialogue: str


PHRASES: dict[str, Phrases] = {
    "en": Phrases(
        role="You are {noun}.",
        role_plain="You are an assistant for the task described below.",
        output_prose="Lead with the direct answer, then only the detail the reader needs to act on it.",
        output_prose_no_lists="Plain prose: lead with the direct answer, then only the detail the reader needs.",
        output_code=(
            "Put code in a fenced code block tagged with its language; keep the prose around it to what the reader "
            "needs to use it."
        ),
        output_dialogue="One conversational turn at a time, in the voice of the role described above.",
        output_piece="The piece itself, with no preamble and no closing commentary.",
        reply_language="",
        output_elsewhere="Follow the format and length that the instructions above set.",
        unsure="If you are unsure or information is missing, say what is missing and ask one short clarifying "
        "question instead of guessing.",
        unsure_material="If the answer is not in the provided material, say so plainly instead of guessing.",
        out_of_scope="If a request falls outside the task described here, say briefly that you cannot help with "
        "it here.",
        out_of_scope_dialogue="If a request falls outside the scenario, step out of the role briefly, say so, and "
        "return to the scenario.",
    ),
    "es": Phrases(
        role="Eres {noun}.",
        role_plain="Eres un asistente para la tarea que se describe a continuación.",
        output_prose="Empieza con la respuesta directa y luego solo los detalles que el lector necesita.",
        output_prose_no_lists="Prosa sencilla: empieza con la respuesta directa y luego los detalles.",
        output_code="Pon el código en un bloque de código con su lenguaje; limita el texto a lo necesario.",
        output_dialogue="Un turno de conversación cada vez, con la voz del papel descrito arriba.",
        output_piece="Solo la pieza en sí, sin introducción ni comentarios al final.",
        reply_language="Responde siempre en español.",
        output_elsewhere="Sigue el formato y la extensión que fijan las instrucciones de arriba.",
        unsure="Si no estás seguro o falta información, di qué falta y haz una breve pregunta aclaratoria en "
        "lugar de adivinar.",
        unsure_material="Si la respuesta no está en el material proporcionado, dilo claramente en lugar de adivinar.",
        out_of_scope="Si una petición queda fuera de la tarea descrita aquí, di brevemente que no puedes ayudar "
        "con ella aquí.",
        out_of_scope_dialogue="Si una petición queda fuera del escenario, sal brevemente del papel, dilo y vuelve "
        "al escenario.",
    ),
    "de": Phrases(
        role="Du bist {noun}.",
        role_plain="Du bist ein Assistent für die unten beschriebene Aufgabe.",
        output_prose="Zuerst die direkte Antwort, dann nur die Details, die der Leser braucht.",
        output_prose_no_lists="Fließtext: zuerst die direkte Antwort, dann die Details.",
        output_code="Code in einen Codeblock mit Sprachangabe; den Text darum auf das Nötige beschränken.",
        output_dialogue="Jeweils ein Gesprächszug, in der Stimme der oben beschriebenen Rolle.",
        output_piece="Nur das Stück selbst, ohne Einleitung und ohne abschließenden Kommentar.",
        reply_language="Antworte immer auf Deutsch.",
        output_elsewhere="Halte dich an Format und Länge, die die Anweisungen oben vorgeben.",
        unsure="Wenn du unsicher bist oder Informationen fehlen, sag, was fehlt, und stelle eine kurze "
        "Rückfrage, statt zu raten.",
        unsure_material="Wenn die Antwort nicht im bereitgestellten Material steht, sag das deutlich, statt zu raten.",
        out_of_scope="Wenn eine Anfrage außerhalb der hier beschriebenen Aufgabe liegt, sag kurz, dass du dabei "
        "hier nicht helfen kannst.",
        out_of_scope_dialogue="Wenn eine Anfrage außerhalb des Szenarios liegt, verlasse kurz die Rolle, sag das "
        "und kehre zum Szenario zurück.",
    ),
    "fr": Phrases(
        role="Tu es {noun}.",
        role_plain="Tu es un assistant pour la tâche décrite ci-dessous.",
        output_prose="Commence par la réponse directe, puis seulement les détails utiles au lecteur.",
        output_prose_no_lists="Texte simple : commence par la réponse directe, puis les détails.",
        output_code="Mets le code dans un bloc de code avec son langage ; limite le texte au nécessaire.",
        output_dialogue="Un tour de conversation à la fois, avec la voix du rôle décrit ci-dessus.",
        output_piece="Seulement le texte demandé, sans introduction ni commentaire final.",
        reply_language="Réponds toujours en français.",
        output_elsewhere="Respecte le format et la longueur fixés par les instructions ci-dessus.",
        unsure="Si tu n'es pas sûr ou s'il manque des informations, dis ce qui manque et pose une courte question "
        "de clarification au lieu de deviner.",
        unsure_material="Si la réponse ne figure pas dans le document fourni, dis-le clairement au lieu de deviner.",
        out_of_scope="Si une demande sort de la tâche décrite ici, dis brièvement que tu ne peux pas aider sur ce "
        "point ici.",
        out_of_scope_dialogue="Si une demande sort du scénario, sors brièvement du rôle, dis-le et reviens au "
        "scénario.",
    ),
    "pt": Phrases(
        role="Você é {noun}.",
        role_plain="Você é um assistente para a tarefa descrita abaixo.",
        output_prose="Comece pela resposta direta e depois apenas os detalhes de que o leitor precisa.",
        output_prose_no_lists="Texto simples: comece pela resposta direta e depois os detalhes.",
        output_code="Coloque o código num bloco de código com a linguagem; limite o texto ao necessário.",
        output_dialogue="Um turno de conversa de cada vez, na voz do papel descrito acima.",
        output_piece="Apenas a peça em si, sem introdução nem comentários finais.",
        reply_language="Responda sempre em português.",
        output_elsewhere="Siga o formato e a extensão definidos pelas instruções acima.",
        unsure="Se não tiver certeza ou faltar informação, diga o que falta e faça uma pergunta curta de "
        "esclarecimento em vez de adivinhar.",
        unsure_material="Se a resposta não estiver no material fornecido, diga isso claramente em vez de adivinhar.",
        out_of_scope="Se um pedido estiver fora da tarefa descrita aqui, diga brevemente que não pode ajudar com "
        "isso aqui.",
        out_of_scope_dialogue="Se um pedido estiver fora do cenário, saia brevemente do papel, diga isso e volte "
        "ao cenário.",
    ),
}
