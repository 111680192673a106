"""The task's other sentences: facts for the context and rules in the brief's words, lists kept whole."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.compose.blocks import fixed_block
from app.engine.compose.code_debris import without_code
from app.engine.compose.foreign_details import introduces_layout
from app.engine.compose.job import CONTENT_WORD, GREETING_ONLY, META_ONLY
from app.engine.compose.rule_lines import ANAPHORIC_CASE, instructs, points_to_list, rule_line
from app.engine.compose.rule_lists import (
    HEADING,
    MARKDOWN_HEADING,
    leads_numbered_list,
    whole_rule_items,
    with_item_lists,
)
from app.engine.compose.sentences import TOOL_LINE, is_item, split_sentences
from app.engine.compose.untouched_parts import FILLER_WORDS, untouched_parts
from app.engine.constraints import Constraint
from app.engine.constraints.antecedents import CONTINUES_RULE
from app.engine.constraints.case_tails import opens_case_tail
from app.engine.constraints.clauses import fixed_reply
from app.engine.constraints.fallbacks import QUOTED_SCOPE
from app.engine.constraints.listed_cases import condition_words
from app.engine.constraints.sections import NumberedLines
from app.engine.phrasing import assistant_sentence_as_order


def _after_literal(task: str, start: int, end: int, constraints: Sequence[Constraint]) -> str | None:
    """The words on the lines after a JSON literal that ends inside the sentence [start, end), if any."""
    ends = [
        c.span.end
        for c in constraints
        if c.kind == "schema" and c.span is not None and c.span.field == "task" and start <= c.span.end < end
    ]
    if not ends:
        return None
    tail = " ".join(task[max(ends) : end].split()).lstrip(" .,;:")
    if len(tail.split()) < _TAIL_WORDS or _JOINED_TAIL.match(tail) or not _STATES_A_RULE.search(tail):
        return None  # ('{…} and nothing else': the same sentence goes on; "pass is true when …": a rule)
    return tail


_TAIL_WORDS = 3


_JOINED_TAIL = re.compile(r"(?:and|or|but|nothing|only|no|without|with|instead|then)\b", re.IGNORECASE)


_STATES_A_RULE = re.compile(r"\b(?:is|are|must|should|when|whenever|if|unless|always|never)\b", re.IGNORECASE)


# "if days_past_due is over 30 the gate code is locked.": a case stated as a fact, with no order of its own
_CASE_AS_FACT = re.compile(
    r"(?:if|when|whenever|once)\b[^,;:\n]*\b(?:is|are|was|were|has|have)\b[^,;:\n]*[.!]?", re.IGNORECASE
)


_ORDER_WORD = re.compile(
    r"\b(?:tell|say|give|call|write|reply|respond|ask|use|send|offer|suggest|refer|point|classify|keep|stop|mark|put|set|"
    r"return|answer|still|label|flag|escalate|must|should)\b",
    re.IGNORECASE,
)


def task_details(
    task: str, constraints: Sequence[Constraint], head: int = 0, layout: NumberedLines | None = None
) -> tuple[str, ...]:
    """The task's sentences other than the job sentence (`head`) that constraints do not mostly carry, whole, in the
    brief's words."""
    covered = [False] * len(task)
    tool_names = {c.name for c in constraints if c.kind == "tool" and c.name}
    # A contact inside a quoted sentence the reply carries whole ('Always end with: "…, call 999."') is said by
    # that sentence alone: it covers none of it.
    constraints = [c for c in constraints if not (c.kind == "fallback" and c.scope == QUOTED_SCOPE)]
    for c in constraints:
        if c.span is not None and c.span.field == "task":
            for i in range(max(0, c.span.start), min(len(task), c.span.end)):
                covered[i] = True
            if c.kind == "fallback" and (case := condition_words(task, c.condition, c.span.start)) is not None:
                covered[case[0] : case[1]] = [True] * (case[1] - case[0])  # the case the route's rule names
    details: list[tuple[int, str]] = []
    sentences = split_sentences(task)
    joined_next: set[int] = set()
    whole_items = dict(whole_rule_items(task, sentences, constraints, covered))
    for index, (start, end) in enumerate(sentences):
        if index == head and not leads_numbered_list(task, sentences, index):
            continue
        if index in joined_next:
            continue
        if index in whole_items:
            # "Rules, in priority order:\n1. verifyPolicyholder before anything else. Two failed attempts: stop …":
            # each item of the brief's rule list is one rule, whole and in its place
            last = whole_items[index]
            details.append((index, " ".join(task[start : sentences[last][1]].split())))
            joined_next.update(range(index + 1, last + 1))
            continue
        text = task[start:end]
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        if (
            following is not None
            and _CASE_AS_FACT.fullmatch(text.strip())
            and not _ORDER_WORD.search(text)
            and "\n" not in task[end : following[0]]
            and instructs(task[following[0] : following[1]])
        ):
            # "if days_past_due is over 30 the gate code is locked. do NOT call reset_gate_code, call escalate …":
            # the case, then what to do in it: one rule, or the order would hold in every case
            details.append((index, " ".join(task[start : following[1]].split())))
            joined_next.add(index + 1)
            continue
        if introduces_layout(task, start, end, layout):
            continue  # "output exactly this, nothing before or after:": the output format prints the layout
        if GREETING_ONLY.match(text) or MARKDOWN_HEADING.match(text) or META_ONLY.fullmatch(text):
            continue  # "## Rules" introduces what follows, "new prompt pls." asks for this prompt: neither says more
        text = re.sub(r"\s*```[\w+-]*\s*$", "", text)  # "Tools (TypeScript signatures): ```ts": the fence goes
        if tool_names and (prose := without_code(text)) != text:
            # "message PageRequest { string reason = 1; … }": the tools section states what pasted code defines
            if not prose:
                continue
            text, end = prose, start + len(prose)
        if not text.strip(" .:"):
            continue
        listed = index + 1 < len(sentences) and is_item(task, sentences[index + 1][0])
        if HEADING.fullmatch(text.strip()) and not listed:
            continue  # "Spec:" introduces what follows; it says nothing itself (a list after it may join it)
        if TOOL_LINE.match(text) and any(text.lstrip(" \t-*•`").startswith(f"{name}(") for name in tool_names):
            continue  # "check_booking(…) -> booking_id, room": the tools section states the tool and what it returns
        if (
            index > 0
            and (
                ANAPHORIC_CASE.match(text)
                or CONTINUES_RULE.match(text)  # "… 25 miles. Further than that -> leave_message": the rule goes on
                or opens_case_tail(text)  # '… reply only: "…" Nothing else.': the case's reply goes on
                or points_to_list(text, task[sentences[index - 1][0] : sentences[index - 1][1]])
            )
            and "\n" not in task[sentences[index - 1][1] : start]
        ):
            # "A VIN is 17 characters. If the note has anything else, set vin to null.": the case refers back
            joined = " ".join(task[sentences[index - 1][0] : end].split())
            if details and details[-1][0] == index - 1:
                details[-1] = (index - 1, joined)
            else:
                details.append((index, joined))
            continue
        block = fixed_block(task, start, end)
        if block is not None:
            if block.absorbs_intro and details and details[-1][0] == index - 1:
                details.pop()  # the sentence that introduces the lines leads the block's rule
            details.append((index, block.text))  # the layout whole, whatever limits its slots carry ("(one sentence)")
            after = task[block.end : end]
            if not after.strip(" .\n"):
                continue
            start = block.end + len(after) - len(after.lstrip())  # the rules after the lines are read as usual
            text = task[start:end]
        if not any(covered[i] for i in range(start, end)) and text.strip():
            details.append((index, " ".join(text.split())))
            continue
        fixed = fixed_reply(text) or _said_quotation(text)
        if fixed is not None and not any(" ".join(fixed.split()) in c.text for c in constraints):
            # "If the dog collapsed, say: This could be an emergency. Please call …": the words to give are the
            # rule, whole; a route restated from the same sentence ("tell the user to call …") would lose them
            details.append((index, " ".join(text.split())))
            continue
        tail = _after_literal(task, start, end, constraints)
        if tail is not None:
            # "…: {"appearance": 0, …, "pass": false}\npass is true when total is 12 or more.": the line after a JSON
            # shape is a rule of its own, whatever the shape's constraints carry
            details.append((index, tail))
        visible = [i for i in range(start, end) if not task[i].isspace()]
        if tail is not None or (len(visible) >= 200 and sum(covered[i] for i in visible) * 5 >= len(visible) * 4):
            # "Return JSON exactly in this shape, no extra keys: { …a schema… }": the constraints carry four fifths of
            # a long sentence (the schema itself), so repeating it whole would print the schema twice.
            continue
        said = " ".join(
            c.text.lower()
            for c in constraints
            if c.span is not None and c.span.field == "task" and start <= c.span.start < end and not _scripted(c)
        )
        words = [w.strip(".'") for w in CONTENT_WORD.findall(text.lower()) if len(w.strip(".'")) > 3]
        routes = [
            c for c in constraints
            if c.kind == "fallback" and c.condition and c.span is not None and c.span.field == "task"
            and start <= c.span.start < end
        ]  # fmt: skip
        mixed = any(c.action not in ("email", "phone", "url") for c in routes)  # contacts alone merge into one line
        if len(routes) >= 2 and len({c.condition for c in routes}) == 1 and mixed:
            # "… step out of the role and tell them to contact a doctor, or call 999 if the pain is happening now":
            # two routes for one case, each restated apart, lose what the sentence says around and between them.
            details.append((index, " ".join(text.split())))
            continue
        if not words or (said and sum(w in said for w in words) * 5 >= len(words) * 3):
            # The constraints restate (nearly) all of the sentence, but a comma-separated part none of them
            # touches is content of its own ("rounds of 10 questions, 4 options A-D each, dont give …").
            untouched = untouched_parts(text, start, covered)
            # (a part of a fixed reply a rule carries whole would cut its words: "say: I can't give financial advice"
            # without its ", but …")
            if untouched and fixed is None:
                details.append((index, untouched))
            continue
        rest = [m.group(0).lower() for m in CONTENT_WORD.finditer(text) if not covered[start + m.start()]]
        if all(word.strip(".,;:!?'") in FILLER_WORDS for word in rest):
            continue  # the constraints' spans hold all of it but filler ("Output just the label, nothing else.")
        details.append((index, " ".join(text.split())))
    # "… our chat bot (call it Fern). It answers questions about plants": the job, said of the assistant (what it
    # is, "It chats with them in Teams", stays background)
    details = [(i, _as_order(task[: sentences[i][0]], text)) for i, text in details]
    return with_item_lists(task, sentences, _examples_whole(task, sentences, details), english=True)


