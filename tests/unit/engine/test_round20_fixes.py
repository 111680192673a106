"""Round 20 classes: an exact reply keeps its first person, a label list typed before an instruction line keeps its
last label, and an output-only contract gets no thinking block before the reply."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.phrasing import second_person


def test_words_in_quotes_keep_their_first_person() -> None:
    text = second_person(
        'If I mention self-harm, reply exactly: "I\'m glad you told me. Call 988." Then help me.', "user"
    )
    assert '"I\'m glad you told me. Call 988."' in text
    assert "help the user" in text


def test_a_label_list_ends_at_its_line_before_an_instruction() -> None:
    task = (
        "need a classifier for the contact form on peakline climbing's site (bristol + bath walls). every msg gets "
        "exactly one of: membership, kids_camp, route_setting, injury_report, other\noutput the label ONLY. lowercase, "
        "no punctuation, no explanation."
    )
    result = generate(Brief(task=task, target="claude"))
    labels = [c.values for c in result.constraints if c.kind == "labels"]
    assert labels == [["membership", "kids_camp", "route_setting", "injury_report", "other"]]
    assert "other output the label" not in result.prompt


def test_an_output_only_contract_gets_no_thinking_block() -> None:
    prompt = generate(
        Brief(
            task="Review pull requests for our Go service. Output ONLY a markdown table with columns file:line, "
            "severity, problem, fix. If there's nothing to flag output exactly: LGTM",
            target="claude",
        )
    ).prompt
    assert "<thinking>" not in prompt
    assert "work through these steps" not in prompt


def test_one_line_per_person_is_no_one_line_reply() -> None:
    from app.engine.constraints import extract_constraints

    texts = [
        c.text
        for c in extract_constraints(
            Brief(task="議事録から各担当者のタスクをまとめる。1人1行・60文字以内、行頭は「氏名：」。")
        )
        if c.kind == "limit"
    ]
    assert texts == ["Make each person's entry exactly 1 line.", "Keep each line to at most 60 characters."]


def test_a_field_limit_after_the_fields_language_limits_the_field() -> None:
    result = generate(
        Brief(
            task='Beoordeel elke review. Output alleen JSON: {"label": "...", "uitleg": "..."}\n'
            '- "uitleg" in het Nederlands, maximaal 12 woorden.\n- Labels: OK, SPAM, KLACHT.',
            target="claude",
        )
    )
    texts = [c.text for c in result.constraints if c.kind == "limit"]
    assert texts == ["Keep the uitleg field to at most 12 words."]


def test_a_tool_output_and_a_column_comment_set_no_reply_format_or_labels() -> None:
    result = generate(
        Brief(
            task="Analytics helper for Cartwise. The assistant writes Postgres and runs it.\nTools:\n"
            "- run_sql(sql: str) -> rows as JSON\n\nTables:\n"
            "tickets(ticket_id bigint, opened_at timestamptz, state text)  -- state: 'open', 'pending', 'closed'\n\n"
            "Reply with the SQL in a ```sql block, then the answer in one sentence.",
            target="claude",
        )
    )
    kinds = [(c.kind, c.value) for c in result.constraints]
    assert ("format", "json") not in kinds
    assert not [c for c in result.constraints if c.kind == "labels"]
    assert "A single JSON object" not in result.prompt


def test_a_foreign_column_heading_scopes_its_limit() -> None:
    from app.engine.constraints import extract_constraints

    def limits(task: str) -> list[str]:
        return [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]

    assert limits("Una tabla: Término | Definición.\n- Definición: máximo 25 palabras.") == [
        "Keep the definición to at most 25 words."
    ]
    assert limits("Asistente de la tienda.\n- Respuesta: máximo 50 palabras.") == [
        "Keep the reply to at most 50 words."
    ]


def test_a_german_essay_grader_is_a_grader() -> None:
    result = generate(
        Brief(
            task="Ich unterrichte Deutsch an der Gesamtschule Eichenau, 8. Klasse. Die Schüler:innen schreiben eine "
            "Erörterung zum Thema „Sollte Werbung für Süßigkeiten verboten werden?“. Ich hätte gern einen Assistenten, "
            "der jeden Aufsatz nach unserem Raster vorbewertet. Keine Bemerkungen über die Person des Kindes.",
            target="claude",
        )
    )
    assert result.archetypes[0].id == "grader"


def test_a_patient_is_a_person_not_a_tone() -> None:
    from app.engine.brief import extract_entities

    assert "patient" not in extract_entities("Write a letter the patient takes home.").tone
    assert "patient" not in extract_entities("The assistant is the patient and stays in character.").tone
    assert "patient" in extract_entities("Be patient and encouraging with beginners.").tone


def test_a_letter_from_clinical_shorthand_is_written_from_notes_without_chat_packs() -> None:
    result = generate(
        Brief(
            task="I'm a registrar on Ward 3 at Eastmoor Hospital. I want an assistant that turns my discharge "
            "shorthand into a letter the patient takes home. Plain English, no abbreviations. At most 200 words.",
            target="claude",
        )
    )
    assert "who turns notes into finished texts" in result.prompt or "writer" in result.prompt.split("\n", 3)[1]
    assert "If the person describes signs of an emergency" not in result.prompt
    assert "Patient: re-explain" not in result.prompt


def test_a_chinese_output_outline_replaces_the_default_shape() -> None:
    result = generate(
        Brief(
            task="我们卖手冲咖啡豆，主要在小红书上卖。帮我做一个写商品文案的助手，每次我给它产品信息，它输出：\n\n"
            "1. 标题：不超过18个字\n2. 三个卖点：每个卖点一行，每行不超过25个字\n"
            "3. 结尾固定加一句：「欢迎到店品尝」\n\n"
            "语气亲切，不要表情符号。",
            target="claude",
        )
    )
    prompt = result.prompt
    assert "Use these sections, in this order" in prompt
    assert "Three variants" not in prompt
    assert "Offer three distinct variants" not in prompt
    assert "End with one clear call to action" not in prompt


def test_questions_the_brief_says_never_to_answer_settle_the_packs_advice_line() -> None:
    from app.engine.safety.settled import settled_domains

    assert "medical" in settled_domains(
        ["Any question about side effects or doses -> hand it to the pharmacist. Never answer those yourself."]
    )
    assert "veterinary" in settled_domains(
        ["Pet owners asking medical questions about their animal: don't answer the medical part; invite them in."]
    )
    assert "medical" not in settled_domains(["Never answer questions about our competitors."])
