"""Hostile review of the round-21/22 engine changes (61b09e5..HEAD): regressions found with unseen, realistic briefs."""

from app.engine.brief import Brief
from app.engine.generate import generate, read_constraints


def _constraints(task: str):
    return read_constraints(Brief(task=task, target="claude"))


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_colon_condition_on_a_plain_paragraph_line_does_not_condition_later_bans():
    """Item conditions: a line with no list marker that opens 'If X: …' is no list item; its condition must not
    leak onto the unrelated bans after it ('Never give medical advice' became 'If a caller asks about test
    results, never give medical advice')."""
    task = (
        "Support bot for our clinic's booking line.\n"
        "If a caller asks about test results: say a nurse will call back. Never give medical advice. "
        "Never share other patients' details."
    )
    bans = [c.text for c in _constraints(task) if c.kind == "prohibition"]
    assert bans, bans
    assert not any("test results" in b for b in bans), bans


def test_format_ban_inside_a_conditioned_list_item_is_still_read():
    """Item conditions: 'Never use bullet points or numbered lists' in an item that opens 'If …:' is no longer
    read as a format ban, so the prompt's output format tells the model to use a numbered list."""
    task = "Assistant for our IT helpdesk.\n- If you're unsure: ask. Never use bullet points or numbered lists."
    formats = [c for c in _constraints(task) if c.kind == "format"]
    assert any("lists" in c.forbidden for c in formats), formats
    assert "use a numbered list" not in _prompt(task)


def test_reply_limit_inside_a_conditioned_list_item_keeps_its_scope():
    """Item conditions: 'Keep replies under 50 words' after '1. If someone asks about allergens: …' is scoped to
    'the part this sentence names' and rendered as a conditional output-format line."""
    task = (
        "Bakery bot.\n1. If someone asks about allergens: point them to the allergen sheet. "
        "Keep replies under 50 words."
    )
    limits = [c for c in _constraints(task) if c.kind == "limit"]
    assert limits, limits
    assert all(c.scope != "the part this sentence names" for c in limits), limits


def test_a_sentence_with_its_own_condition_keeps_it_inside_a_conditioned_item():
    """Item conditions: 'If they ask for a human, send them to support@acme.com' inside an item opening
    'If the customer is angry:' lost its own condition and got the item's instead."""
    task = (
        "Support bot for our app.\n"
        "1. If the customer is angry: apologise once. If they ask for a human, send them to support@acme.com.\n"
        "2. Be concise."
    )
    routes = [c for c in _constraints(task) if c.kind == "fallback" and c.value == "support@acme.com"]
    assert routes, routes
    assert all("human" in (c.condition or "") for c in routes), routes


def test_tool_signature_earlier_on_the_line_does_not_hide_the_reply_schema():
    """Signature lines: on a one-line brief, 'get_order(order_id) -> …' before the reply's JSON object made the
    object (and 'Output JSON with keys …' fields) read as the tool's return; the prompt then prescribes a default
    {answer, confidence} schema instead of the brief's {status, eta}."""
    task = (
        "Order status bot with one tool, get_order(order_id) -> the order record. "
        'Reply with a JSON object {"status": "...", "eta": "..."} and nothing else.'
    )
    assert any(c.kind == "schema" and "eta" in c.values for c in _constraints(task))
    prompt = _prompt(task)
    assert '"eta"' in prompt
    assert '"confidence"' not in prompt


def test_write_a_text_is_still_a_writing_task():
    """WRITING_TASK cue: the new '(?!\\s+(?:to|a|…))' lookahead also excludes the article 'a'/'an', so
    'Help me write a speech …' lost its writing-task variant and got Q&A defaults ('Answer the question that was
    asked first', 'Plain prose; use a numbered list for steps')."""
    prompt = _prompt("Help me write a speech for my dad's retirement party, about 3 minutes.")
    assert "Answer the question that was asked first" not in prompt
    assert "finished text" in prompt


