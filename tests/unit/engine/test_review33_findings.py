"""Hostile review 33: the round-26 engine changes eb232e9, ef25bfb, e1e1731 and ae44362, on fresh briefs.

Every test fails at ae44362 and asserts what a careful prompt engineer would expect. Most cases are regressions
(the prompt was right, or at least not self-contradictory, at a2235da); the others are close variants of the very
phrasing a commit set out to read (another word order, another language, a synonym) that it still misreads.

e1e1731 (CSV replies)
1. The CSV_RECORD variant cue ("as CSV", "in CSV format") fires on the CSV the user *uploads or pastes*: the role
   says "Extract ... into CSV", the reminder "Return only the CSV", while the output format is a JSON object.
2. csv_reply() takes "Don't output CSV: the team wants a Markdown table with columns ..." as a CSV reply ('output'
   is its lead and no negation is checked): the prompt says "CSV only. Start the CSV with exactly this header row".
3. The new header alternative without a colon ("with the header row a,b,c and one row per visit", "with columns
   a, b, c in that order") lets a column name run on through the prose (`[\\w ]{0,30}`): the header the model is told
   to write is `site_id,visit_date,fault_code and one row per visi`.
4. Reply-shape words are read from anywhere in the brief: "skip the header row of the dump" / "invoices have no
   header at the top" (the input) give "with no header row" although the brief asks for exactly this header row;
   "one line per shift" (how the input arrives) gives "Exactly one row." for a many-row CSV.
5. The header-line path checks for an input word with `_INPUT_LEAD.search(text, start)`, i.e. to the *end* of the
   brief: a later spec item "if you get two days in one text ..." turns a CSV brief back into a JSON object.
6. The CSV variant replaces every JSON line but the when-unsure guardrail: "Set the uncertain field to null"
   contradicts "Leave a column empty" (CSV has no null).
7. The new "text into csv rows" cue also matches "into (a) spreadsheet": "put their monthly budget into a
   spreadsheet" (budget advice) becomes a JSON data-extraction engine; a formula helper and a bash/awk helper get
   "After the main answer, give the extracted fields as one JSON object."

ef25bfb (code-only replies, CJK seam, schema slot, tool agent)
8. The new foreign 'only' words read no clause around them: what the *user* sends ("si el alumno manda solo la
   consulta", "wenn jemand nur den Code schickt", "如果用户只给代码", "SQLだけ貼ってきたら"), "not only the code"
   ("pas seulement la requête, explique aussi", "コードだけでなく…説明"), and a customer's "consulta" ("Responde
   solamente la consulta del cliente") all give "Reply with the code only."
9. "no text outside the code block" (the commit's phrase with 'code block' for 'block') gives "Reply with the code
   only: do not use code blocks." - the brief's own ```sql fence is banned; "Don't write anything outside the code
   block" / "Do not put any text outside the code block" still give only "Do not use code blocks."
10. The CJK code-only reading misses ordinary phrasings ("仅输出SQL语句，不要任何解释", "只要SQL，不要解释",
    "出力はSQL文のみ。説明は不要。"): the output still ends "then an explanation" against an explicit ban.
11. `_TABLE_LINES` takes any two `name(a, b, c)` lines as written tables: stored-procedure signatures in a SQL
    helper brief drop the {{schema}} slot, so the model writes SQL against tables it is never shown.
12. The CJK/Latin seam lets a Latin topic word outscore the job in a Japanese brief: a teacher role quizzing new
    hires who study SQL ("SQLの勉強をしている新人に…先生役") became a SQL analyst (it was a tutor).

eb232e9 (classification)
13. The French language-pair cue ("en X … donne/écrit … en Y", "de l'X … en Y") fires on tutoring and marking
    briefs: a tutor who explains Spanish grammar in French, a marker who gives feedback in French on essays written
    in English, are now translators.
14. The foreign language pairs miss the most common forms: "du français à l'anglais", "de l'anglais au français",
    "de español a inglés", "de português para inglês", "van Engels naar Nederlands", "dall'italiano verso l'inglese".
15. The booklet/brochure cues make non-Q&A jobs document Q&A: flashcards made from a booklet become a
    question-answering assistant with citations and "I don't know based on the supplied documents"; copy written
    "using our old brochures as a style guide" gets "Answer only from the style guide" for a *new* product range.
16. Widening "answers only from a text" from 40 to 80 characters catches a format rule: "con solo texto, sin
    emojis" / "bitte nur Text ohne Emojis" in a customer-service brief now makes it document Q&A.
17. The 'opening instruction before a negation' fix is too narrow: "please teach, don't tie it for them" or
    "teach them one step at a time, don't ..." are still blanked whole, so the knot helper is no tutor.
    (Code quality: `_NEGATION` lists nunca/jamais/nie/不要/しない… but `_job_before_negation` needs an English verb
    from VERBS first, so every foreign alternative is dead code.)

ae44362 (Japanese limits and formats)
18. `_JA_BANNED_AFTER` matches affirmative sentences: "見出しなしの長文は読みにくいので、必ず見出しを付けて",
    "箇条書きを使わないと読みにくい…必ず箇条書きにして", "絵文字を使わないと堅く見える…2〜3個入れて" each forbid the
    very feature the brief requires.
19. ... and misses close variants: coordinated features ("絵文字やマークダウンは使わないで" bans only Markdown,
    "見出しや箇条書きは使わない" only lists) and other verbs ("見出しは付けないで", "絵文字は入れないで").
20. The bracketed outline `_CJK_INLINE` has no reply check: the headings of the *input* ("日報の見出しは決まっていて：
    【売上】【来客】【トラブル】。要約には見出しを付けず、3行の文章だけで") become the reply's sections; and it misses
    the same outline without a colon ("見出しは【概要】【課題】【次の一手】の3つ") or in 「」.
21. `_CJK_PER_SECTION` is too narrow and too broad: "見出しごとに2行まで" is still a 2-line cap on the whole reply,
    while "各段落は3行以内" (each paragraph) is called "each heading's section" in a brief that bans headings.
"""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import read_constraints
from tests.unit.engine.reading import archetype_ids, claude_prompt, forbidden_features, limit_texts, outlines, section

