"""Review 29 findings: regressions introduced between b05abd6 and HEAD (customer-support cues in other languages, the
SOCIAL_POSTS marketing variant that writes one post ready to publish)."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate

_ONE_POST = "The post itself, ready to publish"


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_a_support_department_to_refer_to_is_not_the_assistants_job() -> None:
    """The new 'customer support (other languages)' feature (349465a) weighs 'Kundenservice' 6 wherever it stands:
    a meeting-notes summariser told that order questions go to the Kundenservice, not to it, now leads as
    customer_support (b05abd6: summarization)."""
    task = (
        "Ein Assistent, der unsere internen Meeting-Notizen zusammenfasst. Fragen zu Bestellungen gehen an den "
        "Kundenservice, nicht an dich."
    )
    result = generate(Brief(task=task, target="claude"))
    assert result.archetypes[0].id != "customer_support"


def test_a_count_in_words_above_five_still_asks_for_several_posts() -> None:
    """SOCIAL_POSTS.unless (349465a) knows the number words only up to five: 'Write seven Instagram posts for my
    bakery, one per day' is told to reply with 'The post itself, ready to publish' and 'Write the post'."""
    prompt = _prompt("Write seven Instagram posts for my bakery, one per day.")
    assert _ONE_POST not in prompt


def test_a_count_of_publicaciones_or_beitraege_still_asks_for_several_posts() -> None:
    """SOCIAL_POSTS' cue takes 'publicaciones' and 'Beiträge' as posts, but its unless counts only 'posts',
    'captions' and options: '5 publicaciones de Instagram' and '7 Beiträge für Instagram' get one post."""
    for task in (
        "Escribe 5 publicaciones de Instagram para mi panadería, una por día.",
        "Schreib 7 Beiträge für Instagram für unser Café, einen pro Tag.",
    ):
        assert _ONE_POST not in _prompt(task), task


def test_a_week_or_a_month_of_posts_is_several_posts() -> None:
    """A brief that counts its posts by period rather than by number ('a week of LinkedIn posts, one for each
    weekday', 'posts voor Instagram voor de hele maand', 'um por dia de segunda a sexta') gets SOCIAL_POSTS'
    single post ready to publish."""
    for task in (
        "Write a week of LinkedIn posts for my consulting business, one for each weekday.",
        "Schrijf posts voor Instagram voor onze bakkerij voor de hele maand.",
        "Escreva posts do instagram para a semana toda da minha loja, um por dia de segunda a sexta.",
    ):
        assert _ONE_POST not in _prompt(task), task


def test_analysing_posts_is_not_writing_one() -> None:
    """SOCIAL_POSTS fires on any mention of Instagram posts in a marketing brief: a brief to analyse the
    performance of past posts from a CSV is told to reply with 'The post itself, ready to publish, with nothing
    before or after it' (b05abd6 did not ask for a post)."""
    task = "Analyse the performance of our Instagram posts from the CSV and tell me which themes get the most likes."
    assert _ONE_POST not in _prompt(task)
