"""The generation brief, and deterministic entity extraction from its free-text task."""

from __future__ import annotations

import re
from typing import Annotated, Any

import msgspec

from app.engine.assistant_name import assistant_name, without_assistant_name
from app.engine.audience_cuts import object_of_verb
from app.engine.fastre import prefiltered
from app.engine.foreign_names import cjk_business_name, foreign_business_name, leading_business_name
from app.engine.language_id import identify
from app.engine.negated_cues import negated_cue
from app.engine.opening_name import opening_business_name
from app.engine.service_for import SERVICE_FOR
from app.engine.spec import Example, Length, OutputKind, Tool
from app.engine.taught_language import taught_languages
from app.engine.tool_text import without_tools_intro
from app.engine.types import EngineStruct, Target, Variable


class Brief(EngineStruct, kw_only=True):
    """What the caller wants a system prompt for. Only `task` is required."""

    task: Annotated[str, msgspec.Meta(min_length=1)]
    role: str | None = None
    audience: str | None = None
    tone: str | None = None
    constraints: list[str] = msgspec.field(default_factory=list)
    output_format: str | None = None
    json_schema: dict[str, Any] | None = None
    examples: list[Example] = msgspec.field(default_factory=list)
    tools: list[Tool] = msgspec.field(default_factory=list)
    variables: list[Variable] = msgspec.field(default_factory=list)
    language: str | None = None
    length: Length | None = None
    target: Target = "generic"
    also_render: list[Target] = msgspec.field(default_factory=list)


class Entities(msgspec.Struct, kw_only=True, frozen=True):
    """What the task text tells us beyond its archetype."""

    organization: str | None = None
    product: str | None = None
    """Noun phrase naming the product, e.g. "Acme's billing app"; falls back to the organization."""
    audience: str | None = None
    language: str | None = None
    source_language: str | None = None
    output_kind: OutputKind | None = None
    length: Length | None = None
    tone: tuple[str, ...] = ()
    variables: tuple[Variable, ...] = ()
    assistant_name: str | None = None
    """The name the brief gives the assistant ("a chatbot called Fern")."""


LANGUAGES: tuple[str, ...] = (
    "Arabic", "Chinese", "Czech", "Danish", "Dutch", "English", "Finnish", "French", "German", "Greek",
    "Hebrew", "Hindi", "Hungarian", "Indonesian", "Italian", "Japanese", "Korean", "Norwegian", "Polish",
    "Portuguese", "Romanian", "Russian", "Spanish", "Swedish", "Thai", "Turkish", "Ukrainian", "Vietnamese",
)  # fmt: skip
_LANG_ALT = "|".join(LANGUAGES)
# "into Brazilian Portuguese", "to Simplified Chinese": a variety's adjective may stand before the language
_LANG_VARIETY = (
    r"(?:(?:Brazilian|European|Latin[- ]American|Mexican|Castilian|Simplified|Traditional|Swiss|Austrian|Canadian|"
    r"Belgian|British|American|Flemish)\s+)?"
)
_LANG_TARGET = re.compile(rf"\b(?:in|into|to)\s+{_LANG_VARIETY}({_LANG_ALT})\b", re.IGNORECASE)
_LANG_SOURCE = re.compile(rf"\bfrom\s+({_LANG_ALT})\b", re.IGNORECASE)
_LANG_ANY = re.compile(rf"\b({_LANG_ALT})(?:-speaking)?\b", re.IGNORECASE)

TECHNOLOGIES: tuple[str, ...] = (
    "OCR", "NLP", "PostgreSQL", "Postgres", "MySQL", "MariaDB", "SQLite", "BigQuery", "Snowflake", "Redshift",
    "MongoDB", "Redis", "Kafka", "Spark", "Pandas", "Docker", "Kubernetes", "Terraform", "React", "Vue", "Angular",
    "Django", "Flask", "FastAPI", "Node", "Rails", "Excel", "Sheets", "Google", "Jira", "GitHub", "GitLab", "Notion",
    "Zendesk", "Intercom", "Freshdesk", "Shopify", "Stripe", "Salesforce", "HubSpot", "Kotlin", "Swift", "Ruby",
    "PHP", "Bash", "PowerShell", "GraphQL", "REST", "T-SQL", "TSQL", "Oracle", "DuckDB", "Databricks", "dbt",
    "Airflow", "Tableau", "Looker", "Linux", "Windows", "macOS", "Android", "ChatGPT", "Claude", "Gemini", "OpenAI",
    "WhatsApp", "Telegram", "Discord", "Teams", "Outlook", "Gmail", "Zoom", "PDFs", "CSVs", "HTML5", "C++", "C#",
)  # fmt: skip
"""Technologies and platforms: tools the assistant works with, never the organisation it works for."""

