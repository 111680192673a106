"""Review 55: realistic briefs that the engine changes of 5b223b4, b9f370f and dab3567 now mishandle.

Each test asserts the behaviour a real user needs and fails on 76e8f3c; every one of them is a regression against
7307ee5 (the same brief was read correctly there)."""

from __future__ import annotations

from app.engine.brief import Brief, extract_entities
from app.engine.constraints import extract_constraints
from app.engine.generate import generate
from app.engine.safety import detect_domains
from tests.unit.engine.reading import archetype_ids, claude_prompt, section


def _constraints(task: str) -> list:
    return generate(Brief(task=task, target="claude")).constraints


# --- compose/code_debris.py: prose read as pasted code ------------------------------------------------------------


def test_a_venue_sentence_with_an_aside_is_not_pasted_code() -> None:
    """A restaurant booking brief with tools says "Function room (upstairs) holds 40 people and is only for private
    events." code_debris._DECLARATION reads "Function room (" as a `function name(` declaration, so the sentence is
    dropped as pasted code: the prompt no longer says the room holds 40 people or is only for private events (7307ee5
    kept it as context)."""
    task = (
        "You are the booking assistant for The Old Mill restaurant. You can call check_availability(date, party_size) "
        "and book_table(date, time, party_size, name). Private dining room (up to 12 guests) needs 48 hours notice and "
        "a £50 deposit. Function room (upstairs) holds 40 people and is only for private events. Never take bookings "
        "for more than 8 people in the main room."
    )
    assert "holds 40 people" in claude_prompt(task)


def test_a_message_template_with_placeholders_is_not_pasted_code() -> None:
    """An SMS brief with tools gives its template: "Message template: Hi {first_name}, your order {order_id} arrives
    {eta}." code_debris._DECLARATION reads "Message template: Hi {" as a proto `message X: Y {` declaration and the
    whole template vanishes from the prompt; the user's fixed wording is lost (7307ee5 kept it)."""
    task = (
        "You help our dispatch team text customers about deliveries. You can call get_order(order_id) and "
        "send_sms(phone, text). Message template: Hi {first_name}, your order {order_id} arrives {eta}. Reply STOP "
        "to opt out. Keep every SMS under 160 characters."
    )
    assert "your order {order_id} arrives {eta}" in claude_prompt(task)


# --- constraints/pasted_tools.py (was curl_tools.py): Markdown sections of API docs read as tools ---------


def test_api_reference_sections_with_curl_examples_are_not_tools() -> None:
    """A developer-docs Q&A brief pastes reference sections "## Authentication" and "## Pagination", each with a
    curl example the assistant should explain. curl_tools turns each heading into a tool ("Use the `Authentication`
    tool", "`Pagination(limit, starting_after)`"), adds tool-use rules, and masks the reference text so the
    pagination facts disappear from the prompt. The assistant has no tools; it answers from these docs."""
    task = (
        "You answer developer questions about the Acme Payments API on our docs site. Use only the reference below; "
        "if something isn't covered, say so and link https://docs.acme.dev.\n\n"
        "## Authentication\n"
        "Every request needs a bearer token:\n"
        'curl https://api.acme.dev/v1/balance -H "Authorization: Bearer sk_test_123"\n\n'
        "## Pagination\n"
        "List endpoints take limit and starting_after:\n"
        'curl "https://api.acme.dev/v1/charges?limit=10&starting_after=ch_123"\n\n'
        "Keep answers short and show a curl example when it helps."
    )
    constraints = _constraints(task)
    assert not [c.name for c in constraints if c.kind == "tool"]
    assert "starting_after" in claude_prompt(task)


# --- cross_checks.in_tool_code_comment: the reply's label set dropped -------------------------------------------


def test_a_double_hyphen_dash_in_prose_is_no_code_comment() -> None:
    """A triage brief with tools writes a dash as "--" in prose: "For every ticket -- no exceptions -- start your reply
    with exactly one label: BILLING, TECHNICAL or ACCOUNT." _COMMENT_MARK takes "-- " for an SQL comment, so the
    reply's label set is dropped as tool documentation and the labels come out lower-cased."""
    task = (
        "You triage inbound support tickets for a SaaS company. You can call get_customer(email) and "
        "route_ticket(ticket_id, queue). For every ticket -- no exceptions -- start your reply with exactly one "
        "label: BILLING, TECHNICAL or ACCOUNT. Then one sentence saying why."
    )
    labels = [c for c in _constraints(task) if c.kind == "labels"]
    assert labels
    assert labels[0].values == ["BILLING", "TECHNICAL", "ACCOUNT"]


