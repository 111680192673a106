"""Examples that fit the brief, or none. Models copy examples closely, so an example from another domain, with
[bracketed placeholders], or at odds with the rules (over the length limit, a label outside the set, other JSON
keys, forbidden formatting) is worse than no example: such examples are left out, with a warning saying so.
"""

# ruff: noqa: E501  (example text: one example line per source line reads better than split literals)

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from app.engine.address_register import fixed_register
from app.engine.archetypes.variants import JOB_INTERVIEW
from app.engine.constraints import Constraint
from app.engine.constraints.tools import handoff_rank, reads
from app.engine.example_checks import fits
from app.engine.spec import Example, OutputFormat, Tool


@dataclass(frozen=True, slots=True)
class ExampleInputs:
    """What the example builders may use: the brief's own entities and the format the examples must follow."""

    kind: str
    task: str
    own: tuple[Example, ...]
    output: OutputFormat
    output_is_default: bool
    labels: tuple[str, ...] = ()
    labels_from_brief: bool = False
    tools: tuple[Tool, ...] = ()
    sources: str = "the supplied documents"
    fallback: Constraint | None = None
    fallback_words: str | None = None
    """The sentence the brief says, word for word, on the fallback's path ("say exactly: …"), if it gives one."""
    own_citation: bool = False
    """Whether the brief shows its own citation format: an example with another one would teach the wrong one."""
    limits: tuple[Constraint, ...] = ()
    forbidden: frozenset[str] = field(default_factory=frozenset)
    reply_language: str | None = None
    headings: tuple[str, ...] = ()
    """The section headings the brief's own outline gives the reply: an example without them shows another shape."""
    schema_written: bool = True
    """Whether the reply's schema is the brief's own (a pasted shape, named keys), not one the engine made up: an
    example of a made-up schema teaches keys the brief never asked for."""
    material: str = ""
    """Reference material pasted into the brief (a schema, a policy): an example may name only what it or the task
    names (a query's tables)."""


Builder = Callable[[ExampleInputs], list[Example]]