# Capitalised words that follow "for"/"at" but are not organisations.
_NOT_NAMES = frozenset(
    {
        "A", "An", "The", "Our", "My", "Your", "Their", "Each", "Every", "All", "Any", "This", "That", "I",
        "JSON", "SQL", "CSV", "YAML", "XML", "HTML", "API", "APIs", "AI", "LLM", "PDF", "FAQ", "FAQs", "Markdown",
        "Python", "Java", "JavaScript", "TypeScript", "Go", "Rust", "Slack", "Email",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mondays", "Tuesdays",
        "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays", "January", "February", "March", "April",
        "May", "June", "July", "August", "September", "October", "November", "December", "Christmas", "Easter",
        "PM", "PMs", "PR", "PRs", "MR", "MRs",
        "QA", "HR", "IT", "UI", "UX", "SEO", "CEO", "CTO", "CFO", "B2B", "B2C", "SaaS", "iOS", "SA",
        "AWS", "GCP", "Azure", "GPT",
        # SQL words a brief writes in capitals ("ends with LIMIT 1000", "convert with AT TIME ZONE")
        "SELECT", "INSERT", "UPDATE", "DELETE", "DROP", "ALTER", "TRUNCATE", "LIMIT", "WHERE", "NULL", "COALESCE",
        *LANGUAGES,
        *TECHNOLOGIES,
    }
)  # fmt: skip
_SQL_WORDS = frozenset(
    {"AT", "TIME", "ZONE", "CASE", "WHEN", "THEN", "ELSE", "END", "DISTINCT", "COUNT", "SUM", "AVG", "MIN", "MAX",
     "HAVING", "UNION", "ALL", "INTERVAL", "ORDER", "GROUP", "BY", "JOIN", "LEFT", "INNER", "FROM", "CTE", "CTEs", "ID",
     "IDs", "TRUE", "FALSE", "AND", "OR", "NOT", "IN", "AS", "ON", "LIKE", "ILIKE", "WITH", "OVER", "PARTITION"}
)  # fmt: skip
# "for Acme", "we run IronWorks Gym", "a shop called Spoke & Chain": the name after a word that introduces one.
_ORG = re.compile(
    r"\b(?i:for|at|from|by|with|run|runs|own|owns|operate|operates|called|named|(?:we|i)\s+(?:are|am)|we'?re|i['’]m)\s+"
    r"((?:[A-Z][\w&.+-]*)(?:\s+(?:&\s+)?[A-Z][\w&.+-]*){0,3})(?:'s|’s)?"
)
# A marker word in capitals and where it goes or what it is ("with URGENT at the start of the summary", "with
# HIGH priority", "with PENDING status", "with NEW as the subject's first word")
_MARKER_WORD = re.compile(r"[A-Z]{3,}")
_MARKER_PLACE = re.compile(
    r"\s+(?:at\s+the\s+(?:start|beginning|front|top|end)|in\s+(?:the\s+)?(?:subject|summary|title|header)|"
    r"as\s+(?:the\s+|a\s+)?(?:prefix|tag|label|flag|marker|status|priority|first\s+word|subject)|"
    r"(?:priority|prefix|tag|label|flag|marker|status|ticket)s?\b)"
)
_PRODUCT_NOUNS = (
    "app|application|platform|product|service|store|shop|site|website|portal|dashboard|api|sdk|cli|tool|"
    "bank|clinic|airline|team|helpdesk|marketplace|game|course|library|database|crm|saas"
)
_PRODUCT = re.compile(
    rf"\b((?:[A-Z][\w&.+-]*)(?:\s+[A-Z][\w&.+-]*){{0,2}})(?:'s|’s)\s+((?:[a-z][\w-]*\s+){{0,2}}(?:{_PRODUCT_NOUNS}))\b"
)
_AUDIENCE_NOUNS = (
    "users|customers|clients|students|pupils|learners|developers|engineers|programmers|beginners|children|kids|"
    "teenagers|patients|managers|executives|analysts|teachers|readers|employees|staff|agents|marketers|"
    "researchers|lawyers|doctors|nurses|parents|buyers|shoppers|travellers|travelers|candidates|subscribers|"
    "moderators|writers|editors|sellers|merchants|recruiters|founders|investors|admins|administrators|"
    "scientists|professionals|newcomers|people|players|members"
)
_AUDIENCE = re.compile(
    rf"\b(?:for|aimed at|targeting|targeted at|used by|serving|to help|helps|helping|audience(?: is)?:?)\s+"
    rf"((?:(?!(?:to|at|with|from|about|or|have|has|had|are|is|was|were|get|got)\s)[\w-]+\s+){{0,3}}?(?:{_AUDIENCE_NOUNS})\b(?!-(?!(?:to|in)-)\w)"
    # The qualifier that makes the audience ("readers with low literacy", "kids aged 8-12"), kept whole.
    r"(?:\s+(?:with|who|aged|ages?|between|under|over|new to|learning)\b(?:\s+[\w+'’-]+){1,5}?"
    r"(?=\s*(?:[,.;:!?)]|$|\s(?:and|or|but|in|on|to|for|that|which|so|using|via|by|about)\b)))?)",
    re.IGNORECASE,
)
_QUOTATION = re.compile(
    r"(?<![\w])'(?:[^'\n]|(?<=\w)'(?=\w)){3,200}'(?![\w])|\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”|«[^»\n]{1,200}»|„[^“”\n]{1,200}[“”]"
)
_FORMAT_CUES: tuple[tuple[re.Pattern[str], OutputKind], ...] = (
    (re.compile(r"\bjson\b", re.IGNORECASE), "json"),
    # A reply laid out as a table ("as a table", "a Markdown table", "a table with columns"), not a database's or a
    # restaurant's ("table locks", "the events table has 120M rows", "the tide table we paste", "booking a table")
    (
        re.compile(
            r"\b(?:as|in|into|a|an|one)\s+(?:(?!the\b|this\b|that\b)[\w-]+\s+){0,2}?table\b"
            r"(?!\s+(?:locks?|locking|scans?|names?|schemas?|rewrites?|partitions?|bloat|sizes?|joins?|has|is)\b)|"
            r"\btable\s+with\s+(?:\w+\s+){0,2}?columns\b|\btabular\b",
            re.IGNORECASE,
        ),
        "table",
    ),
    (re.compile(r"\bbullet(?:ed)?(?:\s+points?|\s+list)?\b|\bbullets\b", re.IGNORECASE), "bullets"),
    (re.compile(r"\bmarkdown\b", re.IGNORECASE), "markdown"),
)
# "booking a table", "locks a table", "adds a table": the table is the thing acted on, not the reply's layout
_TABLE_VERB = re.compile(
    r"\b(?:book(?:s|ing)?|reserv\w*|lock(?:s|ing)?|drop(?:s|ping)?|alter(?:s|ing)?|join(?:s|ing)?|truncat\w*|renam\w*|"
    r"partition\w*|scan(?:s|ning)?)\s+$",
    re.IGNORECASE,
)
# "migrations that add a table", "CREATE a table": in a brief about a database (not "Add a table at the end with the
# shopping list")
_TABLE_DDL = re.compile(r"\b(?:add(?:s|ing)?|creat\w*)\s+$", re.IGNORECASE)
_REPLY_TABLE = re.compile(
    r"\b(?:as|in|into)\s+(?:a\s+)?(?:markdown\s+|simple\s+|short\s+)?table\b|\bmarkdown\s+table\b|"
    r"\btable\s+with\s+(?:\w+\s+){0,2}columns\b|\btabular\b",
    re.IGNORECASE,
)
_DATABASE_WORDS = re.compile(
    r"\b(?:sql|database|migrations?|schema|postgres\w*|mysql|sqlite|alembic|django|ddl|orm|index(?:es)?)\b", re.I
)
_LENGTH_CUES: tuple[tuple[re.Pattern[str], Length], ...] = (
    (re.compile(r"\b(?:detailed|in-depth|in depth|thorough|comprehensive|long-form|exhaustive)\b", re.I), "detailed"),
    (re.compile(r"\b(?:brief|short|concise|succinct|terse|one-line|one sentence|tl;?dr)\b", re.I), "short"),
)
_TONE_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    *(
        (re.compile(rf"\b{word}\b", re.IGNORECASE), word)
        for word in (
            "friendly", "formal", "professional", "casual", "empathetic", "playful", "warm", "encouraging",
            "witty", "neutral", "authoritative", "upbeat", "calm", "direct", "supportive", "humorous",
        )
    ),
    # "be patient", "warm and patient" (not "the patient takes home", "each patient's record": a person)
    (
        re.compile(
            r"(?:\b(?:be|stay|remain|very|extra|always|and|or)|[,:])\s+patient\b(?!['’]s)|"
            r"\ban?\s+patient\s+(?:tutor|teacher|coach|assistant|guide|helper|explainer|mentor)\b|"
            r"(?<!\bthe\s)(?<!\ba\s)(?<!\beach\s)(?<!\bevery\s)(?<!\bour\s)(?<!\byour\s)(?<!\bany\s)(?<!\bper\s)"
            r"\bpatient\s*(?:,|and\b|with\b)(?!\s+(?:their|the)\b)",
            re.IGNORECASE,
        ),
        "patient",
    ),
)  # fmt: skip


class _VarCue(msgspec.Struct, frozen=True):
    pattern: re.Pattern[str]
    name: str
    description: str
    trusted: bool = False


def _cue(pattern: str, name: str, description: str, trusted: bool = False) -> _VarCue:
    # "!resume", "/ticket", "#review": a chat command or a channel names no input the prompt must take
    return _VarCue(prefiltered(re.compile(rf"(?<![!/#@])(?:{pattern})", re.IGNORECASE)), name, description, trusted)


