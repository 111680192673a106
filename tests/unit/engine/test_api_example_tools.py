"""Tools pasted as API examples ("## lookup_driver" over a curl call) are tools with the call's keys as parameters,
their JSON is no reply schema and their URLs no contact; tool definitions pasted "as JSON Schema" make no JSON
reply; a money cap ("up to 1500 cents") is no reply length; "one order holds at most 10 items" (Japanese) is no
reply length either."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.generate import generate

_CURL = (
    "we run EV chargers. want an in-app support assistant for drivers. our dev sent me the curl examples from the "
    "internal docs, pasting:\n\n"
    "## lookup_driver\n"
    'curl "https://api.example.io/v2/drivers/lookup?phone=6145550142" -H "Authorization: Bearer $TOKEN"\n\n'
    "## get_connector_status\n"
    'curl "https://api.example.io/v2/stations/OH-1/connectors/2"\n'
    '# returns {"status": "available" | "faulted", "last_error": "..."}\n\n'
    "## issue_refund\n"
    'curl -X POST "https://api.example.io/v2/refunds" -d \'{"session_id": "s_1", "amount_cents": 1200}\'\n\n'
    "how it should work:\n"
    "- lookup_driver first, always.\n"
    "- refunds: up to 1500 cents ($15) you can do issue_refund yourself.\n"
    "- 2 sentences max per reply, no markdown"
)


def test_curl_examples_under_headings_are_tools_with_their_keys() -> None:
    tools = {c.name: c.parameters for c in extract_constraints(Brief(task=_CURL)) if c.kind == "tool"}
    assert tools == {
        "lookup_driver": ["phone"],
        "get_connector_status": [],
        "issue_refund": ["session_id", "amount_cents"],
    }


def test_an_examples_json_and_urls_are_no_reply_schema_and_no_route() -> None:
    result = generate(Brief(task=_CURL, target="claude"))
    assert "A single JSON object" not in result.prompt
    assert not [c for c in result.constraints if c.kind in ("schema", "fallback")]
    assert "api.example.io" not in result.prompt.split("<tools>")[0]


def test_where_the_examples_came_from_is_no_source_to_answer_from() -> None:
    prompt = generate(Brief(task=_CURL, target="claude")).prompt
    assert "Answer only from the internal docs" not in prompt
    assert "{{document}}" not in prompt


def test_a_money_cap_is_no_reply_length() -> None:
    limits = [c for c in extract_constraints(Brief(task=_CURL)) if c.kind == "limit"]
    assert [(c.unit, c.maximum) for c in limits] == [("sentences", 2)]


def test_tool_definitions_pasted_as_json_schema_make_no_json_reply() -> None:
    task = (
        "粗大ごみ受付のLINEチャットボットを作りたいです。開発会社から関数の定義（JSON Schema）が来たので貼ります。\n\n"
        '{"name": "search_item", "parameters": {"type": "object", "properties": {"item_name": {"type": "string"}}}}\n'
        '{"name": "cancel_reservation", "parameters": {"type": "object", "properties": '
        '{"reservation_no": {"type": "string"}}}}\n\n'
        "ルール\n・1回の申込みは10点まで。\n・1回の返信は150字以内、絵文字なし。"
    )
    result = generate(Brief(task=task, target="claude"))
    assert "JSON object" not in result.prompt
    assert [(c.unit, c.maximum) for c in result.constraints if c.kind == "limit"] == [("characters", 150)]


def test_the_methods_of_a_pasted_interface_are_tools() -> None:
    csharp = (
        "Bot de WhatsApp para la autoescuela. El programador nos ha pasado esto:\n\n"
        "public interface IAutoescuelaTools\n{\n    // null si no existe\n    Alumno BuscarAlumno(string dni);\n"
        "    List<Hueco> HuecosLibres(string sede, DateTime desde);\n    bool CancelarClase(string reservaId);\n}\n\n"
        "Normas:\n- Lo primero siempre BuscarAlumno con el DNI.\n- Máximo 3 frases."
    )
    tools = {c.name: c.parameters for c in extract_constraints(Brief(task=csharp)) if c.kind == "tool"}
    assert tools == {"BuscarAlumno": ["dni"], "HuecosLibres": ["sede", "desde"], "CancelarClase": ["reservaId"]}
    prompt = generate(Brief(task=csharp, target="claude")).prompt
    assert "public interface" not in prompt
    go = "Support bot.\n\ntype Tools interface {\n    LookupOrder(orderID string) (Order, error)\n}\n\nBe brief."
    assert [c.parameters for c in extract_constraints(Brief(task=go)) if c.kind == "tool"] == [["orderID"]]


def test_a_pasted_yaml_tool_list_is_tools_not_rules() -> None:
    task = (
        "Somos o Favo Cowork. Queremos um assistente para reservas de salas. O dev mandou isto com as ferramentas:\n\n"
        "tools:\n  - name: identificar_membro\n    args: [email]\n"
        "    returns: membro_id, plano (flex | fixo | escritorio)\n"
        "  - name: reservar_sala\n    args: [membro_id, sala_id, data]\n\n"
        "Regras:\n- identificar_membro sempre primeiro\n- no máximo 3 frases"
    )
    result = generate(Brief(task=task, target="claude"))
    tools = {c.name: c.parameters for c in result.constraints if c.kind == "tool"}
    assert tools == {"identificar_membro": ["email"], "reservar_sala": ["membro_id", "sala_id", "data"]}
    rules = result.prompt.split("<instructions>", 1)[1].split("</instructions>", 1)[0]
    assert "name: reservar_sala" not in rules
    assert "tools:" not in rules
    assert not [c for c in result.constraints if c.kind == "labels"]
