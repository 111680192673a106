"""Review 56 (helper rev56) of c6cf0ba, d2fbaa7, 16d8919 and fd920b8: realistic briefs those commits were not written
for, where the engine now does the wrong thing. Each test asserts the correct behaviour and fails on fd920b8."""

from app.engine.brief import Brief
from app.engine.constraints import extract_constraints
from app.engine.generate import generate


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def test_a_bare_layout_heading_over_style_bullets_is_no_exact_layout() -> None:
    """Brief: 'Write product descriptions … / Layout: / - keep paragraphs short, two or three sentences / - put the
    price in bold / - no tables'.

    d2fbaa7 made any bare 'Layout:' line (sections._EXACT_LAYOUT_INTRO) introduce an exact reply layout, so the
    three style notes are printed as 'Use exactly this layout, line by line:' (the model is told to output
    '- no tables' verbatim) and the sentence limit becomes 'Keep line 1 between 2 and 3 sentences'. On 7307ee5 the
    notes were rules and the limit applied to the reply."""
    task = (
        "Write product descriptions for our online tea shop from the notes I paste in.\n\n"
        "Layout:\n- keep paragraphs short, two or three sentences\n- put the price in bold\n- no tables\n\n"
        "Tone: friendly, a bit playful."
    )
    assert "exactly this layout" not in _prompt(task)
    limits = [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "limit"]
    assert limits
    assert not any("line 1" in text for text in limits)


def test_an_it_will_sentence_that_is_no_job_is_no_objective() -> None:
    """Briefs: 'I'd like a chat assistant for our bakery. It will sit on our homepage next to the menu.' and
    'I'd like a chat assistant on our website for our bakery. It should always be friendly and use emojis.'

    c6cf0ba's identity._IT_SHOULD takes any 'It should/will …' sentence after a wish as the objective; its
    look-ahead bars only 'be'/'not'/'never', so where the bot sits ('Sit on the homepage next to the menu.') and a
    tone rule ('Always be friendly and use emojis.') become the role's one-line job, and the bakery is gone."""
    placement = _prompt("I'd like a chat assistant for our bakery. It will sit on our homepage next to the menu.")
    assert "Sit on the homepage" not in placement.split("</role>")[0]
    style = _prompt(
        "I'd like a chat assistant on our website for our bakery. It should always be friendly and use emojis."
    )
    assert "Always be friendly" not in style.split("</role>")[0]


def test_an_abbreviation_closing_an_aside_at_a_sentence_end_still_ends_the_sentence() -> None:
    """Brief: 'Chat assistant for our bike shop. We sell bikes and accessories (helmets, locks, lights etc.) Never
    recommend a competitor. Answer in at most 3 sentences.'

    c6cf0ba (clauses.split_clauses) lets no 'etc.)' end a clause, but people end a sentence with such an aside and
    start the next with a capital; the ban is glued to the shop description and is no longer a prohibition
    (it was on 7307ee5). The skip should hold only when the aside is followed by the same sentence's lower-case text."""
    task = (
        "Chat assistant for our bike shop. We sell bikes and accessories (helmets, locks, lights etc.) "
        "Never recommend a competitor. Answer in at most 3 sentences."
    )
    prohibitions = [c.text for c in extract_constraints(Brief(task=task)) if c.kind == "prohibition"]
    assert any("competitor" in text for text in prohibitions)


def test_plain_label_definitions_with_arrows_keep_the_main_point_rule() -> None:
    """Brief: 'Classify each customer email into one category. / Questions about invoices, payments or refunds ->
    BILLING / Problems logging in or using the app -> TECHNICAL / Anything else -> OTHER / Reply with the label only.'

    c6cf0ba's settled.py keyword topic treats any two '… -> LABEL' lines as cues that override the main point, so
    'Base the label on the input's main point, not on isolated keywords.' is dropped. These lines only define the
    categories (the most common way to write a label set); nothing says a mention beats the main point, and an email
    like 'I can't log in to pay my invoice' still needs the main-point rule (kept on 7307ee5)."""
    task = (
        "Classify each customer email into one category.\n"
        "Questions about invoices, payments or refunds -> BILLING\n"
        "Problems logging in or using the app -> TECHNICAL\n"
        "Anything else -> OTHER\n"
        "Reply with the label only."
    )
    assert "Base the label on the input's main point" in _prompt(task)


