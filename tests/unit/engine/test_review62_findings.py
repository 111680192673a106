"""Review 62: regressions and near-misses in 83bdf77 (conditional reply languages), 5e16f10 (a business after a leading
preposition), 4d13a65/e28a47b (pasted OpenAPI as code) and 321b144 (format text is no structure or limit).

Every test fails at 923f59e. Each comment says what the brief means, what HEAD does wrong and whether the test passed
at 85ce1a1 (the base before these commits)."""

from __future__ import annotations

import pytest

from tests.unit.engine.reading import claude_prompt, section

# --- 83bdf77: conditional reply languages


def test_an_unless_case_that_is_no_language_keeps_its_action() -> None:
    # The brief: reply in German; when the customer is abusive, end the chat politely. "unless … writes something
    # abusive" is no language case, but _EXCEPT_OTHER_LANGUAGE takes any "unless … writes" for one; HEAD's requirement
    # is cut to "Reply in German unless the customer writes something abusive." and "then end the chat politely" (the
    # only instruction for that case) is gone from the prompt. Passed at 85ce1a1: yes.
    prompt = claude_prompt(
        "Customer chat for our Munich bike rental. Reply in German unless the customer writes something abusive; then "
        "end the chat politely. Max 3 sentences."
    )
    assert "end the chat politely" in prompt


def test_a_portuguese_default_with_a_case_is_no_language_for_every_reply() -> None:
    # Near-miss of 83bdf77 (which lists "mas se" among its exceptions): Portuguese says "se o cliente escrever em
    # inglês" (future subjunctive), and "escrever" is not among the verbs, so HEAD still adds "Always reply in
    # Portuguese." beside the brief's own sentence, contradicting its English case. Passed at 85ce1a1: no.
    prompt = claude_prompt(
        "Assistente de WhatsApp para a nossa padaria em Lisboa. Responda em português, mas se o cliente escrever em "
        "inglês, responda em inglês. No máximo 3 frases."
    )
    # (stated once, in English, with its case: see `app.engine.constraints.language_cases`)
    assert "Reply in Portuguese by default; when the customer writes in English, reply in English." in prompt
    assert "Always reply in Portuguese" not in prompt
    assert "Write every reply in Portuguese" not in prompt


# --- 5e16f10: a preposition before the business's name


@pytest.mark.parametrize(
    ("brief", "business"),
    [
        (
            "Tu réponds aux avis Google pour le restaurant Chez Léon à Lyon. Réponses de 3 phrases maximum, ton "
            "chaleureux.",
            "Chez Léon",
        ),
        (
            "Rédige les réponses aux messages Instagram pour la boulangerie Chez Paul (Bordeaux). Maximum 50 mots.",
            "Chez Paul",
        ),
    ],
)
def test_a_french_chez_name_keeps_chez(brief: str, business: str) -> None:
    # "le restaurant Chez Léon", "la boulangerie Chez Paul": "Chez …" is the commonest French restaurant/shop name
    # shape, and here it follows the business noun, not the start of the sentence. HEAD pops "Chez" from every name
    # that starts with it: "You are a customer support agent for Léon", "copywriter for Paul".
    # Passed at 85ce1a1: yes.
    prompt = claude_prompt(brief)
    assert f"for {business}" in prompt


@pytest.mark.parametrize(
    ("brief", "business"),
    [
        ("Contesta las reseñas de Google para el restaurante Con Amore en Madrid. Máximo 3 frases.", "Con Amore"),
        ("Responde a los mensajes de WhatsApp de la academia En Forma (Bilbao). Máximo 3 frases.", "En Forma"),
        (
            "Escribe respuestas para la tienda En Casa Deco (Sevilla) a los mensajes de clientes. Máximo 60 palabras.",
            "En Casa Deco",
        ),
    ],
)
def test_a_spanish_name_that_opens_with_con_or_en_keeps_it(brief: str, business: str) -> None:
    # "el restaurante Con Amore", "la academia En Forma", "la tienda En Casa Deco": the preposition is the name's
    # first word, after the business noun in mid-sentence. HEAD drops it ("an assistant for Amore", "agent for
    # Forma", "agent for Casa Deco") because _CAPITAL_PREPOSITIONS is checked wherever the name starts, not only at
    # the sentence's start. Passed at 85ce1a1: yes.
    prompt = claude_prompt(brief)
    assert f"for {business}" in prompt


# --- 4d13a65: a pasted OpenAPI document


@pytest.mark.parametrize(
    ("brief", "headings"),
    [
        (
            "You write reference docs for our REST API from the OpenAPI spec I paste. For each endpoint, write it up "
            "like this:\nEndpoint: method and path\nOperationId: the operationId from the spec\nSummary: one sentence\n"
            "Parameters: a bullet list\nErrors: the error codes",
            [
                "- Endpoint: method and path",
                "- OperationId: the operationId from the spec",
                "- Errors: the error codes",
            ],
        ),
        (
            "Document each API operation for our developer portal using this outline:\nTitle: the operation name\n"
            "operationId: as in the spec\nDescription: 2-3 sentences\nExample request: a curl command",
            ["- Title: the operation name", "- operationId: as in the spec", "- Example request: a curl command"],
        ),
    ],
)
def test_an_outline_with_an_operation_id_heading_is_the_reply(brief: str, headings: list[str]) -> None:
    # An API-docs writer's reply outline that has an "OperationId:" heading (what every endpoint doc shows). No
    # OpenAPI document is pasted, but _API_DOCUMENT matches any "operationId" word in the outline, so HEAD drops the
    # whole outline (and re-reads the briefs as a summariser / a cited document Q&A). Passed at 85ce1a1: yes.
    prompt = claude_prompt(brief)
    for heading in headings:
        assert heading in prompt


