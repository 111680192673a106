"""Split prose into sentences and tell what each sentence is for, so improve can re-section it verbatim."""

from __future__ import annotations

import functools
import re
from typing import Literal

from app.engine.parse import CONFIDENTIAL_RE

SentenceKind = Literal["role", "role_detail", "output", "unsure", "scope", "fallback", "boundary", "instruction"]

_BOUNDARY = re.compile(r"[.!?。！？]+[\"'”’)\]]*(?:\s+|$)|(?<=[。！？])")
_NEXT_STARTS_SENTENCE = re.compile(r"(?:\*\*|__|[\"'“‘(\[¿¡{<*_])?[A-ZÀ-ÖØ-Þ0-9]")
# A lowercase word that opens an instruction ("… nothing else. do not write explanations.") starts a sentence.
_LOWERCASE_STARTER = re.compile(
    r"(?:do not|don'?t|never|always|please|only|make sure|use|keep|reply|respond|answer|write|avoid|if|when|i will"
    r"|i want|you (?:must|should|will)|my first)\b"
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs|cf|approx|incl|dr|mr|mrs|ms|prof|no|nr|ca|z\.b|u\.a|d\.h|bzw|p\.ej|p\.ex|sr|sra)"
    r"|\b[A-Z])\.$",
    re.I,
)

