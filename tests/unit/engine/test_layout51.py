"""Blind review round 50, classes 1 and 5: the output section.

Class 1: the output section is the brief's own reply statement, whole. A clause about how values look ("pounds with
2 decimals, column names ending in _gbp") is no field list; a layout pasted line by line is copied every line, in
order, with its own markers (【标题】, "NOTE : x/10"), the lines between its labelled ones included and no line of it
taken for pasted material; a layout for a later moment ("Après FIN DE SIMULATION …") is that moment's only.
Class 5: the brief's own reply for empty, unreadable or not-the-job input replaces the archetype's default
out-of-scope line, and a reply line of several fields ("SOURCE|URGENCY|ref") gets no one-label reminder or guardrail.
"""

from __future__ import annotations

import pytest

from app.engine import Brief, generate


def _prompt(task: str) -> str:
    return generate(Brief(task=task, target="claude")).prompt


def _section(prompt: str, tag: str) -> str:
    return prompt.split(f"<{tag}>")[1].split(f"</{tag}>")[0] if f"<{tag}>" in prompt else ""


# --- class 1: a value-format clause is no field list -------------------------------------------------------------

_SQL_VALUE_FORMATS = [
    "Postgres SQL helper for our warehouse team. They ask in plain English, you write the query.\n"
    "Tables: orders(order_id, placed_at, total_pence), customers(customer_id, name).\n"
    "Rules:\n1. SELECT only.\n2. Money is stored in pence. Output pounds with 2 decimals, column names ending in "
    "_gbp.\n"
    "3. Reply with one sql code block, then one line starting Note:.",
    "You write BigQuery SQL for the finance team from their questions.\n"
    "Tables: invoices(invoice_id, issued_at, amount_cents), clients(client_id, name).\n"
    "- read-only queries only\n- Return euros rounded to 2 dp, with column names ending with _eur.\n"
    "- one sql block per answer, nothing else",
    "Snowflake SQL for the ops team of a coffee chain: they ask in plain English, you give them the query.\n"
    "Tables: sales(sale_id, shop_id, sold_at, price_cents), shops(shop_id, city).\n"
    "1. Never UPDATE or DELETE.\n2. Return euros with two decimals, column names ending in _eur.\n"
    "3. Reply format: one sql code block, nothing else.",
    "SQL helper (SQLite) for our running club's race results. Members ask questions, you write the query.\n"
    "Tables: results(runner_id, race_id, seconds), runners(runner_id, name).\n"
    "- SELECT only\n- Output minutes with one decimal, field names ending in _min.\n- just the sql block",
    "Du schreibst SQL-Abfragen (PostgreSQL) für unser Controlling, aus Fragen in normalem Deutsch.\n"
    "Tabellen: rechnungen(id, datum, betrag_cent), kunden(id, name).\n"
    "Regeln:\n- nur SELECT\n- Gib Beträge mit 2 Nachkommastellen aus, Spaltennamen enden auf _eur.\n"
    "- Antwort: ein sql-Codeblock, sonst nichts.",
    "Escribes consultas SQL (MySQL) para el equipo de ventas a partir de sus preguntas.\n"
    "Tablas: pedidos(id, fecha, importe_centimos), clientes(id, nombre).\n"
    "Reglas:\n- solo SELECT\n- Devuelve importes con 2 decimales, nombres de columna terminados en _eur.\n"
    "- responde con un bloque de código sql y nada más.",
]


@pytest.mark.parametrize("task", _SQL_VALUE_FORMATS)
def test_value_format_clause_is_no_field_list(task: str) -> None:
    prompt = _prompt(task)
    output = _section(prompt, "output_format")
    assert "Return exactly these fields" not in prompt
    assert "A single JSON object" not in output
    assert "decimals_" not in prompt
    assert "_decimals" not in prompt
    assert "names_ending" not in prompt


# --- class 1: a layout pasted line by line is kept whole ---------------------------------------------------------