# (not "refund" or "plans" alone: "inside 48 hours no refund", "meal plans": no account that is billed)
_BILLING = re.compile(r"\b(?:billing|bill|charged?|payments?|subscriptions?|invoices?)\b", re.I)
_ACCOUNTS = re.compile(
    r"\b(?:accounts?|log ?ins?|sign[- ]?in|passwords?|apps?|subscriptions?|saas|software|platform|online (?:store|shop)|"
    r"e-?commerce|web ?shop|plans?)\b",
    re.I,
)
# (not "employees" or "leave" alone: "an equity plan for employees", "what happens if I leave")
_HR = re.compile(
    r"\b(?:hr|employee handbook|staff handbook|vacation|pto|(?:annual|parental|sick|maternity|paternity)\s+leave|"
    r"leave\s+polic(?:y|ies)|holiday\s+entitlement)\b",
    re.I,
)
_MATH = re.compile(r"\b(?:math\w*|algebra|equations?|fractions?|calculus|arithmetic|geometry)\b", re.I)
_MEETINGS = re.compile(r"\b(?:meetings?|calendar|appointments?)\b", re.I)
_FLIGHTS = re.compile(r"\b(?:flights?|hotels?|travel)\b", re.I)
_OTHER_LANGUAGE = re.compile(
    r"\b(java|javascript|typescript|node|rust|golang|go|kotlin|swift|c\+\+|c#|ruby|php|bash|shell|powershell|"
    r"terraform|react|sql|dart|flutter|scala|elixir|haskell|lua|perl|clojure|erlang|vue|angular|svelte|rails|"
    r"laravel|\.net|dotnet|f#|solidity|zig)\b",
    re.I,
)
# ASCII edges, not \b: in "数据库是PostgreSQL" the CJK character before the name is a word character too.
_SQL_DIALECTS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"(?<![A-Za-z0-9_])mysql|mariadb(?![A-Za-z0-9_])", re.I),
        "MySQL",
        "DATE_FORMAT(created_at, '%Y-%m-01')",
    ),
    (
        re.compile(r"(?<![A-Za-z0-9_])big ?query(?![A-Za-z0-9_])", re.I),
        "BigQuery",
        "DATE_TRUNC(DATE(created_at), MONTH)",
    ),
    (
        re.compile(r"(?<![A-Za-z0-9_])sql ?server|t-?sql|mssql|azure sql(?![A-Za-z0-9_])", re.I),
        "SQL Server",
        "DATEFROMPARTS(YEAR(created_at), MONTH(created_at), 1)",
    ),
    (re.compile(r"(?<![A-Za-z0-9_])snowflake(?![A-Za-z0-9_])", re.I), "Snowflake", "DATE_TRUNC('month', created_at)"),
    (re.compile(r"(?<![A-Za-z0-9_])sqlite(?![A-Za-z0-9_])", re.I), "SQLite", "strftime('%Y-%m-01', created_at)"),
    (re.compile(r"(?<![A-Za-z0-9_])oracle(?![A-Za-z0-9_])", re.I), "Oracle", "TRUNC(created_at, 'MM')"),
    (re.compile(r"(?<![A-Za-z0-9_])duckdb(?![A-Za-z0-9_])", re.I), "DuckDB", "date_trunc('month', created_at)"),
    (
        re.compile(r"(?<![A-Za-z0-9_])postgres\w*|redshift(?![A-Za-z0-9_])", re.I),
        "PostgreSQL",
        "date_trunc('month', created_at)",
    ),
)
# Example texts for labels that recur across label sets; a label set of unknown words gets no invented examples.
_LABEL_TEXTS: dict[str, str] = {
    "positive": "Delivery was fast and the fit is perfect.",
    "negative": "It broke after two days.",
    "neutral": "The package arrived on Tuesday.",
    "billing": "I was charged twice for my subscription this month.",
    "refund": "I returned the jacket two weeks ago and still have not got my money back.",
    "bug": "The app crashes every time I open the camera.",
    "bug_report": "The app crashes every time I open the camera.",
    "technical": "The app crashes every time I open the camera.",
    "feature_request": "Please add a dark mode, it would help at night.",
    "feature": "Please add a dark mode, it would help at night.",
    "account": "I can't log in since I changed my email address.",
    "login": "I can't log in since I changed my email address.",
    "shipping": "My parcel has been stuck in transit for a week.",
    "delivery": "My parcel has been stuck in transit for a week.",
    "spam": "Congratulations!!! You won a free cruise, click here to claim it.",
    "praise": "Your support team was fantastic, thank you!",
    "complaint": "This is the third time my order arrived damaged.",
    "cancellation": "Please cancel my subscription at the end of this month.",
    "sales": "Do you offer volume discounts for 50 seats?",
    "pricing": "Do you offer volume discounts for 50 seats?",
    "question": "How do I change the language of the interface?",
}


def _key(words: str) -> re.Pattern[str]:
    """A pattern for whole words of a snake_case parameter name ("account_id" has "id", not "count")."""
    return re.compile(rf"(?:^|_)(?:{words})(?:_|$)")


