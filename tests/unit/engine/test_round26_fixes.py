"""Fixes from sealed round 26 (bench/eval/fresh/round26-review.md), tested on briefs written for these tests."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints
from app.engine.job_choice import classify_brief
from app.engine.lint import lint_prompt


def primary(task: str) -> str:
    brief = Brief(task=task)
    return classify_brief(brief, read_constraints(brief))[0].id


@pytest.mark.parametrize(
    "task",
    [
        "our scout troop wants a knot helper the cubs can use at home. ages 8 to 10.\n"
        "- teach, don't tie it for them: never give the full steps straight away\n- max 3 sentences per message",
        "the youth orchestra wants a theory helper for its juniors, ages 9-12.\n"
        "- coach, don't answer for them: never name the chord straight away, give a hint first\n- short messages",
    ],
)
def test_an_instruction_before_a_negation_still_names_the_job(task: str) -> None:
    """'Teach, don't …' opens a prohibition: blanking the whole sentence hid the only word naming the job."""
    assert primary(task) == "tutor"


def test_a_scope_before_a_negation_stays_blanked() -> None:
    """'En el resumen no …': the words before the negation are the prohibition's scope, not a job."""
    task = (
        "Convierte cada mensaje del formulario en una ficha JSON: "
        '{"tipo": "A | B | OTRO", "urgente": true/false, "notas": "texto"}. '
        "En el resumen no pongas nombres ni teléfonos."
    )
    assert primary(task) != "summarization"


@pytest.mark.parametrize(
    "task",
    [
        "Le modèle reçoit des fiches produit en anglais et rend des fiches en français, même structure.",
        "Pasa las fichas de producto del inglés al español, sin cambiar los códigos.",
        "Il bot porta i comunicati dall'inglese all'italiano, tono formale.",
        "Der Bot bringt Pressemitteilungen vom Deutschen ins Englische, Zahlen unverändert.",
        "O assistente passa os avisos do inglês para o português, sem mudar os códigos.",
        "De assistent zet klantmails van het Engels naar het Nederlands, zonder iets toe te voegen.",
    ],
)
def test_a_language_pair_written_in_another_language_is_translation(task: str) -> None:
    assert primary(task) == "translation"


@pytest.mark.parametrize(
    "task",
    [
        "Chat assistant on the clinic tablets that answers questions about wound care using ONLY our "
        '"Caring For Your Stitches" booklet, which I\'ll paste in. Short sentences, max 3 per answer.',
        "Visitor helper for the castle: answers questions using only the guidebook we upload. "
        "If something is not in the guidebook, say so.",
        "Assistente per il sito del negozio: risponde alle domande dei clienti sui prodotti usando solo le schede e "
        "i fogli illustrativi che carichiamo.",
    ],
)
def test_answers_from_a_booklet_or_leaflet_are_document_qa(task: str) -> None:
    assert primary(task) == "document_qa"


def prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


SQL_TABLES = "tickets(ticket_id, store_id, opened_at, closed_at, priority)\nstores(store_id, city, region, manager)\n"


def test_no_text_outside_the_block_makes_the_reply_code_only() -> None:
    task = (
        "Query helper for our helpdesk leads, MySQL 8. Tables:\n"
        + SQL_TABLES
        + "Always one SELECT in a ```sql fence and no text outside the block."
    )
    found = [c for c in read_constraints(Brief(task=task)) if c.kind == "format"]
    assert [c.value for c in found] == ["code"]
    text = prompt(task)
    assert "<thinking>" not in text
    assert "then an explanation" not in text


def test_a_sql_helper_briefed_in_chinese_is_a_sql_analyst_with_code_only_replies() -> None:
    """'SQL助手' and '数据库是MySQL': a Latin word touching CJK characters has no \\b edge for keyword patterns."""
    task = "给门店运营组用的SQL助手，数据库是MySQL 8。表：\n" + SQL_TABLES + "只输出一条SQL，代码块外面不要任何文字。"
    brief = Brief(task=task)
    matches = classify_brief(brief, read_constraints(brief))
    assert [m.id for m in matches] == ["sql_analyst"]  # no tool agent without a tool
    text = prompt(task)
    assert "Reply with the code only." in text
    assert "{{schema}}" not in text  # the brief writes its tables
    assert "FROM tickets" in text  # the example uses the brief's own table, in the MySQL dialect
    assert "DATE_FORMAT(" in text
    assert "Call a tool" not in text


