"""Review 41: hostile review of 09f09ec..c61f7c5 (exact lines, numbered/layout lines, bracket tags, inline templates,
CJK labels, German business names, reply-shape sentences, file:line examples, code-writing reviews).

Each failing test names one defect the changes bring in (most are regressions against 09f09ec); the guard tests
pin close variants that the changes handle as intended.
"""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints
from tests.unit.engine.reading import claude_prompt, section


def _kinds(task: str, kind: str) -> list[str]:
    return [c.text for c in read_constraints(Brief(task=task)) if c.kind == kind]


# --- 1. 'exactly:' swallows the rest of a one-line brief -------------------------------------------------------------

_EXACT_THEN_RULES = [
    pytest.param(
        "You answer customer emails for our bike shop. Sign off exactly: Cheers, the Spokes team. "
        "Never promise a repair date. Don't mention competitors.",
        "promise a repair date",
        id="en-sign-off",
    ),
    pytest.param(
        "Eres un clasificador de correos. Responde exactamente: SPAM o NO_SPAM. No expliques nada. "
        "Nunca añadas saludos.",
        "añadas saludos",
        id="es-labels",
    ),
    pytest.param(
        "Eres el asistente de reservas de nuestro restaurante en Valencia. Responde siempre en español y de forma "
        "breve. Termina cada mensaje exactamente: Gracias por elegirnos. Nunca confirmes reservas para más de 8 "
        "personas. No uses emojis.",
        "confirmes reservas",
        id="es-sign-off",
    ),
]


@pytest.mark.parametrize(("task", "ban"), _EXACT_THEN_RULES)
def test_exact_colon_text_ends_at_its_sentence_when_more_rules_follow_on_the_line(task: str, ban: str) -> None:
    """clauses.py `in_exact_line`/`EXACT_COLON` (66d13d5, 3e84ea1): the fixed text after 'exactly:' runs to the END OF
    THE LINE. Users often type the whole brief on one line, so every rule after the sign-off ('Never promise a repair
    date.', 'Nunca añadas saludos.') is glued into the fixed text: the bans vanish as prohibitions (rules.py stops at
    the exact span too) and the model is told to write them verbatim. 09f09ec kept them as separate bans."""
    prohibitions = _kinds(task, "prohibition")
    assert any(ban in p for p in prohibitions), prohibitions
    requirement = " ".join(_kinds(task, "requirement"))
    assert ban not in requirement, requirement


def test_exact_colon_text_on_a_bullet_keeps_the_next_sentence_out() -> None:
    """clauses.py `in_exact_line`: on a multi-line brief a bullet '- Sign off exactly: Cheers, the Spokes team. Keep
    replies under 120 words.' now renders as one rule, so the sign-off to copy includes 'Keep replies under 120
    words.' (09f09ec split it after 'team.')."""
    task = (
        "You answer emails for our bike shop.\n"
        "- Sign off exactly: Cheers, the Spokes team. Keep replies under 120 words.\n"
        "- Never promise a repair date."
    )
    instructions = section(claude_prompt(task), "instructions")
    assert "Spokes team. Keep replies" not in instructions, instructions


def test_guard_exact_colon_portuguese_fixed_line_stays_whole() -> None:
    """Guard: the intended case (a fixed text on its own line with two full stops) stays one requirement."""
    task = (
        "Você escreve posts de Instagram para nossa cervejaria artesanal. A última linha sempre exatamente: "
        "Aprecie com moderação. Venda proibida para menores de 18 anos.\nNunca fale de preços."
    )
    requirement = " ".join(_kinds(task, "requirement"))
    assert "Aprecie com moderação. Venda proibida para menores de 18 anos." in requirement
    assert any("price" in p.lower() for p in _kinds(task, "prohibition"))