_WHOLE_LAYOUTS = [
    (
        "Llevo la secretaría de una comunidad de vecinos. Después de cada junta mando un correo a los vecinos. Te "
        "pego mis apuntes y tú me preparas el correo.\n\nFormato del correo:\nAsunto: Junta DD/MM/AAAA - acuerdos\n"
        'Saludo: "Queridos vecinos:"\nDespués los acuerdos numerados, cada uno de 2 líneas como mucho.\n'
        'Luego un apartado "Próximas fechas" con los plazos.\nCierre fijo: "Un saludo cordial."\n'
        'Firma: "La Secretaría"\n\nImportante:\n- Sin markdown.\n- Nunca nombres de morosos.',
        ["Después los acuerdos numerados", "Próximas fechas", 'Cierre fijo: "Un saludo cordial."', "Firma:"],
    ),
    (
        "I run the allotment society and after each committee meeting I email all plot holders. I paste my notes, "
        "you draft the email.\n\nEmail format:\nSubject: Committee meeting DD/MM/YYYY - decisions\n"
        'Greeting: "Dear plot holders,"\nThen the decisions, numbered, at most 2 lines each.\n'
        'Then a part "Coming up" with dates and deadlines.\nClosing: "Any questions, ask at the hut on Saturdays."\n'
        'Signature: "The Committee"\n\nRules:\n- no markdown\n- never name anyone who owes rent',
        ["Then the decisions, numbered", "Coming up", "Closing:", "Signature:"],
    ),
    (
        "Ich bin Schriftführerin im Sportverein und schicke nach jeder Vorstandssitzung eine Mail an die Mitglieder. "
        "Ich gebe dir meine Notizen, du schreibst die Mail.\n\nAufbau der Mail:\nBetreff: Vorstandssitzung TT.MM.JJJJ\n"
        'Anrede: "Liebe Mitglieder,"\nDanach die Beschlüsse nummeriert, jeder höchstens 2 Zeilen.\n'
        'Dann ein Abschnitt "Termine" mit den nächsten Daten.\nGruß: "Sportliche Grüße"\n'
        'Unterschrift: "Der Vorstand"\n\n'
        "Regeln:\n- kein Markdown\n- keine Namen von säumigen Mitgliedern",
        ["Danach die Beschlüsse nummeriert", "Termine", "Gruß:", "Unterschrift:"],
    ),
    (
        "Sono amministratore di condominio. Dopo ogni assemblea mando ai condòmini un riassunto del verbale. Ti "
        "incollo il verbale e tu mi prepari il riassunto.\n\nFormato, solo testo semplice, esattamente così:\n"
        "CONDOMINIO: nome e indirizzo\nASSEMBLEA DEL: gg/mm/aaaa\nDELIBERE:\n1) oggetto - approvata/respinta - "
        "maggioranza (con i millesimi se indicati nel verbale)\n2) ...\n"
        "SPESE APPROVATE: importi totali come nel verbale\nSCADENZE: rate e date\n"
        'PUNTI RINVIATI: oppure "nessuno"\n\nRegole:\n- massimo 180 parole\n- mai i nomi dei morosi',
        ["DELIBERE:", "1) oggetto - approvata/respinta - maggioranza (con", "SPESE APPROVATE:", "PUNTI RINVIATI:"],
    ),
    (
        "I manage a block of flats. After each residents' meeting I send owners a summary of the minutes. I paste "
        "the minutes, you write the summary.\n\nFormat, plain text, exactly like this:\nBUILDING: name and address\n"
        "MEETING ON: dd/mm/yyyy\nDECISIONS:\n1) subject - approved/rejected - majority (with the shares if given)\n"
        "2) ...\n"
        "COSTS APPROVED: totals as in the minutes\nDEADLINES: instalments and dates\n\nRules:\n- 150 words max\n"
        "- never name owners in arrears",
        ["DECISIONS:", "1) subject - approved/rejected - majority", "COSTS APPROVED:", "DEADLINES:"],
    ),
    (
        "Je suis syndic bénévole. Après chaque assemblée j'envoie aux copropriétaires un résumé du procès-verbal. Je "
        "te colle le PV et tu fais le résumé.\n\nFormat, texte brut, exactement comme ceci :\n"
        "IMMEUBLE : nom et adresse\n"
        "ASSEMBLÉE DU : jj/mm/aaaa\nRÉSOLUTIONS :\n1) objet - adoptée/rejetée - majorité (avec les tantièmes si "
        "indiqués)\n2) ...\n"
        "DÉPENSES VOTÉES : montants totaux\nÉCHÉANCES : appels de fonds et dates\n\nRègles :\n- 150 mots maximum\n"
        "- jamais le nom des copropriétaires débiteurs",
        ["RÉSOLUTIONS :", "1) objet - adoptée/rejetée - majorité", "DÉPENSES VOTÉES :", "ÉCHÉANCES :"],
    ),
]


@pytest.mark.parametrize(("task", "lines"), _WHOLE_LAYOUTS)
def test_pasted_layout_is_kept_whole_in_the_output_section(task: str, lines: list[str]) -> None:
    prompt = _prompt(task)
    output = _section(prompt, "output_format")
    for line in lines:
        assert line in output, line
    assert "each under its heading as written" not in output


