"""Review 43: hostile review of 64ac5ea..d77330e (field lists mapped onto JSON keys, money placeholders as numbers,
bracketed part limits, lint VAR-05 markers, 'our' in the brief's own role line, the brief's own tie-break,
'read-only queries only', 'Build me a …' with no job line, and the review-42 fix commit: assistant names, third-person
job sentences, plant briefs and the medical pack, crisis stops, foreign say-verbs, format bans, companion/intake cues).

Each failing test names one defect the changes bring in (most are regressions against 64ac5ea; a few are left by
them in the code they touched, and say so); the guard tests pin close variants that the changes handle as intended.
"""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints
from app.engine.lint import lint_prompt
from tests.unit.engine.reading import claude_prompt, forbidden_features, instructions_of, limit_texts, section


def _role(task: str) -> str:
    return section(claude_prompt(task), "role").strip()


def _fallbacks(task: str) -> list[tuple[str | None, str]]:
    return [(c.action, c.value or "") for c in read_constraints(Brief(task=task)) if c.kind == "fallback"]


def _formats(task: str) -> list[str | None]:
    return [c.value for c in read_constraints(Brief(task=task)) if c.kind == "format"]


def _schema_types(task: str) -> dict[str, object]:
    schema = next(c.schema for c in generate(Brief(task=task)).constraints if c.kind == "schema")
    assert schema is not None
    return {key: value.get("type") for key, value in schema["properties"].items()}


# --- 1. phrasing.imperative_task: 'Write/Create/Make a <thing> …' loses its job line ---------------------------------


@pytest.mark.parametrize(
    ("task", "wrong"),
    [
        pytest.param("Make a packing list for the trip the user describes.", "You are a packing list", id="packing"),
        pytest.param(
            "Create a 7-day itinerary for the user's trip to Lisbon.", "You are a 7-day itinerary", id="itinerary"
        ),
    ],
)
def test_the_thing_to_make_is_not_the_assistant(task: str, wrong: str) -> None:
    """phrasing.py `imperative_task` (e5a2601) returns None whenever `_META_BUILD` strips a leading verb and no 'bot
    that' follows: meant for 'Build me a Postgres SQL helper', it also swallows every brief whose job IS to write or
    make a thing. With no job, identity falls back to the noun phrase as the role: 'You are a packing list for the
    trip the user describes.' / 'You are a 7-day itinerary …'. 64ac5ea said 'You are an assistant with one job: make
    a packing list …'."""
    assert not _role(task).startswith(wrong), _role(task)


@pytest.mark.parametrize(
    ("task", "job"),
    [
        pytest.param(
            "Write a product description for each item in our catalogue. Keep each under 80 words.",
            "write a product description for each item",
            id="copywriter",
        ),
        pytest.param(
            "Create a quiz of 10 questions from the lesson text.", "create a quiz of 10 questions", id="quiz-maker"
        ),
    ],
)
def test_a_make_this_brief_keeps_its_job_in_the_role(task: str, job: str) -> None:
    """phrasing.py `imperative_task` (e5a2601): the same early return drops the brief's own order, so the archetype's
    generic objective replaces it: 'You are a marketing copywriter. Write copy that makes the target reader want to
    take the next step.' / 'You are a patient tutor. Help the student understand the material …' — the product
    descriptions and the 10-question quiz survive only as a noun phrase under 'Use case'."""
    assert job in _role(task).lower(), _role(task)


# --- 2. scoping.fields_as_keys / structure._DECIMAL_KEY ---------------------------------------------------------------


def test_fields_in_another_order_are_not_paired_by_position() -> None:
    """scoping.py `fields_as_keys` (8c39e58) zips the words with the keys by POSITION whenever the counts match: the
    brief lists 'customer name, order number, …' and the template has {"order_id", "customer", …}, so the prompt
    orders 'Fill each key from the input: order_id = customer name; customer = order number' — every record comes
    back with the two values swapped."""
    prompt = claude_prompt(
        "From each support email, extract: customer name, order number, the issue in one sentence. Return JSON like "
        '{"order_id": "", "customer": "", "issue": ""}.'
    )
    assert "order_id = customer name" not in prompt
    assert "customer = order number" not in prompt


