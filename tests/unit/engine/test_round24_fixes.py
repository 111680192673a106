"""Round 24 fixes (bench/eval/fresh/round24-review.md): label sets on their own line, forms and closing lines the
reply fills in, YAML records, the input's own JSON shape, conditions without a comma, escalation through the brief's
complaints route, jobs and role-plays in other languages, numbered lists, topics that are no audience, and inputs
that stay linear."""

from __future__ import annotations

import time

from app.engine.brief import Brief
from app.engine.classify import score_all
from app.engine.generate import generate, read_constraints

_ROUTING_JA = (
    "賃貸管理会社の問い合わせフォームに届くメールを自動で振り分けたいです。\n"
    "カテゴリは以下のどれか1つ：\n"
    "  修理依頼 ／ 家賃・契約 ／ 騒音・近隣トラブル ／ 退去 ／ その他\n"
    '出力はJSONのみ、形式は {"category": "...", "urgent": true/false} です。\n'
    "どれにも当てはまらないときは「その他」。"
)


def _labels(task: str) -> list[list[str]]:
    return [c.values for c in read_constraints(Brief(task=task)) if c.kind == "labels"]


def test_a_set_on_the_line_after_its_intro() -> None:
    task = "Route tenant emails. Categories:\n  repair / rent / noise / moving out / other\nOutput the category only."
    assert _labels(task) == [["repair", "rent", "noise", "moving out", "other"]]


def test_japanese_labels_keep_their_middle_dot() -> None:
    assert _labels(_ROUTING_JA) == [["修理依頼", "家賃・契約", "騒音・近隣トラブル", "退去", "その他"]]


def test_the_set_is_the_schema_enum_and_no_other_label_is_invented() -> None:
    prompt = generate(Brief(task=_ROUTING_JA, target="claude")).prompt
    assert '"enum": ["修理依頼", "家賃・契約", "騒音・近隣トラブル", "退去", "その他"]' in prompt
    assert "{{labels}}" not in prompt
    assert 'Use the label "other"' not in prompt


def test_an_intro_about_something_else_is_no_label_set() -> None:
    task = "Write release notes. Sections:\n  Added / Fixed / Removed\nKeep it short."
    assert _labels(task) == []


_LOCALISE = (
    "Localise our app strings from English into Brazilian Portuguese. I'll paste a JSON object of key: string pairs, "
    "return the same JSON with the same keys, only the values translated."
)


def test_the_same_json_back_gets_no_invented_schema() -> None:
    prompt = generate(Brief(task=_LOCALISE, target="claude")).prompt
    assert "same_keys" not in prompt
    assert '"answer"' not in prompt
    assert "JSON with exactly the keys and structure of the input's JSON" in prompt


def test_a_language_variety_is_the_target_language() -> None:
    prompt = generate(Brief(task=_LOCALISE, target="claude")).prompt
    assert "the target language" not in prompt
    assert "a native Portuguese speaker" in prompt


_CALENDAR = (
    "Assistant for me (Tomasz Wierzbicki, COO at Fernhill Robotics) to handle meeting requests in my inbox. "
    "It has these tools (JSON from our integration):\n\n"
    '[\n  {"name": "search_calendar", "description": "List busy slots",\n'
    '   "parameters": {"start": "ISO 8601 datetime"}}\n]\n\n'
    "Propose 2 or 3 slots, never before 09:30 or after 17:00 Warsaw time. Draft replies under 120 words."
)


def test_a_tool_list_in_json_does_not_make_the_reply_json() -> None:
    prompt = generate(Brief(task=_CALENDAR, target="claude")).prompt
    assert "tomasz_wierzbicki" not in prompt
    assert "Never before 09." not in prompt
    assert "09:30" in prompt


_FINANCE_ZH = (
    "我们是「青禾理财」App，想做一个在线客服助手，回答用户关于App操作的问题。\n"
    "要求：\n"
    "1. 绝对不能推荐具体基金或产品。\n"
    "2. 每次回答不超过150字。\n"
    "3. 每条回答最后都要加一句：投资有风险，入市需谨慎。\n"
)


def test_a_sentence_to_add_is_no_sentence_count() -> None:
    limits = [c for c in read_constraints(Brief(task=_FINANCE_ZH)) if c.kind == "limit"]
    assert [(c.unit, c.maximum, c.exact) for c in limits] == [("characters", 150, None)]


def test_the_briefs_item_numbers_and_heading_stay_out_of_the_rules() -> None:
    prompt = generate(Brief(task=_FINANCE_ZH, target="claude")).prompt
    assert "要求：" not in prompt
    assert ". 2. 每次回答" not in prompt
    assert "每次回答不超过150字。" in prompt


def test_a_condition_without_its_comma_forbids_nothing() -> None:
    found = read_constraints(
        Brief(
            task="Write SQL for our analysts.",
            constraints=["if it can't be answered from these tables say so and tell them to ask in #data-help"],
        )
    )
    assert [c.kind for c in found if c.kind == "prohibition"] == []
    assert any(c.text.endswith("tell them to ask in #data-help.") for c in found)


