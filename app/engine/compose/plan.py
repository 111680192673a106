"""The composition plan: everything the section builders share, worked out once from the brief and archetypes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import msgspec

from app.engine.archetypes import BY_ID, REGISTRY, Archetype
from app.engine.archetypes.registry import Persona
from app.engine.archetypes.variants import MULTI_LABEL, played_character
from app.engine.brief import Brief, Entities
from app.engine.classify import ArchetypeMatch
from app.engine.compose.conflicts import Conflicts
from app.engine.compose.cues import MAX_WORDS, SENTIMENT, extract_labels, source_noun, task_sentence
from app.engine.compose.language import brief_language
from app.engine.compose.settled import settles_a_topic
from app.engine.constraints import Constraint, ConstraintKind
from app.engine.constraints.clauses import inline_marker, is_abbreviation, is_ordinal, numbered_line
from app.engine.constraints.fallbacks import QUOTED_SCOPE, find_condition
from app.engine.constraints.language import other_reply_language
from app.engine.constraints.rules import is_english
from app.engine.constraints.tools import handoff_rank
from app.engine.phrasing import VERBS, imperative_task, is_third_person_verb
from app.engine.safety import emergency_number
from app.engine.spec import Length

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)])")
_EMPTY_PARENS = re.compile(r"\s*\([\s,;/]*\)")  # "app (not therapy, not a crisis service)" with both blanked
_DANGLING = re.compile(
    r"(?:,|\s+(?:as\s+)?(?:one or more of|one or more|one of|either|into|as|like|such as|between|of|to|for|with|"
    r"in|and|or|but))\s*([.;!?])",
    re.I,
)
_REPEATED_PUNCT = re.compile(r"([.;!?])(?:\s*[.,;:!?])+")
_HANGING_PUNCT = re.compile(r"[,:;]+\s*([.!?]|$)")
_STACKED_PUNCT = re.compile(r"\s*[:;]\s*(?:[,;:]\s*)+")  # "appointment:,, include" once the limits are blanked
_CONTENT_WORD = re.compile(r"[\w@.'-]+")
_CLAUSE_LEAD = re.compile(r"\b(?:in|with|and|as|using|but|then|so)$", re.I)
_SPAN_LEAD = re.compile(r"(?:in|with|as|using|under|within|without|and|but)\b", re.I)
_GROUNDED = re.compile(
    r"\b(?:using|from|based on|according to|grounded in|with)\s+(?:only\s+)?(?:the\s+|our\s+|a\s+|an\s+|their\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:help[- ]?cent(?:er|re) articles?|articles?|docs|documentation|documents?|handbook|"
    r"manuals?|knowledge ?base|faqs?|polic(?:y|ies)|guides?|guidance|wiki)\b(?:\s+(?:provided|supplied|attached))?",
    re.IGNORECASE,
)
# Sentences typed in lower case ("... that kind of stuff. it should never ...") split too; abbreviations do not.
_SENTENCE = re.compile(
    # "… the item in. 2) Answer visitors' questions …": a numbered item opens a sentence too
    r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bvs\.)(?<!\bapprox\.)\s+(?=[A-Za-zÀ-ÿ\"“(¿¡«]|\d{1,2}\)\s)|"
    # 'responde so: "Vou te transferir para um atendente agora." suporte tecnico …': a quote's full stop ends it
    r"(?<=[.!?][\"”»])[ \t]+(?=[a-zà-ÿ])|"
    # "It never sends anything. 24-hour times.": a number and a word open a sentence after a word's full stop
    r"(?<=[a-z]{3}[.!?])[ \t]+(?=\d{1,4}(?:-[A-Za-z]{2,}|\s+[A-Za-z]{2,}))|"
    # a blank line after a closed sentence or block ends its paragraph ('{… JSON …}\n\nurgente = true si …', "… (2)\n\n
    # No half marks."); after a colon or an open phrase the next paragraph belongs to it ("Return only this JSON:\n\n
    # {…}", "Always sign off with\n\nKind regards,")
    r"(?<![:：,])(?<!\bwith)(?<!\bto)(?<!\bas)(?<!\bby)(?<!\blike)(?<!\bthis)(?<!\bfollowing)[ \t]*\n[ \t]*\n\s*|"
    # a dash or bullet at the start of a line opens an item of a list, and so a sentence, whether or not the line
    # before ended with a full stop ("- never diagnose … that's for their GP\n- if someone mentions …")
    r"[ \t]*\n\s*(?=[-*•–][ \t]+\S|・[ \t]*\S|#{1,6}[ \t]+\S)"
)
_SENTIMENT_LABELS = ("positive", "negative", "neutral", "other")


@dataclass(frozen=True, slots=True)
class Plan:
    """The brief, its constraints and archetypes, and the derived values every section needs."""

    brief: Brief
    entities: Entities
    primary: Archetype
    blended: tuple[Archetype, ...]
    """Secondary archetypes whose rules, context and tone join the primary's (both sides free-form)."""
    partners: tuple[Archetype, ...]
    """Secondary archetypes with a fixed output (labels, fields) whose essential rules and output part join."""
    constraints: tuple[Constraint, ...]
    labels: tuple[str, ...]
    labels_from_brief: bool
    user_term: str
    noun: str
    persona: Persona | None
    length: Length
    language: str | None
    """The reply language (a language constraint, the brief field, the task, or the language the brief is in)."""
    brief_language: tuple[str, str] | None
    """(code, name) when the brief itself is not written in English."""
    audience: str | None
    conflicts: Conflicts
    placeholders: dict[str, str] = field(default_factory=dict)
    task: str = ""
    """The task's first sentence, without the parts constraints carry: what the objective says."""
    task_details: tuple[str, ...] = ()
    """The task's other sentences that no constraint carries and that state facts: context, in the brief's words."""
    detail_rules: tuple[str, ...] = ()
    """The task's other sentences that no constraint carries and that instruct: requirements, in the brief's words
    (every such sentence of a brief not written in English, which cannot be told apart reliably)."""
    job_text: str = ""
    """The brief's job sentence as written."""
    task_line: str | None = None
    """The task as one English instruction, or None (a noun phrase, or a brief in another language)."""
    conversational: bool = False
    """The end user's message arrives as a user turn (see `Archetype.conversational` and `live_chat_cue`)."""
    references: tuple[str, ...] = ()
    """Titles of the reference material pasted into the brief: it is in the prompt, so no slot asks for it."""
    material: str = ""
    """The text of that material (a schema, a policy): what examples may draw on besides the task."""

    @property
    def archetypes(self) -> tuple[Archetype, ...]:
        """Primary first, then the blended secondaries."""
        return (self.primary, *self.blended)

    @property
    def voices(self) -> tuple[Archetype, ...]:
        """The archetypes whose context and tone join: the primary, and blended secondaries that bring all of
        their sections (a secondary with `blend_rules` brings only those, so it does not set the voice)."""
        return (self.primary, *(a for a in self.blended if not a.blend_rules))

    def of_kind(self, *kinds: ConstraintKind) -> list[Constraint]:
        """The constraints of the given kinds, in brief order."""
        return [c for c in self.constraints if c.kind in kinds]

    def fill(self, text: str) -> str:
        """Replace known {names}; unknown braces stay (example outputs contain JSON)."""
        text = _PLACEHOLDER.sub(lambda m: self.placeholders.get(m.group(1), m.group(0)), text)
        if self.labels_from_brief and '"other"' in text:
            # The brief's own spelling of its catch-all label ("OTHER") wins over the default's "other".
            spelled = next((label for label in self.labels if label.lower() == "other"), "other")
            text = text.replace('"other"', f'"{spelled}"')
        return text


def _whole_clause(task: str, start: int, end: int) -> bool:
    """Whether [start, end) is a clause of its own, so that removing it leaves a readable sentence.

    "... app in at most 3 sentences." and "(billing, bug, other)" are; "for kids aged 8-10, ..." is not.
    """
    before, after = task[:start].rstrip(), task[end:].lstrip()
    left = (
        not before
        or before[-1] in ",;:(.!?"
        or bool(_CLAUSE_LEAD.search(before))
        or bool(_SPAN_LEAD.match(task[start:end]))
    )
    right = not after or after[0] in ",;:).!?"
    return left and right


def _is_the_job(task: str, start: int, end: int) -> bool:
    """A span that opens the task and holds most of its first clause is the job itself ("translate our emails
    into Portuguese"), not a detail: blanking it would leave the role without its task."""
    first_end = min((i for i in (task.find(mark) for mark in ",;.") if i >= 0), default=len(task))
    return start <= 2 and end - start >= (first_end - start) * 0.6


_STUB_WORDS = 2


def _drop_stub_sentences(text: str, task: str) -> str:
    """Drop the later sentences that removing constraint spans cut down to a stub ("Classify emails. answer with"
    once "the label only" is stated as a format rule): a stub of two words or fewer says nothing on its own. A short
    sentence the brief wrote whole ("Be brief.") stays."""
    parts = re.split(r"(?<=[.;!?])\s+", text)
    said = " ".join(task.split())
    kept = [parts[0], *(part for part in parts[1:] if len(part.split()) > _STUB_WORDS or _whole_in(part, said))]
    return " ".join(kept).strip(" ,;:.")


def _whole_in(sentence: str, text: str) -> bool:
    """Whether `sentence` stands whole in `text`, ending where a sentence of the text ends."""
    return re.search(re.escape(sentence.rstrip(".;!? ")) + r"\s*(?:[.;!?]|$)", text) is not None


