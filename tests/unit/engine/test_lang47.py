"""Helper lang47: a list of supported locales is no reply language; a translation's target language is the
translation's; a limit keeps the part it is counted per in other languages; the role names the business of a
non-English brief; a list field's values after "only from this list"; a German web-chat assistant is support."""

from __future__ import annotations

import pytest

from app.engine import generate
from app.engine.brief import Brief, extract_entities
from app.engine.classify import classify
from app.engine.constraints import extract_constraints


def _languages(task: str) -> list[str]:
    return [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "language"]


# 1. A list of the locales or languages a product supports


@pytest.mark.parametrize(
    "task",
    [
        "You answer billing questions for Northwind Mobile.\n\nSupported locales:\n- British English\n- Irish English\n"
        "- Australian English\n\nKeep answers short.",
        "You answer questions about our booking app.\nLanguages we serve:\n- Canadian French\n- Swiss German\n"
        "- Brazilian Portuguese\nBe concise.",
        "You answer questions for Fjord Air.\nWe're live in these markets:\n1. Norway (nb-NO)\n2. Sweden (sv-SE)\n"
        "3. UK (en-GB)\nNever discuss fares.",
        "Du beantwortest Fragen zu unserer App.\nUnterstützte Sprachen:\n- Deutsch (Schweiz)\n- Französisch (Schweiz)\n"
        "- Italienisch\nAntworte knapp.",
        "Respondes preguntas sobre nuestra app.\nIdiomas disponibles:\n- Inglés\n- Francés\n- Alemán\nSé breve.",
        "Tu réponds aux questions sur notre appli.\nLangues prises en charge :\n- anglais\n- allemand\n- espagnol\n"
        "Sois bref.",
    ],
)
def test_a_list_of_supported_locales_sets_no_reply_language(task: str) -> None:
    assert _languages(task) == []
    assert "Always reply in" not in generate(Brief(task=task)).prompt


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("You answer questions about our app.\nLanguage:\n- British English\nKeep it short.", "British English"),
        ("You answer questions about our app.\nRules:\n- Reply in French.\n- Keep it short.", "French"),
        ("You write our help-centre replies.\nStyle:\n- British English\n- Plain English", "British English"),
    ],
)
def test_one_language_in_a_list_of_rules_is_still_the_reply_language(task: str, expected: str) -> None:
    assert _languages(task) == [f"Always reply in {expected}."]


# 2. A translation's target language


@pytest.mark.parametrize(
    ("task", "language"),
    [
        ("Translate our Swedish product texts into German for our webshop. Keep product names unchanged.", "German"),
        ("Wij willen onze handleidingen vertalen naar het Duits. Productnamen niet vertalen.", "German"),
        ("Übersetze unsere Hilfeartikel ins Englische. Fachbegriffe wie 'API' bleiben.", "English"),
        ("Traduis nos fiches produits de l'anglais vers l'espagnol. Garde les noms de marque.", "Spanish"),
        ("You translate our support macros. Target language: Portuguese. Keep placeholders like {name}.", "Portuguese"),
    ],
)
def test_a_translation_target_is_the_translations_language(task: str, language: str) -> None:
    result = generate(Brief(task=task))
    assert _languages(task) == [f"Write the translation in {language}."]
    assert f"read {language}" not in result.prompt
    assert f"Write the translation in {language}." in result.prompt
    for constraint in result.constraints:
        assert constraint.text in result.prompt


def test_a_reply_language_beside_a_translation_of_something_else_stays_the_replys() -> None:
    task = "You answer customer emails for our shop. Always reply in German. Never translate product names."
    assert _languages(task) == ["Always reply in German."]


# 3. A limit counted per a part, in other languages


def _limits(task: str) -> list[str]:
    return [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        ("Du prüfst Merge Requests für unser Team. Höchstens 6 Kommentare pro MR.", "Give each MR at most 6 comments."),
        ("Je beoordeelt pull requests. Maximaal 4 opmerkingen per PR.", "Give each PR at most 4 comments."),
        ("Du prüfst Code. Maximal 2 Kommentare pro Datei, keine Stilfragen.", "Give each file at most 2 comments."),
        ("Revisas código del equipo. Máximo 3 comentarios por archivo.", "Give each file at most 3 comments."),
        ("Tu relis le code de l'équipe. Au maximum 4 commentaires par fichier.", "Give each file at most 4 comments."),
        ("Rivedi il codice del team. Al massimo 2 commenti per funzione.", "Give each function at most 2 comments."),
    ],
)
def test_a_foreign_limit_keeps_the_part_it_is_counted_per(task: str, expected: str) -> None:
    assert expected in _limits(task)


