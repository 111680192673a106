"""A fixed text after "exactly:" runs to the end of its line, full stops included (round 30: r30-16 cut "Aprecie com
moderação. Venda proibida para menores de 18 anos." at its first full stop; r30-19 split «… regolamento. Scriva …»)."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate


def test_a_fixed_last_line_keeps_both_sentences() -> None:
    task = (
        "preciso de um prompt pra descrição de produto da loja online da Cervejaria Vale Verde.\nregras:\n"
        "- no máximo 60 palavras\n"
        "- última linha sempre exatamente: Beba com moderação. Proibido para menores de 18 anos."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "Beba com moderação. Proibido para menores de 18 anos." in prompt
    assert "\n3. Proibido para menores" not in prompt


def test_an_italian_fixed_reply_in_guillemets_stays_whole() -> None:
    task = (
        "Assistente per il regolamento della biblioteca.\n"
        "Se il regolamento non lo dice, rispondi esattamente: «Non lo trovo nel regolamento. Chiami lo 0583 442 170.»\n"
        "Rispondi in massimo 4 frasi."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "«Non lo trovo nel regolamento. Chiami lo 0583 442 170.»" in prompt


def test_a_quoted_exact_reply_ends_at_its_quote() -> None:
    task = (
        "Answer from the tenants' guide only.\n"
        "If the guide doesn't cover it, say exactly: \"The guide doesn't cover that.\" If they mention a deadline, "
        "tell them to call the office today.\nMax 5 sentences."
    )
    prompt = generate(Brief(task=task, target="claude")).prompt
    assert "at most 5 sentences" in prompt