_MARKED_LAYOUTS = [
    (
        "我们是一家茶叶网店,请帮我写商品详情页文案。我会给你:茶名、年份、价格。\n\n"
        "输出格式(严格按照,纯文本,不要markdown):\n【标题】不超过30个字\n【卖点】3条,每条不超过20个字\n"
        "【口感】不超过80个字\n【温馨提示】固定写:本品为普通食品。\n\n"
        "要求:\n1. 禁止写任何保健功效。\n2. 年份和价格照抄。",
        ["【标题】不超过30个字", "【卖点】3条", "【温馨提示】固定写:本品为普通食品。"],
    ),
    (
        "我们是水果店,请帮我写每周的团购文案。我会给你水果名和价格。\n\n格式严格如下:\n【主题】不超过20个字\n"
        "【价格】照抄\n【配送】固定写:满50元免费配送。\n\n要求:\n1. 不要夸大产地。",
        ["【主题】不超过20个字", "【价格】照抄", "【配送】固定写:满50元免费配送。"],
    ),
    (
        "回答の構成:\n【要約】3行以内\n【対応】箇条書き\n\n問い合わせメールを読んで、担当者向けのメモを作ってください。",
        ["【要約】", "【対応】"],
    ),
    (
        "Tu résumes les avis clients de notre restaurant pour le chef. Je colle les avis de la semaine.\n\n"
        "Structure de la réponse :\nNOTE : x/10\nPOINTS FORTS : 2 maximum\nÀ AMÉLIORER : 3 maximum\n\n"
        "Pas de noms de clients.",
        ["NOTE : x/10", "POINTS FORTS : 2 maximum", "À AMÉLIORER : 3 maximum"],
    ),
]


@pytest.mark.parametrize(("task", "lines"), _MARKED_LAYOUTS)
def test_layout_markers_are_copied_as_written(task: str, lines: list[str]) -> None:
    output = _section(_prompt(task), "output_format")
    for line in lines:
        assert line in output, line


_LATER_LAYOUTS = [
    (
        "Formation des nouveaux vendeurs. Je veux un jeu de rôle : l'IA joue un client mécontent, le stagiaire joue "
        "le vendeur.\n\nRègles du jeu :\n- tu restes dans le personnage jusqu'à ce que le stagiaire écrive FIN DE "
        "SIMULATION.\n- répliques courtes : 1 à 3 phrases.\n\nAprès FIN DE SIMULATION, tu sors du rôle et tu fais un "
        "retour au stagiaire, exactement dans ce format :\nNOTE : x/10\nPOINTS FORTS : 2 maximum\n"
        "À AMÉLIORER : 3 maximum",
        "Après FIN DE SIMULATION",
        "NOTE : x/10",
    ),
    (
        "Formación de nuevos recepcionistas. Quiero un juego de rol: la IA hace de huésped enfadado y el alumno de "
        "recepcionista.\n\nReglas:\n- no salgas del personaje hasta que el alumno escriba FIN.\n"
        "- frases cortas, de 1 a 3.\n\nDespués de FIN, sal del personaje y da tu valoración exactamente en este "
        "formato:\nNOTA: x/10\nPUNTOS FUERTES: 2 como máximo\nA MEJORAR: 3 como máximo",
        "Después de FIN",
        "NOTA: x/10",
    ),
    (
        "Schulung für neue Callcenter-Mitarbeiter. Rollenspiel: die KI spielt einen verärgerten Kunden, der "
        "Mitarbeiter spielt sich selbst.\n\nRegeln:\n- bleib in der Rolle, bis der Mitarbeiter ENDE schreibt.\n"
        "- kurze Antworten, 1 bis 3 Sätze.\n\nNach ENDE verlässt du die Rolle und gibst Feedback, genau in diesem "
        "Format:\nNOTE: x/10\nSTÄRKEN: höchstens 2\nVERBESSERN: höchstens 3",
        "Nach ENDE",
        "STÄRKEN: höchstens 2",
    ),
]


@pytest.mark.parametrize(("task", "moment", "line"), _LATER_LAYOUTS)
def test_layout_for_a_later_moment_is_that_moments_only(task: str, moment: str, line: str) -> None:
    prompt = _prompt(task)
    output = _section(prompt, "output_format")
    assert moment in output  # the output names the moment the layout is for
    assert line not in output  # the layout is no shape of every turn ...
    assert line in _section(prompt, "instructions")  # ... but the rule for that moment, as written


# --- class 5: the brief's own reply for empty / not-the-job input -------------------------------------------------