# Realistic values by the words of a parameter's name; a name none of these fits gets no made-up value.
_PARAM_VALUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (_key(r"order(?:_?id|_?number)?"), "48213"),
    (_key(r"e_?mail"), "dana@example.com"),
    (_key(r"time|slot|hour"), "14:00"),
    (_key(r"date|day|since|until|start|end|from_date|to_date"), "2026-03-14"),
    (_key(r"amount|price|total|max_price|min_price|budget"), "25.00"),
    (_key(r"origin|from|departure|pickup"), "Lisbon"),
    (_key(r"destination|to|arrival|dropoff"), "Madrid"),
    (_key(r"city|location|place|address"), "Lisbon"),
    (_key(r"last4|last_4|last_four|digits|pin"), "4821"),
    (_key(r"phone|mobile"), "+44 20 7946 0321"),
    (_key(r"quantity|qty|count|party_size|size|seats|guests|people|capacity"), "2"),
    (_key(r"priority|severity"), "P2"),
    (_key(r"sku|product|product_id"), "SKU-2291"),
    (_key(r"tracking|tracking_number|shipment|parcel|sendungsnummer"), "JD014600003321"),
    (_key(r"query|search|keywords?|q|term"), "blue running shoes"),
    (_key(r"summary|description|message|text|note|subject|title|reason|details"), "Printer on floor 2 is offline"),
    (_key(r"url|link"), "https://example.com/help"),
    (_key(r"service|project|repo|path|file"), "billing-api"),
    (_key(r"name|first_name|last_name|full_name"), "Dana Lee"),
    (_key(r"id|number|account|account_id|user|user_id|employee_id|customer_id"), "A-1042"),
)


def _handoff_example(inputs: ExampleInputs) -> Example | None:
    """A request for a person, answered with the brief's own fallback (its number, address or hand-off)."""
    fallback = inputs.fallback
    if fallback is None:
        return None
    value = (fallback.value or "").strip()
    replies = {
        "phone": f"Of course. Please call {value} and the team will help you.",
        "email": f"Of course. Please email {value} and the team will get back to you.",
        "url": f"Of course. You can get further help at {value}.",
        "handoff": "Of course. I'm passing this to a human colleague who will follow up with you.",
    }
    reply = replies.get(fallback.action or "") if value or fallback.action == "handoff" else None
    return Example(input="Can I talk to a person about this instead?", output=reply) if reply else None


def _account_route(fallback: Constraint | None) -> str:
    """Who takes over a hacked account: the brief's hand-off or contact, or, when it names none, the team in words
    that promise no colleague the brief never gave."""
    value = ((fallback.value or "").strip() if fallback else "") or None
    if fallback is not None and fallback.action == "handoff":
        return "I'm passing this to a human colleague who will follow up with you."
    if fallback is not None and value and fallback.action == "phone":
        return f"This needs our team, so please call {value} now."
    if fallback is not None and value and fallback.action == "email":
        return f"This needs our team, so please email {value} now."
    if fallback is not None and value and fallback.action == "url":
        return f"This needs our team, so please contact them at {value} now."
    return "I can't check or undo account changes from this chat; a member of our team has to look into it."


def _support(inputs: ExampleInputs) -> list[Example]:
    # The account-security case only fits a product with accounts; elsewhere (a dental office, a gym) the request
    # for a person, answered with the brief's own fallback, is the one honest example.
    escalation: Example | None = Example(
        input="Someone logged into my account from another country and changed my email.",
        output=f"{_account_route(inputs.fallback)} Until then, change your password to keep your account safe.",
    )
    if not _ACCOUNTS.search(inputs.task):
        escalation = _handoff_example(inputs)
    found = [escalation] if escalation else []
    if not _BILLING.search(inputs.task):
        return found
    # Asks for what it needs instead of promising a refund or a policy the prompt never states.
    billing = Example(
        input="I was charged twice this month.",
        output=(
            "I can see why a double charge is worrying, so let's sort it out.\n"
            "1. Reply with the email address on your account.\n"
            "2. Tell me the date and amount of both charges.\n"
            "With those I can check the payments and tell you the next step."
        ),
    )
    return [billing, *found]


def fallback_reply(fallback: Constraint | None, sources: str, words: str | None = None) -> str | None:
    """What the assistant says on its unsure path: the brief's own sentence for it when it gives one word for word,
    else a sentence built from its fallback (None when it cannot be)."""
    if words:
        return words
    gap = f"I can't find that in {sources}."
    if fallback is None:
        return f"I don't know based on {sources}."
    value = (fallback.value or "").strip()
    if fallback.action == "email" and value:
        return f"{gap} Please email {value} and the team will help you."
    if fallback.action == "phone" and value:
        return f"{gap} Please call {value} and the team will help you."
    if fallback.action == "url" and value:
        return f"{gap} You can find help at {value}."
    if fallback.action == "handoff":
        return f"{gap} Would you like me to connect you with a colleague who can help?"
    if fallback.action == "say" and value:
        return value
    return None


