"""Review of the engine changes a1d8bd5..09f09ec (rounds 29 and 30): briefs phrased the way users write them where the
new table cue, reviewer blend, bare-heading, organisation, off-topic, pasted-tool, tutor, numbered-line and exact-layout
readings over-trigger or miss close variants of what they were meant to fix.

Tests named ``test_*`` under "defects" fail at 09f09ec; tests under "guards" pass and pin the good behaviour of close
variants that were checked."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief, extract_entities
from app.engine.generate import GenerationResult, generate
from tests.unit.engine.reading import archetype_ids, claude_prompt, section


def _result(task: str) -> GenerationResult:
    return generate(Brief(task=task, target="claude"))


# =====================================================================================================================
# DEFECTS (each fails at 09f09ec)
# =====================================================================================================================

# --- 1. numbered rules read as numbered reply lines (c2a8952) --------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "rule"),
    [
        (
            "Je bent de chatassistent van Fietsenwinkel De Spaak in Utrecht. Je beantwoordt vragen van klanten over "
            "reparaties en openingstijden.\nRegel 1: antwoord altijd in het Nederlands.\nRegel 2: noem nooit prijzen "
            "van reparaties, verwijs naar de winkel.\nRegel 3: maximaal 80 woorden per antwoord.",
            "noem nooit prijzen van reparaties",
        ),
        (
            "Du bist der Chat-Assistent der Stadtbibliothek Kornwestheim.\nRegel 1: Antworte immer auf Deutsch.\n"
            "Regel 2: Gib keine Auskunft über andere Nutzer.\nRegel 3: Höchstens 100 Wörter.",
            "Höchstens 100 Wörter",
        ),
    ],
)
def test_numbered_rules_are_not_numbered_reply_lines(task: str, rule: str) -> None:
    """c2a8952 (numbered reply lines): `_NUMBERED_LINES` accepts 'regel' as a word for 'line', but in Dutch and German
    'Regel 1:' is 'Rule 1:'. A shop's numbered rules become 'Exactly 3 lines, in this order: Line 1: antwoord altijd
    …', the rules vanish from the instructions and '80 woorden per antwoord' is scoped to 'line 3'. Regression: a1d8bd5
    kept them as rules and limited the reply. Fix: only a line word that means 'line' ('Zeile', 'línea', …), and only
    under an intro that speaks of the reply."""
    result = _result(task)
    assert "Exactly 3 lines" not in result.prompt
    assert rule in section(result.prompt, "instructions") + section(result.prompt, "output_format")
    assert not [c for c in result.constraints if c.scope == "line 3"]


@pytest.mark.parametrize(
    ("task", "reply"),
    [
        (
            "Classify incoming support emails by urgency. The emails we paste look like this:\nline 1: customer ID\n"
            "line 2: subject\nline 3: body\nReply with just one word: urgent, normal or low.",
            "one word",
        ),
        (
            "We run a poetry workshop. Give feedback on students' haiku.\nCheck the syllables:\nline 1: 5 syllables\n"
            "line 2: 7 syllables\nline 3: 5 syllables\nThen suggest one improvement in two sentences.",
            "two sentences",
        ),
        (
            "Convert our address spreadsheet rows into mailing labels. Input rows look like:\nRow 1: Name\n"
            "Row 2: Street\nRow 3: City and postcode\nReturn each label as a single line, comma-separated.",
            "single line",
        ),
    ],
)
def test_numbered_lines_of_the_input_are_not_the_reply(task: str, reply: str) -> None:
    """c2a8952: 'line 1: … line 2: …' is taken as the reply's layout wherever it stands, also when the brief describes
    the input ('The emails we paste look like this:', 'Input rows look like:') or what to check in it (a haiku's
    syllables). The output format then demands 'Exactly 3 lines' next to 'one word' / 'a single line'. Regression:
    a1d8bd5 had no such layout. Fix: numbered lines are the reply's only under an output intro, never under an input
    intro (`_INPUT_INTRO` already exists in compose/output.py)."""
    output = section(claude_prompt(task), "output_format")
    assert "Exactly 3 lines" not in output


# --- 2. a JSON reply schema read as a tool definition (acf182c) ------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "keys"),
    [
        (
            "You route user requests for our smart-home app to the right device command. Reply only with JSON like "
            '{"name": "set_temperature", "args": {"room": "kitchen", "celsius": 21}}. Valid commands: '
            "set_temperature, lights_on, lights_off.",
            ('"name"', '"args"'),
        ),
        (
            "Turn each customer message into an intent for our order system. Output exactly one JSON object: "
            '{"name": "cancel_order", "params": {"order_id": "A123"}}. If no intent fits, use '
            '{"name": "none", "params": {}}.',
            ('"name"', '"params"'),
        ),
    ],
)
def test_a_reply_schema_with_name_and_args_is_not_a_tool(task: str, keys: tuple[str, str]) -> None:
    """acf182c (JSON tools with 'params'/'args'): `_tool_spec` takes any object with a 'name' and a dict under
    'params'/'args' for a tool, even one the brief says to *reply* with ('Reply only with JSON like {…}', 'Output
    exactly one JSON object: {…}'). The intent router becomes a tool-calling agent ('Use the `cancel_order(order_id)`
    tool', 'Use the `none` tool') and its schema is rebuilt from the command names. Regression: a1d8bd5 kept a
    classifier with the {name, args} schema. Fix: an object introduced as the reply ('reply/output/return … JSON') is
    the schema, never a tool."""
    result = _result(task)
    assert not [c for c in result.constraints if c.kind == "tool"]
    assert result.archetypes[0].id != "tool_agent"
    output = section(result.prompt, "output_format")
    assert all(key in output for key in keys)


# --- 3. a tutor with a helper tool is no longer a tutor (acf182c) ----------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "You're a Spanish tutor for adult beginners. Explain grammar simply and correct mistakes gently. You can call "
        "conjugate(verb, tense) to double-check a verb form before you correct a student.",
        "You tutor Year 10 students in chemistry. Use lookup_element(symbol) to check atomic masses rather than "
        "guessing. Ask a guiding question before giving the answer.",
    ],
)
def test_a_tutor_with_a_reference_tool_stays_a_tutor(task: str) -> None:
    """acf182c (TUTOR.yields_to_tools): meant for a booking agent at a school ('Students write to book lessons'), it
    also hands a real tutor that checks facts with a tool to the tool agent: 'Complete the user's task end to end with
    the fewest tool calls', 'Ask the user to confirm before any action that spends money', 'Between tool calls, one
    short sentence of status' instead of short conversational turns ending in a question. Regression: a1d8bd5 led
    with the tutor. Fix: yield only when the brief's own job words are not teaching ('tutor', 'explain grammar')."""
    result = _result(task)
    assert result.archetypes[0].id == "tutor"
    assert "Between tool calls, one short sentence of status" not in result.prompt


# --- 4. a foreign ban heading read as a bare heading (b83be87) -------------------------------------------------------


@pytest.mark.parametrize(
    ("task", "item"),
    [
        (
            "Eres el asistente de la tienda de bicicletas Pedal en Valencia.\nA evitar:\n- precios de la competencia\n"
            "- descuentos internos\n- plazos de entrega",
            "precios de la competencia",
        ),
        (
            "Du bist der Chat-Assistent des Möbelhauses Lindner in Kassel.\nTabu:\n- Preise der Konkurrenz\n"
            "- interne Rabattcodes\n- Lieferzeiten",
            "Preise der Konkurrenz",
        ),
        (
            "Você é o assistente da livraria Página Viva em Lisboa.\nProibido:\n- preços da concorrência\n"
            "- códigos de desconto internos",
            "preços da concorrência",
        ),
        (
            "Sei l'assistente della libreria Il Gatto.\nDa evitare:\n- prezzi dei concorrenti\n"
            "- codici sconto interni\n- tempi di consegna",
            "prezzi dei concorrenti",
        ),
    ],
)
def test_a_foreign_ban_heading_keeps_its_ban(task: str, item: str) -> None:
    """b83be87 (bare heading is no rule): `_BARE_HEADING` drops 'A evitar:', 'Tabu:', 'Proibido:', 'Da evitare:' as
    headings that say nothing, so the banned items become bare numbered rules ('1. precios de la competencia') - the
    prompt now reads as if the assistant should talk about competitors' prices. Regression: a1d8bd5 kept
    'A evitar: precios de la competencia; …'. Fix: a heading that carries polarity (avoid/never/forbidden, in the
    languages read) is not bare; carry it onto each item as `under_ban_heading` does for English."""
    instructions = section(claude_prompt(task), "instructions")
    numbered_bare = [line for line in instructions.splitlines() if line.strip().endswith(f". {item}")]
    assert not numbered_bare
    assert item in instructions


# --- 5. an input format given "exactly like this" read as the reply's layout (09f09ec) -------------------------------


def test_an_input_format_given_exactly_like_this_is_not_the_reply_layout() -> None:
    """09f09ec (exact layout intro): 'Tickets come in this format, exactly like this:' describes what the assistant
    is given, but `_EXACT_LAYOUT_INTRO` only needs a format word and 'exactly', so the output format says 'Use exactly
    this layout, line by line: From: … Subject: … Body: …' next to 'Give a 3-bullet summary'. Regression: a1d8bd5
    kept the lines as context. Fix: skip the intro when it names the input ('come in', 'we paste', 'look like',
    `_INPUT_INTRO`)."""
    task = (
        "Summarise support tickets for the weekly report.\nTickets come in this format, exactly like this:\n"
        "From: customer email\nSubject: one line\nBody: the full message\n\nGive a 3-bullet summary of each ticket."
    )
    output = section(claude_prompt(task), "output_format")
    assert "Use exactly this layout" not in output
    assert "From: customer email" not in output


# --- 6. "Create/Add a table" is no longer a table reply (2b2d2f5) ----------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Help me plan my weekly meals. Add a table at the end with the shopping list and quantities.",
        "Help me plan trips. Create a table with the daily itinerary.",
        "Compare the phone plans we sell. Create a comparison table of price, data and contract length.",
    ],
)
def test_create_or_add_a_table_still_asks_for_a_table(task: str) -> None:
    """2b2d2f5 (table cue): `_TABLE_VERB` lists 'creat…' and 'add…' (meant for 'CREATE TABLE', 'adds a table' in a
    migration), so 'Add a table at the end with the shopping list' and 'Create a table with the daily itinerary' no
    longer ask for a table; the meal plan gets 'Plain prose; use a numbered list for steps.'. Regression: a1d8bd5 read
    a table. Fix: treat the verb as DDL only in a SQL/migration brief, or only 'create/add/drop the <name> table'."""
    assert extract_entities(task).output_kind == "table"


