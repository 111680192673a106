"""What the brief says that no constraint carries still reaches the prompt; verbs that look like format words and
steps held back until a signal are read as the brief means them."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief, extract_entities
from app.engine.constraints import Constraint, extract_constraints
from app.engine.generate import generate


def _of_kind(task: str, kind: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == kind]


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


@pytest.mark.parametrize(
    ("task", "kept"),
    [
        (
            "pub quiz host for tuesday nights at The Crooked Anchor. rounds of 10 questions, 4 options A-D each, "
            "dont give the answers til i type ANSWERS then list them all. nothing about politics",
            ["10 questions", "4 options A-D"],
        ),
        (
            "Spelling bee coach for my class. words from the year 4 list, one word per turn, never say the "
            "spelling before they have tried twice.",
            ["year 4 list", "one word per turn"],
        ),
        (
            "Assistant for our bike shop. Opening hours are 9 to 5, closed on Sundays, keep replies under 60 words.",
            ["9 to 5", "closed on Sundays"],
        ),
    ],
)
def test_a_part_no_constraint_touches_reaches_the_prompt(task: str, kept: list[str]) -> None:
    prompt = _prompt(task)
    for words in kept:
        assert words in prompt


@pytest.mark.parametrize(
    ("task", "condition"),
    [
        ("Wellbeing chat for students. If someone is in crisis, give them the number 116 123.", "in crisis"),
        (
            "Help desk bot for a pet clinic. If the pet is bleeding, having a seizure or can't breathe, tell them "
            "to call 01632 960001 now.",
            "having a seizure",
        ),
    ],
)
def test_a_condition_stays_with_its_action_and_is_not_repeated_alone(task: str, condition: str) -> None:
    prompt = _prompt(task)
    assert not any(line.startswith("- From the brief: If") for line in prompt.splitlines())
    assert condition in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Quiz bot. Don't give the answers until I type ANSWERS, then list them all.",
        "Reading helper: ask about the story first, then list the new words.",
        "Inventory assistant. Never guess stock levels; list every item the sheet shows.",
    ],
)
def test_list_as_a_verb_forbids_no_lists(task: str) -> None:
    assert not any("lists" in c.forbidden for c in _of_kind(task, "format"))


@pytest.mark.parametrize("task", ["Support bot. No lists, no markdown.", "Reply in prose: don't use lists."])
def test_a_list_ban_is_still_read(task: str) -> None:
    assert any("lists" in c.forbidden for c in _of_kind(task, "format"))


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (
            "Quiz bot. dont give the answers til i type ANSWERS then list them all.",
            "Don't give the answers until they type ANSWERS then list them all.",
        ),
        (
            "Maths tutor. Never share the answer until the student tries twice, then explain it.",
            "Never share the answer until the student tries twice, then explain it.",
        ),
    ],
)
def test_a_step_held_back_until_a_signal_keeps_its_order(task: str, expected: str) -> None:
    prompt = _prompt(task)
    assert expected in prompt
    assert "before you" not in prompt


@pytest.mark.parametrize(
    ("task", "role"),
    [
        (
            "pub quiz host for tuesday nights at The Crooked Anchor. rounds of 10 questions each.",
            "You are a pub quiz host for Tuesday nights at The Crooked Anchor.",
        ),
        ("storyteller for bedtime, gentle and calm, 5 minute stories", "You are a storyteller for bedtime."),
    ],
)
def test_a_role_noun_phrase_is_the_role(task: str, role: str) -> None:
    assert role in _prompt(task)


@pytest.mark.parametrize(
    "task", ["Booking helper for Saturday classes at the pool.", "Reminder bot for Mondays and Fridays."]
)
def test_a_day_is_no_organisation(task: str) -> None:
    entities = extract_entities(task)
    assert entities.organization is None
    assert "Product:" not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Pregúntale para quién es y la ocasión si no lo dice.",
        "Pergunte o nome do destinatário se não disser.",
        "Demande l'occasion s'il ne la donne pas.",
        "Frag nach dem Anlass, wenn er ihn nicht nennt.",
    ],
)
def test_a_negation_inside_a_foreign_condition_forbids_nothing(task: str) -> None:
    assert _of_kind(task, "prohibition") == []


@pytest.mark.parametrize(
    ("task", "expected"),
    [("No uses emojis en las respuestas.", "emoji"), ("Ne donne jamais de prix.", "Never give prices.")],
)
def test_a_foreign_prohibition_is_still_read(task: str, expected: str) -> None:
    found = extract_constraints(Brief(task=task))
    assert any(expected in c.text or expected in c.forbidden for c in found)


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (
            "Floristería Margarita: cuando un cliente compra un ramo online, ayúdale a escribir la tarjeta.",
            "Floristería Margarita",
        ),
        ("Boulangerie Le Fournil: réponds aux questions sur les horaires et les commandes.", "Boulangerie Le Fournil"),
    ],
)
def test_a_foreign_brief_headed_by_a_name_names_the_business_once(task: str, name: str) -> None:
    prompt = _prompt(task)
    assert name in prompt.split("</role>")[0]
    assert f"Product: {name}" not in prompt


def test_a_foreign_title_word_is_no_business() -> None:
    assert extract_entities("Tarea Principal: responde preguntas sobre el horario de la piscina.").organization is None


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (
            "Tu es le guide audio du Musée de la Mer de Granville pour les enfants de 7 à 11 ans.",
            "Musée de la Mer de Granville",
        ),
        ("Asistente del Museo del Prado para visitantes.", "Museo del Prado"),
        ("Réponds pour la boutique de vêtements Maille & Fil.", "Maille & Fil"),
    ],
)
def test_a_capitalised_business_noun_is_part_of_the_name(task: str, name: str) -> None:
    assert extract_entities(task).organization == name


@pytest.mark.parametrize(
    "task",
    [
        "Audio guide for kids aged 7-11 at a science museum. Answer only from the exhibit cards we give you.",
        "Tu es le guide audio d'un musée pour les enfants de 7 à 11 ans. Réponds uniquement à partir des fiches "
        "des vitrines qu'on te fournit.",
    ],
)
def test_a_source_based_helper_for_young_children_cites_no_sections(task: str) -> None:
    prompt = _prompt(task)
    assert "[Doc 2, Section 3]" not in prompt
    assert "cite" not in prompt.lower()
    assert "only" in prompt  # the answers still come from the source
    role = prompt.split("</role>")[0]
    assert role.rstrip().endswith(".")
    assert ". says" not in role
    assert ". cites" not in role


def test_a_childrens_helper_that_asks_for_citations_keeps_them() -> None:
    prompt = _prompt("Homework helper for kids aged 8-10: answer only from the textbook pages given and cite the page.")
    assert "cite" in prompt.lower()


def test_a_foreign_brief_names_no_english_source_noun() -> None:
    prompt = _prompt("Tu es le guide du musée. Réponds uniquement à partir des fiches fournies.")
    assert "the le " not in prompt
    assert "the guide" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        "みどり市のごみ分別案内チャットです。まず lookup_item(name) を呼んで区分を確認し、"
        "その結果だけをもとに答えてください。"
        "区分は「燃やすごみ」「燃やさないごみ」「資源ごみ」の3つだけです。",
        "Recycling chat for Eastvale council with a lookup_bin(item) tool. Tell residents which bin an item goes "
        "in, one of: blue, green, black. Always call lookup_bin before answering.",
    ],
)
def test_categories_a_chat_names_are_no_output_label(task: str) -> None:
    prompt = _prompt(task)
    assert "Label:" not in prompt
    assert "exactly one label" not in prompt
    assert "Use only these categories" in prompt


def test_a_chat_that_asks_for_a_tag_keeps_the_label_line() -> None:
    prompt = _prompt("Support bot for Acme. Answer questions, and tag each conversation billing, bug or other.")
    assert "Label:" in prompt


@pytest.mark.parametrize(
    ("task", "order"),
    [
        (
            "予約アシスタントです。まず check_slots(date) を呼んで空きを確認し、それから予約してください。",
            "check_slots",
        ),
        ("粗大ごみの場合は、住所と希望日を聞いてから book_pickup(address, date) で予約してください。", "book_pickup"),
    ],
)
def test_a_japanese_first_step_is_an_ordering(task: str, order: str) -> None:
    orderings = _of_kind(task, "ordering")
    assert orderings
    assert order in orderings[0].text


def test_a_limit_sentence_is_not_repeated_as_context() -> None:
    prompt = _prompt("Helper for a bike shop's website chat. Keep replies under 60 words.")
    assert "From the brief: Keep replies" not in prompt
    assert "at most 60 words" in prompt


def test_a_mark_in_brackets_ends_no_sentence() -> None:
    prompt = generate(
        Brief(
            task="Translate legal notices from French into English.",
            constraints=["Flag any sentence you're unsure about with (?) at the end."],
            target="claude",
        )
    ).prompt
    assert "with (?) at the end." in prompt
    assert "\n3. At the end." not in prompt


@pytest.mark.parametrize(
    ("tone", "shown"),
    [
        ("formal", None),
        ("friendly but professional", None),
        ("polite, not overly apologetic", "- Polite, not overly apologetic."),
    ],
)
def test_the_tone_field_is_said_once_and_whole(tone: str, shown: str | None) -> None:
    prompt = generate(Brief(task="Answer customer emails for a bike shop.", tone=tone, target="claude")).prompt
    assert f"- {tone}\n" not in prompt  # never the raw field, lower case, beside its own rule
    if shown is not None:
        assert shown in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Erkläre die Posten (z. B. Verwaltungskosten, die nicht umlagefähig sind) in einfacher Sprache.",
        "Para consultar usa consultar(fecha, personas) y nunca confirmes una reserva sin llamar antes a esa función.",
    ],
)
def test_a_foreign_prohibition_is_never_quoted_from_inside_brackets(task: str) -> None:
    for c in _of_kind(task, "prohibition"):
        quoted = c.text.split('"')[1] if '"' in c.text else c.text
        assert quoted.count("(") == quoted.count(")")


@pytest.mark.parametrize(
    "task",
    [
        "Sommelier helper. Never invent tasting notes for a wine that isn't on the list.",
        "Shop assistant: answer from the price list we paste in.",
        "Booking bot: a table for four is the largest we take.",
    ],
)
def test_a_list_or_table_that_names_a_thing_is_no_format_ban(task: str) -> None:
    assert not [c for c in _of_kind(task, "format") if c.forbidden]


def test_a_list_a_prohibition_rules_out_is_no_label_set() -> None:
    task = "SQL helper for our analysts. Read-only: never write INSERT, UPDATE, DELETE, DROP or ALTER statements."
    assert _of_kind(task, "labels") == []
    assert "Use only these categories" not in _prompt(task)


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (
            "Bookkeeping helper for Moss & Fern Studio. For tax questions, refer them to Lark Accountancy.",
            "Moss & Fern Studio",
        ),
        ("Ein Bot für Reparaturen an E-Bikes. Keine Preise nennen.", None),
    ],
)
def test_the_business_is_not_the_referral_target_or_a_german_noun(task: str, name: str | None) -> None:
    assert extract_entities(task).organization == name


@pytest.mark.parametrize(
    ("task", "labels"),
    [
        (
            "sort emails into our allotment society inbox (plot_waitlist, water_leak, rent_payment, complaint, spam). "
            "reply with the label only",
            ["plot_waitlist", "water_leak", "rent_payment", "complaint", "spam"],
        ),
        (
            "品目を聞かれたら「燃えるゴミ」「燃えないゴミ」「資源ゴミ」のどれか一つを答える。",
            ["燃えるゴミ", "燃えないゴミ", "資源ゴミ"],
        ),
    ],
)
def test_a_set_to_sort_into_is_read_whole_without_other(task: str, labels: list[str]) -> None:
    (found,) = _of_kind(task, "labels")
    assert found.values == labels
    assert "{{labels}}" not in _prompt(task)


@pytest.mark.parametrize(
    ("task", "text"),
    [
        (
            "Class newsletter for parents. Under 250 words, three sections in this order: This week, Coming up, "
            "Reminders.",
            "Give these parts in this order: This week, Coming up, Reminders.",
        ),
        ("Incident summary bot. List the risks, the fixes and the owners, in that order.", "in that order"),
        ("排班助手。换班之前必须先确认两位店员都同意。", "换班之前必须先确认两位店员都同意"),
    ],
)
def test_parts_in_a_stated_order_are_an_ordering(task: str, text: str) -> None:
    orderings = _of_kind(task, "ordering")
    assert orderings
    assert text in orderings[0].text


@pytest.mark.parametrize(
    ("task", "slot", "present"),
    [
        (
            "Discord game master bot. Players type !resume to continue a saved game, !clue for one clue.",
            "{{resume}}",
            False,
        ),
        ("Screen each candidate's resume against the job description.", "{{resume}}", True),
    ],
)
def test_a_chat_command_names_no_input_slot(task: str, slot: str, present: bool) -> None:
    assert (slot in _prompt(task)) is present
