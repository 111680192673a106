"""Guardrails: the brief's fallback replaces the default unsure path; confidentiality only when the brief asks."""

from __future__ import annotations

import re
from itertools import pairwise

from app.engine.compose.cues import said_before
from app.engine.compose.details import in_text_fallback
from app.engine.compose.language import localise_reply_quotes
from app.engine.compose.own_input_cases import states_own_input_case
from app.engine.compose.plan import Plan, review_label
from app.engine.constraints import Constraint
from app.engine.constraints.clauses import EXACT_COLON, fixed_reply
from app.engine.constraints.fallback_cases import stuck_case
from app.engine.constraints.fallback_wording import ALTERNATIVE, OWN_CASE, describe_contacts, describe_fallback
from app.engine.constraints.fallbacks import QUOTED_SCOPE
from app.engine.constraints.model import FallbackAction
from app.engine.constraints.scope_quotes import UNSURE_WORDS, names_out_of_scope
from app.engine.spec import Guardrails

_OUT_OF_SCOPE = re.compile(
    r"\b(?:out of scope|off[- ]topic|unrelated|outside|not about|other topics?|anything else|can't help|cannot help|"
    # "Si preguntan algo que no sea de clases", "etwas anderes", "autre chose que", "iets anders", "outra coisa"
    r"que\s+no\s+sea|no\s+tenga\s+que\s+ver|nada\s+que\s+ver|etwas\s+anderes|nichts\s+mit|autre\s+chose|hors\s+sujet|"
    r"iets\s+anders|niets\s+te\s+maken|outra\s+coisa|que\s+não\s+seja|qualcos['’]altro|altro\s+argomento|"
    r"fuori\s+tema)\b",
    re.I,
)
CONFIDENTIALITY = re.compile(
    # (not a service the brief names: "Free, confidential budgeting help: call our partner …")
    r"\b(?:keep|treat)\s+(?:it|this|these|them|everything|the\s+(?:system\s+)?(?:prompt|instructions|rules))\s+"
    r"(?:\w+\s+)?confidential\b|\b(?:instructions|prompt|rules|configuration)\b[^.]{0,30}\bconfidential\b|"
    r"\bconfidential\b[^.]{0,20}\b(?:instructions|prompt)\b|"
    r"\b(?:secret|private)\b[^.]{0,30}\b(?:instructions|prompt|rules)\b|"
    r"\b(?:instructions|prompt|rules)\b[^.]{0,30}\b(?:secret|private)\b|"
    r"\b(?:never|don't|do not|not|nor|without)\s+(?:reveal|share|disclose|repeat|show|leak|print)\w*\b[^.]{0,40}"
    r"\b(?:instructions|prompt|rules|configuration)\b",
    re.I,
)
_ALREADY_SAID = re.compile(r"\b(?:instructions|prompt)\b", re.I)


# A rule of the brief for questions outside its job, in the languages the engine reads.
_OWN_OFF_TOPIC = re.compile(
    # (the question or request is what is off topic: not "when two charges look unrelated, explain each")
    r"\b(?:if|when|wenn|falls|si|se|als|quand|cuando|quando)\b[^.;:\n]{0,30}?\b(?:questions?|requests?|messages?|"
    r"quer(?:y|ies)|topics?|pregunta|preguntan|consulta|frage|fragt|anfrage|demande|domanda|chiede|richiesta|vraag|"
    r"vraagt|pergunta|asks?|asked|brings?\s+up|mentions?|raises?)\b[^.;:\n]{0,40}?"
    r"\b(?:unrelated|off-?\s?topic|out\s+of\s+scope|hors\s+sujet|sans\s+rapport|nada\s+que\s+ver|"
    r"no\s+tiene\s+que\s+ver|nichts\s+mit|niets\s+te\s+maken|fuori\s+tema|non\s+riguarda|não\s+tem\s+a\s+ver)\b|"
    r"(?:如果|若|要是)[^。；，,]{0,6}(?:问题|問題|请求|提问)[^。；，,]{0,14}(?:无关|無關|不相关)|"
    r"(?:質問|問い合わせ)[^。]{0,20}(?:と関係(?:ない|のない)|に関係ない|無関係)",
    re.IGNORECASE,
)


