"""Review of the engine fixes 60d557a..2c04f7c (the 14 findings of review 31): where they are too narrow or too broad.

Each test fails on 2c04f7c. Most pass on 60d557a (the fix is a regression); a few cases fail on both and show the fix
missed the same finding in ordinary wording.

- `_FOREIGN_ONLY_FORMAT` is too narrow: "Ne renvoie que le JSON", "Renvoie-moi uniquement …", "Renvoie un objet JSON",
  "Restituisci esclusivamente", "Devolve só", "Geef enkel JSON terug" lose "Return only valid JSON.".
- ... and too broad: "quand l'API renvoie seulement un JSON vide", "quando l'API restituisce solo un JSON vuoto",
  "cuando la API devuelve un JSON vacío" (still in `_FORMAT_VERB`) make a debugging helper answer in JSON.
- `_YAML_THING` / `_NOT_YAML` drop the YAML reply when the reply is a YAML file or config ("Output a YAML file …",
  "Return a YAML config …") or when a ban on prose comes just before ("No prose - reply with YAML only"): the reply
  becomes a JSON object with a schema.
- `_ALL_CLEAR_IN_TASK` only knows "if nothing / no issues … exactly": "if it looks clean, reply with exactly LGTM",
  "when you find nothing, …", "wenn du nichts findest, antworte genau mit LGTM" keep the contradicting default
  'say "No blocking issues found."'.
- `_INPUT_STATE` lists too few words for how the input arrives: "addresses … were merged into one line", "street and
  city run together on one line", "got merged into one line" become "Reply in exactly 1 line." for an address splitter.
- The follow-up-question trigger now needs "ask … questions": "Avoid clarifying questions", "Don't pester people with
  clarifying questions", "Never ask the user for clarification" keep "ask one clarifying question".
- `_WHOLE_REPLY` / "when you write|reply" after a dash turn real cases ("- if a customer is angry, keep it under 50
  words", "- when you write the subject line, keep it under 8 words") into a cap on every reply.
- Dropping the SQL words from `_NOT_NAMES` makes "with AT TIME ZONE", "with CASE WHEN", "with UNION ALL", "from CTEs"
  and "look orders up by ID" the business ("You are a customer support agent for ID.").
- The plural check on `_WANTED_ROLE` reads the last word: "reflection buddy for teens", "plant doctor for houseplants"
  are no role any more.
- `_NOT_CODE_FIRST` treats any short negated aside before "code first" as its negation: "No preamble: code first",
  "Don't waffle - code first", "不要废话，先给代码再解释" lose the code-first reply.
- `_OWN_OFF_TOPIC` needs a question noun: "If someone asks about anything unrelated", "Als iemand iets vraagt dat
  niets te maken heeft", "Wenn jemand etwas fragt, das nichts mit … zu tun hat", "Si te preguntan algo que no tiene
  que ver", "brings up something off-topic" keep the default out-of-scope line beside the brief's own.
- The CEFR cue needs "naar/to/auf…": "at B1 level", "au niveau A2", "di livello B1", "ao nível B1" are no plain-language
  rewrite; and "I'm trying to move up to B2 level" (the requester's own goal) is one.
- `_REPLY_ONLY_BEFORE` knows too few verbs: "Donne uniquement le code corrigé, sans explication", "Dame solo …",
  "Schreib nur …", "Scrivi solo …", "Ohne Erklärung: nur der Code" end with "then an explanation".
"""

from __future__ import annotations

import re

import pytest

from app.engine.brief import Brief, extract_entities
from app.engine.generate import generate, read_constraints


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def _constraints(task: str) -> list[tuple[str, str, str | None]]:
    return [(c.kind, c.text, c.scope) for c in read_constraints(Brief(task=task))]


def _output_format(prompt: str) -> str:
    found = re.search(r"<output_format>(.*?)</output_format>", prompt, re.DOTALL)
    return found.group(1) if found else ""


