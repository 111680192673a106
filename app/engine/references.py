"""Reference material pasted into a brief: a tenancy agreement, a price list or an FAQ between marker lines.

    --- TENANCY AGREEMENT (extract) ---
    4.1 Rent is payable monthly in advance …
    --- END ---

Such a block is what the assistant works from, not what the requester asks of it: its clauses are no rules ("4.3
If rent is more than 14 days late …"), its words name no job ("(extract)" makes no extractor), and it must reach the
prompt whole, in the requester's words. So the block is blanked out of the task before anything reads it (offsets
unchanged), and handed to the composer as a verbatim section.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import msgspec

from app.engine.brief import Brief
from app.engine.constraints.back_openers import OPEN_LINE_END
from app.engine.constraints.sections import layout_block
from app.engine.constraints.tool_table import TABLE_RULE_LINE, find_table_tools
from app.engine.inline_rubric import find_inline_rubrics
from app.engine.material_headings import material_blocks
from app.engine.spec import Section

# A marker line: "--- TITLE ---", "=== Price list ===", "*** FAQ", "--- END ---", "-----".
# "### Goal" alone is a markdown heading of the brief's own text, not a marker: hashes frame a title only when they
# close it too ("### PRICE LIST ###").
_MARKER = re.compile(
    r"^[ \t]*(?:(?P<fence>-{3,}|={2,}|\*{3,}|_{3,})[ \t]*(?P<title>[^\n]*?)[ \t]*(?:-{3,}|={2,}|\*{3,}|#{3,}|_{3,})?|"
    r"#{3,}[ \t]*(?P<hashed>[^\n#]*?)[ \t]*#{3,})[ \t]*$",
    re.MULTILINE,
)
_END = re.compile(r"^(?:end|ende|fin|fim|fine|einde|終わり|结束|以上)\b", re.IGNORECASE)
# Headings that frame the requester's own instructions, which must still be read as such.
_INSTRUCTION_TITLE = re.compile(
    r"\b(?:rules?|constraints?|instructions?|requirements?|guidelines?|output|format|tone|style|notes?|tasks?|"
    r"do(?:'s|s)?\b|don'?ts?|examples?|regeln|anweisungen|reglas|instrucciones|règles|consignes|regras|instruções|"
    r"regole|istruzioni|regels|instructies|scope|escalat\w*|behaviou?rs?|goals?|objectives?|persona|role|audience|"
    r"limits?|boundaries|safety|what|how|when|who|verhalten|ziel|alcance|objetivo|comportamiento|comportement|"
    r"objectif|périmètre)\b|ルール|指示|规则|要求",
    re.IGNORECASE,
)
# "Classify it using our rules (pasted from the staff wiki):": a rule set pasted as material to apply, not the
# requester's own instructions to the model.
_PASTED = re.compile(
    r"\b(?:pasted|copied|copy-pasted|verbatim|as\s+(?:published|posted)|from\s+(?:the|our)\s+(?:staff\s+|internal\s+)?"
    r"(?:wiki|handbook|intranet|website|site|docs|policy|manual|rulebook))\b|eingefügt|kopiert|copiad|collé|copié|copiad",
    re.IGNORECASE,
)
_MIN_BODY_CHARS = 80
"""A shorter block is a heading's few words, not material to work from, unless an END marker closes it."""
_MIN_CLOSED_BODY_CHARS = 20
"""A block its END marker closes is framed as material on purpose: a three-line price list counts."""


class Reference(NamedTuple):
    """One pasted block: its title (may be empty), its text, and the extent of the whole block in the task."""

    title: str
    body: str
    start: int
    end: int


