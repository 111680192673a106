"""Hostile review 34: the fixes of d497135 (review 33), on fresh briefs.

Every test fails at d497135. Most cases are regressions (the prompt was right at d497135~1 and is wrong now); the
others are the very phrasing a fix set out to read (the same construction, a sibling word) that it still misreads.

CSV replies (archetypes/variants.py CSV_RECORD, constraints/csv_reply.py)
1. The new CSV_RECORD cue takes any 'extract|give|write|list … CSV' within 40 characters: the CSV that *arrives*
   ("Extract the totals from the CSV our bank sends", "Our accountants give us a CSV export", "The clinic's old
   system writes CSV files") makes the reply CSV again - "Success means valid CSV with exactly the listed columns"
   and "Return only the CSV" with no column listed - the exact defect finding 1 of review 33 set out to fix.
2. The new `unless` (negation + any one word + 'csv') and the narrower cue drop real CSV replies to a JSON object:
   "Never add CSV headers …" / "Don't quote CSV values" (a rule *about* the CSV) and "as CSV please" / "becomes one
   CSV row" (no verb from the new list) now give "A single JSON object … Return only the JSON object".
3. `_ABOUT_INPUT` lists 'skip', the very word of `_NO_HEADER_ROW` ("skip the header"), so "Skip the header row when
   you reply" is always read as input; and any 'input' / 'receive' / 'export' in the sentence ("No header row, one
   row per item in the input") does the same: the prompt says "Start the CSV with exactly this header row" against
   an explicit "no header row".
4. The snake_case trim keeps the first word of the prose as a column: "header row sku,price,stock_level, then one
   row per product" gives the header `sku,price,stock_level,then`; "columns caller_name,phone,reason, in that
   order" gives `caller_name,phone,reason,in`.

Code-only replies (constraints/formats.py _CODE_ONLY)
5. The foreign branch now needs a verb from a short list: "Dame solo el SQL, sin explicaciones" (an SQL helper now
   gets "Plain prose.") and "Genera solo el código Python" lose the code-only reply they had; the commonest form
   with a listed verb, "Responde solo con el código SQL", is still missed ('con' between 'solo' and the code).
6. The CJK branch dropped 给 and the bare 'SQLだけ/コードのみ': "只给SQL，不要任何解释", "SQLだけで答えてください",
   "コードのみ、説明なしで" lost "Reply with the code only" and end with "then an explanation" again.

Japanese bans (constraints/formats.py _JA_BANNED_AFTER, _JA_LISTED_BEFORE)
7. The rewrite dropped '避けて' and limits 'なし' to the end of a clause: "絵文字は避けてください",
   "マークダウンなしで", "見出しなしで", "箇条書きは避けて" are no longer bans.
8. `_JA_LISTED_BEFORE` takes '、' as a list separator across clauses: "形式は見出しと箇条書き、絵文字は不要です"
   forbids headings and lists (the format the brief asks for); "必ず見出し、顔文字は使わないで" forbids headings.

Outlines (constraints/sections.py _CJK_INPUT_HEADINGS)
9. The input-word check fires on the reply's own document: a 日報 writer's "日報の見出しは次の3つ：【…】" and an
   apology mail's "メールの見出しは【お詫び】【原因】【今後の対応】の3つ" are no outline (the first was at
   d497135~1; the second is the colon-less form the fix meant to read).

Classification (archetypes/language.py, data.py)
10. The foreign pairs were widened without the verb check French got: a Portuguese tutor for students "migrando de
    espanhol para português" and a Dutch bijlesdocent explaining "de grammatica van Engels in het Nederlands" are
    now translators (primary); a Spanish tutor correcting a student who switches "de español a inglés" gets the
    translator as a secondary - finding 13 of review 33 again, in other languages.
11. "using only a source" (weight 8) makes any 'usando solo il documento / el resumen / nuestra guía' document Q&A:
    a meeting-minutes summary becomes a question-answering assistant with citations and "I don't know based on the
    supplied documents"; study flashcards made from a summary (finding 15's case in Spanish) become Q&A; product
    copy written "usando solo nuestra guía de estilo" gets "Answer only from the supplied documents".
12. The CJK tutor role '辅导' also means counselling/coaching: a university's psychological counselling assistant
    (心理辅导) and a career coach (职业辅导顾问) are now tutors.
"""

from __future__ import annotations

import pytest

from tests.unit.engine.reading import archetype_ids, claude_prompt, forbidden_features, outlines, section