# --- 7. a NULL-handling rule settles the unanswerable-question defaults (b83be87) ------------------------------------


def test_a_missing_values_rule_does_not_settle_the_unanswerable_question() -> None:
    """b83be87 (unanswerable_query): 'When a column has missing values, output 0 instead of NULL' is about NULLs in a
    result, not about a question the schema cannot answer, yet it matches 'column … missing … output' and drops both
    'if a needed column is missing, say so' and the 'Ask which table or metric definition …' guardrail. Regression.
    Fix: require the missing thing to be the column/table itself ('doesn't exist', 'isn't in the schema'), not its
    values."""
    task = (
        "Write read-only Postgres queries for our marketing analysts. When a column has missing values, output 0 "
        "instead of NULL in the results.\nSchema:\ncampaigns(id, name, channel, spend_cents)\n"
        "clicks(id, campaign_id, clicked_at)"
    )
    prompt = claude_prompt(task)
    assert "if a needed column is missing, say so" in prompt
    assert "Ask which table or metric definition" in prompt


# --- 8. a heading on the next line is glued to a fallback sentence (f0cf7b2) -----------------------------------------


@pytest.mark.parametrize(
    ("task", "garbage"),
    [
        (
            "Write read-only SQL for our support analysts. If the question needs a column we don't have, reply only: "
            '"Not in our data."\nSchema:\ntickets(id, customer_id, status, opened_at, closed_at)\n'
            "customers(id, name, plan)",
            "Schema.",
        ),
        (
            "Answer questions about our return policy for the webshop. If a customer asks about something else, reply "
            'only: "Sorry, I can only help with returns."\nPolicy:\n30 days, unused items, receipt required.',
            "Policy.",
        ),
    ],
)
def test_a_heading_after_a_fallback_is_no_rule(task: str, garbage: str) -> None:
    """f0cf7b2 (`_parts` splits at a line break; a part's trailing colon is stripped): the condition of a fallback
    sentence plus the next line's heading survive as a new rule or context line - 'If the question needs a column we
    don't have, Schema.', 'From the brief: If a customer asks about something else, Policy.'. Regression: a1d8bd5 had
    neither. Fix: a part that is only a heading ('Schema:', 'Policy:') is no part; a condition with its action covered
    by a constraint never survives alone."""
    prompt = claude_prompt(task)
    assert f", {garbage}" not in prompt


