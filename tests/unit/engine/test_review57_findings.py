"""Review 57 of 16c2bd4: regressions and over-reach of the commit's new readers on briefs real users write.

Each test names the mechanism it probes and the behaviour a shippable prompt needs; every one fails on 16c2bd4.
"""

from __future__ import annotations

import pytest

from tests.unit.engine.reading import claude_prompt as _prompt
from tests.unit.engine.reading import section as _section

# --- arrow_case (constraints/fallbacks.py): a catch-all route in another language is no case -----------------------


@pytest.mark.parametrize(
    ("task", "general"),
    [
        (
            "Kundenservice-Bot für unseren Onlineshop.\n- Retouren -> retoure@shop.example\n"
            "- Sonstiges -> info@shop.example",
            "info@shop.example",
        ),
        (
            "Bot de soporte para nuestra tienda.\n- devoluciones -> devoluciones@tienda.example\n"
            "- otras preguntas -> info@tienda.example",
            "info@tienda.example",
        ),
        (
            "Suporte para nossa loja.\n- trocas -> trocas@loja.example\n- outras dúvidas -> contato@loja.example",
            "contato@loja.example",
        ),
        (
            "Supporto per il nostro negozio.\n- resi -> resi@negozio.example\n- altre domande -> info@negozio.example",
            "info@negozio.example",
        ),
        (
            "Klantenservice-bot voor onze webshop.\n- retouren -> retour@shop.example\n"
            "- overige vragen -> info@shop.example",
            "info@shop.example",
        ),
        (
            "オンラインショップのサポートボット。\n- 返品 -> returns@shop.example\n- その他 -> info@shop.example",
            "info@shop.example",
        ),
        ("网店客服机器人。\n- 退货 -> returns@shop.example\n- 其他问题 -> info@shop.example", "info@shop.example"),
        (
            "Support bot for our online shop.\n- returns -> returns@shop.example\n- the rest -> info@shop.example",
            "info@shop.example",
        ),
    ],
)
def test_arrow_catch_all_route_stays_the_general_contact(task: str, general: str) -> None:
    """arrow_case: '- Sonstiges -> info@…', '- otras preguntas -> …', '- その他 -> …', '- the rest -> …' name no case;
    they are the general contact. On 16c2bd4 they become 'For sonstiges, …' / 'When this applies ("その他")' and the
    escalation rule loses its route ('tell them plainly that a member of the team has to handle it')."""
    prompt = _prompt(task)
    assert f"When you cannot help, tell the user to email {general}." in prompt


# --- fixed_reply (constraints/clauses.py): the exact sentence ends where the brief's next rule begins ---------------


def test_fixed_reply_example_stops_before_the_next_rule_on_the_line() -> None:
    """fixed_reply / fallback_words: 'say exactly: I can't find that in the handbook. Then suggest they email …. Keep
    answers under 80 words.' The built not-covered example must say only the exact sentence; on 16c2bd4 it teaches the
    model to output the brief's instructions ('Then suggest they email …. Keep answers under 80 words.')."""
    examples = _section(
        _prompt(
            "Q&A bot over our employee handbook. Answer only from the handbook. If the handbook doesn't cover it, say "
            "exactly: I can't find that in the handbook. Then suggest they email hr@co.example. Keep answers under 80 "
            "words."
        ),
        "examples",
    )
    assert "Then suggest they email" not in examples
    assert "Keep answers under 80 words" not in examples


def test_fixed_reply_example_does_not_include_the_following_rules() -> None:
    """fixed_reply + broader EXACT_COLON: 'reply with exactly this sentence: Our manual doesn't cover that, please
    contact our support team. Always be concise. Cite the page.' The example reply must not contain 'Always be
    concise. Cite the page.'"""
    examples = _section(
        _prompt(
            "Q&A bot over our product manual. If the manual doesn't cover it, reply with exactly this sentence: Our "
            "manual doesn't cover that, please contact our support team. Always be concise. Cite the page."
        ),
        "examples",
    )
    assert "Always be concise" not in examples
    assert "Cite the page" not in examples