# 'If the leaflet doesn't answer it: "That isn't covered in your aftercare leaflet. Please call our nurses on …"': the
# brief's own sentence for a question its source does not answer (a condition with a negation, then the quote)
_OWN_NOT_COVERED = re.compile(
    # ("* not in the leaflet -> "…"": a rule line that opens with the condition needs no "if")
    r"(?:\b(?:if|when|where|whenever|wenn|falls|si|se|als|quand|cuando|quando)\b|(?:(?<=\n)|\A)[ \t]*[-*•][ \t]*)"
    r"[^\n\"“«]{0,80}?"
    r"(?:n't|n’t|\bnot\b|\bno\b|\bnicht\b|\bniet\b|\bpas\b|\bnão\b|\bnon\b|\bkein\w*|\bgeen\b)[^\n\"“«]{0,40}?"
    r"\b(?:answer\w*|cover\w*|mention\w*|say|says|know|find|contain\w*|in|im|dans|nel|staat|steht|dit|dice|diz|aparece|recoge|"
    r"cubre|répond\w*|traite|trouve|beantwoord\w*)\b[^\n\"“«]{0,60}?(?:[:：,]|\s*(?:->|→|=>|–|—))\s*"
    r"(?:(?:say|reply|answer|respond|write)\w*\s*(?:exactly\s*)?[:：]?\s*)?[\"“«„]\s*(?P<words>[^\"”»\n]{5,300}?)\s*[\"”»“]",
    re.IGNORECASE,
)


def _own_not_covered(task: str) -> str | None:
    """The sentence the brief gives, word for word, for a question its source does not answer."""
    match = _OWN_NOT_COVERED.search(task)
    return match.group("words").strip() if match else None


def _document_qa(inputs: ExampleInputs) -> list[Example]:
    # (the brief's own not-covered sentence first: "call 111" from a red-flag reply is no answer to a stray question)
    unknown = _own_not_covered(inputs.task) or fallback_reply(inputs.fallback, inputs.sources, inputs.fallback_words)
    examples: list[Example] = []
    if _HR.search(inputs.task) and not inputs.own_citation:
        examples.append(
            Example(
                input="How many vacation days do new employees get?",
                output="New employees get 25 vacation days per year [doc: Employee Handbook, section 4.2].",
            )
        )
    if unknown is not None:
        # A question no source of any domain answers: the example shows the not-found path, not a topic.
        examples.append(Example(input="What will the weather be like tomorrow?", output=unknown))
    return examples


def _own_unless(pattern: re.Pattern[str], *, when: bool) -> Builder:
    """The archetype's own examples when the task does (`when=True`) or does not match the pattern; else none."""

    def build(inputs: ExampleInputs) -> list[Example]:
        return list(inputs.own) if bool(pattern.search(inputs.task)) == when else []

    return build


# "tables: sales(id, sold_at, product_id, qty)": a table the brief writes out, with its columns.
_TABLE = re.compile(
    r"\b(?P<table>[a-z_][a-z0-9_]*)\s*\((?P<columns>\s*[a-z_][a-z0-9_]*(?:\s*,\s*[a-z_][a-z0-9_]*)+\s*)\)"
)
_NOT_TABLES = frozenset({"tables", "table", "columns", "fields", "schema", "schemas", "views", "datasets", "e", "i"})
_DATE_COLUMN = re.compile(r"^(?:created_at|[a-z_]+_at|[a-z_]*date|[a-z_]+_on|timestamp|ts)$")