# --- 9. German business nouns take the next capitalised noun as the name (1d1be65) -----------------------------------


@pytest.mark.parametrize(
    ("task", "wrong"),
    [
        (
            "Beantworte für unsere Zahnarztpraxis Patientenfragen zu Terminen und Kosten. Antworte freundlich "
            "und kurz.",
            "Zahnarztpraxis Patientenfragen",
        ),
        ("Schreib Texte für den Förderverein Grundschule Am Park e.V.\n2. Immer per Du.", "Grundschule Am."),
        (
            "Erstelle für unsere Tierarztpraxis Erinnerungen an Impftermine, freundlich und kurz.",
            "Tierarztpraxis Erinnerungen",
        ),
    ],
)
def test_a_german_business_noun_does_not_swallow_the_next_noun(task: str, wrong: str) -> None:
    """1d1be65 (`_GERMAN_ORG`): every German noun is capitalised, so 'für unsere Zahnarztpraxis Patientenfragen' makes
    the assistant work for 'Zahnarztpraxis Patientenfragen' ('questions about Zahnarztpraxis Patientenfragen'), and
    'Förderverein Grundschule Am Park' is cut to 'Förderverein Grundschule Am'. Regression: a1d8bd5 named no one.
    Fix: a name after the business noun must not be a common noun the sentence goes on with (check the verb/object
    position or require a second name-like token such as a surname, 'Dr.', '&'), and never stop on 'Am'/'Im'."""
    prompt = claude_prompt(task)
    assert wrong not in section(prompt, "role") + section(prompt, "guardrails")


