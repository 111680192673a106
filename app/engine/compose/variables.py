"""Input slots: the brief's own variables, the archetype's default inputs and the inputs the task's nouns call for.

A conversational assistant receives the end user's message as a user turn, so it gets no question/message slot in
its system prompt; documents and data stay as delimited slots. Words inside a fallback, a tool signature or a
label/field list do not call for a slot ("email help@acme.com" is a constant, not an `{{email}}` input).
"""

from __future__ import annotations

import re

from app.engine.brief import describe_variable, variable_cues
from app.engine.compose.cues import POINTS_AWARDED
from app.engine.compose.plan import Plan
from app.engine.constraints.tools import reads
from app.engine.material_headings import FULL_TEXT_ARRIVES
from app.engine.tool_text import without_tools_intro
from app.engine.types import Variable

MAX_INFERRED_VARIABLES = 3
CONVERSATIONAL_SLOTS = frozenset({"question", "message", "query", "request", "user_input"})
"""Slots that stand for the user's turn itself."""
_NOT_INPUTS = ("fallback", "tool", "labels", "fields", "schema", "limit", "format", "language", "audience", "tone")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_ASIDE = re.compile(r"\([^()]{0,200}\)")
_CODE_FENCE = re.compile(r"```[^\n]*\n.*?```", re.DOTALL)
LABELS_INPUT = Variable(
    name="labels", description="The allowed labels, one per line, each with a one-line definition.", trusted=True
)


def _masked_task(plan: Plan) -> str:
    """The task with the spans of non-input constraints blanked out."""
    task = without_tools_intro(plan.brief.task)  # (what a tool returns, the intro of its examples: no input)
    chars = list(task)
    for c in plan.of_kind(*_NOT_INPUTS):  # type: ignore[arg-type]
        if c.span is None or c.span.field != "task":
            continue
        start, end = c.span.start, c.span.end
        if c.kind == "fallback":
            # "If unsure, tell them to email billing@acme.com": the whole sentence is about the fallback.
            start = max(task.rfind(".", 0, start), task.rfind("\n", 0, start)) + 1
            stop = _SENTENCE_END.search(task, end)
            end = stop.end() if stop else len(task)
        for i in range(max(0, start), min(len(chars), end)):
            chars[i] = " "
    # A pasted tool signature's parameters ("email: str") are what the tools take, not inputs of the prompt.
    for fence in _CODE_FENCE.finditer(task):
        chars[fence.start() : fence.end()] = " " * (fence.end() - fence.start())
    # "(phone numbers, emails, handles)": examples in an aside name no input of the prompt.
    for aside in _ASIDE.finditer(task):
        chars[aside.start() : aside.end()] = " " * (aside.end() - aside.start())
    return "".join(chars)


_SCENE_MATERIAL = frozenset({"document", "email", "invoice", "ticket", "transcript"})
_SUPPLIED = re.compile(
    # (not "We send new hires through this practice", "I give this exercise to …": who takes the practice)
    r"\b(?:paste[sd]?|pasting|attach\w*|upload\w*|provided|supplied|based\s+on|(?:i|we)(?:'ll|\s+will)\s+"
    r"(?:give|send|share|provide)|"
    # "we pass the ticket in", "the order JSON is passed in", "each request includes the order": the operator's call
    r"(?:i|we)(?:'ll|\s+will)?\s+pass|(?:is|are|gets?)\s+passed\s+in|(?:each|every)\s+(?:request|call|api\s+call|run|"
    r"payload)\s+(?:includes?|contains?|comes\s+with|carries))\b",
    re.IGNORECASE,
)
# "the user pastes an email", "customers upload their CV", "they'll paste the contract", "a CV pasted by the
# candidate": in a chat, what the person pastes arrives as their own turn, not as an input of the system prompt.
_USER = (
    r"(?:the\s+|a\s+|our\s+|each\s+)?(?:users?|customers?|clients?|members?|visitors?|people|persons?|students?|"
    r"candidates?|applicants?|patients?|tenants?|employees?|staff|they|he|she|someone|anyone)"
)
_USER_PASTES = re.compile(
    rf"\b{_USER}\s+(?:(?:will|can|may|might|often|usually|sometimes|could|would)\s+|['’]ll\s+)?"
    r"(?:paste[sd]?|attach(?:es|ed)?|upload(?:s|ed)?|drop(?:s|ped)?\s+in|share[sd]?|forward(?:s|ed)?|send[s]?)\b"
    rf"|\b(?:paste[sd]?|upload(?:ed)?|attached|shared|sent|forwarded)\s+(?:in\s+)?by\s+{_USER}\b",
    re.IGNORECASE,
)