def _sql_table(task: str) -> tuple[str, str] | bool | None:
    """(table, date column) from the brief's own schema; False when it writes tables but none has a date column;
    None when it writes none."""
    tables = [
        (m.group("table"), [c.strip() for c in m.group("columns").split(",")])
        for m in _TABLE.finditer(task)
        if m.group("table") not in _NOT_TABLES  # "our event tables (events, sessions, users)": a list of names
    ]
    if not tables:
        return None
    for table, columns in tables:
        date = next((c for c in columns if _DATE_COLUMN.match(c)), None)
        if date is not None:
            return table, date
    return False


def _sql(inputs: ExampleInputs) -> list[Example]:
    schema = _sql_table(inputs.task)
    if schema is False:
        return []  # an example on a table the brief does not have would break "use only the listed tables"
    table, date = schema if isinstance(schema, tuple) else ("orders", "created_at")
    # "Return only the query, no explanation": the example shows the query alone.
    bare = "explanation" in inputs.forbidden or (inputs.output.kind == "code" and not inputs.output_is_default)
    for pattern, dialect, month in _SQL_DIALECTS:
        if pattern.search(inputs.task):
            month = month.replace("created_at", date)
            note = (
                ""
                if bare
                else f"\n{dialect} dialect; months follow the database time zone. One row per month with its row count."
            )
            return [
                Example(
                    input=f"How many {table} rows did we get per month in 2024?"
                    if table != "orders"
                    else "How many orders did we get per month in 2024?",
                    output=(
                        "```sql\n"
                        f"SELECT {month} AS month, COUNT(*) AS {table}\n"
                        f"FROM {table}\n"
                        f"WHERE {date} >= '2024-01-01' AND {date} < '2025-01-01'\n"
                        f"GROUP BY {month}\n"
                        "ORDER BY month;\n"
                        f"```{note}"
                    ),
                )
            ]
    return list(inputs.own)


def _param_value(name: str) -> str | None:
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()
    return next((value for pattern, value in _PARAM_VALUES if pattern.search(snake)), None)


def _agent(inputs: ExampleInputs) -> list[Example]:
    # Only a tool whose every argument has a realistic value: "the value the user gave" is a placeholder in disguise.
    # A hand-off tool ("escalate_to_human(reason)") is no lookup: "call it first and answer from its result" is wrong.
    # An action tool ("book_class(id)", "cancel_order(id)") is no lookup either: "Can you check this?" answered by
    # booking something would teach the wrong call.
    lookups = [t for t in inputs.tools if handoff_rank(t.name) is None and reads(t.name)]
    tool = next((t for t in lookups if all(_param_value(p) for p in t.parameters)), None)
    if inputs.tools and tool is None:
        return []
    if tool is not None:
        values = [_param_value(p) or "" for p in tool.parameters]
        if any(p.lower() == "date" for p in tool.parameters):
            # Beside a date, "start" and "end" are times of that day.
            times = {"start": "09:00", "end": "10:00"}
            values = [times.get(p.lower(), v) for p, v in zip(tool.parameters, values, strict=True)]
        args = ", ".join(f'{p}="{v}"' for p, v in zip(tool.parameters, values, strict=True))
        call = f"{tool.name}({args})"
        given = ", ".join(f"{p.replace('_', ' ')} {v}" for p, v in zip(tool.parameters, values, strict=True))
        return [
            Example(
                input=f"Can you check this for me? {given[0].upper()}{given[1:]}."
                if given
                else "Can you check this for me?",
                reasoning=f"The answer depends on live data, so call {tool.name} first and answer from its result.",
                output=f"Calling {call}; I will answer from its result.",
            )
        ]
    if _FLIGHTS.search(inputs.task):
        return list(inputs.own)
    if _MEETINGS.search(inputs.task):
        return [
            Example(
                input="Set up 30 minutes with Dana next Tuesday afternoon.",
                reasoning="Needs Dana's free slots (calendar lookup), then an invitation that notifies Dana (confirm first).",
                output=(
                    "Checking Dana's calendar for Tuesday afternoon; I expect a list of free slots.\n"
                    "Dana is free at 14:00 and 15:30. Shall I send the invitation for 14:00?"
                ),
            )
        ]
    return []