# --- e1e1731: CSV replies ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Users upload their bank statements as CSV. Extract the merchant, amount and date of every transaction "
        "over 100 euros.",
        "Every Monday I paste our Shopify export in CSV format. Pull out the customer name, the order total and the "
        "shipping country for each order.",
    ],
)
def test_a_csv_the_user_uploads_does_not_make_the_reply_csv(task: str) -> None:
    """Finding 1: the CSV is what arrives; the output format is a JSON object, yet the role and the reminder say CSV."""
    text = claude_prompt(task)
    assert "into CSV with exactly the listed columns" not in text
    assert "Return only the CSV" not in text


def test_dont_output_csv_is_no_csv_reply() -> None:
    """Finding 2: a negated CSV ('Don't output CSV: … a Markdown table') is read as the CSV reply."""
    task = (
        "Pull the line items out of each supplier invoice. Don't output CSV: the team wants a Markdown table with "
        "columns item, qty, unit_price."
    )
    text = claude_prompt(task)
    assert "Start the CSV with exactly this header row" not in text
    assert "CSV only" not in section(text, "output_format")


@pytest.mark.parametrize(
    "task",
    [
        "You read our field engineers' visit reports. Return CSV only, with the header row "
        "site_id,visit_date,fault_code and one row per visit.",
        "You read our field engineers' visit reports. Return CSV only with columns site_id, visit_date, fault_code "
        "in that order.",
    ],
)
def test_an_inline_csv_header_stops_at_its_last_column(task: str) -> None:
    """Finding 3: the header ran on into the prose ('fault_code and one row per visi')."""
    fields = [c.values for c in read_constraints(Brief(task=task)) if c.kind == "fields"]
    assert fields
    assert all(values == ["site_id", "visit_date", "fault_code"] for values in fields)
    text = claude_prompt(task)
    assert "`site_id,visit_date,fault_code`" in text


@pytest.mark.parametrize(
    "task",
    [
        "Clean up our supplier price lists. Each list arrives as a spreadsheet dump; skip the header row of the dump "
        "and any blank lines.\nOutput CSV only, with exactly this header row:\nsku,supplier,price_eur",
        "Some scanned invoices have no header at the top, so find the supplier name in the footer instead.\n"
        "Output CSV only, with exactly this header row:\ninvoice_no,supplier,total_eur",
    ],
)
def test_a_missing_header_in_the_input_is_no_headerless_reply(task: str) -> None:
    """Finding 4: 'no header' about the input turned 'with exactly this header row' into 'with no header row'."""
    text = claude_prompt(task)
    assert "Start the CSV with exactly this header row" in text
    assert "with no header row" not in text


def test_one_line_per_input_record_is_no_one_row_reply() -> None:
    """Finding 4: 'one line per shift' says how the pasted week arrives; the CSV has a row per shift."""
    task = (
        "The user pastes a week of shift notes, one line per shift. Output CSV with no header, columns:\n"
        "shift_id,worker,hours"
    )
    assert "Exactly one row." not in claude_prompt(task)