# Order matters only for the order variables are listed in; names are unique.
_VAR_CUES: tuple[_VarCue, ...] = (
    _cue(r"\b(?:support\s+)?tickets?\b", "ticket", "The support ticket text submitted by the customer."),
    _cue(
        # (a patch after a determiner, a code word or a verb: not "a pumpkin patch", "a vegetable patch")
        r"\b(?:code\s+)?diffs?\b|\bpull requests?\b|\bmerge requests?\b|"
        r"\b(?:a|the|this|that|each|every|my|your|our|their|code|security|software|git|kernel|hot|proposed|submitted|"
        r"apply|applying|review|reviewing|paste|pasted)\s+patch(?:es)?\b|^patch(?:es)?\b",
        "diff",
        "The code diff under review.",
    ),
    _cue(
        # (not "after the code block": where the reply's query goes)
        r"\b(?:the|a|their|my|your)\s+(?:source\s+)?code\b(?!\s+(?:blocks?|fences?))|\bcode snippets?\b|\bsnippets?\b",
        "code",
        "The code the user shares.",
    ),
    _cue(r"\b(?:database\s+)?schema\b", "schema", "The database schema (tables, columns, types).", trusted=True),
    _cue(
        r"\b(?:documents?|articles?|reports?|papers?|contracts?|pdfs?|manuals?|policy documents?|"
        r"knowledge base|help (?:center )?articles?|docs|documentation|web pages?|passages?|filings)\b",
        "document",
        "The source document(s) the answer is based on.",
    ),
    _cue(
        r"\b(?:transcripts?|meeting notes|call notes|recordings?)\b",
        "transcript",
        "The transcript to work on (a call, a meeting or a voice note).",
    ),
    _cue(r"\b(?:emails?|e-mails?|inbox|messages? threads?)\b", "email", "The email (or thread) to work on."),
    # (not "max 40 CV", "150 cv": horsepower after a number, in the Romance languages)
    _cue(r"\b(?:resumes?|(?<!\d\s)(?<!\d)cvs?|cover letters?)\b", "resume", "The candidate's resume."),
    _cue(r"\b(?:invoices?|receipts?)\b", "invoice", "The invoice or receipt text."),
    # "review it", "please review the sketch", "to review each PR": the verb names no review to take in.
    _cue(
        r"\b(?:reviews|feedback|survey responses?)\b(?!\s+(?:code|pull))|"
        r"(?<!\bto\s)(?<!\bplease\s)(?<!\bthen\s)(?<!\band\s)(?<!\bwill\s)(?<!\bcan\s)(?<!\bshould\s)(?<!\bmust\s)"
        r"\breview\b(?!\s+(?:code|pull|it|them|this|that|these|those|the|a|an|each|every|their|his|her|my|our|your|its|"
        r"all|any|what|how|whether|and|for|against)\b)(?!\s*[,:])",
        "review",
        "The review text.",
    ),
    _cue(
        r"\b(?:posts?|comments?|user-generated content|ugc|chat messages?)\b",
        "content",
        "The user-generated content to assess.",
    ),
    _cue(
        r"\b(?:essays?|homework|assignments?|submissions?|student answers?)\b",
        "submission",
        "The student's submission.",
    ),
    _cue(
        r"\bproduct (?:details|descriptions?|info(?:rmation)?|specs?|features)\b",
        "product_details",
        "Facts about the product: name, features, price.",
        trusted=True,
    ),
    _cue(r"\b(?:search results|sources|retrieved passages|citations)\b", "sources", "The retrieved sources."),
    _cue(
        r"\b(?:the\s+)?(?:user's|customer's|users'|customers'|their|a|the)\s+(?:questions?|query|queries)\b|\bquestions?\b",
        "question",
        "The user's question.",
    ),
    _cue(r"\b(?:the\s+)?(?:user|customer|chat)\s+messages?\b", "message", "The user's message."),
    _cue(r"\b(?:the|a|given|supplied|provided|input|raw)\s+text\b", "text", "The input text."),
)


def _first_language(text: str) -> tuple[str | None, str | None]:
    """Return (output language, source language) named in the text."""
    source_m = _LANG_SOURCE.search(text)
    source = source_m.group(1).capitalize() if source_m else None
    # "French vocab buddy … max 2 sentences of English plus the French word", "Spanish conversation practice …
    # explain grammar in English": a brief that teaches a language mixes languages by its own rules, so no language
    # named in it is a guess at every reply's (a reply language it states outright is a constraint's)
    if taught_languages(text):
        return None, source
    for m in _LANG_TARGET.finditer(text):
        lang = m.group(1).capitalize()
        if _WRITERS_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "guests write in Portuguese, English or Spanish": the language of what arrives
        marks = (".", "\n", "!", "?", ";")
        sentence_start = max(text.rfind(mark, 0, m.start()) for mark in marks) + 1
        sentence_end = min((i for i in (text.find(mark, m.end()) for mark in marks) if i >= 0), default=len(text))
        other_case = _OTHER_CASE.match(text, sentence_start) is not None and _LANGUAGE_CASE.search(text) is not None
        if other_case or _LANGUAGE_CASE.search(text, sentence_start, sentence_end):
            # "If they write in Dutch, answer in Dutch", "Reply in Portuguese if they write in Portuguese": a case,
            # not the language of every reply
            continue
        if lang != source:
            return lang, source
    if source is None:
        m2 = _LANG_ANY.search(text)
        if m2 and m2.group(1).capitalize() != "English" and not _languages_of_the_input(text, m2.start()):
            return m2.group(1).capitalize(), None
    return None, source


# "guests write in Portuguese", "most customers message us in Dutch": people who write in name the input's language
# (not the imperative "Write in French", nor "you write in …", which have no such subject before the verb)
_WRITERS_BEFORE = re.compile(
    r"\b(?:they|people|users|customers|clients|tenants|guests|patients|parents|students|members|visitors|buyers|"
    r"callers|residents|families|employees|staff|many|some|most|who)\s+(?:(?:often|mostly|usually|sometimes|may|"
    r"might|can|will|also|tend\s+to)\s+)?(?:write|speak|message|text|email|e-mail|contact)s?\s+(?:(?:to\s+)?us\s+)?$",
    re.IGNORECASE,
)
# "If they write in Dutch", "when a guest messages us in French": a language the input may be in, under a condition
_LANGUAGE_CASE = re.compile(
    r"\b(?:if|when|whenever|should|unless)\s+(?:[\w']+\s+){0,4}(?:write|writes|wrote|speak|speaks|message|messages|text|texts|"
    r"ask|asks|contact|contacts)\s+(?:(?:to\s+)?us\s+)?in\s+[^\W\d_]",
    re.IGNORECASE,
)
_OTHER_CASE = re.compile(r"\s*(?:otherwise|if\s+not|else)\b", re.IGNORECASE)
# "emails come in any langauge (lots of german + polish)": the languages of what arrives, not of the reply
_INPUT_LANGUAGE = re.compile(
    r"\b(?:come|comes|coming|arrive|arrives|arriving|written|sent)\s+in\b|\bany\s+lang\w*|\b(?:incoming|received)\b|"
    r"\bin\s+(?:several|many|different|various|multiple|all\s+sorts\s+of)\s+languages\b",
    re.IGNORECASE,
)