@pytest.mark.parametrize(
    "task",
    [
        "Tu extrais les informations des factures que l'utilisateur colle. Ne renvoie que le JSON, avec les champs "
        "fournisseur, date et montant.",
        "Tu extrais les informations des factures que l'utilisateur colle. Renvoie-moi uniquement un objet JSON avec "
        "les champs fournisseur, date et montant.",
        "Tu extrais les informations des factures. Renvoie un objet JSON avec les champs fournisseur, date et montant.",
        "Estrai i dati dalle fatture incollate dall'utente. Restituisci esclusivamente un JSON con i campi fornitore, "
        "data e importo.",
        "Extrais os dados das faturas que o utilizador cola. Devolva só o JSON com os campos fornecedor, data e valor.",
        "Je haalt gegevens uit facturen die de gebruiker plakt. Geef enkel JSON terug met de velden leverancier, datum "
        "en bedrag.",
        "Tu proposes des titres d'articles pour notre blog de cuisine. Ne renvoie qu'un tableau JSON de 5 titres, rien "
        "d'autre.",
    ],
)
def test_a_foreign_json_only_reply_keeps_its_format(task: str) -> None:
    """`_FOREIGN_ONLY_FORMAT` needs the verb right before uniquement/seulement/solo/nur/alleen, so the French "ne …
    que" ("Ne renvoie que le JSON"), a verb with a pronoun ("Renvoie-moi"), a plain imperative ("Renvoie un objet
    JSON"), and the other 'only' words ("esclusivamente", "só", "enkel") give no format constraint: the prompt loses
    "Return only valid JSON.". A prompt engineer reads every one of these as "the reply is JSON" (60d557a did)."""
    assert ("format", "Return only valid JSON.", None) in _constraints(task)


@pytest.mark.parametrize(
    "task",
    [
        "Tu aides notre équipe à déboguer du code Python. Quand l'API renvoie seulement un JSON vide, explique les "
        "causes probables et propose un correctif.",
        "Aiuti il nostro team a fare debug del codice Python. Quando l'API restituisce solo un JSON vuoto, spiega la "
        "causa probabile e proponi una correzione.",
        "Ayudas a nuestro equipo a depurar código Python. Cuando la API devuelve un JSON vacío o un error 500, explica "
        "la causa probable y propone una solución.",
    ],
)
def test_a_json_the_api_returns_is_still_no_reply_format(task: str) -> None:
    """Review 31's finding, said with an 'only' word or in Spanish: `_FOREIGN_ONLY_FORMAT` has no subject check
    ("l'API renvoie seulement un JSON vide" is what the server returns) and "devuelve" is still in `_FORMAT_VERB`, so
    a debugging helper must "Return only valid JSON." with an answer/confidence schema. Expected: no format
    constraint, the code helper's own shape."""
    kinds = [kind for kind, _text, _scope in _constraints(task)]
    assert "format" not in kinds
    assert "Return only valid JSON" not in _output_format(_prompt(task))


@pytest.mark.parametrize(
    "task",
    [
        "You review our team's sprint notes and turn them into a plan. Output a YAML file with one entry per task: "
        "owner, due date, status.",
        "Turn the user's description of their deployment into a plan. Return a YAML config with keys: service, "
        "replicas, image, env.",
        "Review pull requests for our Go services. No prose - reply with YAML only, a list of findings with keys file, "
        "line, severity, comment.",
        "Review pull requests for our Go services. Do not add prose: output YAML, a list of findings with keys file, "
        "line, severity, comment.",
    ],
)
def test_a_yaml_file_or_config_as_the_reply_stays_yaml(task: str) -> None:
    """`_YAML_THING` skips "YAML file/config" even when the reply is that file ("Output a YAML file", "Return a YAML
    config"), and `_NOT_YAML` takes any negation in the 25 characters before "YAML" ("No prose - reply with YAML
    only"). The reply becomes "A single JSON object that matches the schema below" with a JSON schema, the opposite of
    what was asked. Expected (60d557a): a YAML document or YAML list, no JSON."""
    shape = _output_format(_prompt(task))
    assert "YAML" in shape
    assert "JSON" not in shape


@pytest.mark.parametrize(
    "task",
    [
        "Code review assistant for our Go services: flag bugs and security issues in the diff, and if it looks clean, "
        "reply with exactly LGTM.",
        "Code review assistant for our Go services: flag bugs and security issues in the diff, and when you find "
        "nothing, reply with exactly LGTM.",
        "Code-Review-Assistent für unsere Go-Dienste: melde Bugs und Sicherheitsprobleme im Diff, und wenn du nichts "
        "findest, antworte genau mit LGTM.",
    ],
)
def test_the_briefs_own_all_clear_replaces_the_default(task: str) -> None:
    """`_ALL_CLEAR_IN_TASK` knows only "if (you find|there are) nothing / no issues … exactly" in English and dropped
    the old "exactly LGTM" cue, so "if it looks clean / when you find nothing, reply with exactly LGTM" keeps the
    default 'When the diff has no problems, say "No blocking issues found."' beside the brief's LGTM: two different
    all-clear replies. Expected: the brief's own all-clear only."""
    assert "No blocking issues found." not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Address cleaner for our CRM. The user pastes addresses copied from old invoices, where street and postcode "
        "were merged into one line; split them into street, postcode, city and country.",
        "Address cleaner for our CRM. Customers paste addresses with street and city run together on one line. Split "
        "them into street, postcode, city and country.",
        "Address cleaner for our CRM. In the PDF export, street and postcode got merged into one line; split them into "
        "street, postcode, city and country.",
    ],
)
def test_input_merged_into_one_line_is_no_reply_length(task: str) -> None:
    """`_INPUT_STATE` lists only sometimes/often/messy/comes/is/are/gets…, so "were merged", "got merged" and "paste
    addresses with street and city run together on one line" make the address splitter "Reply in exactly 1 line.".
    The merged line is how the input arrives; the reply (four parts) has no such limit (60d557a: none)."""
    assert not [text for kind, text, _scope in _constraints(task) if kind == "limit"]