_ROLE = re.compile(
    r"^\W*(?:you are|you're|you will (?:act|be|serve|play)|act as|acting as|i want you to (?:act|be|play|pretend)"
    r"|i'd like you to (?:act|be|play)|pretend (?:to be|you are)|play the (?:role|part)|take on the role"
    r"|your role is|as an? [\w -]{2,40}, you\b|imagine you are"
    r"|eres|act[uú]a como|quiero que act[uú]es|du bist|sie sind|agiere als|handle als|tu es|vous [êe]tes"
    r"|agis comme|agissez comme|você é|voce e|aja como|atue como)\b"
    # Chinese, Japanese and Korean write no space after the opening, so no word boundary follows it.
    r"|^\W*(?:あなたは|你是|您是|你现在是|당신은)",
    re.I,
)
_ROLE_DETAIL = re.compile(
    r"^\W*(?:you (?:help|assist|work|support|serve|specialise|specialize|have|know|speak|write for|answer for)"
    r"|your (?:job|task|goal|purpose|mission|role|responsibilit\w*|expertise|audience)"
    r"|tu (?:trabajo|tarea|objetivo)|ayudas|deine (?:aufgabe|rolle)|du hilfst|ta (?:tâche|mission)|tu aides"
    r"|sua (?:tarefa|função)|você ajuda)\b",
    re.I,
)
_FORMAT_NOUN = (
    r"(?:words?|sentences?|paragraphs?|lines?|characters?|bullets?|bullet points?|json|yaml|csv|markdown|table"
    r"|lists?|format|formatting|headings?|headers?|plain text|emoji|emojis|code blocks?|numbered|tokens?"
    r"|palabras|frases|oraciones|p[aá]rrafos|viñetas|w[öo]rter(?:n)?|s[äa]tze(?:n)?|abs[äa]tze|aufz[äa]hlung\w*"
    r"|mots|phrases|paragraphes|puces|palavras|frases|par[aá]grafos|t[oó]picos)"
)
_OUTPUT = re.compile(
    rf"\b(?:respond|reply|answer|output|return|format|write|keep|limit|use|give|provide|include|structure|start"
    rf"|end|produce|responde|contesta|escribe|usa|antworte|schreibe|verwende|nutze|r[ée]ponds|r[ée]pondez|[ée]cris"
    rf"|utilise|responda|escreva|use)\b[^.!?\n]*\b{_FORMAT_NOUN}\b"
    rf"|\b(?:no|without|never use|don'?t use|do not use|avoid|sin|ohne|keine|sans|sem)\s+(?:any\s+)?{_FORMAT_NOUN}\b"
    r"|\b(?:keep|make) (?:it|them|answers|responses|replies|your (?:answers|responses|replies))\s+"
    r"(?:short|brief|concise|under|below)\b"
    r"|\b(?:respond|reply|answer|write|responde|contesta|antworte|r[ée]ponds|responda)\b[^.!?\n]{0,30}\b(?:in|en|auf)"
    r" (?:english|spanish|german|french|portuguese|italian|japanese|chinese|dutch|the (?:same )?language"
    r"|español|castellano|inglés|deutsch|englisch|spanisch|français|anglais|espagnol|português|inglês)\b"
    r"|^\W*(?:output|format|response format)\s*:"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:short\s+)?(?:bullet points?|bullets|sentences"
    r"|words|paragraphs|lines|items|tweets?|haikus?)\b"
    r"|\b(?:as|in|into) (?:a |an )?(?:bullet(?:ed)? list|numbered list|table|json|yaml|csv|markdown|haiku|tweet"
    r"|one-liner|single (?:sentence|line|word|paragraph))\b",
    re.I,
)
# An output sentence is about the reply itself: it opens with a format verb or names the reply. "Summarize the
# article in 3 bullet points" is the task (it stays an instruction) even though it also fixes the format.
_OUTPUT_LEAD = re.compile(
    r"^\W*(?:always |only |please |must |i want you to (?:only )?|i'd like you to "
    r"|you (?:must|should|will) (?:only )?)?"
    r"(?:respond|reply|answer (?:in|with|using|only|at|briefly)|output|return"
    r"|format|keep|limit|use|give|provide|include|structure|start (?:with|each|every|your)|end (?:with|each|every|your)"
    r"|write (?:in|at|no|only|using|short|brief|concise|each|every|\d)|no\b|without|never use|don'?t use|do not use"
    r"|avoid|all (?:answers|responses|replies)|answers?\b|responses?\b|replies\b|your (?:answers?|responses?"
    r"|replies|output)|the (?:answer|response|output|reply)|each (?:answer|response|reply)|make (?:it|them|your)"
    r"|be (?:brief|concise|short)|max(?:imum)?|at most|under|no more than|stay under"
    r"|responde|contesta|escribe|usa|sin|antworte|schreibe|verwende|nutze|ohne|keine|réponds|répondez|écris"
    r"|utilise|sans|responda|escreva|use|sem)",
    re.I,
)
_CONDITION = r"^\W*(?:if|when|whenever|otherwise|in case|should|si|cuando|wenn|falls|sinon|lorsque|quand|se|caso)\b"
_UNSURE_OUTCOME = re.compile(
    _CONDITION + r"[^.!?]*\b(?:unsure|not sure|uncertain|don't know|do not know|can't|cannot|unable|unclear"
    r"|ambiguous|missing|incomplete|not (?:in|covered|available|found|mentioned|provided|stated|enough)|no answer"
    r"|no estás segur[oa]|no sabes|no está|no encuentras|dudas|nicht sicher|unsicher|weißt du nicht|nicht weißt"
    r"|unklar|fehlt|fehlen|pas sûr|pas certain|ne sais pas|ne trouves pas|manque|doute|não sabe|não tiver certeza"
    r"|não souber|não estiver|incert[oa])",
    re.I,
)
_SCOPE_OUTCOME = re.compile(
    _CONDITION + r"[^.!?]*\b(?:out of scope|off[- ]topic|unrelated|outside|not (?:about|related)|anything else"
    r"|other (?:topics|questions|requests)|fuera de|otro tema|au-delà|hors|außerhalb|anderen themen|fora d[eo])",
    re.I,
)
_HANDOFF = re.compile(
    r"\b(?:escalate|hand (?:it |them )?(?:off|over)|transfer (?:them |the \w+ )?to a human|connect (?:them|the \w+)"
    r" (?:with|to) (?:an? )?(?:human|agent|person)|human agent|live agent|say (?:that )?you don't know"
    r"|say (?:that )?you do not know|say (?:so|i don't know))\b",
    re.I,
)
_BOUNDARY_START = re.compile(
    r"^\W*(?:never|do not|don'?t|under no circumstances|avoid|refuse|you must not|you must never|you should never"
    r"|you may not|you can't|you cannot|no (?:diagnos|legal|medical|financial|personal)"
    r"|nunca|jamás|no (?:des|hagas|uses|compartas|inventes|reveles|respondas|menciones)|niemals|nie |gib nie"
    r"|verrate nie|erfinde nie|keine? (?:diagnose|rechtsberatung)|ne (?:jamais|\w+ jamais|\w+ pas)|jamais|n'\w+ jamais"
    r"|não|nunca)",
    re.I,
)


