"""Fixed lines stay whole and on their own trigger, and rule sentences stay whole: a fixed ending after "termine com:" /
"termina con:" runs over all its sentences; a bare "say:" message goes on with a case that gives the customer a number;
a continuation ("after that …", "それ以降は…", "prima di tutto il resto.", "Then stop.") stays with the rule before it;
a condition keeps its whole case ("se qualcuno parla di …", "quando: a, b, c"), never the reply itself ("当日…"), and
a bare "if they ask" names the ban it asks about."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.compose.sentences import split_sentences
from app.engine.constraints.clauses import fixed_reply, split_clauses
from app.engine.constraints.fallback_conditions import find_condition
from app.engine.constraints.fallbacks import find_fallbacks
from app.engine.constraints.model import Constraint
from app.engine.generate import brief_fidelity, generate, read_constraints


def _sentences(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in split_sentences(text)]


def _clauses(text: str) -> list[str]:
    return [c.text.strip() for c in split_clauses(text)]


def _fallbacks(task: str) -> list[Constraint]:
    return [c for c in read_constraints(Brief(task=task)) if c.kind == "fallback"]


def _prompt(task: str) -> str:
    result = generate(Brief(task=task))
    fidelity = brief_fidelity(Brief(task=task), result.prompt)
    assert not fidelity, fidelity
    return result.prompt


def _line_with(prompt: str, words: str) -> str:
    return next(line for line in prompt.splitlines() if words in line)


# --- continuations stay with the rule before them -------------------------------------------------------------------


def test_after_that_stays_with_its_time_limit() -> None:
    text = "Rules:\n- Refunds are possible up to 14 days after delivery. After that, pass the chat to a colleague.\n"
    assert "Refunds are possible up to 14 days after delivery. After that, pass the chat to a colleague." in _sentences(
        text
    )
    assert not any(c.startswith("After that") for c in _clauses(text))


def test_japanese_continuation_stays_with_its_rule() -> None:
    text = "ルール：\n・返品は到着から7日以内まで。それを過ぎたら transfer_to_staff。\n・絵文字は使わない。"
    assert any(s.endswith("返品は到着から7日以内まで。それを過ぎたら transfer_to_staff。") for s in _sentences(text))
    assert not any(c.startswith("それを過ぎたら") for c in _clauses(text))


def test_chinese_continuation_stays_with_its_rule() -> None:
    text = "规则：\n- 预约最晚提前24小时取消。之后请转给前台。\n- 不要使用表情符号。"
    assert not any(s.startswith("之后") for s in _sentences(text))


def test_italian_tail_before_everything_else_stays_with_its_rule() -> None:
    text = (
        'Regole:\n- se un cliente parla di una fuga di gas: "Esca subito di casa e chiami il 115." prima di tutto '
        "il resto.\n- tono calmo."
    )
    assert not any(s.startswith("prima di tutto") for s in _sentences(text))
    assert not any(c.startswith("prima di tutto") for c in _clauses(text))


def test_spanish_and_german_continuations() -> None:
    spanish = "Las citas se cambian hasta 48 horas antes. Pasado ese plazo, deriva a recepción con transfer_desk."
    assert len(_sentences(spanish)) == 1
    german = "Stornos gehen bis 18 Uhr am Vortag. Danach an die Rezeption übergeben."
    assert len(_sentences(german)) == 1


def test_short_then_sentence_stays_with_its_step() -> None:
    text = "If the caller sounds drunk, read them the taxi number once. Then stop. Keep replies short."
    sentences = _sentences(text)
    assert "If the caller sounds drunk, read them the taxi number once. Then stop." in sentences
    assert "Keep replies short." in sentences


def test_two_separate_instructions_stay_two() -> None:
    text = "Refunds are possible up to 14 days after delivery. Always thank the customer by name."
    assert len(_sentences(text)) == 2
    assert len(_clauses(text)) == 2
    # a long "then" sentence is a step of its own
    steps = "Greet the guest. Then ask which table they booked and check it against the list."
    assert len(_sentences(steps)) == 2
    japanese = "返品は到着から7日以内まで。絵文字は使わない。"
    assert len(_sentences(japanese)) == 2


# --- fixed endings and messages run over all their sentences -------------------------------------------------------


def test_portuguese_fixed_ending_keeps_its_second_sentence() -> None:
    line = (
        "Nesses casos termine com: O Rui liga-lhe ainda hoje. Também pode ligar para o 21 000 1234. "
        "Nunca prometa descontos."
    )
    reply = fixed_reply(line)
    assert reply is None or "Também pode ligar" in reply
    clauses = _clauses(line)
    assert any("O Rui liga-lhe ainda hoje. Também pode ligar para o 21 000 1234." in c for c in clauses)
    assert any(c.startswith("Nunca prometa") for c in clauses)


def test_spanish_and_german_fixed_endings() -> None:
    spanish = (
        "Si hay una queja, termina con: Marta te responde mañana. Puedes escribir a quejas@vivero-sol.es. Sé breve."
    )
    assert any("Marta te responde mañana. Puedes escribir a quejas@vivero-sol.es." in c for c in _clauses(spanish))
    german = "Bei Reklamationen beende die Antwort mit: Jonas meldet sich morgen. Schreiben Sie an rma@radhaus.de."
    assert any("Jonas meldet sich morgen. Schreiben Sie an rma@radhaus.de." in c for c in _clauses(german))


def test_contact_inside_a_fixed_ending_is_no_general_fallback() -> None:
    task = (
        "Chat assistant for Viveiro Sol, a garden centre in Braga. Answer questions about plants and opening hours.\n"
        "Regras:\n- passe à equipa quando: a planta chegou morta, o cliente quer mais de 40 vasos, ou faz uma "
        "reclamação. Nesses casos termine com: O Rui responde-lhe em 1 dia útil. Também pode escrever para "
        "apoio@viveirosol.pt.\n- máximo 60 palavras."
    )
    emails = [c for c in _fallbacks(task) if c.action == "email"]
    assert emails
    assert all(c.condition and "mais de 40 vasos" in c.condition for c in emails)
    prompt = _prompt(task)
    assert "When you cannot help" not in prompt
    assert "O Rui responde-lhe em 1 dia útil. Também pode escrever para apoio@viveirosol.pt." in prompt
    assert not any(line.lstrip("0123456789. ").startswith("Também pode") for line in prompt.splitlines())


def test_bare_say_goes_on_with_a_case_that_gives_a_number() -> None:
    task = (
        "Swim club helper for juniors aged 8 to 12. Answer questions about lesson times and kit.\n"
        "- if a child says someone at the pool made them feel unsafe, stop and say: Please tell a lifeguard or a "
        "grown-up you trust today. If you are in danger, you can call 112.\n- no links."
    )
    prompt = _prompt(task)
    line = _line_with(prompt, "Please tell a lifeguard")
    assert "If you are in danger, you can call 112." in line
    assert not any(f.action == "phone" and f.condition == "If you are in danger" for f in _fallbacks(task))


def test_bare_say_still_ends_before_a_case_for_the_assistant() -> None:
    task = (
        "Homework helper for kids. If someone says they feel unsafe at home, say: Please talk to a teacher you "
        "trust today. If they ask about games, say kindly that you only help with homework."
    )
    line = _line_with(_prompt(task), "Please talk to a teacher")
    assert "games" not in line


# --- conditions keep their whole case ------------------------------------------------------------------------------


def test_italian_condition_is_not_cut_at_di() -> None:
    text = 'se qualcuno parla di un incendio nel bosco: "Chiami subito il 115." prima di tutto il resto.'
    phones = [f for f in find_fallbacks(text) if f.action == "phone"]
    assert phones
    assert phones[0].condition == "se qualcuno parla di un incendio nel bosco"


def test_spanish_di_que_is_still_the_action() -> None:
    assert find_condition("si preguntan por precios di que los pasa el equipo") is not None
    condition = find_condition("si preguntan por precios, di que los pasa el equipo")
    assert condition == "si preguntan por precios"


def test_japanese_condition_is_the_case_not_the_reply() -> None:
    text = "大雪警報が出ている時の営業は店長が決めるので「当日お電話でご確認ください（03-1234-5678）」と案内。"
    phones = [f for f in find_fallbacks(text) if f.action == "phone"]
    assert phones
    assert phones[0].condition == "大雪警報が出ている時"
    assert find_condition("当店は駅から5分です。") is None


def test_condition_after_a_colon_keeps_its_whole_list() -> None:
    condition = find_condition(
        "transfer to a person when: the order arrived broken, the customer wants more than 20 boxes, or it is a "
        "complaint. Then write to help@boxco.example."
    )
    assert condition is not None
    assert condition.endswith("or it is a complaint")


def test_bare_ask_names_the_ban_before_it() -> None:
    task = (
        "Ski school chat helper for Alpenblick. Answer questions about lesson times and rental.\n"
        "- never say a slope is safe for a beginner or that the snow is good today. If they ask, say: Please check "
        "with your instructor at the meeting point.\n- keep replies under 60 words."
    )
    says = [c for c in _fallbacks(task) if c.action == "say"]
    assert says
    assert says[0].condition is not None
    assert "never say a slope is safe for a beginner" in says[0].condition
    prompt = _prompt(task)
    assert "If they ask, reply exactly" not in prompt


def test_bare_ask_without_a_ban_before_it_stays() -> None:
    task = (
        "Bakery chat helper. Answer questions about bread and opening hours. If they ask, say: We bake every "
        "morning at 6."
    )
    says = [c for c in _fallbacks(task) if c.action == "say"]
    assert all("what this rule covers" not in (c.condition or "") for c in says)


def test_bare_say_goes_on_with_a_number_in_other_languages() -> None:
    german = (
        "Wenn ein Kind sagt, dass es Angst hat, sag: Bitte sprich heute mit einem Erwachsenen. Wenn jemand verletzt "
        "ist, können Sie die 112 anrufen. Halte die Antworten kurz."
    )
    clauses = _clauses(german)
    assert any(c.endswith("können Sie die 112 anrufen.") and "Bitte sprich" in c for c in clauses)
    assert "Halte die Antworten kurz." in clauses
    spanish = (
        "Si un niño dice que tiene miedo, responde: Habla hoy con un adulto de confianza. Si es urgente, llama al 112. "
        "No uses enlaces."
    )
    assert any("Habla hoy con un adulto de confianza. Si es urgente, llama al 112." in c for c in _clauses(spanish))