# --- 10. "lookup() and book() functions": a real tool dropped (2b2d2f5) ----------------------------------------------


def test_tools_named_before_functions_are_all_tools() -> None:
    """2b2d2f5 ('downgrade() functions' is no tool): `_CODE_PLURAL` also drops the last of 'You can use the lookup()
    and book() functions', so the bike shop bot loses its booking tool. Regression: a1d8bd5 listed both. Fix: skip
    only when the name is not one of a coordinated list of calls the assistant 'can use'/'has' (a tool context)."""
    task = (
        "Customer chat bot for our bike shop. You can use the lookup() and book() functions to check stock and book "
        "repairs. Keep replies short."
    )
    tools = {c.name for c in _result(task).constraints if c.kind == "tool"}
    assert tools == {"lookup", "book"}


# --- 11. Italian "altro" makes any condition off-topic (acf182c) -----------------------------------------------------


def test_another_pickup_time_is_not_an_off_topic_request() -> None:
    """acf182c (non-English off-topic): `_OUT_OF_SCOPE` takes a bare 'altro' ('another'), so 'Se il cliente vuole un
    altro orario di ritiro, digli di chiamare …' becomes the out-of-scope route and the default out-of-scope guardrail
    disappears. Regression: a1d8bd5 kept it. Fix: 'qualcos'altro', 'altro argomento', 'non riguarda', not bare
    'altro'."""
    task = (
        "Sei l'assistente della pizzeria Da Gino a Firenze. Prendi gli ordini per l'asporto via chat. Se il cliente "
        "vuole un altro orario di ritiro, digli di chiamare lo 055 123456."
    )
    assert "If a request is out of scope" in section(claude_prompt(task), "guardrails")


