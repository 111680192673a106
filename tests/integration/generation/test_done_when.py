"""Issue 5's "done when": `POST /api/v1/generate` with only a task gives prompts that are clearly different
per archetype and per target (over HTTP, with the real app)."""

from __future__ import annotations

import difflib
import itertools
import re
from typing import Any

from tests.integration.helpers import api_headers

TASKS = {
    "code_reviewer": "Review pull requests for a Python web service and point out bugs",
    "classification": "Classify incoming support tickets by urgency: low, medium or high",
    "translation": "Translate product descriptions from English into German",
    "summarization": "Summarize meeting transcripts for busy executives",
    "sql_analyst": "Write SQL queries from questions about our sales database schema",
    "tutor": "Tutor high school students in algebra step by step",
    "data_extraction": "Extract invoice number, date and total from invoices as JSON",
}


async def _generate(client: Any, key: str, payload: dict[str, Any]) -> dict[str, Any]:
    response = await client.post("/api/v1/generate", json=payload, headers=api_headers(key))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_prompts_differ_per_archetype(client: Any, workspace_key: tuple[str, str]) -> None:
    _, key = workspace_key
    results = {expected: await _generate(client, key, {"task": task}) for expected, task in TASKS.items()}
    primaries = {expected: body["archetypes"][0]["id"] for expected, body in results.items()}
    assert primaries == {expected: expected for expected in TASKS}
    for body in results.values():
        assert body["lint"]["errors"] == 0, body["lint"]["findings"]
    for (a, body_a), (b, body_b) in itertools.combinations(results.items(), 2):
        similarity = difflib.SequenceMatcher(None, body_a["prompt"], body_b["prompt"]).ratio()
        assert similarity < 0.5, f"{a} and {b} prompts are {similarity:.0%} alike"


async def test_prompts_differ_per_target(client: Any, workspace_key: tuple[str, str]) -> None:
    _, key = workspace_key
    for task in (TASKS["code_reviewer"], TASKS["summarization"]):
        prompts = {
            target: (await _generate(client, key, {"task": task, "target": target}))["prompt"]
            for target in ("claude", "gpt", "gemini", "small", "generic")
        }
        assert len(set(prompts.values())) == 5
        assert prompts["claude"].startswith("<role>\n")  # Claude: XML-tagged sections
        assert not re.search(r"^#+ ", prompts["claude"], re.MULTILINE)
        assert re.search(r"^# ", prompts["gpt"], re.MULTILINE)  # GPT: Markdown headings
        assert "<role>" not in prompts["gpt"]
        assert len(prompts["small"]) < min(len(p) for t, p in prompts.items() if t != "small")  # small: compact

        # One call can render every target from the same spec; the renders match the per-target calls.
        together = await _generate(
            client, key, {"task": task, "target": "claude", "alsoRender": ["gpt", "gemini", "small", "generic"]}
        )
        assert together["prompt"] == prompts["claude"]
        assert {r["target"]: r["prompt"] for r in together["renders"]} == {
            t: p for t, p in prompts.items() if t != "claude"
        }