@pytest.mark.parametrize(
    ("task", "key"),
    [
        pytest.param(
            'Check each forum post against our community rules. Return JSON {"violations": 0, "summary": ""}.',
            "violations",
            id="violations-count",
        ),
        pytest.param(
            'Count the line items on each packing slip. Return JSON {"total_items": 0, "missing": 0}.',
            "total_items",
            id="total-items-count",
        ),
    ],
)
def test_a_count_placeholder_stays_integer(task: str, key: str) -> None:
    """structure.py `_DECIMAL_KEY` (8c39e58) is searched as a bare SUBSTRING: 'lat' in 'vioLATions', 'total' in
    'total_items'. Counts the commit says 'keep integer' become "type": "number" in the schema, so 2.5 violations or
    3.0 items validate."""
    assert _schema_types(task)[key] in ("integer", ["integer", "null"])


def test_guard_fields_and_money_keys() -> None:
    """Guard: words in the template's order map onto its keys; money is a number, a quantity an integer."""
    task = (
        "we get supplier invoices as PDFs. pull out: supplier name, invoice number, invoice date (YYYY-MM-DD), due "
        'date, total incl VAT, currency, and line items. output json like {"supplier": "", "invoice_no": "", '
        '"date": "", "due": "", "total": 0, "currency": "EUR", "lines": [{"desc": "", "qty": 0, "unit_price": 0}]}.'
    )
    assert "invoice_no = invoice number" in claude_prompt(task)
    types = _schema_types(task)
    assert types["total"] in ("number", ["number", "null"])


# --- 3. settled.tie_break: any 'both … use' or 'prefer X over Y' counts as the brief's tie-break ---------------------


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Classify each ticket as bug, billing or other. We prefer speed over detail, so reply with the label only.",
            id="prefer-speed-over-detail",
        ),
        pytest.param(
            "Tag each email as urgent, normal or low. Some emails are written by both customers and staff, use the "
            "sender's signature to tell. Reply with the tag only.",
            id="both-senders-use-signature",
        ),
        pytest.param(
            "Clasifica cada correo como factura, error u otro. Responde solo con la etiqueta. Si menciona ambos "
            "idiomas, usa el español.",
            id="es-ambos-idiomas",
        ),
    ],
)
def test_no_tie_break_in_the_brief_keeps_the_default(task: str) -> None:
    """settled.py tie-break topic (e5a2601): '\\b(?:pick|choose|prefer)\\s+\\w+\\s+over\\s+\\w+' and 'both … use' /
    'ambos … usa' settle the tie-break on sentences about style, senders or languages. The prompt loses 'When two
    labels fit equally well, choose the one listed first in the label set' and gets no other tie-break."""
    assert "listed first" in claude_prompt(task)


def test_guard_the_briefs_own_tie_break() -> None:
    """Guard: a real tie-break replaces the default; 'both English and Spanish; use …' (after a ';') does not."""
    assert "listed first" not in claude_prompt(
        "Classify each message as sales, support or spam. If a message mentions both a demo and a bug, choose support."
    )
    assert "listed first" in claude_prompt(
        "Classify each support ticket as bug, billing, feature_request or other. Tickets come in both English and "
        "Spanish; use the same labels for both. Reply with the label only."
    )


# --- 4. formats._CODE_ONLY: which queries, or the reply? --------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Postgres helper for our analysts. Tables: orders(id, total_cents). Reply with one SELECT query only.",
            id="select-query-only",
        ),
        pytest.param(
            "SQL helper for the sales team. Tables: deals(id, amount, stage). Return the parameterized query only.",
            id="parameterized-query-only",
        ),
    ],
)
def test_a_reply_of_one_query_only_is_still_code_only(task: str) -> None:
    """formats.py `_CODE_ONLY` (e5a2601) puts '(?<!select\\s)(?<!parameterized\\s)' before 'query only': 'Reply with
    one SELECT query only' and 'Return the parameterized query only' are no longer a code-only reply, and the SQL
    archetype's default 'then an explanation of the approach and how to read the result' contradicts the brief."""
    assert "code" in _formats(task)


