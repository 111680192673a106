"""Fill what the linter says is missing, from the prompt's own content and never with placeholders."""

from __future__ import annotations

import re

from app.engine.archetypes import BY_ID, FALLBACK_ID
from app.engine.classify import ArchetypeMatch, classify
from app.engine.improve._language import PHRASES, names_a_language
from app.engine.improve._model import Change
from app.engine.improve._restructure import Draft, task_statement
from app.engine.improve._sentences import has_output_cue, has_scope_fallback, has_unsure_fallback, search_lowered

_ROLEPLAY = re.compile(
    r"\b(?:role[- ]?play\w*|in character|stay in (?:the )?(?:character|role)|mock interview|interviewer"
    r"|practice interview|job interview|pretend (?:to be|you are)|persona|game master|dungeon master"
    r"|text[- ]based (?:adventure|game)|text adventure|play the (?:role|part) of|simulate an?"
    r"|juego de rol|entrevistador|rollenspiel|jeu de rôle|interprète le rôle)\b",
    re.I,
)
ROLEPLAY_ARCHETYPES = frozenset({"roleplay_interviewer"})
_CODE = re.compile(
    r"\b(?:write|generate|fix|refactor|debug|review)\b[^.\n]{0,40}\b(?:code|function|script|sql|query|class"
    r"|program|regex|unit tests?)\b|\b(?:python|javascript|typescript|java|golang|rust|sql|bash)\b",
    re.I,
)
_CREATIVE = re.compile(
    r"\b(?:write|create|compose|draft|generate|come up with)\b[^.\n]{0,60}\b(?:routine|story|stories|poem|poems"
    r"|jokes?|song|lyrics|essay|ad copy|copy|slogans?|taglines?|headlines?|captions?|posts?|tweets?|script|speech"
    r"|descriptions?|names?|bio|letter|cover letter)\b|\b(?:comedian|poet|storyteller|copywriter|novelist"
    r"|screenwriter|rapper|songwriter)\b",
    re.I,
)
_EXCLUSIVE_OUTPUT = re.compile(
    r"\b(?:only (?:reply|respond|answer|output|return) with|(?:reply|respond|output|return) (?:with )?(?:the )?\w+ only"
    r"|nothing else|no other text|without any other text|with nothing else|solo (?:responde|devuelve|contesta)"
    r"|nada más|sonst nichts|nichts anderes|rien d'autre|nada mais)\b",
    re.I,
)
_NO_LISTS = re.compile(r"\b(?:no|without|never use|don't use|do not use|avoid)\s+(?:any\s+)?(?:lists|bullet)", re.I)
_MATERIAL = re.compile(
    r"\b(?:provided|attached|following|given|below|above|supplied)\s+(?:\w+\s+)?(?:documents?|articles?|texts?"
    r"|context|material|polic(?:y|ies)|passages?|sources?|knowledge base|faq|excerpts?|transcripts?)\b"
    r"|\{\{\s*(?:document|context|article|source|knowledge|passage|policy)\w*\s*\}\}"
    r"|\b(?:help[- ]center|knowledge base|only (?:use|from) the)\b",
    re.I,
)


def is_roleplay(text: str) -> bool:
    """Whether the prompt sets up role-play: a character, a mock interview, a game persona."""
    return search_lowered(_ROLEPLAY, text)


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def role_line(text: str, language: str, matches: list[ArchetypeMatch]) -> str:
    """A role line for a prompt that has none: the matched archetype's noun in English, a neutral line otherwise.

    Role-play archetypes are used only when the prompt is role-play, so a professional role never becomes a scene.
    """
    phrases = PHRASES[language]
    if language != "en":
        return phrases.role_plain
    usable = [m for m in matches if m.id != FALLBACK_ID and (m.id not in ROLEPLAY_ARCHETYPES or is_roleplay(text))]
    if not usable:
        return phrases.role_plain
    noun = BY_ID[usable[0].id].noun
    return phrases.role.format(noun=f"{_article(noun)} {noun}")


def output_line(text: str, language: str, *, format_stated_elsewhere: bool) -> str:
    """An output format for a prompt that states none, fitted to what the prompt asks for."""
    phrases = PHRASES[language]
    if format_stated_elsewhere:
        return phrases.output_elsewhere
    if is_roleplay(text):
        return phrases.output_dialogue
    if search_lowered(_CODE, text):
        return phrases.output_code
    if search_lowered(_CREATIVE, text):
        return phrases.output_piece
    if search_lowered(_NO_LISTS, text):
        return phrases.output_prose_no_lists
    return phrases.output_prose


def fill_gaps(draft: Draft, text: str, language: str, changes: list[Change]) -> tuple[str, str, str, str]:
    """(role, output description, when unsure, out of scope), with the author's own wording wherever it exists."""
    phrases = PHRASES[language]
    role = _join(draft.role)
    if not role:
        # The role comes from the task statement only: a word further down ("summarize the issue back to them"
        # in step 4) does not make a support script a summariser.
        role = role_line(text, language, classify(task_statement(draft)))
        changes.append(Change(kind="added", description=f"Added a role line: {role!r}.", rule_id="STR-01"))
    output = _join(draft.output)
    if not output:
        # A format the author stated inside one of their lists is pointed to, never competed with.
        output = output_line(text, language, format_stated_elsewhere=has_output_cue(text))
        changes.append(Change(kind="added", description="Added an output format section.", rule_id="STR-02"))
    if phrases.reply_language and not names_a_language(text):
        # A prompt written in German is for German speakers: say so, or models drift into English.
        output = f"{output} {phrases.reply_language}"
        changes.append(Change(kind="added", description=f"Added the reply language: {phrases.reply_language!r}."))
    unsure = draft.unsure[0] if draft.unsure else ""
    scope = draft.scope[0] if draft.scope else ""
    # A fallback the author wrote inside one of their own lists stays there; then add nothing that competes with it.
    # Nor when the reply must be one thing only ("only reply with the terminal output, nothing else"): a fallback
    # that talks would break that rule.
    exclusive = search_lowered(_EXCLUSIVE_OUTPUT, text)
    if not unsure and not exclusive and not has_unsure_fallback(text):
        unsure = phrases.unsure_material if search_lowered(_MATERIAL, text) else phrases.unsure
        changes.append(
            Change(
                kind="added", description="Added what to do when unsure or information is missing.", rule_id="STR-06"
            )
        )
    if not scope and not exclusive and not has_scope_fallback(text):
        scope = phrases.out_of_scope_dialogue if is_roleplay(text) else phrases.out_of_scope
        changes.append(Change(kind="added", description="Added the reply for out-of-scope requests.", rule_id="STR-06"))
    return role, output, unsure, scope


def _join(parts: list[str]) -> str:
    separator = "\n\n" if any("\n" in p for p in parts) else " "
    return separator.join(p.strip() for p in parts if p.strip())
