"""Hard-wrapped briefs: text pasted from an email or an editor that breaks lines mid-sentence ("sort it into URGENT,
TODAY or\\nROUTINE"). Such a line break is a space: every reader downstream treats a line break as the end of an item
(label blocks, outlines, bullet lists), so a wrapped sentence would lose its tail.

A break is a wrap only when the line before it is long and does not end a sentence, it stops mid-phrase (on a comma or
a joining word) or the next line goes on in lowercase, and the next line neither starts an item (a bullet, a number,
a heading) nor is empty. The replacement keeps every offset, so
constraint spans still point at the brief as written.
"""

from __future__ import annotations

import re

from app.engine.constraints.sections import layout_block
from app.engine.line_ends import ends_rule, longest_prose_line
from app.engine.tool_text import PARAMETERS_ON_LINE

_MIN_WRAPPED_LINE = 50
# The line stops mid-phrase: on a comma, or on a word that cannot end a sentence.
_OPEN_END = re.compile(
    r"(?:,|\b(?:and|or|but|nor|the|a|an|to|of|with|for|in|on|at|by|from|into|about|that|which|who|is|are|was|be|"
    r"if|when|than|as|its|their|your|our|my|this|these|those|y|o|e|und|oder|et|ou|de|del|la|le|les|el|los|das|der|"
    r"die|den|dem|zu|mit|für|von|im|que|para|por|con|en|di|il|het|een|van|voor|met))[ \t]*$",
    re.IGNORECASE,
)
# Before a capitalised line only a word that cannot end a sentence joins it ("TODAY or\nROUTINE"); "what they are used
# for\nNever discuss …" ends one rule and starts the next.
_JOINING_END = re.compile(
    r"(?:,|\b(?:and|or|but|nor|the|a|an|of|to|with|from|into|their|your|our|my|its|these|those|y|o|e|und|oder|et|"
    r"ou|de|del|la|le|les|el|los|das|der|die|den|dem|zu|mit|für|von|que|para|por|con|di|il|het|een|van|voor|met))"
    r"[ \t]*$",
    re.IGNORECASE,
)
NEXT_PART = r"then\s+(?:(?:one|a|an|the)\s+(?:final|last|closing|separate|extra)\b|(?:end|finish|close)\s+with\b)"
"""A line opening "then one final line: …", "then end with …": the reply's next part, not the tail of the line
before."""
# A line that opens with an order or a subject starts an item of its own, typed in lower case or not ("never promise
# a date …\nalways offer a refund …\nask for the order number …").
_CLAUSE_START = re.compile(
    r"^[ \t]*(?:always|never|only|please|don'?t|do|no|avoid|ask|tell|say|use|keep|be|make|give|offer|send|check|"
    r"reply|answer|write|include|mention|add|put|try|let|if|when|i|we|you|they|it|he|she)\b|"
    rf"^[ \t]*{NEXT_PART}|"
    # "output the label ONLY": an instruction line, when the verb governs an object (not "a free\nreturn label")
    r"^[ \t]*(?:output|return|print|classify|tag|format|list|summari[sz]e|translate|extract|respond)\s+"
    r"(?:the|a|an|only|one|each|every|it|them|json|just)\b",
    re.IGNORECASE,
)
_CLOSED_END = re.compile(r"[.!?:;。！？：]['\"”’)]*[ \t]*$")
# The next line goes on with the sentence: it starts with a lowercase word ("words. ROUTINE = …").
_CONTINUES = re.compile(r"^[a-zà-ÿ]")
# A tool signature opens a line of its own ("create_ticket(category, priority) - …" under "Tools:"), and so does a
# quoted key of a pasted JSON object ('  "roof_type": "tile" | "slate",': the comma that ends a JSON line is no wrap).
_ITEM_START = re.compile(
    r"^[ \t]*(?:[-*•#>|]|\d{1,2}[.)]\s|[A-Z][A-Z0-9 _&/-]{1,30}\s*(?:[:：]|\s[-–—]\s)|【|[A-Za-z_][\w.]*\([^()\n]*\)|"
    r"[\"'][^\"'\n]{1,60}[\"'][ \t]*:)"
)