# (what the assistant tells the person then: "say you only handle frontend questions", not "give 0 for every criterion")
_SAYS_SO = re.compile(
    r"\b(?:say|tell|explain|reply|respond|decline|redirect|sag|sage|erkläre|dis|dites|explique|di|d[ií]gale|diga|"
    r"explica|zeg|leg\s+uit|spiega|rispondi)\b|说明|告诉|回答|回复|答复|伝え|説明|断",
    re.IGNORECASE,
)


# 'if the text isn't a site note at all, return {"error": "not_a_site_note"}': the brief's own reply for input that is
# not what the job reads is its out-of-scope reply, never the archetype's all-null object beside it
_OWN_NON_MATCH_OBJECT = re.compile(
    r"\b(?:if|when|wenn|falls|si|se|als|quand|cuando|quando|otherwise|sonst|sinon|sino|altrimenti|anders)\b[^\n{]{0,160}?"
    r"(?:\b(?:not|isn'?t|aren'?t|no|nicht|kein\w*|pas|non|não|geen|nothing|else|other|unrelated|irrelevant|otherwise|"
    r"sonst|sinon|sino|altrimenti|anders)\b)[^\n{]{0,160}?\b(?:return|output|reply|respond|give|send|answer|gib|antworte|"
    r"devuelve|responde|retourne|renvoie|réponds|restituisci|rispondi|geef|retorne|devolva|responda)\b[^\n{]{0,30}"
    r"\{\s*[\"']\w{1,30}[\"']\s*:",
    re.IGNORECASE,
)


# "not in the guide", "isn't covered", "nicht im Führer", "no aparece en", "案内に書いていない": what the material lacks
# "If a question is about payroll and …": a not-covered reply for one topic leaves every other topic to the default
_NARROWED = re.compile(
    r"\b(?:about|regarding|concerning|related\s+to|zu|über|sobre|sur|concernant|riguardo|over)\b", re.IGNORECASE
)
_NOT_COVERED = re.compile(
    r"\b(?:not|isn'?t|aren'?t)\s+(?:covered|in\s+(?:there|it|them))\b|"
    # "something the tables don't hold", "what the guide doesn't cover": the source named before its negation
    r"\b(?:tables?|schema|database|data(?:set)?|docs|documents?|guide|faq|handbook|leaflet|folder|brochure)\s+"
    r"(?:don'?t|doesn'?t|do\s+not|does\s+not|can'?t|cannot)\s+(?:hold|have|contain|cover|include|answer|list|mention)\b|"
    r"\b(?:not|isn'?t|aren'?t|nothing|nicht|niet|no|pas|non|não|nada)\b[^.;:\n]{0,40}?\b(?:guide|faq|handbook|manual|"
    r"documents?|docs|booklet|leaflet|policy|article|knowledge\s+base|material|sources?|brochure|catalog(?:ue)?|"
    r"führer|handbuch|leitfaden|anleitung|unterlagen|handleiding|gids|guía|documento|guida|manuale|guia|"
    r"livret|brochure|informations?\s+(?:fournies|supplied|given))\b|"
    r"(?:案内|資料|マニュアル|ガイド|文档|手册|资料|指南)[^。]{0,6}(?:書いていない|載っていない|記載(?:が)?ない|没有|未提及)",
    re.IGNORECASE,
)


# A rule of the brief for the unclear case, in the languages the engine reads: it replaces the default unsure path.
_OWN_UNCLEAR_CASE = re.compile(
    r"\b(?:if|when|wenn|falls|si|se|als|quand|cuando|quando)\b[^.;:\n]{0,40}?(?:"
    # "if a date is unclear", "si tipo_documento no está claro", "wenn etwas … unklar ist": the input is unclear
    r"\b(?:is|are|seems|looks|ist|sind|est|es|está|esta|é|è|sembra|lijkt)\s+(?:not\s+|no\s+|pas\s+|niet\s+)?(?:\w+\s+(?:or|oder|ou|o|of)\s+)?"
    r"(?:unclear|ambiguous|unklar|mehrdeutig|clair|ambigu\w*|claro|chiaro|onduidelijk|dubbelzinnig)|"
    r"\b(?:unclear|ambiguous|unklar|mehrdeutig|onduidelijk)\s+(?:is|ist|sind|es|est)\b|"
    r"\b(?:has|have|contains?)\s+(?:something|anything)\s+(?:unclear|ambiguous))",
    re.IGNORECASE,
)