# "grade each submission against this rubric:" followed by one line per criterion: the rubric is given, in full.
_LIST_INTRO = re.compile(
    r"\b(?:this|the\s+following|these|our|the)\s+(?P<noun>rubric|marking\s+scheme|mark\s+scheme|scoring\s+guide|"
    r"scoring\s+rubric|grading\s+rubric|criteria|checklist)(?:\s+below)?\s*:[ \t]*\n",
    re.IGNORECASE,
)
# "- …", "3. …", and a rubric's lettered criteria: "A. Structure du courriel : 5 pts", "b) Clarity (0-3)".
# A table row ("Thailand | Hepatitis A, Tetanus | 6 weeks") counts as a list line too.
_LIST_LINE = re.compile(
    # (its first cell holds no colon: "Output: a table with columns A | B | C" is a sentence about a table)
    r"[ \t]*(?:(?:[-*•]|\d{1,2}[.)]|[A-Za-z][.)])[ \t]+\S[^\n]*|\|?[^\n|:]{1,60}\|[^\n|]*\|[^\n]*)(?:\n|$)"
)
_MIN_LIST_LINES = 2


# "Schema (copied from dbdiagram, sorry for the mess):" followed by one table per line: the database schema, given.
_SCHEMA_INTRO = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))[ \t]*(?:(?:(?:the|our|database|db|table)\s+)?(?:schema|tables|table\s+definitions)\b|"
    # "Tablas:", "Tabellen:", "表：", "数据表：", "テーブル："
    r"(?:tablas|tabellen|tabelas|tabelle|tabellen|esquema|schéma)\b|(?:数据)?表|テーブル|スキーマ|"
    # "Columns:", "Spalten:", "Colonnes:", "Columnas:", "Colunas:": one column (and its values) per line
    # (not "Fields:": an extraction's output keys)
    r"(?:(?:the|our|table)\s+)?(?:columns|spalten|colonnes|columnas|colunas|colonne)\b)"
    r"[^:：\n]{0,80}[:：][ \t]*\n(?:[ \t]*\n)?",
    re.IGNORECASE,
)
# (a qualified name may hold hyphens and quotes: BigQuery's "my-project.ops.bookings", `analytics`.`events`)
_TABLE_LINE = re.compile(
    r"[ \t]*(?:[-*•][ \t]+)?(?:create\s+table\s+)?[`\"]?[A-Za-z_](?:[\w.`\"]|-(?=\w))*[ \t]*\((?:[^\n]*)(?:\n|$)",
    re.IGNORECASE,
)
_DATABASE = re.compile(
    r"\b(?:sql|queries|query|database|databases|db|warehouse|postgres\w*|mysql|sqlite|snowflake|bigquery|datenbank|"
    r"base\s+de\s+(?:datos|données)|banco\s+de\s+dados)\b",
    re.IGNORECASE,
)
# Under a schema heading, a column and its values or type ("fare_type: ADULT, CHILD, CONCESSION", "orders: id, status,
# total", "amount: numeric") or a list of columns ("employees.department, employees.salary"): data, not the reply's.
_COLUMN_LINE = re.compile(
    # (each value one token: "Rules: never DELETE anything" is a sentence, not a column)
    r"[ \t]*(?:[-*•][ \t]+)?`?[A-Za-z_][\w.]*`?[ \t]*"
    r"(?::[ \t]*[\w.()-]+(?:[ \t]*(?:,|/|\|)[ \t]*(?:or[ \t]+)?[\w.()-]+)*|(?:,[ \t]*`?[A-Za-z_][\w.]*`?)+)"
    r"[ \t]*(?:\n|$)"
)