# --- 321b144: array replies, list keys and their values


@pytest.mark.parametrize(
    "brief",
    [
        'Extract invoice data from the pasted text. Return JSON: {"invoice_no": "...", "date": "YYYY-MM-DD", "total": '
        '0.0, "line_items": []}. line_items is a list of objects with sku, qty and price.',
        'Parse the meeting notes. Output JSON {"summary": string, "action_items": [...]}, where action_items is an '
        "array of task objects with owner and due_date.",
        "Extrae los datos del pedido. Devuelve un objeto JSON con cliente, fecha y productos; productos es una lista "
        "de objetos con nombre y cantidad.",
    ],
)
def test_a_key_that_holds_a_list_of_objects_leaves_the_reply_one_object(brief: str) -> None:
    # One JSON object whose KEY (line_items, action_items, productos) holds a list of objects. The new _ARRAY_REPLY
    # alternatives ("list of objects", "array of task objects", "lista de objetos") fire on the key's description,
    # so HEAD wraps the whole reply in an array ("A JSON array whose items each match …", "Return only the JSON
    # array"): one invoice becomes a list of invoices. Passed at 85ce1a1: yes.
    prompt = claude_prompt(brief)
    assert "JSON array" not in prompt
    assert '"type": "array",\n  "items"' not in section(prompt, "output_format")


def test_return_an_array_for_one_key_leaves_the_reply_one_object() -> None:
    # "Return a JSON object with keys title_suggestion and tags. For tags, return an array of …": the array is the
    # tags key. HEAD's new "return … an array" alternative makes the reply itself an array of objects, against the
    # brief's own "Return a JSON object". Passed at 85ce1a1: yes.
    prompt = claude_prompt(
        "Tag blog posts. Return a JSON object with keys title_suggestion and tags. For tags, return an array of 3-5 "
        "lowercase strings."
    )
    assert "JSON array" not in prompt
    assert "Give each item exactly these fields" not in prompt


@pytest.mark.parametrize(
    ("brief", "key"),
    [
        (
            'Extract invoice data from the pasted text. Return JSON: {"invoice_no": "...", "date": "YYYY-MM-DD", '
            '"total": 0.0, "line_items": []}. line_items is a list of objects with sku, qty and price.',
            "line_items",
        ),
        (
            'Parse the meeting notes. Output JSON {"summary": string, "action_items": [...]}, where action_items is an '
            "array of task objects with owner and due_date.",
            "action_items",
        ),
        (
            'Extract contacts from email signatures. Return JSON {"name": ..., "phones": [...]}. phones is a list of '
            "strings in E.164 format.",
            "phones",
        ),
    ],
)
def test_a_list_keys_item_shape_is_no_closed_value_set(brief: str, key: str) -> None:
    # "line_items is a list of objects with sku, qty and price", "phones is a list of strings in E.164 format": what
    # each item of the list IS, not values to choose from. _list_field_values accepts any "X is a list of …" on a key,
    # so HEAD says "Set `line_items` to a list of the values that apply, each one of: objects with sku, qty, price"
    # (an enum ["objects with sku", "qty", "price"] in the schema) and "each one of: strings in, .164 format".
    # Passed at 85ce1a1: yes.
    prompt = claude_prompt(brief)
    assert f"Set `{key}` to a list of the values" not in prompt
    assert '"enum": ["objects' not in prompt
    assert '"enum": ["strings' not in prompt


def test_ingredients_described_as_objects_are_no_labels() -> None:
    # "ingredients is a list of objects, each with name and amount": the shape of each ingredient. HEAD adds
    # "Assign one or more of these labels: objects, each with name, amount." and switches the reply to a JSON array
    # (its reminder says "Return only the JSON array" while the format says "A single JSON object").
    # Passed at 85ce1a1: yes.
    prompt = claude_prompt(
        "Read the recipe and return a JSON object with title, servings and ingredients. ingredients is a list of "
        "objects, each with name and amount."
    )
    assert "these labels" not in prompt
    assert "JSON array" not in prompt


def test_a_single_value_key_that_can_only_contain_codes_stays_single() -> None:
    # '"hazard": ""' is one string; "hazard can only contain: NONE, FLAMMABLE, …" closes its values. 321b144 claims a
    # single-value key stays single, but "can only contain" makes HEAD say "Set `hazard` to a list of the values that
    # apply" while its schema says '"type": "string"': the prompt contradicts itself. Passed at 85ce1a1: yes.
    prompt = claude_prompt(
        "You check shipping manifests. Each manifest line holds container_no, weight_kg and hazard. hazard can only "
        'contain: NONE, FLAMMABLE, CORROSIVE, TOXIC. Return JSON {"container_no": "", "weight_kg": 0, "hazard": ""}.'
    )
    assert "Set `hazard` to a list" not in prompt