# --- 12. a reviewer asked for complete code loses the coding rules (2b2d2f5) -----------------------------------------


def test_a_review_that_asks_for_complete_code_keeps_the_coding_rules() -> None:
    """2b2d2f5 (Archetype.covers): the reviewer never blends coding_assistant, even when the brief asks 'also write the
    complete corrected function so I can paste it in'; 'Use only APIs, functions and flags that exist …' and 'Write
    complete, runnable code' disappear exactly where the review writes code to paste. Regression. Fix: `covers` yields
    when the brief itself asks for written code ('write the (complete|full|corrected) …', 'rewrite it')."""
    task = (
        "Review pull requests for our Flask API. For every bug you find, also write the complete corrected function "
        "so I can paste it in."
    )
    assert "Use only APIs, functions and flags that exist" in claude_prompt(task)


# --- 13. close variants of a finding layout keep the quote-the-hunk default (2b2d2f5) --------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Review pull requests for our Go services. For each finding give <file>:<line>, the problem and a fix.",
        "Review our React PRs. Format each finding as {file}:{line} — issue — suggested fix.",
        "Review merge requests for our Rails app. Start every finding with filename:lineno, then the problem and the "
        "fix.",
    ],
)
def test_placeholder_finding_layouts_settle_the_quote_rule(task: str) -> None:
    """2b2d2f5 (finding_layout topic): only the literal 'file:line' / 'path…:LINE' settles 'Quote the exact line or
    hunk for each finding', so the brief's '<file>:<line>', '{file}:{line}' and 'filename:lineno' layouts keep the
    default next to them (two location formats for one finding). Too narrow. Fix: allow '<…>'/'{…}' around the slots
    and 'filename'/'lineno'/'line_no'."""
    assert "Quote the exact line or hunk" not in claude_prompt(task)


# --- 14. close variants of "unanswerable" SQL keep the 'say so' default (b83be87) ------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Write read-only SQL for our support analysts. If the question needs a column we don't have, reply only: \"Not "
        'in our data."\n\nSchema:\ntickets(id, customer_id, status, opened_at, closed_at)\ncustomers(id, name, plan)',
        "Escreva consultas SQL somente leitura para a equipe financeira. Se a tabela ou coluna não existir, responda "
        'apenas: "Não tenho esses dados."\n\nEsquema:\nclientes(id, nome, cidade)\nfaturas(id, cliente_id, valor, '
        "emitida_em)",
    ],
)
def test_stated_unanswerable_replies_settle_the_say_so_default(task: str) -> None:
    """b83be87: the brief says what a question about a missing column gets ('a column we don't have, reply only: …',
    Portuguese 'Se a tabela ou coluna não existir, responda apenas: …'), but the topic pattern knows neither 'we don't
    have' nor Portuguese/Italian, so 'if a needed column is missing, say so' stays beside the brief's exact reply.
    Too narrow. Fix: add 'we don't have / isn't available / no such', 'não existe/existir', 'non esiste'."""
    assert "if a needed column is missing, say so" not in claude_prompt(task)


# --- 15. "the output is pasted into …" is a fact, not a rule (f0cf7b2) -----------------------------------------------