def split_sentences(text: str) -> list[str]:
    """Sentences of a prose paragraph, each kept verbatim (hard line wraps joined by a space)."""
    flat = " ".join(line.strip() for line in text.split("\n") if line.strip())
    # Someone who never capitalises ("hey can u write… make them short.") still ends sentences with a period.
    lowercase_writer = flat[:1].islower()
    sentences: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(flat):
        end = m.end()
        if end >= len(flat):
            break
        head = flat[start : m.start() + 1]
        next_starts = (
            _NEXT_STARTS_SENTENCE.match(flat, end)
            or (lowercase_writer and flat[end : end + 1].islower())
            or _LOWERCASE_STARTER.match(flat, end)
        )
        if not next_starts and flat[m.start()] not in "。！？":
            continue
        if _ABBREVIATION.search(flat[max(start, m.start() - 8) : m.start() + 1]):
            continue
        if head.strip():
            sentences.append(flat[start:end].strip())
        start = end
    rest = flat[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def sentence_kind(sentence: str) -> SentenceKind:
    """What a sentence is for; the role cue is checked by the caller, which knows the sentence's position."""
    if _UNSURE_OUTCOME.search(sentence):
        return "unsure"
    if _SCOPE_OUTCOME.search(sentence):
        return "scope"
    if _HANDOFF.search(sentence) and re.match(_CONDITION, sentence, re.I):
        return "fallback"
    if _OUTPUT.search(sentence) and _OUTPUT_LEAD.match(sentence):
        return "output"
    if CONFIDENTIAL_RE.search(sentence) or _BOUNDARY_START.match(sentence):
        return "boundary"
    return "instruction"


def is_role_sentence(sentence: str) -> bool:
    """Whether a sentence says who the assistant is ("You are…", "Act as…", "Eres…")."""
    return _ROLE.match(sentence) is not None and not re.match(r"^\W*you are not\b", sentence, re.I)


_YOU_DO = re.compile(
    r"^\W*you (?!will\b|should\b|must\b|can\b|may\b|might\b|need\b|are\b|have to\b|do\b|don't\b|won't\b"
    r"|shall\b|would\b|could\b)[a-z]+s?\b",
    re.I,
)


def is_role_detail(sentence: str, *, opening: bool = False) -> bool:
    """Whether a sentence continues the role ("You help small businesses…", "Your goal is…").

    As the prompt's first sentence, any "You <verb> …" ("You extract invoice data.") states the role.
    """
    return _ROLE_DETAIL.match(sentence) is not None or (opening and _YOU_DO.match(sentence) is not None)


def search_lowered(pattern: re.Pattern[str], text: str) -> bool:
    """`pattern` (written in lowercase, compiled with re.I) searched case-sensitively in the lowered text: the
    same answer, many times faster on long prompts than a case-insensitive scan."""
    return _case_sensitive(pattern).search(text.lower()) is not None


@functools.cache
def _case_sensitive(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(pattern.pattern, pattern.flags & ~re.I)


def has_output_cue(text: str) -> bool:
    """Whether text states something about the reply's format, length or language."""
    return search_lowered(_OUTPUT, text)


def _all_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for line in text.split("\n"):
        sentences.extend(split_sentences(_MARKER.sub("", line)))
    return sentences


_MARKER = re.compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+")


def has_unsure_fallback(text: str) -> bool:
    """Whether any sentence or list item says what to do when unsure or when information is missing."""
    return any(
        _UNSURE_OUTCOME.search(s) or (_HANDOFF.search(s) and re.match(_CONDITION, s, re.I))
        for s in _all_sentences(text)
    )


def has_scope_fallback(text: str) -> bool:
    """Whether any sentence or list item says what to do with an out-of-scope request."""
    return any(_SCOPE_OUTCOME.search(s) for s in _all_sentences(text))