def core_task(task: str, constraints: Sequence[Constraint]) -> str:
    """The task without the clauses that constraints carry (they are stated in their own sections)."""
    chars = list(task)
    for c in constraints:
        if c.span is not None and c.span.field == "task" and _whole_clause(task, c.span.start, c.span.end):
            if _is_the_job(task, c.span.start, c.span.end):
                continue
            for i in range(max(0, c.span.start), min(len(chars), c.span.end)):
                chars[i] = " "
    text = " ".join("".join(chars).split())
    text = _EMPTY_PARENS.sub("", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _HANGING_PUNCT.sub(r"\1", text)
    text = _STACKED_PUNCT.sub(": ", text)
    for _ in range(3):  # "as one of:" leaves two connectors behind
        text = _DANGLING.sub(r"\1", text)
    text = _REPEATED_PUNCT.sub(r"\1", text)
    text = _drop_stub_sentences(text.strip(" ,;:."), task)
    return text if len(text.split()) >= 2 else " ".join(task.split())


def _sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of a text (a Japanese or Chinese one ends at 。！？ with no space after)."""
    # Cached: classifying and planning ask for the task's sentences about five times per brief (a copy each time).
    return list(_sentence_bounds(text))


@lru_cache(maxsize=256)
def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in (_CJK_SENTENCE if _CJK_END.search(text) else _SENTENCE).finditer(text):
        if (
            _inside_quote_or_brace(text[start : m.start()])
            or _TITLE_BEFORE.search(text, max(0, m.start() - 6), m.start())
            or (text[m.start() - 1 : m.start()] == "." and is_abbreviation(text, m.start() - 1))
            # "der 5. und 6. Klasse": a German ordinal ends no sentence (not "in 1962. second person")
            or (
                text[m.start() - 1] == "."
                and re.search(r"(?<!\d)\d{1,2}$", text[max(0, m.start() - 4) : m.start() - 1]) is not None
                and not is_english(text)
                and is_ordinal(text, m.start() - 1)
            )
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
    items = [(s, e) for begin, end in items for s, e in _tool_lines(text, begin, end) if text[s:e].strip()]
    # A list item's sentence starts after its dash: "- max 90 words per reply" says "max 90 words per reply".
    items = [(_after_bullet(text, s, e), e) for s, e in items]
    # The list's last item ends at its line: "- Evaluation names one real source of error: 1\nReturn JSON only: …";
    # so does a markdown heading ("## Rules").
    pieces: list[tuple[int, int]] = []
    pending = list(reversed(items))
    while pending:
        s, e = pending.pop()
        listed = _is_item(text, s) or text[s] == "#" or _item_number(text, s) is not None
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
_TOOL_LINE = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?`?[A-Za-z_][\w.]*\([^()\n]*\)", re.MULTILINE)


def _tool_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence cut at the lines of a tool list it holds: each tool line is a sentence of its own, and so is the
    text after the list ("It can do:\ncheck_booking(…) -> …\nIt also answers house-rule questions.")."""
    if "(" not in text[start:end] or "\n" not in text[start:end]:
        return [(start, end)]
    lines = [m.start() for m in _TOOL_LINE.finditer(text, start, end)]
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


def _inside_quote_or_brace(text: str) -> bool:
    """Whether a sentence so far leaves a brace, bracket or straight double quote open: a sentence does not end
    inside a JSON example or a quotation."""
    if text.count("```") % 2 == 1:
        return True  # inside a fenced code block
    quotes = text.count('"')
    if "„" in text:  # German „…“ or „…" (typed): the low mark opens, and either closes it
        quotes += text.count("„") - text.count("“")
    return text.count("{") > text.count("}") or text.count("[") > text.count("]") or quotes % 2 == 1


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
        bounds.append((line.end(), stop))  # (after its number, as `_item_number` reads it back)
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


_FILLER_WORDS = frozenset(
    {
        "nothing",
        "else",
        "more",
        "only",
        "just",
        "please",
        "pls",
        "always",
        "really",
        "very",
        "exactly",
        "strictly",
        "and",
        "or",
        "but",
        "the",
        "a",
        "an",
        "it",
        "that",
        "this",
        "with",
        "no",
        "not",
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "be",
        "is",
        "are",
        "as",
        "so",
        "also",
        "too",
        "ok",
        "okay",
        "thanks",
        "thx",
        "total",
        "overall",
        "max",
        "maximum",
        # "Keep replies under 40 words.": the words around a limit that only say what it limits
        "keep",
        "reply",
        "replies",
        "response",
        "responses",
        "answers",
        "should",
        "each",
        "every",
        "per",
        "your",
        "them",
        "short",
        "shorter",
        "brief",
        "like",
        "less",
    }
)


# "ok so im the office manager at Brambleway Vet Hospital …", "we're a family plumbing firm in Leeds": who is asking,
# not what the assistant is for.
_BACKGROUND = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|hi|hey|hello|hiya|right|ciao|hola|hallo|bonjour|salut|ol[áa]|oi|hoi|buongiorno|buenas)"
    r"[\s,!.]+)*(?:i'?m|i\s+am|we'?re|we\s+are|i\s+(?:run|own|work|manage)|"
    r"we\s+(?:run|own|have|sell|make|operate|get)|our\s+\w+\s+(?:is|are|has|have)|my\s+(?:name|company|team|shop|business)|"
    r"i\s+(?:teach|coach|tutor|volunteer|organi[sz]e|help\s+run)|we\s+(?:teach|coach)|"
    # "Sou psicóloga e coordeno …", "Soy la dueña de …", "Ich bin Lehrerin …", "Je suis …": the requester, in their
    # own language
    r"sou|soy|somos|je\s+suis|nous\s+sommes|ich\s+bin|wir\s+sind|sono|siamo|ik\s+ben|wij\s+zijn|we\s+zijn|"
    # "私たちは東京の小さな英会話教室です", "我们是一家二手相机店": the requester's introduction in ja/zh
    r"(?=私たちは|弊社は|当店は|当社は|我们是|我們是|我是|本店|我在|我们在|我們在|我做|我们做|我开|我们开|私は|うちは)|"
    # "有田焼の窯元「松浦窯」のオンラインショップをやっています": what the requester runs, said at the end
    r"(?=[^。\n]{2,60}(?:をやっています|を経営しています|を運営しています|で働いています|を営んでいます)[。]?\s*$)|"
    # "Trabajo en atención ciudadana del Ayuntamiento …", "Ich arbeite in der Praxis …": where the requester works
    r"trabajo\s+en|trabajamos\s+en|trabalho\s+(?:em|na|no)|trabalhamos|ich\s+arbeite|wir\s+arbeiten|je\s+travaille|"
    r"nous\s+travaillons|lavoro\s+(?:in|a|al|alla|presso)|lavoriamo|ik\s+werk|wij\s+werken|we\s+werken|"
    # "Ich leite eine kleine Praxis …", "Dirijo una academia …", "Je gère un gîte …": the requester runs a business
    r"ich\s+(?:leite|führe|betreibe|habe)|wir\s+(?:leiten|führen|betreiben|haben)|dirijo|dirigimos|gestiono|tengo|"
    # "Ich mache die Rätselseite …": what the requester makes (not "Wir machen Termine nur telefonisch", a rule)
    r"(?:ich\s+mache|wir\s+machen)\s+(?:die|das|den|eine?n?)\s|"
    r"tenemos|je\s+(?:dirige|gère|tiens)|nous\s+(?:dirigeons|gérons|tenons)|j['’]ai|nous\s+avons|dirijo|gerencio|"
    r"tenho|temos|gestisco|dirigo|gestiamo|abbiamo|ho\s+un|ik\s+(?:leid|run|heb)|wij\s+hebben|"
    # "En la Cooperativa … estamos formando a temporeros", "At our clinic we …": where, then who is speaking
    r"(?:en|in|at|à|au|na|no|em|im|bei|nella|nel|presso)\s+(?:(?:la|el|los|las|le|les|the|our|nuestra|nuestro|der|die|"
    r"dem|a|o|il|lo)\s+)?(?-i:[A-ZÀ-Ý])[^.!?\n]{2,90}?\b(?:estamos|somos|tenemos|trabajamos|"
    r"we(?:'re|\s+are|\s+have|\s+run|\s+get)|wir\s+(?:sind|haben)|nous\s+(?:sommes|avons)|temos|estamos|siamo|"
    r"abbiamo|zijn\s+we|hebben\s+we))\b",
    re.IGNORECASE,
)
# "Cooperativa Agrícola Vale do Sapucaí (MG).", "Brook Farm Shop – Leeds.": a first sentence that only names the
# business (a few words, nearly all capitalised) introduces it; the job comes after.
_NAME_ONLY = re.compile(
    r"^\W*(?:[A-ZÀ-Ý][A-Za-zÀ-ÿ'&.-]*|\(\w+\)|de|do|da|del|di|of|the|and|&|[-–])(?:\s+(?:[A-ZÀ-Ý][A-Za-zÀ-ÿ'&.-]*|"
    r"\(\w+\)|de|do|da|dos|das|del|della|di|van|von|der|of|the|and|&|[-–,]))*\W*$"
)
_JOB_CUE = re.compile(
    # "je monte un petit tuteur pour mes élèves", "I'm building a coach for …": building the thing is the job
    r"\b(?:je\s+(?:monte|crée|fais|prépare|construis|développe)|i['’]?m\s+(?:building|making|setting\s+up|creating)|"
    r"i\s+am\s+(?:building|making|setting\s+up|creating)|estoy\s+(?:montando|creando|armando|haciendo)|"
    r"ich\s+(?:baue|erstelle|entwickle)|sto\s+(?:creando|costruendo|preparando)|"
    r"estou\s+(?:criando|montando|fazendo|construindo)|ik\s+(?:bouw|maak))\s+(?:\w+\s+){0,3}?"
    r"(?:tuteur|tutor|tutore|coach)\b|"
    r"\b(?:bot|chatbot|assistant|agent|gpt|prompt|helper|widget|asistente|assistente|assistent|agente|"
    r"quiero|queremos|necesito|necesitamos|quero|queremos|preciso|precisamos|je\s+veux|nous\s+voulons|"
    r"ich\s+(?:möchte|brauche|will)|wir\s+(?:möchten|brauchen|wollen)|vorrei|vogliamo|ik\s+wil|wij\s+willen|"
    r"mi\s+serve|ci\s+serve|ho\s+bisogno|abbiamo\s+bisogno|j['’]ai\s+besoin|nous\s+avons\s+besoin|ich\s+benötige|"
    r"me\s+hace\s+falta|nos\s+hace\s+falta|ik\s+heb\s+\w+\s+nodig|"
    # "Ich gebe dir ein Lösungswort, du lieferst drei Umschreibungen", "you come up with 10 names": the job, addressed
    r"du\s+(?:lieferst|schreibst|erstellst|erfindest)|you\s+(?:come\s+up\s+with|give\s+me)|"
    r"tu\s+(?:me\s+)?(?:donnes|écris|proposes)|t[úu]\s+(?:me\s+)?(?:das|escribes|propones)|"
    r"voc[êe]\s+(?:me\s+)?(?:d[áa]|escreve|sugere))\b|"
    r"てください|てほしい|て欲しい|お願いします|请|請|帮我|幫我|希望你|需要一个|需要一個|"
    r"\b(?:need|want|looking\s+for|build|create|make)\b"
    r"[^.]{0,40}?\b(?:something|thing|that|which|to|them|it|into)\b",
    re.IGNORECASE,
)


_WISH = re.compile(
    r"\b(?:and|so)\s+(?:we|i)\s+(?:want|need|would\s+like|'d\s+like|are\s+looking\s+for|am\s+looking\s+for)\s+(?=an?\s)",
    re.IGNORECASE,
)