def test_a_later_input_word_does_not_undo_the_csv_header_line() -> None:
    """Finding 5: `_INPUT_LEAD` is searched to the end of the brief, so spec item 5 ('if you get …') hides the header
    line of item 1 and the reply becomes a JSON object."""
    task = (
        "Garden centre chain - turn the shop managers' end-of-day texts into CSV for head office.\nSpec:\n"
        "1. Header row exactly: shop_id,closed_at,plants_sold,waste_kg\n2. One row per shop\n"
        "3. never make up a waste figure\n4. output the CSV only\n5. if you get two days in one text, one row per day"
    )
    text = claude_prompt(task)
    assert "Start the CSV with exactly this header row: `shop_id,closed_at,plants_sold,waste_kg`." in text
    assert "JSON" not in section(text, "output_format")


def test_a_csv_record_does_not_fall_back_to_null() -> None:
    """Finding 6: CSV has no null; the brief says an unknown value is an empty cell."""
    task = (
        "Convert each pasted line into exactly one CSV row matching this header:\n\nsku,colour,size,price_eur\n\n"
        "unknown value = empty cell. output only the row, no header line."
    )
    assert "null" not in claude_prompt(task).lower()


@pytest.mark.parametrize(
    "task",
    [
        "Turn the plain-English descriptions my accountants type into spreadsheet formulas for Google Sheets.",
        "Bash helper: convert the server's access logs into CSV with awk.",
        "Help our bakery managers turn their rough weekly notes into a spreadsheet-ready summary paragraph for the "
        "owner.",
    ],
)
def test_into_a_spreadsheet_is_no_extracted_record(task: str) -> None:
    """Finding 7: a formula helper, an awk helper and a summariser get a JSON record of 'extracted fields'."""
    assert "give the extracted fields as one JSON object" not in claude_prompt(task)


def test_a_budget_put_into_a_spreadsheet_is_no_extraction_engine() -> None:
    """Finding 7: budget advice for shop owners became 'You are a data extraction engine' with a JSON schema."""
    task = "Help small shop owners put their monthly budget into a spreadsheet and explain where they overspend."
    assert archetype_ids(task)[0] != "data_extraction"


# --- ef25bfb: code-only replies, the CJK seam, the schema slot --------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        # what the user sends
        "Tuteur SQL pour débutants. Si l'élève envoie uniquement la requête sans contexte, demande-lui ce qu'il "
        "cherche à obtenir, puis explique pas à pas.",
        "Tutor de SQL para principiantes. Si el alumno manda solo la consulta sin contexto, pregúntale qué quiere "
        "obtener y luego explica paso a paso.",
        "Python-Tutor für Anfänger. Wenn jemand nur den Code schickt, frag zuerst, was er damit erreichen will, und "
        "erkläre dann Schritt für Schritt.",
        "代码评审助手。如果用户只给代码、不说明背景，先问一句这段代码是做什么的，然后给出评审意见，每条意见都说明原因。",
        "SQL講座のアシスタント。受講者がSQLだけ貼ってきたら、何をしたいのかを聞き返してから、丁寧に解説する。",
        # not only the code
        "Assistant pour débutants en SQL : commente pas seulement la requête, explique aussi chaque clause en "
        "français simple.",
        "Python入門者向けのアシスタント。コードだけでなく、なぜそう書くのかも必ず説明してください。",
        # a customer's query ('consulta'), no code at all
        "Asistente de atención al cliente de una tienda de muebles online. Responde solamente la consulta del "
        "cliente, con amabilidad y sin ofrecer productos que no haya pedido.",
        "Chatbot de atendimento de uma loja de roupas. Responda somente a consulta do cliente, com simpatia, sem "
        "empurrar promoções.",
    ],
)
def test_a_foreign_only_word_outside_a_reply_request_is_no_code_only_reply(task: str) -> None:
    """Finding 8: every one of these asks for an explanation (or is no code job at all)."""
    assert "Reply with the code only." not in claude_prompt(task)


_SQL_BRIEF = (
    "Query helper for our warehouse leads, Postgres 15. Tables:\n"
    "shipments(shipment_id, customer_id, created_at, status)\ncustomers(customer_id, name, region, tier)\n"
)