# "example:\nmember: can i go …\nyou: I can offer … Shall I book it?": a heading line that opens an example
_EXAMPLE_HEADING = re.compile(
    r"^[ \t]*(?:an?\s+|one\s+)?(?:good\s+|bad\s+)?(?:example|sample)(?:\s+(?:reply|answer|chat|conversation|exchange|"
    r"dialogue))?[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)


def _examples_whole(
    task: str, sentences: Sequence[tuple[int, int]], details: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """The details with an example's later sentences joined to its first one: an example's last line ("Shall I book
    it?") is example text, never a rule of its own."""
    heads = [m.start() for m in _EXAMPLE_HEADING.finditer(task)]
    if not heads:
        return details
    out: list[tuple[int, str]] = []
    opened: int | None = None  # the example heading the last detail belongs to
    for index, text in details:
        start = sentences[index][0]
        head = max((h for h in heads if h <= start), default=None)
        inside = head is not None and "\n\n" not in task[head:start].rstrip() and not _starts_item(task, start)
        if inside and opened == head and out:
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
            continue
        out.append((index, text))
        opened = head if inside else None
    return out


def _starts_item(task: str, start: int) -> bool:
    """Whether a sentence opens a list item or a heading of its own (no longer the example)."""
    line = task[task.rfind("\n", 0, start) + 1 : start + 40]
    return bool(re.match(r"\s*(?:[-*•]|\d{1,2}[.)])\s", line)) or bool(re.match(r"\s*#", line))


# 'Never comment on their medication; say "Let's ask the nurse about that."': the words to give, quoted after a verb
_SAY_QUOTED = re.compile(
    r"\b(?:say|says|reply|respond|answer|tell\s+them|write)\s*[:：]?\s*[\"“](?P<quoted>[^\"”“\n]{3,300})[\"”]",
    re.IGNORECASE,
)


def _said_quotation(text: str) -> str | None:
    """The quoted words a sentence says to give ('say "Let's ask the nurse about that."'), if it quotes any."""
    quoted = _SAY_QUOTED.search(text)
    return quoted.group("quoted").strip() if quoted is not None else None


def _as_order(before: str, text: str) -> str:
    order = assistant_sentence_as_order(before, text)
    return order if order != text and rule_line(order) else text


def _scripted(constraint: Constraint) -> bool:
    """A reply of several sentences to say exactly: its fallback restates the words, not what the sentence does
    around them ("stop the check-in and reply with exactly: "…. …"", "don't open a claim; say "…. …" and stop")."""
    return (
        constraint.kind == "fallback"
        and constraint.action == "say"
        and bool(_INNER_STOP.search(constraint.value or ""))
    )


_INNER_STOP = re.compile(r"[.!?]\s+\S")


def restates_job(constraint: Constraint, job: tuple[int, int]) -> bool:
    """ "I want a chatbot that answers questions about prices (small £35, …)": a requirement read from the job
    sentence as a whole (for its amounts) says again what the role line says."""
    span = constraint.span
    if constraint.kind != "requirement" or span is None or span.field != "task" or job[1] <= job[0]:
        return False
    if _RULE_WORD.search(constraint.text):
        return False  # "faq bot …, answers only from the house rules doc": a rule inside the job sentence stays
    return job[0] <= span.start and span.end <= job[1] and (span.end - span.start) * 5 >= (job[1] - job[0]) * 4


_RULE_WORD = re.compile(r"\b(?:only|always|never|must|don'?t|do\s+not|no|not|unless|before|after|first)\b", re.I)


_INCLUDE_IN_TEXT = re.compile(
    r"\b(?:include|includes|including|mention|add|put|list|give|state|print|sign)\b[^.!?\n]{0,12}[:\s]", re.IGNORECASE
)


def in_text_fallback(constraint: Constraint, task: str) -> bool:
    """Whether a contact sits in a sentence that tells the text to include it ("Under "When to get help" always
    include: call 999 if …"): part of the text a writer produces, not a route for the requester."""
    span = constraint.span
    if constraint.kind != "fallback" or span is None or span.field != "task":
        return False
    start = max(task.rfind(mark, 0, span.start) for mark in (".\n", ". ", "\n", "! ", "? "))
    return _INCLUDE_IN_TEXT.search(task, max(0, start), span.start) is not None