# --- CSV replies ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Extract the totals from the CSV our bank sends. For each month give the income, the spending and the balance.",
        "Our accountants give us a CSV export of expenses each month. Pull out the vendor, amount and date of every "
        "expense above 500 dollars.",
        "Pull the patient name, date of birth and allergy list out of each intake form. The clinic's old system "
        "writes CSV files but we now scan paper forms.",
    ],
)
def test_a_csv_that_arrives_does_not_make_the_reply_csv(task: str) -> None:
    """Finding 1: 'extract/give/write … CSV' about the input is read as a CSV reply with no columns."""
    text = claude_prompt(task)
    assert "Return only the CSV" not in text
    assert "valid CSV with exactly the listed columns" not in text


@pytest.mark.parametrize(
    "task",
    [
        "Convert every parking ticket photo transcript into a CSV line: plate, street, fine. Never add CSV headers "
        "or any text around the line.",
        "Turn each payment SMS into exactly one CSV row with the fields phone, date and amount. Don't quote CSV "
        "values, our parser splits on commas.",
        "I need the merchant, date and total of each receipt pasted below, as CSV please, one row per receipt.",
        "Each scanned receipt becomes one CSV row with the columns date, merchant, total.",
    ],
)
def test_a_csv_reply_is_not_turned_into_a_json_object(task: str) -> None:
    """Finding 2: a rule about the CSV, or a CSV asked without a listed verb, gives a JSON object reply."""
    text = claude_prompt(task)
    assert "Return only the JSON object" not in text
    assert "Return only the CSV" in text


@pytest.mark.parametrize(
    "task",
    [
        "Turn each delivery note into CSV with the header row: note_id,driver,litres,collected_at. Skip the header "
        "row when you reply, our importer adds its own.",
        "Output CSV with the columns: order_id,sku,qty. No header row, one row per item in the input.",
        "Return CSV with columns ticket_id,category,priority. One row per ticket, no header row; each reply is "
        "appended to the log we export weekly.",
    ],
)
def test_no_header_row_for_the_reply_is_kept(task: str) -> None:
    """Finding 3: 'skip the header row' / a sentence naming the input cancels the brief's own 'no header row'."""
    output = section(claude_prompt(task), "output_format")
    assert "Start the CSV with exactly this header row" not in output
    assert "with no header row" in output


@pytest.mark.parametrize(
    ("task", "header"),
    [
        (
            "Output CSV with the header row sku,price,stock_level, then one row per product mentioned in the email.",
            "`sku,price,stock_level`",
        ),
        (
            "Turn each voicemail into one CSV row with columns caller_name,phone,reason, in that order.",
            "`caller_name,phone,reason`",
        ),
    ],
)
def test_snake_case_header_has_no_phantom_column(task: str, header: str) -> None:
    """Finding 4: the first word of the prose after the snake_case columns becomes an extra column."""
    output = section(claude_prompt(task), "output_format")
    assert header in output


# --- code-only replies ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Eres un asistente de SQL para el equipo de ventas. Te describo lo que necesito en español y tú me das la "
        "consulta para PostgreSQL. Dame solo el SQL, sin explicaciones.",
        "Genera solo el código Python, sin comentarios ni explicaciones. El usuario describe una tarea de "
        "automatización de hojas de cálculo.",
        "Asistente de SQL para nuestro equipo. Responde solo con el código SQL, nada de explicaciones.",
    ],
)
def test_foreign_only_the_code_is_a_code_only_reply(task: str) -> None:
    """Finding 5: 'Dame/Genera solo el código' lost the code-only reply; 'Responde solo con el código' is missed."""
    output = section(claude_prompt(task), "output_format")
    assert "code only" in output
    assert "explanation" not in output


@pytest.mark.parametrize(
    "task",
    [
        "你是我们数据团队的SQL助手。用户用中文描述需求。只给SQL，不要任何解释。",
        "あなたは営業チーム向けのSQLアシスタントです。ユーザーが日本語で要件を書くので、SQLだけで答えてください。説明は不要です。",
        "社内向けのPythonアシスタントです。コードのみ、説明なしで。",
    ],
)
def test_cjk_only_the_code_is_a_code_only_reply(task: str) -> None:
    """Finding 6: '只给SQL', 'SQLだけで答えて', 'コードのみ' no longer give a code-only reply."""
    output = section(claude_prompt(task), "output_format")
    assert "code only" in output
    assert "explanation" not in output