def _languages_of_the_input(text: str, position: int) -> bool:
    """Whether a language named in passing at `position` describes the input: its sentence names several languages,
    or says what comes in."""
    start = max(text.rfind(mark, 0, position) for mark in (".", "\n", "!", "?")) + 1
    ends = [i for i in (text.find(mark, position) for mark in (".", "\n", "!", "?")) if i >= 0]
    sentence = text[start : min(ends, default=len(text))]
    # (English ruled out, "…, not English", is no second language of the input)
    named = {m.group(1).lower() for m in _LANG_ANY.finditer(sentence)} - {"english"}
    return len(named) > 1 or _INPUT_LANGUAGE.search(sentence) is not None or _LANGUAGE_CASE.search(sentence) is not None


_ABBREVIATIONS = frozenset({"Inc.", "Co.", "Ltd.", "Corp.", "Bros.", "St.", "Dr."})


def _one_sentence(words: list[str]) -> list[str]:
    """Name words up to a sentence end ("ShopCo. Use lookup_order" -> ["ShopCo"]); "Acme Inc." stays whole."""
    for i, word in enumerate(words):
        if word.endswith(".") and word not in _ABBREVIATIONS:
            return [*words[:i], word.rstrip(".")]
    return words


# "para la web de Gestoría Almendro", "dans l'appli Doudou Dodo", "para o sistema da Clínica Ipê Roxo": in Romance
# languages a capitalised name after such an introducer is a proper noun (German capitalises every noun, so it is
# left out).
_ROMANCE_ORG = re.compile(
    # (not German "für": German capitalises every noun, so "für Reparaturen" names no business)
    r"(?:\b(?i:para|pour|chez|per|voor)\s+|\b(?i:de|du|da|do|del)\s+(?=(?:la\s+|l['’]|el\s+|o\s+|a\s+|(?i:nuestr[oa]|notre|noss[oa]|nostr[oa]|mi|mon|ma)\s+)?(?i:épicerie|boulangerie|librairie|"
    r"pharmacie|boutique|tienda|loja|empresa|entreprise|clínica|clinique|gestoría|farmacia|farmácia|panadería|padaria|"
    r"óptica|optica|ótica|opticien|"
    r"librería|livraria|hotel|hôtel|restaurante|restaurant|cabinet|agence|agencia|agência|academia|escuela|école|escola|"
    r"salon|salón|magasin|supermarché|supermercado|mercado|marché|app|aplicativo|aplicación|appli|plataforma|"
    r"plateforme|musée|museo|museu|théâtre|teatro|bibliothèque|biblioteca|cinéma|cine|cinema|gimnasio|ginásio|"
    r"club|clube|association|asociación|associação)\s)|\b(?i:dans|no|na|sur|en)\s+(?=\S+\s+(?i:(?:de|da|do|du)\s+)?[A-ZÀ-Ý])(?=(?:\S+\s+)?(?i:web|site|"
    r"sitio|tienda|loja|boutique|empresa|entreprise|sistema|système|app|appli|application|aplicación|aplicativo|"
    r"plataforma|plateforme)))(?:(?:la|el|le|les|l['’]|o|a|os|as|nuestr[oa]s?|notre|nos|nosso|nossa|"
    r"mi|mon|ma|su)\s*)?(?:(?i:web|website|sitio(?:\s+web)?|site|tienda(?:\s+online)?|loja|boutique|empresa|entreprise|"
    r"sistema|système|app|appli|application|aplicación|aplicativo|plataforma|plateforme|clínica|clinique|hotel|hôtel|"
    r"restaurante|restaurant|gestoría|escritório|cabinet|agence|agencia|agência|academia|escuela|école|escola|página|"
    r"óptica|optica|ótica|"
    r"equipo|équipe|equipe|servicio|service|serviço|negocio|negócio|magasin|salón|salon|farmacia|pharmacie|farmácia|"
    r"épicerie|boulangerie|librairie|panadería|padaria|librería|livraria|supermarché|supermercado|mercado|marché|"
    r"musée|museo|museu|théâtre|teatro|bibliothèque|biblioteca|cinéma|cine|cinema|gimnasio|ginásio|club|clube|"
    r"association|asociación|associação)"
    # "o app de delivery RangoJá": one lower-case word may qualify the business noun before its name.
    # ("nuestro hotel rural Casa Almendro": or one lower-case word right after the noun)
    r"\s+(?:(?i:de|da|do|du|des|del)\s+(?:(?i:la|l['’])\s*)?)?(?:[a-zà-ÿ]{3,12}\s+(?=[A-ZÀ-Ý]))?)?"
    r"(?P<name>[A-ZÀ-Ý][\w'’&.+-]*(?:\s+(?:(?:de|del|des|da|do|dos|das|du|di|della|y|e|et|&)\s+)?[A-ZÀ-Ý][\w'’&.+-]*){0,4})"
)
_CAPITAL_NOUN = re.compile(
    r"[A-ZÀ-Ý][\w'’-]+\s+(?:(?:de|del|da|do|du|des)\s+(?:(?:la|el|le|les)\s+|l['’])?)?(?:[a-zà-ÿ]{3,12}\s+)?$"
)
# A preposition that opens a sentence is capitalised like a name: "Para", "Pour", "Für", "Voor", "Per"
_CAPITAL_PREPOSITIONS = frozenset(
    {"Para", "Por", "Pour", "Par", "Für", "Voor", "Per", "Con", "Avec", "Mit", "Met", "Com", "Bei", "Desde",
     "Dès", "Sobre", "Sur", "Pra", "Em", "En", "In", "Dans", "Dentro"}
)  # fmt: skip
_ROMANCE_NOT_NAMES = frozenset(
    {"Español", "Inglés", "Français", "Anglais", "Português", "Inglês", "Italiano", "Usted", "Sie", "Ihnen", "Ihr",
     "Ihre", "Du", "Dich", "Vous", "Lei", "Voi", "Tu", "Você", "Ustedes", "U",
     # "per Mail", "por WhatsApp": a channel, not the business
     "Mail", "E-Mail", "Email", "Telefon", "WhatsApp", "SMS", "Post", "Fax", "Chat", "Instagram", "Facebook"}
)  # fmt: skip
# "eine kleine Physiotherapie-Praxis in Freiburg (Praxis Bergmann)": the business's name in brackets after its noun.
_FOREIGN_NAME_IN_PARENS = re.compile(
    r"(?i:praxis|laden|geschäft|firma|betrieb|verein|schule|café|hotel|restaurant|tienda|clínica|empresa|escuela|"
    r"academia|loja|clínica|escola|boutique|entreprise|cabinet|école|magasin|association|negozio|ditta|studio|scuola|"
    r"associazione|winkel|bedrijf|praktijk|vereniging|school|labor|dentallabor|laboratorio|laboratoire|"
    # "unseren kundenservice-bot (Fahrradladen Speiche & Co, Münster)": the bot, then whose it is
    r"[\w-]*bot|chatbot|assistent\w*|asistente|assistente)(?:\s+[\w-]+){0,5}?\s*"
    r"\((?P<name>[A-ZÀ-Ý][\w&.'’+-]*(?:\s+(?:&\s+)?[A-ZÀ-Ý][\w&.'’+-]*){0,3})(?:,[^()]{1,40})?\)"
)
# 「湯守 ひのき荘」, 「小满学习」App: a short bracketed name right after a business noun or right before "App".
_CJK_ORG = re.compile(
    r"(?:旅館|ホテル|店|会社|アプリ|サービス|クリニック|病院|学校|塾|教室|スクール|サロン|カフェ|レストラン|工房|協会|クラブ|"
    r"公司|应用|平台|品牌|酒店|餐厅|医院|诊所|商店|网店|机构|学校|培训班|俱乐部|协会|工作室)"
    r"「(?P<name>[^「」。、，,.!?！？]{1,14})」|「(?P<name2>[^「」。、，,.!?！？]{1,14})」\s*(?:App|APP|app|アプリ|应用|平台)|"
    # "一家茶叶店，叫「西湖茶坊」", "カフェ「森の時間」という": a business called by its name
    r"(?:叫|名叫|名为|名為|叫做)「(?P<name3>[^「」。、，,.!?！？]{1,14})」|「(?P<name4>[^「」。、，,.!?！？]{1,14})」という(?!名前の(?:チャット)?(?:ボット|アシスタント|AI))"
)