def find_references(task: str) -> list[Reference]:
    """The pasted reference blocks of a task, in order: blocks between marker lines, a rubric given as a list and a
    schema given one table per line."""
    found = [
        *_marked_blocks(task),
        *_introduced_lists(task),
        *_schema_lines(task),
        *_capital_headed_lists(task),
        *_capital_headed_closed_blocks(task),
        *_bracket_headed_blocks(task),
        *_markdown_tables(task),
        *(Reference(*block) for block in material_blocks(task)),
    ]
    # (a rubric whose list follows its "this rubric:" line is read above, as its list only)
    found += [
        Reference(title="Rubric", body=r.body, start=r.start, end=r.end)
        for r in find_inline_rubrics(task)
        if not any(ref.start < r.end and r.start < ref.end for ref in found)
    ]
    for layout in (layout_block(task), layout_block(task, step=True)):
        if layout is not None:
            # "layout, exactly this:\n\n=== PRODUCER SUMMARY ===\n…", "DELIBERE:\n1) oggetto - …\n2) ...": the
            # reply's own parts and lines, not material to work from
            found = [
                ref
                for ref in found
                if not (
                    layout.start <= ref.start < layout.end and (_MARKER.match(task, ref.start) or _capital(task, ref))
                )
            ]
    found.sort(key=lambda ref: ref.start)
    # A block found twice (a capital heading over list lines that an END line also closes) is kept once, the longer.
    kept: list[Reference] = []
    for ref in found:
        if kept and ref.start < kept[-1].end:
            if ref.end > kept[-1].end:
                kept[-1] = ref
            continue
        kept.append(ref)
    return kept


def _capital(task: str, ref: Reference) -> bool:
    """Whether a block opens with a heading in capitals ("DELIBERE:"), as a layout's own part heading does."""
    end = task.find("\n", ref.start)
    return task[ref.start : end if end >= 0 else len(task)].strip().rstrip(":：").isupper()


# "DISCHARGE SHEET" alone on its line, then the sheet as list lines: pasted material under a heading in capitals.
_CAPITAL_HEADING = re.compile(
    r"^[ \t]*(?P<title>[A-ZÀ-Ý][A-ZÀ-Ý0-9&/'’ -]{2,58}[A-ZÀ-Ý0-9])[ \t]*:?[ \t]*\n", re.MULTILINE
)


def _capital_headed_lists(task: str) -> list[Reference]:
    """A heading in capitals followed by list lines ("DISCHARGE SHEET\n- Keep the dressing dry …\n- …")."""
    found = []
    for heading in _CAPITAL_HEADING.finditer(task):
        title = heading.group("title").strip()
        if len(re.findall(r"[A-ZÀ-Ý]{3,}", title)) == 0 or _INSTRUCTION_TITLE.search(title):
            continue
        position, lines = heading.end(), 0
        while (line := _LIST_LINE.match(task, position)) is not None:
            position, lines = line.end(), lines + 1
        body = task[heading.end() : position].rstrip("\n")
        if lines >= _MIN_LIST_LINES and len(body) >= _MIN_BODY_CHARS:
            found.append(
                Reference(title=title.title(), body=body, start=heading.start(), end=heading.end() + len(body))
            )
    return found


# "END" / "FIN" / "ENDE" alone on its line closes the material a capital heading opened.
_END_LINE = re.compile(r"^[ \t]*(?:end|ende|fin|fim|fine|einde)[ \t]*\.?[ \t]*$", re.IGNORECASE | re.MULTILINE)
_MAX_CLOSED_LINES = 40


def _capital_headed_closed_blocks(task: str) -> list[Reference]:
    """A heading in capitals, any lines, then an END line ("PISOS DISPONIBLES\nRuzafa, 2 hab.: 1.150 €/mes\n…\nFIN")."""
    found = []
    for heading in _CAPITAL_HEADING.finditer(task):
        title = heading.group("title").strip()
        if _END.match(title) or _INSTRUCTION_TITLE.search(title):
            continue
        closing = _END_LINE.search(task, heading.end())
        if closing is None:
            continue
        body = task[heading.end() : closing.start()].strip("\n")
        if body.count("\n") >= _MAX_CLOSED_LINES or len(body.strip()) < _MIN_CLOSED_BODY_CHARS:
            continue
        if _CAPITAL_HEADING.search(body):
            continue  # another heading inside: the END closes that one
        found.append(Reference(title=title.title(), body=body.strip(), start=heading.start(), end=closing.end()))
    return found