_NEGATION_LEAD = re.compile(
    r"^\W*(?:never|don'?t|do\s+not|nunca|não|nao|jamás|nicht|niemals|nie|keine?n?|jamais|ne\s|non\s|mai\s|nooit|niet)\b",
    re.IGNORECASE,
)


def job_sentence(task: str) -> int:
    """The index of the sentence that says what the assistant is for: the first, unless the first only introduces
    the requester and one of the next two names the job."""
    sentences = _sentences(task)
    if len(sentences) > 1 and _GREETING_ONLY.match(task[sentences[0][0] : sentences[0][1]]):
        # "hola! tengo una escuela de surf … y quiero un asistente …": a greeting says nothing of the job
        return 1 + job_sentence(task[sentences[1][0] :])
    labelled = next((i for i, (start, _) in enumerate(sentences[:8]) if _JOB_LABEL.match(task, start)), None)
    if labelled is not None:
        return labelled  # "- cosa fa l'assistente: spiega …", "任务：把里面的术语挑出来": the brief names its job line
    first = task[sentences[0][0] : sentences[0][1]] if sentences else ""
    if len(sentences) > 1 and _NEGATION_LEAD.match(first):
        return 1  # "Nunca dês conselhos de investimento. Ajuda os jovens com orçamento": a rule first, then the job
    named = len(first.split()) <= 8 and _NAME_ONLY.match(first.strip().rstrip(".!:")) is not None
    if not (named or _BACKGROUND.match(first)) or _JOB_CUE.search(first):
        return 0
    # "… e eu preciso deles prontos. quero um assistente que reescreva o texto": the sentence that asks for an
    # assistant names the job better than an earlier one that only says what the requester needs.
    for index, (start, end) in enumerate(sentences[1:4], start=1):
        if _ASSISTANT_WANTED.search(task[start:end]):
            return index
    for index, (start, end) in enumerate(sentences[1:3], start=1):
        if _JOB_CUE.search(task[start:end]):
            return index
    # "I run a dog grooming salon. Write the reminder texts we send …": an order right after the introduction
    if len(sentences) > 1:
        opening = re.match(r"\s*(?:please\s+)?([a-z]+)", task[sentences[1][0] : sentences[1][1]], re.IGNORECASE)
        if opening is not None and opening.group(1).lower() in _JOB_VERBS:
            return 1
    return 0


# "Wir brauchen einen Assistenten für unsere Schichtleiter. Damit sollen sie Entwürfe … schreiben": a sentence that
# says what the wished-for assistant is for continues the job sentence.
_PURPOSE_NEXT = re.compile(
    r"\s*(?:damit|dazu|hiermit|so\s+that|that\s+way|with\s+it|it\s+should|it\s+will|it\s+must|er\s+soll|es\s+soll|"
    r"con\s+(?:él|ella|esto)|avec\s+(?:lui|elle|ça)|com\s+ele|con\s+(?:lui|esso|questo)|daarmee|hiermee|zodat)\b",
    re.IGNORECASE,
)


def _job_text(task: str, job: int) -> str:
    """The job sentence, with the next sentence when that one says what the assistant is for."""
    sentences = _sentences(task)
    if not sentences:
        return ""
    start, end = sentences[job]
    if job + 1 < len(sentences) and _PURPOSE_NEXT.match(task, sentences[job + 1][0]):
        end = sentences[job + 1][1]
    return " ".join(task[start:end].split())


# Verbs that name a whole job when they open the sentence after an introduction ("Write the reminder texts …"), not a
# rule about replies ("Keep every reply under 50 words", "Use British spelling").
_JOB_VERBS = frozenset(
    """
    write draft answer summarise summarize translate classify categorise categorize tag extract review grade mark
    score triage route sort tutor teach coach rewrite proofread edit generate create compose convert analyse analyze
    moderate research recommend quiz interview respond reply support handle screen check plan parse proofread
    """.split()  # noqa: SIM905
)


# A line the brief heads with its job: "Task:", "What it does:", "cosa fa l'assistente:", "Aufgabe:", "任务：".
_JOB_LABEL = re.compile(
    r"\s*(?:[-*•]\s*)?(?:(?:the\s+|your\s+|its\s+)?(?:task|job|role)|what\s+(?:it|the\s+(?:assistant|bot))\s+"
    r"(?:does|should\s+do)|cosa\s+fa\s+l['’]assistente|compito|ruolo|(?:la\s+)?tarea|qué\s+hace(?:\s+el\s+asistente)?|"
    r"(?:la\s+)?tâche|ce\s+que\s+fait\s+l['’]assistant|(?:a\s+)?tarefa|o\s+que\s+(?:o\s+assistente\s+)?faz|aufgabe|"
    r"was\s+(?:der\s+assistent|er|es)\s+tut|taak|wat\s+de\s+assistent\s+doet)\s*:\s*\S|(?:任务|任務|タスク|役割|仕事)\s*[:：]",
    re.IGNORECASE,
)
_GREETING_ONLY = re.compile(
    r"^\W*(?:hi|hey|hello|hiya|hola|buenas|buenos\s+d[ií]as|hallo|moin|servus|bonjour|salut|ol[áa]|oi|ciao|salve|hoi|"
    r"dag|goedendag|你好|您好|こんにちは|はじめまして)(?:\s+(?:there|all|everyone|team|a\s+todos|zusammen|à\s+tous))?\W*$",
    re.IGNORECASE,
)
_ASSISTANT_WANTED = re.compile(
    # one asked for ("quero um assistente que …"), not one the requester has ("My assistant who used to do this …")
    # (a compound counts: "een supportassistent die …", "einen Chatbot, der …")
    r"\b(?:an?|um|uma|un|una|une|ein|eine|einen|een)\s+(?:\w+\s+)?\w{0,12}?"
    r"(?:bot|chatbot|assistant|agent|helper|asistente|assistente|assistent(?:in|en)?|agente|assistant)\b"
    r"[^.]{0,20}?\b(?:that|which|to|who|que|qui|der|die|das|che|dat|die|om|para|pra|pour|per|zum|zur)\b|"
    r"(?:助手|アシスタント|ボット|机器人)",
    re.IGNORECASE,
)


# A sentence that tells the assistant what to do ("Player dies = say THE END and offer a restart", "Never guess"),
# as against one that states a fact ("Tables are in the analytics dataset").
_INSTRUCTS = re.compile(
    r"^(?:\d{1,2}[).]\s*)?(?:please\s+|pls\s+|also\s+|and\s+|but\s+|then\s+)?(?:always|never|only|don'?t|do\s+not|no|"
    r"avoid|use|keep|ask|rewrite|turn|convert|draft|summari[sz]e|translate|classify|tag|extract|help|thank|collect|book|"
    r"find|warn|route|forward|escalate|apologi[sz]e|"
    r"say|tell|give|offer|include|end|start|begin|write|reply|answer|respond|make|check|confirm|mention|explain|list|"
    r"add|put|show|send|call|suggest|recommend|refer|remind|treat|stay|be|speak|address|sign|greet|wait|stop|"
    r"follow|flag|mark|return|output|print|emit|produce|format|describe|quote|cite|link|point|direct|redirect|"
    r"encourage|let|"
    r"comment\s+(?:only|on)|focus\s+on|stick\s+to|skip|prefer|"
    # "talk like a person", "sound human", "max 90 words per reply" (not "Sound Garden Studios", "Max, the owner")
    r"talk\s+(?:like|as|to|with|in)|sound\s+(?:like|more|less|human|natural|friendly|warm|professional|casual)|"
    r"max(?:imum)?\.?\s+\d+|at\s+most|no\s+more\s+than)\b|"
    r"\b(?:must|should|shall|needs?\s+to|has\s+to|have\s+to|make\s+sure|ensure|remember\s+to|always|never|"
    r"don'?t|do\s+not|can'?t|cannot|may\s+not|isn'?t\s+allowed|not\s+allowed|no-go|forbidden|"
    r"mandatory)\b|=|^[\w -]{1,30}:[^.]*\bonly\b|^need\s+(?:a|an|the)\b|"
    # "Each night the assistant asks these three questions …": what the assistant does, in the present, is a rule
    r"\b(?:the|our|this|my)\s+(?!(?:old|previous|current|existing|former|last|other)\s)(?:\w+\s+)?"
    r"(?:assistant|bot|chatbot|agent|ai|model)\s+(?:\w+ly\s+)?"
    r"(?!(?:is|was|has|does|needs|lives|runs|sits|gets|uses|works|comes)\b)[a-z]+s\b|"
    # "What to check: joins that can fan out; SELECT * …": the list of checks is the job's rule
    r"^(?:what|things)\s+to\s+(?:check|look\s+(?:for|at|out\s+for)|flag|review|watch\s+(?:for|out\s+for)|catch)\b|"
    # "Sources older than 2023 get "(dated)" after the URL": what a case gets written is a rule
    r"\b(?:gets?|receives?)\s+(?:a\s+|an\s+|the\s+)?[\"“(\[]|"
    # "Every migration needs a working downgrade()" (an output's requirement; not "Every plot holder needs a key fob")
    r"\b(?:every|each|any)\s+(?!(?:\w+\s+)?(?:holder|member|customer|user|guest|visitor|patient|person|student|parent|"
    r"player|employee|tenant|child|kid|resident|owner|client|volunteer)s?\b)(?:[\w-]+\s+){0,2}needs?\s+(?:a|an)\b|"
    # "Refunds over $150 need a human: hand off to a human agent": an order after a colon
    r":\s*(?:use|call|ask|say|tell|hand|pass|send|reply|refer|escalate|offer|give|write|return|stop)\b|^plain\s+(?:english|language|words)\s*(?:[,.;:!]|only|please|$)|"
    # "Anything bigger goes to handoff_to_specialist", "Refund disputes go to the billing team": where a case goes is
    # what to do with it (not "Most enquiries go to the front desk staff anyway")
    r"\bgo(?:es)?\s+(?:straight\s+)?to\s+(?:[a-z]+_[a-z_]+\b|(?:a\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,2}(?:humans?|person|"
    r"manager|team|specialist|supervisor|on-?call|moderators?|agents?)\b(?!\s+anyway))|"
    # "If the postcode isn't LS or they're angry use escalate_to_human": a condition, then what to do.
    r"^(?:if|when|whenever|unless|once|in\s+case|as\s+soon\s+as)\b.{3,}?(?:,\s*|\s)(?:use|call|ask|say|tell|"
    r"reply|answer|respond|offer|send|stop|switch|hand|pass|transfer|escalate|refer|point|direct|explain|suggest|set|mark|"
    r"output|return|give|choose|pick|label|tag|category|priority|status|put|leave|skip|ignore)\b",
    re.IGNORECASE,
)


