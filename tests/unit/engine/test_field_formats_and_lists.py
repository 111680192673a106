"""Round 39 review, class 2: format text read as the reply's structure or limits. A code's pattern ("4 letters then
7 digits") is no length; a list key's allowed values are that key's, any number of them; "a JSON array … each
element an object" keeps the array; a shape in a tool's docstring is the tool's result; a title's limit is the
title's; a place name in brackets is no label set; and "Theft: ask for …" is a rule for a case, no label mapping.
Each test fails at 85ce1a1 unless its docstring says it is a no-regression guard."""

from __future__ import annotations

import json
import re

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints
from tests.unit.engine.reading import claude_prompt, limit_texts, section


def _labels(task: str) -> list[tuple[str, str | None, bool]]:
    return [(c.text, c.scope, c.multi) for c in read_constraints(Brief(task=task)) if c.kind == "labels"]


def _schema(prompt: str) -> dict[str, object]:
    block = re.search(r"```json\n(.*?)\n```", section(prompt, "output_format"), re.DOTALL)
    assert block is not None
    loaded = json.loads(block.group(1))
    assert isinstance(loaded, dict)
    return loaded


# --- 1. a code's pattern is no length limit -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        'We inspect shipping containers. Turn each voice note into JSON {"box_id": "TGHU7654321", "damage": '
        '""}. box_id must be 4 letters then 7 digits; if it doesn\'t fit, put null.',
        'Pull the booking out of each email as JSON {"booking_ref": "", "guests": 0}. booking_ref is two '
        "letters followed by six digits, copy it exactly.",
        'Parse the parking tickets into JSON {"plate": "", "fine_eur": 0}. plate: 3 letters, 4 digits.',
    ],
)
def test_a_code_pattern_is_no_character_limit(task: str) -> None:
    """'box_id must be 4 letters then 7 digits' says how the code is written; at 85ce1a1 it became 'Keep the box_id
    field to at most 4 characters', so a model obeying it truncates every valid code."""
    assert not [text for text in limit_texts(task) if "characters" in text]


def test_a_field_length_still_limits_the_field() -> None:
    """No-regression guard: a plain length on a field ('summary under 200 characters') is still that field's limit."""
    task = (
        'Summarise each support ticket as JSON {"ticket_id": "", "summary": ""}. summary must be under 200 characters.'
    )
    assert any("200 characters" in text for text in limit_texts(task))


# --- 2. a list key's allowed values -------------------------------------------------------------------------------


INSPECTION = (
    "We inspect rental vans when they come back. Turn the inspector's note into this JSON and nothing else:\n"
    '{"van": "AB12CDE", "fuel_full": true, "problems": []}\n'
    "- problems can only contain: SCRATCH, DENT, TYRE_WEAR, SMOKE_SMELL, MISSING_KIT. Empty list [] if none apply.\n"
    "- anything the note doesn't say is null"
)


def test_a_list_key_takes_any_number_of_its_values() -> None:
    """'problems can only contain: SCRATCH, …; empty list [] if none apply' lists what the `problems` list may hold;
    at 85ce1a1 it became 'Assign exactly one label: SCRATCH, …' and a core rule 'Choose exactly one label', so a van
    with two problems lost one and a clean van got one."""
    prompt = claude_prompt(INSPECTION)
    assert "exactly one label" not in prompt
    assert "Set `problems` to a list of the values that apply, each one of: SCRATCH, DENT, TYRE_WEAR" in prompt
    problems = _schema(prompt)["properties"]["problems"]  # type: ignore[index]
    assert "array" in problems["type"]
    assert problems["items"]["enum"] == ["SCRATCH", "DENT", "TYRE_WEAR", "SMOKE_SMELL", "MISSING_KIT"]


@pytest.mark.parametrize(
    ("task", "key"),
    [
        (
            'Analise cada anúncio e devolva só JSON {"decisao": "APROVAR", "motivos": []}. motivos só pode ter '
            "estes códigos: PRECO_ABUSIVO, FOTO_RUIM, PRODUTO_PROIBIDO.",
            "motivos",
        ),
        (
            'Resume cada reseña en JSON {"resumen": "", "temas": []}. temas: cero o más de COMIDA, SERVICIO, PRECIO.',
            "temas",
        ),
    ],
)
def test_a_list_key_in_another_language_is_multi_valued(task: str, key: str) -> None:
    """'motivos só pode ter estes códigos: …', 'temas: cero o más de …': the key's values, several or none (at
    85ce1a1 no value set at all, or one label for the whole reply)."""
    assert any(scope == key and multi for _, scope, multi in _labels(task))