# "Greenhollow Garden Centre wants a "plant doctor" …": the business that asks, named first.
# "Booking assistant for the Brenner car workshop", "the front desk at the Riverside dental clinic": a named
# business described by its kind, the name before the noun
_BUSINESS_NOUN = (
    r"(?:workshop|garage|clinic|surgery|practice|shop|store|bakery|caf[eé]|restaurant|hotel|gym|studio|salon|pharmacy|"
    r"library|museum|school|academy|club|society|centre|center|charity|trust|firm|agency|company|brewery|farm|nursery|"
    r"theatre|theater|council|hospital|bank|co-?op|cooperative|association|foundation|hostel|inn|pub|bar)"
)
_ORG_THE_NAMED = re.compile(
    r"\b(?i:for|at)\s+the\s+(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2})\s+(?P<noun>(?:[a-z]+\s+)?"
    + _BUSINESS_NOUN
    + r")\b"
)
_ASSISTANT_BEFORE = re.compile(
    r"\b(?:assistant|bot|chatbot|chat|agent|widget|helper|concierge|advisor|adviser|buddy|companion|game|quiz|tutor|"
    r"coach|guide|host|feature|character|mascot|persona)s?\b[^.!?\n]{0,40}$",
    re.IGNORECASE,
)
# "the chat assistant on the Brightwater Pest Control website": the business whose site the assistant is on
_ORG_SITE = re.compile(
    r"\b(?i:on|in|for)\s+the\s+(?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+"
    r"(?i:web\s?site|site|app|portal|web\s+chat|online\s+shop|web\s?shop)\b"
)
# "Greenleaf garden centre's chat bot", "Riverside dental clinic's front desk": the business whose assistant it is.
_ORG_POSSESSIVE = re.compile(
    # ("Like a hotel's front desk": a comparison, no name)
    r"\b(?P<name>(?!(?:Like|As|Unlike|Just|Similar)\b)[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2}\s+"
    r"(?:(?!(?:a|an|the)\b)[a-z]+\s+)?"
    + _BUSINESS_NOUN
    + r")['’]s\s+(?:[\w-]+\s+){0,2}?(?:chat\s?bot|bot|assistant|agent|helper|front\s+desk|help\s?desk|"
    r"receptionist|website|site|app|inbox|phone\s+line)\b"
)
# "für die Autowerkstatt Brenner", "für unsere Zahnarztpraxis Dr. Albers": a German business noun, then its name
_GERMAN_ORG = re.compile(
    r"\b(?:für|bei|von)\s+(?:die|den|das|der|dem|unsere?[nm]?)\s+(?P<name>[A-ZÄÖÜ]\w*(?:werkstatt|praxis|kanzlei|"
    r"apotheke|bäckerei|klinik|schule|buchhandlung|gärtnerei|brauerei|hotel|pension|verein|firma|agentur|bank|"
    r"genossenschaft|stiftung|bibliothek|galerie|museum|studio|salon|laden|shop|café|restaurant|metzgerei|"
    # the name ends where the sentence goes on: "in Kassel", a comma, "e.V." (not "Patientenfragen zu …": a noun)
    # ("Dr. Weber": a title makes the next word a name, whatever follows it)
    r"versicherung)\s+(?:Dr\.\s+[A-ZÄÖÜ][\w'’-]*(?=[\s,.;:()]|$)|(?!Dr\b)[A-ZÄÖÜ][\w&'’-]*"
    r"(?:\s+(?:&\s+)?[A-ZÄÖÜ][\w&'’-]*){0,2}(?=\s+(?:in|aus|bei)\b|\s*[,.;:()]|\s*$|\s+e\.\s?V\.)))"
)
_ORG_WANTS = re.compile(
    r"^\s*(?P<name>(?:[A-Z][\w&'’.-]*\s+){0,4}[A-Z][\w&'’.-]*)\s+(?:wants|needs|would\s+like|is\s+looking\s+for)\s"
)
# "our climbing gym (Crux Hall)", "a small isp in rural montana (BigSky Fiber)": the business's name in parentheses.
_NAME_IN_PARENS = re.compile(
    r"\b(?:gym|shop|store|bakery|chain|company|firm|clinic|practice|isp|app|business|school|restaurant|caf[eé]|hotel|"
    r"charity|studio|salon|agency|brand|startup|platform|service|library|centre|center|club|brewery|bar|pharmacy|"
    r"surgery|garage|nursery|school|academy|museum|venue|hostel|marketplace|website|site|society|guild|union|co-?op|"
    r"cooperative|trust|group|team|church|parish|lab|laboratory|league|orchestra|choir|"
    # "our dog grooming salon's booking assistant (Pawsh Parlour, Leeds)": the assistant, then whose it is
    r"assistant|chat\s?bot|bot)(?:\s+\w+){0,2}?\s*"
    r"\((?:called\s+|named\s+)?(?P<name>[A-Z][\w&.'’+-]*(?:\s+(?:&\s+)?[A-Z][\w&.'’+-]*){0,3})(?:,[^()]{1,40})?\)"
)


# "Floristería Margarita: cuando un cliente …": a brief headed by the business's name (two words or more).
_FOREIGN_TITLE = re.compile(
    r"^\s*(?P<name>[A-ZÀ-Ý][\w'’&.+-]*(?:\s+(?:(?:de|del|da|do|du|des|la|y|e|et|&)\s+)?[A-ZÀ-Ý][\w'’&.+-]*){1,3})"
    r"\s*[:：]\s"
)
_TITLE_WORDS = frozenset(
    {"tarea", "objetivo", "rol", "contexto", "aufgabe", "rolle", "ziel", "tâche", "contexte", "objectif", "tarefa",
     "asistente", "assistant", "assistente", "bot", "chatbot", "agente", "agent", "prompt", "system"}
)  # fmt: skip