def _user_pasted(task: str) -> set[str]:
    """The slots for what the person pastes or uploads in the chat ("the user pastes their CV": `resume`)."""
    names: set[str] = set()
    for m in _USER_PASTES.finditer(task):
        end = _SENTENCE_END.search(task, m.end())
        names |= {v.name for v in variable_cues(task[m.end() : end.start() if end else len(task)][:80])}
        names |= {v.name for v in variable_cues(task[max(0, m.start() - 40) : m.start()])} if " by " in m[0] else set()
    return names


def _operator_supplies(task: str) -> bool:
    """Whether the brief says the operator supplies material with each call ("we paste the policy below", "each
    request includes the order JSON"): a paste the person makes in the chat is no such material."""
    return any(
        not _USER_PASTES.search(task, max(0, m.start() - 60), m.end() + 20)
        and not _TOOLS_PASTED.search(task, max(0, m.start() - 60), m.end() + 20)
        for m in _SUPPLIED.finditer(task)
    )


# "Tools our developer exposed (his table, pasted as is):", "the function list, pasted from our docs": the tools are
# pasted into the brief once, no material that comes with each call
_TOOLS_PASTED = re.compile(
    r"\b(?:tools?|functions?|endpoints?|api|openapi|tool\s+table|tool\s+list)\b[^.\n]{0,40}\bpasted\b",
    re.IGNORECASE,
)


def _made_from(name: str, task: str) -> bool:
    """Whether the brief names this input, by the slot's own word, as what each reply is made from."""
    pattern = rf"\b(?:from|out\s+of)\s+(?:each|every|the|a|an|their|my|our)\s+(?:\w+\s+)?{re.escape(name)}s?\b"
    return re.search(pattern, task, re.IGNORECASE) is not None


def _inferred(plan: Plan) -> list[Variable]:
    primary = plan.primary
    # "From each transcript I need: a client update email": what the brief says the reply is made from is its input,
    # whatever the job's usual input
    dropped = {name for name in primary.drop_variables if not _made_from(name, plan.brief.task)}
    if plan.conversational:
        dropped |= CONVERSATIONAL_SLOTS | {v.name for v in primary.variables}
        if not _operator_supplies(plan.brief.task):
            # In a live chat whatever the person sends, an e-mail they forward or a CV they paste included, arrives
            # as their turn; only material the operator passes with the prompt is an input of it
            # ("never comment on the care they had": a posted comment to assess is no slot of a conversation either)
            dropped |= {"email", "content", *_user_pasted(plan.brief.task)}
    masked = _masked_task(plan)
    # Cues were read from the whole task already; read them again only when constraint spans were blanked out.
    cues = plan.entities.variables if masked == plan.brief.task else variable_cues(masked)
    inferred = _message_of_any_kind(masked, [v for v in cues if v.name not in dropped])
    if plan.conversational:
        inferred = [v for v in inferred if v.name not in CONVERSATIONAL_SLOTS]
    if primary.plays_a_character and not _operator_supplies(plan.brief.task):
        # "renew a staff-scheduling software contract": the contract, e-mail or invoice a scene is about is the
        # character's business; only material the operator says it pastes or gives is an input
        inferred = [v for v in inferred if v.name not in _SCENE_MATERIAL]
    if not primary.blendable and len(inferred) > 1:
        # A fixed-output task has one main input: the most specific cue wins over a generic "document".
        inferred = [next((v for v in inferred if v.name != "document"), inferred[0])]
    return inferred


