"""Review 28 findings: regressions introduced between a4183d8 and HEAD (label + reason replies, upper-case decision
and field labels, a label set on the line after its intro, ・ in Japanese labels, 'same JSON with the same keys',
the YAML record variant, item numbers stripped from non-English details, numbered lines and sequence leads,
role-play cues in other languages)."""

from __future__ import annotations

import random
import time

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def _labels(task: str) -> list[list[str]]:
    return [list(c.values) for c in read_constraints(Brief(task=task)) if c.kind == "labels"]


def test_a_reason_the_input_carries_is_no_reason_to_give() -> None:
    """_REASON_FOLLOWS (87fa925) fires on any 'and a reason' in the brief: 'Users often write a rating and a
    reason' describes the reviews, yet the tagger is told 'After the label, give the reason.' beside the brief's own
    'Output the tag only, max 1 word.', and the bare-label examples are dropped."""
    task = (
        "Sentiment tagger for app store reviews. Users often write a rating and a reason. Tag each review positive, "
        "negative or mixed. Output the tag only, max 1 word."
    )
    prompt = _prompt(task)
    assert "give the reason" not in prompt
    assert "Start the reply with exactly one of these labels" not in prompt


def test_a_refused_reason_in_chinese_is_no_reason_to_give() -> None:
    """_CJK_REASON_FOLLOWS (87fa925) takes '，' plus up to eight characters before 理由/原因 as a reason that follows
    the label, so '只输出标签，不需要写理由' (output only the label, no reason needed) makes the prompt demand one:
    'After the label, give the reason.'"""
    task = "帮我给用户评论做情感分类。标签：正面、负面、中性。只输出标签，不需要写理由。"
    prompt = _prompt(task)
    assert "give the reason" not in prompt


def test_an_upper_case_word_after_the_last_decision_is_no_part_of_it() -> None:
    """_UPPER_NAME (87fa925) lets a decision name be two upper-case words, excluding only a few English glue words:
    'Reply KEEP or REMOVE FIRST, then one line on why' gives the labels KEEP and 'REMOVE FIRST' (a4183d8: KEEP,
    REMOVE), and the stricter-label tie-break is lost with it."""
    task = "Moderation bot for our forum. Reply KEEP or REMOVE FIRST, then one line on why."
    assert _labels(task) == [["KEEP", "REMOVE"]]


def test_an_acronym_in_a_stack_description_is_no_label_field() -> None:
    """_UPPER_FIELD_IS (a03fc5e) reads any upper-case word + 'is' + upper-case words as a field and its values:
    'Our API is REST/JSON' in a code reviewer's brief becomes a label set, and the review format ends with 'Use only
    these categories: REST or JSON; never name another.'"""
    task = (
        "Code review assistant for our backend team. Our API is REST/JSON, the ORM is SQLAlchemy, and tests run on "
        "GitHub Actions. Point out bugs and risky changes, most important first."
    )
    assert _labels(task) == []
    assert "Use only these categories" not in _prompt(task)


def test_a_line_after_an_intro_that_only_contains_a_label_word_is_no_label_set() -> None:
    """label_line (3285881) accepts any intro whose words merely contain a _LABEL_CONTEXT stem: 'router' (route) and
    'Priority' (priorit) make the status lights of a router and a company's regions label sets, so a support bot is
    told to 'Use only these categories: green, orange or flashing red' or to end each reply with a 'Label:' line."""
    router = (
        "Support bot for customers of our fibre router. The status light on the router can be:\n"
        "green, orange or flashing red\n"
        "Walk them through a restart if the light is flashing red, and book an engineer if that doesn't fix it."
    )
    regions = (
        "Priority support assistant for our enterprise customers. We have offices in three regions:\n"
        "EMEA, APAC and the Americas\n"
        "Always answer in English and mention the right regional support email."
    )
    assert _labels(router) == []
    assert _labels(regions) == []
    assert "Use only these categories" not in _prompt(router)
    assert '"Label:"' not in _prompt(regions)


