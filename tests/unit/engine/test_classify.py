"""Archetype classification and entity extraction from briefs."""

from __future__ import annotations

import pytest

from app.engine import ARCHETYPES
from app.engine.brief import Brief, extract_entities
from app.engine.classify import classify, score_all
from app.engine.compose import extract_fields, extract_labels
from app.engine.generate import build_spec
from app.engine.types import Variable
from tests.unit.engine.briefs import BRIEFS


@pytest.mark.parametrize("case", BRIEFS, ids=lambda c: c.task[:50])
def test_primary_archetype_matches_corpus(case):
    matches = classify(case.task)
    assert matches[0].id == case.archetype
    assert matches[0].rank == "primary"
    if case.archetype != "general_assistant":
        assert matches[0].features, "a specialised archetype must report the features that matched"


def test_corpus_covers_every_archetype():
    assert len(BRIEFS) >= 40
    assert {c.archetype for c in BRIEFS} == set(ARCHETYPES)


def test_archetype_registry():
    assert len(ARCHETYPES) >= 15
    assert len(set(ARCHETYPES)) == len(ARCHETYPES)
    for required in ("customer_support", "document_qa", "data_extraction", "classification", "general_assistant"):
        assert required in ARCHETYPES


def test_vague_brief_falls_back_to_general_assistant():
    assert classify("Be useful")[0].id == "general_assistant"
    assert classify("")[0].id == "general_assistant"


def test_blend_adds_secondary_and_dedupes_rules():
    task = (
        "Customer support bot that answers refund questions using only the supplied policy documents and cites sources"
    )
    matches = classify(task)
    # Grounded in supplied documents, so document QA leads and customer support blends in (as for issue 1).
    assert [m.id for m in matches][:2] == ["document_qa", "customer_support"]
    assert matches[1].rank == "secondary"
    spec, _ = build_spec(Brief(task=task))
    assert spec.role == "You are a customer support assistant."
    texts = [r.text for r in spec.instructions]
    assert len(texts) == len(set(texts))
    assert any("escalate" in t.lower() for t in texts)
    assert any("cite" in t.lower() for t in texts)


def test_fixed_output_primary_takes_no_rules_from_secondaries():
    spec, matches = build_spec(Brief(task="Classify incoming support emails into billing, technical, account or other"))
    assert matches[0].id == "classification"
    assert not any("escalate" in r.text.lower() for r in spec.instructions)


def test_scores_are_integers_and_sorted():
    ranked = score_all("Summarize and classify support tickets, then translate them")
    scores = [m.score for m in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(isinstance(s, int) for s in scores)


def test_entities_product_language_tone():
    e = extract_entities("Answer support tickets for Acme's billing app in Spanish, in a friendly tone")
    assert e.organization == "Acme"
    assert e.product == "Acme's billing app"
    assert e.language == "Spanish"
    assert "friendly" in e.tone
    assert [v.name for v in e.variables] == ["ticket"]


def test_entities_org_after_at_and_audience():
    e = extract_entities("A code review bot at Globex Corp for junior developers")
    assert e.organization == "Globex Corp"
    assert e.audience == "junior developers"


def test_entities_translation_languages():
    e = extract_entities("Translate marketing emails from English into German")
    assert (e.language, e.source_language) == ("German", "English")


@pytest.mark.parametrize(
    ("task", "kind", "length"),
    [
        ("Summaries as bullet points, brief", "bullets", "short"),
        ("Return JSON with a detailed analysis", "json", "detailed"),
        ("Compare plans in a table", "table", None),
        ("Write the answer in markdown", "markdown", None),
    ],
)
def test_entities_format_and_length_cues(task, kind, length):
    e = extract_entities(task)
    assert e.output_kind == kind
    assert e.length == length


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("Given a support ticket, draft a reply", "ticket"),
        ("Answer questions about the document", "document"),
        ("Answer the user's question", "question"),
        ("Review the code diff", "diff"),
        ("Reply to the email", "email"),
        ("Summarise the meeting transcript", "transcript"),
    ],
)
def test_input_cues_become_untrusted_variables(task, expected):
    variables = {v.name: v for v in extract_entities(task).variables}
    assert expected in variables
    assert variables[expected].trusted is False
    assert variables[expected].description


def test_explicit_variables_win_over_inferred():
    explicit = Variable(name="ticket", description="Ticket body from Zendesk.", trusted=True, max_length=4000)
    spec, _ = build_spec(Brief(task="Answer support tickets for Acme", variables=[explicit]))
    tickets = [v for v in spec.variables if v.name == "ticket"]
    assert tickets == [explicit]


def test_label_and_field_extraction():
    assert extract_labels("Classify emails into billing, technical, account or other") == [
        "billing",
        "technical",
        "account",
        "other",
    ]
    # The set as the brief states it: no "other" it did not name.
    assert extract_labels("label each review as positive, negative or neutral") == [
        "positive",
        "negative",
        "neutral",
    ]
    assert extract_fields("Extract the invoice number, vendor, date and total from invoices") == [
        "invoice_number",
        "vendor",
        "date",
        "total",
    ]
    assert extract_fields("Extract structured data (parties, effective date, term) from contracts") == [
        "parties",
        "effective_date",
        "term",
    ]


def _unicode_mode_keywords(text: str) -> dict[str, list[str]]:
    """Keyword labels per archetype found with the registry's own (Unicode-mode) patterns, gate-free."""
    from app.engine.archetypes import REGISTRY
    from app.engine.classifier.features import MAX_CHARS
    from app.engine.classifier.text import prepare

    window = prepare(text)[:MAX_CHARS]
    return {a.id: [f.label for f in a.features if f.pattern.search(window)] for a in REGISTRY}


@pytest.mark.parametrize(
    "text",
    [
        *(case.task for case in BRIEFS[:40]),
        "Help me debug my Kotlin code and write unit tests",
        "Help me debug my Kotl\u0130n code and write unit tests",  # "İ" folds to "i" only in Unicode mode
        "Résumé les contrats juridiques pour des managers pressés",
    ],
)
def test_keyword_features_are_those_of_the_unicode_patterns(text):
    """score_all may search ASCII briefs with ASCII-mode twins of the keyword patterns; the labels it reports must
    be exactly those that the registry's own patterns find."""
    expected = _unicode_mode_keywords(text)
    for match in score_all(text):
        assert match.features[1:] == expected[match.id]