def _tailor(variable: Variable, plan: Plan) -> Variable:
    """Inferred slot descriptions in the brief's terms ("The help-center article ...", "The customer's question.")."""
    sources = plan.placeholders["sources"]
    if (
        variable.name == "document"
        and plan.primary.grounded_in_sources
        and variable.description == describe_variable("document")
    ):
        desc = f"{sources[0].upper()}{sources[1:]} that the answers are based on."
        return Variable(name=variable.name, description=desc, trusted=variable.trusted)
    if (
        variable.name == "question"
        and plan.user_term != "user"
        and variable.description == describe_variable("question")
    ):
        return Variable(name=variable.name, description=f"The {plan.user_term}'s question.", trusted=variable.trusted)
    return variable


# "i'll paste our price list underneath", "the hours and menu will be pasted in below", "(we paste the page text)",
# "Versicherungsbedingungen (AVB), die unten eingefügt werden": material the operator supplies with the prompt.
# (a relative pronoun or a subject ends the noun: "the clinic leaflet that is pasted in below" is the clinic leaflet)
_NOUN = (
    r"(?:our|the|my|their|your|a|an)\s+(?P<{name}>[^\W\d][\w&'/-]*"
    r"(?:\s+(?!(?:that|which|who|we|i|it|they)\b)[^\W\d][\w&'/-]*){{0,3}}?)"
)
_PASTED = re.compile(
    rf"\b(?:paste|pasting)\w*\s+(?:in\s+)?{_NOUN.format(name='a')}\s*(?:\)|\s(?:below|underneath|here|"
    rf"after\s+this|at\s+the\s+end)\b)|"
    rf"{_NOUN.format(name='b')}(?:\s+(?:that|which))?\s+(?:will|would|is|are|gets?|can)\s+(?:be\s+)?(?:pasted|attached)"
    r"(?:\s+(?:in\s+)?(?:below|underneath|here|at\s+the\s+end|by\b|with\b)|\s*[.,;)]|$)|"
    # "the practice info we paste in", "our menu, which I'll paste below"
    rf"{_NOUN.format(name='e')},?\s+(?:that\s+|which\s+)?(?:we|I)(?:'ll|\s+will)?\s+(?:paste|add|attach)\s+"
    r"(?:in|below|underneath|here|at\s+the\s+end)\b|"
    # "Praxisinfos, die wir einfügen", "die unten eingefügt werden"
    r"\b(?P<c>[^\W\d_]{4,40})(?:\s*\([^()]{1,20}\))?,?\s+(?:die|das|der)\s+(?:(?:wir|ich)\s+(?:unten\s+|hier\s+)?"
    r"(?:einfügen|einfüge|anhängen)|(?:unten\s+|hier\s+)?eingefügt\s+(?:wird|werden))\b|"
    r"\b(?P<d>[^\W\d_]{4,40})(?:\s+[^\W\d_]{2,20})?\s+(?:que\s+)?(?:pegad[oa]s?|pegamos|pegaremos|coll[ée]e?s?|colad[oa]s?)\s+"
    r"(?:abajo|ci-dessous|abaixo|aquí|aqui)\b|"
    # "la información que pegamos", "as informações que colamos", "les informations que nous collons",
    # "le informazioni che incolliamo", "de informatie die we hieronder plakken"
    r"\b(?P<f>[^\W\d_]{4,40})(?:\s+[^\W\d_]{2,20})?\s+(?:que|che|die|dat)\s+(?:nous\s+|je\s+|on\s+|we\s+|wij\s+|ik\s+)?"
    r"(?:hieronder\s+|abajo\s+|abaixo\s+|qui\s+sotto\s+)?(?:pegamos|pegaremos|pego|colamos|colaremos|colo|collons|"
    r"collerons|colle|incolliamo|incollo|incolleremo|plakken|plak|invoegen)\b",
    re.IGNORECASE,
)
# "貼り付ける情報", "我们粘贴的资料": pasted material named in Japanese or Chinese (its noun is not read).
_PASTED_CJK = re.compile(r"貼り付け|貼り付る|貼付|粘贴|贴上|贴在")
_FOLD = str.maketrans("äöüßéèêáíóúñçãõâô", "aouseeeaiouncaoao")


