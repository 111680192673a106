"""Helper lang48: a reply language with a case, written in French ("sauf si on vous écrit en …") or in Japanese or
Chinese ("基本は日本語。…英語で書いてきたら英語で返信"); the requester's own sentences in CJK briefs ("…を作りたいです",
"工具如下") are no rules; a sentence of a non-English brief that records state whole is not kept again verbatim."""

from __future__ import annotations

import re

import pytest

from app.engine import generate
from app.engine.brief import Brief
from app.engine.compose.covered_sentences import covered_by_records
from app.engine.constraints import BriefSpan, Constraint, extract_constraints


def _language(task: str) -> list[tuple[str | None, list[str]]]:
    return [(c.code, c.values) for c in extract_constraints(Brief(task=task)) if c.kind == "language"]


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


# 1. A conditional reply language whose case has the user writing to the assistant ("on vous écrit")


@pytest.mark.parametrize(
    ("task", "default", "switch"),
    [
        ("Assistant du club de tennis. Répondre en français, sauf si on vous écrit en allemand -> allemand.",
         "fr", "German"),
        ("Vous aidez les clients de la boulangerie. Rédigez en français ; si quelqu'un vous écrit en anglais, "
         "répondez en anglais.", "fr", "English"),
        ("Du hilfst Kunden im Fahrradladen. Antworte auf Deutsch, außer wenn man dir auf Englisch schreibt, dann "
         "auf Englisch.", "de", "English"),
        ("You help guests of the inn. Reply in English unless someone writes you in Spanish.", "en", "Spanish"),
    ],
)  # fmt: skip
def test_case_with_the_assistant_as_object(task: str, default: str, switch: str) -> None:
    assert _language(task) == [(default, [switch])]
    assert "Always reply in" not in _prompt(task)


# 2. A conditional reply language in Japanese or Chinese, with the default named as such


@pytest.mark.parametrize(
    ("task", "default", "switch"),
    [
        ("花屋の注文受付チャットです。基本は日本語。"
         "お客様が英語で書いてきたら英語で返信してください。", "ja", "English"),
        ("歯科医院の予約窓口です。原則として日本語で対応します。"
         "ただし、中国語で問い合わせがあった場合は中国語で返答。", "ja", "Chinese"),
        ("你是一家花店的客服。默认用中文，客户用英文就用英文回复。", "zh", "English"),
        ("你负责回答健身房会员的问题。一般用中文，如果会员用日语写的话，就用日语回复。", "zh", "Japanese"),
    ],
)  # fmt: skip
def test_cjk_default_then_case(task: str, default: str, switch: str) -> None:
    assert _language(task) == [(default, [switch])]
    prompt = _prompt(task)
    assert "by default; when the" in prompt
    assert "Always reply in" not in prompt


# 3. The requester's own sentences in CJK briefs


@pytest.mark.parametrize(
    ("task", "absent"),
    [
        ("「みどり書店」です。店頭受け取りの予約を受け付けるアシスタントを作りたいです。在庫の確約はしない。",
         "を作りたいです"),
        ("本屋です。使えるツールは以下です。\n- check_stock(isbn): 在庫を確認\n\nルール：\n- 価格は言わない",
         "使えるツールは以下"),
        ("我们是一家修车店。我想做一个帮客户预约保养的机器人。不要报价。", "我想做一个"),
        ("你是旅行社的助手。工具如下：\n- search_trips(city): 查行程\n\n不要承诺退款。", "工具如下"),
    ],
)  # fmt: skip
def test_requester_voice_is_no_rule(task: str, absent: str) -> None:
    assert not [line for line in _prompt(task).splitlines() if re.match(r"\s*\d+\. ", line) and absent in line]


# 4. A sentence the records state whole is not kept again in the brief's words


@pytest.mark.parametrize(
    ("task", "absent"),
    [
        ("Assistant de la mutuelle Santé Plus. Ne donnez jamais de conseil médical.\n\n5 phrases max, vouvoiement.",
         "5 phrases max"),
        ("Asistente de la academia de idiomas. Nunca des precios.\n\nMáximo 4 frases, de usted.", "Máximo 4 frases"),
        ("Du beantwortest Fragen zur Stadtbibliothek. Gib nie Rechtsberatung.\n\nMaximal 3 Sätze, siezen.",
         "Maximal 3 Sätze"),
    ],
)  # fmt: skip
def test_recorded_sentence_not_repeated(task: str, absent: str) -> None:
    assert not [line for line in _prompt(task).splitlines() if re.match(r"\s*\d+\. ", line) and absent in line]


