"""A limit on one part of the reply stays on that part: "the summary under 60 words", "3 lines of corrected code",
"日本語版は300字以内"; a limit on the reply stays on the reply; an ordinal position is no count."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.constraints.model import Constraint
from app.engine.fidelity import check_fidelity
from app.engine.generate import generate


def _limits(task: str) -> list[Constraint]:
    return [c for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]


def _only_limit(task: str) -> Constraint:
    found = [c for c in _limits(task) if c.unit != "items"]
    assert len(found) == 1, [c.text for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("task", "scope", "unit", "maximum"),
    [
        (
            "Help tenants with repair requests. Open with a quick recap of the problem in under 40 words, then walk "
            "them through the letter to the landlord.",
            "the summary",
            "words",
            40,
        ),
        (
            "Draft release notes for our app. The summary should be at most 35 words; the detailed changelog below "
            "it has no limit.",
            "the summary",
            "words",
            35,
        ),
        (
            "Help beginners fix their JavaScript. Never hand over the finished program; show no more than 4 lines "
            "of fixed code.",
            "the code",
            "lines",
            4,
        ),
        (
            "Mark quiz answers for our first-aid course. Give a mark out of 5, then feedback in at most 3 "
            "sentences. Only the feedback is limited, the worked answer can be longer.",
            "the feedback",
            "sentences",
            3,
        ),
        (
            "Turn our shop notices into German and English. The English version must stay under 250 characters.",
            "the English version",
            "characters",
            250,
        ),
        (
            "Write posts for our climbing gym's blog. Keep the intro to 2 sentences; the rest of the post can be as "
            "long as it needs.",
            "the introduction",
            "sentences",
            2,
        ),
        ("Write local news items. The first paragraph must be under 45 words.", "the first paragraph", "words", 45),
        (
            "Write newsletters for our bakery. The subject line must be under 9 words and the body under 140 words.",
            "the body",
            "words",
            140,
        ),
        (
            "Answer tax questions. Give the short answer in one sentence, then the detailed explanation.",
            "the short answer",
            "sentences",
            1,
        ),
        (
            "Reply to supplier emails with a short answer of at most 25 words followed by the full reasoning.",
            "the short answer",
            "words",
            25,
        ),
    ],
)
def test_a_limit_on_a_named_part_keeps_its_part(task: str, scope: str, unit: str, maximum: int) -> None:
    limit = _only_limit(task) if scope != "the body" else _limits(task)[-1]
    assert (limit.scope, limit.unit) == (scope, unit)
    assert maximum in (limit.maximum, limit.exact)
    assert not limit.text.startswith(("Keep the reply", "Reply in"))


@pytest.mark.parametrize(
    ("task", "scope"),
    [
        (
            "Resume las quejas de los clientes. El resumen debe tener como máximo 45 palabras y luego una lista de "
            "pasos, que puede ser tan larga como haga falta.",
            "the summary",
        ),
        (
            "Schreibe Antworten auf Bewertungen. Die Zusammenfassung soll höchstens 25 Wörter haben, danach folgt die "
            "ausführliche Antwort.",
            "the summary",
        ),
        (
            "Rédige des annonces immobilières. Le résumé doit faire au plus 35 mots ; la description peut être aussi "
            "longue que nécessaire.",
            "the summary",
        ),
        (
            "Escreva respostas para o suporte. O resumo deve ter no máximo 40 palavras, depois os passos podem ser "
            "tão longos quanto necessário.",
            "the summary",
        ),
        ("Scrivi schede prodotto. Il titolo al massimo 7 parole, poi la descrizione completa.", "the title"),
        (
            "Schrijf vacatureteksten. De samenvatting mag maximaal 45 woorden zijn; de rest mag zo lang zijn als "
            "nodig.",
            "the summary",
        ),
        (
            "Traduce los avisos al inglés y al francés. La versión en inglés debe tener como máximo 200 caracteres.",
            "the English version",
        ),
        ("イベント案内を日本語と英語で作ってください。英語版は400字以内。", "the English version"),
        ("請幫我寫活動通知，中文版和英文版都要。中文版不超过150字。", "the Chinese version"),
        ("商品紹介を書いてください。要約は80字以内、その後に詳しい説明を書いてください。", "the summary"),
        ("请写店铺公告。标题不超过20字，然后写正文。", "the title"),
    ],
)
def test_a_named_part_keeps_its_scope_in_other_languages(task: str, scope: str) -> None:
    assert _only_limit(task).scope == scope


@pytest.mark.parametrize(
    "task",
    [
        "Answer questions about our gym's timetable. Reply in under 100 words.",
        "Tutor kids in fractions. Keep answers to 3 sentences.",
        "Summarise meeting notes, max 5 bullets.",
        "Write a summary of each support ticket in under 120 words.",
        "Write a product description for each listing, at most 80 words.",
        "Explain the error in plain words, at most 2 paragraphs.",
        "Summarise the article and suggest a title, all in under 150 words.",
        "Responde a los clientes en menos de 80 palabras.",
        "Antworte in höchstens 3 Sätzen.",
        "Réponds en 50 mots maximum.",
        "回答は200字以内でお願いします。",
        "回复不超过100字。",
    ],
)
def test_a_limit_on_the_reply_stays_on_the_reply(task: str) -> None:
    limit = _only_limit(task)
    assert limit.scope in (None, "each ticket", "each listing"), limit.scope
    if limit.scope is None:
        assert limit.text.startswith(("Keep the reply", "Reply in"))


def test_the_rest_free_is_said_when_the_brief_says_it() -> None:
    limit = _only_limit(
        "Explain the claims process. Start with a short plain summary of their case under 55 words; the numbered "
        "steps after it can be as long as they need."
    )
    assert limit.text == "Keep the summary to at most 55 words; the rest of the reply is not limited by this."


def test_a_language_version_frees_the_other_version() -> None:
    limit = _only_limit(
        "Write club notices in Spanish and English. The Spanish version must stay under 180 characters."
    )
    assert limit.text.endswith("the rest of the reply is not limited by this.")


def test_only_x_is_limited_names_the_part() -> None:
    limit = _only_limit(
        "Review pull requests. List the issues, then a verdict of max 2 sentences - only the verdict is limited, the "
        "issue list can be as long as it needs."
    )
    assert limit.scope == "the verdict"


@pytest.mark.parametrize(
    "task",
    [
        "请写商品描述。第一句必须写品牌和尺码，然后写材质。",
        "商品説明を書いてください。最初の1文で型番を書いてください。",
        "Write listings. In the first two sentences, state the condition; then describe the extras.",
        "Write listings. The first sentence must state the model, then the condition.",
    ],
)
def test_an_ordinal_position_is_no_count(task: str) -> None:
    assert not [c for c in _limits(task) if c.unit == "sentences"]


def test_the_first_sentence_rule_leaves_a_real_limit_alone() -> None:
    limit = _only_limit("请写商品描述。第一句必须写品牌，全文不超过120字。")
    assert (limit.unit, limit.maximum) == ("characters", 120)


_SUMMARY_BRIEF = (
    "Explain how to appeal a parking fine. Start with a short summary of their case under 50 words; the steps after "
    "it can be as long as they need."
)


def test_fidelity_flags_a_part_limit_applied_to_the_whole_reply() -> None:
    constraints = extract_constraints(Brief(task=_SUMMARY_BRIEF))
    widened = check_fidelity(constraints, "Explain appeals.\nKeep the reply to at most 50 words.")
    assert any(f.rule_id == "FID-02" for f in widened)


def test_fidelity_accepts_the_scoped_rendering() -> None:
    constraints = extract_constraints(Brief(task=_SUMMARY_BRIEF))
    scoped = "Start with a short summary of their case under 50 words.\n" + next(
        c.text for c in constraints if c.kind == "limit"
    )
    assert not [f for f in check_fidelity(constraints, scoped) if f.rule_id == "FID-02"]


def test_fidelity_accepts_a_whole_reply_limit_the_brief_also_states() -> None:
    constraints = extract_constraints(
        Brief(task="Write product blurbs. Keep the reply under 90 words. The title must be under 90 words too.")
    )
    prompt = "Keep the reply to at most 90 words. Keep the title to at most 90 words."
    assert not [f for f in check_fidelity(constraints, prompt) if f.rule_id == "FID-02"]


def test_generated_prompt_keeps_the_scope() -> None:
    result = generate(Brief(task=_SUMMARY_BRIEF))
    assert "Keep the summary to at most 50 words" in result.prompt
    assert "Keep the reply to at most 50 words" not in result.prompt
    assert not [f for f in check_fidelity(result.constraints, result.prompt) if f.rule_id == "FID-02"]


def test_the_finding_names_the_part() -> None:
    constraints = extract_constraints(Brief(task=_SUMMARY_BRIEF))
    widened = [f for f in check_fidelity(constraints, "Keep the reply to at most 50 words.") if f.rule_id == "FID-02"]
    assert widened
    assert "length limit on the summary" in widened[0].message


@pytest.mark.parametrize(
    "prompt",
    [
        "Reply in at most 50 words.",
        "Your answer must be under 50 words.",
        "Keep it to at most 50 words.",
    ],
)
def test_fidelity_flags_each_way_of_limiting_the_reply(prompt: str) -> None:
    constraints = extract_constraints(Brief(task=_SUMMARY_BRIEF))
    assert any(f.rule_id == "FID-02" for f in check_fidelity(constraints, prompt))


def test_a_part_limit_beside_a_whole_reply_limit_in_another_unit() -> None:
    found = _limits("Write product pages. Keep the title under 60 characters and the whole page under 300 words.")
    assert [(c.scope, c.unit) for c in found] == [("the title", "characters"), (None, "words")]
