"""Fixes after the round 15 review: list items that describe a stack or a contrast are no bans, a JSON-only record
gets no safety pack, the brief's own precedence and "don't ask me back" settle the defaults, "vosotros" is informal
(and a form the brief rules out is no form to use), a lowercase phrase after a run of codes is no label, and a
business's description in parentheses is no label set."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints


def _prompt(task: str, **fields: object) -> str:
    return generate(Brief(task=task, target="claude", **fields)).prompt  # type: ignore[arg-type]


def test_a_stack_description_is_no_list_of_bans() -> None:
    task = (
        "I maintain a PHP 5.6 app: no composer, no framework, raw mysqli, runs on a CentOS 6 box we can't touch. "
        "Help me write code for it."
    )
    prompt = _prompt(task)
    assert "Avoid framework, raw mysqli" not in prompt
    assert "Do not touch." not in prompt


def test_a_contrast_is_kept_whole() -> None:
    task = "Extract trial data as JSON. sample_size is the number randomised, not the number analysed."
    prompt = _prompt(task)
    assert "Avoid the number analysed" not in prompt
    assert "sample_size is the number randomised, not the number analysed." in prompt


def test_json_only_record_gets_no_safety_pack() -> None:
    task = (
        'Triage tool for a student listening service. Output ONLY this JSON: {"level": "RED" | "AMBER" | "GREEN", '
        '"reason": string}. RED = any mention of suicidal plans or self-harm. GREEN = general chat. The output goes '
        "to trained volunteers, not the student, so don't add helpline numbers, disclaimers or advice text."
    )
    prompt = _prompt(task)
    assert "988" not in prompt
    assert "crisis line" not in prompt
    assert "Safety:" not in prompt


def test_precedence_and_no_asking_back_settle_defaults() -> None:
    prompt = _prompt(
        "classify app store reviews",
        constraints=[
            "labels: bug, feature_request, pricing, praise, other",
            "if a review is about 2 things pick the more urgent one - bug > pricing > feature_request > praise",
        ],
    )
    assert "listed first" not in prompt
    assert "best matches the main point" not in prompt
    sql = _prompt(
        "SQL helper on Snowflake. Tables: downloads(id, episode_id, is_bot). If the question is ambiguous, don't ask "
        "me back - make your best guess and write the query."
    )
    assert "Ask which table" not in sql


def test_vosotros_is_informal_and_a_ruled_out_form_is_not_used() -> None:
    task = 'Eres un tutor de mates para chavales de 12 a 14 años en España. Nada de "ustedes", usar "vosotros".'
    tones = [c for c in extract_constraints(Brief(task=task)) if c.kind == "tone"]
    assert any("informal" in c.text and "vosotros" in c.text for c in tones)
    assert "«usted»" not in _prompt(task)


def test_lowercase_phrase_after_codes_is_no_label() -> None:
    task = "Moderá anuncios. Tenés que devolver una etiqueta: APROBADO, REVISAR o RECHAZADO, y una justificación corta."
    labels = [c.values for c in extract_constraints(Brief(task=task)) if c.kind == "labels"]
    assert labels == [["APROBADO", "REVISAR", "RECHAZADO"]]


def test_business_description_in_parentheses_is_no_label_set() -> None:
    task = (
        "Sou da equipe da Casa Jacarandá (móveis e decoração, SP). Preciso de um assistente que traduza as "
        "descrições de produto para o espanhol do México."
    )
    assert not any(c.kind == "labels" for c in extract_constraints(Brief(task=task)))
    assert "Label:" not in _prompt(task)


def test_code_for_a_business_in_a_sensitive_domain_gets_no_domain_pack() -> None:
    task = (
        "I'm one of two devs at a small insurance brokerage and we maintain a PHP app for quoting and policy admin. "
        "I want a coding helper that writes code that runs on PHP 5.6."
    )
    prompt = _prompt(task)
    assert "financial" not in prompt.lower()
    assert "investment advice" not in prompt


def test_a_limit_on_sentences_limits_each_sentence() -> None:
    for task in (
        "Rewrite the letter in plain language. Keep sentences under 15 words.",
        "Schreib die Briefe in einfacher Sprache um: kurze Sätze mit höchstens 15 Wörtern.",
        "Reescribe las cartas en lenguaje claro, con frases de máximo 15 palabras.",
    ):
        limits = [c for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]
        assert [(c.maximum, c.scope) for c in limits] == [(15, "each sentence")], task
        assert "Keep the reply to at most 15 words" not in _prompt(task)


def test_an_address_to_copy_in_stays_with_its_condition() -> None:
    # The quality address is a copy recipient, not a contact for "when you cannot help" (round 15's judge): the
    # prompt keeps the brief's sentence whole, and no email slot stands in for it.
    task = "Draft replies to complaint emails. If the cold chain broke, put kwaliteit@vandijkkoel.nl in cc."
    assert not [c for c in extract_constraints(Brief(task=task)) if c.kind == "fallback"]
    prompt = _prompt(task)
    assert "If the cold chain broke, put kwaliteit@vandijkkoel.nl in cc." in prompt
    assert "When you cannot help, tell the user to email kwaliteit@vandijkkoel.nl" not in prompt


def test_a_bot_for_direct_messages_is_support_not_copywriting() -> None:
    task = (
        "we run a dog grooming salon in Bristol. need a bot for instagram DMs: prices (small dog £35, large £55), "
        "booking link groomr.example/book. reply in 2 sentences max, no emojis."
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "customer_support"
    assert "three distinct variants" not in result.prompt