def test_guard_code_only() -> None:
    """Guard: 'read-only queries only' says which queries; 'reply with the SQL only' is still code only."""
    assert "code" not in _formats("SQL helper. Tables: users(id, email). Read-only queries only.")
    assert "code" in _formats("SQL helper. Tables: users(id, email). Read-only queries only. Reply with the SQL only.")


# --- 5. lint VAR-05: an unfilled slot after 'use' ---------------------------------------------------------------------


def test_an_unfilled_slot_after_use_is_still_reported() -> None:
    """lint/rules/variables.py `MARKER_VERB_BEFORE_RE` (32cc06c) has 'use' (and 'add', 'put') with no object check:
    'Use [CITY] as the location for the weather report' is a slot the author forgot to fill, not a marker for the
    model to write, and VAR-05 no longer reports it; the model reads '[CITY]' literally. 64ac5ea reported it."""
    report = lint_prompt("Use [CITY] as the location for the weather report. Give the forecast for the next 3 days.")
    assert [f for f in report.findings if f.rule_id == "VAR-05"]


def test_guard_markers_to_write() -> None:
    """Guard: 'put [NEED DATA]' is a marker to write; '[YOUR NAME]' with no such verb is still reported."""
    report = lint_prompt("Never invent numbers; if a claim needs a number we do not have, put [NEED DATA].")
    assert not [f for f in report.findings if f.rule_id == "VAR-05"]
    report = lint_prompt("Write a bio for [YOUR NAME] in 100 words.")
    assert [f for f in report.findings if f.rule_id == "VAR-05"]


# --- 6. identity._OUR: every 'our' in the brief's own role line becomes 'the' ----------------------------------------


@pytest.mark.parametrize(
    ("task", "wrong"),
    [
        pytest.param(
            "You are the front desk assistant for Our Lady of Mercy School. Answer parents' questions about term "
            "dates.",
            "the Lady of Mercy School",
            id="our-lady-school-name",
        ),
        pytest.param(
            "You're the booking assistant for our own holiday cottages in the Lake District. Help guests pick dates "
            "and answer questions about the cottages.",
            "for the own holiday cottages",
            id="our-own",
        ),
    ],
)
def test_our_in_the_role_line_is_not_blindly_the(task: str, wrong: str) -> None:
    """compose/identity.py `_OUR` (32cc06c) replaces '[Oo]ur' everywhere in the role: the school 'Our Lady of Mercy'
    is renamed 'the Lady of Mercy School', and 'our own holiday cottages' becomes the broken 'for the own holiday
    cottages'."""
    assert wrong not in _role(task)


def test_guard_our_in_the_role_line() -> None:
    """Guard: 'for our clinic' is 'for the clinic' to the assistant."""
    role = _role(
        "You are the receptionist for our clinic in Bath. Book appointments and answer opening-hour questions."
    )
    assert role.startswith("You are the receptionist for the clinic in Bath.")


# --- 7. assistant_name: a colleague introduced with 'a'/'Our' is still the assistant (left by d77330e) ---------------