def test_a_reply_label_set_after_a_tool_call_in_one_sentence_is_kept() -> None:
    """ "Call lookup_order(order_id) first, then reply with exactly one of these labels: SHIPPED, DELAYED or LOST.": the
    labels come right after a tool on its line with no sentence end between, so _in_tool_code_comment takes them for
    what the tool returns and drops them; the prompt lower-cases the user's labels (shipped, delayed, lost). They are
    the reply's labels, as the sentence says."""
    task = (
        'You answer "where is my order" chats for an online shop. Call lookup_order(order_id) first, then reply with '
        "exactly one of these labels: SHIPPED, DELAYED or LOST. Nothing else."
    )
    assert any(c.kind == "labels" and "SHIPPED" in c.values for c in _constraints(task))


# --- constraints/sections.layout_block: "output" and "so" in an ordinary line ----------------------------------------


def test_a_line_about_where_the_output_goes_is_no_exact_layout() -> None:
    """ "Your output goes straight into a Slack channel, so remember:" then two rule lines. _EXACT_LAYOUT_INTRO now
    accepts "output" with the word "so", so the two rules become the reply's exact layout: the output format says
    "Use exactly this layout, line by line: Slack does not render tables. / Never write customer names, only
    initials." The model would print the rules as its reply."""
    task = (
        "You summarise customer support calls for our team leads.\n"
        "Your output goes straight into a Slack channel, so remember:\n"
        "Slack does not render tables.\n"
        "Never write customer names, only initials.\n\n"
        "Each summary covers what the customer wanted, what we did, and what is still open."
    )
    output = section(claude_prompt(task), "output_format")
    assert "Slack does not render tables" not in output
    assert "exactly this layout" not in output


def test_a_numbered_exact_layout_is_still_the_layout() -> None:
    """ "Format your reply exactly like this:\\n1) Verdict: APPROVE or REJECT\\n2) Reason: …\\n3) Next step: …": the
    layout's own lines are numbered. layout_block now stops at the first numbered line, so no layout is read: the
    output format loses the "Next step" line and the lines become loose rules (7307ee5 printed the layout)."""
    task = (
        "You check expense claims against our travel policy.\n"
        "Format your reply exactly like this:\n"
        "1) Verdict: APPROVE or REJECT\n"
        "2) Reason: one sentence quoting the policy\n"
        "3) Next step: what the employee should do\n"
    )
    assert "Next step: what the employee should do" in section(claude_prompt(task), "output_format")


# --- archetypes: variants and features -----------------------------------------------------------------------------


def test_meeting_notes_turned_into_a_client_email_are_no_recap() -> None:
    """ "I paste my meeting notes. Turn them into an email to the client that … lists the action items": the user wants
    an email. The new MEETING_RECAP variant fires on "meeting notes"/"action items" and its `unless` only knows
    "draft/write/compose/send … email", not "turn them into an email", so the role becomes "an assistant who turns
    meeting notes into a recap" and the rule "Draft replies for the user to send; never state that a message was
    sent" is lost."""
    task = (
        "After each client meeting I paste my meeting notes. Turn them into an email to the client that confirms what "
        "we agreed and lists the action items with owners and dates. Warm but professional, under 200 words."
    )
    role = section(claude_prompt(task), "role")
    assert "recap" not in role


def test_a_school_canteen_assistant_that_mentions_homework_club_is_no_tutor() -> None:
    """A French school canteen assistant answers parents about menus and after-school care, "l'aide aux devoirs (le
    mardi et le jeudi de 16h à 17h)". The new "homework help (any language)" feature (weight 8) makes it "a patient
    tutor"; likewise a German stationery shop's support chat, whose parents buy exercise books "für die Hausaufgaben",
    gets the tutor's "Guide the student with one question or hint at a time" rules. Neither tutors anyone."""
    canteen = (
        "Tu es l'assistant d'une cantine scolaire. Les parents demandent les menus, les horaires de la garderie et de "
        "l'aide aux devoirs (le mardi et le jeudi de 16h à 17h). Réponds poliment."
    )
    shop = (
        "Du bist der Kundenservice-Chat eines Schreibwarenladens. Eltern fragen nach Heften und Material für die "
        "Hausaufgaben. Antworte freundlich und kurz."
    )
    assert "tutor" not in archetype_ids(canteen)
    assert "Guide the student" not in claude_prompt(shop)


