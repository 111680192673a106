"""Split a brief's text into sentences and list items, the units the plan reads it in."""

from __future__ import annotations

import re
from functools import lru_cache

from app.engine.constraints.abbreviations import is_abbreviation
from app.engine.constraints.clauses import between_slots, in_exact_line, points_back_next
from app.engine.constraints.found_rules import is_english
from app.engine.constraints.inline_items import cut_spans, item_cuts
from app.engine.constraints.inline_markers import inline_marker, is_ordinal
from app.engine.constraints.quotes import open_closer
from app.engine.constraints.street_dots import street_dot_ends_sentence
from app.engine.line_ends import arrow_case_goes_on, fixed_line_cuts
from app.engine.tool_text import PARAMETERS_ON_LINE
from app.engine.unwrap import NEXT_PART, opens_case

# Sentences typed in lower case ("... that kind of stuff. it should never ...") split too; abbreviations do not.
_SENTENCE = re.compile(
    # "… the item in. 2) Answer visitors' questions …": a numbered item opens a sentence too
    r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bvs\.)(?<!\bapprox\.)\s+(?=[A-Za-zÀ-ÿ\"“(¿¡«]|\d{1,2}\)\s)|"
    # 'responde so: "Vou te transferir para um atendente agora." suporte tecnico …': a quote's full stop ends it
    r"(?<=[.!?][\"”»“«])[ \t]+(?=[a-zà-ÿ])|"
    # 'say: "We only accept unused items." Keep answers short.': a closed quotation's full stop ends it too
    r"(?<=[.!?][\"”»“«'])[ \t]+(?=[A-ZÀ-Ý][a-zà-ÿ])|"
    # 'No findings: "Looks good to merge."\nAt most 6 findings.': a line that closes its quoted reply ends there
    r"(?<=[.!?][\"”»])[ \t]*\n[ \t]*(?=[A-ZÀ-Ý][a-zà-ÿ])|"
    # "It never sends anything. 24-hour times.": a number and a word open a sentence after a word's full stop
    r"(?<=[a-z]{3}[.!?])[ \t]+(?=\d{1,4}(?:-[A-Za-z]{2,}|\s+[A-Za-z]{2,}))|"
    # a blank line after a closed sentence or block ends its paragraph ('{… JSON …}\n\nurgente = true si …', "… (2)\n\n
    # No half marks."); after a colon or an open phrase the next paragraph belongs to it ("Return only this JSON:\n\n
    # {…}", "Always sign off with\n\nKind regards,")
    r"(?<![:：,])(?<!\bwith)(?<!\bto)(?<!\bas)(?<!\bby)(?<!\blike)(?<!\bthis)(?<!\bfollowing)[ \t]*\n[ \t]*\n\s*|"
    # a fence that closes a code block ends its sentence ("```\nAlways call find_booking first."): the rule after the
    # pasted code is one of its own (an opening fence leaves its block open: no split)
    r"(?<=```)[ \t]*\n\s*(?=\S)|"
    # and a fence that opens after a closed sentence starts one ("… for a hair salon.\n```python")
    r"(?<=[.!?])[ \t]*\n\s*(?=```)|"
    # a dash or bullet at the start of a line opens an item of a list, and so a sentence, whether or not the line
    # before ended with a full stop ("- never diagnose … that's for their GP\n- if someone mentions …")
    r"[ \t]*\n\s*(?=[-*•–][ \t]+\S|・[ \t]*\S|#{1,6}[ \t]+\S)|"
    # "… can't look like it\nthen one final line: "Source: …"": the reply's next part opens a sentence
    rf"[ \t]*\n\s*(?={NEXT_PART})|"
    # "… the very first line is: NEW DEPENDENCY: <artifact>\nif you find nothing: LGTM": a line that opens with a case
    r"(?<![,;:(\s])[ \t]*\n[ \t]*(?=(?i:if|when|whenever|unless|otherwise)\b)|"
    # "… errors ignored with _\ndont comment on formatting": a line that opens with an order of its own ends the one
    # before (not a phrase cut by the wrap: "… reply with\nnever more than …")
    r"(?<![,;:(\s])(?<!\bwith)(?<!\bto)(?<!\band)(?<!\bor)(?<!\bbut)(?<!\bthat)(?<!\bis)(?<!\bare)(?<!\bbe)"
    # ("never"/"always" often go on a wrapped sentence: "… so that customers\nnever have to scroll")
    r"[ \t]*\n[ \t]*(?=(?i:don['’]?t|do\s+not|avoid)\b)|"
    # "dachtyp: steildach, flachdach oder unbekannt\ndringend: true wenn …": a line that opens with a lowercase key
    # and its colon is that key's own rule (when the key is one of a list before it: see _listed_key)
    # ("oposicion una de: …": a few words may stand before the colon)
    # (and so is a line that names a case in one word, "complaint - no draft, just put …": see _case_line)
    r"(?P<key_line>(?<![,;:(\s])[ \t]*\n[ \t]*"
    r"(?=[a-zà-ÿ][\w-]*(?:[ \t]+[a-zà-ÿ]+){0,3}[ \t]*(?::|[-–—][ \t])[ \t]*\S))|"
    # a line template that ends on a slot ("L<line> <SEVERITY>: <problem>. Fix: <fix>\nSEVERITY is …") ends there
    # (not a layout's next line: "ILLEGAL QUESTIONS: <number>\nPROBES: <number>")
    r"(?<=[^\s<]>)[ \t]*\n[ \t]*(?=[^\s<])(?![^\n]*<[^<>\n]{1,40}>)(?![A-Z][\w /-]{1,30}:)|"
    # a line that ends on a code or label in capitals, then a capitalised word: the fixed reply ends its sentence
    # ("rispondi solo con: -- NON DISPONIBILE\nLa vendemmia va …")
    r"(?<=[A-Z]{2})[ \t]*\n[ \t]*(?=[A-ZÀ-Ý][a-zà-ÿ])"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of a text (a Japanese or Chinese one ends at 。！？ with no space after)."""
    # Cached: classifying and planning ask for the task's sentences about five times per brief (a copy each time).
    return list(_sentence_bounds(text))


def _wrapped_acronym(text: str, start: int, end: int) -> bool:
    """A line break after capitals that ends no sentence: a wrapped line ("guidance from NHS\nEngland on …"), as
    against a fixed reply after a colon ("rispondi solo con: -- NON DISPONIBILE\nLa vendemmia …")."""
    gap, after = text[start:end], text[end : end + 2]
    if gap.count("\n") != 1 or not re.fullmatch(r"[A-Z]{2}", text[start - 2 : start]):
        return False
    if not (len(after) == 2 and after[0].isupper() and after[1].islower()):
        return False
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return ":" not in line


def _listed_key(text: str, start: int) -> bool:
    """Whether the key a "key: …" line opens with is an item of a comma list before it ("Keys: flat, issue, …")."""
    key = re.match(r"[\w-]+", text[start:])
    if key is None:
        return False
    word = re.escape(key.group(0))
    # (or a key of a pasted JSON object: '{"categoria": "...", "oposicion": "..."}')
    listed = rf"(?:,\s*{word}|(?<![\w-]){word}\s*,)(?![\w-])|[{{,]\s*[\"']{word}[\"']\s*:"
    return re.search(listed, text[:start]) is not None


def _case_line(text: str, match: re.Match[str]) -> bool:
    """Whether the line after a break opens with a case head and a dash ("complaint - no draft, just put …") after a
    line that ends a phrase: the case is a rule of its own, however long the line before it. (A head with a colon is
    a key line: "name: book_room" in a pasted list stays with its item.)"""
    line_end = text.find("\n", match.end())
    previous = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
    line = text[match.end() : line_end if line_end >= 0 else len(text)]
    return re.match(r"[ \t]*\S+[ \t]+[-–—]", line) is not None and opens_case(previous, line)


@lru_cache(maxsize=256)
def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in (_CJK_SENTENCE if _CJK_END.search(text) else _SENTENCE).finditer(text):
        if (
            _inside_quote_or_brace(text[start : m.start()])
            or ("\n" not in m.group(0) and in_exact_line(text, m.start() - 1))
            or ("\n" not in m.group(0) and points_back_next(text, m.start() - 1, rule_view=True))
            or (
                _TITLE_BEFORE.search(text, max(0, m.start() - 6), m.start())
                and not street_dot_ends_sentence(text, m.start() - 1)
            )
            or (text[m.start() - 1 : m.start()] == "." and between_slots(text, m.start() - 1))
            or (text[m.start() - 1 : m.start()] == "." and is_abbreviation(text, m.start() - 1))
            # "der 5. und 6. Klasse": a German ordinal ends no sentence (not "in 1962. second person")
            or (
                text[m.start() - 1] == "."
                and re.search(r"(?<!\d)\d{1,2}$", text[max(0, m.start() - 4) : m.start() - 1]) is not None
                and not is_english(text)
                and is_ordinal(text, m.start() - 1)
            )
            or _wrapped_acronym(text, m.start(), m.end())
            or ("\n" not in m.group(0) and arrow_case_goes_on(text, m.start() - 1))  # "X -> do A. Do B."
            or (m.group("key_line") is not None and not _listed_key(text, m.end()) and not _case_line(text, m))
            or (
                text[m.start() - 1 : m.start()] in '"”»'
                and "\n" not in m.group(0)
                and text[m.end() : m.end() + 1].islower()
                and not _quoted_reply_ends(text, m.start(), m.end())
            )
        ):
            continue  # '{"ubicacion": "... o null"}', "Dr. Yilmaz & Dr. Brandt", "Dunmore Training Ltd. For …"
        marker = inline_marker(text, m.start() - 1) if text[m.start() - 1 : m.start()] == "." else None
        # "Spec: 1. Header row … 2. Dates as …": the number opens the next item; it ends no sentence of its own.
        bounds.append((start, marker if marker is not None else m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    items = [(s, e) for begin, end in bounds for s, e in _list_items(text, begin, end)]
    cuts = item_cuts(text)
    if cuts:  # "Rules: 1) never give prices 2) always offer …": each item is a sentence of its own, without its marker
        items = [piece for begin, end in items for piece in cut_spans(text, begin, end, cuts)]
    items = [(s, e) for begin, end in items for s, e in _tool_lines(text, begin, end) if text[s:e].strip()]
    items = [piece for begin, end in items for piece in fixed_line_cuts(text, begin, end)]  # "put X: Y\nnext rule"
    # A list item's sentence starts after its dash: "- max 90 words per reply" says "max 90 words per reply".
    items = [(_after_bullet(text, s, e), e) for s, e in items]
    # The list's last item ends at its line: "- Evaluation names one real source of error: 1\nReturn JSON only: …";
    # so does a markdown heading ("## Rules").
    pieces: list[tuple[int, int]] = []
    pending = list(reversed(items))
    while pending:
        s, e = pending.pop()
        listed = is_item(text, s) or text[s] == "#" or item_number(text, s) is not None
        split = _item_and_rest(text, s, e) if listed else [(s, e)]
        pieces.append(split[0])
        pending.extend(reversed(split[1:]))  # the rest may be a heading or an item again
    return pieces


def _quoted_reply_ends(text: str, close: int, following: int) -> bool:
    """Whether a lowercase word after a closed quotation starts a new sentence: the quotation is a reply given after
    a colon ('responde so: "Vou te transferir …." suporte tecnico …'), and no conjunction carries the sentence on
    ('say "…" and stop', '„Str." vs „Straße"')."""
    opener = max(text.rfind(mark, 0, close - 1) for mark in ('"', "“", "«"))
    if opener < 0 or not text[max(0, opener - 3) : opener].rstrip().endswith((":", "：")):
        return False
    return _CARRIES_ON.match(text, following) is None


_CARRIES_ON = re.compile(
    r"(?:and|or|but|then|vs|und|oder|aber|et|ou|mais|y|e|o|pero|mas|ma|en|of|if|unless|when|whenever|except|so|plus|"
    r"followed|because|while|until|once|after|before|as|si|cuando|wenn|falls|quand|se|quando|als)\b",
    re.IGNORECASE,
)

_LINE_AFTER_ITEM = re.compile(r"\n(?=[^\s\-*•–])")


def _item_and_rest(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A list item and the unindented lines after it, which are no longer part of the item."""
    cut = _LINE_AFTER_ITEM.search(text, start, end)
    line_start = start
    while cut is not None and _WRAPS_ON.search(text, line_start, cut.start()):
        # "2) If someone asks about\nbenefits, …": wrapped (each line is read once: linear)
        line_start = cut.end()
        cut = _LINE_AFTER_ITEM.search(text, cut.end(), end)
    if cut is None or _inside_quote_or_brace(text[start : cut.start()]):
        return [(start, end)]
    rest = cut.end()
    return [(start, cut.start()), (rest, end)] if text[rest:end].strip() else [(start, cut.start())]


_BULLET = re.compile(r"\s*[-*•–][ \t]+(?=\S)")


def _after_bullet(text: str, start: int, end: int) -> int:
    bullet = _BULLET.match(text, start, end)
    return bullet.end() if bullet is not None else start


# A line of a tool list: "check_booking(guest_name, arrival_date) -> booking_id, room".
TOOL_LINE = re.compile(rf"^[ \t]*(?:[-*•][ \t]*)?`?[A-Za-z_][\w.]*\({PARAMETERS_ON_LINE}\)", re.MULTILINE)


def _tool_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at the lines of a tool list it holds: each tool line is a sentence of its own, and so is the
    text after the list ("It can do:\ncheck_booking(…) -> …\nIt also answers house-rule questions.")."""
    if "(" not in text[start:end] or "\n" not in text[start:end]:
        return [(start, end)]
    lines = [m.start() for m in TOOL_LINE.finditer(text, start, end)]
    if not lines:
        return [(start, end)]
    cuts = [line for line in lines if line > start]
    # the line after each tool line starts a sentence too, also after a list item that opens with a tool
    after = [text.find("\n", line, end) for line in lines]
    points = sorted({*cuts, *(a + 1 for a in after if a != -1)})
    bounds, begin = [], start
    for point in points:
        if begin < point < end:
            bounds.append((begin, point))
            begin = point
    bounds.append((begin, end))
    return bounds


_TITLE_BEFORE = re.compile(
    r"(?<![\w.])(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Ltd|Inc|Co|Corp|Jr|Sr|ex|approx|Nr|No|Sra?|Mme|Hr|Fr|incl|e\.g|i\.e|esp|vs|cf)\.$"
)


# A fence opens or closes on its own line, or ends a line ("Tools (TypeScript): ```ts"); three backticks inside a
# sentence are a name for fences ("No ```json fences, no comment before or after") and open nothing.
_FENCE_MARK = re.compile(r"(?m)^[ \t]*```|```[\w+-]*[ \t]*$")


def _inside_quote_or_brace(text: str) -> bool:
    """Whether a sentence so far leaves a brace, bracket or straight double quote open: a sentence does not end
    inside a JSON example or a quotation."""
    if "```" in text and len(_FENCE_MARK.findall(text)) % 2 == 1:
        return True  # inside a fenced code block
    if open_closer(text) is not None:
        return True  # 「ただいま混み合っています。0120-… までお電話ください。」, „…“, 'Lo siento. …': one unit
    return text.count("{") > text.count("}") or text.count("[") > text.count("]")


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at the numbers of an inline list it holds ("… (24h) 4. sample_taken is yes or no 5. …")."""
    bounds = []
    for number in _ITEM_NUMBER.finditer(text, start, end):
        if inline_marker(text, number.end() - 1) is not None:
            bounds.append((start, number.start()))
            start = number.end()
    bounds.append((start, end))
    # "… want 2 things back:\n1) a digest …\n2) then a short para …": each numbered line is an item of its own
    return [(s, e) for begin, stop in bounds for s, e in _numbered_lines(text, begin, stop)]


def _numbered_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of a sentence around its numbered lines ("1) …"), each such line a piece up to its line end."""
    bounds = []
    for line in _NUMBERED_LINE.finditer(text, start, end):
        if line.start() < start:
            continue
        if line.start() > start:
            bounds.append((start, line.start() - 1))
        stop, line_start = text.find("\n", line.end(), end), line.end()
        # "2) If someone asks about\nbenefits, send …": one item, wrapped (each line is read once: linear)
        while stop >= 0 and _WRAPS_ON.search(text, line_start, stop) and not _NEXT_ITEM.match(text, stop + 1):
            stop, line_start = text.find("\n", stop + 1, end), stop + 1
        if stop < 0:
            start = line.end()
            break
        bounds.append((line.end(), stop))  # (after its number, as `item_number` reads it back)
        start = stop + 1
    bounds.append((start, end))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


_ITEM_NUMBER = re.compile(r"(?<=[\s:;])\d{1,2}\.(?=\s)")
# A line that stops on a word no phrase ends with ("… asks about"), so the item goes on on the next line.
_WRAPS_ON = re.compile(
    r"\b(?:about|of|to|the|a|an|and|or|for|with|in|on|at|from|by|that|if|when|than|into|your|their|our|is|are)[ \t]*$",
    re.IGNORECASE,
)
_NEXT_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-*•])[ \t]")
_NUMBERED_LINE = re.compile(r"(?<=\n)[ \t]*\d{1,2}\)[ \t]+(?=\S)")

_CJK_END = re.compile(r"[。！？]")
_CJK_SENTENCE = re.compile(r"(?<=[。！？])(?![」』）)”])\s*|" + _SENTENCE.pattern)


def is_item(task: str, start: int) -> bool:
    """Whether the sentence starting at `start` is an item of a dashed list (its line opens with the dash)."""
    line = task[task.rfind("\n", 0, start) + 1 : start]
    return _DASH.fullmatch(line) is not None


_DASH = re.compile(r"[ \t]*(?:[-*•–][ \t]+|・[ \t]*)")  # ("・出力は英訳だけ": a Japanese list dot)


def numbered_item(task: str, start: int) -> bool:
    """Whether the sentence starting at `start` opens its line with an item number ("2) What was the hardest …")."""
    if item_number(task, start) is not None:
        return True  # the sentence split left the item number before the sentence ("1. money handled as float")
    line = task[task.rfind("\n", 0, start) + 1 : start]
    return not line.strip() and _OPENING_NUMBER.match(task, start) is not None


_OPENING_NUMBER = re.compile(r"\d{1,2}[.)]\s")


def item_number(task: str, start: int) -> str | None:
    """The number of a numbered item the sentence split left before the sentence at `start` ("2)"), or None."""
    line = task[task.rfind("\n", 0, start) + 1 : start]
    match = _NUMBER_PREFIX.fullmatch(line)
    return f"{match.group('n')})" if match else None


_NUMBER_PREFIX = re.compile(r"[ \t]*(?P<n>\d{1,2})[.)][ \t]+")