def test_a_stronger_separator_elsewhere_does_not_glue_japanese_labels() -> None:
    """3285881 stops splitting on ・ as soon as the list holds one ／, /, 、 or ，. When ・ is the separator and a
    slash sits inside one label ('返品/交換') or a 、 follows the list, the labels are glued together:
    ['請求・配送・返品', '交換・その他'] and ['質問・報告・雑談', …] (a4183d8 kept 請求, 配送 and 質問, 報告, 雑談)."""
    slash = (
        "問い合わせメールを分類するボットです。カテゴリ：請求・配送・返品/交換・その他。"
        "カテゴリ名だけを返してください。"
    )
    comma = (
        "社内チャットの投稿を分類してください。分類：質問・報告・雑談、どれにも当てはまらない場合は「その他」。"
        "ラベルのみ出力。"
    )
    slash_labels = _labels(slash)
    assert slash_labels
    assert {"請求", "配送", "その他"} <= set(slash_labels[0])
    comma_labels = _labels(comma)
    assert comma_labels
    assert comma_labels[0][:3] == ["質問", "報告", "雑談"]


def test_same_format_is_not_the_shape_of_an_input_json() -> None:
    """_SAME_SHAPE (7ac8ead) matches 'same format' or 'same keys' anywhere in the brief: a call summariser that
    must 'reply in JSON, always in the same format' is told to return 'JSON with exactly the keys and structure of
    the input's JSON', though its input is a call transcript, not JSON."""
    calls = (
        "Summarise each recorded sales call for our CRM. Reply in JSON, always in the same format, so the dashboard "
        "can read it."
    )
    tickets = (
        "Turn the customer's complaint email into a support ticket. Return JSON with the same keys as our Zendesk "
        "import: subject, priority, summary."
    )
    assert "the input's JSON" not in _prompt(calls)
    assert "the input's JSON" not in _prompt(tickets)


def test_all_tags_keeps_the_named_json_keys() -> None:
    """_NO_FIELD (7ac8ead) empties the whole field list when one name starts with all_/other_/each_…: 'Return JSON
    with the title, the description and all tags' loses title, description and all_tags (a4183d8's schema) and falls
    back to the generic {answer, confidence} schema."""
    task = "Write product descriptions for our webshop. Return JSON with the title, the description and all tags."
    prompt = _prompt(task)
    assert '"title"' in prompt
    assert '"confidence"' not in prompt


def test_a_yaml_input_or_a_refused_yaml_is_no_yaml_record() -> None:
    """YAML_RECORD (54c7849) fires on any 'yaml' word: an extractor that reads a pasted docker-compose.yaml, or one
    told 'Return JSON rather than YAML', gets YAML rules, 'Return only the YAML document' and (for the array) the
    generic {answer, confidence} schema, beside the brief's 'Return only valid JSON'."""
    compose = (
        "Extract every service name and its image from the docker-compose.yaml the user pastes. Return a JSON array."
    )
    rather = "Extract name, email and company from each signup email. Return JSON rather than YAML."
    for task in (compose, rather):
        prompt = _prompt(task)
        assert "YAML document" not in prompt
        assert '"confidence"' not in prompt


def test_a_decimal_opening_a_chinese_line_keeps_its_integer_part() -> None:
    """_LEADING_ITEM_NUMBER (6fcfe9e) strips '\\d{1,2}.' from every detail of a multi-line non-English brief, with no
    check that a digit follows: '1.5米以上的家具需要预约送货' becomes '5米以上的家具需要预约送货' (1.5 m -> 5 m)."""
    task = (
        "家具店的客服机器人。回答营业时间和送货的问题。\n"
        "营业时间：每天10:00-21:00。\n"
        "1.5米以上的家具需要预约送货。\n"
        "不要承诺具体的送货时间。"
    )
    prompt = _prompt(task)
    assert "1.5米以上的家具需要预约送货" in prompt


