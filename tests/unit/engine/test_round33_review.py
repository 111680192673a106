"""Round 33's review (judged at 264baab), fixed after judging: a fenced tool block inside a German sentence kept as a
rule, 'una detrazione' read as 'una de' (one of) with a label set, and named assistants left anonymous."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate


def test_an_italian_word_that_starts_with_de_opens_no_label_set() -> None:
    task = (
        "Assistente del CAF Sereno. Rispondi ai clienti usando soltanto la nostra guida.\nPaletti:\n"
        "- Non calcolare mai rimborsi e non dire se conviene una detrazione o un regime fiscale: "
        '"va verificato con l\'operatore".\n- Rispondi in italiano.'
    )
    result = generate(Brief(task=task, target="claude"))
    assert not any(c.kind == "labels" for c in result.constraints)
    assert "Use only these categories" not in result.prompt


def test_a_fenced_tool_list_in_a_foreign_sentence_is_no_rule() -> None:
    task = (
        "Wir sind eine Gebäudereinigung. Geschäftskunden fragen nach dem nächsten Reinigungstermin.\n\n"
        "Das Modell hat diese Funktionen (aus unserem Backend):\n\n```ts\n"
        "function kundeSuchen(kundennummer: string, plz: string): Promise<Kunde | null>;\n"
        "function termineAnzeigen(objektId: string): Promise<Termin[]>;\n```\n\n"
        "Immer zuerst kundeSuchen. Höchstens 70 Wörter pro Antwort, Sie-Form."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "```ts" not in prompt
    assert "Das Modell hat diese Funktionen" not in prompt


def test_a_name_before_the_assistant_it_is_names_the_role() -> None:
    cases = {
        "Prompt for Volt, the WhatsApp assistant at Spoke & Volt, an e-bike repair workshop. Customers book a "
        "service.": "You are Volt, ",
        "Helix = the chat assistant on the Northfield University IT Service Desk page. Students come to it for "
        "locked accounts. Helix can reset MFA.": "You are Helix, ",
        'Necesito un prompt para "Chispa", la ayudante virtual de nuestro club de programación Bits y Bloques. '
        "Responde siempre en español.": "You are Chispa, ",
    }
    for task, opening in cases.items():
        role = generate(Brief(task=task, target="claude")).spec.role
        assert role.startswith(opening), role
        assert "for Helix" not in role


_OPENAPI = (
    "I need a system prompt for Juniper, the website chat assistant for Larkspur Veterinary Clinic. Our dev team "
    "exposed these endpoints as tools, here's the excerpt from the spec:\n\npaths:\n  /clients/lookup:\n    get:\n"
    "      operationId: lookup_client\n      parameters:\n        - {name: phone, in: query, required: true}\n"
    "        - {name: pet_name, in: query, required: false}\n      # returns client_id, pets[] with pet_id\n"
    "  /slots:\n    get:\n      operationId: list_slots\n      parameters:\n        - {name: species, in: query}\n"
    "        - {name: visit_type, in: query, enum: [wellness, sick, vaccine]}\n  /appointments:\n    post:\n"
    "      operationId: book_appointment\n      requestBody: {client_id: string, pet_id: string, slot_id: string}\n\n"
    "Always run lookup_client first. At most 3 pets in one chat. Keep answers to 3 sentences max, plain text."
)


def test_an_openapi_excerpt_is_the_tool_list_not_the_replys_schema() -> None:
    result = generate(Brief(task=_OPENAPI, target="claude"))
    tools = {c.name: c for c in result.constraints if c.kind == "tool"}
    assert list(tools) == ["lookup_client", "list_slots", "book_appointment"]
    assert tools["lookup_client"].parameters == ["phone", "pet_name"]
    assert tools["book_appointment"].parameters == ["client_id", "pet_id", "slot_id"]
    assert "set `visit_type` to one of: wellness, sick, vaccine" in tools["list_slots"].text
    assert not any(c.kind in ("schema", "labels") for c in result.constraints)
    assert "JSON" not in result.prompt.split("<output_format>")[1]


def test_a_cap_on_pets_in_a_chat_is_no_reply_limit() -> None:
    limits = [c.text for c in generate(Brief(task=_OPENAPI)).constraints if c.kind == "limit"]
    assert limits == ["Keep the reply to at most 3 sentences."]


def test_a_japanese_label_with_a_long_aside_stays_in_its_set() -> None:
    task = (
        "旅館の口コミへの返信を下書きしてください。\n口コミ1件を読んで、次の2つをやってください。\n"
        "1) 分類：PRAISE（ほぼ満足）／MIXED（良い点と不満が両方）／COMPLAINT（主に不満）／SAFETY（食中毒・ケガ・"
        "アレルギー事故・盗撮や盗難の疑いなど）のどれか1つ\n2) 返信案を書く"
    )
    found = [c.values for c in generate(Brief(task=task)).constraints if c.kind == "labels"]
    assert ["PRAISE", "MIXED", "COMPLAINT", "SAFETY"] in found


def test_a_label_that_wins_settles_the_tie_break() -> None:
    task = (
        "Moderate posts in our peer-support forum. Return one of: approve, hold, remove, crisis.\n"
        "- crisis: the member says they plan to end their life or have harmed themselves\n"
        "- remove: breaks rule R1 (no diet numbers)\nIf a post is crisis and also breaks R1, crisis wins."
    )
    assert "stricter label" not in generate(Brief(task=task, target="claude")).prompt


def test_only_the_copy_itself_is_one_piece_not_three_variants() -> None:
    task = (
        "想要一个写商品文案的助手：我给它茶名、产地和价格，它来写文案。\n要求：\n1. 全部用简体中文写。\n"
        "2. 正文分3段，每段不超过60字。\n3. 只输出文案本身，不要解释，不要用Markdown。"
    )
    assert "variants" not in generate(Brief(task=task, target="claude")).prompt


def test_an_order_that_points_back_keeps_what_it_points_to() -> None:
    cases = {
        "Vet clinic chat assistant. Cancelling less than 24 hours before the slot costs a $35 late-cancel fee: tell "
        "them that and get a clear yes before calling cancel_appointment(appointment_id).": "$35 late-cancel fee",
        "Booking bot for a marina. Cancellations less than 48 hours before arrival are non-refundable; say so BEFORE "
        "calling cancel_booking(booking_id) and get a yes.": "non-refundable",
    }
    for task, said in cases.items():
        orders = [c.text for c in generate(Brief(task=task)).constraints if c.kind == "ordering"]
        assert any(said in order for order in orders), orders


def test_a_verbless_prompt_for_the_assistant_is_no_part_of_the_use_case() -> None:
    task = (
        "Prompt for Volt, the WhatsApp assistant at Spoke & Volt, an e-bike repair and servicing workshop in Leeds. "
        "Customers message to book a service. Replies under 50 words."
    )
    assert "Prompt for" not in generate(Brief(task=task, target="claude")).prompt