def test_the_conditions_own_verb_does_not_end_it() -> None:
    found = read_constraints(Brief(task="Greet visitors.", constraints=["if they say hello respond with a greeting"]))
    assert all("Do not" not in c.text for c in found)


def test_a_yaml_record_is_not_described_as_json() -> None:
    task = "Extract the invoice number, date and total from the OCR text. Output as YAML, not JSON; no code fences."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "One YAML document" in prompt
    assert "JSON object" not in prompt
    assert "```json" not in prompt
    assert "Return only the YAML document, with null for missing fields." in prompt


def test_json_not_yaml_stays_json() -> None:
    task = "Extract the invoice number, date and total from the OCR text as JSON, not YAML."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "A single JSON object" in prompt
    assert "YAML document" not in prompt


def test_building_a_tutor_is_the_job_after_a_greeting() -> None:
    task = (
        "Bonjour, je suis prof de maths et je monte un petit tuteur pour mes élèves de CM2 (10-11 ans), il s'appelle "
        "Mathéo. Les enfants lui posent leurs exos du soir (fractions, divisions, périmètres...). Ce que je veux :\n"
        "- il ne donne JAMAIS la réponse finale, il guide avec des questions et des indices, une étape à la fois\n"
        "- 3 phrases maximum par message\n- il tutoie l'enfant"
    )
    assert generate(Brief(task=task)).archetypes[0].id == "tutor"


def test_an_italian_character_to_play_is_role_play() -> None:
    task = (
        "Ciao! Lavoro nella formazione di Luce Verde Energia. Ci serve un bot per allenare i nuovi operatori del call "
        "center. Il bot deve interpretare la signora Bortolin, 67 anni, arrabbiata per una bolletta di 412 €. "
        "Deve essere credibile: interrompe, si ripete, non si calma subito. "
        "Mai uscire dal personaggio, mai dire di essere un'IA. Battute brevi, massimo 2 frasi. Quando l'operatore "
        "scrive STOP SIMULAZIONE, il bot dà un feedback in esattamente 3 punti elenco: cosa ha fatto bene, cosa "
        "migliorare, un voto da 1 a 10."
    )
    assert generate(Brief(task=task)).archetypes[0].id == "roleplay_interviewer"


_INTAKE = (
    "Intake bot for a tenant law clinic. Before someone gets a volunteer attorney, the bot collects the basics. "
    "Ask ONE question per message, in this order:\n"
    "1. full name\n2. address of the rental\n3. landlord or management company name\n"
    "Then tell them a volunteer will contact them within 3 business days."
)


def test_numbered_questions_in_this_order_stay_one_rule() -> None:
    prompt = generate(Brief(task=_INTAKE, target="claude")).prompt
    assert (
        "Ask ONE question per message, in this order: 1) full name; 2) address of the rental; "
        "3) landlord or management company name." in prompt
    )
    assert "in this order: 1." not in prompt
    assert "From the brief: Full name" not in prompt


