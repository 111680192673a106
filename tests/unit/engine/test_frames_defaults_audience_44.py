"""Frames, archetype defaults and audiences read from who the replies are for (round 44, classes 3 and 4).

- a text turned into a fixed layout is a summary or an extraction, never grading: the grader needs a grade to give;
- a default that names a tool is no escalation route for a tool the brief gates; the brief's own hand-off sentence is;
- a read-back before a booking and a tool's parameter are no summary job; a labeller that drafts says both;
- a rule about a group of children, a label token or a doctor's note makes no children's or health pack, and an
  office-only JSON record has no reader for a pack to speak to.
"""

from __future__ import annotations

from app.engine import Brief
from app.engine.constraints.people import find_audience
from app.engine.generate import generate, read_constraints
from app.engine.job_choice import classify_brief
from app.engine.safety import detect_domains


def _archetypes(task: str) -> list[str]:
    brief = Brief(task=task)
    return [m.id for m in classify_brief(brief, read_constraints(brief))]


def test_summary_layout_in_italian_is_no_grading() -> None:
    task = (
        "Siamo un'officina di biciclette a Torino. Ti passo le note vocali trascritte dei meccanici. Per ogni nota "
        "scrivi un riepilogo per il banco in questo formato:\n\nBICI: marca se detta\nLAVORO: RIPARAZIONE | "
        'TAGLIANDO | ALTRO\nNOTE: massimo 20 parole\n\n- Se non si capisce la marca scrivi "non chiaro".'
    )
    found = _archetypes(task)
    assert "grader" not in found
    assert found[0] == "summarization"


def test_labels_alone_do_not_make_a_grader() -> None:
    from app.engine.classify import ArchetypeMatch, _may_label

    assert not _may_label(ArchetypeMatch(id="grader", score=500, features=["model:0.05"]))
    assert _may_label(ArchetypeMatch(id="grader", score=500, features=["model:0.05", "rubric"]))
    assert _may_label(ArchetypeMatch(id="classification", score=400, features=["model:0.04"]))


_GATED_TICKET = (
    "Support bot for Brightline Boilers. Tools: find_account(postcode), check_boiler(account_id) -> status, "
    "open_repair_ticket(account_id, fault, notes).\n"
    "- find_account first. Always check_boiler before open_repair_ticket, never raise a repair without a check "
    "result.\n"
    "- Customers who want a refund or complain should be handled politely.\n"
    "- Max 70 words. If you can't sort it, say: \"Our service desk will take it from here: 0113 555 0142 "
    '(weekdays 9-5)."'
)


def test_gated_ticket_tool_is_no_escalation_route() -> None:
    prompt = generate(Brief(task=_GATED_TICKET)).prompt
    assert "To escalate, call the `open_repair_ticket` tool" not in prompt
    assert "Our service desk will take it from here" in prompt


def test_own_handoff_sentence_is_the_escalation() -> None:
    from app.engine.compose.escalation import escalation

    brief = Brief(task=_GATED_TICKET)
    route = escalation(read_constraints(brief), brief.task)
    assert route.startswith('reply with "Our service desk will take it from here')


def test_read_back_is_no_summary_to_write() -> None:
    from app.engine.classifier.side_words import without_read_backs

    for text in (
        "Datum, Wagen und Preis zusammenfassen und auf ein „Ja“ warten.",
        "Summarise the booking and wait for a yes before you book.",
        "Riepiloga data e orario e aspetta un sì.",
    ):
        assert without_read_backs(text).strip() != text.strip()
    kept = "Summarise the meeting and confirm the owners."
    assert without_read_backs(kept) == kept


def test_tool_parameter_is_no_summary_job() -> None:
    task = (
        "Agent for Harbour Plumbing's website. Tools: get_job(ref), log_callout(ref, priority, summary).\n"
        "- get_job before log_callout.\n- For a leak, put LEAK at the start of the summary.\n- 60 words max."
    )
    assert "summarization" not in _archetypes(task)


def test_tool_table_row_names_no_inbox() -> None:
    task = (
        "Du bist der Chat-Assistent der Radstation Ulm.\n\n| Funktion | Parameter | Zweck |\n|---|---|---|\n"
        "| kunde_suchen | email, kundennummer | findet Kunden |\n| termin_buchen | kunden_id, datum | bucht |\n\n"
        "- Immer kunde_suchen vor termin_buchen.\n- Höchstens 3 Sätze, Sie-Form."
    )
    assert "meeting_email_assistant" not in _archetypes(task)


def test_labeller_that_drafts_gets_a_role_for_both() -> None:
    task = (
        "Mailbox helper for Fernside Pottery Studio. For every email: pick one label from [CLASS_BOOKING] "
        "[KILN_HIRE] [GIFT_CARD] [OTHER], then write a reply draft.\n\nFormat:\nLABEL: the label\nDRAFT:\nthe reply"
        '\n\nDrafts under 70 words, sign off "The Fernside team".'
    )
    text = generate(Brief(task=task)).prompt
    assert "labels each incoming email and drafts a reply" in text
    assert "Capture every decision, owner and due date" not in text
    assert "Capture the decisions and action items" not in text


def test_french_labeller_that_drafts() -> None:
    task = (
        "Je gère une école de musique à Lyon. Je veux un assistant qui lit chaque e-mail, le classe et prépare "
        "une réponse.\n\nCatégories : inscription / cours / tarifs / autre\n\nFormat :\nCatégorie : la catégorie\n"
        "Réponse :\nle brouillon\n\n- 60 mots maximum, vouvoiement."
    )
    text = generate(Brief(task=task)).prompt
    assert "labels each incoming email and drafts a reply" in text
    assert "Capture every decision" not in text


def test_rule_about_children_is_no_audience() -> None:
    assert find_audience("children under 14 must come with a parent or guardian") is None
    assert find_audience("kids under 10 need to be accompanied by an adult") is None


def test_rule_about_children_makes_no_children_pack() -> None:
    task = (
        "Answer visitors' questions about Oakridge Farm Park from the info sheet below. Max 80 words. "
        "Children under 14 must come with a parent or guardian, say so whenever kids come up."
    )
    assert "children" not in detect_domains([task])
    assert "children" not in detect_domains(["Kids birthday parties are ages 5+ and max 15 kids. Prices on the site."])


def test_label_token_and_doctors_note_make_no_health_pack() -> None:
    task = (
        "Inbox helper for a swimming club. Labels: [TRIAL] [ACCIDENT_REPORT] [FEES]. ACCIDENT_REPORT is always "
        "urgent. Memberships pause only with a doctor's note."
    )
    assert "medical" not in detect_domains([task])
    # a health question the assistant answers still gets the pack
    assert "medical" in detect_domains(["Answer members' questions about their medication and symptoms."])


def test_office_json_record_gets_no_pack() -> None:
    task = (
        "Wir sind eine Hausarztpraxis in Kassel. Patienten schreiben uns über das Kontaktformular. Der Assistent soll "
        "jede Nachricht einordnen und eine kurze Zusammenfassung fürs Büro schreiben. Ausgabe nur als JSON:"
        '\n\n{"thema": "...", "eilig": true/false, "zusammenfassung": "..."}\n\n- eilig = true bei Brustschmerz, '
        "Sturz oder wenn Medikamente fehlen.\n- Keine Diagnosen übernehmen, niemals den Patienten antworten."
    )
    text = generate(Brief(task=task)).prompt
    assert "local emergency number" not in text