def asks_confidentiality(plan: Plan) -> bool:
    """True when the brief asks to keep the instructions confidential and no brief rule already says it."""
    texts = [plan.brief.task, *plan.brief.constraints]
    if not any(CONFIDENTIALITY.search(t) for t in texts):
        return False
    carried = [c.text for c in plan.of_kind("prohibition", "requirement")]
    return not any(CONFIDENTIALITY.search(t) and _ALREADY_SAID.search(t) for t in carried)


_HUMAN_CHECK = "the decision this prompt keeps for a human check"


def _named_human_check(text: str, plan: Plan) -> str:
    """ "Choose the decision this prompt keeps for a human check" (a moderator with the brief's own codes) names that
    decision when the brief's values have one ('"decisao": "APROVAR" | "REVISAR" | "REJEITAR"': REVISAR)."""
    if _HUMAN_CHECK not in text:
        return text
    review = review_label([v for c in plan.constraints if c.kind == "labels" for v in c.values])
    return text if review is None else text.replace(_HUMAN_CHECK, f'the decision "{review}"')


def _closed_set_fallback(plan: Plan) -> str:
    review = review_label(plan.labels)
    if review is not None:
        return f'Return the label "{review}", so that a person decides.'
    return f"Return the label from the set ({', '.join(plan.labels)}) that fits the main point best."


def _with_shared_conditions(fallbacks: list[Constraint], task: str) -> list[str]:
    """The fallbacks' sentences, contacts that share one condition said in one sentence ("If the question is about
    sick leave or a dismissal, tell the user to email rrhh@… or call extension 2105")."""
    sentences: list[str] = []
    said: set[str] = set()
    for fallback in fallbacks:
        condition = fallback.condition
        if condition is None or _contact(fallback) is None:
            sentences.append(fallback.text)
            continue
        if condition in said:
            continue  # said with the first contact of its condition
        said.add(condition)
        every = [(f, contact) for f in fallbacks if f.condition == condition and (contact := _contact(f)) is not None]
        # ("… le 17 ou le 112 d'abord. Il peut aussi rappeler le 116 006": the added contact after the first route)
        added = [(f, contact) for f, contact in every if f.text == describe_fallback(*contact, condition, also=True)]
        firsts = [pair for pair in every if pair not in added]
        if not firsts:
            firsts, added = added, []  # an addition to nothing the guardrails say: as the brief says it
        shared = [f for f, _ in firsts]
        contacts = [contact for _, contact in firsts]
        generated = all(f.text == describe_fallback(*contact, condition) for f, contact in firsts)
        if len(contacts) > 1 and generated and not _each_its_own_case(shared, task):
            sentences.append(describe_contacts(contacts, condition, either=_offered_as_alternatives(shared, task)))
        else:
            sentences.extend(f.text for f in shared)
        if added:
            sentences[-1] = _with_added(sentences[-1], [contact for _, contact in added])
    return sentences


def _with_added(sentence: str, added: list[tuple[FallbackAction, str]]) -> str:
    """ "…, tell the user to call 17 or 112; they can also call 116 006.": the contacts the brief adds to a route."""
    ways = " or ".join(f"{_VERBS[action]} {value}" for action, value in added)
    return f"{sentence.rstrip('.')}; they can also {ways}."


_VERBS = {"email": "email", "phone": "call", "url": "go to"}


def _spans(fallbacks: list[Constraint]) -> list[tuple[int, int]] | None:
    spans = sorted((f.span.start, f.span.end) for f in fallbacks if f.span is not None and f.span.field == "task")
    return spans if len(spans) == len(fallbacks) else None


def _offered_as_alternatives(fallbacks: list[Constraint], task: str) -> bool:
    """Whether the brief joins its contacts with "or" ("email X or call Y"), not "and" ("112 sowie …")."""
    spans = _spans(fallbacks)
    return spans is not None and all(ALTERNATIVE.search(task[end:start]) for (_, end), (start, _) in pairwise(spans))


def _each_its_own_case(fallbacks: list[Constraint], task: str) -> bool:
    """Whether a case of its own sits between two contacts ("call us on … and if we're closed call …")."""
    spans = _spans(fallbacks)
    return spans is None or any(OWN_CASE.search(task[end:start]) for (_, end), (start, _) in pairwise(spans))


