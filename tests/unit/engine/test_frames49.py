"""Round 49: the frame follows what the output is for; the brief's tool-failure route; role names from the brief's
own name for its business."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _render(task: str, target: str = "claude") -> tuple[str, list[str]]:
    result = generate(Brief(task=task, target=target))  # type: ignore[arg-type]
    return result.prompt, [a.id for a in result.archetypes]


def _role(prompt: str) -> str:
    lines = prompt.splitlines()
    for index, line in enumerate(lines):
        if line.strip().lstrip("#").strip().lower() == "role" or line.strip() == "<role>":
            return lines[index + 1]
    return lines[0]


# --- marks returned as JSON are a grader's job, never a tutor's

MARKING = [
    (
        "I teach an evening pottery course and students hand in short written reflections on their glazing tests. "
        "I want them pre-marked before I look.\n\nInput: my model answer + the student's reflection.\nMarking: 3 "
        "criteria, 0-2 points each: observation, cause, next_step. Max 6.\n\nReturn JSON only, exactly:\n"
        '{"scores": {"observation": 0-2, "cause": 0-2, "next_step": 0-2}, "total": 0-6, "feedback": "..."}\n'
        '- feedback: max 2 sentences, talk to the student as "you"\n- never reveal my model answer'
    ),
    (
        "Our language school wants the students' weekly essays pre-marked for the teachers. Score each essay on "
        "grammar, vocabulary and structure, 0-3 points each, and give the band (A, B, C). Students should get one "
        'line of feedback. Return only JSON: {"grammar": 0-3, "vocabulary": 0-3, "structure": 0-3, "band": "A|B|C", '
        '"feedback": "..."}'
    ),
    (
        "En nuestra academia los alumnos entregan redacciones cortas. Quiero que las puntúes antes de que las lea "
        "el profesor: 4 criterios, de 0 a 2 puntos cada uno (contenido, orden, gramática, vocabulario). Devuelve solo "
        'JSON: {"puntos": {"contenido": 0-2, "orden": 0-2, "gramatica": 0-2, "vocabulario": 0-2}, "total": 0-8, '
        '"comentario": "..."}. Habla al alumno de tú en el comentario.'
    ),
]


@pytest.mark.parametrize("task", MARKING)
def test_marks_returned_as_json_are_graded_not_tutored(task: str) -> None:
    prompt, archetypes = _render(task)
    assert archetypes[0] == "grader"
    assert "tutor" not in archetypes
    assert "one question or hint at a time" not in prompt
    assert "end with a question" not in prompt


def test_a_tutor_chat_stays_a_tutor() -> None:
    task = (
        "A maths tutor bot for year 9 pupils: guide them through algebra homework one hint at a time, never give "
        "the full answer straight away, and check they understand each step."
    )
    _prompt, archetypes = _render(task)
    assert archetypes[0] == "tutor"


# --- a listening chat that is no counselling is a companion, never a support desk

LISTENING = [
    (
        "Hollins Vale Hospice runs a bereavement service for families after someone has died in our care. We'd like "
        "a gentle chat for evenings when the team isn't in. It is NOT counselling and must never pretend to be.\n\n"
        "What it can do: listen, reflect back, explain the next steps in the booklet and tell people about our "
        'support groups.\n- max 4 sentences\n- no advice on wills -> "Our family support team can help with that, '
        'call 01632 960 415."'
    ),
    (
        "Brightwell Carers' Centre wants an evening chat for unpaid carers who are worn out. This is not therapy. Its "
        "job is to listen and reflect back what the carer says, and mention our support team's weekday line "
        "0161 555 0190 when it fits. Max 3 sentences, no lists."
    ),
]


@pytest.mark.parametrize("task", LISTENING)
def test_listening_chat_gets_no_support_desk_frame(task: str) -> None:
    prompt, archetypes = _render(task)
    assert archetypes[0] == "general_assistant"
    assert "customer support agent" not in prompt
    assert "focus on the fix" not in prompt
    assert "resolution" not in prompt.lower()
    assert "The user-generated content to assess." not in prompt


# --- no tools stated: no tool agent's frame or rules

TOOLLESS = [
    (
        "Salisicuro srl, Bologna: montascale a poltroncina. Vorrei un assistente per la chat del sito.\n\nCosa può "
        "fare:\n- spiegare i tipi di montascale\n- fissare il sopralluogo: solo il link salisicuro.it/sopralluogo "
        "oppure il numero 051 555 0193\n\nStile: dare del Lei, massimo 5 frasi."
    ),
    (
        "Northgate Roofing - we fix and replace roofs in Leeds. A chat on our site that explains our services, gives "
        "the three fixed prices (survey free, gutter clean £90, ridge repair from £250) and books a free survey visit "
        "only through the link northgate.example/survey. Max 4 sentences."
    ),
]


@pytest.mark.parametrize("task", TOOLLESS)
def test_brief_without_tools_gets_no_tool_agent(task: str) -> None:
    prompt, archetypes = _render(task)
    assert "tool_agent" not in archetypes
    assert "tools listed below" not in prompt
    assert "tool list supplied with each request" not in prompt
    assert "If a tool returns an error" not in prompt


# --- a reply posted or parsed as is gets no reasoning block

POSTED = [
    (
        "You review pull requests for a small Django app. Your review gets posted as a PR comment by a bot.\n"
        "- one finding per line: SEVERITY | file:line | what is wrong | how to fix\n- worst first, at most 8 lines\n"
        "- if there is nothing to report reply exactly: LGTM"
    ),
    (
        "Review the diff of our Go service. One finding per line, formatted as file:line - problem - fix. No praise, "
        "no summary, nothing except the finding lines. At most 10 lines."
    ),
    (
        "Du prüfst Merge Requests für unser Java-Backend. Dein Review wird automatisch als Kommentar gepostet. Pro "
        "Befund eine Zeile: Datei:Zeile | Problem | Lösung. Höchstens 6 Zeilen, nichts außer den Befunden."
    ),
]


@pytest.mark.parametrize("task", POSTED)
def test_posted_reply_gets_no_reasoning_block(task: str) -> None:
    claude, _ = _render(task, "claude")
    gpt, _ = _render(task, "gpt")
    assert "<thinking>" not in claude
    assert "work through these steps" not in claude
    assert "think step by step" not in gpt
    assert "Capture every decision, owner and due date" not in claude


def test_free_review_keeps_its_reasoning_block() -> None:
    task = "Review the Python code I paste for bugs and security problems, and explain each finding in detail."
    claude, _ = _render(task, "claude")
    assert "work through these steps" in claude


# --- a moderation brief's own reasons replace the default policy list

OWN_REASONS = [
    (
        "Plateforme de covoiturage. Il faut modérer chaque avis avant publication.\n\nRéponds uniquement en JSON, "
        'avec exactement :\n{"decision": "publier|masquer|revue_humaine", "motifs": []}\n\nmotifs possibles : '
        "insulte, donnees_personnelles, discrimination, menace\n- un doute -> revue_humaine\n- ne jamais expliquer "
        "la décision"
    ),
    (
        "Moderate the comments on our recipe site before they go live. Reply with JSON only: "
        '{"decision": "approve|hide|human_check", "reasons": []}\nreasons: spam, insult, off_topic, personal_data\n'
        "- when unsure -> human_check\n- never explain the decision"
    ),
]


@pytest.mark.parametrize("task", OWN_REASONS)
def test_own_reasons_replace_default_policy(task: str) -> None:
    prompt, archetypes = _render(task)
    assert archetypes[0] == "content_moderation"
    assert "Policy categories: hate" not in prompt
    assert "one-sentence rationale" not in prompt
    assert 'Choose "review"' not in prompt


# --- the brief's own route for a failed tool

_TOOLS = "Tools:\n- find_booking(ref) - looks up a booking\n- cancel_booking(ref) - cancels it\n"
TOOL_FAILURE = [
    _TOOLS + 'Always call find_booking first. If the tools fail, say: "Sorry, please ring 01632 960 111."',
    _TOOLS + 'find_booking immer zuerst. Wenn technisch was nicht klappt: "Schreib uns an info@example.de."',
    _TOOLS + "先调用 find_booking。投诉或者工具出错 → 转人工。",
]


@pytest.mark.parametrize("task", TOOL_FAILURE)
def test_tool_failure_default_ends_in_the_briefs_route(task: str) -> None:
    prompt, _ = _render(task)
    assert "then tell the person it did not work" not in prompt
    assert "then report the failure" not in prompt
    assert "do what this prompt says to do when a tool fails" in prompt


def test_tool_brief_without_a_failure_route_keeps_the_default() -> None:
    prompt, _ = _render(_TOOLS + "Always call find_booking before cancel_booking. Confirm before cancelling.")
    assert "do what this prompt says to do when a tool fails" not in prompt


# --- role names: the brief's own name for its business

ROLE_NAMES = [
    (
        "Wrekin Community Transport - dial-a-ride. we run minibuses for people who cant use buses.\n"
        "- we dont go further than 25 miles from Telford\n- max 3 sentences",
        "Wrekin Community Transport",
        "Telford",
    ),
    (
        "small brewery (Kettle and Crane Brewing, 20-barrel kit). Summarise the brewers' end-of-day logs in this "
        "layout:\nBATCH: name\nPROBLEMS: max 3 items\nACTIONS FOR TOMORROW: max 3 items",
        "Kettle and Crane Brewing",
        "TOMORROW",
    ),
    (
        "Furrow Trust is a small charity for farmers. We want an evening check-in chat. Its NOT counselling. "
        "What it should do: listen, ask how today went, reflect back. Max 4 sentences.",
        "Furrow Trust",
        "what it should do",
    ),
]


@pytest.mark.parametrize(("task", "name", "stray"), ROLE_NAMES)
def test_role_names_the_briefs_business(task: str, name: str, stray: str) -> None:
    prompt, _ = _render(task)
    role = _role(prompt)
    assert name in role
    assert stray not in role
