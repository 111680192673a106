"""The request for a prompt, in the languages briefs are written in, is neither the job's wording nor a rule."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate
from app.engine.phrasing import is_meta_request, without_meta_request


@pytest.mark.parametrize(
    ("sentence", "job"),
    [
        (
            "Ich brauche einen Prompt für einen internen Assistenten, der Fragen zur Betriebsvereinbarung beantwortet.",
            "Einen internen Assistenten, der Fragen zur Betriebsvereinbarung beantwortet.",
        ),
        (
            "Il me faut un prompt pour un assistant qui rédige ce compte rendu.",
            "Un assistant qui rédige ce compte rendu.",
        ),
        ("Necesito un prompt para el asistente de chat de Prestamia.", "El asistente de chat de Prestamia."),
        ("Quero um prompt para um simulador de entrevista de emprego.", "Um simulador de entrevista de emprego."),
        ("Mi serve un prompt per scrivere le schede prodotto.", "Scrivere le schede prodotto."),
        ("日本語の商品説明を英語に翻訳するプロンプトを作ってください。", "日本語の商品説明を英語に翻訳する"),
    ],
)
def test_the_request_for_a_prompt_leaves_the_job(sentence: str, job: str) -> None:
    assert is_meta_request(sentence)
    assert without_meta_request(sentence) == job


def test_a_job_sentence_without_a_request_is_kept() -> None:
    sentence = "Wir möchten einen Assistenten, der Briefe umschreibt."
    assert not is_meta_request(sentence)
    assert without_meta_request(sentence) == sentence


def test_the_request_with_a_price_range_is_no_rule() -> None:
    prompt = generate(
        Brief(
            task="Necesito un prompt para el asistente de chat de Prestamia (préstamos de $1,000 a $15,000 MXN). "
            "Responde dudas sobre fechas de pago. Máximo 80 palabras por respuesta.",
            target="claude",
        )
    ).prompt
    assert 'Follow this rule from the brief: "Necesito un prompt' not in prompt
    assert "«El asistente de chat de Prestamia" in prompt


def test_a_japanese_introduction_at_the_start_is_background_and_the_request_is_the_job() -> None:
    prompt = generate(
        Brief(
            task="有田焼の窯元のオンラインショップをやっています。日本語の商品説明を英語に翻訳するプロンプトを作ってください。\n"
            "・出力は英訳のみ。",
            target="claude",
        )
    ).prompt
    assert "「日本語の商品説明を英語に翻訳する」" in prompt
    assert "3. 日本語の商品説明を" not in prompt
    assert "プロンプトを作ってください" not in prompt.split("<instructions>")[1]
