"""The label line of a label-and-draft job, in the brief's order: "label it billing, shipping or other, then draft a
reply" opens the reply with the label line; "draft a reply, then tag it" closes it with that line. Either way one
sentence says where the label goes and which labels it takes, not a loose "Assign exactly one label" beside it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.compose.label_draft import WRITES_REPLY
from app.engine.compose.label_line_first import key_line_first
from app.engine.constraints import Constraint

_CLOSING_LINE = re.compile(r'^End with one line that starts with "(?P<key>[^"]{1,30}):" followed by exactly one label')


# "Put the category on the last line", "the priority at the bottom", "Die Kategorie kommt ganz ans Ende", "reply
# first, then the category": the brief places the label after the reply, wherever it lists the labels
_LABEL_LAST = re.compile(
    r"\b(?:(?:on\s+)?the\s+(?:last|final)\s+line|at\s+the\s+(?:very\s+)?(?:end|bottom)|(?:reply|answer|draft)\s+first|"
    r"(?:ganz\s+)?(?:ans|am)\s+ende|in\s+die\s+letzte\s+zeile|al\s+final|en\s+la\s+[úu]ltima\s+l[íi]nea|"
    r"[àa]\s+la\s+fin|sur\s+la\s+derni[èe]re\s+ligne|alla\s+fine|nell['’]ultima\s+riga|no\s+final|"
    r"na\s+[úu]ltima\s+linha|aan\s+het\s+(?:einde|eind)|onderaan|op\s+de\s+laatste\s+regel)\b",
    re.IGNORECASE,
)


def placed_label_line(task: str, lines: list[str], labels: Sequence[Constraint], key: str) -> list[str]:
    """`lines` of the output format with the labeller's closing line placed in the brief's order and stated once."""
    closing = next((line for line in lines if _CLOSING_LINE.match(line)), None)
    reply = WRITES_REPLY.search(task)
    sets = [c for c in labels if c.values and (c.scope in (None, "label") or _topic(c))]
    first = closing is not None and key_line_first(task, key)
    if first and closing is not None and (reply is None or not sets):
        # "line 1 is either VERDICT: …", "in this shape:\nLABEL: …": the brief's layout opens with the label line
        said = {c.text for c in sets}  # (the closing line names the labels once)
        return [_CLOSING_LINE.sub(lambda m: m.group(0).replace("End with", "Start with", 1), closing)] + [
            line for line in lines if line is not closing and line not in said
        ]
    if closing is None or reply is None or not sets or not lines:
        return lines
    said = {c.text for c in sets}
    # where the brief lists the labels: before the reply it asks for ("label it …, then draft a reply"), or after it
    # ("3) ganz am Ende ein Label aus …")
    listed = [c.span.start for c in sets if c.span is not None and c.span.field == "task"]
    if not first and (not listed or min(listed) > reply.start() or _LABEL_LAST.search(task)):
        if len(sets) > 1 and all(_topic(c) for c in sets):
            # "draft a reply, and tag it with a sentiment (…) and a topic (…)": a closing line per named set
            named = ", then ".join(_slot(c, "Label") for c in sets)
            others = [line for line in lines if line is not closing and line not in said]
            return [*others, f"End with one line per label set, in this order: {named}."]
        return [line for line in lines if line not in said or len(sets) > 1]  # the closing line says it once
    kept = [line for line in lines if line is not closing and line not in said]
    if not kept or kept[0] is not lines[0]:
        return lines
    slots = [_slot(c, key if len(sets) == 1 else "Label") for c in sets]
    lowered = kept[0][:1].lower() + kept[0][1:]
    # ("The reply, ready to send: …" names the reply itself; "Plain prose: …" describes it)
    rest = lowered if lowered.startswith("the reply") else f"the reply. {kept[0]}"
    where = "On the first line" if len(slots) == 1 else "On the first lines, one each"
    return [f"{where}, {', then '.join(slots)}; then a blank line; then {rest}", *kept[1:]]


def _slot(labels: Constraint, key: str) -> str:
    """'"Priority: <label>", where <label> is exactly one of: urgent, normal, low' for one label set."""
    topic = _topic(labels)
    if key == "Label" and topic:
        key = topic[:1].upper() + topic[1:]  # "tag it with a priority (…)": the line says "Priority:"
    amount = "one or more" if labels.multi else "exactly one"
    return f'"{key}: <{amount} of: {", ".join(labels.values)}>"'


def _topic(labels: Constraint) -> str | None:
    scope = labels.scope or ""
    topic = scope.removesuffix(" label") if scope.endswith(" label") else ""
    # ("sentiment", "urgency level", "Stimmung": a named set's own name)
    return topic if re.fullmatch(r"[^\W\d_]{3,20}(?: [^\W\d_]{3,20})?", topic) else None
