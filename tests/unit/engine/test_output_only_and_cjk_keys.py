"""Words that say "only the label, nothing else" are never a label set, singular label nouns in es/de/fr/pt/it/nl
introduce a real set, and a Chinese or Japanese extraction brief reads the keys it lists in Latin script or in a
JSON example, not the CJK phrases around them."""

from __future__ import annotations

import pytest

from app.engine import Brief, generate
from app.engine.compose.cues import extract_labels
from app.engine.constraints.labels import find_labels
from app.engine.constraints.structure import _loads_lenient as loads_lenient
from app.engine.constraints.structure import find_fields, to_json_schema


def _labels(task: str) -> list[list[str]]:
    return [c.values for c in generate(Brief(task=task)).constraints if c.kind == "labels"]


@pytest.mark.parametrize(
    "closing",
    [
        "Gib nur das Label aus, nichts anderes.",
        "Geef alleen het label terug, verder niets.",
        "Antworte nur mit dem Label, sonst nichts.",
        "Output only the label, nothing else.",
        "Réponds uniquement par l'étiquette, rien d'autre.",
        "Responde solo con la etiqueta, nada más.",
    ],
)
def test_an_output_only_sentence_adds_no_label_set(closing: str) -> None:
    assert extract_labels(closing) == []
    assert find_labels(closing) is None
    task = f"Sort incoming mail for our bakery. {closing}"
    assert _labels(task) == []
    assert "nichts" not in generate(Brief(task=task)).prompt.split("# Output format")[1]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "Ordnen Sie jede Anfrage einer Kategorie zu: RECHNUNG, TECHNIK, SONSTIGES.",
            ["RECHNUNG", "TECHNIK", "SONSTIGES"],
        ),
        ("Asigna a cada correo una categoría: urgente, normal, baja.", ["urgente", "normal", "baja"]),
        ("Attribue à chaque avis une catégorie : positif, neutre, négatif.", ["positif", "neutre", "négatif"]),
        ("Atribua a cada pedido uma categoria: troca, devolução, dúvida.", ["troca", "devolução", "dúvida"]),
        ("Assegna a ogni ticket un'etichetta: bug, richiesta, domanda.", ["bug", "richiesta", "domanda"]),
        ("Wijs elke mail een categorie toe: klacht, vraag, compliment.", ["klacht", "vraag", "compliment"]),
    ],
)
def test_a_singular_label_noun_introduces_the_set(text: str, values: list[str]) -> None:
    found = find_labels(text)
    assert found is not None
    assert found.values == values


def test_the_stated_set_survives_a_closing_sentence_in_the_same_brief() -> None:
    task = (
        "Wir sind eine Schreinerei. Kunden schreiben uns per Mail. Ordne jede Anfrage genau einer Kategorie zu: "
        "KUECHE, TREPPE, REPARATUR, SONSTIGES. Gib nur das Label aus, nichts anderes."
    )
    result = generate(Brief(task=task))
    assert _labels(task) == [["KUECHE", "TREPPE", "REPARATUR", "SONSTIGES"]]
    output = result.prompt.split("# Output format")[1]
    assert "KUECHE" in output
    assert "aus, nichts" not in output
    assert "Labels: aus" not in result.prompt


def test_a_second_set_in_parentheses_in_the_same_clause_is_read_too() -> None:
    task = (
        "Du ordnest jede Meldung einer Kategorie zu (Dach, Keller, Sonstiges) und einer Dringlichkeit (hoch, niedrig)."
    )
    assert _labels(task) == [["Dach", "Keller", "Sonstiges"], ["hoch", "niedrig"]]


def test_no_label_set_from_a_plain_sentence_with_a_category_noun() -> None:
    assert find_labels("Die Kategorie ist wichtig, weil wir sie weiterleiten, prüfen und speichern.") is None


# --- CJK fields -------------------------------------------------------------------------------------------------


def test_a_json_example_with_cjk_descriptions_gives_the_keys() -> None:
    literal = '{"name": 客户姓名, "qty": 数字, "ship_date": "YYYY-MM-DD" 或 null, "tel": 电话或 null}'
    schema = to_json_schema(loads_lenient(literal))
    assert list(schema["properties"]) == ["name", "qty", "ship_date", "tel"]
    assert schema["properties"]["qty"] == {"type": "number"}
    assert "null" in schema["properties"]["tel"]["type"]
    assert "description" not in schema["properties"]["tel"]  # "电话" describes the value; it is no format


def test_a_japanese_union_with_null_is_nullable() -> None:
    schema = to_json_schema(loads_lenient('{"age": 整数 または null, "memo": 自由記述}'))
    assert schema["properties"]["age"]["type"] == ["integer", "null"]


def test_a_chinese_brief_with_a_json_example_returns_its_keys_not_the_words_around_it() -> None:
    task = (
        "我们是一家花店。请从每条订单消息里提取信息， 只输出JSON，格式："
        '{"customer": 客户名, "flower": 花的品种, "count": 数字, "pickup_date": "YYYY-MM-DD" 或 null}。'
        "不要输出任何解释。"
    )
    result = generate(Brief(task=task))
    assert not [c for c in result.constraints if c.kind == "fields"]
    schemas = [c for c in result.constraints if c.kind == "schema"]
    assert schemas
    assert schemas[0].values == ["customer", "flower", "count", "pickup_date"]
    assert "只输出" not in result.prompt.split("# Output format")[1]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("请从邮件中提取 buyer_name、phone、order_date。", ["buyer_name", "phone", "order_date"]),
        ("提取以下字段：buyer、tea_type、weight_kg", ["buyer", "tea_type", "weight_kg"]),
        ("从简历中提取姓名、电话、邮箱", ["姓名", "电话", "邮箱"]),
        ("请提取：姓名、电话、邮箱，并输出JSON。", ["姓名", "电话", "邮箱"]),
        ("メールから氏名、電話番号、住所を抽出してください。", ["氏名", "電話番号", "住所"]),
    ],
)
def test_cjk_field_lists(text: str, values: list[str]) -> None:
    found = find_fields(text)
    assert found is not None
    assert found.values == values


@pytest.mark.parametrize(
    "text",
    [
        "请从每条消息里提取订单信息， 只输出JSON，格式：",
        "请提取订单信息，只输出JSON",
        "可用工具：get_schedule(store_id, date) 查排班，回复不超过100个字。",
    ],
)
def test_no_cjk_fields_from_instructions_or_tool_parameters(text: str) -> None:
    assert find_fields(text) is None


def test_a_closing_one_of_word_is_no_enum_value() -> None:
    schema = to_json_schema(loads_lenient('{"kind": "a | b | other 之一"}'))
    assert schema["properties"]["kind"]["enum"] == ["a", "b", "other"]
