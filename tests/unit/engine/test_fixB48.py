"""Review of round 48's merges: offered calls stay tools, a role-play's feedback layout is one step's, "als JSON"
and "etc." keep the keys, a per-item limit on a line, multi-word keys in a layout, no doubled parameter sets."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from app.engine import generate
from app.engine.brief import Brief
from app.engine.compose.cues import extract_fields

_FRESH = Path(__file__).resolve().parents[3] / "bench" / "eval" / "fresh"


def _fresh(round_file: str, case_id: str) -> Brief:
    cases = yaml.safe_load((_FRESH / round_file).read_text(encoding="utf-8"))
    case = next(c for c in cases if c["id"] == case_id)
    return Brief(task=case["brief"]["task"])


def _output(prompt: str) -> str:
    return prompt.split("# Output format", 1)[1].split("\n# ", 1)[0]


def _tools(task: str) -> set[str]:
    return {c.name or "" for c in generate(Brief(task=task)).constraints if c.kind == "tool"}


@pytest.mark.parametrize(
    ("task", "names"),
    [
        (
            "You can look up the customer's plan with get_plan() and open a ticket with open_ticket() when "
            "something is broken.",
            {"get_plan", "open_ticket"},
        ),
        (
            "Puedes usar buscar_pedido() para ver el estado y cancelar_pedido() si el cliente lo pide",
            {"buscar_pedido", "cancelar_pedido"},
        ),
        ("ask for the tracking number, then call track_parcel() and tell them the status", {"track_parcel"}),
        ("Before you answer, fetch the balance with get_balance() and read it back to the member.", {"get_balance"}),
    ],
)
def test_calls_the_assistant_is_told_to_use_stay_tools(task: str, names: set[str]) -> None:
    assert names <= _tools(task)


def test_role_play_turns_do_not_get_the_feedback_layout() -> None:
    result = generate(_fresh("round44.yaml", "r44-09"))
    output = result.prompt.split("# Output format", 1)[1].split("\n# ", 1)[0]
    assert "Exactly these lines" not in output
    for label in ("Rapport:", "Handling objections:", "Compliance:", "Best moment:", "Fix next time:"):
        assert label in result.prompt


def test_feedback_after_until_stop_is_one_steps_layout() -> None:
    task = (
        "You play a nervous job candidate for interview practice. Max 40 words a turn.\n"
        "Stay in character until the coach types STOP. Then give feedback in exactly this layout:\n"
        "Confidence: x/5\nClarity: x/5\nStructure: x/5\nTip: one sentence"
    )
    prompt = generate(Brief(task=task)).prompt
    output = prompt.split("# Output format", 1)[1].split("\n# ", 1)[0]
    assert "Exactly these lines" not in output
    assert "Tip: one sentence" in prompt


@pytest.mark.parametrize(
    ("task", "keys"),
    [
        ("Gib die Daten als JSON zurück (lieferant, datum, betrag).", ["lieferant", "datum", "betrag"]),
        ("Geef de gegevens als JSON terug (leverancier, datum, bedrag).", ["leverancier", "datum", "bedrag"]),
        ("Liefere die Angaben als eine Liste (name, ort, preis).", ["name", "ort", "preis"]),
    ],
)
def test_als_before_a_format_is_no_condition(task: str, keys: list[str]) -> None:
    assert extract_fields(task) == keys


@pytest.mark.parametrize(
    ("task", "keys"),
    [
        ("extract the contact details (name, email, phone, etc.) as JSON", ["name", "email", "phone"]),
        ("Pull the order lines (sku, qty, price and so on) out as JSON.", ["sku", "qty", "price"]),
    ],
)
def test_a_vague_tail_is_cut_and_the_list_kept(task: str, keys: list[str]) -> None:
    assert extract_fields(task) == keys


def test_a_list_in_a_condition_still_gives_no_keys() -> None:
    task = (
        "Turn each delivery note into JSON for our spreadsheet, JSON only.\n"
        '- if it is not a delivery note at all (shopping list, whatever) return exactly {"error": "NOT_A_NOTE"}'
    )
    assert extract_fields(task) == []


def test_a_limit_on_each_item_of_a_line_is_per_item() -> None:
    result = generate(_fresh("round37.yaml", "r37-16"))
    texts = [c.text for c in result.constraints if c.kind == "limit"]
    assert 'Keep each item of the "O QUE MELHORAR" line to at most 25 words.' in texts
    assert 'Keep the "O QUE MELHORAR" line to at most 25 words.' not in result.prompt


@pytest.mark.parametrize(
    "task",
    [
        "Review the code I paste. Reply exactly in this format:\n\nVERDICT: pass or fail\n"
        "ISSUES: up to 3 items, each max 20 words\nNEXT STEP: one sentence",
        "Review the essay I paste. Reply exactly in this format:\n\nGRADE: A to F\n"
        "FIXES: up to 3 items, each one at most 20 words\nNEXT STEP: one sentence",
    ],
)
def test_item_count_and_per_item_limit_both_said(task: str) -> None:
    label = "ISSUES" if "ISSUES" in task else "FIXES"
    prompt = generate(Brief(task=task)).prompt
    assert f'Keep the "{label}" line to at most 3 items.' in prompt
    assert f'Keep each item of the "{label}" line to at most 20 words.' in prompt


def test_exact_layout_keeps_its_multi_word_key_line() -> None:
    assert "PAIRS WITH: 3 foods, comma separated" in _output(generate(_fresh("round43.yaml", "r43-10")).prompt)


def test_multi_word_upper_case_keys_stay_in_the_layout() -> None:
    task = (
        "Write a listing for each flat I describe. Give me exactly this:\n\n"
        "HEADLINE: max 8 words\nSHORT BLURB: one sentence\nKEY FEATURES: 3 items, comma separated\n\n"
        "No exclamation marks."
    )
    assert "KEY FEATURES: 3 items, comma separated" in _output(generate(Brief(task=task)).prompt)


def test_a_parameter_set_is_said_once() -> None:
    prompt = generate(_fresh("round46.yaml", "r46-12")).prompt
    assert prompt.count("set `tipo` to one of:") == 1


def test_a_yaml_parameter_set_is_said_once() -> None:
    task = (
        "Booking assistant for a garage. Tools, from our dev's yaml:\n\npaths:\n  /find_slot:\n"
        '    post: {params: {service: "mot | service | tyres", date: "YYYY-MM-DD"}, returns: "slots"}\n'
        "  /book:\n    post: {params: {slot_id: string}}\n\nMax 60 words a reply."
    )
    prompt = generate(Brief(task=task)).prompt
    assert prompt.count("set `service` to one of:") == 1
