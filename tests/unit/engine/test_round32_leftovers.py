"""Round 32's leftovers: three backticks inside a sentence read as a fence, a role-play given a document slot, a
health pack and every turn laid out as its TIMEOUT feedback, a booking locator read as translation, named assistants
left anonymous, a case stated before a colon lost from its contact, and field rules filed as background."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import build_spec, generate


def _output(prompt: str) -> str:
    return prompt.split("<output_format>")[1].split("</output_format>")[0]


def _rules(task: str) -> list[str]:
    spec, _ = build_spec(Brief(task=task))
    return [rule.text for rule in spec.instructions]


def _context(task: str) -> list[str]:
    spec, _ = build_spec(Brief(task=task))
    return list(spec.context)


_CERTIFICATE = (
    "You are an extraction step in our QA pipeline. Input: the OCR text of one calibration certificate. Output: one "
    'JSON object with exactly this shape:\n\n{\n  "certificate_no": string,\n  "result": "pass" | "fail" | '
    '"adjusted",\n  "points": [{"nominal": number, "measured": number}]\n}\n\n'
    "- Raw JSON only. No ```json fences, no comment before or after.\n"
    "- Anything not on the certificate is null (points: [] if there is no results table). Never infer a due date.\n"
    '- If the certificate gives "as found" and "as left" readings, use the "as left" values in points.\n'
    '- result is "adjusted" whenever the cert says the instrument was adjusted, even if it then passed.'
)


def test_backticks_inside_a_sentence_open_no_fence() -> None:
    rules = _rules(_CERTIFICATE)
    assert "Never infer a due date." in rules
    assert not any("- " in rule and "no comment" in rule.lower() for rule in rules)


def test_an_output_format_followed_by_only_is_no_topic_to_help_with() -> None:
    assert not any(rule.startswith("Only help with") for rule in _rules(_CERTIFICATE))


def test_what_a_field_holds_is_a_rule_not_background() -> None:
    rules, context = _rules(_CERTIFICATE), " ".join(_context(_CERTIFICATE))
    assert any(rule.startswith("Anything not on the certificate is null") for rule in rules)
    assert any(rule.startswith('Result is "adjusted" whenever') for rule in rules)
    assert "is null" not in context


def test_the_briefs_own_pick_between_two_values_drops_the_first_value_default() -> None:
    prompt = generate(Brief(task=_CERTIFICATE)).prompt
    assert "two conflicting values" not in prompt
    assert 'use the "as left" values in points' in prompt


def test_field_lines_of_a_record_are_rules() -> None:
    task = (
        "Letters from debtors get scanned, and this model pulls out the fields. Output raw JSON only.\n"
        "letter_type is exactly one of: dispute; hardship; other.\n"
        "amount_disputed: a number in GBP without the £ sign.\n"
        "account_ref looks like BWR-123456. If there isn't one, null."
    )
    rules = " ".join(_rules(task))
    assert "letter_type is exactly one of" in rules
    assert "amount_disputed: a number in GBP" in rules


_NEGOTIATION = (
    'You are "Dana Whitcombe", head of procurement at a mid-size hospital group, in a practice negotiation with a '
    "sales rep who is trying to renew a staff-scheduling software contract at a 12% price increase. The user is the "
    "rep.\nStay in character, 1-3 sentences per turn, no coaching during the role-play.\n"
    "When the user types TIMEOUT, drop the character and give feedback in exactly this form:\n"
    "What worked: (one sentence)\nMissed: (one sentence)\nTry next time: (one sentence)\nDeal score: x/10"
)


def test_a_role_play_about_a_contract_takes_no_document_and_no_health_pack() -> None:
    result = generate(Brief(task=_NEGOTIATION, target="claude"))
    assert result.archetypes[0].id == "roleplay_interviewer"
    assert "{{document}}" not in result.prompt
    assert "emergency number" not in result.prompt
    assert "Write for renew" not in result.prompt
    assert "Audience: renew" not in result.prompt


def test_a_layout_for_one_case_is_not_every_replys_layout() -> None:
    result = generate(Brief(task=_NEGOTIATION, target="claude"))
    output = _output(result.prompt)
    assert "What worked" not in output
    assert "between 1 and 3 sentences" in output
    assert "Deal score: x/10" in result.prompt  # the case's own rule keeps the layout whole


_RENTAL = (
    'Necesito un prompt de sistema para "Vela", el asistente de chat de AutoIsla Rent a Car. Los clientes escriben '
    "para consultar, modificar o cancelar reservas.\n\nHerramientas disponibles (TypeScript):\n\n```ts\n"
    "buscarReserva(localizador: string, apellido: string): Promise<Reserva | null>\n"
    "cancelarReserva(localizador: string): Promise<{ reembolsoEur: number }>\n```\n\nReglas:\n"
    "1. Siempre buscarReserva antes de cancelarReserva. Si el localizador y el apellido no coinciden, no se toca "
    "nada.\n"
    "2. Conductores menores de 23 años o con carné de menos de 2 años: no se pueden añadir por chat, que llamen al "
    "922 555 310.\n3. Accidente con heridos: primero que llamen al 112; después abrir una incidencia.\n\n"
    "Responde en español, máximo 3 frases por mensaje."
)


def test_a_booking_locator_is_no_translation_job() -> None:
    result = generate(Brief(task=_RENTAL, target="claude"))
    assert "translation" not in [match.id for match in result.archetypes]
    assert "translat" not in result.prompt.lower()


def test_a_fence_after_a_tools_heading_is_no_rule() -> None:
    prompt = generate(Brief(task=_RENTAL, target="claude")).prompt
    assert "```ts" not in prompt
    assert "Herramientas disponibles" not in prompt


def test_a_name_in_quotes_before_the_assistant_it_is_names_the_role() -> None:
    role = generate(Brief(task=_RENTAL, target="claude")).spec.role
    assert role.startswith("You are Vela, ")
    english = 'I need a prompt for "Buoy", the WhatsApp assistant for Kettle Cove Marina. Boaters book berths.'
    assert generate(Brief(task=english)).spec.role.startswith("You are Buoy, ")


def test_a_case_before_a_colon_stays_the_condition_of_its_contact() -> None:
    fallbacks = [c.text for c in generate(Brief(task=_RENTAL)).constraints if c.kind == "fallback"]
    assert any("Conductores menores de 23 años" in text and "922 555 310" in text for text in fallbacks)
    assert not any(text.startswith("When you cannot help") and "922 555 310" in text for text in fallbacks)


def test_an_order_before_a_colon_is_no_case() -> None:
    task = "Write fundraising emails for Riverkids. End with a single donation link: https://give.riverkids.org."
    fallbacks = [c.text for c in generate(Brief(task=task)).constraints if c.kind == "fallback"]
    assert not any(text.startswith("For end") for text in fallbacks)
    english = "Support bot for Acme bikes. Refunds over 500 dollars: email refunds@acme.com."
    texts = [c.text for c in generate(Brief(task=english)).constraints if c.kind == "fallback"]
    assert "For refunds over 500 dollars, tell the user to email refunds@acme.com." in texts


def test_a_request_for_the_system_prompt_is_no_part_of_the_job() -> None:
    task = (
        'Build the system prompt for "Ivy", the card-services assistant in the Northgate Credit Union app. Members use '
        "it when a card is lost. It can call freeze_card(card_id)."
    )
    assert "Build the system prompt" not in generate(Brief(task=task, target="claude")).prompt


_MARINA = (
    "WhatsApp bot for Kettle Cove Marina. Boaters book visitor berths and haul-outs.\n"
    "rules\n- visitor berths max 7 nights per booking.\n"
    "- haul-out only for boats up to 15 m (our travel hoist limit). bigger boats: no booking, give the office number.\n"
    "Replies under 50 words."
)


def test_a_cap_on_a_stay_or_a_boat_is_no_reply_limit() -> None:
    limits = [c.text for c in generate(Brief(task=_MARINA)).constraints if c.kind == "limit"]
    assert limits == ["Keep the reply to at most 50 words."]


def test_a_ban_under_a_case_keeps_its_case() -> None:
    bans = [c.text for c in generate(Brief(task=_MARINA)).constraints if c.kind == "prohibition"]
    assert "Avoid booking." not in bans
    assert any(ban.startswith("Bigger boats: no booking") for ban in bans)


_DOCKER = (
    "Build me a bot that reviews Dockerfile changes in our PRs. It posts a single PR comment.\n\n"
    "What to flag:\n- base images without a pinned tag or digest\n- running as root (no USER line)\n"
    "- secrets in ENV/ARG\n\nFormat: one finding per line, max 8 lines:\n"
    "<file>:<line> [BLOCKER|WARN|NIT] problem -> fix\nNo intro, no summary."
)


def test_the_look_of_a_case_to_flag_is_no_ban() -> None:
    bans = [c.text for c in generate(Brief(task=_DOCKER)).constraints if c.kind == "prohibition"]
    assert not any("USER line" in ban for ban in bans)


def test_a_finding_line_that_opens_with_a_slot_is_the_replys_line() -> None:
    result = generate(Brief(task=_DOCKER, target="claude"))
    output = _output(result.prompt)
    assert "`<file>:<line> [BLOCKER|WARN|NIT] problem -> fix`" in output
    assert 'starts with "Label:"' not in output


def test_an_image_digest_is_no_digest_to_write() -> None:
    assert not any("key points" in match.features for match in generate(Brief(task=_DOCKER)).archetypes)


_TAP_LIST = Brief(
    task=(
        "Write tap-list descriptions for Three Herons Brewing's taproom menu board. I'll give you the beer name, "
        "style, ABV, IBU, hops/malts and a few tasting notes from the brewer."
    ),
    constraints=["Each description 35 words max, one paragraph.", "Last line always: ABV x% · IBU y."],
    target="claude",
)


def test_what_each_request_brings_is_no_label_set() -> None:
    result = generate(_TAP_LIST)
    assert not any(c.kind == "labels" for c in result.constraints)
    assert "these labels" not in result.prompt


def test_menu_descriptions_are_copywriting_with_the_briefs_own_ending_and_count() -> None:
    result = generate(_TAP_LIST)
    assert result.archetypes[0].id == "marketing_copy"
    assert "call to action" not in result.prompt
    assert "Variant" not in result.prompt
    assert "Last line always: ABV x% · IBU y." in result.prompt


def test_urgency_tiers_after_a_pasted_input_stay_labels() -> None:
    task = (
        "Go through emails I paste in, tell me which ones are urgent (urgent / this week / whenever), and draft "
        "short replies for the urgent ones."
    )
    found = [c.values for c in generate(Brief(task=task)).constraints if c.kind == "labels"]
    assert ["urgent", "this week", "whenever"] in found


def test_a_loan_simulation_is_no_role_play() -> None:
    task = (
        'Quero um prompt para a "Cora", assistente virtual da Cooperativa Serra Verde. Ela atende associados que '
        "querem renegociar dívidas.\nFunções que ela pode chamar:\nvalidar_identidade(cpf, codigo_sms) -> true/false\n"
        "simular_renegociacao(contrato_id, parcelas) -> valor da parcela\n"
        "Regras:\n- validar_identidade tem que dar true antes de mostrar qualquer contrato ou simulação.\n"
        "- sempre mostre o CET e o valor total da simulação."
    )
    assert "roleplay_interviewer" not in [match.id for match in generate(Brief(task=task)).archetypes]


def test_a_completed_intake_form_is_no_intake_conversation() -> None:
    task = (
        "You are the intake assistant for Moreno & Pike Immigration Law. Each input is one completed web intake form "
        "(free text + checkboxes) from a prospective client. Produce two things, in this order, under these exact "
        "headers:\n\nATTORNEY SUMMARY\n- max 5 bullets: who they are, current status and its expiry date, what they "
        'want, deadlines, documents they have\n- then one line "Urgency: HIGH" if there\'s a hearing, otherwise '
        '"Urgency: ROUTINE"\n\nCLIENT EMAIL\n- an acknowledgement to the person, max 120 words\n'
        "- say a paralegal will contact them within 2 business days\n"
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "one question at a time" not in prompt.lower()
    assert "Ask the next question" not in prompt


def test_a_full_width_aside_describes_its_label() -> None:
    task = (
        "レシピ投稿サイトのコメント欄モデレーション用のシステムプロンプトを作ってください。\n"
        "出力：次のラベルのどれか1つと理由を1行で。\nラベル：\n- OK\n- SPAM（宣伝、外部サイトへの誘導）\n"
        "- HARASSMENT（投稿者への攻撃）\n- REVIEW（判断がつかないもの）"
    )
    found = [c.values for c in generate(Brief(task=task)).constraints if c.kind == "labels"]
    assert ["OK", "SPAM", "HARASSMENT", "REVIEW"] in found


def test_a_foreign_ban_on_alternatives_is_quoted_whole() -> None:
    task = (
        "Chatbot für die Hörakustik Brandt. Beantworte Fragen zur Pflege der Hörgeräte. "
        "Nie ein Gerät als defekt einstufen oder einen Austausch versprechen."
    )
    bans = [c.text for c in generate(Brief(task=task)).constraints if c.kind == "prohibition"]
    assert "Never make promises." not in bans
    assert any("als defekt einstufen" in ban for ban in bans)


_COUNCIL = (
    "It summarises city council meeting transcripts for the Fenwick Ledger.\n\n"
    '- Exactly 6 bullets, each starting with "- ", max 20 words per bullet\n'
    "- Most consequential decision first (money, zoning, anything residents will feel)\n"
    '- After the bullets, one line: "Votes: " then each vote as motion (yes-no-abstain), separated by "; ". If there '
    'were no votes: "Votes: none recorded"\n- No headline, no intro, no bold'
)


def test_one_line_after_the_bullets_is_no_one_line_reply() -> None:
    result = generate(Brief(task=_COUNCIL, target="claude"))
    assert "Reply in exactly 1 line" not in result.prompt
    assert "Reply in exactly 6 bullets." in _output(result.prompt)


def test_a_lines_fixed_start_and_its_content_are_no_two_steps() -> None:
    result = generate(Brief(task=_COUNCIL, target="claude"))
    assert not any(c.kind == "ordering" for c in result.constraints)
    assert '"Votes: " before each vote' not in result.prompt


def test_the_parts_of_the_reply_are_rules_not_background() -> None:
    rules = " ".join(_rules(_COUNCIL))
    assert 'After the bullets, one line: "Votes: "' in rules
    assert 'If there were no votes: "Votes: none recorded"' in rules
    assert "Most consequential decision first" in rules


_INVOICE_DISPUTES = (
    "we zijn Groothandel Brinkman Horeca. debiteurenbeheer krijgt elke dag mails van klanten die een factuur "
    "betwisten. ik wil een assistent die per mail twee dingen doet:\n\n"
    "1) label kiezen uit: PRIJSVERSCHIL, NIET_GELEVERD, BESCHADIGD, GEEN_GESCHIL\n"
    "2) een conceptantwoord schrijven voor onze medewerker (niet zelf versturen)\n\n"
    "output precies zo:\nLABEL: <label>\nFACTUUR: <factuurnummer of ONBEKEND>\nCONCEPT:\n<antwoord>\n\n"
    "regels voor het concept: max 90 woorden, u-vorm, nooit een korting toezeggen."
)


def test_a_label_and_a_draft_are_a_drafting_job_with_a_label_step() -> None:
    result = generate(Brief(task=_INVOICE_DISPUTES, target="claude"))
    assert result.archetypes[0].id != "classification"
    assert "Return exactly one label from the set." not in result.prompt
    output = _output(result.prompt)
    assert "LABEL: <label>\nFACTUUR: <factuurnummer of ONBEKEND>\nCONCEPT:\n<antwoord>" in output
    assert 'starts with "Label:"' not in output
    assert "Keep the concept to at most 90 words." in output


def test_the_ages_a_course_is_for_are_no_audience() -> None:
    task = (
        "Prompt système pour l'assistant de réservation de l'École de Glisse (cours de ski, enfants dès 4 ans et "
        "adultes). Il discute avec les clients sur le site.\nConsignes :\n"
        "– cours collectifs enfants : 4 à 12 ans, 8 élèves max par groupe\nVouvoiement, 60 mots maximum par message."
    )
    result = generate(Brief(task=task, target="claude"))
    assert not any(c.kind == "audience" for c in result.constraints)
    assert "child's personal information" not in result.prompt


def test_a_tools_typed_values_join_its_line() -> None:
    task = (
        "Out-of-hours chat for a farmers' charity.\nTools (JSON as registered with the API):\n[\n"
        '  {"name": "find_support_service", "parameters": {"postcode": "string", "need": "debt | benefits | legal"}},\n'
        '  {"name": "escalate_to_duty_manager", "parameters": {"reason": "string", "risk": "high | immediate"}}\n]\n'
        "Ask for their postcode before find_support_service."
    )
    tools = {c.name: c.text for c in generate(Brief(task=task)).constraints if c.kind == "tool"}
    assert tools["find_support_service"].endswith("set `need` to one of: debt, benefits, legal.")
    assert tools["escalate_to_duty_manager"].endswith("set `risk` to one of: high, immediate.")
    assert "`postcode` to one of" not in tools["find_support_service"]
