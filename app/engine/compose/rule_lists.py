"""Lists in the brief and their headings: items joined into the one instruction their lead line gives, or kept as
rules of their own under a rules heading; the listed rules and those a heading ranks."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.engine.compose.rule_lines import instructs
from app.engine.compose.sentences import TOOL_LINE, is_item, item_number, numbered_item, split_sentences
from app.engine.constraints import Constraint
from app.engine.constraints.fallbacks import QUOTED_SCOPE
from app.engine.constraints.found_rules import is_english

# "表结构：", "Tablas:", "Datenmodell:": a heading alone on its line, over lines the prompt states in their own place
BARE_HEADING = re.compile(r"[^\W\d_][\w ,·-]{0,24}[:：]")


# "Spec:", "Format, no exceptions:": a line that introduces what follows
# "Rules, in priority order:", "Rules (most important first):": a heading that also ranks its items
_RANKED = (
    r"(?:,\s*|\s+|\s*\(\s*)(?:in\s+(?:priority\s+order|order\s+of\s+(?:priority|importance))|by\s+priority|"
    r"(?:most\s+important|(?:highest|top)\s+priority)\s+first)\s*\)?"
)


HEADING = re.compile(r"[\w -]{1,30}(?:,\s*no\s+exceptions?|\s*\((?:strict|important|must)\))?:")


def leads_numbered_list(task: str, sentences: list[tuple[int, int]], index: int) -> bool:
    """Whether a sentence introduces a sequence or the reply's parts and numbered lines follow it ("… want 2 things
    back:\n1) a digest …"): the job sentence then stays with them."""
    start, end = sentences[index]
    if not _SEQUENCE_LEAD.search(task[start:end].rstrip()) or index + 2 >= len(sentences):
        return False
    return all(item_number(task, sentences[i][0]) is not None for i in (index + 1, index + 2))


_RULE_KINDS = frozenset({"prohibition", "ordering", "requirement"})