# --- 2. a bracketed label set that is the reply's one label becomes a 'line tag' -------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Moderate forum posts. Reply with [APPROVE|REJECT] followed by a one-sentence reason.", id="moderation"
        ),
        pytest.param(
            "You are a sentiment classifier for app store reviews. Answer with [POSITIVE|NEGATIVE|NEUTRAL] and "
            "nothing else.",
            id="sentiment",
        ),
    ],
)
def test_bracketed_single_label_stays_the_replys_label(task: str) -> None:
    """extract.py `_bracket_slot` (c61f7c5): ANY '[A|B]' followed by text on its line is scoped 'line tag' ('Open each
    line with its tag'), even when the brief asks for one label and a reason (no line layout, no 'per line'). For
    the moderation brief the label set is then lost to the classifier: the prompt falls back to the default
    allow/remove/review policy categories and JSON examples, contradicting APPROVE/REJECT. 09f09ec read it as the
    reply's label set."""
    labels = [c for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert labels, task
    assert labels[0].scope is None, labels
    assert "Open each line with its tag" not in section(claude_prompt(task), "output_format")


def test_guard_bracket_tag_on_a_finding_line_layout() -> None:
    """Guard: the intended case, a bracketed tag opening a per-finding line layout, is that line's tag."""
    task = (
        "Review the diff. Output, one finding per line, max 8 lines:\n"
        "[BLOCKER|WARN|NIT] path:line - problem - fix\nIf there are no findings, reply LGTM."
    )
    labels = [c for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert labels
    assert labels[0].scope == "line tag"


# --- 3. numbered lines under a reply intro without 'format/reply/…' are dropped --------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "You write SMS reminders for our dental clinic. Each text has three lines:\n"
            "Line 1: patient first name and greeting\nLine 2: date and time of the appointment\nLine 3: how to cancel",
            id="en-each-text",
        ),
        pytest.param(
            "Eres el asistente de una academia de idiomas. Responde a los alumnos así:\n"
            "Línea 1: saludo con su nombre\nLínea 2: la respuesta en una frase\nLínea 3: próximo paso concreto",
            id="es-asi",
        ),
        pytest.param(
            "Du beantwortest Anfragen an unsere Hausverwaltung. Schreib jede Nachricht so:\n"
            "Zeile 1: Anrede\nZeile 2: Antwort in einem Satz\nZeile 3: Gruß vom Team",
            id="de-so",
        ),
        pytest.param(
            "Tu rédiges les SMS de rappel de notre cabinet dentaire. Chaque SMS :\n"
            "Ligne 1 : prénom du patient et salutation\nLigne 2 : date et heure du rendez-vous\n"
            "Ligne 3 : comment annuler",
            id="fr-chaque-sms",
        ),
    ],
)
def test_numbered_lines_under_a_reply_intro_stay_the_layout(task: str) -> None:
    """sections.py `numbered_lines` (c61f7c5): lines under an intro ending in ':' are rejected unless the intro holds
    a reply/format word. 'Each text has three lines:', 'Responde a los alumnos así:', 'Schreib jede Nachricht so:',
    'Chaque SMS :' introduce the reply, so the 3-line layout is lost from <output_format> (09f09ec: 'Exactly 3
    lines, in this order'), the lines become a glued rule, and 'Line 2: … in one sentence' turns into 'Reply in
    exactly 1 sentence' for the whole reply."""
    output = section(claude_prompt(task), "output_format")
    assert "3 lines" in output, output
    assert "Reply in exactly 1 sentence" not in output


def test_guard_numbered_lines_of_an_input_are_no_layout() -> None:
    """Guard: the intended case, lines of what the user pastes, is no reply layout."""
    task = (
        "You sort support emails. The emails we paste look like this:\n"
        "Line 1: sender\nLine 2: subject\nLine 3: body\nReply with one word: URGENT or NORMAL."
    )
    assert "3 lines" not in section(claude_prompt(task), "output_format")


# --- 4. 'make it look like this exactly:' is read as an input layout --------------------------------------------------


def test_layout_that_the_reply_should_look_like_is_the_replys() -> None:
    """sections.py `_INPUT_LAYOUT` (c61f7c5): 'looks? like' marks an input intro, but 'Format, make it look like
    this exactly:' describes the reply. The layout is no longer copied into <output_format> (09f09ec: 'Use exactly
    this layout, line by line'); '[one sentence …]' on line 2 becomes 'Reply in exactly 1 sentence' instead."""
    task = (
        "You draft replies to guest reviews for our hotel.\n"
        "Format, make it look like this exactly:\n"
        "Thank you, [guest name]!\n[one sentence about what they liked]\nThe Seaview team"
    )
    output = section(claude_prompt(task), "output_format")
    assert "The Seaview team" in output, output
    assert "Reply in exactly 1 sentence" not in output


def test_layout_of_arriving_tickets_is_no_reply_layout() -> None:
    """sections.py `layout_block` + `_INPUT_LAYOUT` (c61f7c5) claim 'an input format given exactly like this is no
    reply layout', but the commit's own wording 'Tickets come in this format, exactly like this:' over keyed lines
    still yields '<output_format> Exactly these lines, in this order: `Subject: …` / `From: …` / `Body: …`' through
    the keyed-lines path (same as 09f09ec): the input-intro check lives only in `layout_block`. Not a regression,
    but the stated fix does not hold for the obvious variant; the keyed-lines reader needs the same intro check."""
    task = (
        "You triage tickets. Tickets come in this format, exactly like this:\n"
        "Subject: …\nFrom: …\nBody: …\n\nReply with one label: bug, billing or other."
    )
    assert "Subject:" not in section(claude_prompt(task), "output_format")