# "Somos la Clínica Veterinaria Los Olivos", "Wir sind die Fahrradwerkstatt Speichenliebe", "Nous sommes Les Jardins":
# the requester names the business it speaks for.
_WE_ARE = re.compile(
    r"\b(?i:somos|nous\s+sommes|wir\s+sind|siamo|wij\s+zijn|we\s+zijn)\s+(?:(?i:la|el|los|las|le|les|die|der|das|"
    r"il|lo|de|het|a|o|os|as|une?|ein(?:e)?)\s+)?(?:[a-zà-ÿ]+\s+)?"
    # two words at least: "ein kleiner Landgasthof" names no business, German capitalises every noun
    # ("Somos o Sindicato dos Aposentados e Pensionistas de Campinas": the plural and the contracted articles too)
    r"(?P<name>[A-ZÀ-Ý][\w'’&.+-]*(?:\s+(?:(?:de|del|da|do|dos|das|des|du|di|dei|degli|della|delle|y|e|et|&|los|las|"
    r"van|von)\s+)?[A-ZÀ-Ý][\w'’&.+-]*){1,4})"
)
# "Somos a EnviaJá, app de remessas …", "Siamo Bottega Rossi (Modena)": one name word, then what the business is
# (not German, whose nouns are all capitalised)
_WE_ARE_ONE = re.compile(
    r"\b(?i:somos|nous\s+sommes|siamo|wij\s+zijn|we\s+zijn)\s+(?:(?i:la|el|los|las|le|les|il|lo|de|het|a|o|os|as|une?)\s+)?"
    r"(?P<name>[A-ZÀ-Ý][\w'’&.+-]*)(?=\s*[,(])"
)
_FOREIGN_REFERRAL = re.compile(
    r"\b(?:lig(?:ar|ue|uem|a)|llam(?:ar|e|en|a)|appel(?:er|ez|le)|an(?:zu)?rufen|chiam(?:are|a|ate)|bel(?:len)?|dar|dê|"
    r"indic(?:ar|a|ue)|encaminh(?:ar|e)|deriv(?:ar|a|e)|remit(?:ir|a|e)|renvo(?:yer|ie|yez)|verweis(?:en|e)|"
    r"contact(?:ar|a|er|ez)|contat(?:ar|e|a)|escrib(?:ir|a)|escrev(?:er|a)|schreib(?:en|e))\b[^.;:!?]{0,25}$",
    re.IGNORECASE,
)


def _foreign_organization(text: str) -> str | None:
    cjk = _CJK_ORG.search(text)
    if cjk is not None:
        return next(g for g in cjk.groups() if g).strip()
    own = cjk_business_name(text)  # "我们是"电小兔"共享充电宝", "音羽ピアノサービスです。"
    if own is not None:
        return own
    if not re.search(
        r"[áéíóúàèçãõâêôñäöüß]|\b(?:para|pour|les|des|une|el|los|não|que|voor|het|een|für|und|oder|ist|per|della|il|"
        r"wir|sind|somos|sommes|siamo|zijn)\b",
        text,
        re.I,
    ):
        # ("Comune di Vallerana, ufficio manutenzione strade.": a brief in another language all the same)
        return foreign_business_name(text) if identify(text)[0] not in ("en", "und") else None
    german = _GERMAN_ORG.search(text)
    if german is not None:
        return " ".join(w for w in german.group("name").split() if w not in _ROMANCE_NOT_NAMES)
    titled = _FOREIGN_TITLE.match(text)
    if titled is not None and titled.group("name").split()[0].lower() not in _TITLE_WORDS:
        return titled.group("name")
    leading = leading_business_name(text)
    if leading is not None:
        return leading  # "Tanzschule Wirbel in Münster, …" (before "wir sind eine lockere Tanzschule")
    we_are = _WE_ARE.search(text) or _WE_ARE_ONE.search(text)
    if we_are is not None and we_are.group("name").split()[0] not in _ROMANCE_NOT_NAMES:
        # "Somos el Sindicato de Inquilinas de Carabanchel. Nos llegan …": the name ends with its sentence
        # (two words at least, as _WE_ARE reads them: "wir sind eine lockere Tanzschule.\n\nMaximal" is no name)
        named = _one_sentence(we_are.group("name").split())
        if len(named) > 1 or we_are.re is _WE_ARE_ONE:
            return " ".join(named).rstrip(".")
    for match in _ROMANCE_ORG.finditer(text):
        if match.group(0).split()[0].isupper() and len(match.group(0).split()[0]) > 1:
            continue  # "NIET VOOR VK", "PAS POUR LA VENTE": a marker in capitals, not a business
        if _FOREIGN_REFERRAL.search(text, max(0, match.start() - 30), match.start() + 1):
            continue  # "ligar para o CVV", "llamar al 112": who the user is sent to, not the business
        # "du Musée de la Mer de Granville": a capitalised business noun is part of the name.
        lead = _CAPITAL_NOUN.search(text, match.start(), match.start("name"))
        name = text[lead.start() : match.end("name")] if lead is not None else match.group("name")
        words = _one_sentence(name.split())
        opens_sentence = re.search(r"(?:^|[.!?:\n])\s*$", text[: match.start() if lead is None else lead.start()])
        if len(words) > 1 and words[0] in _CAPITAL_PREPOSITIONS and opens_sentence:
            # "Para Bodega La Tinaja (…): te paso …": the sentence's first word, not the name's (not "el restaurante
            # Con Amore", "la academia En Forma", where the name follows its noun)
            words.pop(0)
        while words and (words[-1] in _NOT_NAMES or words[-1] in _ROMANCE_NOT_NAMES):
            words.pop()
        if words and words[0] not in _NOT_NAMES and words[0] not in _ROMANCE_NOT_NAMES:
            return " ".join(words).rstrip(".")
    bracketed = _FOREIGN_NAME_IN_PARENS.search(text)
    # two words at least: "(Cádiz)", "(MG)" after a business noun is where it is, not what it is called
    if bracketed is not None and len(bracketed.group("name").split()) >= 2:
        return bracketed.group("name")
    return foreign_business_name(text)  # "Tischlerei Holzmann in Kassel.", 'das Portal "Ostseeblick"'


_REFERRAL_BEFORE = re.compile(
    r"\b(?:refer\w*|send\w*|point\w*|direct\w*|signpost\w*|contact\w*|call\w*|ring|e-?mail\w*|talk\w*\s+to|"
    r"speak\w*\s+to|hand\w*\s+(?:off|over)|pass\w*\s+(?:it\s+)?(?:on\s+)?to|forward\w*|recommend\w*|"
    r"book\w*\s+(?:a|an)\b[^.]{0,20})\b[^.;:!?]{0,30}$",
    re.IGNORECASE,
)


_VENUE = re.compile(
    r"['’]?s?\s+(?:church\s+)?(?:hall|church|park|station|square|field|green|library|school|community\s+centre|"
    r"centre|center|chapel|pub|car\s+park|room|hospital\s+car\s+park)\b",
    re.IGNORECASE,
)


_COMPOUND_ADJECTIVE = re.compile(
    r"-(?:compliant|certified|accredited|approved|registered|based|friendly|free|only|ready|focused|owned|run|led|"
    r"funded|first|native|powered)$",
    re.IGNORECASE,
)


# "answers questions for my food truck Bao Down", "our bakery Crumb & Co": the business named after its kind.
_OWN_BUSINESS = re.compile(
    r"\b(?i:my|our)\s+(?:[a-z-]+\s+){0,2}?(?:food\s+truck|truck|stall|shop|store|bakery|caf[eé]|restaurant|bar|"
    r"brewery|salon|studio|gym|clinic|practice|agency|firm|company|business|startup|nursery|garage|hotel|hostel|"
    r"pharmacy|charity|club|school|academy|museum|venue|band|podcast|newsletter|brand|label)\s+"
    r"(?:(?i:called|named)\s+)?"
    r"(?P<name>[A-Z](?:[\w&'’+-]|\.(?=\w))*(?:[ \t]+(?:&[ \t]+)?[A-Z](?:[\w&'’+-]|\.(?=\w))*){0,3})"
    # ("my studio Instagram account": a platform's page, not the business)
    r"(?!\s+(?:account|page|profile|channel|feed|handle|listing)\b)"
)