def _labels(inputs: ExampleInputs) -> list[Example]:
    known = [(label, _LABEL_TEXTS[label.lower()]) for label in inputs.labels if label.lower() in _LABEL_TEXTS]
    seen: set[str] = set()
    examples = []
    for label, text in known:
        if text not in seen:
            seen.add(text)
            examples.append(Example(input=text, output=label))
    return examples[:3] if len(examples) >= 2 else []


# Values for field names that recur across extraction schemas: (pattern on the key, label in the text, value).
_FIELD_VALUES: tuple[tuple[re.Pattern[str], str, object], ...] = (
    # The label is the key's own words; the middle element only documents what the value stands for.
    (re.compile(r"e-?mail", re.I), "Email", "dana.lee@example.com"),
    (re.compile(r"(?:^|_)(?:full_?)?name$|candidate|customer_name|contact", re.I), "Name", "Dana Lee"),
    (re.compile(r"company|vendor|supplier|merchant|employer|organi[sz]ation", re.I), "Company", "Northwind Traders"),
    (re.compile(r"date", re.I), "Date", "2026-03-14"),
    (re.compile(r"total|amount|price|cost", re.I), "Total", 249.5),
    (re.compile(r"currency", re.I), "Currency", "EUR"),
    (re.compile(r"city|location", re.I), "City", "Lisbon"),
    (re.compile(r"title|role|position", re.I), "Title", "Operations Manager"),
)


def _field_value(key: str, prop: object) -> tuple[str, object] | None:
    """(label as written in an input text, value) for a common key, typed as the schema property says."""
    value = next((v for pattern, _, v in _FIELD_VALUES if pattern.search(key)), None)
    if value is None:
        return None
    declared = prop.get("type") if isinstance(prop, dict) else None
    types = set(declared) if isinstance(declared, list) else {declared} if isinstance(declared, str) else set()
    if types and isinstance(value, float) and not types & {"number"}:
        value = round(value) if "integer" in types else str(value) if "string" in types else None
    elif types and isinstance(value, str) and "string" not in types:
        value = None
    if value is None:
        return None
    return key.replace("_", " ").capitalize(), value


def _extraction(inputs: ExampleInputs) -> list[Example]:
    """A filled example from the schema's own keys (when enough of them are common ones), and the all-null case."""
    schema = inputs.output.json_schema
    if not schema or not isinstance(schema.get("properties"), dict) or not inputs.schema_written:
        return []
    keys = list(schema["properties"])
    nulls = ", ".join(f"{json.dumps(name)}: null" for name in keys)
    examples = []
    props = schema["properties"]
    known = {key: found for key in keys if (found := _field_value(key, props[key])) is not None}
    if len(known) >= 2 and len({label for label, _ in known.values()}) == len(known):
        text = ". ".join(f"{label}: {value}" for label, value in known.values()) + "."
        filled = {key: known[key][1] if key in known else None for key in keys}
        examples.append(Example(input=text, output=json.dumps(filled, ensure_ascii=False)))
    flags = [key for key in keys if isinstance(props[key], dict) and "boolean" in _type_names(props[key])]
    if not flags:
        # An input with nothing to extract gives all nulls; a true/false flag the brief defines is false there, not
        # null, and the example cannot know which way the brief settles it.
        examples.append(Example(input="We received your message and will reply next week.", output="{" + nulls + "}"))
    return examples


def _type_names(prop: dict[str, object]) -> set[str]:
    kind = prop.get("type")
    return (
        {kind}
        if isinstance(kind, str)
        else {k for k in kind if isinstance(k, str)}
        if isinstance(kind, list)
        else set()
    )