@pytest.mark.parametrize(
    ("task", "name"),
    [
        pytest.param(
            "Support bot for Brightside Energy. Answer billing questions. A human agent called Tom takes over "
            "after 6pm.",
            "Tom",
            id="en-human-agent-takes-over",
        ),
        pytest.param(
            "Support bot for Brightside Energy. Answer billing questions. Our office assistant named Sarah handles "
            "refunds, so send refund requests to her by email.",
            "Sarah",
            id="en-our-office-assistant",
        ),
        pytest.param(
            "Booking bot for FitLab gym. Members can book personal training with a coach named Tom, or with Ana on "
            "weekends.",
            "Tom",
            id="en-gym-coach",
        ),
        pytest.param(
            "Bot de reservas para la Clínica Sonrisa. Las quejas las atiende una asistente llamada Lucía por teléfono.",
            "Lucía",
            id="es-asistente-llamada",
        ),
    ],
)
def test_a_colleague_introduced_in_the_brief_is_not_the_assistant(task: str, name: str) -> None:
    """assistant_name.py `_NAME_AFTER_NOUN` `intro` branch (d77330e) takes any 'a/an/una … <role noun> called X' or a
    sentence opening '<word> <role noun> named X' as the assistant's introduction; `_SOMEONE_ELSE_BEFORE` only knows
    'I'm', 'to our …' and hand-over verbs. The human who takes over, the office assistant who handles refunds, the
    gym's personal trainer and the clinic's human receptionist all become the bot: 'You are Tom, a customer support
    agent …' while the brief says Tom takes over from it."""
    assert not _role(task).startswith(f"You are {name},"), _role(task)


def test_guard_the_assistants_own_name() -> None:
    """Guard: a machine noun or an opening introduction names the assistant."""
    assert _role("A support chatbot called Fern for Greenleaf Garden Centre. Answer questions about hours.").startswith(
        "You are Fern, "
    )


# --- 8. phrasing.assistant_sentence_as_order: the business's practice, or the bot's job -------------------------------


@pytest.mark.parametrize(
    ("task", "order"),
    [
        pytest.param(
            "Chat assistant for Nook Bakery in Leeds. Answer questions about opening hours and cakes. It gives "
            "customers 10% off on Mondays.",
            "Give customers 10% off on Mondays",
            id="bakery-discount",
        ),
        pytest.param(
            "Support assistant for Fenwick Dental Clinic. It sends patients a reminder text the day before each "
            "appointment, so do not promise other reminders.",
            "Send patients a reminder text",
            id="clinic-reminders",
        ),
    ],
)
def test_what_the_business_does_for_people_is_no_order(task: str, order: str) -> None:
    """phrasing.py `_LAST_THING` business group + `_TO_PEOPLE` (left by d77330e, which added the exception): after a
    business, 'It <verb>s customers/patients …' is made an order because it is 'done to people'. What the bakery and
    the clinic do becomes the bot's job: 'Give customers 10% off on Mondays', 'Send patients a reminder text the day
    before each appointment, so do not promise other reminders' — a bot that cannot send texts is told to, in the
    same line that forbids promising them."""
    assert order not in claude_prompt(task)


def test_too_hard_is_not_the_current_bots_fault() -> None:
    """phrasing.py `_CURRENT_BOT` (d77330e) has a bare 'too\\s+\\w+' anywhere in the 400 characters before: 'parents
    who find homework too hard to explain' reads as the faults of a current bot, so 'It gives them a simple
    explanation and one example' is no longer the order 'Give them a simple explanation and one example' in the
    instructions; it drops to '- From the brief: It gives them …' in the context."""
    prompt = claude_prompt(
        "A chatbot for parents who find homework too hard to explain. It gives them a simple explanation and one "
        "example."
    )
    assert "Give them a simple explanation and one example" in instructions_of(prompt)


# --- 9. safety: plant care narrowed to a few words --------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Chatbot for Oakwood Tree Surgeons. Help customers recognise common tree diseases such as ash dieback and "
            "honey fungus, and tell them when a tree needs treatment.",
            id="en-tree-surgeons",
        ),
        pytest.param(
            "Assistant for our lawn treatment service. Diagnose lawn diseases like red thread and fusarium from the "
            "customer's description and suggest a treatment.",
            id="en-lawn-treatment",
        ),
        pytest.param(
            "Aide les jardiniers amateurs à reconnaître les maladies des arbres fruitiers et propose un traitement "
            "adapté.",
            id="fr-jardiniers",
        ),
    ],
)
def test_a_tree_or_lawn_brief_gets_no_medical_pack(task: str) -> None:
    """safety/cues.py `PLANT_CARE` (d77330e) drops 'trees?', 'lawns?' (only 'lawn care' left) and 'jardin\\w*' (only
    'jardinerie'): a tree surgeon's, a lawn-treatment firm's and a French gardeners' brief now get the human medical
    pack — 'If the person describes signs of an emergency (chest pain, trouble breathing …)' and 'do not diagnose the
    person's condition and do not recommend a specific treatment … suggest a doctor or pharmacist' — contradicting
    the job of diagnosing the tree and suggesting a treatment. 64ac5ea had none of it."""
    prompt = claude_prompt(task)
    assert "chest pain" not in prompt
    assert "pharmacist" not in prompt