# "Groove Cellar sells second-hand vinyl …": a brief that opens with a name and what it sells or runs names its business
_NAMED_SELLER = re.compile(
    # (two words or more, no title, goods: "Anna runs a small bakery", "Dr Patel runs a clinic", "María López offers
    # yoga classes" name a person)
    r"\s*(?!(?:Dr|Mr|Mrs|Ms|Miss|Prof)\b)(?P<name>[A-Z][\w&'’+-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’+-]*){1,3})[ \t]+"
    r"(?:sells|rents|imports|ships|stocks|supplies)\s+(?!(?:her|his|their)\b)"
)
_NAMED_LAW = re.compile(
    r"['’]s\s+(?:law|laws|theorem|principle|rule|constant|equation|formula|disease|syndrome|test|method|paradox)\b",
    re.IGNORECASE,
)
_PERSON_NAMED = re.compile(
    r"\b(?:customer|client|patient|guest|user|caller|character|persona|person|man|woman|boy|girl|kid|child|student|"
    r"pupil|employee|manager|candidate|applicant|interviewer|tenant|landlord|buyer|seller|driver|neighbou?r|friend|"
    r"colleague|boss|teacher|doctor|nurse|detective|pirate|wizard|knight|dog|cat|puppy|kitten|parrot|dragon|robot)s?\s+"
    r"(?:named|called)\s+$",
    re.IGNORECASE,
)


def _organization(text: str) -> tuple[str | None, str | None]:
    foreign = _foreign_organization(text)
    if foreign is not None:
        return foreign, None
    own = _OWN_BUSINESS.search(text) or _NAMED_SELLER.match(text)
    if own is not None and own.group("name").split()[0] not in _NOT_NAMES:
        return own.group("name").rstrip("."), None
    opening = opening_business_name(text)  # "Wrekin Community Transport - dial-a-ride.": the brief's own name
    if opening is not None:
        return opening, None
    pm = _PRODUCT.search(text)
    if pm and re.search(r"\b(?:at|in|near|inside|opposite)\s+$", text[: pm.start()]) and _VENUE.match(text, pm.end(1)):
        pm = None  # "we meet at St Michael's church hall": the venue, not the business
    if pm and pm.group(1).split()[0] not in _NOT_NAMES and "." not in pm.group(1).rstrip("."):
        org = pm.group(1)
        return org, f"{org}'s {pm.group(2)}"
    for m in _ORG.finditer(text):
        if _REFERRAL_BEFORE.search(text, max(0, m.start() - 50), m.start() + 1):
            continue  # "refer them to Lark Accountancy", "give them CVV's number": who the user is sent to
        if _VENUE.match(text, m.end(1)) and re.search(r"\b(?:at|in|near|inside|opposite)\s+$", text[: m.start(1)]):
            continue  # "we meet at St Michael's church hall": where it happens, not who runs it
        if m.group(0).split()[0].isupper() and len(m.group(0).split()[0]) > 1:
            continue  # "ACTIONS FOR TOMORROW:", "NOT FOR UK STOCK": a label or marker in capitals, not a business
        if m.group(1).isupper() and re.search(r"(?:^|[.!?:\n])\s*$", text[: m.start()]):
            continue  # "For URGENT the reply must …": a case (a label, a code) that opens a sentence, not a business
        if _MARKER_WORD.fullmatch(m.group(1)) and _MARKER_PLACE.match(text, m.end(1)):
            continue  # "create_ticket with URGENT at the start of the summary": a marker, not a business
        if m.group(1).isupper() and re.match(r"\s*(?:\d|'|\"|\()", text[m.end() :]):
            continue  # "convert with AT TIME ZONE 'Europe/Amsterdam'", "ends with LIMIT 1000": SQL, not a business
        if all(word in _SQL_WORDS for word in m.group(1).split()):
            continue  # "with CASE WHEN", "from CTEs", "by ID": SQL words only (not "ZONE Fitness")
        if re.match(r"\s+(?:use|usage|purposes?)\b", text[m.end() :]):
            continue  # "pesticides for DIY use": what something is for, not a business
        if _NAMED_LAW.match(text, m.end(1)):
            continue  # "show the math for Ohm's law": a law named after a person, not the business
        if _PERSON_NAMED.search(text, max(0, m.start() - 40), m.start(1)):
            continue  # "an angry customer named Derek", "a patient called Mrs Hale": a person, not the business
        if _COMPOUND_ADJECTIVE.search(m.group(1)):
            continue  # "we're COPPA-compliant", "we're ISO-certified": what the business is, not its name
        words = _one_sentence(m.group(1).split())
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        while words and words[-1] in _NOT_NAMES:
            words.pop()
        if words:
            org = " ".join(words).rstrip(".")
            return org, None
    site = _ORG_SITE.search(text)
    if site is not None and not _ASSISTANT_BEFORE.search(text, max(0, site.start() - 50), site.start()):
        site = None  # "the advice on the NHS website", "in the Settings app": where users are sent, not whose bot
    if site is not None and site.group("name").split()[0] not in _NOT_NAMES:
        return site.group("name"), None  # "the chat assistant on the Brightwater Pest Control website"
    described = _ORG_THE_NAMED.search(text)
    if described is not None and described.group("name").split()[0] not in _NOT_NAMES:
        return f"the {described.group('name')} {described.group('noun')}", None
    owner = _ORG_POSSESSIVE.search(text)
    if owner is not None and _REFERRAL_BEFORE.search(text, max(0, owner.start() - 50), owner.start() + 1):
        owner = None  # "point people to the Leeds City council's website": where users are sent, not the business
    if owner is not None and owner.group("name").split()[0] not in _NOT_NAMES:
        return owner.group("name"), None
    wants = _ORG_WANTS.match(text)
    if wants is not None and wants.group("name").split()[0] not in _NOT_NAMES:
        return wants.group("name"), None
    named = _NAME_IN_PARENS.search(text)
    if named is not None and _COMPOUND_ADJECTIVE.search(named.group("name")):
        named = None  # "a support bot (GDPR-compliant)": what it is, not whose
    if named is not None and named.group("name").split()[0] not in _NOT_NAMES:
        return named.group("name").strip(), None
    return None, None