def _pasted(plan: Plan) -> list[Variable]:
    """A slot for each kind of material the brief says will be pasted in with the prompt."""
    found: list[Variable] = []
    task = plan.brief.task
    for match in _PASTED.finditer(task):
        noun = next(g for g in match.groups() if g)
        if match["c"] and not noun[:1].isupper():
            # "wenn sie in der Preisliste stehen, die wir unten anhängen": a German noun has its capital; the word
            # before the relative clause is a verb, and the material is the last noun before it
            before = re.findall(r"\b[A-ZÄÖÜ][a-zäöüß]{3,}\b", task[max(0, match.start() - 40) : match.start()])
            if not before:
                continue
            noun = before[-1]
        name = re.sub(r"[^a-z0-9]+", "_", noun.lower().translate(_FOLD)).strip("_")
        if name and name not in {v.name for v in found}:
            found.append(Variable(name=name, description=f"The {noun} the operator pastes in."))
    if not found and _PASTED_CJK.search(plan.brief.task):
        found.append(Variable(name="reference", description="The reference material the operator pastes in."))
    return found


# "pastes a text or email, or describes a phone call", "an SMS, e-mail or letter": a message of any of these kinds.
_KIND = (
    r"(?:text(?:\s+message)?s?|sms(?:es)?|e-?mails?|letters?|voicemails?|whats[aA]pp(?:\s+messages?)?|dms?|"
    r"direct\s+messages?|(?:phone\s+)?calls?|chat\s+messages?|screenshots?|posts?|mensajes?|correos?|cartas?|"
    r"briefe?|nachrichten|anrufe?|courriels?|lettres?|appels?|mensagens?|ligaç(?:ão|ões)|lettere|messaggi|brieven|"
    r"berichten)"
)
_MIXED_MESSAGE = re.compile(
    rf"\b(?:an?\s+|un[ae]?\s+|eine?n?\s+|um[a]?\s+|een\s+)?(?P<first>{_KIND})"
    rf"(?:\s*(?:,|/|\bor\b|\bo\b|\boder\b|\bou\b|\bof\b|\boppure\b)\s*(?:(?:or|o|oder|ou|of)\s+)?"
    rf"(?:describes?\s+)?(?:an?\s+|un[ae]?\s+|eine?n?\s+|um[a]?\s+|een\s+)?{_KIND}\b)+",
    re.IGNORECASE,
)
_MESSAGE_SLOTS = frozenset({"email", "text", "message"})


def _message_of_any_kind(masked: str, inferred: list[Variable]) -> list[Variable]:
    """One `message` slot for an input that may be an email, a text or a call ("a text or email, or a phone call"),
    in place of an `email` slot that names one kind only."""
    mixed = _MIXED_MESSAGE.search(masked)
    if mixed is None or not any(v.name == "email" for v in inferred):
        return inferred
    kinds = " ".join(re.sub(r"\bdescribes?\s+", "", mixed.group(0)).split())
    message = Variable(name="message", description=f"The message to work on: {kinds}.")
    at = next(i for i, v in enumerate(inferred) if v.name in _MESSAGE_SLOTS)
    rest = [v for v in inferred if v.name not in _MESSAGE_SLOTS]
    return [*rest[:at], message, *rest[at:]]


