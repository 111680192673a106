"""Round 45, class 3: the reply language from the brief's words, not from the language it is written in."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief
from app.engine.constraints.model import Constraint
from app.engine.generate import read_constraints


def _languages(task: str) -> list[Constraint]:
    return [c for c in read_constraints(Brief(task=task)) if c.kind == "language"]


@pytest.mark.parametrize(
    "task",
    [
        "店舗のお知らせ（日本語）を観光客向けに英語へ翻訳してください。出力は英語の訳文だけ。説明は付けない。",
        "社内向けの安全手順書を英訳してください。訳注は不要。",
        "Vertaal onze nieuwsbrief naar het Engels. Geef alleen de vertaling terug, zonder uitleg.",
    ],
)
def test_translation_target_is_the_named_one_not_the_briefs_language(task: str) -> None:
    (found,) = _languages(task)
    assert (found.value, found.code) == ("English", "en")
    prompt = generate(Brief(task=task)).prompt
    assert "into English" in prompt
    assert "Return only the English translation." in prompt
    assert "Japanese translation" not in prompt
    assert "Dutch translation" not in prompt


def test_output_language_named_in_japanese_is_the_replys() -> None:
    (found,) = _languages("海外のお客様向けのチャットボット。回答は英語で、丁寧に。")
    assert found.code == "en"


@pytest.mark.parametrize(
    ("task", "default", "case"),
    [
        (
            "Asistente de la Federación de Vela de Alicante. Si el regatista escribe en valenciano, respóndele en "
            "valenciano; si no, en castellano. Máximo 50 palabras.",
            "Spanish",
            "Valencian",
        ),
        (
            "Bot del mercat de Sant Antoni. Si el client escriu en castellà, respon en castellà; si no, en català.",
            "Catalan",
            "Spanish",
        ),
        (
            "Bot da biblioteca municipal de Vigo. Se o usuario escribe en castelán, responde en castelán; se non, en "
            "galego.",
            "Galician",
            "Spanish",
        ),
        (
            "Asistente del ayuntamiento de Bilbao. Si la persona escribe en euskera, contesta en euskera; si no, en "
            "castellano.",
            "Spanish",
            "Basque",
        ),
        (
            "Assistent voor onze fietsenwinkel in Gent. Als de klant in het Frans schrijft, antwoord in het Frans; "
            "anders in het Vlaams.",
            "Flemish",
            "French",
        ),
        (
            "Chatbot für unseren Bergsportladen in Luzern. Wenn der Kunde auf Schwiizerdütsch schreibt, antworte auf "
            "Schwiizerdütsch; sonst auf Hochdeutsch.",
            "Standard German",
            "Swiss German",
        ),
    ],
)
def test_otherwise_gives_the_default_and_the_regional_language_a_case(task: str, default: str, case: str) -> None:
    (found,) = _languages(task)
    assert found.value == default
    assert found.values == [case]
    prompt = generate(Brief(task=task)).prompt
    assert f"Reply in {default} by default" in prompt
    assert "Always reply in" not in prompt


@pytest.mark.parametrize(
    ("task", "word"),
    [
        (
            "Asistente del refugio del Valle de Arán. Si el excursionista escribe en aranés, contesta en aranés; si "
            "no, en castellano. Máximo 60 palabras.",
            "aranés",
        ),
        ("Support bot for our Manila phone shop. If a customer writes in Tagalog, reply in Tagalog; otherwise in "
         "English.", "Tagalog"),
        ("Chatbot voor de camping in Friesland. Als een gast in het Fries schrijft, antwoord in het Fries; anders in "
         "het Nederlands.", "Fries"),
    ],
)  # fmt: skip
def test_an_unknown_language_case_quotes_the_briefs_sentence(task: str, word: str) -> None:
    (found,) = _languages(task)
    assert found.values == [word]
    assert "«" in found.text
    assert word in found.text
    prompt = generate(Brief(task=task)).prompt
    assert "Always reply in" not in prompt
    assert prompt.count(f"writes in {word}, reply in {word}") <= 1


def test_an_unknown_word_written_twice_is_no_language() -> None:
    (found,) = _languages("Si el cliente escribe en mayúsculas, contesta con calma; responde siempre en castellano.")
    assert found.text == "Always reply in Spanish."


@pytest.mark.parametrize(
    ("task", "field"),
    [
        (
            'Classifica os e-mails da loja e devolve só o JSON: {"tipo": "...", "prioridade": "...", "sintese": "..."}'
            "\nsintese: no máximo 20 palavras, sempre em português europeu\ntipo: encomenda, troca ou outro",
            "sintese",
        ),
        (
            'Extrae los datos de cada factura y devuelve solo el JSON: {"proveedor": "...", "importe": 0, '
            '"nota_interna": "..."}\nnota_interna: una frase, siempre en inglés',
            "nota_interna",
        ),
        (
            '海外からの問い合わせを分類して、JSONだけを返す：{"category": "...", "memo": "..."}\n'
            "・category は booking、complaint、other のどれか\n・memo は日本語で、30字以内",
            "memo",
        ),
    ],
)
def test_a_language_for_one_field_is_that_fields(task: str, field: str) -> None:
    (found,) = _languages(task)
    assert found.scope == field
    prompt = generate(Brief(task=task)).prompt
    assert f"Write the {field} field in" in prompt
    assert "Always reply in" not in prompt


@pytest.mark.parametrize(
    ("task", "name"),
    [
        ("台北書店的客服機器人。請用繁體中文回覆，每則不超過 60 字。", "Traditional Chinese"),
        ("宠物医院的预约助手。用简体中文回复，每条不超过 50 个字。", "Simplified Chinese"),
        ("Support chat for our Belgrade bike rental. Answer in Serbian, Latin script. Max 50 words.",
         "Serbian (in Latin script)"),
        ("Chatbot für unser Hostel in Belgrad. Antworte auf Serbisch in lateinischer Schrift, höchstens 50 Wörter.",
         "Serbian (in Latin script)"),
        ("A reading buddy for Japanese first graders. Reply in Japanese, using hiragana only. Keep replies short.",
         "Japanese (in hiragana only)"),
    ],
)  # fmt: skip
def test_a_named_script_stays_in_the_language_rule(task: str, name: str) -> None:
    (found,) = _languages(task)
    assert found.value == name
    assert f"Always reply in {name}." in generate(Brief(task=task)).prompt


@pytest.mark.parametrize(
    ("task", "default", "case"),
    [
        ("茶餐厅的点餐助手。如果客人用粤语留言，就用粤语回复；否则用普通话回复。每条不超过50字。", "Mandarin Chinese",
         "Cantonese"),
        ("台北書店的客服。如果顧客用英文提問，就用英文回覆；否則用繁體中文。", "Traditional Chinese", "English"),
        ("Chatbot für unser Dim-Sum-Restaurant in Hamburg. Wenn der Gast auf Kantonesisch schreibt, antworte auf "
         "Kantonesisch; sonst auf Deutsch.", "German", "Cantonese"),
    ],
)  # fmt: skip
def test_a_case_in_chinese_or_for_cantonese_keeps_its_default(task: str, default: str, case: str) -> None:
    (found,) = _languages(task)
    assert found.value == default
    assert found.values == [case]
    assert f"Reply in {default} by default" in generate(Brief(task=task)).prompt