@pytest.mark.parametrize(
    "task",
    [
        "General assistant for our sales team. Answer questions about our products and pricing. Avoid clarifying "
        "questions; pick the most reasonable reading and answer.",
        "General assistant for our sales team. Answer questions about our products and pricing. Don't pester people "
        "with clarifying questions; pick the most reasonable reading.",
        "General assistant for our sales team. Answer questions about our products and pricing. Never ask the user for "
        "clarification - pick the most reasonable reading.",
    ],
)
def test_avoiding_clarifying_questions_drops_the_clarifying_default(task: str) -> None:
    """The follow-up-question trigger now needs "ask … questions" or "no … questions", so "Avoid clarifying
    questions", "Don't pester people with clarifying questions" and "Never ask the user for clarification" keep
    "ask one clarifying question" (twice) right next to the brief's ban. Expected: the default that asks goes."""
    assert "ask one clarifying question" not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Support bot for a bike shop. Be friendly and detailed - if a customer is angry, keep it under 50 words and "
        "offer a call.",
        "Support bot for a bike shop. Explain repairs in detail - if the question is a simple yes/no, answer in one "
        "sentence.",
        "Email assistant for our sales team. Draft replies to customer emails - when you write the subject line, keep "
        "it under 8 words.",
        "Support bot for a bike shop. Give thorough answers - when you reply to a complaint, keep it under 60 words "
        "and apologise once.",
    ],
)
def test_a_case_after_a_dash_is_no_whole_reply_cap(task: str) -> None:
    """`_WHOLE_REPLY` between the dash and the limit ("keep it", "answer", "reply") and "when you write|reply" right
    after it make a real case a cap on every reply: the detailed repair explainer must "Reply in exactly 1 sentence.",
    the email drafter "Keep the reply to at most 8 words." (that was the subject line). Expected (60d557a): a limit for
    the part the sentence names, no whole-reply cap."""
    whole = [text for kind, text, scope in _constraints(task) if kind == "limit" and scope is None]
    assert not whole


@pytest.mark.parametrize(
    "task",
    [
        "SQL helper for our analysts. Timestamps are stored in UTC; convert them with AT TIME ZONE before grouping by "
        "day.",
        "SQL helper for our analysts on Postgres. Bucket ages with CASE WHEN expressions and count users with COUNT "
        "DISTINCT.",
        "SQL helper for our analysts. Combine the yearly tables with UNION ALL, then aggregate with GROUP BY week.",
        "SQL helper for our analysts. Build the query from CTEs, one per step, and finish with ORDER BY revenue.",
        "Support assistant for the warehouse team. Look orders up by ID, never by customer name, and confirm the "
        "status.",
        "Data-cleaning helper. Deduplicate the pasted rows by ID and keep the newest row for each.",
    ],
)
def test_sql_words_and_id_in_capitals_are_no_business(task: str) -> None:
    """The SQL words (and "ID", "CTEs") left `_NOT_NAMES`; the new skip only covers capitals before a digit, quote or
    parenthesis. So "with AT TIME ZONE before", "with CASE WHEN expressions", "from CTEs," and "look orders up by ID"
    name the business: "You are a customer support agent for ID.". Expected: no organisation."""
    assert extract_entities(task).organization is None


@pytest.mark.parametrize(
    ("task", "role"),
    [
        (
            'We\'re building a journaling app (Quietpage) and want an AI "reflection buddy for teens" that responds '
            "to a user's journal entry with one kind question.",
            "You are a reflection buddy for teens",
        ),
        (
            'I\'m building a gardening app and want an AI "plant doctor for houseplants" that looks at the symptoms a '
            "user describes and suggests likely causes.",
            "You are a plant doctor for houseplants",
        ),
    ],
)
def test_a_wanted_role_for_a_plural_audience_is_still_the_role(task: str, role: str) -> None:
    """The plural check on `_WANTED_ROLE` looks at the last letters of the whole quoted phrase, so a singular role
    for a plural audience ("buddy for teens", "doctor for houseplants") is dropped and the prompt opens "You are an
    assistant. Help the user with this request: we're building …". Expected (60d557a): the role the requester named."""
    assert role in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Coding assistant for our backend team (Python, FastAPI). No preamble: code first, then at most three bullet "
        "points.",
        "Coding assistant for our backend team (Python, FastAPI). Don't waffle - code first, then a short explanation.",
        "你是我们后端团队的编程助手（Python）。不要废话，先给代码再解释。",
    ],
)
def test_code_first_after_a_negated_aside_is_still_code_first(task: str) -> None:
    """`_NOT_CODE_FIRST` takes any negation up to 12 characters before "code first" as negating it, so "No preamble:
    code first", "Don't waffle - code first" and "不要废话，先给代码" (no nonsense, code first) lose "The code first, in
    fenced blocks …" (the reply becomes "Plain prose."). The negation is of the preamble, not of the code first."""
    assert "The code first" in _output_format(_prompt(task))