# --- 5. CJK labels longer than 12 characters cut the label set -------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "label"),
    [
        pytest.param(
            "把每条顾客留言分成以下几类：表扬、投诉、关于会员积分和优惠券的咨询、建议。只输出类别。", "建议", id="third"
        ),
        pytest.param(
            "把每条顾客留言分成以下几类：会员积分和优惠券兑换的问题、投诉、表扬、建议。只输出类别。", "投诉", id="first"
        ),
    ],
)
def test_cjk_label_longer_than_twelve_chars_keeps_the_set(task: str, label: str) -> None:
    """labels.py `find_cjk_labels` `_CJK_LABEL_CHARS` (7d88ba0): an item over 12 characters ends the set (index ≥ 2)
    or voids it (index < 2). A descriptive Chinese label of 13 characters after '分成以下几类：' is normal: the set
    '表扬、投诉、关于会员积分和优惠券的咨询、建议' shrinks to '表扬, 投诉' (dropping '建议' too), and with the long
    label first the classifier gets no labels at all and an invented 'other'. 09f09ec kept all four. The
    classifying word right before the list already says these are labels."""
    labels = [c for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert labels, task
    assert label in labels[0].values, labels
    assert len(labels[0].values) == 4, labels


def test_guard_cjk_short_labels() -> None:
    """Guard: a set of short CJK labels after the classifying word is read whole."""
    task = "把每条顾客留言分成以下几类：表扬、投诉、咨询、建议。只输出类别。"
    labels = [c for c in read_constraints(Brief(task=task)) if c.kind == "labels"]
    assert labels
    assert list(labels[0].values) == ["表扬", "投诉", "咨询", "建议"]


# --- 6. German business name cut at 'Dr.' ---------------------------------------------------------------------------


def test_german_business_name_with_doctor_title_keeps_the_surname() -> None:
    """brief.py `_GERMAN_ORG` (c61f7c5): the new lookahead accepts '.' right after the name, so when the sentence
    goes on with a lower-case word ('für die Zahnarztpraxis Dr. Weber auf Patientenfragen …') the match backs off to
    'Zahnarztpraxis Dr' (the 'Dr.' period ends it). The role and out-of-scope rule now say 'Zahnarztpraxis Dr';
    09f09ec said 'Zahnarztpraxis Dr. Weber'."""
    prompt = claude_prompt(
        "Schreib Antworten für die Zahnarztpraxis Dr. Weber auf Patientenfragen zu Terminen und Kosten. "
        "Keine Diagnosen stellen."
    )
    assert "Zahnarztpraxis Dr." in section(prompt, "role")
    assert "Zahnarztpraxis Dr and" not in prompt
    assert "Zahnarztpraxis Dr. Resolve" not in prompt


def test_guard_german_business_name_before_in() -> None:
    """Guard: 'für die Bäckerei Sonnenkorn in Kassel' keeps the whole name."""
    prompt = claude_prompt(
        "Du bist der Chat-Assistent für die Bäckerei Sonnenkorn in Kassel. Beantworte Fragen zu Öffnungszeiten."
    )
    assert "Bäckerei Sonnenkorn" in prompt


# --- 7. the listed codes fill the first slot even when they belong to another --------------------------------------


def test_inline_template_codes_fill_their_own_slot_not_the_first() -> None:
    """output.py `_first_slot` (7d88ba0): the label set always fills the FIRST slot of '输出只要一行：…'. With
    '紧急程度|类别代码|一句话摘要' the prompt says 'In `紧急程度`, use exactly one of: A01, A02, A03, A04' (the
    urgency slot gets the category codes). The slot should be the one naming the label set (类别/category), or
    none when no slot does."""
    task = (
        "我们是市政热线，需要AI对市民来电记录做分类。\n类别（只能选一个）：\nA01 噪音扰民\nA02 道路破损\n"
        "A03 停水停电\nA04 其他\n输出只要一行：紧急程度|类别代码|一句话摘要\n紧急程度写高、中或低。"
    )
    output = section(claude_prompt(task), "output_format")
    assert "In `紧急程度`, use exactly one of: A01" not in output, output


def test_guard_inline_template_codes_in_first_slot() -> None:
    """Guard: the intended case, codes first ('类别代码|紧急程度|摘要'), fills the first slot."""
    task = (
        "我们是市政热线，需要AI对市民来电记录做分类。\n类别（只能选一个）：\nA01 噪音扰民\nA02 道路破损\n"
        "A03 停水停电\nA04 其他\n输出只要一行：类别代码|紧急程度|一句话摘要"
    )
    assert "In `类别代码`, use exactly one of: A01" in section(claude_prompt(task), "output_format")


# --- 8. 'The output is a …' / 'The reply is a …' demoted to context --------------------------------------------------


@pytest.mark.parametrize(
    ("task", "sentence"),
    [
        pytest.param(
            "You write product descriptions for our online tea shop. The output is a short paragraph of 60 to 80 "
            "words, warm and sensory. No health claims.",
            "warm and sensory",
            id="paragraph",
        ),
        pytest.param(
            'You summarise customer calls for our CRM. The reply is a JSON object with keys "summary" and '
            '"next_step". Keep the summary under 40 words.',
            "JSON object with keys",
            id="json",
        ),
    ],
)
def test_reply_is_a_shape_stays_an_instruction(task: str, sentence: str) -> None:
    """details.py `_REPLY_SHAPE` (c61f7c5): to keep 'The output is pasted into Google Reviews' out of the rules,
    'is/are' now needs 'either/exactly/one of/always/only/just/a quote' after it. 'The output is a short paragraph
    …, warm and sensory' and 'The reply is a JSON object with keys …' are the reply's shape, yet now land in
    <context> as 'From the brief: …' instead of <instructions> (09f09ec: a requirement). Excluding where-it-goes verbs
    (pasted/sent/posted/shown/used) would keep both."""
    prompt = claude_prompt(task)
    assert sentence not in section(prompt, "context"), section(prompt, "context")


def test_guard_output_pasted_is_context() -> None:
    """Guard: the intended case, where the output goes, is no rule."""
    prompt = claude_prompt(
        "You write replies to our restaurant's reviews. The output is pasted straight into Google Reviews. "
        "Keep it under 80 words."
    )
    assert "pasted straight into Google Reviews" not in section(prompt, "instructions")


# --- 9. a file:line in the INPUT drops the built example --------------------------------------------------------------


def test_file_line_of_the_input_keeps_the_example() -> None:
    """example_checks.py `_FINDING_AT` (c61f7c5): any 'file:line' in the brief makes every built example need a
    'name.py:12' location. 'The traces we paste show each frame as file:line' describes the input; the stack-trace
    explainer's reply has no location layout, yet its only example is now dropped (09f09ec kept it). The check
    should only apply when the file:line belongs to the reply's layout (the finding_layout topic / an output
    intro)."""
    prompt = claude_prompt(
        "You explain Python stack traces to junior developers. The traces we paste show each frame as file:line. "
        "Explain in plain English what went wrong and how to fix it, in at most 5 sentences."
    )
    assert "<examples>" in prompt


# --- 10. 'students must write the complete code themselves' adds coding rules ----------------------------------------


def test_code_review_that_forbids_writing_code_takes_no_coding_rules() -> None:
    """plan.py `_WRITES_CODE` (c61f7c5): the negation guard only looks at the word right before the verb, so
    'Give hints, not solutions: the students must write the complete code themselves' (the STUDENTS write it, the
    assistant must not) blends the coding assistant's rules into the review ('Use only APIs … that exist …').
    09f09ec did not. The cue should require the assistant as the writer (imperative / 'you'), not any subject."""
    prompt = claude_prompt(
        "You review code submitted by students in my intro Python course. Give hints, not solutions: the students "
        "must write the complete code themselves."
    )
    assert "Use only APIs, functions and flags" not in prompt


def test_guard_review_that_writes_the_corrected_function() -> None:
    """Guard: the intended case still blends the coding rules."""
    prompt = claude_prompt(
        "Review the Python function I paste for bugs and style problems, then write the complete corrected function."
    )
    assert "Use only APIs, functions and flags" in prompt


# --- 11. a tool list's intro longer than a bare heading stays glued to the rule after it ----------------------------


def test_rule_after_json_tools_drops_a_long_intro() -> None:
    """details.py `_without_tool_objects` (c61f7c5): only an intro of at most ~25 characters (`_BARE_HEADING`) is
    cut with the tools. 'Puedes llamar a estas funciones: {…} {…} Nunca des precios, …' renders the rule 'Puedes
    llamar a estas funciones: Nunca des precios, eso lo hace recepción.', which reads as if the functions were the
    prices' subject. The intro ends in ':' right before the removed objects, so it should go with them."""
    task = (
        "Eres el asistente de reservas de nuestro estudio de yoga. Puedes llamar a estas funciones: "
        '{"name": "reservar_clase", "description": "Reserva una clase", "parameters": {"clase": "string", '
        '"fecha": "string"}} {"name": "cancelar_clase", "description": "Cancela una reserva", "parameters": '
        '{"reserva_id": "string"}} Nunca des precios, eso lo hace recepción.'
    )
    instructions = section(generate(Brief(task=task, target="claude")).prompt, "instructions")
    assert "funciones: Nunca des precios" not in instructions, instructions
