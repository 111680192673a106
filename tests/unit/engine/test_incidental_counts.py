"""Counts in a brief that are no length of the reply: facts about the customer, conditions on the input, and limits
scoped to one labelled line of a layout (round 37's class 1, written in new words)."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import read_constraints
from tests.unit.engine.reading import limit_texts


@pytest.mark.parametrize(
    "task",
    [
        "Turn a rep's visit notes into a CRM entry. Example note: met Jo at Ridge Bakery, they run 4 ovens and "
        "3 lines, want a quote.",
        "Help our dispatchers. A typical caller says: we have 2 sentences of instructions from the landlord and "
        "we own 5 lines of code.",
        "Write a reply to each supplier. They've 12 lines in their catalogue, we use 3 lines for packaging.",
    ],
)
def test_what_someone_runs_or_has_is_no_length(task: str) -> None:
    assert not [c for c in read_constraints(Brief(task=task)) if c.kind == "limit" and c.unit == "lines"]


@pytest.mark.parametrize(
    "task",
    [
        "Mark the essays our students send. Essays with 7 lines or fewer get a score of zero and one sentence why.",
        "Corrija as redações dos alunos. Texto com 7 linhas ou menos: nota 0 e o motivo em uma frase.",
        "Grade the submissions. - Texts with fewer than 10 sentences: give 0 points and say why.",
    ],
)
def test_a_size_that_makes_a_condition_on_the_input_is_no_reply_length(task: str) -> None:
    sizes = [c for c in read_constraints(Brief(task=task)) if c.kind == "limit" and c.unit in ("lines", "sentences")]
    assert [c.text for c in sizes if c.maximum in (7, 10) or c.exact in (7, 10) or c.minimum in (7, 10)] == []


def test_a_bare_count_in_the_reply_is_still_a_length() -> None:
    assert limit_texts("Reply to customer messages with 2 sentences. We run 6 stores.") == [
        "Reply in exactly 2 sentences."
    ]


@pytest.mark.parametrize(
    ("task", "expected"),
    [
        (
            "Traduci le schede. Se una frase è ambigua aggiungi in fondo una riga che inizia con CHECK: e spiega. "
            "Al massimo 2 righe CHECK per scheda.",
            "Keep to at most 2 CHECK lines.",
        ),
        (
            "Translate the menus. Add a line starting with NOTE: for each unclear dish, at most 3 lines NOTE per menu.",
            "Keep to at most 3 NOTE lines.",
        ),
    ],
)
def test_a_cap_on_labelled_lines_counts_those_lines(task: str, expected: str) -> None:
    texts = limit_texts(task)
    assert expected in texts
    assert not [text for text in texts if "at most 2 lines" in text or "at most 3 lines" in text]


def test_an_emphasised_word_after_lines_is_no_label() -> None:
    assert limit_texts("Answer in 3 lines TOTAL, no markdown.") == ["Reply in exactly 3 lines."]


def test_a_cjk_limit_on_a_latin_labelled_line_is_that_lines() -> None:
    task = "把工单整理成固定格式:\nTYPE: 类别\nSUMMARY: 事件经过,不超过80字,只写事实\nRISK: HIGH / MEDIUM / LOW"
    limits = [c for c in read_constraints(Brief(task=task)) if c.kind == "limit"]
    assert [(c.maximum, c.unit) for c in limits] == [(80, "characters")]
    assert (limits[0].scope or "").startswith("the SUMMARY ")


def test_a_cjk_limit_inside_a_latin_labelled_line_of_prose_is_that_lines() -> None:
    task = "整理每张工单。格式里 SUMMARY: 事件经过,不超过80字,只写事实。"
    limits = [c for c in read_constraints(Brief(task=task)) if c.kind == "limit"]
    assert [(c.scope, c.maximum) for c in limits] == [("the SUMMARY line", 80)]