CSV_ROW_BRIEF = (
    'Our stock sheets come in from four warehouses, every one formatted differently (e.g. "Bolt M8 x40, 200pcs, '
    '€0,12/pc", "M10 nut | 1k | 0.05 EUR"). I paste one line at a time. Convert it into exactly one CSV row '
    "matching this header:\n\npart_code,description,quantity,unit_price_eur\n\n"
    "unknown value = empty cell. output only the row, no header line, no code fences."
)


def test_a_csv_row_under_the_briefs_header_is_the_reply_not_a_json_record() -> None:
    fields = [c for c in read_constraints(Brief(task=CSV_ROW_BRIEF)) if c.kind == "fields"]
    assert [c.values for c in fields] == [["part_code", "description", "quantity", "unit_price_eur"]]
    text = prompt(CSV_ROW_BRIEF)
    assert "with no header row: `part_code,description,quantity,unit_price_eur`" in text
    assert "Exactly one row." in text
    assert "JSON" not in text  # no schema, no JSON example, no JSON reminder
    assert "Start the CSV with exactly this header row" not in text


@pytest.mark.parametrize(
    "text",
    [
        "You are a data cleaner for our stock sheets. Return CSV only, with the header row "
        "part_code,description,quantity,unit_price_eur and one row per input line. Leave unknown values empty.",
        "You are a data cleaner. Output CSV only. Start the CSV with exactly this header row: "
        "`part_code,description,quantity`. No prose before or after it.",
    ],
)
def test_a_csv_header_row_counts_as_named_fields_for_the_linter(text: str) -> None:
    """STR-07 ('structured output without fields') was a false error on a CSV whose header row names the columns."""
    assert "STR-07" not in [f.rule_id for f in lint_prompt(text).findings]


def test_a_csv_record_without_a_label_set_is_extracted_not_labelled() -> None:
    """The model's guess of a labeller for 'Turn … into CSV' brought 'choose exactly one label' and a {{labels}} slot
    to a record the brief lays out column by column."""
    task = (
        "Turn the night shift's voice memos into CSV. Spec: 1. Header row exactly: memo_id,aisle,item,count "
        "2. count as a whole number 3. Output the CSV only."
    )
    brief = Brief(task=task)
    assert [m.id for m in classify_brief(brief, read_constraints(brief))] == ["data_extraction"]
    text = prompt(task)
    assert "{{labels}}" not in text
    assert "`memo_id,aisle,item,count`" in text


def test_a_header_line_of_its_own_in_a_csv_brief_names_the_columns() -> None:
    task = (
        "Bakery chain - turn the shop managers' end-of-day texts into CSV for head office.\nSpec:\n"
        "1. Header row exactly: shop_id,closed_at,loaves_left,waste_kg\n2. One row per shop\n"
        "3. never make up a waste figure\n4. output the CSV only"
    )
    text = prompt(task)
    assert "Start the CSV with exactly this header row: `shop_id,closed_at,loaves_left,waste_kg`." in text
    assert "Structured output is requested without naming its fields" not in str(
        generate(Brief(task=task, target="claude")).lint
    )


JA_REPORT_BRIEF = (
    "倉庫の夜勤リーダーが書く引き継ぎメモを、朝の打ち合わせで読む要約にしたい。\n\n出力ルール:\n"
    "・見出しはこの3つだけ、この順番で：【安全】【出荷】【連絡】\n"
    "・各見出しの下は最大3行、1行30文字以内\n"
    "・絵文字は使わない。マークダウン記号（#や*）も使わない"
)


def test_japanese_per_heading_and_per_line_limits_do_not_cap_the_whole_reply() -> None:
    """'各見出しの下は最大3行、1行30文字以内' read as three whole-reply caps: 3 lines, exactly 1 line, 30 characters."""
    limits = [(c.text, c.scope) for c in read_constraints(Brief(task=JA_REPORT_BRIEF)) if c.kind == "limit"]
    assert limits == [
        ("Keep each heading's section to at most 3 lines.", "each heading's section"),
        ("Keep each line to at most 30 characters.", "each line"),
    ]


def test_japanese_bracketed_headings_are_the_replys_sections() -> None:
    outline = [c.values for c in read_constraints(Brief(task=JA_REPORT_BRIEF)) if c.value == "sections"]
    assert outline == [["【安全】", "【出荷】", "【連絡】"]]
    assert "Lead with the main conclusion" not in prompt(JA_REPORT_BRIEF)