def _schema_lines(task: str) -> list[Reference]:
    """ "Schema:\n\ndrivers (driver_id uuid pk, …)\nhubs (hub_id int pk, …)": the table lines after the intro."""
    found = []
    for intro in _SCHEMA_INTRO.finditer(task):
        position, lines = intro.end(), 0
        tables = 0  # (column lines alone are data only in a brief about a database: "Schema:\nname: string" may be
        # the reply's own keys)
        database = _DATABASE.search(task) is not None
        while True:
            line = _TABLE_LINE.match(task, position)
            tables += line is not None
            if line is not None:
                # "rentals.bookings(booking_id bigint, -- 'adult','child'\n  created_at timestamp, …)": a table
                # written over several lines runs to its closing bracket, its "--" comments (the values) included
                position, lines = _table_end(task, line.start(), line.end()), lines + 1
                continue
            if tables or database:
                line = _COLUMN_LINE.match(task, position)
            if line is None:
                break
            position, lines = line.end(), lines + 1
        if lines >= _MIN_LIST_LINES:
            body = task[intro.end() : position].rstrip("\n")
            found.append(Reference(title="Schema", body=body, start=intro.end(), end=intro.end() + len(body)))
    return found


_MAX_TABLE_LINES = 40


def _table_end(task: str, start: int, line_end: int) -> int:
    """Where a table signature that opens on `start`'s line ends: after the line that closes its bracket (a "--"
    comment's own brackets not counted), or that first line's end when it never closes."""
    depth, position = 0, start
    for _ in range(_MAX_TABLE_LINES):
        stop = task.find("\n", position)
        stop = len(task) if stop < 0 else stop
        code = task[position:stop].split("--", 1)[0]
        depth += code.count("(") - code.count(")")
        position = min(stop + 1, len(task))
        if depth <= 0 or position >= len(task):
            return position if depth <= 0 else line_end
    return line_end


# "FAQ (resumo):", "Preguntas frecuentes:", "Häufige Fragen:" on a line of its own: the brief's FAQ, pasted as a list
_FAQ_HEADING = re.compile(
    r"^[ \t]*(?P<noun>(?:faq|f\.a\.q\.?|preguntas\s+frecuentes|perguntas\s+frequentes|foire\s+aux\s+questions|"
    r"h[äa]ufige\s+fragen|domande\s+frequenti|veelgestelde\s+vragen|frequently\s+asked\s+questions)"
    r"[^:：\n]{0,40})[:：][ \t]*\n",
    re.IGNORECASE | re.MULTILINE,
)


def _introduced_lists(task: str) -> list[Reference]:
    """ "against this rubric:\n- Temperature control (0-3): …\n- Allergens (0-2): …": the list lines after the intro;
    an FAQ heading's list lines too, with the heading as its title (the heading is no rule of its own)."""
    found = []
    for intro in [*_LIST_INTRO.finditer(task), *_FAQ_HEADING.finditer(task)]:
        position, lines = intro.end(), 0
        while (line := _LIST_LINE.match(task, position)) is not None:
            position, lines = line.end(), lines + 1
        if lines >= _MIN_LIST_LINES:
            body = task[intro.end() : position].rstrip("\n")
            noun = " ".join(intro.group("noun").split())
            title = noun if intro.re is _FAQ_HEADING else noun.capitalize()
            start = intro.start() if intro.re is _FAQ_HEADING else intro.end()
            found.append(Reference(title=title, body=body, start=start, end=intro.end() + len(body)))
    return found


# "【館内案内】" / "［料金表］" alone on its line: the title of pasted material in Japanese and Chinese briefs.
_BRACKET_HEADING = re.compile(r"^[ \t]*[【［](?P<title>[^】］\n]{1,24})[】］][ \t]*\n", re.MULTILINE)
_MIN_BRACKET_LINES = 2
_MIN_BRACKET_BODY_CHARS = 30