# --- 321b144: limits


@pytest.mark.parametrize(
    ("brief", "kept", "also"),
    [
        (
            "Write Google Ads for a dentist. Headlines max 30 characters, 90 characters max for descriptions. 3 "
            "headlines, 2 descriptions.",
            "Keep each headline to at most 30 characters",
            "at most 90 characters",
        ),
        (
            "Write meta tags for each page: title 60 characters, 155 characters for the meta description.",
            "Keep the title to at most 60 characters",
            "at most 155 characters",
        ),
    ],
)
def test_two_character_limits_in_a_row_are_no_code_pattern(brief: str, kept: str, also: str) -> None:
    # Two parts' character limits side by side ("Headlines max 30 characters, 90 characters max for descriptions").
    # _code_pattern takes "N characters, M characters" for a code's spelling ("4 letters then 7 digits"), so HEAD
    # drops the 90/155 limit and the headline/title limit too (the ads prompt keeps only an unscoped "Keep to at most
    # 30 characters"). Passed at 85ce1a1: yes.
    prompt = claude_prompt(brief)
    assert kept in prompt
    assert also in prompt


@pytest.mark.parametrize(
    ("brief", "limit"),
    [
        ("Suggest 5 Instagram handles for our bakery: 15 characters max, 2 numbers at most.", "at most 15 characters"),
        ("Generate a username suggestion: 8 characters, 2 digits at the end. Give 5 options.", "at most 8 characters"),
    ],
)
def test_a_length_beside_a_digit_count_is_still_a_length(brief: str, limit: str) -> None:
    # "15 characters max, 2 numbers at most": the handle's whole length, then how many digits it may hold. HEAD reads
    # the pair as a code's pattern and loses the length entirely (base: "Keep each variant to at most 15
    # characters", "Keep each option to at most 8 characters"). Passed at 85ce1a1: yes.
    prompt = claude_prompt(brief)
    assert limit in prompt


def test_a_title_in_english_does_not_take_the_listings_limit() -> None:
    # "a title in English, max 140 words overall": the listing's length; the title is just one of its parts. The new
    # "<part> in <language>" step in _PART_BEFORE scopes it to the title: HEAD says "Keep the title to at most 140
    # words" (a 140-word title, no bound on the listing). Passed at 85ce1a1: yes.
    prompt = claude_prompt("Write an Etsy listing for each product I send: a title in English, max 140 words overall.")
    assert "at most 140 words" in prompt
    assert "Keep the title to at most 140 words" not in prompt


def test_a_french_title_limit_after_its_language_keeps_its_scope() -> None:
    # Near-miss of 321b144's "Le titre ne doit pas dépasser 70 caractères": "Le titre doit être en anglais et ne pas
    # dépasser 70 caractères" still becomes "Keep each variant to at most 70 characters" (a limit on every
    # variant, the title's scope lost). Passed at 85ce1a1: no.
    prompt = claude_prompt(
        "Rédige des fiches produit pour notre boutique Etsy. Le titre doit être en anglais et ne pas dépasser 70 "
        "caractères. La description : 150 mots maximum."
    )
    assert "Keep the title to at most 70 characters" in prompt


def test_a_german_heading_without_an_article_is_named_in_english() -> None:
    # Near-miss of 321b144's heading translation ("El título" -> "title"): "Beschreibung: maximal 150 Wörter" has no
    # article, so _english_heading leaves it and HEAD writes "Keep the beschreibung to at most 150 words" (a German
    # noun, lower-cased, in an English prompt). Passed at 85ce1a1: no.
    prompt = claude_prompt(
        "Schreibe Produkttexte für unseren Etsy-Shop. Der Titel darf höchstens 70 Zeichen lang sein, auf Englisch. "
        "Beschreibung: maximal 150 Wörter."
    )
    assert "beschreibung" not in prompt
    assert "Keep the description to at most 150 words" in prompt


# --- 321b144: a shape inside a tool's definition


def test_a_triple_quoted_reply_format_after_a_tool_list_is_the_reply() -> None:
    # Tools listed as "- get_order(order_id): …", then "Reply format:" with the reply's JSON fenced in triple quotes.
    # in_tool_definition takes any odd triple quote within two lines of the last tool line for that tool's
    # docstring, so HEAD drops the reply schema (no JSON object, no keys) and renders a tool-agent's prose reply.
    # Passed at 85ce1a1: yes.
    prompt = claude_prompt(
        "You are an order-status assistant. Tools:\n- get_order(order_id): returns the order record\n"
        '- get_tracking(order_id): returns carrier events\nReply format:\n"""\n'
        '{"answer": "...", "order_id": "...", "needs_human": false}\n"""'
    )
    output = section(prompt, "output_format")
    assert "A single JSON object" in output
    assert '"needs_human": {"type": "boolean"}' in output
