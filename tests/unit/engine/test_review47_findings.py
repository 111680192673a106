"""Review 47 of ce85d85 and 6c030b8: regressions and paraphrases the fixes miss.

Each test is one defect, written as the behaviour a brief's author expects. All fail at 6c030b8.
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate


def _run(task: str):
    return generate(Brief(task=task, target="claude"))


def _texts(result, kind: str) -> list[str]:
    return [c.text for c in result.constraints if c.kind == kind]


@pytest.mark.parametrize(
    "task",
    [
        "A Spanish-speaking bot for people who come to our clinic. It answers questions about opening hours.",
        "A German-speaking assistant that helps customers get a refund for late trains. Be concise.",
        "Japanese-speaking concierge for guests arriving at our ryokan in Kyoto. Explain onsen etiquette.",
    ],
)
def test_speaking_bot_keeps_its_reply_language_when_the_sentence_says_who_comes(task: str) -> None:
    """'A Spanish-speaking bot for people who come to our clinic': the bot speaks Spanish; 'come', 'get', 'arriving'
    say nothing about the language of the input (ce85d85's _INPUT_LANGUAGE reads any such verb in the sentence)."""
    language = task.split("-speaking")[0].split()[-1]
    assert f"reply in {language}" in _run(task).prompt


def test_speaking_bot_keeps_its_reply_language_when_english_is_ruled_out() -> None:
    """'Portuguese-speaking …, not English': a second language named to rule it out is no list of input languages."""
    task = "A Portuguese-speaking assistant for our Lisbon bakery, not English. Take orders for pickup."
    assert "reply in Portuguese" in _run(task).prompt


@pytest.mark.parametrize(
    "task",
    [
        "Asistente de redacción para nuestra inmobiliaria. Prioridad: claridad, precisión y un tono cálido. "
        "Nunca inventes metros cuadrados.",
        "Eres un asistente de cocina. Prioridad: sabor, sencillez y pocos ingredientes. Da recetas en pasos numerados.",
        "Assistente de atendimento para uma farmácia. Prioridade: segurança, depois rapidez, depois simpatia. "
        "Nunca recomende dosagens.",
        "Assistent voor onze fietsenwinkel. Prioriteit: veiligheid, eerlijkheid en snelheid. "
        "Beloof nooit een levertijd.",
    ],
)
def test_priority_word_before_the_assistants_values_is_no_label_set(task: str) -> None:
    """'Prioridad: claridad, precisión y un tono cálido' says what matters most, not labels to reply with (6c030b8's
    new priority nouns in es/pt/nl turn such lines into 'Reply with exactly one of these labels')."""
    result = _run(task)
    assert _texts(result, "labels") == []
    if "cocina" in task:  # (the cooking assistant even turns into a classifier)
        assert result.archetypes[0].id != "classification"


def test_spanish_priority_label_set_stops_before_the_next_instruction() -> None:
    """'Prioridad: alta, media o baja, y escribe una respuesta breve': three labels, then a second task; the
    instruction is no fourth label."""
    task = "Asistente de soporte. Para cada ticket indica Prioridad: alta, media o baja, y escribe una respuesta breve."
    labels = _texts(_run(task), "labels")
    assert labels, "the priority set should be read"
    assert all("escribe" not in text for text in labels)


def test_fallback_action_before_immediately_call_is_no_part_of_the_condition() -> None:
    """'If a parent reports a lost child, reassure them and take a description, immediately call security': the
    first steps are what to do, not more cases of the condition (ce85d85's 'immediately' lets the list tail run on)."""
    task = (
        "Front desk assistant for our shopping centre. If a parent reports a lost child, reassure them and take a "
        "description, immediately call security on 4455."
    )
    fallbacks = _texts(_run(task), "fallback")
    assert fallbacks
    assert all("lost child, reassure them" not in text for text in fallbacks)


def test_citation_example_is_not_taken_from_another_clause() -> None:
    """'Cite the page for every claim, and write amounts like (EUR 1,200)': the bracket shows how to write amounts;
    the 60-character reach after 'cite' makes it the citation format."""
    task = (
        "Q&A assistant over our HR handbook. Answer only from the handbook. Cite the page for every claim, and write "
        "amounts like (EUR 1,200). If it's not in the handbook, say so."
    )
    prompt = _run(task).prompt
    assert "citations like (EUR 1,200)" not in prompt
    assert "for example (EUR 1,200)" not in prompt


@pytest.mark.parametrize(
    ("task", "rule"),
    [
        (
            "Reply assistant for our guesthouse. End each reply with: Kind regards, Anna. "
            "Please keep it under 100 words.",
            None,
        ),
        (
            "Reply assistant for our guesthouse. End each reply with: Kind regards, Anna. If a guest asks about pets, "
            "say we allow dogs.",
            "pets",
        ),
        (
            "Reply assistant for our guesthouse. End each reply with: Kind regards, Anna. You must never quote prices.",
            "prices",
        ),
    ],
)
def test_closing_line_ends_where_the_next_sentence_starts(task: str, rule: str | None) -> None:
    """After 'End each reply with: Kind regards, Anna.' a sentence that opens with 'Please', 'If' or 'You must' is a
    rule of its own: the sign-off stays a requirement and does not swallow it (or vanish)."""
    result = _run(task)
    endings = [c.text for c in result.constraints if "Kind regards, Anna" in c.text]
    assert endings, "the sign-off should stay a rule"
    assert all(text.rstrip().endswith("Anna.") for text in endings)
    if rule is not None:
        assert any(rule in c.text and "Anna" not in c.text for c in result.constraints)


def test_close_with_ordered_parts_stays_an_ordering() -> None:
    """'Close each summary with: action items first, then open questions' describes parts in order, not a fixed
    text: it was an ordering rule and is now only 'From the brief'."""
    task = "Meeting notes assistant. Close each summary with: action items first, then open questions."
    result = _run(task)
    assert any("open questions" in c.text for c in result.constraints)


def test_final_line_without_colon_on_its_own_line_stays_a_rule() -> None:
    """'then a final line with the price' on its own line (NEXT_PART splits it off) is still part of the reply's
    layout; it must not drop to a 'From the brief' note."""
    task = (
        "Write product descriptions for our candle shop.\n"
        "Two short paragraphs about the scent and the burn time\n"
        "then a final line with the price\n"
    )
    result = _run(task)
    assert any("final line with the price" in c.text for c in result.constraints)


@pytest.mark.parametrize(
    "task",
    [
        "Review my LinkedIn posts before they go live and suggest punchier hooks.",
        "Review our newsletter posts before they are published and tighten the wording.",
    ],
)
def test_checking_ones_own_posts_before_publishing_is_no_moderation(task: str) -> None:
    """'my LinkedIn posts', 'our newsletter posts' are the author's own writing to improve, not what users post."""
    assert _run(task).archetypes[0].id != "content_moderation"


def test_german_single_ad_checked_before_going_online_is_moderation() -> None:
    """'jede neue Anzeige prüft, bevor sie online geht': the singular 'Anzeige' is missing from the user items."""
    task = (
        "Wir brauchen einen Bot, der jede neue Anzeige prüft, bevor sie online geht: keine Waffen, keine Fälschungen. "
        "Antworte mit FREIGEBEN oder ABLEHNEN."
    )
    assert _run(task).archetypes[0].id == "content_moderation"


def test_category_word_before_headers_does_not_make_them_labels() -> None:
    """'For every product category I send, write the three parts TITLE:, TAGS:, DESCRIPTION:': _PICK_ONE's
    'categor' turns the reply's headers back into a label set (fixed before 6c030b8)."""
    task = (
        "Etsy listing writer. For every product category I send, write the three parts TITLE:, TAGS:, DESCRIPTION: "
        "in that order."
    )
    assert _texts(_run(task), "labels") == []


def test_no_emojis_before_colon_titles_keeps_the_outline() -> None:
    """'No emojis, plain text with the three labels TITLE:, TAGS:, DESCRIPTION:': the 'No' bans emoji, not the
    headers; _NOT_LAID_OUT looks 40 characters back and drops the outline."""
    task = (
        "Product listing writer for our vintage shop. No emojis, plain text with the three labels TITLE:, TAGS:, "
        "DESCRIPTION: and nothing else."
    )
    formats = _texts(_run(task), "format")
    assert any('"TITLE:", "TAGS:", "DESCRIPTION:"' in text for text in formats)


def test_it_isnt_possible_said_to_the_customer_keeps_it() -> None:
    """'let them know it isn't possible': a thing said to the customer, not the bot; '-ible' words and 'let them
    know' are missed by the 'it isn't <X>able' fix ("let them know you are not possible")."""
    task = (
        "Booking assistant for our escape room. If someone wants to move a booking less than 24 hours ahead, let "
        "them know it isn't possible and offer a voucher instead."
    )
    assert "you are not possible" not in _run(task).prompt


def test_parts_in_order_without_a_title_are_an_ordering() -> None:
    """'Revenue first, then margins, then guidance.': the r31-08 fix needs an 'Order:' title; without one the
    order is only 'From the brief'."""
    task = "Earnings call summariser for our analysts. Revenue first, then margins, then guidance."
    assert _texts(_run(task), "ordering")