# 4. The business of a non-English brief


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (
            "Bäckerei Sonnenschein in Lübeck. Wir wollen einen Chat auf der Website für Bestellungen.",
            "Bäckerei Sonnenschein",
        ),
        (
            "Fietsenmaker De Ketting in Zwolle. We willen een chatbot die vragen over reparaties beantwoordt.",
            "Fietsenmaker De Ketting",
        ),
        (
            'Wir betreiben den Onlineshop "Kaffeeklatsch Berlin". Kunden fragen oft nach Lieferzeiten.',
            "Kaffeeklatsch Berlin",
        ),
        (
            "Je gère l'auto-école Route Claire à Nantes. Je veux un assistant pour les questions des élèves.",
            "Route Claire",
        ),
        ("Du bist der Buchungsassistent von Seeblick Bootsverleih am Chiemsee.", "Seeblick Bootsverleih"),
        ('我们是"小鹿咖啡"，想做一个小程序客服。', "小鹿咖啡"),
        ("山田ピアノ教室です。LINEでの予約受付をAIに任せたいです。", "山田ピアノ教室"),
    ],
)
def test_the_business_a_foreign_brief_names_is_the_organisation(task: str, name: str) -> None:
    assert extract_entities(task).organization == name
    role = generate(Brief(task=task)).prompt.split("# Role\n")[1].split("\n")[0]
    assert name in role


@pytest.mark.parametrize(
    "task",
    [
        "Kurze Antworten, bitte. Du hilfst Kunden bei Fragen zu Rechnungen.",
        '"Sunny" is the chat companion in our meditation app. Keep replies gentle.',
    ],
)
def test_no_business_is_made_up(task: str) -> None:
    assert extract_entities(task).organization not in ("Kurze Antworten", "Sunny")


# 5. r46-13 and r46-20: a list field's values after "only from this list", a key's limit, a German web chat


@pytest.mark.parametrize(
    ("task", "field", "values"),
    [
        (
            'Antworte nur mit JSON {"status": "...", "gruende": [...]}.\n'
            'gruende nur aus dieser Liste (mehrere möglich, sonst ["keine"]): spam, beleidigung, keine',
            "gruende",
            ["spam", "beleidigung", "keine"],
        ),
        (
            'Return only JSON {"decision": "...", "reasons": [...]}. reasons only from this list: spam, abuse, none',
            "reasons",
            ["spam", "abuse", "none"],
        ),
        (
            'Devuelve solo JSON {"decision": "...", "motivos": [...]}. '
            "motivos solo de esta lista: spam, insulto, ninguno",
            "motivos",
            ["spam", "insulto", "ninguno"],
        ),
    ],
)
def test_a_list_fields_values_follow_only_from_this_list(task: str, field: str, values: list[str]) -> None:
    labels = [c for c in extract_constraints(Brief(task=task)) if c.kind == "labels"]
    assert [(c.scope, c.values) for c in labels] == [(field, values)]
    # the set's own "none" value is how none applies: no empty list beside it, whatever "leer" says elsewhere
    assert "empty list" not in labels[0].text


def test_a_keys_limit_keeps_the_key_when_its_name_reads_as_a_part() -> None:
    task = (
        'Ausgabe nur als JSON: {"entscheidung": "ok" | "nein", "hinweis": "..."}\n'
        "- hinweis: höchstens 12 Wörter, für unser Team."
    )
    assert "Keep the hinweis field to at most 12 words." in _limits(task)


@pytest.mark.parametrize(
    "task",
    [
        "Sozialverband Kreis Lahn e.V. - wir beraten Mitglieder im Sozialrecht. Für den Web-Chat brauchen wir einen "
        "Assistenten, der allgemeine Fragen beantwortet (Rente, Pflegegrad, Schwerbehinderung, Bürgergeld, "
        "Widerspruch) und an unsere Sozialrechtsberatung weiterleitet.\n\nWichtig:\n- Keine Rechtsberatung im "
        "Einzelfall. Nie sagen, ob ein Bescheid rechtmäßig ist oder ob ein Widerspruch Erfolg hat.\n- Wer einen "
        "Bescheid bekommen hat: IMMER zuerst auf die Widerspruchsfrist von einem Monat hinweisen.\n- Keine "
        "Versicherungsnummern oder Kontoauszüge abfragen.\n- Höchstens 100 Wörter, Sie-Form, keine Aufzählungen.",
        "Verbraucherhilfe Nordsee e.V. - wir beraten Mitglieder bei Verträgen und Inkasso. Für den Web-Chat brauchen "
        "wir einen Assistenten, der allgemeine Fragen beantwortet (Handyvertrag, Inkasso, Widerruf, Abofallen) und an "
        "unsere Juristen weiterleitet.\n- Keine Rechtsberatung im Einzelfall. Nie sagen, ob eine Forderung berechtigt "
        "ist oder ob jemand vor Gericht gewinnt.\n- Höchstens 80 Wörter, Sie-Form.",
    ],
)
def test_a_german_web_chat_that_answers_questions_is_support(task: str) -> None:
    assert classify(task)[0].id == "customer_support"