@pytest.mark.parametrize(
    "tail",
    [
        "Always one SELECT in a ```sql fence and no text outside the code block.",
        "Always one SELECT in a ```sql fence. Don't write anything outside the code block.",
        "Always one SELECT in a ```sql fence. Do not put any text outside the code block.",
    ],
)
def test_no_text_outside_the_code_block_keeps_the_code_block(tail: str) -> None:
    """Finding 9: the brief wants exactly a fenced block; the prompt bans code blocks."""
    text = claude_prompt(_SQL_BRIEF + tail)
    assert "do not use code blocks" not in text.lower()
    assert "Reply with the code only" in text


@pytest.mark.parametrize(
    "task",
    [
        "给门店运营组用的SQL助手，数据库是MySQL 8。表：\ntickets(ticket_id, store_id, opened_at, priority)\n"
        "stores(store_id, city, region, manager)\n仅输出SQL语句，不要任何解释。",
        "给门店运营组用的SQL助手，数据库是MySQL 8。表：\ntickets(ticket_id, store_id, opened_at, priority)\n"
        "stores(store_id, city, region, manager)\n只要SQL，不要解释。",
        "店舗運営チーム向けのSQLアシスタント。データベースはMySQL 8。テーブル：\n"
        "tickets(ticket_id, store_id, opened_at, priority)\nstores(store_id, city, region, manager)\n"
        "出力はSQL文のみ。説明は不要。",
    ],
)
def test_a_cjk_sql_only_reply_gets_no_explanation(task: str) -> None:
    """Finding 10: 'only SQL, no explanation' in Chinese/Japanese still ends 'then an explanation'."""
    text = claude_prompt(task)
    assert "then an explanation" not in text
    assert "Reply with the code only." in text


def test_stored_procedure_signatures_are_not_the_schema() -> None:
    """Finding 11: two `name(a, b, c)` lines are procedures, not tables: the SQL helper still needs {{schema}}."""
    task = (
        "SQL helper for our finance analysts on SQL Server. Reuse these stored procedures when they fit:\n"
        "usp_monthly_revenue(start_date, end_date, region)\nusp_open_invoices(customer_id, as_of, currency)\n"
        "Write one query per question."
    )
    assert "{{schema}}" in claude_prompt(task)


def test_a_latin_topic_word_does_not_outscore_a_japanese_tutor_job() -> None:
    """Finding 12: the seam made 'SQL' a keyword here; the job (a teacher quizzing learners) has none."""
    task = "SQLの勉強をしている新人に、クイズを出して答え合わせをする先生役。"
    assert archetype_ids(task)[0] == "tutor"


# --- eb232e9: classification ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Tuteur pour des lycéens qui apprennent l'espagnol : il explique la grammaire de l'espagnol en français, "
        "avec des exemples simples, et pose une question à la fin.",
        "Correcteur pour nos élèves : ils rédigent des dissertations en anglais et le bot donne ses commentaires en "
        "français, avec une note sur 20.",
    ],
)
def test_an_explanation_language_is_no_translation_pair(task: str) -> None:
    """Finding 13: a tutor and a marker became translators (they were tutor and grader at a2235da)."""
    assert "translation" not in archetype_ids(task)


@pytest.mark.parametrize(
    "task",
    [
        "Le bot passe les menus du français à l'anglais pour nos clients étrangers, sans changer les prix.",
        "Le bot passe les menus de l'anglais au français pour nos clients, sans changer les prix.",
        "El bot pasa los menús de español a inglés para los turistas, sin cambiar los precios.",
        "O bot passa os cardápios de português para inglês para os turistas, sem mudar os preços.",
        "De bot zet klantmails van Engels naar Nederlands, zonder iets toe te voegen.",
        "Il bot porta i menù dall'italiano verso l'inglese per i turisti, senza cambiare i prezzi.",
    ],
)
def test_common_foreign_language_pairs_are_translation(task: str) -> None:
    """Finding 14: the everyday forms of the pairs the commit reads ('à l'', 'au', no article, 'verso')."""
    assert archetype_ids(task)[0] == "translation"


def test_flashcards_from_a_booklet_are_no_document_qa() -> None:
    """Finding 15: flashcards became a question-answering assistant with citations (tutor at a2235da)."""
    task = (
        "Make 10 flashcards from the driving-theory booklet I paste: a question on the front, the answer on the back."
    )
    assert archetype_ids(task)[0] != "document_qa"
    assert "I don't know based on the supplied documents" not in claude_prompt(task)