# --- Japanese bans -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "feature"),
    [
        ("社内報の記事を要約するアシスタントです。要約は3文以内で、絵文字は避けてください。", "emoji"),
        ("商品説明文を書いてください。箇条書きは避けて、自然な文章で。", "lists"),
        (
            "お客様からの問い合わせメールに返信する文章を作ってください。マークダウンなしで、丁寧な敬語で書いてください。",
            "markdown",
        ),
        ("新入社員向けのFAQに答えるボットです。回答は見出しなしで、200字以内にまとめてください。", "headings"),
        ("日報を要約してください。絵文字なしでお願いします。", "emoji"),
    ],
)
def test_japanese_avoid_and_nashi_de_still_ban(task: str, feature: str) -> None:
    """Finding 7: '避けて' and 'なしで' are no longer read as bans."""
    assert feature in forbidden_features(task)


@pytest.mark.parametrize(
    ("task", "required"),
    [
        ("週報を要約してください。形式は見出しと箇条書き、絵文字は不要です。", {"headings", "lists"}),
        ("議事録をまとめるアシスタントです。必ず見出し、顔文字は使わないでください。", {"headings"}),
    ],
)
def test_a_clause_before_the_ban_is_not_banned(task: str, required: set[str]) -> None:
    """Finding 8: a feature the previous clause asks for shares the next clause's ban through '、'."""
    forbidden = forbidden_features(task)
    assert "emoji" in forbidden
    assert not (required & forbidden)


# --- outlines ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "titles"),
    [
        (
            "箇条書きのメモから日報を書くアシスタントです。日報の見出しは次の3つ：【今日やったこと】【明日やること】【課題】",
            ["【今日やったこと】", "【明日やること】", "【課題】"],
        ),
        (
            "お客様へのお詫びメールを作成してください。メールの見出しは【お詫び】【原因】【今後の対応】の3つにしてください。",
            ["【お詫び】", "【原因】", "【今後の対応】"],
        ),
    ],
)
def test_the_replys_own_document_headings_are_an_outline(task: str, titles: list[str]) -> None:
    """Finding 9: '日報' / 'メール' before the headings is read as the input even when it is what the reply writes."""
    assert outlines(task) == [titles]


# --- classification ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Você é um professor particular para alunos que estão migrando de espanhol para português. Explique os "
        "falsos cognatos e proponha exercícios.",
        "Je bent een bijlesdocent voor havo-leerlingen. Leg de grammatica van Engels in het Nederlands uit, met korte "
        "voorbeelden en een oefening.",
        "Eres un tutor de inglés para adolescentes. Cuando el alumno cambie de español a inglés a mitad de frase, "
        "corrígele con amabilidad y explica la regla.",
    ],
)
def test_a_language_tutor_is_no_translator(task: str) -> None:
    """Finding 10: the widened ES/PT/NL pairs need no verb that carries text over."""
    assert "translation" not in archetype_ids(task)


def test_a_summary_using_only_the_attached_document_stays_a_summary() -> None:
    """Finding 11: 'usando solo il documento allegato' turns a summarizer into cited document Q&A."""
    task = "Riassumi il verbale della riunione in cinque punti, usando solo il documento allegato."
    assert archetype_ids(task)[0] == "summarization"
    assert "I don't know based on the supplied documents" not in claude_prompt(task)


def test_flashcards_from_a_summary_are_no_document_qa() -> None:
    """Finding 11: flashcards made 'usando solo el resumen' are document Q&A (review 33 finding 15, in Spanish)."""
    task = "Crea fichas de estudio para mis alumnos de biología usando solo el resumen del tema que te pego."
    assert archetype_ids(task)[0] != "document_qa"


def test_a_style_guide_is_no_source_to_answer_from() -> None:
    """Finding 11: copy written 'usando solo nuestra guía de estilo' is told to answer only from documents."""
    task = (
        "Redacta descripciones de producto para nuestra tienda online usando solo nuestra guía de estilo: tono "
        "cercano, frases cortas, sin tecnicismos."
    )
    assert "document_qa" not in archetype_ids(task)
    assert "Answer only from the supplied documents" not in claude_prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "你是大学心理辅导中心的助手。学生来倾诉压力时，先共情倾听，再给出一两个实用建议；如有自伤风险，提供校内心理热线。",
        "你是公司的职业辅导顾问，帮助员工修改简历和准备面试。",
    ],
)
def test_counselling_is_no_tutoring(task: str) -> None:
    """Finding 12: '辅导' in 心理辅导 / 职业辅导 (counselling, coaching) makes the assistant a tutor."""
    assert "tutor" not in archetype_ids(task)
