"""Archetype definitions: phrase features for classification plus the vetted sections they contribute."""

from __future__ import annotations

import re
from typing import Any

import msgspec

from app.engine.spec import Example, OutputFormat, Rule
from app.engine.types import Variable


class Feature(msgspec.Struct, frozen=True):
    """A weighted phrase feature; `label` is what the classifier reports when it matches."""

    label: str
    pattern: re.Pattern[str]
    weight: int


class Persona(msgspec.Struct, frozen=True, kw_only=True):
    """An alternative identity an archetype takes in a given situation (a blend partner, or a task cue that is absent).

    `with_archetype`: applies when that archetype is also matched. `unless_task`: applies when the task does NOT
    match this pattern (e.g. a role-play that is not an interview). `role` may use {noun} and {for_product}.
    """

    user_term: str
    noun: str
    with_archetype: str | None = None
    unless_task: re.Pattern[str] | None = None
    role: str | None = None


class Variant(msgspec.Struct, frozen=True, kw_only=True):
    """A narrower job inside an archetype, chosen by the task's words: a story generator is a writing job but not
    an edit, a sales email drafted from notes is an email job but not a meeting recap. `changes` replaces the
    archetype's fields (rules, output, examples, ...) for that job."""

    name: str
    cue: re.Pattern[str]
    unless: re.Pattern[str] | None = None
    json_output: bool = False
    """Applies only when the reply is a JSON object (a schema or named fields in the brief)."""
    no_fields: bool = False
    """Applies only when the brief names no key, field or schema of its reply (the job's default has none to use)."""
    changes: dict[str, Any]