def test_a_japanese_ban_written_after_the_feature_forbids_it() -> None:
    found = [c.forbidden for c in read_constraints(Brief(task=JA_REPORT_BRIEF)) if c.kind == "format" and c.forbidden]
    assert sorted(name for names in found for name in names) == ["emoji", "markdown"]


def test_a_japanese_item_limit_stays_per_item() -> None:
    task = "議事録を作ってください。各項目は40字以内の箇条書き。"
    limits = [c.scope for c in read_constraints(Brief(task=task)) if c.kind == "limit"]
    assert limits == ["each item"]


GRADER_BRIEF = (
    "I run a GCSE English club. I want a marker for the students' practice essays (paper 2, 350-450 words). "
    "Return ONLY this JSON:\n"
    '{"content": 0-4, "organisation": 0-4, "accuracy": 0-4, "total": 0-12, "words": n, "comment": "..."}\n'
    "- total = sum of the three marks\n- comment max 35 words, one concrete error with its fix"
)


def test_an_essay_length_in_brackets_describes_the_input_not_the_reply() -> None:
    limits = [(c.text, c.scope) for c in read_constraints(Brief(task=GRADER_BRIEF)) if c.kind == "limit"]
    assert ("Expect inputs of between 350 and 450 words.", "the input") in limits
    text = prompt(GRADER_BRIEF)
    assert "Keep the reply between 350 and 450 words" not in text
    output = text.split("<output_format>")[1]
    assert "350" not in output  # the input's size is context, not the output's format


def test_a_score_range_in_a_json_template_is_kept() -> None:
    schema = next(c.schema for c in read_constraints(Brief(task=GRADER_BRIEF)) if c.kind == "schema")
    assert schema is not None
    assert schema["properties"]["content"] == {"type": "integer", "minimum": 0, "maximum": 4}
    assert schema["properties"]["total"] == {"type": "integer", "minimum": 0, "maximum": 12}
    assert schema["properties"]["words"] == {"type": "integer"}  # "n": a count
    assert "content (0-4)" in prompt(GRADER_BRIEF)


BOOKING_BRIEF = (
    "Booking assistant for the Northfield climbing wall (auto-belay lanes A1-A4). Members message it to book.\n"
    "tools:\ncheck_member(card_no)\nbook_lane(lane_id, card_no)\n"
    "rules\n* always check_member before book_lane. expired card = no booking, send them to the front desk.\n"
    "* confirm a booking in one sentence with lane, date and time"
)


def test_a_one_sentence_confirmation_does_not_cap_every_reply() -> None:
    limits = [(c.text, c.scope) for c in read_constraints(Brief(task=BOOKING_BRIEF)) if c.kind == "limit"]
    assert limits == [
        ("Confirm a booking in one sentence with lane, date and time.", "the part this sentence names"),
    ]
    assert "Reply in exactly 1 sentence." not in prompt(BOOKING_BRIEF)


def test_escalation_goes_to_the_place_the_brief_names() -> None:
    """No hand-off to 'a human colleague who will follow up' that the brief never mentions: the front desk is its
    route to a person."""
    text = prompt(BOOKING_BRIEF)
    assert "I'm passing this to a human colleague" not in text
    assert "To escalate, send them to the front desk." in text


def test_upper_case_keyed_lines_with_descriptions_are_the_reply_layout() -> None:
    task = (
        "HR here. Turn one exit-interview transcript into a short write-up and tag the main reason for leaving.\n\n"
        "Output, plain text, no markdown:\nREASON: one of pay, manager, growth, other\nRETURN: yes / no / unclear\n"
        'NOTES: exactly 2 bullets, each starting with "- "\n\nno quotes longer than 8 words.'
    )
    text = prompt(task)
    assert "Exactly these lines, in this order: `REASON: one of pay, manager, growth, other` / `RETURN:" in text
    assert "at least 8 words" not in text  # 'no quotes longer than 8 words' caps the quotes, not the reply


def test_a_header_run_on_into_a_later_clause_keeps_only_its_columns() -> None:
    task = "Return CSV only, with the header row sku,price,stock_level, then one row per item, in the order given."
    fields = [c.values for c in read_constraints(Brief(task=task)) if c.kind == "fields"]
    assert ["sku", "price", "stock_level"] in fields
    assert "`sku,price,stock_level`" in prompt(task)
