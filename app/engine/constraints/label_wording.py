"""The prompt's sentences for label sets: the whole reply, one part of it, a tag set, or a list field."""

from __future__ import annotations


def _listed(values: list[str]) -> str:
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} or {values[-1]}"


def describe_list_field(field: str, values: list[str], empty: bool, most: int | None = None) -> str:
    """The sentence for a field that holds any number of values from a closed set ("flags": []); `field` may join
    several keys with " and " ("elogios and queixas")."""
    tail = "; use an empty list [] when none apply" if empty else ""
    each = " each" if " and " in field else ""
    tail = f"; at most {most} {'in each list' if each else 'of them'}{tail}" if most is not None else tail
    named = " and ".join(f"`{key}`" for key in field.split(" and "))
    return f"Set {named}{each} to a list of the values that apply, each one of: {', '.join(values)}{tail}."


def describe_scoped_labels(
    values: list[str], multi: bool, topic: str | None, prefix: str | None = None, last: bool = True
) -> str:
    """The sentence for a label set that is one part of the reply (a summary plus a label), not the whole reply;
    `last` when the label's line closes the reply (not "URGENZA: …" between a summary line and a draft line)."""
    if prefix:
        amount = "one or more" if multi else "exactly one"
        if not last:
            return f'On the "{prefix}:" line, give {amount} of: {_listed(values)}.'
        return f'End with one line "{prefix}: <label>", where <label> is {amount} of: {_listed(values)}.'
    noun = f"{topic} label" if topic else "label"
    if multi:
        return f"Assign one or more {noun}s: {_listed(values)}."
    return f"Assign exactly one {noun}: {_listed(values)}."


def with_notes(values: list[str], text: str) -> list[str]:
    """Each value with the aside the brief writes after it ("P2 (fix within 48h)", "invoice_date (YYYY-MM-DD)"), so
    the prompt keeps what the brief says each one means."""
    if "(" not in text:
        return values
    shown: list[str] = []
    for value in values:
        at = text.find(value)
        rest = text[at + len(value) :].lstrip() if at >= 0 else ""
        close = rest.find(")")
        note = rest[1:close].strip() if rest.startswith("(") and 0 < close <= 81 and "(" not in rest[1:close] else ""
        shown.append(f"{value} ({note})" if note else value)
    return shown


TAG_SET_LEAD = "Start each item with exactly one of these tags:"


def describe_labels(values: list[str], multi: bool, text: str = "") -> str:
    """The imperative sentence for a label set; `text` is where the brief lists it (for the asides it writes)."""
    if text.startswith("[") and not multi and all(f"[{value}]" in text for value in values):
        # "prefix each finding with [BLOCKER], [MAJOR] or [NIT]": tags each item carries, written as the brief does
        return f"{TAG_SET_LEAD} {', '.join(f'[{value}]' for value in values)}."
    listed = ", ".join(with_notes(values, text) if text else values)
    if multi:
        return f"Assign one or more of these labels: {listed}."
    return f"Reply with exactly one of these labels: {listed}."