class Archetype(msgspec.Struct, frozen=True, kw_only=True):
    """A kind of assistant. Text fields may use {product}, {user} and {audience} placeholders."""

    id: str
    title: str
    features: tuple[Feature, ...]
    role: str
    objective: str
    covers_cues: tuple[str, ...] = ()
    """Keyword cues of other archetypes that this job covers itself (a researcher cites sources): a secondary
    matched on nothing else is no second job."""
    noun: str = "assistant"
    """Bare role noun ("customer support agent"): used as "You are Acme's <noun>." when the task names the job."""
    success: str = ""
    """What a successful reply achieves; follows the user's own task sentence in the objective."""
    context: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    tone: tuple[str, ...] = ()
    reasoning: tuple[str, ...] = ()
    output: OutputFormat
    examples: tuple[Example, ...] = ()
    out_of_scope: str
    when_unsure: str
    guardrails_extra: tuple[str, ...] = ()
    variables: tuple[Variable, ...] = ()
    """Input slots this kind of assistant always needs; cue-detected and explicit variables add to them."""
    drop_variables: tuple[str, ...] = ()
    """Cue-detected slots that make no sense for this archetype (e.g. `review` for a code reviewer)."""
    replaceable_inputs: tuple[str, ...] = ("text",)
    """Generic default slots that give way to a more specific cue-detected slot (e.g. `transcript` for `email`)."""
    blendable: bool = True
    """False for fixed-output archetypes (labels, JSON, translations): their rules conflict with other outputs."""
    user_term: str = "user"
    final_reminder: str
    # Behaviour that depends on the kind of assistant is data, read by the composer (never `if archetype.id == ...`).
    uses_labels: bool = False
    """Its output is a label from a closed set: the brief's labels fill {labels}; without them, a trusted input."""
    extracts_fields: bool = False
    """Its output is a JSON object of named fields: fields named in the brief become the schema."""
    judges_harm: bool = False
    """It decides whether content breaks a policy: a brief whose own labels are topics ("rent_payment, move_out,
    spam") is a labelling job instead, whatever harm word one label shares with it."""
    grounded_in_sources: bool = False
    """It answers from supplied sources: the document slot is described with the brief's own source noun."""
    conversational: bool = False
    """The end user's message arrives as a user turn, so no question/message slot goes into the system prompt."""
    live_chat_cue: re.Pattern[str] | None = None
    """For an archetype that serves both batch work and live chat (support: answering tickets, or a chat bot): a
    task that matches this, and not `batch_cue`, talks with the end user, so it is conversational and its default
    message slot (`variables`) becomes the user turn."""
    chat_output: str = ""
    """The output description in live-chat mode (see `live_chat_cue`), instead of `output.description`."""
    batch_cue: re.Pattern[str] | None = None
    """Words that say the messages arrive as documents to process (tickets, an inbox, drafts)."""
    yields_to_brief_labels: bool = False
    """Its output is a verdict in its own default categories (moderation): when the brief states its own label set,
    the labeller takes over (keeping this archetype's noun), since every default category would contradict it."""
    yields_to_key_record: bool = False
    """Its output is prose about a text (a summary): a brief that fixes a JSON record of many keys, a summary at most
    one of them ("kunde_name, telefon, …, zusammenfassung"), asks for that record, and the extractor leads."""
    yields_to_read_record: bool = False
    """Its output is prose or a conversation (a drafted e-mail, a general answer): a brief whose whole reply is JSON
    read from each text it is given ("each note turned into JSON …", "per ogni email voglio SOLO questo JSON") asks for
    a record of that text, and the extractor leads (no drafted reply, no interview beside the record)."""
    reply_language_rule: bool = True
    language_rule_text: str = ""
    """What a stated language means for this job when the reply holds two languages (a glossary: the equivalents are
    in it, the source terms stay as written); empty for "Always reply in …"."""
    """False when the archetype handles the output language itself (translation)."""
    tools_native: bool = False
    """Its rules already say how to use tools, so no generic tool-use rule is added."""
    yields_to_tools_unnamed: bool = False
    """It yields to named tools only when no strong keyword of its own names the job: "Students write to book
    lessons" with booking tools is an agent, "You're a Spanish tutor … you can call conjugate()" stays a tutor."""
    yields_to_tools_guessed: bool = False
    """It yields to named tools when the model alone chose it (no keyword of its own): pasted code that declares the
    assistant's tools ("declare function reservarCita(…)") reads as code to the model, but is no coding job."""
    yields_to_tools: bool = False
    """Its whole output is one text or object (a summary, a label, a record): a brief that names tools to call
    describes an agent instead, and the tool-native archetype leads."""
    yields_to_ordered_tools: bool = False
    """It serves people (support), and an agent may serve them too: a brief that declares tools and orders their calls
    ("buscar_cliente first", "quoteHire before createBooking") makes operating those tools the job, so the tool-native
    archetype leads and this one stays as a second job (see `app.engine.tool_order_lead`)."""
    tools_missing_note: str = ""
    """Context line when the brief names no tools (the tools then arrive with each request)."""
    role_from_task: bool = False
    """The catch-all: its role is read from the task's own noun phrase, and no "Use case:" line is added."""
    fixed_frame: bool = False
    """Its role and objective are its own, never the brief's job sentence: a character the assistant plays is not
    told "help the user with this request: we're building a chat character"."""
    personas: tuple[Persona, ...] = ()
    """Alternative identities, first match wins."""
    example_kind: str = ""
    """Key of the example builder in `app.engine.examples` ("" = use the archetype's own examples)."""
    thin_brief_rules: tuple[Rule, ...] = ()
    """Rules that help only a brief that says little itself ("Say when a fact may be outdated"): a brief that states
    `THIN_BRIEF_RULES` rules of its own has settled how its replies work, and these would be filler beside them."""
    fallback_rules: tuple[Rule, ...] = ()
    """Its default unsure/not-found path as rules; dropped when the brief states its own fallback."""
    blend_rules: tuple[Rule, ...] = ()
    """Essential rules carried into a blend when this archetype is secondary (all its rules when empty): a secondary
    brings its job's essentials, never the rules that shape a whole reply ("Offer three distinct variants")."""
    ordered_tools_rules: tuple[Rule, ...] = ()
    """Rules it adds as a second job only under the tool-native archetype that took its lead from ordered tools
    (`yields_to_ordered_tools`), when the brief serves its people (customers, orders, accounts): its job is still the
    brief's, and the agent's rules say nothing of them ("Never ask for passwords or full card numbers.")."""
    safety_packs: bool = True
    """False for fixed-output archetypes (labels, JSON fields, translations, grades) that never advise a person:
    the sensitive-domain packs (emergency escalation, no advice on a case) cannot apply to their output."""
    plays_a_character: bool = False
    """It plays a character for practice: the packs for advice it would give (medical, veterinary, legal, money) do
    not apply to a scene, while those for who it talks with (children, teens, a person in crisis) still do. Its
    voice is the part's: a mood word in the scene ("an angry guest who calms down once …") is no house tone."""
    cites_documents: bool = False
    """Its citations name a document and a section ("[Doc 2, Section 3]"): they belong to a brief that supplies
    several documents or asks for citations, never to one handbook or leaflet read by its own users."""
    gives_way_to: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()
    """(a brief's own rule for one step, this archetype's defaults for that step): when the brief states how the step
    goes ("say if it was right and why, then ask the next question"), the defaults for it ("ask them to retry it",
    "the worked solution after two attempts") give way, wherever they stand (rules, output, reminder)."""
    blend_output: str = ""
    """Output-format sentence added to the primary's format when this archetype is a secondary in a blend."""
    writes_from_notes: bool = False
    """It is the job a brief names when it turns the requester's notes into a text (a letter, a blurb): such a brief
    is led by this archetype, narrowed by its notes variant, over a job its other words suggested."""
    contacts_in_text: bool = False
    """It writes a text for a third party (a letter, a blurb, an e-mail): a contact the brief gives with no case of its
    own ("contact: hr@…") belongs in that text, not in a "when you cannot help" line for the requester."""
    covers: tuple[str, ...] = ()
    """Ids of jobs this one already does in its own way, which therefore join no blend it leads: a code review's
    fixes are code, but "write complete, runnable code" or "write read-only queries" would turn it into authoring."""
    variants: tuple[Variant, ...] = ()
    """Narrower jobs with their own rules and output; the first whose cue matches the task applies."""

    def for_task(self, task: str, *, json_output: bool = False, named_fields: bool = True) -> Archetype:
        """This archetype as the task needs it: its first matching variant applied, or itself."""
        for variant in self.variants:
            if (variant.json_output and not json_output) or (variant.no_fields and named_fields):
                continue
            if variant.cue.search(task) and not (variant.unless and variant.unless.search(task)):
                return self.with_variant(variant)
        return self

    def with_variant(self, variant: Variant) -> Archetype:
        """This archetype narrowed to a variant; a variant with rules of its own drops the thin-brief rules too."""
        thin = (
            {} if "thin_brief_rules" in variant.changes or "rules" not in variant.changes else {"thin_brief_rules": ()}
        )
        return msgspec.structs.replace(self, variants=(), **thin, **variant.changes)


def feat(label: str, pattern: str, weight: int) -> Feature:
    """Build a case-insensitive feature; patterns are compiled once at import."""
    return Feature(label, re.compile(pattern, re.IGNORECASE), weight)


def rule(text: str, reason: str | None = None, group: str = "Core rules") -> Rule:
    """Shorthand for a `Rule`."""
    return Rule(text=text, reason=reason, group=group)


def var(name: str, description: str, *, trusted: bool = False) -> Variable:
    """Shorthand for a string `Variable`."""
    return Variable(name=name, description=description, trusted=trusted)