def test_own_business_name_stops_at_the_sentence_end():
    """'my <business> <Name>': the name pattern runs across the full stop into the next capitalised word
    ('You are Bao Down. We're's question-answering assistant', 'You are Crumb & Co. Be's …')."""
    prompt = _prompt("Answer questions for my food truck Bao Down. We're open tues-sat 11-3.")
    assert "We're's" not in prompt
    assert "Down. We" not in prompt.split("</role>")[0]
    prompt = _prompt("Answer customer questions for our bakery Crumb & Co. Be warm and brief.")
    assert "Be's" not in prompt


def test_german_dates_do_not_end_sentences():
    """'11-3. dont' ordinal change: a German date 'Vom 24.12. bis 2.1.' now ends sentences, so the ban loses its
    dates ('keine Bestellungen annehmen' for good) and 'Vom 24.12.' / 'bis 2.1.' become numbered rules."""
    task = "Chatbot für unsere Bäckerei. Vom 24.12. bis 2.1. keine Bestellungen annehmen. Sei freundlich."
    bans = [c.text for c in _constraints(task) if c.kind == "prohibition"]
    assert bans, bans
    assert all("24.12." in b for b in bans), bans
    assert "\n2. Vom 24.12.\n" not in _prompt(task)


def test_audience_who_are_not_lawyers_keeps_the_legal_information_rule():
    """_NOT_A_LAWYER: 'renters who are not lawyers' / 'Visitors are not lawyers' describes the audience, not the
    assistant's own route, yet it settles the legal domain and drops 'general legal information, not legal advice'
    from a legal Q&A bot."""
    prompt = _prompt("Legal Q&A bot for our law firm's website. Visitors are not lawyers, keep it simple.")
    assert "not legal advice" in prompt


def test_a_health_drop_in_clinic_keeps_the_medical_safety_rules():
    """MEDICAL cue: '(?<!drop-in )clinic' also removes health drop-in clinics ('flu jabs, vaccinations'), which
    lose the emergency and no-diagnosis safety rules."""
    prompt = _prompt("Chatbot for our drop-in clinic. Answer questions about flu jabs, vaccinations and opening hours.")
    assert "emergency number" in prompt


def test_conditional_numbered_list_is_not_the_whole_reply_shape():
    """'numbered' format value: 'Numbered list only when giving recipe steps. Otherwise chat normally.' became
    'Reply with a numbered list.' for every reply, contradicting 'otherwise chat normally'."""
    task = "Cooking assistant. Numbered list only when giving recipe steps. Otherwise chat normally."
    assert not any(c.kind == "format" and c.value == "numbered" for c in _constraints(task))
    assert "Reply with a numbered list." not in _prompt(task)


def test_inline_fence_does_not_swallow_the_rules_after_it():
    """Fenced code: '```python fences.' on a prose line opens a 'fence' that runs to the next ``` lines below, so
    the sentences in between are not split and 'Never use print() for logging' is no longer a prohibition."""
    task = (
        "Python helper. Wrap code in ```python fences. Never use print() for logging. Keep answers under 200 words.\n"
        "Example:\n```python\nfrom pathlib import Path\n```"
    )
    assert any(c.kind == "prohibition" and "print" in c.text for c in _constraints(task))


def test_slash_label_then_comma_labels_keep_the_whole_set():
    """extract_labels: 'into bug/crash, praise, idea or other' is cut at the first comma after a slash, so the set
    becomes only bug, crash (praise, idea and other are lost)."""
    prompt = _prompt("sort app feedback into bug/crash, praise, idea or other, plus a one line reason")
    labels = [line for line in prompt.splitlines() if line.startswith("- Labels:")]
    assert labels, labels
    assert "praise" in labels[0], labels
    assert "idea" in labels[0], labels


def test_no_space_after_full_stop_keeps_the_emoji_ban():
    """forbidden_features: the new '\\.\\w' code skip reads 'No emojis.Keep replies short' (a missing space after
    the full stop) as code like 'list.append', so the emoji ban is lost."""
    task = "Support bot for our app.No emojis.Keep replies short."
    assert any(c.kind == "format" and "emoji" in c.forbidden for c in _constraints(task))