# "Escalations: procurement-lead@…", "Support: it-helpdesk@…": a contact for the requester, not for the text's readers.
_INTERNAL_LABEL = re.compile(
    r"\b(?:escalations?|escalate\s+to|internal|it\s+helpdesk|help\s*desk|helpdesk|it\s+support|admin\w*|support)"
    r"(?:\s+(?:contact|email|address|line))?\s*[:–—-]\s*$",
    re.IGNORECASE,
)


def _internal(fallback: Constraint, plan: Plan) -> bool:
    """Whether the brief labels a contact as one for itself (escalations, support), not for the readers."""
    return said_before(plan.brief.task, fallback, _INTERNAL_LABEL, 40)


def _contact(fallback: Constraint) -> tuple[FallbackAction, str] | None:
    """(action, value) of a fallback that gives an address, number or URL."""
    if fallback.action in ("email", "phone", "url") and fallback.value:
        return fallback.action, fallback.value
    return None


def _for_the_rest(fallback: Constraint) -> bool:
    """Whether a contact is for whatever the assistant cannot help with, not for one case ("段ボール10箱未満は …
    宅配買取（…）を案内する" is the small lots' route, no contact "for the rest")."""
    condition = fallback.condition
    return (
        condition is None
        or stuck_case(condition)
        or _OUT_OF_SCOPE.search(condition) is not None
        or _NOT_COVERED.search(condition) is not None
    )


_GIVEN_CONTACT = re.compile(r",?\s+and\s+point\s+to\s+the\s+contact\s+the\s+instructions\s+give\s+for\s+the\s+rest")


def _in_fixed_reply(fallback: Constraint, task: str) -> bool:
    """Whether a contact is part of a reply the brief fixes word for word ("… reply with only this: I'm really glad
    you told me. … call or text 988 …"): the rule that carries that reply says it, in its own words and place."""
    span = fallback.span
    if span is None or span.field != "task" or span.start > len(task):
        return False
    line_start = task.rfind("\n", 0, span.start) + 1
    return (
        EXACT_COLON.search(task, line_start, span.start) is not None
        or _QUOTED_ONLY_REPLY.search(task, line_start, span.start) is not None
    )


# 'For any of those reply only with: "Please call the clinic on 0161 555 0198 now. Out of hours, call NHS 111."': the
# quoted reply that follows is all the reply says
_QUOTED_ONLY_REPLY = re.compile(
    r"\b(?:reply|respond|answer|say|write)\s+(?:only|exactly|just)(?:\s+with)?\s*[:：]\s*[\"“«]", re.IGNORECASE
)


def _said_by_fixed_reply(fallback: Constraint, plan: Plan) -> bool:
    """Whether a contact restated as a route ("tell the user to text 988") is said whole by a rule that carries the
    brief's fixed reply around it: the route alone would contradict "reply with only this"."""
    if not _in_fixed_reply(fallback, plan.brief.task) or fixed_reply(fallback.text) is not None:
        return False
    value = fallback.value or ""
    # (a fixed reply kept as a context line says it too: "For any of those reply only with: "… call NHS 111."")
    rules = [*plan.detail_rules, *plan.task_details, *(c.text for c in plan.constraints if c.kind != "fallback")]
    return bool(value) and any(
        value in rule and (EXACT_COLON.search(rule) or _QUOTED_ONLY_REPLY.search(rule)) for rule in rules
    )


