"""Review 61 (helper rev61): regressions in the engine commits 493b118..86a8795, each pinned on a brief a real user
would write. Every test fails at 86a8795; its comment says whether it passed at adc94b7."""

from __future__ import annotations

from tests.unit.engine.reading import claude_prompt, section

# --- labels.py `_ONE_OF` "un'etichetta tra / una etiqueta entre / ein Label aus / a label among" ---------------------


def test_italian_categoria_tra_the_catalogue_is_no_label_set() -> None:
    # "una categoria tra quelle del nostro catalogo" is prose (recommend a category, then three books), yet HEAD reads
    # the rest of the sentence as the labels and tells the model to reply with exactly one of them.
    # Passed at adc94b7 (no label set read from the sentence).
    prompt = claude_prompt(
        "Aiuti i clienti della nostra libreria a scegliere un libro. Quando un cliente chiede un consiglio, proponi "
        "una categoria tra quelle del nostro catalogo e poi tre titoli, con una frase ciascuno."
    )
    assert "Reply with exactly one of these labels" not in prompt
    assert "quelle del nostro catalogo, poi tre titoli" not in prompt


def test_german_kategorie_aus_dem_katalog_is_no_label_set() -> None:
    # "schlag eine Kategorie aus unserem Katalog vor": HEAD's labels are "unserem Katalog vor, dann drei Titel mit".
    # Passed at adc94b7.
    prompt = claude_prompt(
        "Du hilfst Kunden unserer Buchhandlung. Wenn jemand einen Rat möchte, schlag eine Kategorie aus unserem "
        "Katalog vor und dann drei Titel mit je einem Satz."
    )
    assert "Reply with exactly one of these labels" not in prompt
    assert "unserem Katalog vor, dann drei Titel mit" not in prompt


# --- compose/output.py `_FIRST_LINE_LABEL`: "first line … label" where the brief puts the label elsewhere ------------


def test_italian_first_line_is_the_guest_name_label_goes_at_the_end() -> None:
    # "prima riga: il nome dell'ospite, senza etichetta … in fondo un'etichetta tra …": the label closes the note;
    # HEAD opens the reply with it ("senza etichetta" is within 40 chars of "prima riga").
    # Passed at adc94b7.
    prompt = claude_prompt(
        "Smisti le email del nostro agriturismo. Per ogni email scrivi:\n"
        "1) prima riga: il nome dell'ospite, senza etichetta\n"
        "2) riga vuota, poi una bozza di risposta cordiale\n"
        "3) in fondo un'etichetta tra PRENOTAZIONE, RECLAMO, INFO"
    )
    assert "On the first line, exactly one label" not in prompt


def test_english_first_line_is_the_guest_name_label_goes_at_the_very_end() -> None:
    # "first line: the guest's name, no label there … at the very end, a label among …": HEAD says the opposite.
    # Passed at adc94b7.
    prompt = claude_prompt(
        "Triage emails for our B&B. For each email write:\n"
        "1) first line: the guest's name, no label there\n"
        "2) a blank line, then a short friendly draft reply\n"
        "3) at the very end, a label among BOOKING, COMPLAINT, INFO"
    )
    assert "On the first line, exactly one label" not in prompt


def test_german_label_at_the_end_is_not_moved_to_the_first_line() -> None:
    # "erste Zeile: der Name des Gastes, ohne Label … ganz am Ende ein Label aus …": adc94b7 rendered the closing
    # 'Label:' line; HEAD drops it and puts the label on the first line instead.
    # Passed at adc94b7.
    prompt = claude_prompt(
        "Sortiere die E-Mails unserer Pension. Für jede E-Mail schreibst du:\n"
        "1) erste Zeile: der Name des Gastes, ohne Label\n"
        "2) eine Leerzeile, dann einen freundlichen Antwortentwurf\n"
        "3) ganz am Ende ein Label aus BUCHUNG, BESCHWERDE, INFO"
    )
    assert "On the first line, exactly one label" not in prompt
    assert 'End with one line that starts with "Label:"' in prompt


# --- orderings.py `_TOOL_BEFORE_TOOL`: two identifiers joined by before/vor are an ordering of tool calls -------------


def test_csv_column_order_is_not_a_tool_call_order() -> None:
    # "invoice_no before invoice_date in every row" orders CSV columns in a data-extraction brief with no tools;
    # HEAD renders "Call invoice_no before you call invoice_date." and loses "then supplier name and total".
    # Passed at adc94b7 (the brief's sentence was kept as the rule).
    prompt = claude_prompt(
        "Extract invoice data from the PDFs our suppliers send into CSV rows. invoice_no before invoice_date in every "
        "row, then supplier name and total."
    )
    assert "Call invoice_no" not in prompt
    assert "supplier name and total" in section(prompt, "instructions")


def test_german_csv_column_order_is_not_a_tool_call_order() -> None:
    # "kunden_nr vor auftrags_nr in jeder Zeile": column order (German), read by HEAD as two tools to call.
    # Passed at adc94b7.
    prompt = claude_prompt(
        "Du extrahierst Daten aus Lieferscheinen als CSV. kunden_nr vor auftrags_nr in jeder Zeile, danach Datum und "
        "Betrag."
    )
    assert "Call kunden_nr" not in prompt


def test_iphone_vor_ipad_is_a_priority_not_tool_calls() -> None:
    # The camelCase tool pattern matches product names: "iPhone vor iPad: Reparaturen für iPhones haben Vorrang"
    # becomes "Call iPhone before you call iPad." for a phone repair shop's support bot.
    # Passed at adc94b7.
    prompt = claude_prompt(
        "Du bist der Chatbot unserer Handy-Werkstatt. iPhone vor iPad: Reparaturen für iPhones haben Vorrang, iPads "
        "dauern 3 Tage."
    )
    assert "Call iPhone" not in prompt


# --- compose/identity.py `_NAME_IS_THE`: "X is the … guide/coach" names a person, not the bot ------------------------


def test_named_tour_guide_is_a_person_not_the_assistant() -> None:
    # "Marta is our tour guide in Seville; a helper for tourists booking her walking tours": the helper books Marta's
    # tours; HEAD makes the model BE Marta ("You are Marta, the tour guide …").
    # Passed at adc94b7 (a poor but not impersonating role).
    prompt = claude_prompt("Marta is our tour guide in Seville; a helper for tourists booking her walking tours.")
    assert "You are Marta" not in prompt


def test_named_running_coach_is_a_person_not_the_assistant() -> None:
    # "Laura is the running coach at our gym; she needs something to draft weekly training plans": Laura is the
    # requester; HEAD's role is "You are Laura, the running coach at the gym; she needs something …".
    # Passed at adc94b7.
    prompt = claude_prompt(
        "Laura is the running coach at our gym; she needs something to draft weekly training plans for members."
    )
    assert "You are Laura" not in prompt


# --- brief.py `_NAMED_SELLER`: two capitalised words + offers/sells name a business -----------------------------------


def test_person_with_two_names_who_offers_classes_is_no_business_name() -> None:
    # "María López offers yoga classes in Valencia": a person's full name; HEAD scopes the bot to "questions about
    # María López" (out-of-scope line) and makes it her "customer support agent for María López".
    # Passed at adc94b7.
    prompt = claude_prompt(
        "María López offers yoga classes in Valencia; answer questions from students about schedules and prices, in "
        "Spanish."
    )
    assert "questions about María López" not in prompt