# A field name on its own line, with an aside at most ("exudate (none/low/moderate/high)", "size_cm"): a list item.
_FIELD_LINE = re.compile(r"^[ \t]*`?[A-Za-z_]\w*`?(?:[ \t]*\([^()\n]*\))?[ \t]*$")
_IDENTIFIER_START = re.compile(r"^[ \t]*`?[a-z][a-z0-9]*(?:_[a-z0-9]+)+`?(?:[ \t]*(?:\(|[:–—-])|[ \t]*$)")
# "complaint - no draft, just put REPLY: FLAG for Jo", "refunds: never promise one": a line that opens with one word
# and a dash or colon names a case and its action, a rule of its own after a line that ends a phrase, however long
# that line is. (Not "this:" or "below:", which point on to what follows.)
_CASE_HEAD = re.compile(
    r"^[ \t]*(?!(?:this|that|these|those|it|here|there|below|above|following|then|so|and|or|but)\b)"
    r"[a-zà-ÿ][\w-]{2,30}(?:[ \t]+[-–—]|[ \t]*:)[ \t]+\S"
)

# "dachtyp: steildach, flachdach oder unbekannt\ndringend: true wenn …": lines that each open with a lowercase key and a
# colon are one key's rule each, never one wrapped sentence.
# ("categoria una de: matricula, …\noposicion una de: policia_nacional, …": a few words may stand before the colon)
_KEY_COLON_LINE = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?`?[a-zà-ÿ][\w-]*`?(?:[ \t]+[a-zà-ÿ]+){0,3}[ \t]*[:=][ \t]")


def _names_key(previous: str, line: str) -> bool:
    """Whether the key a "key: …" line opens with is listed on the line before ("Keys: flat, issue, summary")."""
    key = re.match(r"[ \t]*(?:[-*•][ \t]*)?`?([\w-]+)", line)
    return key is not None and re.search(rf"(?<![\w-]){re.escape(key.group(1))}(?![\w-])", previous) is not None


# A line of code commentary ("# Returns open times", "// Books the slot", "/** Finds …", " * @param day"): the
# declaration on the next line is no tail of it.
_COMMENT_LINE = re.compile(r"^[ \t]*(?:#|//|/\*|\*[ \t/]|\*$)|(?<!:)//[^\n]*$")
# A line that is one signature whole ("- TICKETING.JOURNEYS(journey_id, fare_type)", "book(slot_id)"): an item of a
# list of tables or tools, complete in itself; the line after it starts something new.
_SIGNATURE_LINE = re.compile(rf"^[ \t]*(?:[-*•][ \t]*)?`?[A-Za-z_][\w.]*`?\({PARAMETERS_ON_LINE}\)[ \t]*$")
# A line that declares a function ("function startReturn(…", "async def renew(…") starts a line of code of its own.
_DECLARATION_LINE = re.compile(r"^[ \t]*(?:export\s+)?(?:async\s+)?(?:def|function|func|fn)\s+\w+\s*\(")


def opens_case(previous: str, line: str) -> bool:
    """Whether `line` opens with a case head ("complaint - …", "refunds: …") after a `previous` line that ends a
    phrase: a rule of its own, never the tail of the line before."""
    return _CASE_HEAD.match(line) is not None and _OPEN_END.search(previous) is None


def unwrap(text: str) -> str:
    """The text with line breaks that only wrap a sentence replaced by spaces (same length, same offsets)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    # "layout, exactly this:\n…": the reply's own lines, each kept as the brief breaks them
    layout = layout_block(text)
    longest = longest_prose_line(text)
    out = [lines[0]]
    position = len(lines[0]) + 1
    fenced = lines[0].lstrip().startswith("```")
    for line in lines[1:]:
        previous = out[-1].rsplit("\n", 1)[-1]
        in_layout = layout is not None and layout.start <= position < layout.end
        position += len(line) + 1
        in_code = fenced or line.lstrip().startswith("```")  # a fenced block's lines are code, each its own
        fenced = fenced != line.lstrip().startswith("```")
        wrapped = (
            not in_layout
            and not in_code
            and _COMMENT_LINE.search(previous) is None
            and _DECLARATION_LINE.match(line) is None
            and len(previous) >= _MIN_WRAPPED_LINE
            and (
                _JOINING_END.search(previous) is not None
                or (_OPEN_END.search(previous) is not None and _CONTINUES.match(line) is not None)
                or (
                    _CONTINUES.match(line) is not None
                    and _CLAUSE_START.match(line) is None
                    and not ends_rule(previous, line, longest)  # a brief typed one rule a line
                )
            )
            and _CLOSED_END.search(previous) is None
            and line.strip() != ""
            and _ITEM_START.match(line) is None
            and _SIGNATURE_LINE.match(previous) is None
            and _IDENTIFIER_START.match(line) is None
            and not opens_case(previous, line)
            and not (_FIELD_LINE.match(previous) and _FIELD_LINE.match(line))
            and not (_KEY_COLON_LINE.match(line) and (_KEY_COLON_LINE.match(previous) or _names_key(previous, line)))
        )
        if wrapped:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)