def test_brochures_used_as_a_style_guide_do_not_ground_new_copy() -> None:
    """Finding 15: the brochures give the style; the facts of the new range cannot come from them."""
    task = "Using our old brochures as a style guide, write fresh product descriptions for the new kayak range."
    assert "Answer only from" not in claude_prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Responde a los clientes de la pizzería por WhatsApp con solo texto, sin emojis ni enlaces. Tono cercano.",
        "Antworte freundlich auf Fragen unserer Kunden zu Lieferzeiten, bitte nur Text ohne Emojis.",
    ],
)
def test_plain_text_only_is_no_answer_only_from_a_text(task: str) -> None:
    """Finding 16: 'solo texto' / 'nur Text' is a format rule; these were customer support at a2235da."""
    assert archetype_ids(task)[0] == "customer_support"


@pytest.mark.parametrize(
    "opening",
    ["please teach, don't tie it for them", "teach them one step at a time, don't tie it for them"],
)
def test_a_longer_opening_instruction_still_names_the_job(opening: str) -> None:
    """Finding 17: the same knot helper as the commit's own test, with 'please' or a longer opening."""
    task = (
        "our scout troop wants a knot helper the cubs can use at home. ages 8 to 10.\n"
        f"- {opening}: never give the full steps straight away\n- max 3 sentences per message"
    )
    assert archetype_ids(task)[0] == "tutor"


# --- ae44362: Japanese limits and formats -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "feature"),
    [
        (
            "社内報の記事を書くアシスタント。見出しなしの長文は読みにくいので、必ず見出しを付けて、各段落は短く。",
            "headings",
        ),
        (
            "お客様向けのお知らせを書くアシスタント。箇条書きを使わないと読みにくいので、手順は必ず箇条書きにして。",
            "lists",
        ),
        ("SNS投稿文を作るアシスタント。絵文字を使わないと堅く見えるので、1投稿に2〜3個入れてください。", "emoji"),
    ],
)
def test_a_japanese_reason_clause_is_no_ban(task: str, feature: str) -> None:
    """Finding 18: 'without X it is hard to read, so always use X' forbids X."""
    assert feature not in forbidden_features(task)


@pytest.mark.parametrize(
    ("task", "features"),
    [
        ("お客様への返信文を作る。絵文字やマークダウンは使わないで。", {"emoji", "markdown"}),
        ("お客様への返信文を作る。見出しや箇条書きは使わない。", {"headings", "lists"}),
        ("お客様への返信文を作る。見出しは付けないで。", {"headings"}),
        ("お客様への返信文を作る。絵文字は入れないで。", {"emoji"}),
    ],
)
def test_a_japanese_ban_covers_every_feature_it_names(task: str, features: set[str]) -> None:
    """Finding 19: 'XやYは使わない' bans only Y; '付けないで' / '入れないで' ban nothing."""
    assert features <= forbidden_features(task)


@pytest.mark.parametrize(
    "task",
    [
        "店長が書く日報を、本部向けに3行で要約してほしい。日報の見出しは決まっていて：【売上】【来客】【トラブル】。"
        "要約には見出しを付けず、3行の文章だけで。",
        "入力されるメールには必ず見出しがある：【件名】【本文】【署名】。本文だけを読んで、返信案を1つ書いて。",
    ],
)
def test_the_inputs_bracketed_headings_are_not_the_replys_sections(task: str) -> None:
    """Finding 20: the report's / e-mail's own headings became 'Use exactly these sections'."""
    assert outlines(task) == []
    assert "Use exactly these sections" not in claude_prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "週報を作るアシスタント。見出しは【概要】【課題】【次の一手】の3つ、この順番で。",
        "週報を作るアシスタント。見出しはこの3つだけ：「概要」「課題」「次の一手」。",
    ],
)
def test_a_japanese_heading_outline_without_a_colon_or_in_corner_brackets_is_read(task: str) -> None:
    """Finding 20: the same outline as the commit's, written without the colon or with 「」."""
    assert len(outlines(task)) == 1
    assert [t.strip("【】「」") for t in outlines(task)[0]] == ["概要", "課題", "次の一手"]


def test_a_per_heading_limit_written_with_goto_is_no_whole_reply_cap() -> None:
    """Finding 21: '見出しごとに2行まで' (2 lines under each heading) capped the whole reply at 2 lines."""
    assert "Keep the reply to at most 2 lines." not in limit_texts("日報の要約。見出しごとに2行まで、1行40文字以内。")


def test_a_per_paragraph_limit_is_not_a_heading_section_limit() -> None:
    """Finding 21: '各段落は最大3行' is per paragraph; the brief bans headings, yet the limit is per heading."""
    task = "社内向けのお知らせ文を書く。見出しは使わない。各段落は最大3行で。"
    assert not any("heading" in text for text in limit_texts(task))