# --- settled topics and example checks --------------------------------------------------------------------------


def test_dutch_onderwerp_meaning_topic_keeps_the_subject_line() -> None:
    """A Dutch follow-up e-mail brief: "schrijf een e-mail aan de klant over het onderwerp van het gesprek" ("about the
    topic of the conversation"). The new settled topic subject_line matches the plain word "onderwerp" (topic), so the
    e-mail variant's 'A "Subject:" line, then the email body' goes although the brief never mentions a subject
    line."""
    task = (
        "Je schrijft follow-up e-mails voor onze accountmanagers. Ik plak mijn aantekeningen van een klantgesprek; "
        "schrijf een e-mail aan de klant over het onderwerp van het gesprek, met de afspraken en de volgende stap. "
        "Maximaal 150 woorden, in het Nederlands."
    )
    assert "Subject:" in section(claude_prompt(task), "output_format")


def test_a_brief_that_requires_a_subject_line_keeps_it() -> None:
    """ "Our CRM rejects emails with no subject line, so never forget it.": the brief insists on a subject line. The
    settled topic drops the variant's 'A "Subject:" line' output format and example_checks._NO_SUBJECT reads "no
    subject line" as a ban, dropping the example that opens with "Subject:". The prompt no longer shows or asks for a
    Subject line at all."""
    task = (
        "Write follow-up emails to prospects from my call notes, under 150 words. Our CRM rejects emails with no "
        "subject line, so never forget it."
    )
    assert "Subject:" in claude_prompt(task)


def test_a_banned_sign_off_is_not_a_required_one() -> None:
    """'Don\'t sign off with "Cheers", it reads too casual for our clients.' example_checks._SIGN_OFF excludes only
    "no"/"without" before "sign off", so it reads "Cheers" as the sign-off every example must carry and drops the
    e-mail variant's example (which rightly does not say Cheers). The ban makes the good example look wrong."""
    task = (
        "Write follow-up emails to prospects from my call notes. Keep it under 150 words. Don't sign off with "
        '"Cheers", it reads too casual for our clients.'
    )
    assert "<examples>" in claude_prompt(task)


def test_must_first_is_no_order_of_findings() -> None:
    """A code-review brief: "You must first read the PR description, then the diff." The finding_order topic added in
    5b223b4 matches "must … first" as a stated order of findings ("must-fix first"), so the default "Rank findings by
    impact" goes; the brief states no order of findings at all."""
    task = (
        "You review pull requests for our Go services. You must first read the PR description, then the diff. Point "
        "out bugs, race conditions and missing tests, one bullet per finding with file:line."
    )
    assert "Rank findings by impact" in claude_prompt(task)


# --- constraints/antecedents.py: a general rule swallowed by the case before it -------------------------------------


def test_a_contact_given_in_every_conversation_is_not_conditioned_on_the_case_before() -> None:
    """ "If the customer asks for a refund, do not promise one. Give them our support email help@… at the end of every
    conversation." _ROUTE_GIVEN joins the second sentence to the first's "if" clause, so the support email becomes a
    route only for refund requests ("If the customer asks for a refund: give them our support email …") and the
    escalation rule loses its contact. The second sentence says "every conversation"."""
    task = (
        "You are the chat assistant for Northwind Bikes, an online bike shop. If the customer asks for a refund, do "
        "not promise one. Give them our support email help@northwindbikes.com at the end of every conversation. Keep "
        "replies short and friendly."
    )
    routes = [c for c in extract_constraints(Brief(task=task)) if c.kind == "fallback"]
    assert routes
    assert not any("refund" in (c.condition or "") or "refund" in c.text for c in routes)


