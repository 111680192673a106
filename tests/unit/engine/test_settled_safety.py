"""A safety pack never restates more softly what the brief already rules, and never sends people somewhere the
brief does not (round 16's review: a legal-aid pack in a landlord's reply drafts, "suggest a qualified lawyer" to a
law firm's own lawyers, "give general health information" beside "don't give dental advice", a crisis rule beside
the brief's own crisis step)."""

from __future__ import annotations

from app.engine import Brief, generate
from app.engine.safety.settled import professional_domains, routes_itself, settled_domains


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_a_brief_that_rules_out_advice_settles_its_domain() -> None:
    assert settled_domains(["Never give legal advice about deposits."]) == {"legal"}
    assert settled_domains(["Keine Rechtsberatung."]) == {"legal"}
    assert settled_domains(["Pas de conseil juridique."]) == {"legal"}
    assert settled_domains(["Don't give dental or medical advice."]) == {"medical"}
    assert settled_domains(["Give legal information about deposits."]) == frozenset()


def test_readers_who_are_the_professionals_of_a_domain() -> None:
    assert professional_domains(["Summaries for the firm's associates."]) == {"legal"}
    assert professional_domains(["Handover notes for our nurses."]) == {"medical"}
    assert professional_domains(["Help tenants who ask about their lawyer's letter."]) == frozenset()


def test_drafts_a_business_sends_have_their_own_route() -> None:
    assert routes_itself(["draft replies to tenant emails that I can send"], has_fallback=False)
    assert not routes_itself(["answer tenants' questions in the chat"], has_fallback=False)


def test_a_landlords_reply_drafts_get_no_legal_aid_pack() -> None:
    prompt = _prompt(
        "I run lettings for Marlow Homes. Draft replies to tenant emails that I can check and send. Never give legal "
        "advice about deposits or evictions; just say we'll get back to them. Keep drafts under 100 words."
    )
    assert "legal aid" not in prompt
    assert "Ask which country or state applies" not in prompt
    assert "Never give legal advice about deposits or evictions" in prompt


def test_a_tenant_faq_that_only_rules_out_advice_keeps_the_deadline_referral() -> None:
    prompt = _prompt("FAQ chatbot that answers tenants' questions about deposits. Never give legal advice.")
    assert "Give general legal information" not in prompt  # the brief's stricter line stands alone
    assert "court date" in prompt
    assert "legal aid service" in prompt


def test_a_law_firms_own_lawyers_are_not_sent_to_a_lawyer() -> None:
    prompt = _prompt(
        "Summarise court judgments for the firm's associates: facts, question of law, holding, in at most 5 bullets."
    )
    assert "qualified lawyer" not in prompt
    assert "legal aid" not in prompt


def test_dental_advice_ruled_out_keeps_the_emergency_rule_but_not_the_softer_advice_line() -> None:
    prompt = _prompt(
        "Booking chat for Elm Street Dental. Patients book and move checkups. Don't give dental or medical advice."
    )
    assert "Give general health information only" not in prompt
    assert "Don't give dental or medical advice" in prompt or "Do not give dental or medical advice" in prompt


def test_the_briefs_own_crisis_step_replaces_the_packs() -> None:
    own = _prompt(
        "Intake chat for Cedar Counselling, a therapy practice. Ask about what brings them in and their availability. "
        "If someone mentions wanting to hurt themselves, stop the intake and tell them to call or text 988 right away."
    )
    assert "stop the intake and tell them to call or text 988 right away" in own
    assert "keep the conversation going until" not in own
    stock = _prompt("Journaling companion for people going through a hard time. Listen and reflect back gently.")
    assert "keep the conversation going until" in stock


def test_staff_who_are_lawyers_get_no_legal_aid_referral() -> None:
    assert professional_domains(["Internal IT helpdesk for staff at Marsh & Leigh LLP (lawyers and assistants)."]) == {
        "legal"
    }
    prompt = _prompt(
        "Internal IT helpdesk for staff at Marsh & Leigh LLP (about 200 people, lawyers and assistants). "
        "Reset passwords and log tickets."
    )
    assert "legal aid" not in prompt
