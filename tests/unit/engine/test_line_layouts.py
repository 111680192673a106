"""A line layout spelled out under the output's intro ('étiquette | résumé') is the reply's form, not a label set;
an example line is no label set either; a typed field narrowed by a range keeps its type."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.structure import find_objects, to_json_schema
from app.engine.generate import generate

_REVIEWS = (
    "On est une chaîne de boulangeries. Je voudrais un prompt qui, pour chaque avis, fasse un résumé d'une seule "
    "phrase en français et lui colle UNE étiquette parmi : produit, accueil, prix, hygiène, attente, autre.\n\n"
    "Format de sortie, une ligne par avis, rien d'autre :\n"
    "étiquette | résumé\n\n"
    "Exemple : hygiène | Le client a vu une mouche dans la vitrine des flans."
)


def test_a_spelled_out_line_layout_is_the_output_form() -> None:
    result = generate(Brief(task=_REVIEWS, target="claude"))
    labels = [c.values for c in result.constraints if c.kind == "labels"]
    assert labels == [["produit", "accueil", "prix", "hygiène", "attente", "autre"]]
    assert "`étiquette | résumé`" in result.prompt
    assert 'starts with "Label:"' not in result.prompt
    assert "one-sentence headline" not in result.prompt


def test_a_range_narrows_an_integer_field() -> None:
    (found,) = find_objects('{\n  "pain_score": integer 0-10 | null,\n  "name": string\n}')
    schema = to_json_schema(found.value)
    assert schema["properties"]["pain_score"] == {"type": ["integer", "null"], "minimum": 0, "maximum": 10}
    assert schema["properties"]["name"] == {"type": "string"}