# 5. A sentence with a number, a link, an address, quoted words or a route is kept unless the records carry them


@pytest.mark.parametrize(
    ("task", "kept"),
    [
        ("Tutor de matemática para crianças de 9 a 11 anos. Se a criança contar que alguém está machucando ela, "
         "dizer para falar com a professora e que pode ligar para o Disque 100.", "Disque 100"),
        ("Tutor de matemáticas para niños de 8 a 10 años. Si un niño cuenta que alguien le hace daño, decirle que "
         "hable con su maestra y que puede llamar al 0800 222 1111.", "0800 222 1111"),
        ("Nachhilfe in Mathe für Kinder von 9 bis 11 Jahren. Wenn ein Kind erzählt, dass ihm jemand wehtut, soll es "
         "mit der Lehrerin reden und die Nummer gegen Kummer 116 111 anrufen.", "116 111"),
    ],
)  # fmt: skip
def test_sentence_with_a_route_or_number_is_kept(task: str, kept: str) -> None:
    assert kept in _prompt(task)


@pytest.mark.parametrize(
    ("sentence", "record", "covered"),
    [
        ("Écrivez à aide@mutuelle.fr.", "Always reply in French.", False),
        ("Máximo 4 frases, ver https://ejemplo.es/ayuda.", "Keep replies to at most 4 sentences.", False),
        ("Antworte mit «Gern geschehen».", "Always reply in German.", False),
        ("Maximal 3 Sätze.", "Keep replies to at most 3 sentences.", True),
    ],
)
def test_covered_only_when_the_records_carry_the_tokens(sentence: str, record: str, covered: bool) -> None:
    span = BriefSpan(field="task", start=0, end=len(sentence), text=sentence)
    records = [Constraint(kind="limit", text=record, span=span)]
    assert covered_by_records(records, sentence, 0, len(sentence)) is covered


# 6. A cap's part keeps its name when "pro"/"par"/"por" joins it ("Max 5 comments pro PR", not "5 comments pro.")


@pytest.mark.parametrize(
    ("task", "kept"),
    [
        ("Review bot for our repo. Max 5 comments pro PR.", "5 comments per PR"),
        ("Review bot for our repo. max 5 comments per file.", "5 comments per file"),
        ("Social media helper. At most 3 hashtags par post.", "each post at most 3 hashtags"),
    ],
)
def test_cap_keeps_its_part(task: str, kept: str) -> None:
    assert kept in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Support-Bot für den Shop. Höchstens 3 Fragen pro Nachricht.",
        "Asistente de la tienda. Máximo 3 preguntas por mensaje.",
        "Assistente del negozio. Al massimo 3 domande per messaggio.",
    ],
)
def test_foreign_questions_counted_in_english(task: str) -> None:
    assert "at most 3 questions" in _prompt(task)


@pytest.mark.parametrize(
    ("task", "kind"),
    [
        ("Quero um assistente que nunca dê descontos e que responda em português.", "prohibition"),
        ("Quiero un asistente que nunca dé descuentos y que responda en español.", "prohibition"),
        ("Ich möchte einen Bot, der nie Rabatte gibt und auf Deutsch antwortet.", "prohibition"),
    ],
)
def test_a_wish_with_a_rule_keeps_the_rule(task: str, kind: str) -> None:
    assert kind in [c.kind for c in extract_constraints(Brief(task=task))]


# 7. A translation into several languages keeps every target


@pytest.mark.parametrize(
    "task",
    [
        "Product copy helper. Translate our English product descriptions into German, French and Italian.",
        "Übersetze unsere Produkttexte ins Deutsche, Französische und Italienische.",
        "Traduis nos fiches produits en allemand, en français et en italien.",
    ],
)
def test_every_translation_target_is_kept(task: str) -> None:
    texts = [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "language"]
    assert texts == ["Write a translation in each of German, French and Italian."]


def test_one_target_then_a_reply_stays_one() -> None:
    texts = [c.text for c in extract_constraints(Brief(task="Translate into German and reply to the customer."))]
    assert "Write the translation in German." in texts