def test_an_urgent_general_instruction_is_not_conditioned_on_the_case_before() -> None:
    """ "If the customer asks for a refund, do not promise one. Tell customers right away about any delivery delay you
    see on their order." _condition now returns any rule's leading "if" clause, so _GOES_ON ("tell … right away")
    chains the delay rule to the refund case: "If the customer asks for a refund: tell customers right away about any
    delivery delay". Delays must be reported to every customer."""
    task = (
        "You are the chat assistant for Northwind Bikes, an online bike shop. If the customer asks for a refund, do "
        "not promise one. Tell customers right away about any delivery delay you see on their order. Keep replies "
        "short and friendly."
    )
    prompt = claude_prompt(task)
    assert "Tell customers right away about any delivery delay" in prompt
    assert "refund: tell customers right away" not in prompt


# --- safety, organisation --------------------------------------------------------------------------------------------


def test_a_vet_clinic_that_mentions_flea_pest_control_keeps_the_vet_pack() -> None:
    """A veterinary clinic's front desk: owners ask about "flea and tick pest control for their pets". safety's new
    _PEST_CONTROL removes the veterinary pack whenever "pest control" appears, so the clinic loses its animal-emergency
    and no-diagnosis rules, though pet owners are its users."""
    task = (
        "You are the front-desk chat assistant for Maple Street Veterinary Clinic. Pet owners ask about appointments, "
        "vaccinations, flea and tick pest control for their pets, and opening hours. If a pet has eaten something "
        "toxic or is struggling to breathe, tell the owner to call our emergency line (555) 010-0177 immediately. "
        "Never diagnose."
    )
    assert "veterinary" in detect_domains([task])


def test_a_website_or_app_the_user_is_sent_to_is_not_the_business() -> None:
    """ "point them to the advice on the NHS website", "do it in the Settings app on their phone": brief._ORG_SITE takes
    any "in/on/for the <Capitalised> website/app" for the business whose assistant this is, so the role reads "You
    are a customer support agent for NHS" / "… for Settings" and out-of-scope says "questions about Settings"."""
    nhs = (
        "You answer questions from new parents about baby sleep and feeding. When something sounds medical, point "
        "them to the advice on the NHS website or tell them to call 111."
    )
    settings = (
        "You help our customers reset their passwords. Tell them to do it in the Settings app on their phone, under "
        "Security. Keep it to three short steps."
    )
    assert extract_entities(nhs).organization is None
    assert extract_entities(settings).organization is None


# --- labels and limits ------------------------------------------------------------------------------------------------


def test_numeric_range_labels_under_a_labels_header_stay_labels() -> None:
    """ "Labels (pick exactly one):\\n- 0-6\\n- 7-8\\n- 9-10": score buckets as the reply's labels.
    label_blocks._SCORED_PART takes every item ending in a range for a mark scheme, so the label set is dropped: the
    prompt asks for a {{labels}} input and invents an "other" label."""
    task = (
        "Read each customer review and estimate how likely they are to recommend us.\n"
        "Labels (pick exactly one):\n"
        "- 0-6\n"
        "- 7-8\n"
        "- 9-10\n"
        "Reply with the label only."
    )
    prompt = claude_prompt(task)
    assert any(c.kind == "labels" and c.values == ["0-6", "7-8", "9-10"] for c in _constraints(task))
    assert '"other"' not in prompt


def test_a_line_count_with_its_opening_words_is_still_a_limit() -> None:
    """'Write exactly 2 lines with "Dear {name}," as the opening line.': a line count, with the words the first line
    opens with. limits._QUOTED_LINE/_ADDS_A_LINE take "write … 2 lines with "…"" for one added line and drop the
    limit: the output format says nothing about 2 lines any more (7307ee5: "Reply in exactly 2 lines")."""
    task = (
        'You write short thank-you notes for our florist\'s customers. Write exactly 2 lines with "Dear {name}," as '
        "the opening line. No emojis."
    )
    assert any(c.kind == "limit" and c.unit == "lines" for c in _constraints(task))


def test_a_reply_limit_about_order_questions_is_still_a_limit() -> None:
    """Chinese shop support: "回复订单的问题时最多3句话" ("when replying to questions about orders, at most 3
    sentences"). limits._CJK_ORDER_TOPIC sees "订单的" within 12 characters before the count and takes the limit for
    what one order may hold, so the 3-sentence reply limit is lost."""
    task = "你是一家网店的客服助手。回复订单的问题时最多3句话，语气友好。不要承诺具体的发货日期。"
    assert any(c.kind == "limit" and c.unit == "sentences" for c in _constraints(task))
