"""Readings from rounds 51 and 52's reviews: a sentence that only names the business ("Tandartspraktijk Zonnehof in
Utrecht (3 tandartsen).") is context, never requirement 1, in any language; label-headed steps, case-to-label lines
and case lists ended by what the reply does; limits scoped to a layout's marker; result lines that state the
all-clear; orders on their own line; label sets given to the slot they name."""

from __future__ import annotations

import re

import pytest

from app.engine.brief import Brief
from app.engine.constraints.extract import extract_constraints
from app.engine.generate import generate


def _section(prompt: str, tag: str) -> str:
    found = re.search(rf"<{tag}>(.*?)</{tag}>", prompt, re.DOTALL)
    assert found is not None, f"no <{tag}> section"
    return found.group(1)


def _claude(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


NAMED_INTROS = [
    (
        "Tandartspraktijk Zonnehof in Utrecht (3 tandartsen). We willen een chatassistent op onze website die vragen "
        "van patiënten beantwoordt over openingstijden en afspraken verzetten. Antwoord in het Nederlands, maximaal "
        "3 zinnen.",
        "Tandartspraktijk Zonnehof in Utrecht",
    ),
    (
        "Clínica Dental Sonrisa en Valencia (5 dentistas). Queremos un asistente de chat en la web que responda a "
        "los pacientes sobre horarios y citas. Máximo 3 frases.",
        "Clínica Dental Sonrisa en Valencia",
    ),
    (
        "Zahnarztpraxis Sonnenhof in Köln (3 Zahnärzte). Wir möchten einen Chat-Assistenten auf unserer Website, der "
        "Patientenfragen zu Öffnungszeiten und Terminen beantwortet. Höchstens 3 Sätze.",
        "Zahnarztpraxis Sonnenhof in Köln",
    ),
    (
        "Cabinet dentaire Les Tilleuls à Nantes (2 dentistes). Nous voulons un assistant sur notre site pour répondre "
        "aux patients sur les horaires et les rendez-vous. Trois phrases au plus.",
        "Cabinet dentaire Les Tilleuls à Nantes",
    ),
]


@pytest.mark.parametrize(("task", "intro"), NAMED_INTROS)
def test_a_sentence_that_only_names_the_business_is_context_not_a_rule(task: str, intro: str) -> None:
    prompt = _claude(task)
    assert intro in _section(prompt, "context")
    assert intro not in _section(prompt, "instructions")


def test_a_named_sentence_that_asks_for_something_stays_a_rule() -> None:
    task = (
        "Zahnarztpraxis Sonnenhof in Köln. Wir möchten einen Chat-Assistenten auf unserer Website, der Patientenfragen "
        "zu Öffnungszeiten beantwortet. Nenne nie Preise für Implantate."
    )
    assert "Nenne nie Preise für Implantate" in _section(_claude(task), "instructions")


# Round 51's tattoo inbox (class 4 and 7): a label that heads what to do in its case is an instruction for that label,
# never the label's definition ('Use "COMPLAINT" for apologise once'), and a case line that says which label a case
# takes is a rule, never background.
LABEL_STEPS = [
    (
        "Tag each email with one of BOOKING, PRICE, COMPLAINT, OTHER and draft a reply under 80 words. COMPLAINT: "
        "apologise once, do not argue, say the manager replies within 2 working days.",
        "COMPLAINT: apologise once",
    ),
    (
        "Tag each email with one of BOOKING, PRICE, COMPLAINT, OTHER and draft a reply under 80 words. PRICE: "
        "politely say that prices are set after a consultation.",
        "PRICE: politely say that prices are set after a consultation",
    ),
    (
        "Sort every support message into REFUND, BUG or OTHER and write a short answer. REFUND: apologise first and "
        "point them to the refund form.",
        "REFUND: apologise first and point them to the refund form",
    ),
]


@pytest.mark.parametrize(("task", "rule"), LABEL_STEPS)
def test_a_label_that_heads_a_step_gives_that_labels_instruction(task: str, rule: str) -> None:
    prompt = _claude(task)
    assert rule in _section(prompt, "instructions")
    assert not re.search(r'Use "[A-Z]+" for (?:apologi|politely)', prompt)


def test_a_label_that_a_case_defines_is_still_a_definition() -> None:
    prompt = _claude("Label every message BILLING, BUG or OTHER. BILLING: invoices, refunds and card problems.")
    assert 'Use "BILLING" for invoices, refunds and card problems.' in prompt


@pytest.mark.parametrize(
    ("task", "rule"),
    [
        (
            "Tag each email with one of BOOKING, UNDER18, OTHER and draft a reply under 80 words. Anyone who says "
            "they are under 18 gets UNDER18 and a polite no.",
            "Anyone who says they are under 18 gets UNDER18 and a polite no.",
        ),
        (
            "Label each ticket BILLING, BUG or OTHER. Anything about invoices goes under BILLING.",
            "Anything about invoices goes under BILLING.",
        ),
        (
            "Label each ticket SPAM, SALES or OTHER. Messages with links only are tagged SPAM, even when polite.",
            "Messages with links only are tagged SPAM, even when polite.",
        ),
    ],
)
def test_a_sentence_that_gives_a_case_its_label_is_a_rule(task: str, rule: str) -> None:
    assert rule in _section(_claude(task), "instructions")


def test_a_case_listed_before_what_the_reply_does_keeps_every_item() -> None:
    task = (
        "Draft replies to our tattoo studio's emails. If they describe spreading redness, pus, a hot swollen area or "
        "a fever, the reply tells them to see their GP today."
    )
    assert "If they describe spreading redness, pus, a hot swollen area or a fever, tell the user to see their GP" in (
        _claude(task)
    )


def _limits(task: str) -> list[tuple[str | None, str | None, int | None, int | None]]:
    return [(c.scope, c.unit, c.minimum, c.maximum) for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]


# Round 51's class 1, scoped limits: a limit stated for one marker of a laid-out reply stays that section's, keeps its
# range ("1 of 2 zinnen") and its unit ("tekens" are characters).
@pytest.mark.parametrize(
    ("task", "limit"),
    [
        (
            "Turn the diary into a weekly report, plain text.\nWEEK ENDING:\nKEY FINDS:\nNEXT WEEK:\nrules\n- KEY "
            "FINDS max 5 lines, each line = context number, find, trench.\n- whole thing max 250 words",
            ("the KEY FINDS section", "lines", None, 5),
        ),
        (
            "Schrijf producttekst voor de webshop.\nTITEL:\nVOOR WIE:\nregels: TITEL max 60 tekens.",
            ("the TITEL section", "characters", None, 60),
        ),
        (
            "Schrijf producttekst voor de webshop. Vaste opbouw:\nTITEL: max 60 tekens\nVOOR WIE: 1 of 2 zinnen\n"
            "PRIJS: het bedrag",
            ("the VOOR WIE section", "sentences", 1, 2),
        ),
        (
            "Escribe la ficha del producto. TÍTULO máximo 60 caracteres. Luego una descripción.",
            ("the TÍTULO section", "characters", None, 60),
        ),
        ("Schreib die Antwort in 2 oder 3 Sätzen.", (None, "sentences", 2, 3)),
    ],
)
def test_a_limit_keeps_its_section_range_and_unit(task: str, limit: tuple[str | None, str, int | None, int]) -> None:
    assert limit in _limits(task)


def test_a_whole_reply_limit_beside_a_section_limit_stays_the_replys() -> None:
    task = (
        "Turn the diary into a weekly report, plain text.\nWEEK ENDING:\nKEY FINDS:\nNEXT WEEK:\nrules\n- KEY FINDS "
        "max 5 lines.\n- whole thing max 250 words"
    )
    assert (None, "words", None, 250) in _limits(task)
    assert (None, "lines", None, 5) not in _limits(task)


def test_one_of_three_options_is_no_range() -> None:
    assert (None, "items", 1, 3) not in _limits("Pick 1 of 3 options and explain it in 2 sentences.")


# Round 52's class 2: a layout whose result line states the all-clear gets no default all-clear line beside it.
@pytest.mark.parametrize(
    "task",
    [
        "go code reviewer. someone pastes a diff, you review it.\nformat - exactly:\nfirst line RESULT: PASS or "
        "RESULT: FAIL\nthen findings one per line: BLOCKER|MAJOR|MINOR file.go:line what is wrong -> fix",
        "Review Kotlin pull requests. Line 1 is either VERDICT: APPROVE or VERDICT: CHANGES NEEDED, then one finding "
        "per line.",
        "Revisa los pull requests de Python. Primera línea: ESTADO: OK o ESTADO: CAMBIOS, luego un hallazgo por línea.",
    ],
)
def test_a_result_line_that_states_the_all_clear_replaces_the_default_one(task: str) -> None:
    assert "No blocking issues found" not in _claude(task)


def test_a_review_without_a_result_line_keeps_the_default_all_clear() -> None:
    assert "No blocking issues found" in _claude("Review Python diffs for our team. Max 5 findings, worst first.")


# Round 52's class 7: a line that opens with an order of its own never merges into the bullet before it, and a
# label's line of cases ("MAJOR: db calls without ctx, …") is a rule, not background.
@pytest.mark.parametrize(
    ("task", "first", "second"),
    [
        (
            "go code reviewer, someone pastes a diff.\nMAJOR: db calls without ctx, goroutines that can leak, errors "
            "ignored with _\ndont comment on formatting or naming, gofmt does that",
            "MAJOR: db calls without ctx, goroutines that can leak, errors ignored with _",
            "comment on formatting or naming",
        ),
        (
            "Review our Rust PRs.\nBLOCKER: unsafe blocks without a comment, unwrap in handlers, panics in libs\n"
            "do not mention clippy warnings",
            "BLOCKER: unsafe blocks without a comment, unwrap in handlers, panics in libs",
            "mention clippy warnings",
        ),
    ],
)
def test_an_order_on_its_own_line_is_its_own_rule(task: str, first: str, second: str) -> None:
    rules = [line for line in _section(_claude(task), "instructions").splitlines() if line[:1].isdigit()]
    holding_first = [line for line in rules if first in line]
    assert holding_first, rules
    assert second not in holding_first[0]
    assert any(second in line for line in rules)


def test_a_note_head_with_a_list_stays_context() -> None:
    task = "Answer questions about our bakery. NOTE: we bake bread, cakes, pies and scones daily."
    assert "we bake bread" not in _section(_claude(task), "instructions")


# Round 52's class 2: each label set of a bar-separated line goes to the slot its own words name, and the reply is
# that whole line, never "the label only".
@pytest.mark.parametrize(
    ("task", "slot", "values"),
    [
        (
            "sort incoming passenger msgs. output ONE line only:\nLABEL | PRIORITY\n\nlabels (only these): LOST, LATE, "
            "FARES, OTHER\n\npriority is HIGH or NORMAL. HIGH when someone is hurt.",
            "PRIORITY",
            "HIGH, NORMAL",
        ),
        (
            "Clasifica cada mensaje. Responde con una sola línea:\nCATEGORIA | URGENCIA\n\ncategorías: RESERVA, "
            "QUEJA, OTRO\n\nla urgencia es ALTA o BAJA.",
            "URGENCIA",
            "ALTA, BAJA",
        ),
        (
            "Sortiere jede Nachricht. Antworte mit genau einer Zeile:\nKATEGORIE | DRINGLICHKEIT\n\nKategorien: "
            "BUCHUNG, BESCHWERDE, SONSTIGES\n\nDringlichkeit ist HOCH oder NORMAL.",
            "DRINGLICHKEIT",
            "HOCH, NORMAL",
        ),
    ],
)
def test_each_label_set_goes_to_the_slot_it_names(task: str, slot: str, values: str) -> None:
    output = _section(_claude(task), "output_format")
    assert f"In `{slot}`, use exactly one of: {values}." in output
    assert "Reply with the label only" not in output


# Round 52's class 2: "Sempre in questo schema, niente altro:" (at the end of a long line, in the brief's language)
# introduces the reply's layout, whose every line stays, "FORMATO:" included (a line of it, not the output format).
@pytest.mark.parametrize(
    ("task", "lines"),
    [
        (
            "Pastificio Bianchi, Gragnano. Ti incollo la scheda tecnica di un formato e mi scrivi il testo per la "
            "pagina prodotto dello shop online. Sempre in questo schema, niente altro:\n\nTITOLO: max 60 caratteri\n"
            "DESCRIZIONE: da 80 a 120 parole\nFORMATO: peso in grammi come da scheda\n\n- Dai del tu al lettore.",
            ["TITOLO: max 60 caratteri", "DESCRIZIONE: da 80 a 120 parole", "FORMATO: peso in grammi come da scheda"],
        ),
        (
            "Bodega Ruiz, Jerez. Te paso la ficha técnica de cada vino y escribes el texto de la tienda online. "
            "Siempre en este formato, nada más:\n\nTÍTULO: máximo 60 caracteres\nNOTA: 2 frases\n"
            "FORMATO: botella de 75 cl\n\n- Tutea al lector.",
            ["TÍTULO: máximo 60 caracteres", "NOTA: 2 frases", "FORMATO: botella de 75 cl"],
        ),
        (
            "Rösterei Kaiser, Graz. Ich gebe dir das Datenblatt einer Bohne und du schreibst den Shop-Text. Immer in "
            "diesem Schema, nichts anderes:\n\nTITEL: max 60 Zeichen\nTEXT: 2 Sätze\nFORMAT: 250 g oder 1 kg\n\n"
            "- Duze den Leser.",
            ["TITEL: max 60 Zeichen", "TEXT: 2 Sätze", "FORMAT: 250 g oder 1 kg"],
        ),
    ],
)
def test_a_layout_introduced_in_the_briefs_language_keeps_every_line(task: str, lines: list[str]) -> None:
    output = _section(_claude(task), "output_format")
    assert "Use exactly this layout, line by line:\n" + "\n".join(lines) in output


# Round 52's class 6: "Pastificio Aurelio Vitale, Gragnano." (a name, a comma, a place) is an introduction too, and
# the job is the next sentence's addressed request ("… e mi scrivi il testo per la pagina prodotto").
@pytest.mark.parametrize(
    ("task", "intro", "job_words"),
    [
        (
            "Pastificio Bianchi, Gragnano. Ti incollo la scheda tecnica di un formato e mi scrivi il testo per la "
            "pagina prodotto dello shop online. Dai del tu al lettore.",
            "Pastificio Bianchi, Gragnano.",
            "mi scrivi il testo",
        ),
        (
            "Bodega Ruiz, Jerez. Queremos un asistente que escriba las fichas de los vinos para la tienda online. "
            "Tutea al lector.",
            "Bodega Ruiz, Jerez.",
            "escriba las fichas",
        ),
        (
            "Fietsenwinkel De Spaak, Utrecht. Ik plak de specificaties en jij schrijft de producttekst voor de "
            "webshop. Gebruik de je-vorm.",
            "Fietsenwinkel De Spaak, Utrecht.",
            "jij schrijft de producttekst",
        ),
    ],
)
def test_a_name_comma_place_intro_is_context_and_the_request_is_the_job(task: str, intro: str, job_words: str) -> None:
    prompt = _claude(task)
    assert f"«{intro.rstrip('.')}»" not in prompt  # (never quoted as the job)
    assert intro not in _section(prompt, "instructions")
    if "as the requester wrote it" in _section(prompt, "role"):
        assert job_words in _section(prompt, "role")


@pytest.mark.parametrize(
    "task", ["Convert the notes. The format is JSON or CSV.", "Convierte las notas. El formato es JSON o CSV."]
)
def test_a_format_named_after_is_is_no_label_set(task: str) -> None:
    assert not [c for c in extract_constraints(Brief(task=task)) if c.kind == "labels"]


@pytest.mark.parametrize(
    "task",
    [
        "Extrahiere die Rechnungsdaten als JSON: Nummer, Datum, Betrag. Die Währung ist EUR oder CHF.",
        "Resume las ventas por cliente. El archivo de entrada es XLSX o CSV.",
    ],
)
def test_a_currency_or_file_type_after_is_is_no_label_set(task: str) -> None:
    assert not [c for c in extract_constraints(Brief(task=task)) if c.kind == "labels"]