def test_a_single_value_key_beside_a_list_key_takes_one_value() -> None:
    """'category is one of …' beside a `tags` list is one category; at 85ce1a1 the tags list made it multi-label."""
    task = (
        'Return {"category": "", "tags": []} for each ticket. category is one of billing, bug, other. tags: only '
        "from urgent, vip, legal."
    )
    found = _labels(task)
    assert ("Category is exactly one of: billing, bug, other.", "category", False) in found
    assert any(scope == "tags" and multi for _, scope, multi in found)


# --- 3. a JSON array of objects stays an array -------------------------------------------------------------------


def test_a_json_array_stated_as_a_constraint_stays_an_array() -> None:
    """'Output only a JSON array … Each element is an object with exactly these keys' in the constraints field; at
    85ce1a1 the output said 'A single JSON object' with an object schema, so the model returned one finding."""
    brief = Brief(
        task="Review merge requests for our Django booking service. You get the diff and the MR description.",
        constraints=[
            "Output only a JSON array, nothing around it. Each element is an object with exactly these keys: path, "
            "line, level, note.",
            "level is one of high, medium, low. If there is nothing to flag, return [].",
        ],
        target="claude",
    )
    prompt = generate(brief).prompt
    output = section(prompt, "output_format")
    assert "A single JSON object" not in output
    assert "A JSON array" in output
    assert _schema(prompt)["type"] == "array"


@pytest.mark.parametrize(
    "task",
    [
        "Review merge requests for our Rails billing service. Return an array, no prose around it. Each element is "
        "an object with exactly these keys: path, line, level, note. If nothing needs fixing, return [].",
        "Extract every medicine in the discharge letter. Return a list of objects with the keys name, dose, frequency.",
    ],
)
def test_an_array_of_objects_in_other_words_stays_an_array(task: str) -> None:
    """'Return an array … each element is an object', 'a list of objects with the keys …': the reply is a list."""
    prompt = claude_prompt(task)
    assert "A JSON array" in section(prompt, "output_format")
    assert _schema(prompt)["type"] == "array"


# --- 4. a tool's documented result is no reply schema --------------------------------------------------------------


BIKES = '''We rent e-bikes in Keswick and want a WhatsApp booking assistant. Our developer wrote these functions:

```python
def find_customer(phone: str) -> dict:
    """Customer record and open rentals."""

def bike_status(bike_id: str) -> dict:
    """Current state of the bike: {"state": "ready" | "repair" | "rented"}."""

def book_bike(phone: str, bike_id: str, day: str) -> str:
    """Books the bike and returns the booking code."""
```

Rules: always find_customer first. Only offer bikes whose state is ready. Max 2 sentences per message.'''

PARCELS = """Tools for the parcel chat assistant (TypeScript):

/**
 * Looks up a parcel by its code.
 * @returns {"stage": "sorting" | "out_for_delivery" | "delivered"}
 */
function trackParcel(code: string)

Answer customers in at most 3 sentences and never promise a delivery time."""

TABLES = """You can call these tools:
- check_table(date, people): returns {"free": true, "slots": ["19:00"]}
- hold_table(slot, name) - keeps the table for 15 minutes

Answer guests in two sentences at most."""


@pytest.mark.parametrize("task", [BIKES, PARCELS, TABLES])
def test_a_shape_a_tool_returns_is_not_the_reply(task: str) -> None:
    """A docstring's '{"state": …}', a doc comment's '@returns {…}', a tool line's 'returns {…}': what the tool
    gives back. At 85ce1a1 each became 'Return a JSON object with exactly these keys: …' for a chat reply."""
    found = read_constraints(Brief(task=task))
    assert not [c for c in found if c.kind == "schema"]
    assert "JSON object" not in section(claude_prompt(task), "output_format")


def test_a_reply_schema_after_the_tools_is_kept() -> None:
    """The reply's own JSON after a tool list is the reply's only schema (at 85ce1a1 the tool line's 'returns {…}'
    was read as a second one)."""
    task = TABLES.replace(
        "Answer guests in two sentences at most.", 'Reply only with JSON {"reply": "", "held": false}.'
    )
    schemas = [c.values for c in read_constraints(Brief(task=task)) if c.kind == "schema"]
    assert schemas == [["reply", "held"]]