def test_a_chinese_numbered_line_list_is_split_into_its_items() -> None:
    task = (
        "帮我做一个翻译助手。\n要求：\n1. 占位符原样保留，不要翻译；\n"
        "2. 术语表：Budget=预算；\n3. 按钮文字不超过 6 个字；\n"
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "术语表：Budget=预算" in prompt
    assert "； 2. 术语表" not in prompt  # each item is a rule of its own, not the tail of the one before


_FICHA = (
    "Quero um assistente que receba o texto de um acórdão e devolva SEMPRE esta ficha, em texto simples "
    "(sem markdown), porque vai direto para o nosso software:\n\n"
    "Tribunal:\nProcesso n.º:\nData:\nDecisão: (procedente / improcedente / parcialmente procedente)\n"
    "Resumo: (no máximo 80 palavras)\nNormas citadas:\n\n"
    'Se um campo não constar do acórdão, escrever "não indicado".'
)


def test_a_form_with_notes_in_its_lines_is_the_reply() -> None:
    prompt = generate(Brief(task=_FICHA, target="claude")).prompt
    assert "`Decisão: (procedente / improcedente / parcialmente procedente)`" in prompt
    assert "`Resumo: (no máximo 80 palavras)`" in prompt
    assert "Keep the reply to at most 80 words" not in prompt  # the limit is the Resumo line's
    assert 'starts with "Label:"' not in prompt  # the decision has its own line


_EXIT_NOTES = (
    "I want a prompt that turns one set of exit interview notes into a summary our HR director can skim.\n"
    "- Exactly 5 bullet points, each max 20 words.\n"
    "- Then one last line: Flight risk for team: low, medium or high (meaning how likely others are to leave).\n"
    '- No names of anyone. Say "the employee", "their manager", "a colleague".'
)


def test_a_named_closing_line_takes_its_values() -> None:
    labels = [c for c in read_constraints(Brief(task=_EXIT_NOTES)) if c.kind == "labels"]
    assert [c.values for c in labels] == [["low", "medium", "high"]]
    prompt = generate(Brief(task=_EXIT_NOTES, target="claude")).prompt
    assert 'End with one line "Flight risk for team: <label>"' in prompt


def test_quoted_words_to_write_are_no_label_set() -> None:
    prompt = generate(Brief(task=_EXIT_NOTES, target="claude")).prompt
    assert "employee, their manager or colleague" not in prompt


_PET_COVER = (
    "We're Hollyfield Pet Cover, a small pet insurer. We want a chat assistant in the members area that answers "
    "questions about their policy using the policy wording doc we'll paste in. If someone is disputing a claim "
    "decision or wants to complain, tell them to email claims@hollyfieldpet.co.uk. If it's an emergency with the "
    "animal, tell them to call their own vet first."
)


def test_a_complaints_route_is_the_escalation_and_no_colleague_is_promised() -> None:
    prompt = generate(Brief(task=_PET_COVER, target="claude")).prompt
    assert "To escalate, tell them to email claims@hollyfieldpet.co.uk." in prompt
    assert "human colleague" not in prompt


_EVIDENCE = (
    "We're a policy NGO working on community health in East Africa. Our policy team asks research questions like "
    '"what does the evidence say about community health worker programmes reducing child mortality", and I need '
    "the assistant to write evidence briefs for them. Structure: Question, Key findings, Strength of evidence "
    "(strong / moderate / weak / insufficient), Gaps, References. Every factual claim needs an inline citation like "
    "[Author Year]. Only use peer-reviewed studies published 2015 or later."
)


def test_a_literature_brief_is_not_grounded_in_a_policy_document_nor_moderated() -> None:
    result = generate(Brief(task=_EVIDENCE, target="claude"))
    assert [a.id for a in result.archetypes][:1] == ["research_analyst"]
    moderation = [m for m in score_all(_EVIDENCE) if m.id == "content_moderation"]
    assert all("moderation" not in m.features for m in moderation)  # "strong / moderate / weak" is a grade
    assert "Answer only from the" not in result.prompt


def test_child_mortality_as_a_topic_gets_no_childrens_pack() -> None:
    prompt = generate(Brief(task=_EVIDENCE, target="claude")).prompt
    assert "child's personal information" not in prompt
    assert "age-appropriate" not in prompt


def test_a_long_chinese_list_stays_linear() -> None:
    """The Japanese field pattern ('…、…を抽出') was tried from every position of a long 、 list with no such verb:
    20 000 characters of '苹果、香蕉、…' took 5.7 s, now well under a second."""
    task = "帮我做一个客服助手。" + "苹果、香蕉、橙子、葡萄、西瓜、" * 1300
    started = time.process_time()
    generate(Brief(task=task[:20_000], target="claude"))
    assert time.process_time() - started < 3.0


def test_spanish_instagram_posts_are_marketing_one_post_at_a_time() -> None:
    task = (
        "hazme un prompt q escriba los posts de insta de Tacos Don Chuy (Guadalajara). tono de compa, tuteando. "
        "max 280 caracteres, max 2 emojis, siempre el hashtag #TacosDonChuy. no pongas precios nunca xq cambian"
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id == "marketing_copy"
    assert "The post itself, ready to publish" in result.prompt
    assert "Three variants" not in result.prompt


def test_three_options_keep_their_variants() -> None:
    task = "Write 3 options for an Instagram post for our vegan bakery, max 150 characters each."
    assert "The post itself" not in generate(Brief(task=task, target="claude")).prompt


def test_a_dutch_support_assistant_is_customer_support() -> None:
    task = (
        "Wij zijn OranjePlay, een online casino met een vergunning van de Kansspelautoriteit. We willen een "
        "supportassistent voor de chat die vragen beantwoordt over storten, uitbetalen, verificatie (ID-check) en "
        "accountinstellingen.\n\nRegels:\n- Altijd in het Nederlands antwoorden.\n"
        "- Maximaal 100 woorden per antwoord.\n"
        "- Nooit spelers aanmoedigen om (meer) te spelen, geen bonussen of free spins aanbieden.\n"
        "- Zegt een speler dat hij de controle kwijt is: verwijs naar Cruks en naar verantwoordspelen@oranjeplay.nl.\n"
        "- Niet steeds sorry zeggen."
    )
    assert generate(Brief(task=task)).archetypes[0].id == "customer_support"


def test_a_parenthesis_names_the_part_its_limit_is_for() -> None:
    task = (
        "need a mod prompt for comments on our knitting forum. tag each comment as keep / spam / harassment / "
        "off_topic. reply format: label | reason (reason max 12 words). one line per comment, no markdown pls"
    )
    (limit,) = [c for c in read_constraints(Brief(task=task)) if c.kind == "limit" and c.unit == "words"]
    assert limit.scope == "the reason"
    assert "Keep the reply to at most 12 words" not in generate(Brief(task=task, target="claude")).prompt


def test_about_in_a_parenthesis_names_no_part() -> None:
    (limit,) = [
        c for c in read_constraints(Brief(task="Summarise the article (about 100 words).")) if c.kind == "limit"
    ]
    assert limit.scope is None
