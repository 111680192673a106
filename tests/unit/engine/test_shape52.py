"""Blind review round 51, class 1: the reply's shape as the brief states it.

- a format word the brief names to avoid, in any language ("sin markdown", "ohne Markdown", "pas de markdown"), sets
  no default Markdown format line;
- a layout whose first line is the label line ("first line: RESULT: …", "in this shape:\\nLABEL: …") keeps that line
  first, and the labels of "STATUS: MERGE or STATUS: HOLD" are the values after the marker, never the marker word;
- a fixed object for one case ("if the message is empty: {…}") is that case's reply, never the schema; the schema
  comes from the key list, also when the list stands on the line after its sentence.
"""

from __future__ import annotations

import json
import re

import pytest

from app.engine import Brief, generate
from app.engine.constraints import extract_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def _output(prompt: str) -> str:
    """The output section of a claude render (inside its tags)."""
    found = re.search(r"<output_format>\n(?P<body>.*?)</output_format>", prompt, re.DOTALL)
    return found.group("body") if found else ""


def _schema_keys(prompt: str) -> list[str]:
    block = re.search(r"```json\n(?P<schema>\{.*?\})\n```", _output(prompt), re.DOTALL)
    if block is None:
        return []
    return list(json.loads(block.group("schema")).get("properties", {}))


# --- a banned format word sets no Markdown default ----------------------------------------------------------------

_BANNED_MARKDOWN = [
    "Para practicar ventas quiero un role-play. Tú eres una clienta, la señora Pilar Ortega, que quiere devolver "
    "una cafetera rota. Estás molesta pero eres educada.\n\nCuando el alumno escriba FIN, sales del papel y das "
    "la nota con estas dos líneas, sin markdown:\nNOTA: x/10\nCONSEJO: (una frase)",
    "Für unser Verkaufstraining ein Rollenspiel: Du spielst einen Kunden, Herrn Albers, dessen neuer Staubsauger "
    "nicht lädt. Er ist verärgert, aber höflich.\n\nWenn der Azubi ENDE schreibt, verlässt du die Rolle und gibst "
    "das Feedback in diesen zwei Zeilen, ohne Markdown:\nNOTE: x/10\nTIPP: (ein Satz)",
    "Pour former nos vendeurs, un jeu de rôle : tu joues une cliente, Mme Girard, dont le grille-pain neuf ne "
    "chauffe plus. Elle est agacée mais polie.\n\nQuand l'élève écrit FIN, tu sors du rôle et tu donnes le retour "
    "en deux lignes, pas de markdown :\nNOTE : x/10\nCONSEIL : (une phrase)",
    "Per formare i commessi, un gioco di ruolo: tu sei un cliente, il signor Neri, la cui lavastoviglie nuova "
    "perde acqua. È arrabbiato ma educato.\n\nQuando l'allievo scrive FINE, esci dal ruolo e dai il giudizio in "
    "queste due righe, senza markdown:\nVOTO: x/10\nCONSIGLIO: (una frase)",
]


@pytest.mark.parametrize("task", _BANNED_MARKDOWN)
def test_banned_markdown_word_writes_no_markdown_default(task: str) -> None:
    prompt = _prompt(task)
    assert "Markdown with short headings" not in prompt
    assert _output(prompt).strip()


# --- the label line the layout puts first stays first ------------------------------------------------------------

_MARKER_SETS = [
    (
        "Review the Go pull requests of our parcel-tracking service.\n\nreply format, strictly:\n"
        "line 1 is either STATUS: MERGE or STATUS: HOLD\nthen one finding per line",
        ["MERGE", "HOLD"],
    ),
    (
        "Revisa los pull requests de nuestra app de reservas.\n\nFormato de la respuesta:\n"
        "primera línea: DECISION: APROBAR o DECISION: CAMBIOS\ndespués un problema por línea",
        ["APROBAR", "CAMBIOS"],
    ),
    (
        "Prüfe die SQL-Migrationen unseres Teams, bevor sie laufen.\n\nAusgabeformat:\n"
        "erste Zeile: ERGEBNIS: SICHER oder ERGEBNIS: UNSICHER\ndann die riskanten Anweisungen",
        ["SICHER", "UNSICHER"],
    ),
]


