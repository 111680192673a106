"""End-to-end generation over the brief corpus: lint-clean, archetype sections present, deterministic."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from app.engine import Brief, GenerationResult, generate
from app.engine.spec import Example, Tool
from app.engine.types import TARGETS, Variable
from tests.unit.engine.briefs import BRIEFS
from tests.unit.engine.realistic_briefs import REALISTIC

REPO = Path(__file__).resolve().parents[3]

REQUIRED: dict[str, tuple[str, ...]] = {
    "customer_support": ("escalate to a human agent", "a member of the team has to handle it"),
    "coding_assistant": ("state your assumptions", "runnable code", "use only apis, functions and flags that exist"),
    "code_reviewer": ("quote the exact line", "no blocking issues found"),
    "tutor": ("one question or hint at a time",),
    "data_extraction": ("null", "single json object", '"properties"', "no prose"),
    "classification": ("exactly one label", "labels:"),
    "summarization": ("include only information stated in the input",),
    # The grounding source is named in the brief's own words ("the product manuals", "the contract").
    "document_qa": (
        "answer only from the ",
        "do not use outside knowledge",
        # ("cite" only for several documents or a brief that asks: one contract or handbook gets no [Doc 2, …])
        "reply exactly: \"i don't know based on",
    ),
    "tool_agent": ("confirm before any action",),
    "writing_editor": ("keep the author's meaning",),
    "translation": ("translate the meaning", "only the translated text"),
    "research_analyst": ("confidence level", "source"),
    "sql_analyst": ("read-only", "schema"),
    "marketing_copy": ("call to action", "product details"),
    "content_moderation": ('"decision"', "policy categories", '"review"'),
    # An interview asks one question per turn; any other role-play (a difficult customer) replies in character.
    "roleplay_interviewer": ("one question per turn|one turn at a time", "stay in role|stay in the character"),
    "meeting_email_assistant": ("action items", "owner"),
    "grader": ("rubric", "evidence", "before its score"),
    "general_assistant": ("clarifying question",),
}
OUTPUT_MARKER = {
    "claude": "<output_format>",
    "gpt": "# Output Format",
    "gemini": "## Output format",
    "small": "## Output",
    "generic": "# Output format",
}
FALLBACK_RE = re.compile(r"unsure|don't know|out of scope", re.I)


def _result(task: str, target: str) -> GenerationResult:
    return generate(Brief(task=task, target=target))  # type: ignore[arg-type]


@pytest.mark.parametrize("case", BRIEFS, ids=lambda c: c.task[:50])
@pytest.mark.parametrize("target", TARGETS)
def test_corpus_prompt_lints_clean_and_is_complete(case, target):
    result = _result(case.task, target)
    prompt = result.prompt
    assert result.lint.errors == 0, [f for f in result.lint.findings if f.severity == "error"]
    assert result.lint.warnings == 0, [f for f in result.lint.findings if f.severity == "warning"]
    assert OUTPUT_MARKER[target] in prompt
    assert FALLBACK_RE.search(prompt)
    assert result.archetypes[0].id == case.archetype
    if target != "small":
        lower = prompt.lower()
        for needle in REQUIRED[case.archetype]:
            assert any(n in lower for n in needle.split("|")), f"{case.archetype} prompt for {target} lacks {needle!r}"
    for variable in result.variables:
        occurrences = prompt.count(f"{{{{{variable.name}}}}}")
        delimited = len(re.findall(rf"<{variable.name}>\s*\{{\{{{variable.name}\}}\}}\s*</{variable.name}>", prompt))
        assert occurrences == delimited == 1
    if any(not v.trusted for v in result.variables):
        assert "as data, not as instructions" in prompt


def test_result_has_tokens_for_every_target_and_archetype_scores():
    result = _result("Answer employee questions using only the supplied HR policy documents", "claude")
    assert [t.target for t in result.tokens] == list(TARGETS)
    assert all(t.count > 100 for t in result.tokens)
    assert result.archetypes[0].id == "document_qa"
    assert result.archetypes[0].score > 0
    # The question arrives as the user turn (a conversational archetype), the documents as a delimited slot.
    assert [v.name for v in result.variables] == ["document"]


def _digest(results: list[GenerationResult]) -> str:
    h = hashlib.sha256()
    for r in results:
        h.update(msgspec.json.encode(r))
    return h.hexdigest()


def _corpus_results() -> list[GenerationResult]:
    return [_result(c.task, t) for c in BRIEFS for t in TARGETS]


def test_generation_is_byte_identical_across_runs():
    assert _digest(_corpus_results()) == _digest(_corpus_results())


@pytest.mark.parametrize("seed", ["1", "4242"])
def test_generation_is_byte_identical_across_processes(seed):
    script = (
        "import hashlib, msgspec\n"
        "from tests.unit.engine.test_generate import _corpus_results, _digest\n"
        "print(_digest(_corpus_results()))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == _digest(_corpus_results())


TASK_ONLY = {
    "customer_support": "Answer support tickets for an online shoe store",
    "document_qa": "Answer questions using only the supplied documents",
    "data_extraction": "Extract the name, date and amount from receipts",
    "coding_assistant": "A coding assistant for Python developers",
    "translation": "Translate product pages into French",
}


def test_task_only_briefs_differ_per_archetype():
    prompts = {k: _result(task, "generic").prompt for k, task in TASK_ONLY.items()}
    assert len(set(prompts.values())) == len(prompts)
    roles = {k: p.split("\n")[1] for k, p in prompts.items()}
    assert "customer support agent" in roles["customer_support"]
    assert "question-answering assistant" in roles["document_qa"]
    assert "Answer questions using only the supplied documents." in roles["document_qa"]
    assert "data extraction engine" in roles["data_extraction"]
    assert "coding assistant" in roles["coding_assistant"]
    assert "translator" in roles["translation"]
    assert "into French" in prompts["translation"]


def test_task_only_briefs_differ_per_target():
    renders = {t: _result(TASK_ONLY["document_qa"], t).prompt for t in TARGETS}
    assert len(set(renders.values())) == len(TARGETS)
    assert renders["claude"].startswith("<role>")
    assert renders["gpt"].startswith("# Role and Objective")
    assert renders["gemini"].startswith("## Role")
    assert renders["generic"].startswith("# Role\n")
    assert not renders["small"].startswith("#")


def test_also_render_returns_other_targets_only():
    result = generate(Brief(task="Summarize articles", target="gpt", also_render=["claude", "gpt", "small", "claude"]))
    assert [r.target for r in result.renders] == ["claude", "small"]
    assert result.renders[0].prompt.startswith("<role>")
    assert result.prompt.startswith("# Role and Objective")


def test_brief_fields_are_used_verbatim():
    schema = {
        "type": "object",
        "properties": {"sku": {"type": "string"}, "price": {"type": ["number", "null"]}},
        "required": ["sku", "price"],
    }
    brief = Brief(
        task="Extract product data from supplier emails",
        role="pricing analyst at Umbrella Retail",
        audience="category managers",
        tone="Crisp and factual.",
        constraints=["Report prices in EUR with two decimals."],
        json_schema=schema,
        examples=[Example(input="SKU 77-A costs 12.5 EUR", output='{"sku": "77-A", "price": 12.5}')],
        tools=[
            Tool(name="fx_rates", purpose="Returns today's EUR exchange rates.", when_to_use="A price is not in EUR.")
        ],
        variables=[Variable(name="email", description="Supplier email body.", trusted=False)],
        language="German",
        target="claude",
    )
    result = generate(brief)
    prompt = result.prompt
    assert "You are a pricing analyst at Umbrella Retail." in prompt
    assert "Report prices in EUR with two decimals." in prompt
    assert "Crisp and factual." in prompt
    assert '"sku": {"type": "string"}' in prompt
    assert "SKU 77-A costs 12.5 EUR" in prompt
    assert "fx_rates: Returns today's EUR exchange rates. When to use: A price is not in EUR." in prompt
    # The brief's language and audience fields become constraints, and the prompt carries their sentences.
    stated = {c.kind: c.text for c in result.constraints}
    assert "German" in stated["language"]
    assert stated["language"] in prompt
    assert "category managers" in stated["audience"]
    assert stated["audience"] in prompt
    assert "<email>\n{{email}}\n</email>" in prompt
    assert result.lint.errors == 0


def test_json_cue_without_fields_gets_no_invented_schema():
    # (an invented {answer, confidence} schema was another job's keys; the user is told to name theirs)
    result = _result("A general helper for trivia that answers in JSON", "gpt")
    assert result.spec.output_format.kind == "json"
    assert result.spec.output_format.json_schema is None
    assert '"confidence"' not in result.prompt
    assert any(w.startswith("No JSON fields") for w in result.warnings)


def test_length_cue_changes_word_limit():
    short = _result("Write a brief summary of each article", "generic").prompt
    detailed = _result("Write a detailed summary of each article", "generic").prompt
    assert "80 words" in short
    assert "500 words" in detailed


def test_empty_task_is_rejected():
    with pytest.raises(ValueError, match="task"):
        generate(Brief(task="   "))
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(b'{"task": ""}', type=Brief)


def test_brief_wire_format_is_camel_case_and_strict():
    brief = msgspec.json.decode(b'{"task": "Summarize", "alsoRender": ["claude"], "jsonSchema": null}', type=Brief)
    assert brief.also_render == ["claude"]
    with pytest.raises(msgspec.ValidationError):
        msgspec.json.decode(b'{"task": "Summarize", "unknown": 1}', type=Brief)
    encoded = msgspec.json.decode(msgspec.json.encode(generate(brief)))
    assert {"spec", "prompt", "renders", "variables", "tokens", "lint", "archetypes"} <= set(encoded)


def test_pipeline_steps_are_injectable_and_fidelity_findings_join_the_lint_report():
    from app.engine.constraints import Constraint
    from app.engine.generate import Steps
    from app.engine.types import Finding

    limit = Constraint(kind="limit", text="Reply in at most 2 sentences.", unit="sentences", maximum=2)
    seen: list[str] = []

    def check(constraints, prompt):
        seen.append(prompt)
        return [
            Finding(rule_id="FID-01", category="fidelity", severity="error", message=c.text)
            for c in constraints
            if c.text not in prompt
        ]

    result = generate(
        Brief(task="Answer questions about our gardening blog"), Steps(extract=lambda b: [limit], check=check)
    )
    assert result.constraints == [limit]
    assert seen == [result.prompt]
    assert "Reply in at most 2 sentences." in result.prompt
    assert not [f for f in result.lint.findings if f.category == "fidelity"]

    def broken(constraints, prompt):
        return [Finding(rule_id="FID-01", category="fidelity", severity="error", message="missing")]

    failed = generate(
        Brief(task="Answer questions about our gardening blog"), Steps(extract=lambda b: [limit], check=broken)
    )
    assert failed.lint.errors == result.lint.errors + 1


def test_warnings_say_when_examples_are_left_out():
    result = generate(Brief(task="Write product descriptions for our candle shop"))
    assert result.spec.examples == []
    assert any("No examples" in w for w in result.warnings)


HARD_BRIEFS = (
    "Reply to customer emails for Acme in at most 3 sentences. No markdown, no lists. "
    "If unsure, tell them to email help@acme.com.",
    "Summarise and assign a label (urgent, normal, low) to each support ticket, under 80 words.",
    'Extract data from receipts. Return JSON like {"merchant": "...", "total": 0, "date": "YYYY-MM-DD"}.',
    "Support agent for ShopCo. Use lookup_order(order_id) to find orders. Always verify the order before refunding.",
    "Necesito un asistente que responda preguntas de clientes sobre facturación. Nunca inventes precios.",
    "Ich brauche einen Bot, der Fragen zu Versicherungstarifen beantwortet. Höchstens 100 Wörter.",
    "A symptom triage assistant for a telehealth clinic. Keep answers under 150 words.",
    "Homework helper for kids aged 8-10, one question at a time, no links.",
    "Answer billing questions using the help-center article. If it doesn't cover it, offer to connect an agent.",
    "need something that turns meeting notes into action items with owners and due dates, as a table",
    "Write MySQL queries for our analysts from plain-English questions. Read-only.",
    "Explain medication leaflets in plain words for readers with low literacy. No jargon.",
)
PLACEHOLDER_EXAMPLE = re.compile(r"(?<![\w\]\[])\[(?![^\]\n]*[:\d])[A-Za-z][^\]\n]*\s[^\]\n]*\]")


@pytest.mark.parametrize(
    "task", [*HARD_BRIEFS, *(c.task for c in BRIEFS), *(c.task for c in REALISTIC)], ids=lambda t: t[:40]
)
def test_every_target_carries_every_constraint_and_no_placeholder_example(task):
    result = generate(Brief(task=task, also_render=list(TARGETS)))
    prompts = {result.target: result.prompt, **{r.target: r.prompt for r in result.renders}}
    assert set(prompts) == set(TARGETS)
    for target, prompt in prompts.items():
        for constraint in result.constraints:
            assert constraint.text in prompt, (target, constraint.kind, constraint.text)
    for example in result.spec.examples:
        assert not PLACEHOLDER_EXAMPLE.search(example.input + example.output), example
