"""Round 23 fixes: the language people write in is not the reply's, 'como mucho' caps, a ruled-out register is not
the one asked for, JSON tool specs are tools (and the list's JSON is not the reply's format), a bar-separated line
template is no label set, and an address scan stays linear on long inputs."""

from __future__ import annotations

import time

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints
from app.engine.language_id import identify

_GESTORIA = (
    "Somos una gestoría de extranjería en Valencia y queremos poner un asistente en la web para las dudas de siempre. "
    "Mucha gente nos escribe en inglés, en árabe o en francés, así que tiene que contestar en el idioma en el que le "
    "escriban, no siempre en castellano. Respuestas cortas, 4 frases como mucho."
)


def test_the_language_people_write_in_is_not_the_replys() -> None:
    (language,) = [c for c in read_constraints(Brief(task=_GESTORIA)) if c.kind == "language"]
    assert language.code is None
    assert language.text == "Reply in the same language the user writes in."


def test_como_mucho_is_a_cap() -> None:
    (limit,) = [c for c in read_constraints(Brief(task=_GESTORIA)) if c.kind == "limit"]
    assert (limit.maximum, limit.exact) == (4, None)


def test_a_register_ruled_out_in_japanese_is_not_asked_for() -> None:
    task = "中学生向けの英語チューターです。口調は敬語じゃなくて、やさしめのタメ口でお願いします！"
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "です・ます" not in prompt
    assert "タメ口" in prompt


def test_json_tool_specs_are_tools_not_the_reply() -> None:
    task = (
        "帮我们写一个系统提示词，用在热水器的微信客服里。\n能调用的工具如下（JSON 格式）：\n[\n"
        '  {"name": "query_order", "description": "按手机号查订单", "parameters": {"phone": "string"}},\n'
        '  {"name": "transfer_to_human", "description": "转人工客服", "parameters": {"reason": "string"}}\n]\n'
        '要求：\n1. 每条回复不超过80个字。\n2. 用户说闻到燃气味，马上调用 transfer_to_human，reason 填 "gas_leak"。'
    )
    result = generate(Brief(task=task, target="claude"))
    tools = {c.name: c.parameters for c in result.constraints if c.kind == "tool"}
    assert tools == {"query_order": ["phone"], "transfer_to_human": ["reason"]}
    assert not [c for c in result.constraints if c.kind in ("schema", "fields", "format")]
    assert "matches the schema below" not in result.prompt


def test_a_bar_separated_line_template_is_no_label_set() -> None:
    task = (
        "PR review bot for our payments service.\n\nOutput one finding per line, nothing before or after:\n"
        "SEVERITY | path/to/file.py:LINE | problem | suggested fix\n\nAt most 10 findings."
    )
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "labels"]


def test_the_address_scan_is_linear_on_long_runs() -> None:
    started = time.process_time()
    identify("0" * 200_000)
    # Linear work is tens of ms here; the unanchored pattern took minutes on this input.
    assert time.process_time() - started < 3.0


def test_a_translation_out_of_the_briefs_language_is_not_into_it() -> None:
    task = (
        "Gestiamo un agriturismo in Val d'Orcia. Mi serve un prompt per un assistente che traduca il menù "
        "dall'italiano in inglese e in tedesco. Niente commenti prima o dopo la tabella."
    )
    (language,) = [c for c in read_constraints(Brief(task=task)) if c.kind == "language"]
    assert language.code == "en"


def test_a_language_ruled_out_keeps_the_briefs_own() -> None:
    task = (
        "Insegno italiano per stranieri. Vorrei un partner di conversazione per i miei studenti: tu fai la parte di "
        "Giulia, barista. Mai in inglese, anche se lo studente scrive in inglese."
    )
    (language,) = [c for c in read_constraints(Brief(task=task)) if c.kind == "language"]
    assert language.code == "it"


def test_the_helper_a_prompt_is_for_is_not_its_audience() -> None:
    task = "write me a system prompt for a sql helper for our analysts. postgres 15. ONLY select queries."
    (audience,) = [c for c in read_constraints(Brief(task=task)) if c.kind == "audience"]
    assert audience.value == "analysts"


def test_a_modbot_is_a_moderation_job() -> None:
    task = (
        "prompt voor een modbot in onze buurtapp (Buurtpraat Zwolle). alleen weghalen bij schelden of doxxing "
        "(adressen, kentekens, foto's van iemands huis). kritiek op de gemeente of wethouders mag gewoon blijven "
        "staan, ook als het fel is. output: VERWIJDER of LATEN STAAN + reden in max 1 zin"
    )
    assert generate(Brief(task=task)).archetypes[0].id == "content_moderation"