def _instructs(sentence: str) -> bool:
    """Whether a sentence of the brief is a rule for the assistant: it tells it what to do, or it settles a topic that a
    default would settle otherwise ("You can cancel without asking for confirmation")."""
    if _CONTEXT_LABEL.match(sentence):
        return False  # "Context: refund disputes go to the billing team": the requester says it is background
    fact = _FIRST_PERSON_FACT.match(sentence)
    if fact and not settles_a_topic(sentence):
        # "We definitely can't guarantee that": what the requester cannot do is background, unless the sentence goes
        # on with an order ("We don't have a phone line so always send people to the booking form")
        return any(_INSTRUCTS.match(part.strip()) for part in _THEN.split(sentence[fact.end() :])[1:])
    return bool(_INSTRUCTS.search(sentence)) or settles_a_topic(sentence)


# A telegraphic spec line has no finite verb: "24-hour times.", "British spelling.", "Drafts: 120 words max, warm".
_FINITE = re.compile(
    r"\b(?:is|are|was|were|am|be|been|has|have|had|do|does|did|can|could|will|would|shall|should|may|might|must|"
    r"i|we|you|they|he|she|it|there)\b|'(?:s|re|m|ve|ll|d)\b|\?",
    re.IGNORECASE,
)
# "My team reads …", "The clinic opens at 9": a subject opens a statement, not a spec line.
_SUBJECT_LEAD = re.compile(r"(?:my|our|the|a|an|this|that|these|those|his|her|their|[A-Z]\w+'s)\s", re.IGNORECASE)
_SPEC_TERMS = (
    r"\b(?:spelling|english|times?|dates?|format\w*|tone|words?|sentences?|bullets?|paragraphs?|characters?|"
    r"emojis?|markdown|lowercase|uppercase|caps|units?|currency|metric|imperial|timezone|register|style|decimals?|"
    r"plain\s+text|only|max(?:imum)?|min(?:imum)?)\b"
)
_SPEC_TERM = re.compile(_SPEC_TERMS, re.IGNORECASE)
# a number counts as a spec with a unit ("24-hour times", "max 3 bullets", "120 words"), not as a fact ("since 1998",
# "6 rooms", "30 emails a day")
_SPEC_WORD = re.compile(
    rf"\d+(?:-|\s+)?(?:h\b|hours?\b|{_SPEC_TERMS}|questions?\b|items?\b|points?\b|lines?\b|entries\b|"
    r"hashtags?\b|emojis?\b|marks?\b|stars?\b)|"
    # a scale ("Score each criterion 1-4, total out of 20")
    r"\b\d+\s*[-–]\s*\d+\b(?!\s*(?:am|pm|h\b|:))|\bout\s+of\s+\d+|\bfrom\s+\d+\s+to\s+\d+\b",
    re.IGNORECASE,
)


def _rule_line(sentence: str) -> bool:
    """Whether a sentence of an English brief is one of its rules, not context: an instruction or a spec line."""
    if _instructs(sentence) or _spec_fragment(sentence):
        return True
    # "Money is stored in cents; output euros with / 100.0", "… think in Amsterdam time, so convert with AT TIME
    # ZONE …": a fact, then the instruction it calls for
    return any(_instructs(part.strip()) for part in _FACT_THEN_ORDER.split(sentence)[1:])


_FACT_THEN_ORDER = re.compile(r";\s*|,\s+so\s+(?=[a-z])")


def _spec_fragment(sentence: str) -> bool:
    """Whether a sentence is a short verbless spec line ("24-hour times.", "British spelling.") rather than a fact
    about the requester ("Two vets, small practice.", "Founded in 1998.")."""
    words = sentence.split()
    return (
        len(words) <= 14
        and not _FINITE.search(sentence)
        and not _SUBJECT_LEAD.match(sentence)
        and not any(is_third_person_verb(w) for w in re.findall(r"[a-z]+", sentence)[1:])
        and not re.match(r"[a-z]+ed\b", words[0], re.IGNORECASE)
        and not _PAST_EVENT.match(sentence)
        and _leads_with_spec(sentence, words)
    )


# "Ramp 2 at Marlow jammed 14:05–14:20": a past event before the first comma is material, not a spec.
_PAST_EVENT = re.compile(r"[^,;:]*\b[a-z]{3,}ed\b", re.IGNORECASE)


def _leads_with_spec(sentence: str, words: list[str]) -> bool:
    """A label line whose value names a spec ("Drafts: 120 words max", not "Tables: sales(id, …)" or "Name: Aileen
    Park, 58"), or a line whose first words do ("British spelling", "24-hour times", not "Members paste a recipe …
    (any units)")."""
    label = re.match(r"[\w -]{1,25}:\s", sentence)
    if label is not None:
        return _SPEC_TERM.search(sentence) is not None
    return _SPEC_TERM.search(" ".join(words[:4])) is not None or _SPEC_WORD.search(sentence) is not None


_CONTEXT_LABEL = re.compile(r"\s*(?:context|background|fyi|for\s+context|for\s+info|info)\s*[:\-–]", re.IGNORECASE)
_THEN = re.compile(r"\b(?:so|but|therefore|instead)\b|[,;:–—]|\s-\s", re.IGNORECASE)
_FIRST_PERSON_FACT = re.compile(
    r"^(?:we|i|our\s+\w+)\s+(?:\w+ly\s+|just\s+|really\s+)?(?:can'?t|cannot|won'?t|couldn'?t|aren'?t|are\s+not|"
    r"have\s+no|don'?t\s+have)\b",
    re.IGNORECASE,
)


def foreign_details(task: str, constraints: Sequence[Constraint], head: int = 0) -> tuple[str, ...]:
    """The sentences of a brief not written in English, other than the job sentence, whole and in the brief's words,
    unless a constraint already quotes one: an English restatement of part of a sentence ("When you cannot help,
    call …") cannot be trusted to carry the rest of it (its condition)."""
    quoted = " ".join(" ".join(c.text.split()) for c in constraints)
    tool_names = {c.name for c in constraints if c.kind == "tool" and c.name}
    literals = [
        (c.span.start, c.span.end)
        for c in constraints
        if c.kind == "schema" and c.span is not None and c.span.field == "task"
    ]
    details: list[tuple[int, str]] = []
    sentences = _sentences(task)
    for index, (start, end) in enumerate(sentences):
        sentence = task[start:end]
        following = task[slice(*sentences[index + 1])] if index + 1 < len(sentences) else ""
        if sentence.rstrip().endswith(":") and _only_tool_lines(" ".join(following.split()), tool_names):
            continue  # "Du hast diese Funktionen:" introduces the tool list, which the tools section states
        for literal_start, literal_end in sorted(literals, reverse=True):
            if start <= literal_start and literal_end <= end:
                # 'Devuelve SOLO este JSON: {…}': the output format shows the schema; the sentence points to it
                sentence = (
                    sentence[: literal_start - start]
                    + "(the JSON in the output format)"
                    + sentence[literal_end - start :]
                )
        text = re.sub(r"^・\s*", "", " ".join(sentence.split()))  # "・出力は英訳だけ。": the list dot is no word
        heading = _RULES_HEADING.match(text)
        if heading is not None and not text[heading.end() :].strip():
            continue  # "规则：" alone: it introduces the rules below and says nothing itself
        if heading is not None:
            text = text[heading.end() :].lstrip()  # "要求：\n1. 绝对不能…": the heading over the list is no rule
        # "2. 每次回答不超过150字。": the brief's item number would sit beside the prompt's own numbering
        number = _LEADING_ITEM_NUMBER.match(text) if "\n" in task else None
        at = start + len(sentence) - len(sentence.lstrip())
        if number is not None and (number.group(0)[0] in "(（" or numbered_line(task, at)):
            text = text[number.end() :]  # (not "1.5米以上…" nor "24. und 31. Dezember …": no list there)
        if index == head + 1 and _PURPOSE_NEXT.match(task, start):
            continue  # "Damit sollen sie Entwürfe … schreiben": quoted with the job sentence
        if index == head or not text.strip(".,;:!?。、，！？ ") or text.rstrip(".!?。！？") in quoted:
            continue
        if _GREETING_ONLY.match(text) or _MARKDOWN_HEADING.match(text):
            continue  # "hola!", "## Regras"
        if _only_tool_lines(text, tool_names) or (tool_names and _HEADING.fullmatch(text.strip())):
            continue  # "Ferramentas: - consultar_divida(cpf) → … Regras:": the tools section lists them already
        details.append((index, text))
    return _with_item_lists(task, sentences, details, english=False)


_LEADING_ITEM_NUMBER = re.compile(r"^(?:\d{1,2}[.)、．]|[（(]\d{1,2}[)）])\s*(?=\S)")
# A heading word and its colon ("Ferramentas:", "Regras:", "Herramientas:") or a list dash between tool lines.
_LIST_GLUE = re.compile(r"(?:^|\s)[^\W\d_]{3,20}\s*:|(?:^|\s)[-*•](?=\s)")


def _only_tool_lines(text: str, tool_names: set[str]) -> bool:
    """Whether a sentence is only the brief's tool list: signatures of extracted tools, what they return, headings."""
    if not tool_names:
        return False
    rest, signatures = text, 0
    for name in tool_names:
        rest, count = re.subn(rf"`?{re.escape(name)}\([^()]*\)`?(?:\s*(?:→|->|=>|[-–—:])\s*[^-–—\n]*)?", " ", rest)
        signatures += count
    # what is left is at most a heading or a dash (counted in characters: Japanese has no spaces between words)
    return signatures >= 1 and len("".join(_LIST_GLUE.sub(" ", rest).split())) <= 4


def _background(sentence: str) -> bool:
    """A requester's introduction that asks for nothing ("Somos el Sindicato de Inquilinas de Carabanchel.")."""
    return _BACKGROUND.match(sentence) is not None and _JOB_CUE.search(sentence) is None


def job_span(task: str) -> tuple[int, int]:
    """[start, end) of the job sentence."""
    sentences = _sentences(task)
    if not sentences:
        return 0, 0
    return sentences[min(job_sentence(task), len(sentences) - 1)]


# "… non che riscriva i miei testi", "… and never rewrites": what the assistant must not do is no job it is for
_NEGATED_REST = re.compile(
    r"\b(?:not|never|no|don'?t|non|nicht|nie|kein\w*|não|nunca|mai|niet|nooit|ne)\b.*", re.IGNORECASE | re.DOTALL
)


