"""templatize(): literal per-call values become {{variables}} with contracts."""

from __future__ import annotations

import itertools
import re

from app.engine import templatize

SAMPLE = """Dear John Smith,

The question is "How do I reset my password on the mobile app?"
Customer name: Jane Doe
Your order #A12345 shipped on 2024-05-03 and weighs 2.5 kg. Total: $49.99.
Contact support@acme.com or see https://acme.com/help.
The customer wrote: "I have been waiting three weeks for my refund and nobody answers my emails, unacceptable."
Ticket ID: TCK-9981
```json
{"plan": "pro", "seats": 5}
```
Forward it to bob@example.org by March 3, 2024.
Keep {{existing}} as it is.
"""


def test_templatize_finds_the_obvious_variables():
    result = templatize(SAMPLE)
    found = {p.variable.name: p.value for p in result.variables}
    assert found == {
        "recipient_name": "John Smith",
        "question": "How do I reset my password on the mobile app?",
        "customer_name": "Jane Doe",
        "order_id": "A12345",
        "date": "2024-05-03",
        "quantity": "2.5 kg",
        "amount": "$49.99",
        "email_address": "support@acme.com",
        "url": "https://acme.com/help",
        "passage": "I have been waiting three weeks for my refund and nobody answers my emails, unacceptable.",
        "ticket_id": "TCK-9981",
        "json_data": '{"plan": "pro", "seats": 5}',
        "email_address_2": "bob@example.org",
        "date_2": "March 3, 2024",
    }


def test_spans_point_at_the_literals_and_do_not_overlap():
    result = templatize(SAMPLE)
    spans = [(p.span.start, p.span.end) for p in result.variables]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
    for p in result.variables:
        assert SAMPLE[p.span.start : p.span.end] == p.value


def test_templated_text_replaces_literals_and_keeps_the_rest():
    result = templatize(SAMPLE)
    text = result.text
    assert text.startswith("Dear {{recipient_name}},\n")
    assert 'The question is "{{question}}"' in text
    assert "```json\n{{json_data}}\n```" in text
    assert "Keep {{existing}} as it is." in text
    assert "support@acme.com" not in text
    names = re.findall(r"\{\{(\w+)\}\}", text)
    assert names.count("existing") == 1
    assert len(names) == len(set(names))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", n) for n in names)


def test_contracts_mark_user_text_untrusted():
    by_name = {p.variable.name: p.variable for p in templatize(SAMPLE).variables}
    for name in ("question", "passage", "customer_name", "json_data", "recipient_name"):
        assert by_name[name].trusted is False
        assert by_name[name].description
    assert by_name["order_id"].trusted is True
    assert by_name["date"].trusted is True


def test_plain_instructions_have_nothing_to_templatize():
    text = "You are a support agent. Answer in at most 3 sentences. Escalate billing disputes."
    result = templatize(text)
    assert result.variables == []
    assert result.text == text


def test_templatize_is_deterministic():
    assert templatize(SAMPLE) == templatize(SAMPLE)
