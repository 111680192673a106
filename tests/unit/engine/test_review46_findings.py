"""Review of 9705692 (round 31 leftovers): briefs on which the new rules misfire, and close paraphrases the fixes miss.

A rule after a fixed ending swallowed into it, a heading under a label list read as a label, proofreading before
publishing read as moderation, an input row's "| reason" read as a reason to give, a banned act read as the ban's
alternative, colon-suffixed tags lost as a label set, banned or input line prefixes laid out as the reply's sections,
"each on one line" turned into "all on one line", shop listings no longer copywriting; and the per-email outline, the
reported "it" and the hand-off alternative that fail on a paraphrase.
"""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints.extract import extract_constraints
from app.engine.generate import generate


def _found(task: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in extract_constraints(Brief(task=task))]


def _output(prompt: str) -> str:
    return prompt.split("<output_format>")[1].split("</output_format>")[0]


def test_a_rule_after_a_fixed_closing_line_is_not_part_of_the_closing() -> None:
    # "Close each reply with:" now keeps the rest of the line whole, so the next sentence (a rule that does not open
    # with "never", "always", … ) becomes words of the sign-off and is lost as a rule.
    task = (
        "Reply to guest reviews for my B&B. Close each reply with: Warm regards, Anna. "
        "Mention the guest's name in the first line. Keep it under 80 words."
    )
    found = _found(task)
    assert ("requirement", "Mention the guest's name in the first line.") in found
    assert not any("Anna. Mention" in text for _, text in found)


@pytest.mark.parametrize(
    ("task", "values"),
    [
        (
            "Triage bot for our helpdesk.\nCategories:\n- Billing\n- Technical\n- Account\n- Other\nRULES\n"
            "- Always answer with the category name only\n- Never invent a new category",
            ["Billing", "Technical", "Account", "Other"],
        ),
        (
            "Sort incoming emails for our bike shop.\n\nCategories:\n- REPAIR\n- SALES\n- WARRANTY\n- OTHER\nOUTPUT\n"
            "Reply with only the category name, nothing else.",
            ["REPAIR", "SALES", "WARRANTY", "OTHER"],
        ),
    ],
)
def test_a_capitalised_heading_after_a_label_list_is_no_label(task: str, values: list[str]) -> None:
    # _BARE_CODE_LINE takes any capitalised word under a label header: a "RULES" heading joins the list (whose long
    # rule bullets then void the whole set), an "OUTPUT" heading becomes a fifth label.
    labels = [c for c in extract_constraints(Brief(task=task)) if c.kind == "labels"]
    assert [c.values for c in labels] == [values]


@pytest.mark.parametrize(
    "task",
    [
        "Revisa mis artículos del blog antes de publicarlos: corrige ortografía y gramática, y sugiere un título "
        "mejor.",
        "Prüfe meine Blogartikel auf Rechtschreib- und Grammatikfehler, bevor sie online gehen. Schlag bessere "
        "Überschriften vor.",
        "Vérifie l'orthographe et la grammaire de mes articles de blog avant leur publication. Garde mon style.",
        "Review our release notes before they are published: check the version numbers match the changelog and fix "
        "unclear wording.",
    ],
)
def test_proofreading_before_publication_is_no_content_moderation(task: str) -> None:
    # "checks before publishing" (weight 8) fires on any check or review before something goes live, so an editor's
    # brief gets a moderator's role, a policy-category JSON verdict and spam examples.
    result = generate(Brief(task=task, target="claude"))
    assert "content_moderation" not in [m.id for m in result.archetypes]
    assert "You are a content moderator" not in result.prompt


def test_a_pipe_in_a_described_input_row_asks_for_no_reason() -> None:
    # "(?<=[A-Za-z])\s*|" before "reason" is now a strong reason cue wherever it stands, so the columns of the input
    # ("order_id | reason | amount") override "Reply with the label only".
    task = (
        "We export refund requests from Shopify as lines like:\norder_id | reason | amount | customer note\n"
        "Classify each request as FRAUD, GENUINE or UNCLEAR. Reply with the label only."
    )
    output = _output(generate(Brief(task=task, target="claude")).prompt)
    assert "After the label, give the reason." not in output
    assert "Reply with the label only." in output


def test_a_second_banned_act_is_not_the_bans_alternative() -> None:
    # "transfer them to …" after a comma is read as what to do instead: the ban becomes an order to do the banned act.
    task = "HR bot. Do not forward personal files, transfer them to personal email addresses, or print them."
    found = _found(task)
    assert not any(kind == "prohibition" and "instead" in text for kind, text in found)
    assert "instead, transfer them to personal email addresses" not in generate(Brief(task=task)).prompt


@pytest.mark.parametrize(
    "task",
    [
        "Sort feedback into one of three categories (BUG:, IDEA:, PRAISE:) and reply with just the category.",
        "Pick one tag per message: BUG:, IDEA:, PRAISE: and put it in front of a one-line summary.",
    ],
)
def test_tags_written_with_colons_to_pick_one_of_stay_a_label_set(task: str) -> None:
    # _headed_parts drops any set whose values carry a colon, even after "one of three categories" or "pick one".
    labels = [c for c in extract_constraints(Brief(task=task)) if c.kind == "labels"]
    assert [[value.rstrip(":") for value in c.values] for c in labels] == [["BUG", "IDEA", "PRAISE"]]