def job_clause(task: str) -> str:
    """What the job sentence asks the assistant to do: after "un assistente che", up to the next comma or semicolon
    ("…, poi io riscrivo tutto" is the requester's part), and up to a negation; the whole sentence when it asks
    for no assistant in these words."""
    start, end = job_span(task)
    sentence = task[start:end]
    wanted = _ASSISTANT_WANTED.search(sentence)
    if wanted is not None and wanted.group(0).isascii() and sentence[wanted.end() :].strip():
        sentence = re.split(r"[,;]", sentence[wanted.end() :])[0]
    return _NEGATED_REST.sub("", sentence)


def job_start(task: str) -> int:
    """Where the job begins: at the job sentence, after a requester's introduction before it."""
    sentences = _sentences(task)
    job = job_sentence(task)
    return sentences[job][0] if job and job < len(sentences) else 0


# "Spec:", "Format, no exceptions:": a line that introduces what follows
_HEADING = re.compile(r"[\w -]{1,30}(?:,\s*no\s+exceptions?|\s*\((?:strict|important|must)\))?:")


def task_details(task: str, constraints: Sequence[Constraint], head: int = 0) -> tuple[str, ...]:
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
    details: list[tuple[int, str]] = []
    sentences = _sentences(task)
    for index, (start, end) in enumerate(sentences):
        if index == head and not _leads_numbered_list(task, sentences, index):
            continue
        text = task[start:end]
        if _GREETING_ONLY.match(text) or _MARKDOWN_HEADING.match(text):
            continue  # "## Rules" introduces what follows; it says nothing itself
        text = re.sub(r"\s*```[\w+-]*\s*$", "", text)  # "Tools (TypeScript signatures): ```ts": the fence goes
        if not text.strip(" .:"):
            continue
        listed = index + 1 < len(sentences) and _is_item(task, sentences[index + 1][0])
        if _HEADING.fullmatch(text.strip()) and not listed:
            continue  # "Spec:" introduces what follows; it says nothing itself (a list after it may join it)
        if _TOOL_LINE.match(text) and any(text.lstrip(" \t-*•`").startswith(f"{name}(") for name in tool_names):
            continue  # "check_booking(…) -> booking_id, room": the tools section states the tool and what it returns
        if not any(covered[i] for i in range(start, end)) and text.strip():
            details.append((index, " ".join(text.split())))
            continue
        visible = [i for i in range(start, end) if not task[i].isspace()]
        if len(visible) >= 200 and sum(covered[i] for i in visible) * 5 >= len(visible) * 4:
            # "Return JSON exactly in this shape, no extra keys: { …a schema… }": the constraints carry four fifths of
            # a long sentence (the schema itself), so repeating it whole would print the schema twice.
            continue
        said = " ".join(
            c.text.lower()
            for c in constraints
            if c.span is not None and c.span.field == "task" and start <= c.span.start < end and not _scripted(c)
        )
        words = [w.strip(".'") for w in _CONTENT_WORD.findall(text.lower()) if len(w.strip(".'")) > 3]
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
            untouched = _untouched_parts(text, start, covered)
            if untouched:
                details.append((index, untouched))
            continue
        rest = [m.group(0).lower() for m in _CONTENT_WORD.finditer(text) if not covered[start + m.start()]]
        if all(word.strip(".,;:!?'") in _FILLER_WORDS for word in rest):
            continue  # the constraints' spans hold all of it but filler ("Output just the label, nothing else.")
        details.append((index, " ".join(text.split())))
    return _with_item_lists(task, sentences, details, english=True)


def _leads_numbered_list(task: str, sentences: list[tuple[int, int]], index: int) -> bool:
    """Whether a sentence introduces a sequence or the reply's parts and numbered lines follow it ("… want 2 things
    back:\n1) a digest …"): the job sentence then stays with them."""
    start, end = sentences[index]
    if not _SEQUENCE_LEAD.search(task[start:end].rstrip()) or index + 2 >= len(sentences):
        return False
    return all(_item_number(task, sentences[i][0]) is not None for i in (index + 1, index + 2))


def _scripted(constraint: Constraint) -> bool:
    """A reply of several sentences to say exactly: its fallback restates the words, not what the sentence does
    around them ("stop the check-in and reply with exactly: "…. …"", "don't open a claim; say "…. …" and stop")."""
    return (
        constraint.kind == "fallback"
        and constraint.action == "say"
        and bool(_INNER_STOP.search(constraint.value or ""))
    )


_INNER_STOP = re.compile(r"[.!?]\s+\S")


def _is_item(task: str, start: int) -> bool:
    """Whether the sentence starting at `start` is an item of a dashed list (its line opens with the dash)."""
    line = task[task.rfind("\n", 0, start) + 1 : start]
    return _DASH.fullmatch(line) is not None


_DASH = re.compile(r"[ \t]*(?:[-*•–][ \t]+|・[ \t]*)")  # ("・出力は英訳だけ": a Japanese list dot)


def _numbered_item(task: str, start: int) -> bool:
    """Whether the sentence starting at `start` opens its line with an item number ("2) What was the hardest …")."""
    if _item_number(task, start) is not None:
        return True  # the sentence split left the item number before the sentence ("1. money handled as float")
    line = task[task.rfind("\n", 0, start) + 1 : start]
    return not line.strip() and _OPENING_NUMBER.match(task, start) is not None


_OPENING_NUMBER = re.compile(r"\d{1,2}[.)]\s")


def _item_number(task: str, start: int) -> str | None:
    """The number of a numbered item the sentence split left before the sentence at `start` ("2)"), or None."""
    line = task[task.rfind("\n", 0, start) + 1 : start]
    match = _NUMBER_PREFIX.fullmatch(line)
    return f"{match.group('n')})" if match else None


_NUMBER_PREFIX = re.compile(r"[ \t]*(?P<n>\d{1,2})[.)][ \t]+")