def test_where_the_output_goes_is_context_not_a_rule() -> None:
    """f0cf7b2 (`_REPLY_SHAPE`): any sentence opening 'The output is …' is a rule, so 'The output is pasted straight
    into Google Reviews by our manager.' moves from context to 'Requirements: 1.'. Regression: a1d8bd5 kept it as
    context. Fix: require a shape word after the verb ('is either', 'is exactly', 'starts with', a quote)."""
    task = (
        "Draft replies to customer reviews for our hotel. The output is pasted straight into Google Reviews by our "
        "manager. Keep replies under 80 words."
    )
    assert "pasted straight into Google Reviews" not in section(claude_prompt(task), "instructions")


# --- 16. the layout's intro word survives as a rule; one-label rule for a finding list (f0cf7b2) ---------------------


def test_output_intro_before_a_finding_layout_is_no_rule() -> None:
    """f0cf7b2 ('Output, one finding per line …:' introduces the layout): with 'Output, one line per finding:' the
    word 'Output' survives as the rule '1. Output.' (`_INTRO_ONLY` needs a colon on the part), a close variant of the
    commit's own 'Output, one finding per line, max 8 lines:'. Too narrow. Fix: a lone intro word ('Output', 'Format')
    before a covered part is dropped."""
    task = (
        "Review PRs for our Python services.\nOutput, one line per finding:\n"
        "[BLOCKER|WARN|NIT] path:line - problem - fix"
    )
    instructions = section(claude_prompt(task), "instructions")
    assert "1. Output." not in instructions


def test_a_finding_layouts_severity_slot_is_no_single_label_rule() -> None:
    """f0cf7b2 promises the bracketed choice is 'that slot's values', but the commit's own GitLab CI brief still gets
    'Choose exactly one label from the label set (HIGH, MED, LOW); never invent a new label.' - one label for a reply
    of up to six findings. Too narrow (the test only checks 'Assign exactly one label'). Fix: scope the labels to the
    layout's slot (scope='severity'), as for a tool parameter."""
    task = (
        "Role: reviewer for GitLab CI files in our monorepo.\nFocus only on secrets in job logs and unpinned images.\n"
        "Output, one finding per line, max 6 lines, most severe first:\n[HIGH|MED|LOW] path:line - problem - fix\n"
        "If nothing found, output exactly: CLEAN\nNo preamble, no summary."
    )
    assert "Choose exactly one label from the label set" not in claude_prompt(task)


# --- 17. pasted tools: a heading and raw JSON left over (acf182c) ----------------------------------------------------


def test_a_tools_heading_before_python_defs_is_no_context() -> None:
    """acf182c (Python `def` lines are no pasted rule): with 'Tools:' on the same line as the role sentence, the
    heading survives alone as context: 'From the brief: Tools.'. Regression: a1d8bd5 had no such line."""
    task = (
        "You're the IT helpdesk bot. Tools:\ndef reset_password(employee_id: str) -> bool  # sends a temporary "
        "password by SMS\ndef create_ticket(category: str, summary: str) -> str  # returns the ticket number\n"
        "Always confirm the employee ID before resetting."
    )
    assert "From the brief: Tools." not in claude_prompt(task)


def test_json_tools_followed_by_a_rule_line_are_not_repeated_as_a_rule() -> None:
    """acf182c ('a sentence of them is no rule'): when the rule line follows the JSON tool objects without a blank
    line, the sentence 'Funciones disponibles: {"name": "consultar_alumno", …} {…} Nunca des precios.' is kept whole as
    a requirement, raw JSON and all, although the tools section states both tools. Too narrow: the commit's test has a
    blank line before 'Rules:'. Fix: cut the tool objects out of the sentence and keep only what is left."""
    task = (
        "Eres el asistente de la academia de inglés Big Ben. Funciones disponibles:\n"
        '{"name": "consultar_alumno", "params": {"dni": "string"}, "returns": "datos del alumno"}\n'
        '{"name": "reservar_clase", "params": {"dni": "string", "fecha": "string"}}\nNunca des precios.'
    )
    assert '{"name": "consultar_alumno"' not in claude_prompt(task)


