"""A JSON literal written the way people write it ("true/false/null", "AAAA-MM-DD o null", "máx. 25 palabras") is
the schema, with its own nullability and field limits; examples and guardrails agree with it; a requester's
introduction in any language is context, and a greeting is no job."""

from __future__ import annotations

import json
import re

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints
from app.engine.constraints.structure import find_objects, to_json_schema

TENANTS = (
    "Somos el Sindicato de Inquilinas de Carabanchel. Nos llegan mensajes por el formulario web y queremos que el "
    "asistente convierta cada uno en una ficha JSON. Devuelve SOLO este JSON, sin texto antes ni después:\n\n"
    '{"tipo_problema": "DESAHUCIO | FIANZA | OTRO", "fecha_limite": "AAAA-MM-DD o null", '
    '"tiene_contrato": true/false/null, "urgente": true/false, "resumen": "máx. 25 palabras"}\n\n'
    "urgente = true si hay fecha de desahucio en los próximos 15 días. Si el mensaje no va de vivienda, "
    "tipo_problema = OTRO."
)


def _schema(prompt: str) -> dict[str, object]:
    block = re.search(r"```json\n(.*?)\n```", prompt, re.S)
    assert block is not None
    schema = json.loads(block.group(1))
    assert isinstance(schema, dict)
    return schema


def test_loose_json_literal_is_the_schema() -> None:
    found = find_objects(TENANTS)
    assert len(found) == 1
    properties = to_json_schema(found[0].value)["properties"]
    assert properties["tiene_contrato"] == {"type": ["boolean", "null"]}
    assert properties["urgente"] == {"type": "boolean"}
    assert properties["fecha_limite"]["type"] == ["null", "string"]


def test_schema_in_the_prompt_is_the_briefs_own() -> None:
    prompt = generate(Brief(task=TENANTS, target="claude")).prompt
    properties = _schema(prompt)["properties"]
    assert isinstance(properties, dict)
    assert list(properties) == ["tipo_problema", "fecha_limite", "tiene_contrato", "urgente", "resumen"]
    assert properties["resumen"]["description"] == "máx. 25 palabras"


def test_a_limit_written_as_a_field_value_limits_that_field() -> None:
    limits = [c for c in extract_constraints(Brief(task=TENANTS)) if c.kind == "limit"]
    assert [(c.maximum, c.unit, c.scope) for c in limits] == [(25, "words", "the resumen field")]
    prompt = generate(Brief(task=TENANTS)).prompt
    assert "Keep the resumen field to at most 25 words." in prompt
    assert "Keep the reply to at most 25 words" not in prompt


def test_examples_and_guardrails_respect_fields_that_cannot_be_null() -> None:
    result = generate(Brief(task=TENANTS, target="claude"))
    assert '"urgente": null' not in result.prompt
    assert "every field set to null" not in result.prompt


def test_introduction_is_context_and_the_json_is_pointed_to_not_repeated() -> None:
    prompt = generate(Brief(task=TENANTS, target="claude")).prompt
    role, rest = prompt.split("</role>", 1)
    assert "Sindicato de Inquilinas de Carabanchel." in role
    assert "Carabanchel. Nos" not in role  # the name ends with its sentence
    context = rest.split("</context>")[0]
    assert "Somos el Sindicato de Inquilinas de Carabanchel." in context
    instructions = rest.split("<instructions>")[1].split("</instructions>")[0]
    assert "Somos el Sindicato" not in instructions
    assert "(the JSON in the output format)" in instructions
    assert '"tipo_problema": "DESAHUCIO' not in instructions
    # the sentence after the JSON (a blank line apart) is a rule of its own
    assert re.search(r"^\d+\. urgente = true si", instructions, re.M)


def test_greeting_is_no_job() -> None:
    task = (
        "hola! tengo una escuela de surf en Zarautz y quiero un asistente para el whatsapp. la gente pregunta "
        "precios y horarios. respuestas cortas, max 3 frases."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "«hola!»" not in prompt
    assert "hola!" not in prompt  # neither as the job nor as a rule
    assert "tengo una escuela de surf" in prompt