@pytest.mark.parametrize(
    ("task", "swallowed"),
    [
        (
            "Support bot. If someone asks for a refund, reply with exactly this message: Refunds are handled by our "
            "billing team at billing@co.example. Otherwise help with setup questions.",
            "billing@co.example. Otherwise help with setup questions",
        ),
        (
            "Support bot for our app. If someone asks for a refund, answer with exactly these words: Refunds are "
            "handled by billing. Be friendly and brief.",
            "Refunds are handled by billing. Be friendly and brief",
        ),
    ],
)
def test_exact_message_does_not_swallow_the_next_sentence(task: str, swallowed: str) -> None:
    """EXACT_COLON ('exactly this message:', 'exactly these words:'): the fixed text is the reply's sentence, not the
    brief's next instruction. On 16c2bd4 'Otherwise help with setup questions.' / 'Be friendly and brief.' become part
    of the text the bot must say word for word."""
    assert swallowed not in _prompt(task)


# --- _SOME_OF (constraints/people.py): a share of the bot's own users is still its audience --------------------------


def test_share_of_players_who_are_the_bots_users_is_the_audience() -> None:
    """_SOME_OF veto: in a support bot for a game, 'A lot of players are under 13' describes who writes in (the
    players), not people in the data. 16c2bd4 drops 'Audience: players under 13' and 'Write for players under 13'."""
    prompt = _prompt(
        "Support chatbot for our mobile puzzle game. A lot of players are under 13, so keep language simple and never "
        "ask for personal information."
    )
    assert "players under 13" in prompt


# --- _HOW_WRITTEN (constraints/scope_restrictions.py): 'units' are often the topic ------------------------------------


def test_vacant_units_only_is_a_topic_not_a_writing_convention() -> None:
    """_HOW_WRITTEN: 'Vacant units only' in a leasing bot restricts what it talks about (apartments); 16c2bd4 turns it
    into 'Use only Vacant units.'"""
    prompt = _prompt("Leasing chatbot for Oakview Apartments. Vacant units only, never discuss occupied ones.")
    assert "Use only Vacant units" not in prompt


# --- settled topics (compose/settled.py) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "SQL helper for our analysts on Postgres. If someone asks you to edit their query, reply with the whole "
        "corrected query in one code block. Explain joins briefly.",
        "SQL assistant for the marketing team (BigQuery). If they want to change the date range, tell them which WHERE "
        "line to edit. Keep explanations short.",
        "SQL helper for our support team on MySQL. When they ask to update a report query, answer with the new version "
        "and a one-line summary of what changed.",
    ],
)
def test_editing_a_query_does_not_settle_write_access(task: str) -> None:
    """write_access pattern ('ask(s)/want(s) … to edit/change/update … reply/tell/answer'): editing the user's query
    text or a date range says nothing about data-changing SQL. 16c2bd4 drops the read-only default 'Write read-only
    queries (SELECT, WITH) unless the user explicitly asks for a change to data.'"""
    assert "Write read-only queries" in _prompt(task)


def test_a_default_for_one_field_does_not_settle_clarifying_questions() -> None:
    """clarifying pattern ('use the most common one'): a default for the pizza size settles that one field, not whether
    the bot may ask about an ambiguous request. 16c2bd4 drops 'Ask one clarifying question when a request can be read
    in two or more ways.' and the unsure line."""
    prompt = _prompt(
        "Pizza ordering chatbot for Luigi's. If they don't say a size, use the most common one (large). Confirm the "
        "order before finishing."
    )
    assert "clarifying question" in prompt