# --- 18. close variants of a database table still cue a Markdown table (2b2d2f5) -------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Write Postgres queries for the support team. We have one big events table with 120M rows; always filter by "
        "date.",
        "Write SQL for our analysts. Each question touches only one table, usually the orders table.",
    ],
)
def test_a_database_table_described_is_no_table_reply(task: str) -> None:
    """2b2d2f5: 'the events table has 120M rows' no longer cues a table, but 'one big events table with 120M rows' and
    'touches only one table' still do ('one … table' is a reply cue). Too narrow. Fix: in a SQL brief, a table that is
    a database object (followed by 'with N rows', 'usually the … table', or a table name) is no reply layout."""
    assert extract_entities(task).output_kind != "table"


# --- 19. a built example contradicts the brief's finding layout (2b2d2f5) --------------------------------------------


def test_an_example_follows_the_stated_finding_layout() -> None:
    """2b2d2f5 drops the table cue from 'table locks', so this review now gets a built example - 'Summary: … 1.
    Blocking, users.py line 12: … Fix: …' - that contradicts the brief's 'one line per finding as
    path/to/file.py:LINE - problem - fix'. The new example check only looks for the brief's section headings, not its
    line form. Fix: an example must match a stated line layout (or be dropped)."""
    task = (
        "Review pull requests for our Django backend. Reply with one line per finding as path/to/file.py:LINE - "
        "problem - fix. Also flag any query that risks table locks."
    )
    examples = section(claude_prompt(task), "examples")
    assert "Summary:" not in examples


# =====================================================================================================================
# GUARDS (pass at 09f09ec): close variants that behave well
# =====================================================================================================================


@pytest.mark.parametrize(
    ("task", "kind"),
    [
        ("Plan my study week and put it in a table.", "table"),
        ("Summarise the quarterly numbers as a table.", "table"),
        ("Summarise each of our database tables in a Markdown table with columns Table, Rows, Purpose.", "table"),
        ("Write Postgres queries for our app. Queries must never take table locks.", None),
        ("Write Postgres queries. The events table has 120M rows, so always filter on created_at.", None),
    ],
)
def test_guard_table_cue(task: str, kind: str | None) -> None:
    assert extract_entities(task).output_kind == kind


def test_guard_path_line_layout_settles_the_quote_rule() -> None:
    task = (
        "Review pull requests for our Django backend. Reply with one line per finding as path/to/file.py:LINE - "
        "problem - fix."
    )
    assert "Quote the exact line or hunk" not in claude_prompt(task)


def test_guard_a_plain_review_keeps_the_quote_rule() -> None:
    assert "Quote the exact line or hunk" in claude_prompt("Review pull requests for our Django backend.")


def test_guard_a_pasted_sql_schema_as_follows_is_no_layout() -> None:
    task = (
        "Write read-only Postgres queries for our finance team.\nThe schema is as follows:\n"
        "customers(id, name, country)\ninvoices(id, customer_id, amount_cents, issued_at)\n"
        "payments(id, invoice_id, paid_at)\n\nAlways use explicit JOINs."
    )
    prompt = claude_prompt(task)
    assert "customers(id, name, country)" in section(prompt, "schema")
    assert "Use exactly this layout" not in prompt


def test_guard_an_exact_minutes_layout_is_copied_with_scoped_values() -> None:
    task = (
        "Schreibe Sitzungsprotokolle für unseren Elternbeirat.\nAufbau, genau so:\nDatum: ...\nAnwesend: ...\n"
        "Beschlüsse: ... (ja/nein/Enthaltung)\nAufgaben: Name – Aufgabe – Frist"
    )
    result = _result(task)
    output = section(result.prompt, "output_format")
    assert "Use exactly this layout, line by line:\nDatum: ..." in output
    assert [c.scope for c in result.constraints if c.kind == "labels"] == ["line 3"]