_TRANSLATIONS: dict[str, str] = {
    "spanish": "¡Bienvenida de nuevo, Dana! Tu pedido ya está en camino.",
    "german": "Willkommen zurück, Dana! Deine Bestellung ist unterwegs.",
    "french": "Bon retour parmi nous, Dana ! Votre commande est en route.",
    "portuguese": "Bem-vinda de volta, Dana! O seu pedido já está a caminho.",
    "italian": "Bentornata, Dana! Il tuo ordine è in viaggio.",
    "dutch": "Welkom terug, Dana! Je bestelling is onderweg.",
}


# The same sentence in the other register, where the vetted one above uses the other form of address.
_OTHER_REGISTER: dict[tuple[str, str], str] = {
    ("spanish", "formal"): "¡Bienvenida de nuevo, Dana! Su pedido ya está en camino.",
    ("german", "formal"): "Willkommen zurück, Dana! Ihre Bestellung ist unterwegs.",
    ("french", "informal"): "Bon retour parmi nous, Dana ! Ta commande est en route.",
    ("portuguese", "informal"): "Bem-vinda de volta, Dana! O teu pedido já está a caminho.",
    ("italian", "formal"): "Bentornata, Dana! Il Suo ordine è in viaggio.",
    ("dutch", "formal"): "Welkom terug, Dana! Uw bestelling is onderweg.",
}


def _translation(inputs: ExampleInputs) -> list[Example]:
    """A vetted translation into the target language, when we have one (the output is in that language), in the form
    of address the brief fixes ("u-vorm (Sie)")."""
    language = (inputs.reply_language or "").lower()
    register = fixed_register(inputs.task)
    text = _OTHER_REGISTER.get((language, register or "")) or _TRANSLATIONS.get(language)
    return [Example(input="Welcome back, Dana! Your order is on its way.", output=text)] if text else []


def _coding(inputs: ExampleInputs) -> list[Example]:
    m = _OTHER_LANGUAGE.search(inputs.task)
    return [] if m else list(inputs.own)  # the own examples are Python: wrong for a brief about another language


_BUILDERS: dict[str, Builder] = {
    "support": _support,
    "document_qa": _document_qa,
    "coding": _coding,
    "review": _coding,
    "sql": _sql,
    "agent": _agent,
    "labels": _labels,
    "extraction": _extraction,
    "tutor": _own_unless(_MATH, when=True),
    # (the own example is a job interview's question: a press officer's radio interview gets none)
    "roleplay": _own_unless(JOB_INTERVIEW, when=True),
    "research": lambda _inputs: [],
    "summary": lambda _inputs: [],
    "marketing": lambda _inputs: [],
    "general": lambda _inputs: [],
    "translation": _translation,
}
_IN_REPLY_LANGUAGE = frozenset({"translation"})
"""Builders whose examples are written in the reply language already."""

_FORMAT_AWARE = frozenset({"labels", "extraction", "agent"})
"""Builders whose examples follow the prompt's actual format (labels, schema keys) rather than the default one."""


def build_examples(inputs: ExampleInputs) -> tuple[list[Example], list[str]]:
    """Examples for the prompt, and a warning when none could be built honestly."""
    builder = _BUILDERS.get(inputs.kind)
    candidates = builder(inputs) if builder is not None else list(inputs.own)
    if not inputs.output_is_default and inputs.kind not in _FORMAT_AWARE:
        candidates = []  # written for the archetype's own format, which the brief replaced
    prose = inputs.output.kind not in ("json", "label", "decision", "code")
    # ("British English", "American English": English examples fit)
    foreign = inputs.reply_language and not inputs.reply_language.lower().endswith("english")
    if prose and foreign and inputs.kind not in _IN_REPLY_LANGUAGE:
        return [], [
            f"No examples: replies are in {inputs.reply_language} and there are no vetted examples in that "
            "language; add one or two of your own."
        ]
    examples = [e for e in candidates if fits(e, inputs)]
    if examples:
        return examples, []
    return [], [
        "No examples: none could be built from the brief that would agree with its domain, rules and output "
        "format; add one or two real input/output pairs of your own."
    ]