def test_a_date_opening_a_line_is_no_item_number() -> None:
    """inline_marker (a26ccd5) makes any 'NN. ' at a line start a list item, and 6fcfe9e then strips it as the
    brief's item number: the café's '24. und 31. Dezember haben wir nur bis 12 Uhr offen.' loses its 24 and the
    Dutch '1. januari zijn we gesloten.' its 1 (a4183d8 kept both dates)."""
    german = (
        "Chatbot für unser Café in Leipzig. Beantworte Fragen zu Öffnungszeiten und Speisekarte.\n"
        "Öffnungszeiten: Mo–Fr 8–18 Uhr, Sa 9–14 Uhr.\n"
        "24. und 31. Dezember haben wir nur bis 12 Uhr offen.\n"
        "Keine Reservierungen über den Bot annehmen."
    )
    dutch = (
        "Chatbot voor ons café in Utrecht. Beantwoord vragen over openingstijden.\n"
        "Wij zijn open van 8 tot 18 uur.\n"
        "1. januari zijn we gesloten."
    )
    assert "24. und 31. Dezember" in _prompt(german)
    assert "1. januari" in _prompt(dutch)


def test_the_following_points_is_no_sequence_lead() -> None:
    """_SEQUENCE_LEAD (a26ccd5) counts '(these|the following) points/things/details:' as a sequence, so a plain
    numbered list of rules is glued into one rule 'Keep in mind the following points: 1) Never give dosage advice …;
    2) Always reply in Spanish; 3) …', with the language rule stated twice and the prohibition's own wording lost."""
    task = (
        "Customer support bot for our online pharmacy. Keep in mind the following points:\n"
        "1. Never give dosage advice, refer them to a pharmacist.\n"
        "2. Always reply in Spanish.\n"
        "3. Keep answers under 80 words."
    )
    prompt = _prompt(task)
    assert "2) Always reply in Spanish" not in prompt
    assert "Never give dosage advice; instead, refer them to a pharmacist." in prompt


def test_del_rol_and_no_rol_are_no_role_play() -> None:
    """The role-play cue (771b441) takes '(del|no|…) rol' as 'out of character': the Spanish 'descripción del rol'
    (a job description) and the Portuguese 'no rol de documentos' (in the list of documents) turn a job-ad writer
    and a registry office helper into 'a role-play partner who stays in character'."""
    job_ads = (
        "Escribe ofertas de empleo para nuestra web a partir de la descripción del rol que te pasa el equipo de RRHH. "
        "Tono cercano, máximo 250 palabras."
    )
    registry = (
        "Quero um assistente para o cartório: diz ao cliente se o documento dele está no rol de documentos aceitos "
        "para o registro."
    )
    for task in (job_ads, registry):
        assert "role-play partner" not in _prompt(task)


def test_long_runs_of_numbered_lines_stay_linear() -> None:
    """_with_item_lists scans every following item for each detail, and since a26ccd5/671381f every numbered line
    is such an item: 35 KB of pasted answer keys ('1. B', '2. D', …) took ~30 s at HEAD against ~1 s at a4183d8.

    Linear, not fast, is the claim, so the test compares two sizes of the same brief rather than a fixed number of
    seconds (which a slower or busier machine breaks): four times the lines may cost at most about four times the
    time, where the quadratic scan cost sixteen."""
    rng = random.Random(28)

    def cpu_seconds(lines: int) -> float:
        keys = "\n".join(f"{i % 40 + 1}. {rng.choice('ABCD')}" for i in range(lines))
        task = (
            "Grading assistant for my Year 9 science quizzes. Answer keys for this term, one quiz after another:\n"
            f"{keys}\nMark each student's answers against the key and give the score out of 40."
        )
        started = time.process_time()
        generate(Brief(task=task, target="claude"))
        return time.process_time() - started

    cpu_seconds(200)  # warm the engine's lazy loads, which would weigh on the smaller size only
    small, large = cpu_seconds(1500), cpu_seconds(6000)
    assert large < 8 * small
