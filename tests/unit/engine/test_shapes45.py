"""Format bans, label sets and data values: a scoped link ban is no format ban; a rationed allowance is a soft rule;
a label-and-draft reply shows its label line in the brief's order; values under a schema heading are data; two label
sets keep a line each; a document job names the brief's own source."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def _output(task: str) -> str:
    return _prompt(task).split("<output_format>", 1)[1].split("</output_format>", 1)[0]


@pytest.mark.parametrize(
    "task",
    [
        "You support Acme's billing app. Answer questions about invoices. Always link the help article at "
        "help.acme.com/billing. Never link to competitor sites.",
        "Answer questions from our webshop customers. Include the link to the FAQ page. Don't include links to other "
        "websites.",
        "Du bist der Support-Assistent eines Onlineshops. Füge immer den Link zum Hilfeartikel ein. Keine Links zu "
        "Konkurrenzseiten.",
        "Tu es l'assistant d'une boutique en ligne. Ajoute toujours le lien vers l'article d'aide. Pas de liens vers "
        "des sites concurrents.",
        "Answer customer questions for our bakery. No external links.",
    ],
)
def test_a_scoped_link_ban_is_no_format_ban(task: str) -> None:
    found = read_constraints(Brief(task=task))
    assert not any("links" in c.forbidden for c in found)
    assert "Do not use links" not in _prompt(task)


def test_a_foreign_scoped_link_ban_keeps_its_links() -> None:
    task = "Eres el asistente de una tienda. Nunca pongas enlaces a sitios de la competencia."
    bans = [c.text for c in read_constraints(Brief(task=task)) if c.kind == "prohibition"]
    assert bans
    assert all("enlaces" in ban for ban in bans)  # not "Never give competitors."
    # a ban on every link stays a format ban
    found = read_constraints(Brief(task="Answer questions about our museum. No links, no markdown, plain text only."))
    assert any("links" in c.forbidden for c in found)


@pytest.mark.parametrize(
    "task",
    [
        "You answer Instagram DMs for a yoga studio. Use emojis, but not too many.",
        "Du bist der Chat-Assistent eines Cafés. Beantworte Fragen zur Speisekarte. Emojis gern, aber sparsam.",
        "Reply to customer messages for our surf shop. Feel free to use emojis, just don't overdo it.",
        "Responde a los mensajes de clientes de nuestra heladería. Puedes usar emojis, pero no demasiados.",
        "Reply to customer chats for our shoe store. Don't use too many emojis.",
    ],
)
def test_a_rationed_allowance_is_a_soft_rule(task: str) -> None:
    found = read_constraints(Brief(task=task))
    assert not any("emoji" in c.forbidden for c in found)
    assert not any("too many." in c.text.lower() and c.kind == "prohibition" for c in found)
    assert any(c.text.startswith("Use emojis sparingly") for c in found)
    assert "Do not be too many" not in _prompt(task)


def test_a_counted_allowance_names_the_thing() -> None:
    found = read_constraints(Brief(task="You answer DMs for our yoga studio. Emojis ok, max one per message."))
    assert any(c.text == "Use at most 1 emoji per message." for c in found)
    assert not any(c.kind == "limit" for c in found)  # not "Keep to at most 1 per message."


def test_a_ban_before_a_ration_stays() -> None:
    found = read_constraints(
        Brief(task="Reply to chats for our shoe store. No emojis, and not too many exclamation marks.")
    )
    assert any("emoji" in c.forbidden for c in found)
    assert any(c.text.startswith("Use exclamation marks sparingly") for c in found)


@pytest.mark.parametrize(
    ("task", "line"),
    [
        (
            "For each incoming customer email, label it as one of: billing, shipping, returns, other. Then draft a "
            "short reply to the customer.",
            'On the first line, "Label: <exactly one of: billing, shipping, returns, other>"',
        ),
        (
            "Read each support ticket, tag it with a priority (urgent, normal, low), and then write a draft answer the "
            "agent can send.",
            'On the first line, "Priority: <exactly one of: urgent, normal, low>"',
        ),
        (
            "Classe chaque message client dans une catégorie (facturation, livraison, retour, autre), puis rédige une "
            "réponse courte au client.",
            'On the first line, "Category: <exactly one of: facturation, livraison',
        ),
        (
            "Ordne jede Kundenanfrage einer Kategorie zu (Rechnung, Versand, Rückgabe, Sonstiges) und schreibe dann "
            "einen Antwortentwurf.",
            'On the first line, "Category: <exactly one of: Rechnung, Versand',
        ),
    ],
)
def test_a_label_and_draft_reply_opens_with_its_label_line(task: str, line: str) -> None:
    output = _output(task)
    assert line in output
    assert "then a blank line; then the reply" in output
    assert "Only the label" not in output


def test_a_label_asked_after_the_draft_closes_the_reply() -> None:
    output = _output("Draft a reply to each incoming email, then tag it as billing, shipping or other.")
    assert output.strip().endswith(
        'End with one line that starts with "Label:" followed by exactly one label from: billing, shipping, other.'
    )
    assert "Assign exactly one" not in output


@pytest.mark.parametrize(
    "task",
    [
        "For each customer email: give it a category (billing, shipping, other) and a priority (high, low), then draft "
        "a short reply.",
        "Trie chaque e-mail : catégorie (billing, shipping, other) et priorité (high, low), puis rédige une réponse.",
    ],
)
def test_two_label_sets_before_a_draft_open_the_reply(task: str) -> None:
    output = _output(task)
    assert (
        'On the first lines, one each, "Category: <exactly one of: billing, shipping, other>", then '
        '"Priority: <exactly one of: high, low>"; then a blank line; then the reply' in output
    )


@pytest.mark.parametrize(
    "task",
    [
        "You write SQL for PostgreSQL for staff.\n\nTables:\n- tickets(id, sold_at, fare_type, price)\n"
        "- routes(id, name, zone)\nfare_type: ADULT, CHILD, CONCESSION\n\nReturn only the SQL query.",
        "Write SQL for our shop database when the user asks a question.\n\nSchema:\norders: id, customer_id, status, "
        "total\nstatus: PENDING, PAID, SHIPPED, CANCELLED\n\nReturn only the query, no explanation.",
    ],
)
def test_column_values_under_a_schema_heading_are_data(task: str) -> None:
    prompt = _prompt(task)
    schema = prompt.split("<schema>", 1)[1].split("</schema>", 1)[0] if "<schema>" in prompt else prompt
    assert ": ADULT, CHILD, CONCESSION" in schema or ": PENDING, PAID, SHIPPED, CANCELLED" in schema
    assert "exactly one of these labels" not in prompt
    assert "label set" not in prompt
    assert "child's personal information" not in prompt  # "CHILD" is a fare, not a reader


@pytest.mark.parametrize(
    ("task", "first", "second"),
    [
        (
            "Trie les e-mails entrants du service client. Catégories : facturation, livraison, retour, autre. "
            "Priorité : haute / normale.",
            '"Category: <one of: facturation, livraison, retour, autre>"',
            '"Priority: <one of: haute, normale>"',
        ),
        (
            "Classify each bug report by component (frontend, backend, database) and by severity (critical, major, "
            "minor).",
            '"Component: <one of: frontend, backend, database>"',
            '"Severity: <one of: critical, major, minor>"',
        ),
        (
            "Clasifica cada mensaje por tema (pedidos, pagos, cuenta) y por urgencia (alta, media, baja).",
            '"Topic: <one of: pedidos, pagos, cuenta>"',
            '"Urgency: <one of: alta, media, baja>"',
        ),
    ],
)
def test_each_label_set_keeps_its_own_line(task: str, first: str, second: str) -> None:
    output = _output(task)
    assert first in output
    assert second in output
    assert output.index(first) < output.index(second)
    assert "Only the label" not in output


@pytest.mark.parametrize(
    ("task", "source"),
    [
        (
            "You help our receptionists. Answer their questions using the practice folder (pasted by the user).",
            "the practice folder",
        ),
        (
            "Answer patients' questions using only the leaflet below. If the leaflet doesn't say, send them to the "
            "pharmacist.",
            "the leaflet",
        ),
    ],
)
def test_a_document_job_names_the_briefs_source(task: str, source: str) -> None:
    prompt = _prompt(task)
    assert f"answer is not in {source}" in prompt
    assert "the documents do not cover it" not in prompt
    assert "the supplied documents" not in prompt