def test_guard_plant_brief() -> None:
    """Guard: a garden centre diagnosing plant diseases gets no medical pack."""
    prompt = claude_prompt(
        "Chatbot for Greenleaf Garden Centre. Help customers diagnose plant diseases like leaf spot and suggest a "
        "treatment."
    )
    assert "chest pain" not in prompt


# --- 10. safety.STOP_STEP: the crisis stop in French ------------------------------------------------------------------


def test_french_arrete_immediatement_is_a_stop() -> None:
    """compose/__init__.py `_fallback_steps` + safety `STOP_STEP` (d77330e): the sentence counts only when STOP_STEP
    finds 'arrêter/arrête + l'/le/la' right after the verb; 'arrête immédiatement la révision' has an adverb between,
    so the pack's 'respond with care … and keep the conversation going' returns beside the brief's own stop.
    64ac5ea (whole sentence, `_STOPS`) had dropped it."""
    prompt = claude_prompt(
        "Chatbot de révision pour lycéens. Si un élève parle de suicide, arrête immédiatement la révision et donne-lui "
        "le 3114."
    )
    assert "keep the conversation going" not in prompt


def test_guard_english_stop() -> None:
    """Guard: 'stop the quiz immediately' replaces the pack's crisis rule."""
    assert "keep the conversation going" not in claude_prompt(
        "Maths quiz bot for Year 9 pupils. If a pupil mentions self-harm or suicide, stop the quiz immediately and "
        "tell them to call Childline on 0800 1111."
    )


# --- 11. fallbacks._USER_SAYS: two words after the subject ------------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "reply"),
    [
        pytest.param(
            "Support bot for Brightside Energy. If the customer gets rude reply \"I'm here to help with your account. "
            "Let's keep this respectful.\"",
            "I'm here to help with your account. Let's keep this respectful.",
            id="en-gets-rude",
        ),
        pytest.param(
            "Support bot for Brightside Energy. When a customer is upset say \"I'm sorry about this, let me look into "
            'it right away."',
            "I'm sorry about this, let me look into it right away.",
            id="en-is-upset",
        ),
        pytest.param(
            'Bot de atendimento da Loja Sol. Quando o cliente fica irritado responde "Sinto muito, vou verificar agora '
            'mesmo."',
            "Sinto muito, vou verificar agora mesmo.",
            id="pt-fica-irritado",
        ),
    ],
)
def test_a_scripted_reply_after_a_short_condition_is_kept(task: str, reply: str) -> None:
    """fallbacks.py `_USER_SAYS` (d77330e) widened '(?:\\w+\\s+)?$' to '(?:[\\w']+\\s+){0,2}$': a condition of two
    words with no comma ('the customer gets rude', 'a customer is upset', 'o cliente fica irritado') now reads as the
    customer saying the quoted words, so the scripted reply is no fallback: the prompt loses 'reply exactly: "…"'
    (64ac5ea had it)."""
    assert ("say", reply) in _fallbacks(task)


def test_guard_the_customers_own_words() -> None:
    """Guard: the Spanish condition with its reply keeps the reply."""
    assert ("say", "Estoy aquí para ayudarte con tu cuenta.") in _fallbacks(
        'Bot de soporte de Luz Clara. Si el cliente se pone grosero responde "Estoy aquí para ayudarte con tu cuenta."'
    )