def guardrails(plan: Plan) -> Guardrails:
    """The guardrails for the plan."""
    # A number inside a sentence the reply must carry whole is said by that sentence's requirement, in context.
    primary = plan.primary
    fallbacks = [
        c
        for c in plan.of_kind("fallback")
        if c.scope != QUOTED_SCOPE
        and not (primary.contacts_in_text and in_text_fallback(c, plan.brief.task))
        and not _said_by_fixed_reply(c, plan)
    ]
    scoped = [c for c in fallbacks if _OUT_OF_SCOPE.search(c.condition or "") or names_out_of_scope(c.condition or "")]
    in_text = [
        c
        for c in fallbacks
        if primary.contacts_in_text and c.condition is None and _contact(c) is not None and not _internal(c, plan)
    ]
    if any(c.condition is None and _contact(c) is None for c in fallbacks):
        in_text = []  # "Offer a call back with an adviser at 0800 …": the number belongs to that offer
    stated = " ".join([*plan.detail_rules, *(c.text for c in plan.constraints if c.kind != "fallback")])
    said = [c for c in in_text if (c.value or "") in stated]  # a rule already gives it where it goes
    unsure = [c for c in fallbacks if c not in scoped and c not in in_text]
    # A case's fixed reply ends at its closing quote: a route after it on the same line would read as more of the
    # reply, so it stands on a line of its own.
    own_replies = [c for c in unsure if c.action == "say" and c.condition and c.text.endswith(('"', "”"))]
    own_replies = own_replies if len(own_replies) < len(unsure) else own_replies[1:]
    unsure = [c for c in unsure if c not in own_replies]
    own_rules = [*plan.detail_rules, *(c.text for c in plan.constraints)]  # the brief's rules, in its words
    if unsure:
        # Every fallback the brief states is one path (a call back, and the number to call): one guardrail line.
        when_unsure = " ".join(dict.fromkeys(_with_shared_conditions(unsure, plan.brief.task)))
    elif any(UNSURE_WORDS.search(c.condition or "") for c in scoped):
        when_unsure = ""  # "Questions outside these topics or that you're not sure about: "…"": that line says it
    elif any(_OWN_UNCLEAR_CASE.search(rule) for rule in own_rules):
        when_unsure = ""  # "Wenn etwas unklar ist, wörtlich übersetzen und [CHECK] dahinter setzen": the brief's own
    else:
        when_unsure = localise_reply_quotes(_named_human_check(plan.fill(primary.when_unsure), plan), plan.language)
        # ("no notes about what changed": keep the wording, without the note to the author)
        when_unsure = plan.conflicts.without_settled_phrases(when_unsure)
        if when_unsure and not when_unsure.endswith((".", "!", "?", '"', "”")):
            when_unsure += "."
        if plan.conflicts.clashes(when_unsure):
            when_unsure = _closed_set_fallback(plan) if primary.uses_labels and plan.labels else ""
            if plan.conflicts.clashes(when_unsure):
                when_unsure = ""  # "Bij twijfel: VERDACHT_GESTOLEN": the brief's own rule says what doubt gets
    if scoped:
        out_of_scope = scoped[0].text
    elif any(
        c.action == "say" and _NOT_COVERED.search(c.condition or "") and not _NARROWED.search(c.condition or "")
        for c in fallbacks
    ):
        out_of_scope = ""  # 'If something is not in the guide, reply: "…"': the brief's own words for whatever it lacks
    elif any(_OWN_OFF_TOPIC.search(rule) and _SAYS_SO.search(rule) for rule in own_rules):
        out_of_scope = ""  # "如果问题跟前端无关，礼貌地说明只负责前端问题": the brief's own rule for it
    elif any(_OWN_NON_MATCH_OBJECT.search(rule) for rule in own_rules) or states_own_input_case(plan.brief.task):
        out_of_scope = ""  # the brief's own reply (an object, a line) for empty input or input that is no such thing
    else:
        out_of_scope = localise_reply_quotes(_named_human_check(plan.fill(primary.out_of_scope), plan), plan.language)
        if not any(_contact(c) and _for_the_rest(c) for c in plan.of_kind("fallback")):
            out_of_scope = _GIVEN_CONTACT.sub("", out_of_scope)  # a brief that gives no contact: nothing to point to
        if plan.conflicts.clashes(out_of_scope):
            out_of_scope = _closed_set_fallback(plan) if primary.uses_labels and plan.labels else ""
            if plan.conflicts.clashes(out_of_scope):
                out_of_scope = ""  # the brief's own tie-break decides what an unclear text gets
    extra_defaults = [
        localise_reply_quotes(plan.fill(g), plan.language) for a in plan.archetypes for g in a.guardrails_extra
    ]
    extra = [
        *plan.conflicts.keep(extra_defaults),
        *(c.text for c in scoped[1:]),
        *(c.text for c in own_replies),
        *(f"Give {c.value} as the contact wherever the text needs one." for c in in_text if c not in said),
    ]
    return Guardrails(
        out_of_scope=out_of_scope,
        when_unsure=when_unsure,
        protect_instructions=asks_confidentiality(plan),
        extra=list(dict.fromkeys(extra)),
    )