# "Tables: sales(id, sold_at, …), products(…)", "CREATE TABLE", "the orders table has columns …": the brief writes
# its schema itself, so the prompt carries it and asks for no `schema` input.
_INLINE_TABLES = re.compile(
    r"\bcreate\s+table\b|\btables?\s*(?:are|is)?\s*:\s*`?[A-Za-z_]\w*`?\s*\(|"
    r"\btable\s+`?[A-Za-z_]\w*`?\s*\(|\b[A-Za-z_]\w*\s+table\s*\([^()]*,|"
    r"\b(?!(?:a|an|the|one|this|that|each|every|markdown|html|simple|small|single)\s)[A-Za-z_]\w*\s+table\s+"
    r"(?:with|has)\s+(?:the\s+)?columns?\s*:?\s*`?[A-Za-z_]\w*`?\s*,|"
    r"\b(?:tablas?|tabellen?|tables?|tabelas?|tabelle)\s*:\s*`?[A-Za-z_]\w*`?\s*\(|"
    r"(?:表|テーブル)\s*[：:]\s*`?[A-Za-z_]\w*`?\s*\(",
    re.IGNORECASE,
)
# Two lines that are each a table with its columns ("shipments(shipment_id, customer_id, created_at, status)"),
# under a heading in any language ("主要的表：").
# (a bullet, a schema-qualified name and typed columns too: "- TICKETING.ROUTES(route_no, depot, is_school BOOLEAN)")
_TABLE_LINES = re.compile(
    r"^[ \t]*(?:[-*•][ \t]+)?[A-Za-z_][\w.]*\s*\(\s*[A-Za-z_]\w*(?:[ \t]+[\w ]+)?"
    r"(?:\s*,\s*[A-Za-z_]\w*(?:[ \t]+[\w /]+)?){2,}\s*\)[ \t.;]*$",
    re.MULTILINE,
)


# (two `name(a, b, c)` lines are tables only in a brief that speaks of tables: "these stored procedures" are not)
_TABLE_WORD = re.compile(
    r"\btables?\b|\btablas?\b|\btabellen?\b|\btabelas?\b|\btabelle\b|\bschema\b|\besquema\b|表|テーブル", re.IGNORECASE
)


# Typed columns of a pasted table ("event_time DateTime64(3, 'UTC'), episode_id UInt64, is_bot UInt8", "id int,
# name varchar(80), created_at timestamp"): three or more in a row, each with a type a database names
_SQL_TYPE = (
    r"(?:u?int\d*|integer|bigint|smallint|tinyint|text|varchar|char|string|fixedstring|float\d*|double|decimal|numeric|"
    r"bool(?:ean)?|date(?:time\d*)?|timestamp\w*|uuid|jsonb?|bytes|blob|real|serial|bigserial|money|time|interval|"
    r"array|map|lowcardinality|nullable|enum\d*)(?:\([^()\n]*(?:\([^()\n]*\))?[^()\n]*\))?"
)
_TYPED_RUN = re.compile(
    rf"\b[A-Za-z_]\w*[ \t]+{_SQL_TYPE}(?:[ \t]*,\s*[A-Za-z_]\w*[ \t]+{_SQL_TYPE}){{2,}}\b",
    re.IGNORECASE,
)


def _written_schema(plan: Plan) -> bool:
    """Whether the brief itself gives what a `schema` slot would ask for: its tables, or a JSON schema."""
    task = plan.brief.task
    if _INLINE_TABLES.search(task) or (len(_TABLE_LINES.findall(task)) >= 2 and _TABLE_WORD.search(task)):
        return True
    if len(_TYPED_RUN.findall(task)) >= 2 and _TABLE_WORD.search(task):
        return True  # "schema:\nanalytics.downloads\n  event_time DateTime64(3, 'UTC'), episode_id UInt64, …"
    json_schema = plan.brief.json_schema is not None or bool(plan.of_kind("schema"))
    return json_schema and not any(v.name == "schema" for v in plan.primary.variables)