@pytest.mark.parametrize(
    ("task", "title"),
    [
        (
            "Friendly chat assistant for our gym. No markdown, and never start lines with prefixes like Q:, A: or "
            "NOTE: - just talk normally.",
            "Q:",
        ),
        (
            "Clean up my meeting transcripts. The raw lines look like SPEAKER:, TIME:, TEXT: and I want a tidy "
            "summary in prose.",
            "SPEAKER:",
        ),
    ],
)
def test_banned_or_incoming_line_prefixes_are_not_the_replys_sections(task: str, title: str) -> None:
    # _COLON_TITLES lays out the reply from any "lines/prefixes … X:, Y:" run: a banned prefix and the input's own
    # line format become "Use exactly these sections …".
    found = extract_constraints(Brief(task=task))
    assert not any(c.kind == "format" and title in (c.values or []) for c in found)
    assert "Use exactly these sections" not in generate(Brief(task=task, target="claude")).prompt


def test_each_counted_thing_on_its_own_line_is_not_all_on_one_line() -> None:
    # _COUNTED_ON_ONE_LINE ignores the "each" before "on one line": one name per line becomes every name on one line.
    task = "Suggest names for my new bakery. Give 5 names, each on one line, with no explanation."
    found = extract_constraints(Brief(task=task))
    assert not any(c.text == "Put the names on a single line." for c in found)
    assert any(c.kind == "limit" and (c.scope or "").startswith("each") for c in found)


@pytest.mark.parametrize(
    "task",
    [
        "Write listings for my Etsy shop. I sell hand-dyed yarn and knitting kits; I'll paste my notes for each item.",
        "Write real estate listings from the agent's notes: bedrooms, area, highlights. Warm but factual.",
    ],
)
def test_writing_listings_is_still_copywriting(task: str) -> None:
    # The general "write … listings" cue was dropped for a brand-only one: "write listings for my Etsy shop" and
    # "write real estate listings" lose the copywriter.
    result = generate(Brief(task=task, target="claude"))
    assert "marketing_copy" in [m.id for m in result.archetypes]


@pytest.mark.parametrize(
    ("task", "titles", "values"),
    [
        (
            "Llevo la secretaría de una escuela de música. Para cada correo prepárame:\n\n"
            "RESUMEN: máximo 20 palabras\nPRIORIDAD: ALTA / NORMAL / BAJA\nBORRADOR DE RESPUESTA: máximo 90 palabras",
            ["RESUMEN", "PRIORIDAD", "BORRADOR DE RESPUESTA"],
            ["ALTA", "NORMAL", "BAJA"],
        ),
        (
            "Je gère le secrétariat d'une école de musique. Pour chaque email, prépare-moi :\n\n"
            "RÉSUMÉ : 20 mots maximum\nPRIORITÉ : HAUTE / NORMALE / BASSE\nBROUILLON DE RÉPONSE : 90 mots maximum",
            ["RÉSUMÉ", "PRIORITÉ", "BROUILLON DE RÉPONSE"],
            ["HAUTE", "NORMALE", "BASSE"],
        ),
        (
            "Cuido da secretaria de uma escola de música. Para cada e-mail prepare-me:\n\n"
            "RESUMO: máximo 20 palavras\nPRIORIDADE: ALTA / NORMAL / BAIXA\nRASCUNHO DE RESPOSTA: máximo 90 palavras",
            ["RESUMO", "PRIORIDADE", "RASCUNHO DE RESPOSTA"],
            ["ALTA", "NORMAL", "BAIXA"],
        ),
    ],
)
def test_per_email_outline_introducer_with_accents_and_clitics(task: str, titles: list[str], values: list[str]) -> None:
    # The new introducer matches "per ogni email mi prepari:" but not "prepárame:", "prépare-moi :" or
    # "prepare-me:": no outline, and the priority labels are lost or made a closing line.
    result = generate(Brief(task=task, target="claude"))
    assert any(c.kind == "format" and c.values == titles for c in result.constraints)
    assert any(c.kind == "labels" and c.values == values for c in result.constraints)
    assert "End with one line" not in _output(result.prompt)


def test_a_thing_the_customer_is_told_about_is_not_the_assistant() -> None:
    # _NOT_REPORTED covers "say it …" and "tell them that it …", not "tell the customer it isn't …".
    task = "Booking bot for our yoga studio. Before cancel_class, tell the customer it isn't refundable and get a yes."
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "you are not refundable" not in prompt
    assert "it isn't refundable" in prompt or "it is not refundable" in prompt


def test_handing_it_to_a_human_after_a_ban_stays_with_it() -> None:
    # _ALTERNATIVE wants "hand off/over to": "hand it to a human" after a dash is dropped from the rule.
    found = _found("Never waive the late fee or promise to waive it - hand it to a human.")
    assert any(kind == "prohibition" and "hand it to a human" in text for kind, text in found)
