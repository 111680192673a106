"""A requester's introduction, then the sentence that asks for an assistant: that sentence names the job, in any
language. A limit followed by where it applies ("no roteiro") or preceded by a heading ("NOTAS: com no máximo 3
tópicos") limits that part of the reply, not the reply."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints

RADIO = (
    "sou editora numa rádio comunitária em Olinda. os voluntários mandam notícias escritas como pra jornal e eu "
    "preciso delas prontas pra ler no ar. quero um assistente que reescreva o texto pra rádio: frases curtas, ordem "
    "direta. máximo 150 palavras no roteiro. depois do roteiro escreve NOTAS: com no máximo 2 tópicos sobre o que "
    "falta checar. sem markdown."
)


def test_job_sentence_after_an_introduction_names_the_job() -> None:
    result = generate(Brief(task=RADIO, target="claude"))
    assert [m.id for m in result.archetypes][:1] == ["writing_editor"]
    assert "general_assistant" not in [m.id for m in result.archetypes]
    assert "quero um assistente que reescreva" in result.prompt.split("</role>")[0] + result.prompt


@pytest.mark.parametrize(
    ("task", "job"),
    [
        (
            "Soy coordinadora de una biblioteca municipal. Necesito un asistente que reescriba los avisos en "
            "lenguaje fácil.",
            "writing_editor",
        ),
        (
            "Ich leite einen kleinen Sportverein. Ich brauche einen Assistenten, der unsere Vereinsnachrichten "
            "umschreibt, kürzer und freundlicher.",
            "writing_editor",
        ),
    ],
)
def test_rewrite_job_in_other_languages(task: str, job: str) -> None:
    assert generate(Brief(task=task)).archetypes[0].id == job


def test_a_brief_that_opens_with_its_job_keeps_the_whole_brief_reading() -> None:
    task = "be my brainstorm buddy for my D&D campaign. give me exactly 3 ideas when i ask, then ask which to develop."
    ids = [m.id for m in generate(Brief(task=task)).archetypes]
    assert ids[0] == "general_assistant"


def test_limits_on_named_parts() -> None:
    limits = {c.maximum: c.scope for c in extract_constraints(Brief(task=RADIO)) if c.kind == "limit"}
    assert limits == {150: "the roteiro", 2: "the NOTAS section"}
    prompt = generate(Brief(task=RADIO)).prompt
    assert "Keep the reply to at most 150 words" not in prompt
    assert "Keep the reply to at most 2 bullets" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Answer in at most 3 sentences in English.",
        "Keep it to 2 sentences in plain words.",
        "Responde en máximo 3 frases en el chat.",
    ],
)
def test_a_place_that_is_the_reply_or_a_language_is_no_part(task: str) -> None:
    limits = [c for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]
    assert limits
    assert all(c.scope is None for c in limits)


SELLER = (
    "我在义乌做宠物用品跨境电商，店铺在Etsy。海外买家发来的邮件有英文、德文、西班牙文，我看不太懂。需要一个助手：\n"
    "1）先用中文给我两三句话，说明买家想要什么；\n2）再写一封回复草稿，默认用英文；如果买家是用德语写的，就用买家的语言回复。"
)


def test_brief_that_gives_its_replies_another_language_gets_no_guessed_one() -> None:
    result = generate(Brief(task=SELLER, target="claude"))
    assert not any(c.kind == "language" for c in result.constraints)
    # the summary is Chinese, the draft English or the buyer's language: no one language for every reply
    assert "reply in Chinese" not in result.prompt
    assert "Write every reply in" not in result.prompt
    assert "reply in German" not in result.prompt  # "if the buyer wrote in German" says what the input is
    # the job, not the seller's introduction: an email-reply job whose two steps the prompt keeps
    role = result.prompt.split("</role>")[0]
    assert "我在义乌" not in role
    assert "replies" in role
    assert "先用中文给我两三句话" in result.prompt


def test_brief_in_its_own_language_still_gets_that_language() -> None:
    task = "我们是一家二手相机店。需要一个客服助手，回答顾客关于保修和退货的问题，回答不超过三句话。"
    assert any(c.kind == "language" and c.code == "zh" for c in generate(Brief(task=task)).constraints)


def test_italian_greeting_and_need_and_step_by_step() -> None:
    task = (
        "ciao, ho un piccolo caseificio e tengo tutto su Google Sheets. Mi serve un aiuto per scrivere formule. Non "
        "sono un programmatore, quindi spiegami le formule passo passo, anche quelle lunghe."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "«Mi serve un aiuto per scrivere formule»" in prompt  # the job, not the dairy's introduction
    assert "explain each change in one sentence" not in prompt  # "passo passo" settles how much to explain