@pytest.mark.parametrize(
    "task",
    [
        "Triage bot: label each support ticket as P1, P2, P3 or P4. Output the label, then one sentence of reason. The "
        "most urgent one goes first when you list several tickets.",
        "Classe chaque ticket de support dans une catégorie : MINEUR, MAJEUR, CRITIQUE (le plus grave : panne totale "
        "du service). Réponds uniquement avec l'étiquette.",
        "Classifica ogni segnalazione: BASSA, MEDIA, ALTA (il più grave: dati persi). Rispondi solo con l'etichetta.",
    ],
)
def test_severity_words_that_are_no_tie_break_keep_the_default(task: str) -> None:
    """tie_break pattern: 'the most urgent one goes first' (list order) and 'le plus grave' / 'il più grave' inside a
    label's definition settle no tie between labels. 16c2bd4 drops 'When two labels fit equally well, choose the one
    listed first in the label set.'"""
    assert "When two labels fit equally well" in _prompt(task)


# --- PLAYED_PART (archetypes/variants.py) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Mock interview practice bot. The bot plays the interviewer: Dana Reyes, a tough hiring manager at a fintech. "
        "Ask one question at a time about the user's experience, then give feedback at the end.",
        "Job interview simulator for our careers service. The bot plays a hiring manager, Sarah: she asks behavioural "
        "questions one at a time and scores each answer out of 5.",
        "Mock interview bot for our bootcamp. The bot is the candidate's interviewer: ask technical questions one at a "
        "time and give feedback when they type END.",
        "Interview coach for nursing students. The assistant acts as the interviewer, Mr. Patel: he asks about "
        "clinical scenarios one by one.",
        "Mock job interview bot. You are a recruiter interviewing the user for a barista job. You are the customer's "
        "first impression of our cafe, so be warm. Ask 5 questions.",
    ],
)
def test_bot_that_plays_the_interviewer_keeps_asking_questions(task: str) -> None:
    """PLAYED_PART cue: PLAYS_A_PART matches any named part ('The bot plays the interviewer: Dana …'), and 'is the
    candidate's …' / 'are the customer's …' match 'is the candidate' / 'are the customer'. When the bot is the
    interviewer it must ask the questions; 16c2bd4 tells it 'do not run the scene or ask the questions the user is
    there to practise asking' and drops the interviewer rules, feedback and example."""
    prompt = _prompt(task)
    assert "ask the questions the" not in prompt
    assert "One spoken turn in character" not in prompt


def test_played_candidate_fires_when_interview_is_capitalised() -> None:
    """PLAYED_PART unless-pattern is case-sensitive: a brief that opens 'Interview practice …' and says 'You play the
    candidate' still gets the interviewer frame ('Ask one question per turn', 'You are Tom's interviewer')."""
    prompt = _prompt(
        "Interview practice for hiring managers. You play the candidate: a nervous junior developer named Tom. I ask "
        "the questions, you answer in character."
    )
    assert "Ask one question per turn" not in prompt


# --- _listed_topic child-pack veto (safety/__init__.py) --------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Zoo website chatbot. It answers questions from visitors (children, school classes, families, tourists) about "
        "animals and tickets.",
        "Chatbot für unsere Stadtbibliothek. Nutzer (Kinder, Eltern, Lehrer, Senioren) fragen nach Öffnungszeiten und "
        "Ausleihe.",
        "Chatbot for our science museum. Visitors (families, school groups, kids, seniors) ask about exhibits and "
        "opening hours.",
    ],
)
def test_children_listed_among_the_bots_users_keep_the_child_pack(task: str) -> None:
    """_listed_topic: a parenthesised list of who uses the bot ('visitors (children, school classes, …)', 'Nutzer
    (Kinder, Eltern, …)') names readers, not topics people talk about. 16c2bd4 drops the child-safety rules."""
    assert "Never ask for or keep a child's personal information" in _prompt(task)


