"""A SQL brief that says what an unanswerable question gets keeps that answer alone: no default "say so" beside it
and no question back; a bare heading over pasted tables is no rule (round 29, r29-18)."""

from __future__ import annotations

import pytest

from app.engine.brief import Brief
from app.engine.generate import generate

SCHEMA = "orders(order_id, customer_id, created_at, total)\ncustomers(customer_id, country)"


@pytest.mark.parametrize(
    "task",
    [
        f"Write PostgreSQL for our ops team.\n\nTables:\n{SCHEMA}\n\nIf a column they ask about doesn't exist, "
        "reply only: NOT IN DATA",
        f"Write PostgreSQL for our ops team.\n\nTables:\n{SCHEMA}\n\nQuestions that can't be answered from the data "
        "get the single line NOT IN DATA.",
        f"帮运营同事写 PostgreSQL 查询。\n\n表结构：\n{SCHEMA}\n\n要求：\n1. 只输出一条 SQL。\n"
        "2. 问题里提到的字段不存在时，只回复：NOT IN DATA",
    ],
)
def test_stated_unanswerable_reply_settles_the_defaults(task: str) -> None:
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "NOT IN DATA" in prompt
    assert "if a needed column is missing, say so" not in prompt
    assert "Ask which table or metric definition" not in prompt


def test_sql_defaults_stay_without_a_stated_reply() -> None:
    prompt = generate(Brief(task=f"Write PostgreSQL for our ops team.\n\nTables:\n{SCHEMA}", target="claude")).prompt
    assert "if a needed column is missing, say so" in prompt


def test_bare_heading_over_tables_is_no_rule() -> None:
    task = f"帮运营同事写 PostgreSQL 查询。\n\n表结构：\n{SCHEMA}\n\n要求：\n1. 只输出一条 SQL。\n2. 只能用 SELECT。"
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "表结构：" not in prompt.split("<instructions>")[1]
    assert "只输出一条 SQL" in prompt