_OWN_EMPTY_REPLIES = [
    "Wir sind eine Tierarztpraxis. Nachrichten sollen automatisch vorsortiert werden.\n\nGib für jede Nachricht NUR "
    'dieses JSON aus:\n{\n  "kategorie": "termin | rezept | notfall | sonstiges",\n'
    '  "tiername": "string oder null"\n}\n\n'
    'Regeln:\n- Werbung → "sonstiges".\n- Leere oder unlesbare Nachricht: {"kategorie": "sonstiges", '
    '"tiername": null}',
    "We sort incoming emails for our plumbing firm. For each email output ONLY this JSON:\n"
    '{"type": "quote | emergency | complaint | other", "postcode": "string or null"}\n\nRules:\n'
    '- burst pipe or no water -> "emergency"\n- empty or unreadable email -> {"type": "other", "postcode": null}',
    "Clasificamos los mensajes de nuestra academia. Para cada mensaje devuelve SOLO este JSON:\n"
    '{"tipo": "matricula | horario | pago | otro", "curso": "string o null"}\n\nReglas:\n'
    '- publicidad → "otro"\n- Mensaje vacío o ilegible: {"tipo": "otro", "curso": null}',
    "Nous trions les messages de notre agence immobilière. Pour chaque message, renvoie UNIQUEMENT ce JSON :\n"
    '{"type": "visite | location | achat | autre", "ville": "string ou null"}\n\nRègles :\n'
    '- publicité → "autre"\n- Message vide ou illisible : {"type": "autre", "ville": null}',
]


@pytest.mark.parametrize("task", _OWN_EMPTY_REPLIES)
def test_own_empty_input_reply_replaces_the_all_null_default(task: str) -> None:
    prompt = _prompt(task)
    assert "every field set to null" not in prompt


_FIELD_LINES = [
    "classify noise complaints coming into the council inbox. output ONE line per complaint, pipe separated, no "
    "header:\nSOURCE|URGENCY|ref\n\nSOURCE one of: MUSIC, DOG, CONSTRUCTION, ALARM, OTHER\nURGENCY one of: U1, U2, U3\n"
    "ref = the complaint ref if there is one, otherwise NOREF\n\n- alarm more than 1 hour = U1\n"
    "- not a noise complaint at all (bins, parking) -> OTHER|U3|ref",
    "sort the shop's support tickets. one line per ticket, nothing else:\nTEAM|PRIORITY|order\n\n"
    "TEAM one of: BILLING, DELIVERY, RETURNS, OTHER\nPRIORITY one of: P1, P2, P3\n"
    "order = the order number if given, otherwise NONE\n\n- damaged item = P1\n"
    "- spam or not a ticket at all -> OTHER|P3|NONE",
    "Ordne die Meldungen an den Hausmeisterdienst zu. Gib pro Meldung genau eine Zeile aus, sonst nichts:\n"
    "BEREICH|DRINGLICHKEIT|wohnung\n\nBEREICH eins von: HEIZUNG, WASSER, STROM, SONSTIGES\n"
    "DRINGLICHKEIT eins von: D1, D2, D3\nwohnung = die Wohnungsnummer, sonst KEINE\n\n- kein Wasser = D1",
]


@pytest.mark.parametrize("task", _FIELD_LINES)
def test_multi_field_line_gets_no_one_label_defaults(task: str) -> None:
    prompt = _prompt(task)
    line_shape = next(line for line in task.split("\n") if line.count("|") == 2 and " " not in line)
    assert line_shape in _section(prompt, "output_format")  # the brief's line is the reply, whatever the frame
    assert "Return exactly one label from the set." not in prompt
    assert 'If a request is out of scope: Return the label "' not in _section(prompt, "guardrails")


_CASE_LINES = [
    (
        "sort the shop's support tickets. one line per ticket, nothing else:\nTEAM|PRIORITY|ORDER\n\n"
        "TEAM one of: BILLING, DELIVERY, RETURNS, OTHER\nPRIORITY one of: P1, P2, P3\n\n"
        "- spam or not a ticket at all -> OTHER|P3|NONE",
        "OTHER, P3 or NONE",
    ),
    (
        "Ordne die Meldungen an den Hausmeisterdienst zu. Eine Zeile pro Meldung:\nBEREICH|STUFE|WOHNUNG\n\n"
        "BEREICH eins von: HEIZUNG, WASSER, STROM, SONSTIGES\nSTUFE eins von: D1, D2, D3\n\n"
        "- keine Meldung (Werbung, Grüße) → SONSTIGES|D3|KEINE",
        "SONSTIGES, D3 or KEINE",
    ),
    (
        "Clasifica las incidencias del gimnasio. Una línea por incidencia:\nZONA|PRIORIDAD|SOCIO\n\n"
        "ZONA una de: SALA, VESTUARIO, PISCINA, OTRO\nPRIORIDAD una de: P1, P2, P3\n\n"
        "- si no es una incidencia => OTRO|P3|NINGUNO",
        "OTRO, P3 or NINGUNO",
    ),
]


@pytest.mark.parametrize(("task", "values"), _CASE_LINES)
def test_a_case_line_after_an_arrow_is_no_label_set(task: str, values: str) -> None:
    assert values not in _prompt(task)