# --- _ONE_TIME_INTRO (constraints/sections.py): 'When …' can introduce every reply's layout -------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Bug report triage bot. When someone pastes a bug report, answer using these sections:\nSeverity: "
        "low/medium/high\nComponent: which part of the app\nNext step: one sentence",
        "Essay feedback bot for students. When giving feedback, use this structure:\nStrengths: two bullets\n"
        "Improvements: two bullets\nGrade: A-F",
        "Wenn du eine Kundenmail bekommst, antworte in diesem Format:\nKategorie: Rechnung, Technik oder Sonstiges\n"
        "Zusammenfassung: ein Satz\nNächster Schritt: ein Satz",
        "Cuando recibas un ticket, usa este formato:\nPrioridad: alta, media o baja\nResumen: una frase\nAcción: qué "
        "hacer",
        "Recipe bot. Whenever a user asks for a recipe, use this layout:\nIngredients: bulleted list\nSteps: numbered "
        "list\nTime: total minutes",
    ],
)
def test_layout_for_every_input_introduced_by_when_keeps_its_sections(task: str) -> None:
    """_ONE_TIME_INTRO: 'When someone pastes a bug report', 'When giving feedback', 'Wenn du eine Kundenmail
    bekommst', 'Cuando recibas un ticket', 'Whenever a user asks for a recipe' describe every reply of these bots.
    16c2bd4 drops the section layout (the recipe bot's format becomes 'Bullet points, … at most 7 bullets and.')."""
    prompt = _prompt(task)
    assert "Use these sections, in this order" in prompt
    assert "at most 7 bullets and." not in prompt


# --- citations (compose/plan.py) ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "task",
    [
        "Q&A bot over the staff handbook. Always cite the section inline, like (Handbook 4.2), and put a short summary "
        "at the end.",
        "Q&A bot over our employee handbook. Cite every claim like [Handbook 3.2], and at the end add one line "
        "suggesting who to contact.",
        "Q&A bot over our warranty terms. Cite the section after each sentence, e.g. (Terms 4.1); at the end of the "
        "answer suggest one follow-up question.",
    ],
)
def test_at_the_end_about_something_else_keeps_inline_citations(task: str) -> None:
    """_AT_THE_END: 'at the end' in the citation's sentence can place a summary or a follow-up, not the citation. The
    brief says inline / every claim / after each sentence; 16c2bd4 says 'Cite … at the end of the answer' and 'the
    citation at the end'."""
    prompt = _prompt(task)
    assert "at the end of the answer, naming the document" not in prompt
    assert "the citation at the end" not in prompt


@pytest.mark.parametrize(
    ("task", "wrong"),
    [
        (
            "Q&A bot for our clinic's patient leaflets. Source material: (1) the pre-surgery leaflet, (2) the "
            "aftercare leaflet. Answer only from them and cite the leaflet and section.",
            "for example (1).",
        ),
        (
            "FAQ bot over our tenancy agreement. References: (clause numbers are in the left margin). Always cite the "
            "clause.",
            "for example (clause numbers are in the left margin)",
        ),
    ],
)
def test_parenthesis_after_sources_colon_is_no_citation_example(task: str, wrong: str) -> None:
    """_CITATION example4: 'Source material: (1) …' numbers a list and 'References: (clause numbers are in the left
    margin)' is a note; neither is a citation format. 16c2bd4 teaches them as the citation example."""
    assert wrong not in _prompt(task)


# --- _COUNT_OR_VERB (compose/cues.py): 'Use' is part of many document names ------------------------------------------


@pytest.mark.parametrize(
    ("task", "name"),
    [
        (
            "Q&A bot for employees that answers from our Acceptable Use Policy document. Cite the section.",
            "Acceptable Use",
        ),
        ("Answer questions about copyright using only the library's Fair Use guidelines.", "Fair Use guidelines"),
    ],
)
def test_use_inside_a_document_name_is_no_verb(task: str, name: str) -> None:
    """_COUNT_OR_VERB cuts modifiers at 'uses?': 'Acceptable Use Policy document' -> 'the policy document', 'Fair Use
    guidelines' -> 'the guidelines' in the success and not-found lines (the parent kept the name)."""
    role = _section(_prompt(task), "role")
    assert f"comes only from the {name}" in role