# A tool that fetches the sources: search_docs(query), fetch_page(url), get_article(id), lookup_policy(topic).
_SEARCH_SUFFIX = re.compile(r"\w*_(?:search|docs?|kb)", re.I)  # web_search, query_docs, policy_kb
_SOURCE_WORDS = re.compile(
    r"\b(?:docs?|documents?|articles?|pages?|handbook|kb|knowledge|polic\w*|manual|faq|sources?)\b", re.I
)


# "it uses web search", "it can browse the web", "searches the internet itself": the assistant finds its own sources
_SEARCHES_THE_WEB = re.compile(
    r"(?<!\bnot\s)(?<!\bno\s)(?<!n't\s)(?<!\bnever\s)(?<!\bwithout\s)"
    r"\b(?:uses?|has|with|have|got)\s+(?:access\s+to\s+)?(?:a\s+|the\s+)?(?:web|internet|online|google)\s+(?:search|browsing|access)\b|"
    r"(?<!\bnot\s)(?<!n't\s)(?<!\bnever\s)(?<!\bno\s)"
    r"\b(?:search|searches|searching|browse|browses|browsing)\s+(?:the\s+)?(?:web|internet|online)\b",
    re.IGNORECASE,
)


def _retrieves(plan: Plan) -> bool:
    """Whether the assistant fetches the documents the answers rest on: a retrieving tool of the brief, or web
    search the brief says it has."""
    if _SEARCHES_THE_WEB.search(plan.brief.task):
        return True
    for tool in plan.of_kind("tool"):
        name = tool.name or ""
        # The name says what it fetches (search_docs, get_article, lookup_policy); a purpose can run on into the
        # rest of the sentence ("get_weather(city) for travel days and answer only from the policy document").
        if (reads(name) or _SEARCH_SUFFIX.fullmatch(name)) and (
            _SOURCE_WORDS.search(name.replace("_", " ")) or name in _SEARCHES
        ):
            return True
    return False


_SEARCHES = frozenset({"search", "retrieve", "web_search", "search_web", "semantic_search", "vector_search"})


# What a pasted block's title calls a slot in other words or languages ("GRILLE", "Bewertungsraster": the rubric).
_SLOT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "rubric": (
        "grille", "barème", "bareme", "rúbrica", "rubrica", "bewertungsraster", "raster", "griglia", "grelha",
        "marking scheme", "mark scheme", "scheme", "criteria", "beoordelingsmodel", "評価基準", "评分标准",
    ),
}  # fmt: skip


# "using the attached rubric", "against our marking scheme": the scheme arrives with the input, whatever points the
# brief adds (a late penalty)
_SUPPLIED_RUBRIC = re.compile(
    r"\b(?:attached|provided|supplied|given|our|the|your|this|their)\s+(?:\w+\s+)?(?:rubric|mark(?:ing)?\s+scheme|"
    r"marking\s+guide|grading\s+guide|scoring\s+guide)\b",
    re.IGNORECASE,
)


# "you mark one answer at a time against this rubric.\n\n…\na) cool quickly …\nb) …": the rubric the brief points to
# and then writes out, item by item, is in the prompt already (not "the attached rubric")
_THIS_RUBRIC = re.compile(
    r"\b(?:this|the\s+following|following|below|esta|cette|ce|diese[ms]?|folgende[nms]?|questa|questo|deze|dit|"
    r"este|seguinte)\s+(?:rubric|mark(?:ing)?\s+scheme|marking\s+guide|scoring\s+guide|r[uú]brica|bar[èe]me|grille|"
    r"bewertungsraster|griglia|grelha|beoordelingsmodel)\b",
    re.IGNORECASE,
)
# (a list item on its own line, or run into one line by the plan: "a) cool quickly … b) into the fridge …")
_RUBRIC_ITEM = re.compile(r"(?:^|(?<=\s))(?:[-*•]|\d{1,2}[.)]|[A-Za-z][.)])[ \t]+\S", re.MULTILINE)


