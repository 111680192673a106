"""The business a requester introduces in one word ("Somos a EnviaJá, app de remessas …") is the business, not a
country named later; and a German wish with the verb first ("möchten wir einen Chat-Assistenten, der …") is the job
sentence, not a later sentence about the material the assistant receives."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate


def test_a_one_word_business_after_somos_is_the_business() -> None:
    task = (
        "Somos a PagaFácil, app de remessas de Portugal para o Brasil. Queremos um assistente no chat da app que "
        "responda dúvidas usando a nossa FAQ. Máximo 3 frases."
    )
    role = generate(Brief(task=task, target="claude")).prompt.split("</role>", 1)[0]
    assert "PagaFácil" in role
    assert "for Brasil" not in role


def test_a_german_wish_with_the_verb_first_is_the_job() -> None:
    task = (
        "Wir sind der Mieterbund Ahrtal e.V. (Bad Neuenahr). Für den Mitgliederbereich möchten wir einen "
        "Chat-Assistenten, der Fragen zur Nebenkostenabrechnung beantwortet. Die Merkblätter bekommt der Assistent "
        "jeweils mitgeliefert. Antworte höchstens in 120 Wörtern."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "«Die Merkblätter bekommt der Assistent jeweils mitgeliefert»" not in prompt.split("</role>", 1)[0]