@pytest.mark.parametrize(
    "task",
    [
        "Chat assistant for Luna Bakery. Answer questions about our cakes, prices and opening hours. If someone asks "
        "about anything unrelated, say you can only help with the bakery and suggest they call us.",
        "Chatbot voor Fietsen Jansen. Beantwoord vragen over reparaties en openingstijden. Als iemand iets vraagt dat "
        "niets te maken heeft met fietsen, zeg dan vriendelijk dat je daar niet mee kunt helpen.",
        "Chatbot für die Bäckerei Sonnenschein. Beantworte Fragen zu Torten, Preisen und Öffnungszeiten. Wenn jemand "
        "etwas fragt, das nichts mit der Bäckerei zu tun hat, sag freundlich, dass du nur dabei helfen kannst.",
        "Asistente de Zapatos Luna. Responde preguntas sobre pedidos y tallas. Si te preguntan algo que no tiene que "
        "ver con la tienda, di amablemente que solo puedes ayudar con pedidos.",
        "Chat assistant for Luna Bakery. Answer questions about our cakes, prices and opening hours. If a customer "
        "brings up something off-topic, say you can only help with the bakery.",
    ],
)
def test_an_off_topic_rule_asked_with_a_verb_replaces_the_default(task: str) -> None:
    """`_OWN_OFF_TOPIC` now needs a noun (question, request, Frage, vraag, pregunta …) between "if" and "unrelated",
    so the everyday "if someone asks about anything unrelated", "als iemand iets vraagt", "wenn jemand etwas fragt",
    "si te preguntan algo" and "brings up something off-topic" keep the default "If a request is out of scope: …
    suggest where to get help" beside the brief's own rule. Expected (60d557a): only the brief's rule."""
    assert "If a request is out of scope" not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Rewrite our council's letters to residents at B1 level so that everyone can understand them.",
        "Réécris les courriers de notre mairie au niveau A2 pour que tous les habitants les comprennent.",
        "Riscrivi le lettere del comune di livello B1 in modo che tutti i cittadini le capiscano.",
        "Reescreve as cartas da câmara ao nível B1 para que todos os moradores as percebam.",
    ],
)
def test_a_target_cefr_level_without_naar_or_to_is_plain_language(task: str) -> None:
    """The CEFR cue now needs naar/to/into/auf/op/al/para/a/en/in before the level, so "at B1 level", "au niveau A2",
    "di livello B1" and "ao nível B1" (the level to write to) give the author-voice editor instead of the
    plain-language editor (60d557a: plain-language)."""
    assert "plain-language" in _prompt(task)


def test_the_requesters_own_target_level_is_no_plain_language_rewrite() -> None:
    """The other side of the same cue: "to B2 level" is also the level the requester wants to reach, so a learner's
    native-sounding rewrite becomes "a plain-language editor" whose success is that "a reader with no special
    knowledge understands" it. Expected (60d557a): the editor who keeps the author's voice."""
    task = (
        "Rewrite my Spanish emails to clients so they sound more natural; I'm trying to move up to B2 level this year."
    )
    assert "plain-language" not in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Assistant de code pour notre équipe Python. Donne uniquement le code corrigé, sans explication.",
        "Asistente de código para nuestro equipo de Python. Dame solo el código corregido, sin explicaciones.",
        "Code-Assistent für unser Python-Team. Schreib nur den korrigierten Code, ohne Erklärung.",
        "Code-Assistent für unser Python-Team. Ohne Erklärung: nur der korrigierte Code.",
        "Assistente di codice per il nostro team Python. Scrivi solo il codice corretto, senza spiegazioni.",
    ],
)
def test_only_the_code_without_explanation_bans_the_explanation(task: str) -> None:
    """`_REPLY_ONLY_BEFORE` knows geef/gib/renvoie/devuelve/… but not donne/dame/schreib/scrivi, and nothing when the
    ban comes first ("Ohne Erklärung: nur der korrigierte Code"), so the reply shape says "… then the code in fenced
    blocks …, then an explanation." right after the brief said "without explanation". Expected: no explanation."""
    assert "then an explanation" not in _output_format(_prompt(task))