_RUBRIC_NEAR = 400
"""The rubric's items start this close after the words that point to it (a later list is the reply's or a rule's)."""
# "this rubric (pasted with each essay)", "this marking scheme, which we attach": it arrives with the input
_ARRIVES = re.compile(r"\b(?:attach\w*|paste[sd]?\s+(?:in\s+)?with|provided|supplied|sent\s+with|with\s+each)\b", re.I)


def _rubric_written_out(task: str) -> bool:
    """Whether the brief points to its rubric and then lists it, two items or more, right after."""
    pointer = _THIS_RUBRIC.search(task)
    if pointer is None:
        return False
    sentence_end = re.search(r"[.!?\n]", task[pointer.end() :])
    rest = task[pointer.end() : pointer.end() + (sentence_end.start() if sentence_end else 0)]
    near = task[pointer.end() : pointer.end() + _RUBRIC_NEAR]
    return not _ARRIVES.search(rest) and len(_RUBRIC_ITEM.findall(near)) >= 2


def _names_slot(title: str, slot: str) -> bool:
    """Whether a pasted block's title names this slot, in its own word or another language's."""
    lowered = title.lower()
    return slot in lowered or any(word in lowered for word in _SLOT_SYNONYMS.get(slot, ()))


def variables(plan: Plan) -> list[Variable]:
    """The prompt's input slots: explicit first, then defaults and inferred ones (at most three added)."""
    primary = plan.primary
    inferred = _inferred(plan)
    skip: frozenset[str] = frozenset()
    if plan.conversational:
        # A chat-mode archetype's own message slot (support's `ticket`) is the user turn too; documents stay.
        chat_mode = not primary.conversational
        skip = CONVERSATIONAL_SLOTS | (frozenset(v.name for v in primary.variables) if chat_mode else frozenset())
    pasted = _pasted(plan)
    # What the brief writes itself or names as pasted material needs no second, generic slot.
    written = {"schema"} if _written_schema(plan) else set()
    # A rubric or policy pasted into the brief is in the prompt already: no slot asks for it again.
    written.update(v.name for v in primary.variables if any(_names_slot(title, v.name) for title in plan.references))
    # "Mark against this scheme, 12 marks in total: Hypothesis with a reason: 2; …": a list the brief gives under a
    # lead that names the slot is that material too.
    leads = [rule.split(":", 1)[0] for rule in plan.detail_rules if ": " in rule and "; " in rule]
    written.update(v.name for v in primary.variables if any(_names_slot(lead, v.name) for lead in leads))
    if _rubric_written_out(plan.brief.task) or (
        len(POINTS_AWARDED.findall(plan.brief.task)) >= 2 and not _SUPPLIED_RUBRIC.search(plan.brief.task)
    ):
        written.add("rubric")  # "out of 4: 2 pts for naming the hazard, 1 pt for a control …": the scheme is written
    if pasted or _retrieves(plan) or (plan.references and not FULL_TEXT_ARRIVES.search(plan.brief.task)):
        # Material the operator pastes has its own slot; documents a tool of the brief searches arrive as tool
        # results, so a pasted-document slot would contradict the search.
        written.add("document")
    if _retrieves(plan):
        written.add("sources")  # "Every bullet ends with its source URL": what the search finds, not a pasted slot
    inferred = [v for v in inferred if v.name not in written]
    defaults = [
        v
        for v in primary.variables
        if v.name not in skip and not (v.name in primary.replaceable_inputs and any(c.name != v.name for c in inferred))
    ]
    merged: list[Variable] = list(plan.brief.variables)
    names = {v.name for v in merged}
    for v in pasted:
        if v.name not in names:
            names.add(v.name)
            merged.append(v)
    budget = MAX_INFERRED_VARIABLES
    for v in [*defaults, *inferred]:
        if v.name in names or v.name in written or budget == 0:
            continue
        names.add(v.name)
        merged.append(v)
        budget -= 1
    if primary.uses_labels and not plan.labels and "labels" not in names:
        merged.insert(0, LABELS_INPUT)
    return [_tailor(v, plan) for v in merged]