def _bracket_headed_blocks(task: str) -> list[Reference]:
    """A bracketed heading line, then its lines up to a blank line or the end ("【館内案内】\nチェックイン 15:00…")."""
    found = []
    for heading in _BRACKET_HEADING.finditer(task):
        title = heading.group("title").strip()
        if _INSTRUCTION_TITLE.search(title):
            continue
        gap = _BLANK_LINE.search(task, heading.end())
        end = gap.start() if gap else len(task.rstrip())
        body = task[heading.end() : end].strip("\n")
        lines = [line for line in body.splitlines() if line.strip()]
        if len(lines) >= _MIN_BRACKET_LINES and len(body.strip()) >= _MIN_BRACKET_BODY_CHARS:
            found.append(Reference(title=title, body=body.strip(), start=heading.start(), end=end))
    return found


_MIN_TABLE_ROWS = 2


# "Always answer with this table:", "reply using this format:", "Use these labels:": the table is the reply's shape
# or the label set, said where it stands.
_TEMPLATE_INTRO = re.compile(
    r"\b(?:answer|reply|respond|output|return|format|fill|give)\w*\b[^.\n]{0,40}\b(?:table|format|template|layout)\b"
    r"[^.\n]{0,20}:?\s*$|\b(?:labels?|categories|tags|intents)\b[^.\n]{0,20}:?\s*$|"
    r"^\s*(?:severit(?:y|ies)|priorit(?:y|ies))(?:\s+(?:levels?|tags?))?\s*:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)


# "severity:" or "priority:" over a table of tags: the tags are the values of that one part of each item.
_LABEL_TABLE_INTRO = re.compile(
    r"\b(?:labels?|categories|tags|intents|classes)\b[^.\n]{0,20}:?\s*$|"
    # "severity:" as the table's own heading (not "response times based on priority:")
    r"^\s*(?P<part>severit(?:y|ies)|priorit(?:y|ies))(?:\s+(?:levels?|tags?))?\s*:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)


class LabelTable(NamedTuple):
    """The label set a table gives in its first column, the extent of its rows, and the part it labels, if any."""

    values: list[str]
    start: int
    end: int
    part: str | None


def label_table(text: str) -> LabelTable | None:
    """The label set a table introduced as labels gives in its first column ("Use these labels:\nlabel | meaning\n
    ---|---\nbilling | …"), with the extent of its rows; None when there is no such table. Under "severity:" the
    labels are the values of that part of each item (`part`)."""
    for rule in TABLE_RULE_LINE.finditer(text):
        header_start = text.rfind("\n", 0, max(0, rule.start() - 1)) + 1
        intro = _LABEL_TABLE_INTRO.search(text[max(0, header_start - 80) : header_start])
        if "|" not in text[header_start : rule.start()] or intro is None:
            continue
        rows_start = rule.end() + 1
        values, position = [], rows_start
        for line in text[rows_start:].split("\n"):
            if "|" not in line:
                break
            cell = line.strip().strip("|").split("|")[0].strip().strip("`*")
            if cell:
                values.append(cell)
            position += len(line) + 1
        if len(values) >= 2:
            part = intro.group("part")
            return LabelTable(values, rows_start, min(position, len(text)), part.lower() if part else None)
    return None


def _markdown_tables(task: str) -> list[Reference]:
    """A markdown table pasted into the brief ("Appointment type | Bring\n---|---\nFamily petition | …"), header row
    included: its column names are no label set and its rows no rules."""
    found = []
    _, tool_tables = find_table_tools(task)
    for rule in TABLE_RULE_LINE.finditer(task):
        header_start = task.rfind("\n", 0, max(0, rule.start() - 1)) + 1
        header = task[header_start : rule.start()].rstrip("\n")
        if "|" not in header:
            continue
        position, rows = rule.end() + 1, 0
        while position < len(task):
            line_end = task.find("\n", position)
            line = task[position : len(task) if line_end == -1 else line_end]
            if "|" not in line:
                break
            rows += 1
            position = len(task) if line_end == -1 else line_end + 1
        intro = task[max(0, header_start - 100) : header_start]
        if task.count("```", 0, header_start) % 2 == 1 or _TEMPLATE_INTRO.search(intro):
            continue  # an output template ("answer with this table:") or a table in a code fence stays in place
        if any(start == header_start for start, _ in tool_tables):
            continue  # "| tool | parameters | notes |": the tools, read as such (not pasted as reference material)
        if rows >= _MIN_TABLE_ROWS:
            end = min(position, len(task))
            body = task[header_start:end].rstrip("\n")
            found.append(Reference(title="", body=body, start=header_start, end=header_start + len(body)))
    return found


def _marked_blocks(task: str) -> list[Reference]:
    """Blocks framed by marker lines ("--- PRICE LIST ---" … "--- END ---"); a table's "---|---" rule is none."""
    markers = [m for m in _MARKER.finditer(task) if "|" not in m.group(0)]
    found: list[Reference] = []
    index = 0
    while index < len(markers):
        opening = markers[index]
        title = _marker_title(opening)
        if _END.match(title) or (
            _INSTRUCTION_TITLE.search(title) and not _PASTED.search(task[: opening.start()][-160:])
        ):
            index += 1
            continue
        closing = markers[index + 1] if index + 1 < len(markers) else None
        # An untitled opening fence needs an END marker to say it frames pasted material, not a divider.
        closes_as_end = closing is not None and bool(_END.match(_marker_title(closing)))
        body_end = closing.start() if closing else len(task)
        if not closes_as_end:
            # With no END marker the material ends at its first blank line: "--- MENU ---\n<items>\n\nIf someone
            # wants to order, …" goes back to the requester's own words.
            start = opening.end() + len(task[opening.end() : body_end]) - len(task[opening.end() : body_end].lstrip())
            gap = _BLANK_LINE.search(task, start, body_end)
            body_end = gap.start() if gap else body_end
        body = task[opening.end() : body_end].strip("\n")
        least = _MIN_CLOSED_BODY_CHARS if closes_as_end else _MIN_BODY_CHARS
        if len(body.strip()) < least or not (title or closes_as_end):
            index += 1
            continue
        # "--- Betriebsvereinbarung ---" … "---": a bare fence right after the material closes it, like an END marker.
        closes_bare = (
            not closes_as_end
            and closing is not None
            and not _marker_title(closing)
            and not task[body_end : closing.start()].strip()
        )
        end = closing.end() if closing is not None and (closes_as_end or closes_bare) else body_end
        found.append(Reference(title=title, body=body.strip(), start=opening.start(), end=end))
        index += 2 if closes_as_end or closes_bare else 1
    return found


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _marker_title(marker: re.Match[str]) -> str:
    """The title a marker line frames ("TENANCY AGREEMENT (extract)"; "" for a bare fence)."""
    return (marker.group("title") or marker.group("hashed") or "").strip(" :-=*#_")


# "Output: a markdown table with columns …, then PASS if …": the output format, typed as a line of the task.
_OUTPUT_LINE = re.compile(
    r"^[ \t]*(?:output(?:\s+format)?|(?:reply|response|answer)\s+format|"
    r"formato(?:\s+de\s+(?:salida|saída|respuesta|resposta))?|"
    r"ausgabe(?:format)?|antwortformat|format\s+de\s+(?:sortie|réponse)|sortie|uitvoer|出力(?:形式)?|输出(?:格式)?)"
    r"[ \t]*[:：][ \t]*(?P<text>\S[^\n]{10,})$",
    re.IGNORECASE | re.MULTILINE,
)


# "Input: How do I share a folder?\nOutput: Right-click …": the output of a worked example, not the output format.
_EXAMPLE_INPUT = re.compile(
    r"^[ \t]*(?:input|user|customer|client|q|question|message|prompt|eingabe|entrada|entrée|invoer|入力|输入)\s*"
    r"(?:\d{1,2}\s*)?[:：]",
    re.IGNORECASE,
)


_NEXT_LINE = re.compile(r"[ \t]*\S[^\n]*")


def lift_output_line(brief: Brief) -> Brief:
    """A task line that states the output format ("Output: a table …") moved into `output_format` (the task keeps
    its length, that line blanked), unless the brief has an output format of its own. A list right after a line
    that introduces it ("Output format: markdown with these sections:\n1. …") belongs to it."""
    line = _OUTPUT_LINE.search(brief.task) if brief.output_format is None else None
    layout = layout_block(brief.task) if line is not None else None
    while line is not None and (
        _EXAMPLE_INPUT.match(_previous_line(brief.task, line.start()))
        # ("…, niente altro:\nTITOLO: …\nFORMATO: peso in grammi": a line of the reply's layout, not its format)
        or (layout is not None and layout.start <= line.start() < layout.end)
    ):
        line = _OUTPUT_LINE.search(brief.task, line.end())
    if line is None:
        return brief
    text, end = line.group("text").strip(), line.end()
    if text.endswith((":", "：")):
        items = []
        while (item := _LIST_LINE.match(brief.task, end + 1)) is not None:
            items.append(item.group(0).strip())
            end = item.end() - 1 if item.group(0).endswith("\n") else item.end()
        text = "\n".join([text, *items])
    elif OPEN_LINE_END.search(text) and (shape := _NEXT_LINE.match(brief.task, end + 1)) is not None:
        # "Output: … each on one line as\n[CRASH|DATA] File.swift:line - problem - fix": the next line finishes it
        text, end = f"{text}\n{shape.group(0).strip()}", shape.end()
    task = (
        brief.task[: line.start()]
        + "".join(c if c == "\n" else " " for c in brief.task[line.start() : end])
        + brief.task[end:]
    )
    return msgspec.structs.replace(brief, task=task, output_format=text[0].upper() + text[1:])


def _previous_line(task: str, start: int) -> str:
    """The last non-blank line before `start`."""
    lines = [line for line in task[:start].splitlines() if line.strip()]
    return lines[-1] if lines else ""


def split_references(brief: Brief) -> tuple[Brief, list[Section]]:
    """The brief with its pasted blocks blanked (same length), and each block as a verbatim section; an output line
    of the task becomes its output format."""
    lifted = lift_output_line(brief)
    # A brief that is nothing but an output line or pasted material still has to say something: it stays as written.
    brief = lifted if _CONTENT.search(lifted.task) else brief
    references = find_references(brief.task)
    if not references:
        return brief, []
    chars = list(brief.task)
    for ref in references:
        chars[ref.start : ref.end] = [c if c == "\n" else " " for c in brief.task[ref.start : ref.end]]
    task = "".join(chars)
    if not _CONTENT.search(task):
        return brief, []
    sections = [Section(title=_section_title(ref.title), body=ref.body) for ref in references]
    return msgspec.structs.replace(brief, task=task), sections


_CONTENT = re.compile(r"[^\W_]")
"""A letter or digit: what a task needs to say anything once its pasted material is taken out."""


def _section_title(title: str) -> str:
    """ "TENANCY AGREEMENT (extract)" → "Tenancy agreement (extract)"; an untitled block is reference material."""
    if not title:
        return "Reference material"
    core = re.sub(r"\([^)]*\)", " ", title).split()
    if len(core) >= 2 and all(word.isupper() for word in core):
        # "TENANCY AGREEMENT (extract)" is shouted; "FAQ for NHS staff" keeps its acronyms
        title = re.sub(r"\b[A-Z][A-Z'’-]+\b", lambda m: m.group(0).lower(), title)
    return title[0].upper() + title[1:]