# --- 12. formats._DATA_LIST: a ban on tables 'with data' --------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Monthly report writer for our sales team. Answer in prose: no tables with data, write the figures into "
            "sentences.",
            id="en",
        ),
        pytest.param(
            "Schreibe den Monatsbericht als Fließtext. Keine Tabellen mit Daten, die Zahlen gehören in ganze Sätze.",
            id="de",
        ),
        pytest.param(
            "Escribe el informe mensual en prosa. Nada de tablas con datos: las cifras van en frases completas.",
            id="es",
        ),
    ],
)
def test_no_tables_with_data_is_still_a_table_ban(task: str) -> None:
    """formats.py `_DATA_LIST` (d77330e) skips any feature followed by 'with/mit/con … data/Daten/datos': meant for
    'never share lists with customer data', it also drops 'no tables with data' — the one table ban of a report
    brief — so the prompt no longer says 'Do not use tables' (64ac5ea did)."""
    assert "tables" in forbidden_features(task)


def test_guard_lists_of_customer_data() -> None:
    """Guard: a list of private data is no format ban; a bare 'no tables' is."""
    assert not forbidden_features("Support bot for Acme. Never share lists with customer data.")
    assert "tables" in forbidden_features("Monthly report writer. Answer in prose, no tables.")


# --- 13. variants: intake and companion cues --------------------------------------------------------------------------


def test_an_essay_coach_is_no_intake() -> None:
    """variants.py INTAKE `unless` (d77330e) no longer lists 'essays?': only 'help <students> to <learn verb>' or
    'socratic' spare a teaching brief, so an essay coach that asks one question at a time becomes an intake
    assistant: 'Record what the person says in their own words' and 'Success means the person feels heard and the
    record holds every detail they gave'. 64ac5ea had no intake rules here."""
    prompt = claude_prompt(
        "Essay coach for my Year 11 English class. Ask one question at a time to help each student plan their essay "
        "on Macbeth."
    )
    assert "Record what the person says" not in prompt


@pytest.mark.parametrize(
    "task",
    [
        pytest.param(
            "Ein freundlicher Chatbot, der abends mit einsamen Senioren plaudert und nach ihrem Tag fragt.",
            id="de-plaudert-mit-senioren",
        ),
        pytest.param(
            "Un chatbot chaleureux qui bavarde avec les personnes âgées isolées le soir et leur demande comment s'est "
            "passée leur journée.",
            id="fr-bavarde-avec-les-personnes",
        ),
        pytest.param("一个陪伴独居老人聊天的机器人，每天晚上问问他们今天过得怎么样。", id="zh-peiban"),
    ],
)
def test_a_companion_in_other_languages_stays_a_companion(task: str) -> None:
    """variants.py COMPANION cue (d77330e) now needs 'plaudert mit ihnen/ihm/ihr', 'bavarde avec eux/elle/lui' and
    dropped 陪伴: a bot that chats with lonely seniors (named, not a pronoun) or 陪伴独居老人 loses the companion
    variant and gets the generic 'Success means a direct, accurate answer, or one clarifying question' instead of
    'the user feels heard and keeps going in their own words' (64ac5ea)."""
    assert "feels heard" in claude_prompt(task)


# --- 14. parts._PART_BEFORE: a bracketed limit after a later part (left by 32cc06c) --------------------------------


def test_a_bracketed_limit_after_then_a_summary_limits_the_summary() -> None:
    """parts.py (left by 32cc06c, which scoped '(max 5 bullets)' after a change list): a summary is no 'always' part
    and a 'then' before it is not evidence of more, so 'Answer the customer's question, then a summary of the ticket
    (under 50 words) for the agent' still caps the WHOLE reply: 'Keep the reply to at most 50 words.'"""
    texts = limit_texts("Answer the customer's question, then a summary of the ticket (under 50 words) for the agent.")
    assert "Keep the reply to at most 50 words." not in texts


def test_guard_bracketed_part_limits() -> None:
    """Guard: the change list and a leading summary take their bracketed limits."""
    assert "Keep the change list to at most 5 bullets." in limit_texts(
        "Rewrite the paragraph. Add a list of changes (max 5 bullets) at the end."
    )
    assert "Keep the summary to at most 50 words." in limit_texts(
        "Start with a summary (max 50 words), then the full analysis."
    )