def _with_item_lists(
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
        if ":" not in lead.rstrip()[-1:] and ":\n" not in lead:
            # Only a line that ends in a colon introduces a list (see `_one_list`); not scanning the items after
            # every other line keeps a long run of numbered lines (pasted answer keys) linear.
            if _HEADING.fullmatch(text) is None:
                joined.append(text)
            continue
        end = index + 1
        # "… waits for the answer each time:\n1) What's one thing …?\n2) …": numbered items of an English lead
        numbered = english and text.isascii() and is_english(text)
        while end < len(sentences) and (
            _is_item(task, sentences[end][0]) or (numbered and _numbered_item(task, sentences[end][0]))
        ):
            end += 1
        items = [" ".join(task[slice(*sentences[i])].split()).rstrip(".;") for i in range(index + 1, end)]
        marks = [_item_number(task, sentences[i][0]) for i in range(index + 1, end)]
        if all(marks):
            # "What to look for, most important first:\n1. …\n2. …": the numbers are the order of importance
            items = [f"{mark} {item}" for mark, item in zip(marks, items, strict=True)]
        heading = _HEADING.fullmatch(text) is not None
        lead_end, first_item = sentences[index][1], sentences[index + 1][0] if index + 1 < len(sentences) else 0
        apart = _BLANK.search(task, lead_end, max(lead_end, first_item)) is not None
        if len(items) >= 2 and not apart and _one_list(task[slice(*sentences[index])], items, heading, english):
            glue = ": " if text.endswith(":") else "; "  # "… like this: Heel slides — 10 reps" then its steps
            end_mark = "" if items[-1].endswith(("?", "!", "？", "！")) else "."
            joined.append(f"{text.rstrip(':')}{glue}{'; '.join(items)}{end_mark}")
            skip_to = end - 1
        elif not heading:
            joined.append(text)
    return tuple(joined)


def _one_list(lead: str, items: list[str], heading: bool, english: bool) -> bool:
    """Whether a lead and its dashed items are one instruction or one piece of material, not a list of rules."""
    if ":" not in lead.rstrip()[-1:] and ":\n" not in lead:
        return False  # the items follow no colon: each is a sentence of its own
    if any(_TOOL_LINE.match(item) for item in items):
        return False  # a tool list: the tools section states each tool
    if _SEQUENCE_LEAD.search(lead):
        return True  # "Ask ONE question per message, in this order:" and the questions: one instruction
    if _NEGATIVE_HEADING.fullmatch(lead.strip()):
        return True  # "Do not:\n- use emojis": each item is forbidden, which it no longer says on its own
    if heading:
        # "Rules:" lists rules, each a rule of its own; "Swimming pool:\n- open 7am-9pm" is about the pool
        return not _RULES_HEADING.fullmatch(lead.strip())
    if english:
        return not any(_instructs(item) for item in items)  # "Mark scheme (10 marks):" and its criteria
    return all(len(item.split()) <= 12 for item in items)  # "Pour chaque fiche, rends exactement :" and its parts


_BLANK = re.compile(r"\n[ \t]*\n")
_SEQUENCE_LEAD = re.compile(
    r"\b(?:in\s+(?:this|that|the\s+following)\s+order|in\s+order|one\s+(?:at\s+a\s+time|by\s+one)|"
    r"(?:these|the\s+following)\s+(?:questions|steps)|"
    # "… and want 2 things back:", "in three parts:": the parts of one reply
    r"(?:\d|two|three|four|five)\s+(?:things|parts|sections|pieces|outputs)(?:\s+[a-z]+){0,2})\s*[:：]\s*$",
    re.IGNORECASE,
)
_MARKDOWN_HEADING = re.compile(r"\s*#{1,6}\s+\S[^\n]{0,80}$")
# A heading that lists the requester's rules: its items are rules, each of its own.
_RULES_HEADING = re.compile(
    r"(?:(?:some|a\s+few|(?:the\s+)?main|key|hard|house|our|my|important|general|extra|other|more)\s+)*"
    r"(?:rules?|guidelines?|instructions?|requirements?|constraints?|policies|policy|do'?s(?:\s+and\s+don'?ts)?|"
    r"behaviou?r|how\s+it\s+(?:should|must)\s+(?:behave|work|act)|regras|reglas|normas|regeln|règles|consignes|regole|"
    # "Cómo debe funcionar:", "So soll es funktionieren:", "Comment il doit fonctionner :"
    r"c[óo]mo\s+(?:debe|tiene\s+que)\s+funcionar|como\s+deve\s+funcionar|so\s+soll\s+(?:es|er)\s+funktionieren|"
    r"wie\s+(?:es|er)\s+funktionieren\s+soll|comment\s+(?:il|ça|elle)\s+doit\s+fonctionner|come\s+deve\s+funzionare|"
    r"hoe\s+het\s+moet\s+werken|"
    r"istruzioni|regels|instructies|richtlijnen|anweisungen|instrucciones|instruções|ルール|规则|要求|"
    r"format(?:ting)?(?:\s+rules)?|style)(?:,\s*no\s+exceptions?)?\s*[:：]",
    re.IGNORECASE,
)
# A heading whose items are each forbidden: "Do not:", "Avoid:", "Things to avoid:", "Nunca:", "Niemals:".
_NEGATIVE_HEADING = re.compile(
    r"(?:do\s+not|don'?t|never|avoid|things\s+to\s+avoid|don'?ts|not\s+allowed|forbidden|no\s+go|never\s+\w+|"
    r"nunca|no|jamás|evita(?:r)?|prohibido|nie(?:mals)?|nicht|vermeide\w*|verboten|jamais|ne\s+pas|à\s+éviter|"
    r"interdit|não|evite|proibido|mai|evitare|vietato|nooit|niet|vermijd)\s*[:：]",
    re.IGNORECASE,
)


_CONDITION_LEAD = re.compile(
    r"(?:(?:very\s+)?important|note|nb|also|and|but|so|pls|please)?\W*"
    r"(?:if|when|whenever|unless|once|after|before|in\s+case|as\s+soon\s+as|otherwise|anything\s+else|si|cuando|wenn|falls|sobald|"
    r"quand|lorsque|se|quando|caso)\b",
    re.IGNORECASE,
)


def _parts(text: str) -> list[tuple[int, int]]:
    """[start, end) of the comma- or semicolon-separated parts of a sentence, outside parentheses."""
    bounds, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if char in ",;" and depth == 0:
            bounds.append((start, index))
            start = index + 1
    bounds.append((start, len(text.rstrip().rstrip(".!?"))))
    return bounds


# "no sexual content, no real world politics, gore kept PG-13": a part with its own subject after a constraint is
# content of its own; one that opens with a link or a verb continues the constraint before it.
# "and if they're outside the US tell them …": a second case with its own instruction
_NEW_CASE = re.compile(
    r"(?:and|but|or)\s+(?:if|when|whenever|where)\b[^,;]{3,80}?\b(?:tell|give|ask|point|send|refer|say|offer|"
    r"suggest|direct|advise|urge)\b",
    re.IGNORECASE,
)
_LINKED_PART = re.compile(
    r"(?:then|and|or|but|so|until|till|unless|before|after|which|that|who|because|otherwise|if|when|instead|"
    r"except|with|without|even|also|plus|only|just|e\.g|i\.e|etc|in|on|at|for|as|to|from|by|under|"
    r"over|into|within|per|each|every|using|via|like|such)\b",
    re.IGNORECASE,
)


def _untouched_parts(text: str, offset: int, covered: Sequence[bool]) -> str:
    """The leading parts of a sentence that no constraint's span touches and that say something, joined again."""
    kept: list[str] = []
    trailing: list[str] = []
    after_constraint = False
    condition = ""
    for start, end in _parts(text):
        if any(covered[offset + i] for i in range(start, end)):
            # A condition just before a constraint belongs to it ("If someone is in crisis, give them 988").
            conditions = [index for index, part in enumerate(kept) if _CONDITION_LEAD.match(part)]
            own = " ".join(text[start:end].split())
            if conditions:
                condition = kept[conditions[-1]]
            elif _CONDITION_LEAD.match(own):
                condition = find_condition(own) or condition
            del kept[conditions[-1] if conditions else len(kept) :]
            after_constraint = True
            continue
        part = " ".join(text[start:end].split())
        if not part:
            continue  # "…, just bullet points, " ends on an empty part
        if after_constraint and _NEW_CASE.match(part):
            # "…(call or text 988), and if they're outside the US tell them …": a case of its own, with its own
            # instruction, that no constraint carries
            after_constraint = False
            part = re.sub(r"^(?:and|but|or)\s+", "", part, flags=re.IGNORECASE)
        if after_constraint and (_LINKED_PART.match(part) or part.split()[0].lower() in VERBS):
            break  # a part after a constraint that continues it ("…, then list them all") belongs to it
        words = [w.lower().strip(".'") for w in _CONTENT_WORD.findall(part)]
        if part and any(len(w) > 2 and w not in _FILLER_WORDS for w in words):
            # "if someone is behind on rent, be kind, dont lecture, and give them …": a part after the constraint
            # still holds under the sentence's condition.
            if after_constraint:
                trailing.append(f"{condition}, {part}" if condition else part)
            else:
                kept.append(part)
    return ", ".join([*kept, *trailing])


def _restates_job(constraint: Constraint, job: tuple[int, int]) -> bool:
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


def _persona(primary: Archetype, ids: set[str], task: str) -> Persona | None:
    for persona in primary.personas:
        if persona.with_archetype is not None and persona.with_archetype in ids:
            return persona
        if persona.unless_task is not None and not persona.unless_task.search(task):
            return persona
    return None


def _without_spans(task: str, constraints: Sequence[Constraint]) -> str:
    """The task with the spans of these constraints blanked (offsets kept)."""
    for c in constraints:
        if c.span is not None and c.span.field == "task":
            task = task[: c.span.start] + " " * (c.span.end - c.span.start) + task[c.span.end :]
    return task


def _field_values(constraint: Constraint) -> bool:
    """Whether a label set is the values of one named field ("status ist einer von …"), not a label for the reply; a
    field that holds the reply's verdict ("action", "category", "label") carries the reply's label."""
    scope = (constraint.scope or "").lower()
    return constraint.kind == "labels" and bool(scope) and not scope.endswith("label") and scope not in REPLY_LABEL_KEYS


REPLY_LABEL_KEYS = frozenset(
    {
        "label",
        "labels",
        "category",
        "class",
        "classification",
        "intent",
        "verdict",
        "decision",
        "tag",
        "action",
        "outcome",
    }
)
"""JSON keys that hold the reply's own label: a label set the brief gives such a key is the reply's label set."""


def _labels(constraints: Sequence[Constraint], task: str) -> tuple[tuple[str, ...], bool]:
    """The label set and whether the brief stated it (then it is used exactly as written)."""
    sets = [c for c in constraints if c.kind == "labels" and c.values]
    for c in sorted(sets, key=_field_values):  # a reply label before a field's values
        return tuple(dict.fromkeys(c.values)), True
    loose = extract_labels(task)
    if loose:
        return tuple(loose), True
    if SENTIMENT.search(task):
        return _SENTIMENT_LABELS, False
    return (), False


def _reply_language(brief: Brief, entities: Entities, constraints: Sequence[Constraint]) -> str | None:
    for c in constraints:
        if c.kind == "language" and c.value:
            return c.value
    return brief.language or entities.language


def _audience(brief: Brief, entities: Entities, constraints: Sequence[Constraint]) -> str | None:
    if brief.audience:  # the brief's own field, whole ("warehouse workers, many with English as a second language")
        return brief.audience.strip().rstrip(".")
    for c in constraints:
        if c.kind == "audience" and c.value:
            return c.value
    return entities.audience


def _length(brief: Brief, entities: Entities, constraints: Sequence[Constraint]) -> tuple[Length, int]:
    """The length bucket and the word budget; a stated word limit on the whole reply sets the budget."""
    length: Length = brief.length or entities.length or "standard"
    for c in constraints:
        if c.kind == "limit" and c.unit == "words" and c.scope is None and (c.maximum or c.exact):
            return length, int(c.maximum or c.exact or 0)
    return length, MAX_WORDS[length]


_HANDOFF_REPLY = 'reply with "I\'m passing this to a human colleague who will follow up with you."'


_GENERAL_CONDITION = re.compile(
    # ("before anything else" orders a step; it names no case of its own)
    r"\b(?:unsure|not\s+sure|don'?t\s+know|do\s+not\s+know|cannot|can'?t|can’t|unable|(?<!before )anything\s+else|"
    r"otherwise|"
    r"out\s+of\s+scope|outside|anything\s+(?:beyond|more|further)|(?<!before\s)anything\s+else|not\s+covered|isn'?t\s+covered|no\s+answer|doesn'?t\s+know|escalat|human|(?:a|real|actual|live)\s+person|"
    r"complex|complicated|stuck|not\s+in|(?:doesn'?t|does\s+not|don'?t|do\s+not)\s+(?:cover|say|answer|mention|have|include)|"
    r"isn'?t\s+in|can'?t\s+find|cannot\s+find|not\s+(?:found|sure|listed|there|documented))\b",
    re.IGNORECASE,
)


def general_condition(condition: str | None) -> bool:
    """Whether a fallback's condition is the general "cannot help" case, not one topic ("if they want to cancel")."""
    return condition is None or bool(_GENERAL_CONDITION.search(condition))


def escalation(constraints: Sequence[Constraint], task: str = "") -> str:
    """How to escalate: through the brief's hand-off tool, its own contact (its first non-emergency phone, email or
    URL fallback that no department claims), or with the vetted hand-off sentence when the brief names none. A
    hand-off tool ("escalate_to_human(reason)", "create_ticket(…)") is called instead of promising a colleague in
    words; a line the brief gives for one department ("suporte tecnico por telefone 0800 …") is no route for legal
    questions or refunds."""
    ranked = [
        (rank, c.name)
        for c in constraints
        if c.kind == "tool" and c.name and (rank := handoff_rank(c.name)) is not None
    ]
    tool = min(ranked, key=lambda pair: pair[0])[1] if ranked else None
    if tool is not None:
        return f"call the `{tool}` tool with the reason, and tell them that a colleague will follow up."
    emergency = emergency_number([(c.value or "", c.condition) for c in constraints if c.action == "phone"])
    # "Bei Garantiefällen oder Reklamationen immer an service@… verweisen": the brief's own route for the cases an
    # escalation is for (a complaint, a dispute) comes before a catch-all link ("Termine … nur auf https://… verweisen")
    for c in constraints:
        if c.kind == "fallback" and c.value and c.value != emergency and escalation_case(c.condition):
            route = _contact_route(c)
            if route is not None:
                return route
    for c in constraints:
        if c.kind != "fallback" or not c.value or c.value == emergency or not general_condition(c.condition):
            continue
        if (
            c.span is not None
            and c.span.field == "task"
            and _DEPARTMENT.search(task[max(0, c.span.start - 45) : c.span.start])
            and c.condition is None  # a line given for one department, with no case of the brief's own
        ):
            continue
        route = _contact_route(c)
        if route is not None:
            return route
    # "encaminhar para um assessor pelo WhatsApp +55 …": the brief's own way to reach a person, rather than a
    # colleague the brief never mentions
    for c in constraints:
        span = c.span
        if c.kind != "fallback" or not c.value or c.value == emergency or span is None or span.field != "task":
            continue
        if _PERSON_ROUTE.search(task[max(0, span.start - 110) : span.start]):
            route = _contact_route(c)
            if route is not None:
                return route
    return _HANDOFF_REPLY


# A person the brief routes people to: an adviser, an agent, a colleague, in the languages the engine reads.
_PERSON_ROUTE = re.compile(
    # a verb that hands the person over ("encaminhar para um assessor", "pásalo a un asesor humano"), not a third
    # party's staff the customer may contact ("customers can chat with a DPD agent at …")
    r"\b(?:pass|hand|transfer|refer|route|forward|escalate|connect|encaminh|pás|pas[ae]|deriv|weiterleit|"
    r"übergib|übergeb|transf[eé]r|pass(?:e|er)\s+la\s+main|trasfer|passa|inoltr|doorverbind|doorsturen|stuur|"
    # ("wants to speak to a person / een medewerker spreken, give them our number": the person asked for)
    r"speak|talk|spreken|sprechen|hablar|falar|parler|parlare)\w*\b"
    r"[^.!?\n]{0,30}\b(?:advis[eo]rs?|agents?|human|person|colleagues?|specialists?|consultants?|representatives?|"
    r"assessor(?:es)?|asesor(?:es)?|consultor(?:es)?|atendentes?|agentes?|conseill[eè]re?s?|berater(?:in)?|"
    r"mitarbeiter(?:in)?|consulente|operatore|adviseurs?|medewerkers?|humano|humain|mensch)\b[^.!?\n]{0,40}$|"
    # "Wil iemand een medewerker spreken, geef dan ons nummer …": the person someone asks to speak to
    r"\b(?:advis[eo]rs?|agents?|human|person|colleagues?|medewerkers?|mitarbeiter(?:in)?|asesor(?:es)?|agentes?|"
    r"conseill[eè]re?s?|consulente|operatore)\s+(?:\w+\s+)?(?:spreken|sprechen|speak|talk|hablar|falar|parler|parlare)"
    r"\b[^.!?\n]{0,40}$",
    re.IGNORECASE,
)


def escalation_case(condition: str | None) -> bool:
    """Whether a fallback's condition is a case an escalation is for: a complaint, a dispute, an appeal."""
    return bool(condition) and _ESCALATION_CASE.search(condition or "") is not None


def _contact_route(c: Constraint) -> str | None:
    if c.action == "phone":
        return f"tell them to call {c.value}."
    if c.action == "email":
        return f"tell them to email {c.value}."
    if c.action == "url":
        return f"point them to {c.value}."
    return None


_ESCALATION_CASE = re.compile(
    r"\b(?:complain\w*|complaints?|disput\w*|unhappy|dissatisfied|not\s+satisfied|appeal\w*|reclam\w*|reklam\w*|quej\w*|"
    r"beschwer\w*|plainte\w*|klacht\w*|contest\w*)",
    re.IGNORECASE,
)


# A contact the brief gives for one department: technical support, billing, sales, bookings.
_DEPARTMENT = re.compile(
    r"\b(?:tech(?:nical)?\s+support|it\s+support|billing|sales|bookings?|reservations?|suporte\s+t[ée]cnico|"
    r"soporte\s+t[ée]cnico|technischer\s+support|support\s+technique|assistenza\s+tecnica|technische\s+dienst|"
    r"faturamento|facturaci[óo]n|fakturierung|facturation|vendas|ventas|vertrieb|ventes)\b[^.!?\n]{0,30}$",
    re.IGNORECASE,
)


# "Cite the section like [§ 4.2]": the brief's own citation example replaces the default one.
_CITATION = re.compile(
    r"\bcit(?:e|es|ing|ation|ations)\b[^.!?\n]{0,40}?\b(?:like|as\s+in|in\s+the\s+form|such\s+as|format|e\.g\.,?|"
    r"for\s+example|as)\s*:?\s*(?:e\.g\.,?\s*)?"
    r"(?P<example>\[[^\]\n]{1,30}\]|【[^】\n]{1,30}】|\((?!e\.g\.)[^)\n]{1,30}\))|"
    # "Always quote the clause number you're relying on (e.g. "Clause 7.2")": a reference the brief spells out.
    r"\b(?:quote|give|name|state|include|reference|mention)\s+(?:the\s+)?(?:clause|section|article|paragraph|page|§)"
    r"\s*(?:number|no\.?|ref\w*)?[^.!?\n]{0,60}?\(\s*(?:e\.g\.,?|for\s+example|like)\s*"
    r"[\"“'‘](?P<example2>[^\"”'’\n]{1,30})[\"”'’]\s*\)|"
    # "Always say which section of the handbook the answer comes from, like (Handbook §3.2)"
    r"\b(?:say|state|name|give|show|mention)\s+(?:which|what)\s+(?:section|clause|article|page|paragraph|part|source)"
    r"[^.!?\n]{0,60}?\b(?:like|e\.g\.,?|for\s+example|such\s+as|as\s+in)\s*:?\s*"
    r"(?P<example3>\[[^\]\n]{1,30}\]|\((?!e\.g\.)[^)\n]{1,30}\))",
    re.IGNORECASE,
)
DEFAULT_CITATION = "[Doc 2, Section 3]"


_WRITES_REPLY = re.compile(
    r"\b(?:write|draft|compose|generate|suggest|propose)\s+(?:a\s+|an\s+|the\s+)?(?:short\s+|polite\s+|friendly\s+)?"
    r"(?:reply|replies|response|responses|answer\s+email|email\s+reply)\b",
    re.IGNORECASE,
)
_CUSTOMER = re.compile(r"\b(?:customers?|clients?|support|tickets?|complaints?|orders?|refunds?)\b", re.IGNORECASE)


# A label that hands the item to a person: unsure cases and ties go there, never to the first label of the set.
_REVIEW_LABEL = re.compile(
    r"(?:needs?[_ -]?|human[_ -]?|manual[_ -]?)?review|unsure|uncertain|unknown|escalate|unclear|flag(?:ged)?|"
    r"to[_ -]?check|check|人工复核|复核|人工审核|要確認|確認|revisar|revisión|prüfen|manuell|à[_ -]vérifier|vérifier",
    re.IGNORECASE,
)


# JSON keys that hold a verdict from a label set, not a value copied from the input.
_VERDICT_KEYS = frozenset(
    {"decision", "label", "verdict", "category", "classification", "action", "outcome", "sentiment"}
)
# A label that keeps an item out (moderation): when unsure between it and a milder one, the stricter one is safer.
_STRICT_LABEL = re.compile(r"block(?:ed)?|remove[d]?|reject(?:ed)?|den(?:y|ied)|ban(?:ned)?|unsafe|hide|hidden", re.I)


def _tie_break(labels: Sequence[str]) -> str:
    """Where a tie goes: to a person when the set has a review label, else to the stricter label, else the first."""
    review = review_label(labels)
    if review is not None:
        return f'"{review}" (a person then decides)'
    strict = next((label for label in labels if _STRICT_LABEL.fullmatch(label.strip())), None)
    if strict is not None:
        return f'"{strict}" (the stricter label)'
    return "the one listed first in the label set"


def review_label(labels: Sequence[str]) -> str | None:
    """The label of the set that sends an item to a person ("review", "unsure", "needs_review"), if any."""
    return next((label for label in labels if _REVIEW_LABEL.fullmatch(label.strip())), None)


def citation_style(task: str, constraints: Sequence[Constraint]) -> str:
    """The citation example the brief gives, or the default one."""
    for text in (task, *(c.text for c in constraints)):
        match = _CITATION.search(text)
        if match:
            return match.group("example") or match.group("example2") or match.group("example3")
    return DEFAULT_CITATION


def is_conversational(primary: Archetype, task: str) -> bool:
    """Whether the assistant talks with the end user live: always for a conversational archetype, and for one that
    serves both ways when the task describes a chat ("a chat assistant for our dental office") and no batch work."""
    if primary.conversational:
        return True
    if primary.live_chat_cue is None or not primary.live_chat_cue.search(task):
        return False
    # "Always search_kb before creating a ticket": a ticket the assistant raises is no ticket it works through.
    task = _TICKET_ACTION.sub(lambda m: " " * len(m.group(0)), task)
    if primary.batch_cue is None or not primary.batch_cue.search(task):
        return True
    # "Our support inbox is drowning, so we want a chat assistant on the website": the job sentence asks for a chat;
    # the inbox is only why they want one.
    start, end = job_span(task)
    wish = _WISH.search(task, start, end)
    sentence = task[wish.end() if wish is not None else start : end]
    return _CHAT_JOB.search(sentence) is not None and not primary.batch_cue.search(sentence)


_TICKET_ACTION = re.compile(
    r"\b(?:creat|open|rais|log|fil|submit)\w*\s+(?:a|an|the|one|new)\s+(?:new\s+)?(?:support\s+|it\s+)?tickets?\b",
    re.IGNORECASE,
)
# Words that make a job sentence a live chat ("a chat assistant", "a WhatsApp bot"), unlike "assistant" alone.
_CHAT_JOB = re.compile(
    r"\b(?:chat\w*|(?:chat)?bot|widget|whatsapp|messenger|live\s+chat|talks?\s+(?:to|with))\b|チャット|聊天|机器人",
    re.IGNORECASE,
)


# Words that ask for a label to be given: without one, a free-form job's set names the domain's categories.
ASKS_FOR_LABEL = re.compile(
    r"\b(?:classif\w*|categori[sz]\w*|label\w*|tag(?:s|ged|ging)?|assign\w*|rout(?:e|es|ing)|triag\w*|bucket\w*|"
    r"which\s+category|mark\w*|flag\w*|rate|rating|grad(?:e|es|ed|ing)|scor\w*|judg\w*|assess\w*|evaluat\w*|urgen\w*|priorit\w*|level|sentiment|verdict|decid\w*|"
    r"reply\s+with|respond\s+with|answer\s+with|output\w*|return\w*|clasific\w*|nivel\w*|prioridad|etiquet\w*|klassifizier\w*|kategorisier\w*|einordn\w*|einstuf\w*|catégoris\w*|"
    r"étiquet\w*|classe[rz]|rotul\w*|sort(?:s|ed|ing)?\s+(?:it|them|each\s+\w+|every\s+\w+)\s+(?:as|into))\b|"
    r"分類|分类|归类|ラベル|标签|标记|タグ",
    re.IGNORECASE,
)


def asks_for_label(task: str) -> bool:
    """Whether the brief asks for a label to be given (classify, tag, label, route, mark …)."""
    return bool(ASKS_FOR_LABEL.search(task))


def _label_step(
    primary: Archetype, task: str, constraints: Sequence[Constraint], partners: tuple[Archetype, ...]
) -> tuple[Sequence[Constraint], tuple[Archetype, ...]]:
    """A label set in a free-form job's brief: a labelling step when the brief asks for a label ("answer, then tag
    it billing, bug or other"), else the categories its answers use ("区分は「燃やすごみ」…の4つだけです")."""
    if primary.blendable and not ASKS_FOR_LABEL.search(task):
        categories = [
            _as_categories(c) if c.kind == "labels" and c.scope in (None, "label") else c for c in constraints
        ]
        return categories, tuple(a for a in partners if not a.uses_labels)
    labeller = next(a for a in REGISTRY if a.uses_labels)
    return constraints, partners if labeller in partners else (*partners, labeller)


def _as_categories(constraint: Constraint) -> Constraint:
    values = constraint.values
    listed = values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]
    return msgspec.structs.replace(constraint, text=f"Use only these categories: {listed}; never name another.")