@pytest.mark.parametrize(("task", "values"), _MARKER_SETS)
def test_marker_line_labels_are_the_values_after_the_marker(task: str, values: list[str]) -> None:
    found = [c.values for c in extract_constraints(Brief(task=task)) if c.kind == "labels"]
    assert found == [values]


_LABEL_FIRST_DRAFTS = [
    "I run the front desk at a dog grooming salon. For each customer email, tag it and draft a reply I can send.\n\n"
    "Send it back in this exact shape:\nTAG: one of BOOKING, PRICE, COMPLAINT, OTHER\n(blank line)\n"
    "the reply draft, under 80 words\n\nNever quote prices.",
    "We're a bike repair shop. Read each customer message, label it and write a reply for me to check.\n\n"
    "Exactly these lines:\nCATEGORY: one of REPAIR, PARTS, WARRANTY, OTHER\n(blank line)\n"
    "the draft reply, at most 70 words",
    "Wir sind eine Fahrschule. Lies jede Kundenmail, ordne sie ein und schreib einen Antwortentwurf, den ich prüfe.\n\n"
    "Genau in dieser Form:\nLABEL: eine von TERMIN, PREIS, PRUEFUNG, SONSTIGES\n(Leerzeile)\n"
    "der Antwortentwurf, höchstens 80 Wörter",
    "Somos una autoescuela. Lee cada correo de cliente, clasifícalo y redacta una respuesta que yo reviso.\n\n"
    "Siempre con esta forma exacta:\nLABEL: una de CITA, PRECIO, EXAMEN, OTRO\n(línea en blanco)\n"
    "el borrador de respuesta, máximo 80 palabras",
    "Check the SQL migrations our team writes for a ticketing app before they run.\n\n"
    "Output format:\nfirst line: RESULT: SAFE or RESULT: UNSAFE\nthen the risky statements, one per line",
]


@pytest.mark.parametrize("task", _LABEL_FIRST_DRAFTS)
def test_label_line_first_in_a_label_and_draft_layout(task: str) -> None:
    output = _output(_prompt(task))
    assert "End with one line that starts with" not in output, output
    assert output.strip().startswith(("On the first line", "Start with one line")), output


# --- a fixed case object is no schema; the key list is ---------------------------------------------------------

_CASE_OBJECTS = [
    (
        "We run a small campsite and get booking emails. Turn each one into data.\n\n"
        "Return only a JSON object with these keys:\nguest, email, arrival, nights, notes\n\n"
        "- arrival as YYYY-MM-DD\n"
        '- If the email is blank or is not a booking request: {"error": "NOT A BOOKING"}',
        ["guest", "email", "arrival", "nights", "notes"],
    ),
    (
        "Gestiamo un rifugio in montagna e riceviamo richieste via email. Estrai i dati.\n\n"
        "Restituisci solo un oggetto JSON con queste chiavi:\nospite, email, data_arrivo, notti, note\n\n"
        '- Se il testo è vuoto o non è una richiesta: {"errore": "NON VALIDO"}',
        ["ospite", "email", "data_arrivo", "notti", "note"],
    ),
    (
        "Wir vermieten Ferienwohnungen und bekommen Anfragen per Mail. Zieh die Daten heraus.\n\n"
        "Gib nur ein JSON-Objekt mit diesen Feldern zurück:\nname, email, anreise, naechte, notiz\n\n"
        '- Wenn die Nachricht leer ist oder keine Anfrage: {"fehler": "KEINE ANFRAGE"}',
        ["name", "email", "anreise", "naechte", "notiz"],
    ),
]


@pytest.mark.parametrize(("task", "keys"), _CASE_OBJECTS)
def test_case_object_is_a_reply_and_the_key_list_is_the_schema(task: str, keys: list[str]) -> None:
    prompt = _prompt(task)
    assert _schema_keys(prompt) == keys, _output(prompt)