def _rule_list_items(task: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(first, last, ranked) for each item of a list under a rules heading ("Rules, in priority order:", "How it
    should go:"): the sentences of the item's line (a second sentence on it continues the item: "1. verify first.
    Two failed attempts: stop …"), and whether the heading ranks the items."""
    items: list[tuple[int, int, bool]] = []
    for index, (start, end) in enumerate(sentences):
        # ("Ablauf:\n1." when the split leaves the first item's number on the heading's sentence)
        lead = re.sub(r"\n[ \t]*\d{1,2}[.)]$", "", task[start:end].strip()).rsplit("\n", 1)[-1].strip()
        if not lead.endswith((":", "：")) or RULES_HEADING.fullmatch(lead) is None:
            continue
        ranked = re.search(_RANKED + r"\s*[:：]$", lead, re.IGNORECASE) is not None
        first = index + 1
        while first < len(sentences) and opens_item(task, sentences[first][0]):
            last = first
            while (
                last + 1 < len(sentences)
                and not opens_item(task, sentences[last + 1][0])
                and "\n" not in task[sentences[last][0] : sentences[last + 1][0]].strip(" \t")
            ):
                last += 1
            items.append((first, last, ranked))
            first = last + 1
    return items


def opens_item(task: str, start: int) -> bool:
    """Whether the sentence at `start` opens an item of a dashed, dotted or numbered list."""
    # ("・12歳未満のお子さんは…": a sentence may start with its own list marker)
    if is_item(task, start) or numbered_item(task, start) or _MARKER_FIRST.match(task, start) is not None:
        return True
    # ("1." left on the sentence before: the item's line opens with its number)
    return _NUMBER_BEFORE.fullmatch(task[task.rfind("\n", 0, start) + 1 : start]) is not None


_MARKER_FIRST = re.compile(r"[ \t]*(?:[-*•–][ \t]+|・[ \t]*)")
_NUMBER_BEFORE = re.compile(r"[ \t]*\d{1,2}[.)][ \t]*")


def whole_rule_items(
    task: str, sentences: list[tuple[int, int]], constraints: Sequence[Constraint], covered: Sequence[bool]
) -> list[tuple[int, int]]:
    """The items of the brief's rule lists that stay whole rules: those with a rule of their own in them, or with a
    sentence no constraint reads (an item that only limits the reply, "5. Max 60 words.", is said by the output
    format)."""
    kept = []
    for first, last, _ in _rule_list_items(task, sentences):
        start, end = sentences[first][0], sentences[last][1]
        inside = [
            c for c in constraints
            if c.span is not None and c.span.field == "task" and start <= c.span.start < end
        ]  # fmt: skip
        bare = any(
            task[s:e].strip() and not any(covered[i] for i in range(s, e)) for s, e in sentences[first : last + 1]
        )
        if bare or any(c.kind in _RULE_KINDS for c in inside):
            kept.append((first, last))
    return kept


def listed_rules(task: str, constraints: Sequence[Constraint]) -> tuple[list[tuple[int, int]], list[str]]:
    """The [start, end) of each item kept whole from the brief's rule lists (see `task_details`), and the text of
    those whose heading ranks them ("in priority order")."""
    covered = [False] * len(task)
    for c in constraints:
        if c.span is not None and c.span.field == "task" and not (c.kind == "fallback" and c.scope == QUOTED_SCOPE):
            for i in range(max(0, c.span.start), min(len(task), c.span.end)):
                covered[i] = True
    sentences = split_sentences(task)
    ranked_items = {first for first, _, ranked in _rule_list_items(task, sentences) if ranked}
    spans, ranked = [], []
    for first, last in whole_rule_items(task, sentences, constraints, covered):
        spans.append((sentences[first][0], sentences[last][1]))
        if first in ranked_items:
            ranked.append(" ".join(task[sentences[first][0] : sentences[last][1]].split()))
    return spans, ranked


def with_item_lists(
    task: str, sentences: list[tuple[int, int]], details: list[tuple[int, str]], *, english: bool
) -> tuple[str, ...]:
    """The details, with a dashed list joined to the line that introduces it when its items are parts of one
    instruction or one piece of material: "Pour chaque fiche, rends exactement :" and "- un titre de 60 caractères
    maximum ;" …, or "Mark scheme (10 marks):" and "- identifies the correct point of isolation (1)" …. A list under
    a bare heading ("Regras:", "Rules:") whose items are rules of their own stays a rule per item, and the heading
    goes. Every item is kept in a joined list, also one a constraint states as a rule of its own."""
    joined: list[str] = []
    skip_to = -1
    for index, text in details:
        if index <= skip_to:
            continue
        lead = task[slice(*sentences[index])]
        if "\n   " in text:
            joined.append(text)  # a layout kept line by line leads no list
            continue
        if ":" not in lead.rstrip()[-1:] and ":\n" not in lead:
            # Only a line that ends in a colon introduces a list (see `_one_list`); not scanning the items after
            # every other line keeps a long run of numbered lines (pasted answer keys) linear.
            if HEADING.fullmatch(text) is None:
                joined.append(text)
            continue
        end = index + 1
        # "… waits for the answer each time:\n1) What's one thing …?\n2) …": numbered items of an English lead
        numbered = english and text.isascii() and is_english(text)
        negative = NEGATIVE_HEADING.fullmatch(lead.rstrip().rsplit("\n", 1)[-1].strip()) is not None  # "…\n\nDon't:"
        while (
            end < len(sentences)
            and (
                is_item(task, sentences[end][0])
                or (numbered and numbered_item(task, sentences[end][0]))
                # "Don't:\n- describe falls … residents. If the notes contain any of these, …": an item's second
                # sentence, which the ban's later items must not be cut from
                or (negative and end > index + 1 and "\n" not in task[sentences[end - 1][1] : sentences[end][0]])
            )
        ):
            end += 1
        # each item with the sentences that continue its line
        starts = [
            i
            for i in range(index + 1, end)
            if not negative or i == index + 1 or "\n" in task[sentences[i - 1][1] : sentences[i][0]]
        ]
        bounds = [(i, ([*starts, end])[n + 1] - 1) for n, i in enumerate(starts)]
        # (the last item's colon introduced a layout below: "… and print a scorecard:")
        items = [" ".join(task[sentences[i][0] : sentences[last][1]].split()).rstrip(".;:") for i, last in bounds]
        marks = [item_number(task, sentences[i][0]) for i in starts]
        if all(marks):
            # "What to look for, most important first:\n1. …\n2. …": the numbers are the order of importance
            items = [f"{mark} {item}" for mark, item in zip(marks, items, strict=True)]
        # ("Rules, in priority order:" heads rules of their own too)
        heading = HEADING.fullmatch(text) is not None or RULES_HEADING.fullmatch(text) is not None
        lead_end, first_item = sentences[index][1], sentences[index + 1][0] if index + 1 < len(sentences) else 0
        apart = _BLANK.search(task, lead_end, max(lead_end, first_item)) is not None
        # (the lead's last line introduces the list: "…Note:\n\nDon't:" after a layout)
        lead_line = lead.rstrip().rsplit("\n", 1)[-1]
        lead_line = lead_line if lead_line.rstrip().endswith((":", "：")) else lead
        if len(items) >= 2 and not apart and _one_list(lead_line, items, heading, english):
            glue = ": " if text.endswith(":") else "; "  # "… like this: Heel slides — 10 reps" then its steps
            end_mark = "" if items[-1].endswith(("?", "!", "？", "！")) else "."
            if negative and any(". " in i for i in items):
                # "Don't:" over items of several sentences: one per line, so no sentence reads outside the ban
                joined.append(f"{text.rstrip(':')}:\n" + "\n".join(f"   - {item}" for item in items))
            else:
                joined.append(f"{text.rstrip(':')}{glue}{'; '.join(items)}{end_mark}")
            skip_to = end - 1
        elif not heading:
            joined.append(text)
    return tuple(joined)


def _one_list(lead: str, items: list[str], heading: bool, english: bool) -> bool:
    """Whether a lead and its dashed items are one instruction or one piece of material, not a list of rules."""
    if ":" not in lead.rstrip()[-1:] and ":\n" not in lead:
        return False  # the items follow no colon: each is a sentence of its own
    if any(TOOL_LINE.match(item) for item in items):
        return False  # a tool list: the tools section states each tool
    if _SEQUENCE_LEAD.search(lead):
        return True  # "Ask ONE question per message, in this order:" and the questions: one instruction
    if NEGATIVE_HEADING.fullmatch(lead.strip()):
        return True  # "Do not:\n- use emojis": each item is forbidden, which it no longer says on its own
    if heading:
        if all(len(item.split()) <= 3 for item in items) and not any(instructs(item) for item in items):
            return True  # "What to check, in priority order:\n1. security\n2. correctness": one ranked list
        # "Rules:" lists rules, each a rule of its own; "Swimming pool:\n- open 7am-9pm" is about the pool
        return not RULES_HEADING.fullmatch(lead.strip())
    if english:
        return not any(instructs(item) for item in items)  # "Mark scheme (10 marks):" and its criteria
    return all(len(item.split()) <= 12 for item in items)  # "Pour chaque fiche, rends exactement :" and its parts


_BLANK = re.compile(r"\n[ \t]*\n")


_SEQUENCE_LEAD = re.compile(
    r"\b(?:in\s+(?:this|that|the\s+following)\s+order|in\s+order|one\s+(?:at\s+a\s+time|by\s+one)|"
    r"(?:these|the\s+following)\s+(?:questions|steps)|"
    # "… and want 2 things back:", "in three parts:": the parts of one reply
    r"(?:\d|two|three|four|five)\s+(?:things|parts|sections|pieces|outputs)(?:\s+[a-z]+){0,2})\s*[:：]\s*$",
    re.IGNORECASE,
)


MARKDOWN_HEADING = re.compile(r"\s*#{1,6}\s+\S[^\n]{0,80}$")


# A heading that lists the requester's rules: its items are rules, each of its own.
RULES_HEADING = re.compile(
    r"(?:(?:some|a\s+few|(?:the\s+)?main|key|hard|house|our|my|important|general|extra|other|more|strict|"
    r"ground|golden|basic|the|these)\s+)*"
    r"(?:rules?|guidelines?|instructions?|requirements?|constraints?|policies|policy|do'?s(?:\s+and\s+don'?ts)?|"
    r"behaviou?r|how\s+(?:it|this|the\s+(?:bot|chat|conversation|assistant))\s+(?:should|must)\s+(?:behave|work|act|go|run)|regras|reglas|normas|regeln|règles|consignes|regole|"
    # "Cómo debe funcionar:", "So soll es funktionieren:", "Comment il doit fonctionner :"
    r"c[óo]mo\s+(?:debe|tiene\s+que)\s+funcionar|como\s+deve\s+funcionar|so\s+soll\s+(?:es|er)\s+funktionieren|"
    r"wie\s+(?:es|er)\s+funktionieren\s+soll|comment\s+(?:il|ça|elle)\s+doit\s+fonctionner|come\s+deve\s+funzionare|"
    r"hoe\s+het\s+moet\s+werken|"
    # ("What to check, in priority order:" with its ranking; a bare "What to check:" joins its items)
    r"what\s+to\s+(?:check|look\s+(?:at|for)|review|watch\s+(?:for|out\s+for)|flag)(?=\s*[,(]\s*(?:in|by)\s)|"
    r"istruzioni|regels|instructies|richtlijnen|anweisungen|instrucciones|instruções|ルール|规则|要求|"
    # "Ablauf:", "Flow:", "手順：": the steps of the conversation, each item one rule like a rules heading's
    r"ablauf|vorgehen|vorgehensweise|(?:the\s+)?(?:flow|process|procedure)|procédure|procedimiento|procedimento|"
    r"werkwijze|手順|流れ|"
    r"format(?:ting)?(?:\s+rules)?|style)(?:,\s*no\s+exceptions?|"
    rf"{_RANKED})?\s*[:：]",
    re.IGNORECASE,
)


# A heading whose items are each forbidden: "Do not:", "Avoid:", "Things to avoid:", "Nunca:", "Niemals:"; searched
# for, it is the ban at the end of a longer heading ("A evitar:", "Da evitare:"), which is never a bare heading.
NEGATIVE_HEADING = re.compile(
    r"(?:\b(?:do\s+not|don'?t|never|avoid|things\s+to\s+avoid|don'?ts|not\s+allowed|forbidden|no\s+go|never\s+\w+|"
    r"nunca|no|jamás|evita(?:r)?|prohibido|nie(?:mals)?|nicht|vermeide\w*|verboten|jamais|ne\s+pas|à\s+éviter|"
    r"interdit|não|evite|proibido|mai|evitare|vietato|nooit|niet|vermijd|tab[uú])|禁止|避け|不要)\s*[:：]",
    re.IGNORECASE,
)


def continues_item(task: str, sentences: list[tuple[int, int]], index: int) -> bool:
    """Whether the sentence at `index` is a further sentence on a list item's line (the item's case goes on: "・12歳
    未満のお子さんは店頭測定不可。眼科の処方箋が必要と伝える")."""
    start, previous = sentences[index][0], sentences[index - 1]
    # (the sentence splitter may leave the line break inside the previous span: "- estado_pedido(numero)\n")
    previous_end = previous[0] + len(task[previous[0] : previous[1]].rstrip())
    if "\n" in task[previous_end:start] or opens_item(task, start):
        return False
    return opens_item(task, previous[0])