def test_reviewing_a_draft_reply_is_no_reply_drafting() -> None:
    """Brief: 'Our support agents paste a customer email and the draft reply they wrote. Check the draft reply for
    tone and factual errors and list the problems as bullet points. Do not rewrite it.'

    d2fbaa7 made any 'a/the draft reply' the REPLY_DRAFTING variant (archetypes/variants.py), so the role now says
    'Draft a reply to each incoming email' and core rules tell it to write the reply, against the brief's 'Do not
    rewrite it'. The job is reviewing someone else's draft."""
    task = (
        "Our support agents paste a customer email and the draft reply they wrote. Check the draft reply for tone and "
        "factual errors and list the problems as bullet points. Do not rewrite it."
    )
    prompt = _prompt(task)
    assert "Draft a reply to each incoming email" not in prompt
    assert "drafts replies" not in prompt.split("</role>")[0]


_CSHARP = (
    "Booking assistant for our clinic. Our dev gave us this:\n\n"
    "public interface IClinicTools\n{\n"
    "    /// <summary>Finds the patient by their national ID.</summary>\n"
    "    Patient FindPatient(string nationalId);\n"
    "    List<Slot> FreeSlots(string site, Dictionary<string, string> filters);\n"
    "    bool Cancel(string bookingId); // true if cancelled\n"
    "}\n\n"
    "Always call FindPatient first. Max 3 sentences."
)


def test_a_generic_parameter_type_is_no_parameter() -> None:
    """Brief: a pasted C# interface with 'List<Slot> FreeSlots(string site, Dictionary<string, string> filters);'.

    fd920b8's curl_tools.find_interface_tools splits the parameter list on every comma, so the comma inside
    'Dictionary<string, string>' yields a parameter named 'string': the tool is 'FreeSlots(site, string, filters)'.
    Generic types (List<…>, Map<K, V>, Dictionary<K, V>) are ordinary in C#/Java signatures."""
    tools = {c.name: c.parameters for c in extract_constraints(Brief(task=_CSHARP)) if c.kind == "tool"}
    assert tools.get("FreeSlots") == ["site", "filters"]


def test_an_xml_doc_comment_gives_a_clean_tool_purpose() -> None:
    """Brief: the same C# interface, documented the standard C# way: '/// <summary>Finds the patient by their
    national ID.</summary>' above 'Patient FindPatient(string nationalId);'.

    find_interface_tools' _COMMENT_LINE takes '//' and keeps the rest, so the tool line reads 'Use the
    `FindPatient(nationalId)` tool: / <summary>Finds the patient by their national ID.</summary>.' in the prompt:
    a stray slash and XML tags as what the tool does."""
    tool = next(c for c in extract_constraints(Brief(task=_CSHARP)) if c.kind == "tool" and c.name == "FindPatient")
    assert "<summary>" not in tool.text
    assert ": /" not in tool.text
    assert "Finds the patient by their national ID" in tool.text


def test_a_pasted_data_interface_of_getters_is_no_tool_set() -> None:
    """Brief: 'Write a friendly welcome email for each new customer. Each customer record you get implements this:
    public interface Customer { String getFirstName(); String getPlan(); LocalDate getStartDate(); } Mention their
    plan and start date. Max 120 words.'

    The interface describes the record the writer is given (a data shape), not functions the model can call; yet
    its getters become three tools and the role turns into 'a chat assistant who works with tools' for an
    email-writing job. fd920b8's find_interface_tools takes every method of any interface as a tool with no check
    that the brief offers them as tools (an 'implements this'/record lead, or zero-parameter getters); the same
    output already came from an older path on 7307ee5, so this is not new, but the commit claims the case."""
    task = (
        "Write a friendly welcome email for each new customer. Each customer record you get implements this:\n\n"
        "public interface Customer {\n    String getFirstName();\n    String getPlan();\n"
        "    LocalDate getStartDate();\n}\n\nMention their plan and start date. Max 120 words."
    )
    assert [c.name for c in extract_constraints(Brief(task=task)) if c.kind == "tool"] == []
    assert "works with tools" not in _prompt(task)