# Features that name a domain, not a job: "grammar" as a school subject, "reports", "invoices", "developers".
_DOMAIN_HINTS = frozenset({"subjects", "long input", "forms/invoices", "developers", "database", "inbox"})


def _names_job(match: ArchetypeMatch) -> bool:
    """Whether the brief's own words name this archetype's job: a keyword feature that is more than a domain hint."""
    return any(not name.startswith("model:") and name not in _DOMAIN_HINTS for name in match.features)


def verdict_labels(labels: Constraint) -> bool:
    """Whether a label set is the reply's verdict: unscoped, or scoped to a verdict key; "Assign exactly one
    wound_type label" is one field's values in a record, and makes no judge of the extractor."""
    if labels.scope is None:
        return True
    key = labels.scope.lower().removesuffix(" label").removesuffix(" field").strip().strip("`\"'")
    return key in _VERDICT_KEYS or key in REPLY_LABEL_KEYS


def make_plan(
    brief: Brief,
    entities: Entities,
    matches: Sequence[ArchetypeMatch],
    constraints: Sequence[Constraint],
    references: Sequence[str] = (),
    material: str = "",
) -> Plan:
    """Work out the shared values of a composition (`references`: titles of the material pasted into the brief,
    `material`: its text)."""
    # A tool parameter's value set lives in that tool's line (`name` says which tool): the reply names no label of it.
    stated, constraints = constraints, [c for c in constraints if not (c.kind == "labels" and c.name)]
    label_task = _without_spans(brief.task, [c for c in stated if c.kind == "labels" and c.name])
    # The reply is a JSON object: a schema, or fields with JSON named (details to collect in a chat, or a table's
    # columns, are no object).
    json_output = (
        brief.json_schema is not None
        or any(c.kind == "schema" for c in constraints)
        or (
            any(c.kind == "fields" and c.value != "collect" for c in constraints)
            and any(c.kind == "format" and c.value == "json" for c in constraints)
        )
    )
    primary = BY_ID[matches[0].id].for_task(brief.task, json_output=json_output)
    secondaries = [BY_ID[m.id] for m in matches[1:] if m.id in BY_ID]
    # "Never draft a reply to the person": what the brief forbids is no reply to write
    allowed_task = _without_spans(brief.task, [c for c in stated if c.kind == "prohibition"])
    if not primary.blendable and _WRITES_REPLY.search(allowed_task):
        # "read the email, write a reply AND tag it": a label or an object cannot carry a written reply, so the
        # writer leads and the fixed-output job joins as its partner.
        writer = (
            next((a for a in secondaries if a.blendable), None)
            or BY_ID["customer_support" if _CUSTOMER.search(brief.task) else "meeting_email_assistant"]
        )
        secondaries = [primary, *(a for a in secondaries if a is not writer)]
        primary = writer.for_task(brief.task, json_output=json_output)  # "… and draft a reply": the reply writer
    # A second free-form job brings all its rules and its voice, so it joins only on the brief's own words for it:
    # a model-only guess ("a sales email" read as marketing copy) would add rules the brief never asked for.
    # Keywords are mostly English, so elsewhere the model's guess is all the evidence there is.
    english = is_english(brief.task)
    worded = {m.id for m in matches[1:] if not english or _names_job(m)}
    if primary.extracts_fields and any(c.kind == "labels" and verdict_labels(c) for c in constraints):
        # "Decide approve, needs_changes or reject … reply as JSON {"decision": …}": a verdict in a JSON object is a
        # labelling job; the extractor's rules (copy values, null for missing) would contradict it.
        judge = next((a for a in secondaries if a.uses_labels or a.yields_to_brief_labels), None)
        keys = {v.lower() for c in constraints if c.kind in ("schema", "fields") for v in c.values}
        if judge is None and keys & _VERDICT_KEYS:
            judge = next(a for a in REGISTRY if a.uses_labels)
        if judge is not None:
            primary, secondaries = judge, [a for a in secondaries if a is not judge]
    blended = tuple(a for a in secondaries if primary.blendable and a.blendable and a.id in worded)
    # A fixed-output secondary (labels, fields) adds its essential part to a free-form primary; a fixed-output
    # primary takes nothing from its secondaries (its output is a label or an object, not a conversation).
    partners = tuple(
        a
        for a in secondaries
        if primary.blendable
        and not a.blendable
        and (a.blend_rules or a.blend_output)
        # a labeller joins only with a label set to apply: "the labels listed in <labels>" names no input here
        and not (a.uses_labels and not any(c.kind == "labels" for c in constraints) and not extract_labels(label_task))
    )
    if (
        primary.blendable
        and not any(a.grounded_in_sources for a in (primary, *blended))
        and _GROUNDED.search(brief.task)
    ):
        # "Answer billing questions using the help-center article": answers come from that source, whatever the
        # classifier saw, so the grounding rules of the source-based archetype join.
        blended = (*blended, next(a for a in REGISTRY if a.grounded_in_sources))
    labels, from_brief = _labels(constraints, label_task)
    stated_noun = None
    if (
        from_brief
        and primary.yields_to_brief_labels
        and any(c.kind == "labels" and not _field_values(c) for c in constraints)
    ):
        # "Moderate comments. Labels: OK, SPAM, HARASSMENT": the brief's labels replace the default categories.
        stated_noun, primary = primary.noun, next(a for a in REGISTRY if a.uses_labels)
        blended = tuple(a for a in blended if a is not primary)
        partners = tuple(a for a in partners if a is not primary)
    if any(c.kind == "labels" and not _field_values(c) for c in constraints) and not primary.uses_labels:
        constraints, partners = _label_step(primary, brief.task, constraints, partners)
    if primary.uses_labels and any(c.kind == "labels" and c.multi and c.scope in (None, "label") for c in constraints):
        primary = primary.with_variant(MULTI_LABEL)  # "can have more than one category": every label that applies
    persona = _persona(primary, {m.id for m in matches}, brief.task)
    user = persona.user_term if persona else primary.user_term
    noun = persona.noun if persona else (stated_noun or primary.noun)
    written_in = brief_language(brief.task)
    # The brief's own language is the reply's unless the brief gives its replies another one in its own words.
    guessed = written_in[1] if written_in and not other_reply_language(brief.task, written_in[0]) else None
    language = _reply_language(brief, entities, constraints) or guessed
    audience = _audience(brief, entities, constraints)
    length, max_words = _length(brief, entities, constraints)
    product = entities.product
    job = job_sentence(brief.task)
    first = _sentences(brief.task)[job] if brief.task.strip() else (0, 0)
    start = first[0]
    if job == 0 and _BACKGROUND.match(brief.task[first[0] : first[1]]):
        # "hi so im the member services lead at X and we want a little budgeting helper …": the wish is the job.
        wish = _WISH.search(brief.task, first[0], first[1])
        start = wish.end() if wish is not None else start
    # The sentences before the job sentence are blanked, not cut: constraint spans keep their offsets.
    head = core_task(" " * start + brief.task[start : first[1]], stated)
    if written_in is None:
        constraints = [c for c in constraints if not _restates_job(c, first)]
    # "Under "When to get help" always include: call 999 if …": contacts a text must carry are its content, kept
    # whole in their sentence, not routes for the requester
    carried = [c for c in stated if not (primary.contacts_in_text and in_text_fallback(c, brief.task))]
    details = foreign_details(brief.task, carried, job) if written_in else task_details(brief.task, carried, job)
    placeholders = {
        "for_product": f" for {product}" if product else "",
        "product": product or "this product",
        "sources": source_noun(brief.task, references),
        "user": user,
        "audience": audience or "",
        "language": language or "the target language",
        "source_phrase": f" from {entities.source_language}" if entities.source_language else "",
        "labels": ", ".join(labels) if labels else "the labels listed in <labels>",
        "task_sentence": task_sentence(head),
        "max_words": str(max_words),
        "noun": noun,
        "escalate_how": (escalate_how := escalation(constraints, brief.task)),
        # the brief's own route (an address, a line) hands nobody over: the customer knows where to turn instead
        "handed_over": (
            "knows that a human colleague is taking over"
            if escalate_how == _HANDOFF_REPLY
            else "knows where to turn next"
        ),
        "citation": citation_style(brief.task, constraints),
        "tie_break": _tie_break(labels),
        "character": played_character(brief.task) or "the character the brief describes",
    }
    return Plan(
        brief=brief,
        entities=entities,
        primary=primary,
        blended=blended,
        partners=partners,
        constraints=tuple(constraints),
        labels=labels,
        labels_from_brief=from_brief,
        user_term=user,
        noun=noun,
        persona=persona,
        length=length,
        language=language,
        brief_language=written_in,
        audience=audience,
        conflicts=Conflicts(
            constraints,
            labels if from_brief else (),
            task="\n".join([brief.task, *brief.constraints, brief.output_format or ""]),
        ),
        placeholders=placeholders,
        task=head,
        # A requester's introduction in any language ("Somos el Sindicato …") is context, not a rule.
        task_details=tuple(d for d in details if (_background(d) if written_in else not _rule_line(d))),
        # "2) Answer visitors' questions …": the brief's own item number would clash with the prompt's numbering
        detail_rules=tuple(
            re.sub(r"^\d{1,2}\)\s+", "", d) for d in details if (not _background(d) if written_in else _rule_line(d))
        ),
        job_text=_job_text(brief.task, job),
        task_line=None if written_in is not None else imperative_task(head, user),
        conversational=is_conversational(primary, brief.task),
        references=tuple(references),
        material=material,
    )
