"""An e-mail the assistant writes is its output, not an input slot: "A) a client update email … end the email body
with …" asks for no {{email}}; an e-mail thread it reads still gets one."""

from __future__ import annotations

from app.engine.brief import Brief
from app.engine.generate import generate


def test_an_update_email_to_write_is_no_input() -> None:
    task = (
        "From each foreman's transcript I need two things.\n\nA) a client update email. Start with Hi and the "
        "client's first name. Max 150 words.\n\nB) under the email a line with three dashes, then one log line."
    )
    result = generate(Brief(task=task, target="claude"))
    assert "{{email}}" not in result.prompt
    assert "email" not in [v.name for v in result.variables]


def test_an_email_thread_to_read_is_an_input() -> None:
    result = generate(Brief(task="Summarise each customer email thread in 3 bullets.", target="claude"))
    assert "email" in [v.name for v in result.variables]