def test_guard_numbered_reply_lines_under_an_output_intro() -> None:
    task = (
        "Summarize call transcripts for our sales managers. Reply in exactly this shape:\n"
        "- line 1: Sentiment: positive / neutral / negative\n- line 2: Stage: discovery / demo / negotiation\n"
        "- line 3: summary, 40 words max"
    )
    result = _result(task)
    assert "Exactly 3 lines, in this order" in section(result.prompt, "output_format")
    assert "summarization" in [a.id for a in result.archetypes]


def test_guard_keine_namen_von_keeps_its_narrowing() -> None:
    task = (
        "Du schreibst Protokolle für den Vorstand des Kleingartenvereins Sonnenhang e.V.\n1. Halte dich an die "
        "Tagesordnung.\n2. Keine Namen von Mitgliedern, die gefehlt haben."
    )
    prompt = claude_prompt(task)
    assert "Do not mention names." not in prompt
    assert "Keine Namen von Mitgliedern, die gefehlt haben" in prompt


def test_guard_ev_before_a_parenthesis_ends_no_sentence() -> None:
    prompt = claude_prompt(
        "Schreibe Pressemitteilungen für den Sportverein TSV Grünwald 1921 e.V. (gegründet 1921). Maximal 200 Wörter."
    )
    assert "1. (gegründet 1921)." not in prompt


def test_guard_shouted_short_rules_stay_rules() -> None:
    prompt = claude_prompt(
        "You help our receptionists answer patient phone questions for the Riverside dental clinic.\nNO DIAGNOSES.\n"
        "BE BRIEF.\nNEVER GUESS."
    )
    instructions = section(prompt, "instructions")
    assert "GUESS" in instructions
    assert "BE BRIEF" in instructions


def test_guard_english_org_described_by_kind() -> None:
    prompt = claude_prompt(
        "You help our receptionists answer patient phone questions for the Riverside dental clinic. Be brief."
    )
    assert "for the Riverside dental clinic" in section(prompt, "role")


def test_guard_german_org_with_a_place() -> None:
    prompt = claude_prompt(
        "Du hilfst Kunden bei der Autowerkstatt Brenner in Freiburg, Termine für den Reifenwechsel zu vereinbaren."
    )
    assert "for Autowerkstatt Brenner." in section(prompt, "role")


def test_guard_spanish_off_topic_route_replaces_the_default() -> None:
    task = (
        "Eres el asistente de la autoescuela Rápida. Respondes dudas sobre clases prácticas. Si preguntan algo que no "
        "sea de clases, diles que escriban a info@rapida.es."
    )
    guardrails = section(claude_prompt(task), "guardrails")
    assert "info@rapida.es" in guardrails
    assert "If a request is out of scope" not in guardrails


def test_guard_python_def_tools_keep_their_returns() -> None:
    task = (
        "You're the IT helpdesk bot.\nTools you can use:\ndef reset_password(employee_id: str) -> bool  # sends a "
        "temporary password by SMS\ndef create_ticket(category: str, summary: str) -> str\n\n"
        "Always confirm the employee ID before resetting."
    )
    tools = {c.name: c.value for c in _result(task).constraints if c.kind == "tool"}
    assert tools["reset_password"] == "returns bool (sends a temporary password by SMS)"
    assert "summarization" not in archetype_ids(task)


def test_guard_a_tool_parameter_value_set_joins_the_tool() -> None:
    task = (
        "You turn support emails into Jira tickets.\nTools: create_ticket(project, summary, priority) where priority "
        "is low, medium or high."
    )
    labels = [c for c in _result(task).constraints if c.kind == "labels"]
    assert [(c.name, c.scope) for c in labels] == [("create_ticket", "priority")]


def test_guard_a_contact_given_keeps_its_route() -> None:
    task = (
        "You are the chat assistant for BrightBank's app. Help customers with card and account questions. Our "
        "support line is 0800 123 456."
    )
    assert "0800 123 456" in section(claude_prompt(task), "guardrails")


def test_guard_a_plain_review_blends_no_authoring_rules() -> None:
    prompt = claude_prompt("Review pull requests for our Flask API. Flag security issues first.")
    assert "Write complete, runnable code" not in prompt
