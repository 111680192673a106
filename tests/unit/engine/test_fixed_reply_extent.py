"""An unquoted fixed reply runs on while its sentences are said to the customer and ends where the brief turns back to
the assistant ("reply: That sounds hard. Please tell a grown-up …", "antworte genau: … Anmeldungen nimmst du nicht
selbst an …", "the only reply is: …", "exactly this care line: …")."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.constraints.model import Constraint
from app.engine.generate import generate, read_constraints


def _says(task: str) -> list[Constraint]:
    return [c for c in read_constraints(Brief(task=task)) if c.kind == "fallback" and c.action == "say"]


def _rule_with(prompt: str, words: str) -> str:
    return next(line for line in prompt.splitlines() if words in line)


def test_bare_reply_goes_on_with_please_to_the_child() -> None:
    task = (
        "Helper bot for a junior chess club. Kids ask about openings and puzzles. If a child says someone is being "
        "mean to them, reply: That sounds hard. Please tell a grown-up you trust, like a parent or your coach, today. "
        "The only link you may give is chessclub.org/kids."
    )
    prompt = generate(Brief(task=task)).prompt
    line = _rule_with(prompt, "That sounds hard.")
    assert "Please tell a grown-up you trust" in line
    assert "chessclub.org/kids" not in line
    # the second half is no rule of its own, without its trigger
    assert not any(rule.lstrip("0123456789.- ").startswith("Please tell") for rule in prompt.splitlines())


def test_bare_say_goes_on_with_the_business_voice_and_stops_at_a_case() -> None:
    task = (
        "Homework helper for kids. If someone says they feel unsafe at home, say: I'm sorry that is happening. "
        "Please talk to a teacher or another adult you trust today. If they ask about games, say kindly that you "
        "only help with homework."
    )
    prompt = generate(Brief(task=task)).prompt
    line = _rule_with(prompt, "I'm sorry that is happening.")
    assert "Please talk to a teacher" in line
    assert "games" not in line


def test_the_only_reply_is_a_fixed_reply_for_its_case() -> None:
    task = (
        "Pharmacy FAQ bot for our shop. If someone mentions chest pain or fainting, the only reply is: Call 999 now "
        "and stay with the person until help arrives.\n\nKeep it to 3 sentences."
    )
    says = _says(task)
    assert [c.value for c in says] == ["Call 999 now and stay with the person until help arrives."]
    assert "chest pain" in (says[0].condition or "")
    assert "stay with the person until help arrives" in generate(Brief(task=task)).prompt


def test_la_unica_respuesta_es_a_fixed_reply() -> None:
    says = _says(
        "Bot de una clínica dental. Si alguien describe dolor en el pecho, la única respuesta es: Llama al 112 ahora "
        "y no te quedes solo. Responde siempre en español."
    )
    assert [c.value for c in says] == ["Llama al 112 ahora y no te quedes solo."]


def test_exactly_this_named_line_keeps_every_sentence() -> None:
    task = (
        "Write listings for my soap shop. Mention the weight once. End every listing with exactly this care line: "
        "Keep dry between uses. Each bar is cut by hand, so sizes may vary slightly.\n\nNo emojis, no "
        "exclamation marks."
    )
    prompt = generate(Brief(task=task)).prompt
    line = _rule_with(prompt, "Keep dry between uses.")
    assert "Each bar is cut by hand, so sizes may vary slightly." in line
    assert "Each bar is cut by hand" not in prompt.replace(line, "")


def test_german_exact_reply_ends_before_a_rule_for_the_bot() -> None:
    task = (
        "Chatbot für unser Yogastudio in Kiel. Beantworte Fragen nur anhand des Stundenplans. Wenn etwas nicht im "
        "Stundenplan steht, antworte genau: Das weiß ich leider nicht, schreib uns an hallo@yoga-fluss.de. "
        "Buchungen nimmst du nicht selbst an, sondern verweist auf yoga-fluss.de/buchen. Rabatte nur die, die im "
        "Plan stehen."
    )
    says = _says(task)
    assert [c.value for c in says] == ["Das weiß ich leider nicht, schreib uns an hallo@yoga-fluss.de."]
    prompt = generate(Brief(task=task)).prompt
    assert "Buchungen nimmst du nicht selbst an" not in _rule_with(prompt, "Das weiß ich leider nicht")
    # the booking page is the bookings' route, never where every unanswered question goes
    routes = [
        c for c in read_constraints(Brief(task=task)) if c.kind == "fallback" and c.value == "yoga-fluss.de/buchen"
    ]
    assert all(c.condition for c in routes)


def test_spanish_exact_reply_ends_before_a_case() -> None:
    says = _says(
        "Bot para una panadería de Valencia. Si no sabes algo, responde exactamente: No lo sé, escríbenos a "
        "hola@panaderia-sol.es. Si preguntan por pedidos grandes, remítelos al formulario de la web."
    )
    assert [c.value for c in says] == ["No lo sé, escríbenos a hola@panaderia-sol.es."]


def test_french_exact_reply_ends_before_the_assistants_own_doing() -> None:
    says = _says(
        "Assistant pour notre librairie à Brest. Si tu ne sais pas, réponds exactement : Je ne sais pas, écris-nous à "
        "contact@livres-du-port.fr. Les réservations, tu ne les prends pas toi-même."
    )
    assert [c.value for c in says] == ["Je ne sais pas, écris-nous à contact@livres-du-port.fr."]


def test_english_exact_reply_ends_before_a_case_naming_the_customer() -> None:
    says = _says(
        "Support bot for a bike shop. If a question isn't covered, reply exactly: We can't answer that here, please "
        "email help@spokes.com. If the customer asks about refunds, send them to spokes.com/refunds."
    )
    assert [c.value for c in says] == ["We can't answer that here, please email help@spokes.com."]


def test_exact_reply_runs_on_while_it_speaks_to_the_customer() -> None:
    says = _says(
        "Support bot for a bike shop. If a question isn't covered, reply exactly: We can't answer that here. "
        "Please email help@spokes.com and we'll get back to you within a day.\n\nKeep replies short."
    )
    assert [c.value for c in says] == [
        "We can't answer that here. Please email help@spokes.com and we'll get back to you within a day."
    ]


def test_quoted_fixed_reply_still_ends_at_its_quote() -> None:
    says = _says(
        'Support bot. If you can\'t answer, reply exactly: "Sorry, I can only help with bookings." '
        "Never discuss prices."
    )
    assert [c.value for c in says] == ["Sorry, I can only help with bookings."]
