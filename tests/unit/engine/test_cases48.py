"""Cases keep their triggers (round 48, class 2): a fixed reply for a list of symptoms stays on that list; an
emergency number keeps the narrower case beside it ("bei Rauch sofort 112"); "X = … just KEY: …" is a case; a
further sentence on a list item's line goes on with the item's case; "N failed tries -> call …" is a case; a web
address's dot ends no sentence; an unquoted reply after "reply exactly" runs to its line's end; an arrow line is a
rule, never context."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate


def _prompt(task: str) -> str:
    return generate(Brief(task=task)).prompt


def _guardrails(task: str) -> str:
    prompt = _prompt(task)
    return prompt.split("Guardrails", 1)[1] if "Guardrails" in prompt else prompt.split("guardrails>", 1)[1]


_SYMPTOMS = (
    (
        "Answer questions about the fasting instructions below only.\n\nRules:\n"
        "* keep it short and friendly\n"
        "* chest pain, fainting or being sick so they can't keep water down: reply only "
        '"Please stop fasting and call 999 now." nothing else\n'
        "* anything else, say you don't know\n\nINSTRUCTIONS: no food 6 hours before, water up to 2 hours before.",
        "chest pain, fainting or being sick",
        "Please stop fasting and call 999 now.",
    ),
    (
        "A chat for our dental practice answering questions about aftercare.\n"
        "- high fever, swelling that spreads or bleeding that won't stop: reply exactly "
        '"Please ring the emergency dentist on 0161 555 0199 now." and nothing else\n'
        "- be warm, max 60 words",
        "high fever, swelling that spreads",
        "Please ring the emergency dentist on 0161 555 0199 now.",
    ),
    (
        "Support bot for a hiking shop.\n"
        '- lost, injured or stuck on the hill: reply only "Call 999 and ask for Mountain Rescue."\n'
        "- otherwise help with orders and returns",
        "lost, injured or stuck on the hill",
        "Call 999 and ask for Mountain Rescue.",
    ),
)


@pytest.mark.parametrize(("task", "case", "reply"), _SYMPTOMS)
def test_a_symptom_lists_fixed_reply_keeps_its_list(task: str, case: str, reply: str) -> None:
    guardrails = _guardrails(task)
    line = next(line for line in guardrails.splitlines() if reply in line)
    assert case in line
    assert f'When you cannot help, reply exactly: "{reply}"' not in guardrails


@pytest.mark.parametrize(
    ("task", "condition"),
    [
        (
            "Chatbot für unseren Heizungsservice.\nRegeln:\n- Gasgeruch oder Kohlenmonoxid-Alarm: Fenster öffnen, "
            "Haus verlassen, bei Bewusstlosigkeit sofort 112.\n- Antworten max. 3 Sätze, Sie-Form.",
            "bei Bewusstlosigkeit",
        ),
        (
            "Chatbot für die Werkstatt.\n- Akku heiß oder verformt: nicht laden, draußen lagern, bei Rauch sofort 112."
            "\n- Sonst Termine buchen.",
            "bei Rauch",
        ),
        (
            "Assistent für Hausverwaltung.\n- Wasser im Keller: Haupthahn zu, Strom aus, bei Gasgeruch sofort die "
            "112 anrufen.\n- Immer höflich.",
            "bei Gasgeruch",
        ),
    ],
)
def test_an_emergency_number_keeps_the_narrower_case_beside_it(task: str, condition: str) -> None:
    line = next(line for line in _guardrails(task).splitlines() if "112" in line)
    assert condition in line


def _inbox(business: str, tags: str, keys: tuple[str, str], case: str) -> str:
    return (
        f"i run {business}, want each email tagged with a draft reply i can send\n\n"
        f"tags - pick ONE only:\n{tags}\n\nalways answer in this exact shape:\n"
        f"{keys[0]}: <tag>\n{keys[1]}: <reply>\n\n- drafts max 60 words\n{case}\n- no emojis"
    )


@pytest.mark.parametrize(
    ("task", "rule"),
    [
        (
            _inbox(
                "a bakery",
                "order, allergy, complaint, other",
                ("TAG", "DRAFT"),
                "- complaint = no draft. just DRAFT: FOR SAM",
            ),
            "For complaint: no draft. just DRAFT: FOR SAM.",
        ),
        (
            _inbox(
                "a bike shop",
                "repair, sale, refund, spam",
                ("LABEL", "REPLY"),
                "- refund = no reply. only REPLY: ASK OWNER",
            ),
            "For refund: no reply. only REPLY: ASK OWNER.",
        ),
        (
            _inbox(
                "a school office",
                "absence, trip, complaint, other",
                ("CAT", "TEXT"),
                "- complaint = no text. then TEXT: HEAD TEACHER",
            ),
            "For complaint: no text. then TEXT: HEAD TEACHER.",
        ),
    ],
)
def test_an_equals_case_keeps_its_fixed_line(task: str, rule: str) -> None:
    assert rule in _prompt(task)


@pytest.mark.parametrize(
    ("task", "item"),
    [
        (
            "眼鏡店のLINEアシスタントです。\nルール：\n・最初に会員番号を聞く\n・6歳未満のお子さんは測定できない。小児眼科を案内する\n"
            "・返信は100文字以内",
            "6歳未満のお子さんは測定できない。 小児眼科を案内する",
        ),
        (
            "歯科医院の予約アシスタントです。\nルール：\n・急な腫れや出血 → 予約はせず、すぐ救急へ。"
            "夜間は救急病院を案内する\n・敬語で",
            "急な腫れや出血 → 予約はせず、すぐ救急へ。 夜間は救急病院を案内する",
        ),
        (
            "Terminbot für unsere Werkstatt.\nAblauf:\n1. immer zuerst kunde_suchen aufrufen\n"
            "2. Bremsen defekt: nicht mehr fahren. Keinen Termin online buchen, anrufen lassen\n3. Sie-Form",
            "Bremsen defekt: nicht mehr fahren. Keinen Termin online buchen",
        ),
    ],
)
def test_a_further_sentence_on_an_items_line_keeps_the_items_case(task: str, item: str) -> None:
    prompt = _prompt(task)
    lines = [line for line in prompt.splitlines() if item.split("。")[-1].split(". ")[-1].strip() in line]
    assert lines
    assert all(item.split("。")[0].split(":")[0] in line for line in lines)


@pytest.mark.parametrize(
    ("task", "number"),
    [
        (
            "Web chat for our water company.\nOrder matters:\n1) verify_account before anything else. 3 failed tries"
            " -> "
            "tell them to call 0345 555 0199 and stop\n2) be kind",
            "0345 555 0199",
        ),
        (
            "Bank helper bot.\n- check_pin first. 2 wrong PINs -> ask them to ring 0800 123 4567\n- never give"
            " balances "
            "without a PIN",
            "0800 123 4567",
        ),
        (
            "Login help chat.\n- reset_password when asked\n- 5 failed attempts -> tell them to call 020 7946 0000",
            "020 7946 0000",
        ),
    ],
)
def test_failed_tries_are_the_routes_case(task: str, number: str) -> None:
    guardrails = _guardrails(task)
    assert f"When you cannot help, tell the user to call {number}" not in guardrails
    assert "failed" in guardrails or "wrong" in guardrails


@pytest.mark.parametrize(
    ("task", "address"),
    [
        (
            "Chat for a council tax office. For other debts don't advise, point them to StepAhead (stepahead.org),"
            " free "
            "advice.",
            "stepahead.org",
        ),
        ("Helper for tenants. For legal questions, refer them to Shelter (shelter.org.uk) and stop.", "shelter.org.uk"),
        (
            "Bot for a gym. For injuries don't advise, direct them to Sports Aid (sportsaid.org), free help.",
            "sportsaid.org",
        ),
    ],
)
def test_a_web_address_dot_ends_no_sentence(task: str, address: str) -> None:
    prompt = _prompt(task)
    assert address in prompt
    assert f"({address.split('.')[0]}." not in prompt.replace(f"({address}", "")


@pytest.mark.parametrize(
    ("task", "words"),
    [
        (
            "You review Python pull requests. Max 5 findings.\nIf there's genuinely nothing: reply exactly"
            " No findings. "
            "Ship it.",
            "No findings. Ship it.",
        ),
        (
            "You proofread our newsletter. List each typo with its fix.\nIf the text has no errors, reply exactly"
            " All clear. "
            "Nothing to fix.",
            "All clear. Nothing to fix.",
        ),
        (
            "Du prüfst Rechnungen auf Fehler. Jeder Fehler eine Zeile.\nWenn alles stimmt, antworte genau"
            " Alles korrekt. "
            "Kann raus.",
            "Alles korrekt. Kann raus.",
        ),
    ],
)
def test_an_unquoted_exact_reply_runs_to_its_lines_end(task: str, words: str) -> None:
    assert f'"{words}"' in _prompt(task)


@pytest.mark.parametrize(
    "task",
    [
        "Chat for a water company's payment plans.\nOrder matters:\n1) get_balance before propose_plan\n"
        "2) on_plan already true -> no second plan, they need the phone line to change it",
        "Booking bot for a clinic.\nOrder matters:\n1) find_patient first\n2) is_new true -> no online booking,"
        " they need "
        "the front desk for a first visit",
        "Order bot.\nOrder matters:\n1) lookup_order first\n2) status shipped -> no cancellation,"
        " they need the returns "
        "form for that",
    ],
)
def test_an_arrow_line_is_a_rule_not_context(task: str) -> None:
    prompt = _prompt(task)
    arrow = next(line for line in task.splitlines() if "->" in line)
    said = arrow.split("->")[1].strip().split(",")[0]
    context = prompt.split("Instructions", 1)[0]
    assert said not in context
    assert said in prompt
