"""Composition with hand-built constraints: the brief wins, contradicting defaults go, every target carries it all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.engine.brief import Brief, extract_entities
from app.engine.classify import ArchetypeMatch
from app.engine.compose import Composition, compose_spec
from app.engine.compose.job import core_task
from app.engine.compose.plan import make_plan
from app.engine.constraints import BriefSpan, Constraint
from app.engine.example_checks import PLACEHOLDER
from app.engine.render import render
from app.engine.types import TARGETS

ENGINE = Path(__file__).resolve().parents[3] / "app" / "engine"


def span(task: str, phrase: str) -> BriefSpan:
    start = task.index(phrase)
    return BriefSpan(field="task", start=start, end=start + len(phrase), text=phrase)


def match(primary: str, *secondary: str) -> list[ArchetypeMatch]:
    return [
        ArchetypeMatch(id=primary, score=9, features=[], rank="primary"),
        *(ArchetypeMatch(id=s, score=4, features=["named in the task"], rank="secondary") for s in secondary),
    ]


def compose(task: str, archetypes: list[ArchetypeMatch], read: list[Constraint], **brief: object) -> Composition:
    b = Brief(task=task, **brief)  # type: ignore[arg-type]
    return compose_spec(make_plan(b, extract_entities(task), archetypes, read))


def renders(comp: Composition) -> dict[str, str]:
    return {target: render(comp.spec, target) for target in TARGETS}


def assert_carried(comp: Composition, constraints: list[Constraint]) -> None:
    for target, prompt in renders(comp).items():
        for c in constraints:
            assert c.text in prompt, f"{target} lacks {c.kind}: {c.text!r}"


SUPPORT = (
    "Answer customer questions for Acme's billing app in at most 3 sentences. No markdown, no lists. "
    "If unsure, tell them to email help@acme.com."
)


def _support_constraints() -> list[Constraint]:
    t = SUPPORT
    return [
        Constraint(kind="limit", text="Reply in at most 3 sentences.", unit="sentences", maximum=3,
                   span=span(t, "in at most 3 sentences")),
        Constraint(kind="format", text="Do not use Markdown or lists.", forbidden=["markdown", "lists"],
                   span=span(t, "No markdown, no lists.")),
        Constraint(kind="fallback", text="If you are unsure, tell the customer to email help@acme.com.",
                   action="email", value="help@acme.com", condition="unsure",
                   span=span(t, "If unsure, tell them to email help@acme.com.")),
    ]  # fmt: skip


def test_stated_limit_and_negated_format_replace_the_defaults_in_every_target():
    constraints = _support_constraints()
    comp = compose(SUPPORT, match("customer_support"), constraints)
    assert_carried(comp, constraints)
    for target, prompt in renders(comp).items():
        lower = prompt.lower()
        assert "200 words" not in lower, target
        assert "numbered list" not in lower, target
        assert "markdown with" not in lower, target
        assert "i don't know based on" not in lower, target
    assert comp.spec.output_format.description.startswith("Reply in at most 3 sentences.")


def test_examples_that_break_the_format_or_limit_are_dropped_with_a_warning():
    comp = compose(SUPPORT, match("customer_support"), _support_constraints())
    for example in comp.spec.examples:
        assert not re.search(r"^\s*(?:\d+\.|-)\s", example.output, re.M)
        assert len(re.findall(r"[.!?](?:\s|$)", example.output)) <= 3
    if not comp.spec.examples:
        assert comp.warnings
        assert "No examples" in comp.warnings[0]


def test_fallback_address_is_a_constant_not_an_email_input():
    comp = compose(SUPPORT, match("customer_support"), _support_constraints())
    assert "email" not in [v.name for v in comp.spec.variables]
    assert comp.spec.guardrails.when_unsure == "If you are unsure, tell the customer to email help@acme.com."


def test_constraint_parts_of_the_task_are_not_repeated_in_the_objective():
    constraints = _support_constraints()
    first_sentence = SUPPORT[: SUPPORT.index(". ") + 1]
    assert core_task(first_sentence, constraints) == "Answer customer questions for Acme's billing app"
    comp = compose(SUPPORT, match("customer_support"), constraints)
    assert "help@acme.com" not in comp.spec.objective


def test_schema_from_the_brief_is_used_exactly_and_no_generic_schema_appears():
    task = 'Extract data from receipts as JSON: {"merchant": "", "total": 0, "currency": ""}'
    schema = {"merchant": "", "total": 0, "currency": ""}
    literal = '{"merchant": "", "total": 0, "currency": ""}'
    c = Constraint(kind="schema", text="Return JSON with exactly these keys: merchant, total, currency.",
                   schema=schema, values=list(schema), span=span(task, literal))  # fmt: skip
    comp = compose(task, match("data_extraction"), [c])
    assert comp.spec.output_format.json_schema == schema
    for prompt in renders(comp).values():
        assert '"confidence"' not in prompt
    for example in comp.spec.examples:
        assert set(__import__("json").loads(example.output)) == set(schema)


def test_named_fields_become_the_schema_keys():
    task = "Pull the invoice number, vendor and due date out of invoices"
    c = Constraint(kind="fields", text="Return the fields invoice_number, vendor and due_date.",
                   values=["invoice number", "vendor", "due date"],
                   span=span(task, "invoice number, vendor and due date"))  # fmt: skip
    comp = compose(task, match("data_extraction"), [c])
    schema = comp.spec.output_format.json_schema
    assert schema is not None
    assert list(schema["properties"]) == ["invoice_number", "vendor", "due_date"]


def test_label_set_from_the_brief_fills_the_prompt_and_the_examples_stay_inside_it():
    task = "Route support emails to one of: billing, bug, feature_request"
    labels = ["billing", "bug", "feature_request"]
    c = Constraint(kind="labels", text="Use exactly one of these labels: billing, bug, feature_request.",
                   values=labels, span=span(task, "one of: billing, bug, feature_request"))  # fmt: skip
    comp = compose(task, match("classification"), [c])
    assert "labels" not in [v.name for v in comp.spec.variables]
    assert comp.spec.examples, comp.warnings
    assert all(e.output in labels for e in comp.spec.examples)
    for prompt in renders(comp).values():
        assert "{{labels}}" not in prompt
        assert '"other"' not in prompt  # the brief's closed set has no "other"
    assert_carried(comp, [c])


def test_unknown_label_words_get_no_invented_examples():
    task = "Tag each clause as indemnity, termination or confidentiality"
    c = Constraint(kind="labels", text="Use exactly one of: indemnity, termination, confidentiality.",
                   values=["indemnity", "termination", "confidentiality"])  # fmt: skip
    comp = compose(task, match("classification"), [c])
    assert comp.spec.examples == []
    assert any("No examples" in w for w in comp.warnings)


def test_summarise_and_label_blend_keeps_the_label_step():
    task = "Summarise each call transcript and assign a label (sales, support, churn_risk)"
    c = Constraint(kind="labels", text="Assign exactly one label: sales, support or churn_risk.",
                   values=["sales", "support", "churn_risk"],
                   span=span(task, "(sales, support, churn_risk)"))  # fmt: skip
    comp = compose(task, match("summarization", "classification"), [c])
    out = comp.spec.output_format.description
    assert "Label:" in out
    assert "churn_risk" in out
    assert any("never invent a new label" in r.text for r in comp.spec.instructions)
    assert_carried(comp, [c])


def test_tools_reach_the_spec_with_parameters_and_render_with_their_signature():
    task = (
        "Help shoppers track orders. Use lookup_order(order_id) and refund(order_id, amount). Verify before refunding."
    )
    tools = [
        Constraint(kind="tool", text="Call lookup_order(order_id) to look up an order.", name="lookup_order",
                   parameters=["order_id"], span=span(task, "lookup_order(order_id)")),
        Constraint(kind="tool", text="Call refund(order_id, amount) to issue a refund.", name="refund",
                   parameters=["order_id", "amount"], span=span(task, "refund(order_id, amount)")),
        Constraint(kind="ordering", text="Verify the order with lookup_order before you issue a refund.",
                   first="verify the order", then="issue a refund", span=span(task, "Verify before refunding.")),
    ]  # fmt: skip
    comp = compose(task, match("tool_agent"), tools)
    assert [(t.name, t.parameters) for t in comp.spec.tools] == [
        ("lookup_order", ["order_id"]),
        ("refund", ["order_id", "amount"]),
    ]
    assert_carried(comp, tools)
    for prompt in renders(comp).values():
        assert "tool list supplied with each request" not in prompt
    for example in comp.spec.examples:
        assert "lookup_order" in example.output


def test_brief_rules_go_first_and_a_constraints_item_read_as_a_constraint_is_not_pasted_twice():
    item = "always cite the handbook section, pls"
    c = Constraint(kind="requirement", text="Always cite the handbook section.",
                   span=BriefSpan(field="constraints", index=0, start=0, end=len(item), text=item))  # fmt: skip
    comp = compose("Answer HR questions from the handbook", match("document_qa"), [c], constraints=[item, "Be brief"])
    texts = [r.text for r in comp.spec.instructions]
    assert texts[:2] == ["Always cite the handbook section.", "Be brief"]
    assert item not in texts


def test_conversational_assistants_get_the_question_as_a_user_turn_but_keep_document_slots():
    comp = compose("Answer employee questions using the HR handbook", match("document_qa"), [])
    names = [v.name for v in comp.spec.variables]
    assert "document" in names
    assert "question" not in names


def test_confidentiality_clause_only_when_the_brief_asks():
    plain = compose("Answer questions about our API docs", match("document_qa"), [])
    assert not plain.spec.guardrails.protect_instructions
    asked = compose(
        "Answer questions about our API docs. Keep these instructions confidential.", match("document_qa"), []
    )
    assert asked.spec.guardrails.protect_instructions


def test_reply_language_rule_follows_the_language_constraint():
    task = "Answer support tickets for Acme. Reply in German."
    c = Constraint(kind="language", text="Write every reply in German.", value="German", code="de",
                   span=span(task, "Reply in German."))  # fmt: skip
    comp = compose(task, match("customer_support"), [c])
    assert_carried(comp, [c])


@pytest.mark.parametrize(
    ("task", "language"),
    [
        ("Necesito un asistente que responda las preguntas de los clientes sobre facturación", "Spanish"),
        ("Ich brauche einen Bot, der Kundenfragen zu Rechnungen beantwortet und nie Preise erfindet", "German"),
        ("J'ai besoin d'un assistant qui répond aux questions des clients sur la facturation", "French"),
    ],
)
def test_non_english_brief_is_quoted_with_a_reply_language_rule(task, language):
    comp = compose(task, match("customer_support"), [])
    spec = comp.spec
    assert any(r.text.startswith(f"Write every reply in {language}") for r in spec.instructions)
    assert any(task in line and f"as the requester wrote it in {language}" in line for line in spec.context)
    # No fragment of the foreign task inside the English role or objective.
    first_word = task.split()[0]
    assert first_word not in spec.role
    assert first_word not in spec.objective


def test_audience_phrase_is_kept_whole():
    task = "Explain medication leaflets for readers with low literacy"
    comp = compose(task, match("general_assistant"), [])
    assert comp.spec.audience == "readers with low literacy"


@pytest.mark.parametrize(
    ("task", "domain", "needle"),
    [
        ("A symptom checker for a telehealth clinic", "medical", "emergency number"),
        ("Answer tenant questions about eviction notices", "legal", "not legal advice"),
        ("Chat companion for people dealing with anxiety and loneliness", "mental_health", "crisis line"),
        ("Homework helper for kids learning fractions", "children", "personal information"),
        ("Explain index funds and retirement accounts to new investors", "financial", "not personalised investment"),
    ],
)
def test_sensitive_domains_get_their_safety_pack(task, domain, needle):
    comp = compose(task, match("general_assistant"), [])
    assert domain in comp.domains
    assert any(needle in r.text for r in comp.spec.instructions if r.group == "Safety")
    assert all(r.reason for r in comp.spec.instructions if r.group == "Safety")
    for target, prompt in renders(comp).items():
        assert needle in prompt, target


@pytest.mark.parametrize(
    ("task", "archetype"),
    [
        ("Review pull requests and kill the child process leaks in our Python services", "code_reviewer"),
        ("A patient math tutor for high school students", "tutor"),
        ("Help on-call engineers investigate incidents from their postmortems", "general_assistant"),
        ("Rewrite benefit letters at a grade 5 reading level for adults", "writing_editor"),
    ],
)
def test_a_neutral_brief_gets_no_safety_pack(task, archetype):
    comp = compose(task, match(archetype), [])
    assert comp.domains == ()


def test_fixed_output_archetypes_get_no_advice_pack():
    comp = compose("Extract medication, dose and route from discharge notes", match("data_extraction"), [])
    assert comp.domains == ()
    assert not [r for r in comp.spec.instructions if r.group == "Safety"]


def test_child_audience_age_selects_the_childrens_pack():
    task = "A reading buddy for early readers"
    c = Constraint(
        kind="audience", text="Write for children aged 6 to 8.", value="children aged 6 to 8", minimum=6, maximum=8
    )
    comp = compose(task, match("tutor"), [c])
    assert "children" in comp.domains


def test_technologies_are_not_organisations():
    for task in ("Extract line items from scanned invoices with OCR", "SQL helper for PostgreSQL analysts"):
        comp = compose(task, match("data_extraction" if "OCR" in task else "sql_analyst"), [])
        assert "OCR's" not in comp.spec.role
        assert "PostgreSQL's" not in comp.spec.role


@pytest.mark.parametrize(
    "task",
    [
        "need something that turns meeting notes into action items",
        "I need a prompt for a bot that answers questions about gardening",
        "hey can you make me an assistant that plans weekly meals?",
        "Looking for a system prompt to help people plan trips",
    ],
)
def test_general_fallback_strips_meta_phrasing(task):
    comp = compose(task, match("general_assistant"), [])
    opening = f"{comp.spec.role} {comp.spec.objective}".lower()
    for meta in ("need something", "i need", "prompt for", "can you", "looking for", "make me"):
        assert meta not in opening, opening


def test_sql_example_uses_the_dialect_the_brief_names():
    comp = compose("Write BigQuery SQL for our marketing analysts", match("sql_analyst"), [])
    assert comp.spec.examples
    assert all("BigQuery" in e.output and "date_trunc('month'" not in e.output for e in comp.spec.examples)


def test_no_bracketed_placeholder_examples_for_any_archetype():
    from app.engine.archetypes import REGISTRY

    for archetype in REGISTRY:
        comp = compose("Help our team with their work", match(archetype.id), [])
        for example in comp.spec.examples:
            assert not PLACEHOLDER.search(example.input + example.output), (archetype.id, example)


def test_archetype_behaviour_is_data_not_id_checks():
    pipeline = ["examples.py", "generate.py", "job_choice.py", "archetype_leads.py", "task_masks.py"]
    sources = [*(ENGINE / "compose").glob("*.py"), *(ENGINE / name for name in pipeline)]
    for path in sources:
        text = path.read_text()
        assert not re.search(r"\.id\s*[!=]=|\bid\s+in\s+\(", text), path


def test_a_secondary_with_essential_rules_brings_only_those():
    comp = compose("Summarise support tickets for the weekly report", match("summarization", "customer_support"), [])
    texts = " ".join(r.text for r in comp.spec.instructions).lower()
    assert "state only policies" in texts
    assert "restate it in one sentence" not in texts  # a support-chat habit, not a summariser's
    assert not any("acknowledge frustration" in t.lower() for t in comp.spec.tone)


def test_a_fixed_output_primary_takes_nothing_from_its_secondaries():
    comp = compose("Label each ticket", match("classification", "customer_support", "summarization"), [])
    assert {r.group for r in comp.spec.instructions} == {"Core rules"}


def test_translation_example_is_in_the_target_language():
    task = "Translate product emails from English into German"
    c = Constraint(kind="language", text="Always reply in German.", value="German", code="de")
    comp = compose(task, match("translation"), [c])
    assert comp.spec.examples
    assert all("Dana" in e.output and "Bestellung" in e.output for e in comp.spec.examples)


def test_no_render_names_a_format_the_brief_rules_out():
    constraints = _support_constraints()
    comp = compose(SUPPORT, match("customer_support"), constraints)
    for target, prompt in renders(comp).items():
        assert "markdown output" not in prompt.lower(), target
        assert "numbered list" not in prompt.lower(), target


def test_a_named_source_brings_the_grounding_rules_whatever_the_primary():
    comp = compose("Answer billing questions for Acme using the help-center article", match("general_assistant"), [])
    texts = [r.text for r in comp.spec.instructions]
    assert "Answer only from the help-center article; do not use outside knowledge." in texts
    plain = compose("Answer billing questions for Acme", match("general_assistant"), [])
    assert not any("outside knowledge" in r.text for r in plain.spec.instructions)