def extract_entities(task: str) -> Entities:
    """Pull organisation, audience, language, format, length, tone and input slots out of a task."""
    name = assistant_name(task)
    task = without_assistant_name(task)  # "a chatbot called Fern for Greenleaf": Fern is no business
    org, product = _organization(task)
    if org is not None and all(word in _SQL_WORDS for word in org.split()):
        org, product = None, None  # "count users with COUNT DISTINCT": SQL words, not a business
    if name is not None and org == name:
        org, product = None, None  # "Helix = the chat assistant …; Helix can reset …": the assistant, not a business
    quoted = [m.span() for m in _QUOTATION.finditer(task)]
    # 'Don't use "perfect for beginners"': words quoted (to ban or to say) never name the readers
    # ("don't defend or apologise for staff": who is apologised for, not who reads)
    am = next(
        (
            m
            for m in _AUDIENCE.finditer(task)
            if not any(a < m.start() < b for a, b in quoted) and not object_of_verb(task, m.start())
        ),
        None,
    )
    audience = am.group(1).strip() if am else None
    if am is not None and SERVICE_FOR.search(task, max(0, am.start(1) - 80), am.start(1)):
        audience = None  # "monitors personal alarms for older people": whom the service is for, not who reads
    if audience is not None and audience.split()[0].lower() in {"a", "an", "the", "our", "my"}:
        audience = " ".join(audience.split()[1:]) or None
    if audience is not None and audience.lower() in {"people", "users", "members"}:
        audience = None  # "helps people write migrations": nobody in particular
    language, source = _first_language(task)
    output_kind: OutputKind | None = None
    # "get_inventory(item), which returns … as JSON", "工具如下（JSON 格式）：", "関数の定義（JSON Schema）": the
    # tools' format, not the reply's
    replied = without_tools_intro(task)
    for pattern, kind in _FORMAT_CUES:
        # "no markdown", "without bullets", "not as JSON" name a format to avoid, not the one to use.
        database = kind == "table" and _DATABASE_WORDS.search(replied) is not None
        if any(
            not negated_cue(replied, m.start())
            and not (kind == "table" and _TABLE_VERB.search(replied[max(0, m.start() - 14) : m.start()]))
            and not (database and _TABLE_DDL.search(replied[max(0, m.start() - 14) : m.start()]))
            # "one big events table with 120M rows", "touches only one table": in a database brief only a table the
            # reply is laid out as counts ("as a table", "in a Markdown table", "a table with columns …")
            and not (database and not _REPLY_TABLE.search(replied, max(0, m.start() - 20), m.end() + 30))
            for m in pattern.finditer(replied)
        ):
            output_kind = kind
            break
    length: Length | None = None
    for lpat, lval in _LENGTH_CUES:
        if lpat.search(task):
            length = lval
            break
    tone = tuple(word for pattern, word in _TONE_CUES if pattern.search(task))
    variables = variable_cues(without_tools_intro(task))  # (not "the curl examples from the internal docs")
    return Entities(
        organization=org,
        product=product or org,
        audience=audience,
        language=language,
        source_language=source,
        output_kind=output_kind,
        length=length,
        tone=tone,
        variables=variables,
        assistant_name=name,
    )


# An email the assistant writes is its output, not an input: "then an email to the cast", "draft a short email".
_WRITTEN_EMAIL = re.compile(
    r"\b(?:write|writes|draft|drafts|compose|send|prepare|produce|create|then)\s+(?:\w+\s+){0,3}?(?:e-?mails?)\b|"
    r"\b(?:an?|the)\s+(?:short\s+|quick\s+|follow-up\s+|reply\s+)?e-?mails?\s+to\s+(?:the|our|my|all|every|each)\b|"
    r"\b(?:in|into)\s+the\s+e-?mail\b|\bthe\s+e-?mail\s+can\b|"
    # "a client update email", "the email body", "under the email a line …": the e-mail the assistant writes
    r"\b(?:update|follow-?up|welcome|confirmation|thank[- ]you|outreach|reminder|announcement|apology)\s+e-?mails?\b|"
    r"\bthe\s+e-?mail\s+body\b|\b(?:end|close|under|below|after)\s+the\s+e-?mail\b",
    re.IGNORECASE,
)


# A diff the assistant proposes is its output: "it only proposes diffs", "code changes as unified diffs".
_WRITTEN_DIFF = re.compile(
    r"\b(?:propos|suggest|writ|produc|return|output|giv|show)\w*\s+(?:\w+\s+){0,2}?(?:unified\s+)?diffs?\b|"
    r"\b(?:as|in)\s+(?:a\s+)?(?:unified\s+)?diffs?\b|\bunified\s+diffs?\b",
    re.IGNORECASE,
)
# E-mail addresses as personal data, listed with other details or in a rule on logging them ("phone numbers and
# emails must never be logged", "names, emails, postcodes"): data in the code or the records, not a message to work on
_PERSONAL = (
    # ("emails and phone calls" are messages to work on, not details in them)
    r"(?:phone\s+numbers?|phones?(?!\s+(?:calls?|messages?|enquir\w*|inquir\w*|queries|lines?))|numbers|names|"
    r"address(?:es)?|postcodes|zip\s+codes|dates?\s+of\s+birth|dobs?|passwords|card\s+numbers|"
    # pt, es, fr, de, it, nl: "telefone, CPF, endereço ou e-mail", "teléfono, DNI o email", "Telefonnummer oder E-Mail"
    r"telefones?|tel[eé]fonos?|t[eé]l[eé]phones?|telefonnummern?|telefoonnummers?|telefon[oi]|cpf|rg|dni|nie|nif|"
    r"iban|bsn|endere[cç]os?|direcci[oó]n(?:es)?|adresses?|adressen|indirizz[oi]|nomes?|nombres?|noms?|namen|nomi|"
    r"senhas?|contrase[nñ]as?|passw[oö]rter|wachtwoorden)"
)
# (", ", " / ", " and ", " ou ", " oder ", …: the joints of a list of personal details)
_JOINT = r"(?:\s*[,/]\s*|\s+(?:and|or|&|ou|o|y|e|et|und|oder|of|en|ed)\s+)"
_ARTICLE = r"(?:(?:an?|the|their|um|uma|un|una|une|ein|eine)\s+)?"
_EMAIL_AS_DATA = re.compile(
    rf"\b{_PERSONAL}(?:{_JOINT}{_ARTICLE}[\w-]+){{0,4}}?{_JOINT}{_ARTICLE}e-?mails?\b|"
    rf"\be-?mails?{_JOINT}{_PERSONAL}\b|"
    r"\be-?mails?\s+(?:(?:must|should|may|can)\s+(?:never|not)\s+be|are\s+never)\s+(?:logged|printed|stored|shown|"
    r"exposed|hard-?coded|sent\s+to\s+analytics)",
    re.IGNORECASE,
)
_WRITTEN = {"email": re.compile(f"{_WRITTEN_EMAIL.pattern}|{_EMAIL_AS_DATA.pattern}", re.I), "diff": _WRITTEN_DIFF}


def _names_input(cue: _VarCue, text: str) -> bool:
    """Whether the text names this input: some mention of it is not the output the assistant writes."""
    output = _WRITTEN.get(cue.name)
    if output is None:
        return cue.pattern.search(text) is not None
    written = [(m.start(), m.end()) for m in output.finditer(text)]
    return any(not any(a <= m.start() < b for a, b in written) for m in cue.pattern.finditer(text))


def variable_cues(text: str) -> tuple[Variable, ...]:
    """The input slots a text's nouns call for ("support tickets" -> `ticket`), in cue order."""
    variables: list[Variable] = []
    for cue in _VAR_CUES:
        if _names_input(cue, text):
            variables.append(Variable(name=cue.name, description=cue.description, trusted=cue.trusted))
    return tuple(variables)


_DESCRIPTIONS: dict[str, str] = {cue.name: cue.description for cue in _VAR_CUES}


def describe_variable(name: str) -> str:
    """A default description for a variable name (known input kinds get a specific one)."""
    return _DESCRIPTIONS.get(name, f"The {name.replace('_', ' ')} supplied at run time.")