# --- 5. a limit on one part keeps its scope ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "京都の茶舗です。日本語の商品説明を英語に翻訳してください。商品タイトルは英語で60文字以内。注釈は不要です。",
        "我们是茶叶店。请把中文商品描述翻译成英文。标题用英文，不超过60个字。",
        "Traduce las fichas de producto de nuestra tienda al inglés. El título en inglés, de 60 caracteres como "
        "máximo.",
        "Traduis les fiches produit de notre boutique en anglais. Le titre ne doit pas dépasser 60 caractères.",
        "Übersetze unsere Produkttexte ins Englische. Der Titel auf Englisch: maximal 60 Zeichen.",
    ],
)
def test_a_title_limit_is_the_titles(task: str) -> None:
    """'商品タイトルは英語で60文字以内', 'el título … de 60 caracteres como máximo', 'le titre ne doit pas dépasser 60
    caractères': the title's cap; at 85ce1a1 the output said 'Keep the reply to at most 60 characters', capping the
    whole translated description."""
    prompt = claude_prompt(task)
    assert "Keep the title to at most 60 characters." in prompt
    assert "Keep the reply to at most 60 characters" not in prompt


def test_each_piece_named_by_a_heading_is_each_piece() -> None:
    """'Each description: 45 words max' limits every description; at 85ce1a1 it read 'Keep the each description …'."""
    task = (
        "Write listings for the holiday cottages of Moor End Lets. I'll send the name, sleeps and price. Each "
        "description: 45 words max, no exclamation marks."
    )
    assert "Keep each description to at most 45 words." in limit_texts(task)


# --- 6. a place in brackets is no label set ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Write class descriptions for the booking page of Hollow Lane Woodworks (Totnes, Devon). I'll send the class "
        "name, level, length and price. Each description: 50 words max. Always end with: Tools, timber and tea "
        "included.",
        "Write class descriptions for Riverside Dance Academy (Leeds, West Yorkshire). I'll send the class name, "
        "level and price; keep each under 40 words.",
    ],
)
def test_a_place_in_brackets_after_a_name_is_no_label_set(task: str) -> None:
    """'Hollow Lane Woodworks (Totnes, Devon)' is where the studio is; 'class descriptions' are about its classes.
    At 85ce1a1 the prompt said 'Assign exactly one of these labels: Totnes, Devon' and ended on a 'Label:' line."""
    assert not _labels(task)
    prompt = claude_prompt(task)
    assert "Label:" not in prompt
    assert "Totnes, Devon." not in section(prompt, "output_format")


def test_classes_that_are_labels_are_still_labels() -> None:
    """No-regression guard: 'classify … into one of these classes (…)' is still a label set."""
    assert _labels("Classify each enquiry into one of these classes (billing, technical, other).")


# --- 7. "Case: what to do" is no label mapping --------------------------------------------------------------------


CLAIMS = """Home insurance claims chat. Tools:

openClaim(customerId: string, peril: "burglary" | "flood" | "fire", note: string): Promise<{ claimId: string }>
callbackRequest(customerId: string): Promise<void>

Rules:
1. Burglary: ask for the police crime reference before openClaim.
2. Flood: first tell them to switch off the electrics at the fuse box.
3. Never say whether the claim will be paid."""


def test_a_case_heading_then_an_instruction_is_no_label_mapping() -> None:
    """'Burglary: ask for the police crime reference before openClaim' is what to do for a burglary; at 85ce1a1 it
    became 'Use "burglary" for ask for the police crime reference …', an unreadable label mapping."""
    prompt = claude_prompt(CLAIMS)
    assert 'Use "burglary"' not in prompt
    assert "ask for the police crime reference before openClaim" in prompt


def test_a_label_defined_after_a_colon_is_still_a_label_rule() -> None:
    """No-regression guard: 'URGENT: no heating or a gas smell' defines the label, so it stays a rule for it."""
    task = "Triage maintenance requests. Labels: URGENT, SOON, ROUTINE. URGENT: no heating or a gas smell in the flat."
    found = [c.text for c in read_constraints(Brief(task=task)) if c.kind == "requirement"]
    assert 'Use "URGENT" for no heating or a gas smell in the flat.' in found
