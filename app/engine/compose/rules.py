"""The rules: the brief's own first, then language and audience, then the archetypes' vetted rules that fit."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.engine.compose.label_sets import each_set_rule
from app.engine.compose.language import localise_reply_quotes
from app.engine.compose.plan import Plan
from app.engine.compose.tool_failure import with_own_failure_route
from app.engine.constraints import Constraint
from app.engine.constraints.language import USER_LANGUAGE
from app.engine.constraints.language_targets import TRANSLATION_SCOPE, listed_languages, translation_targets
from app.engine.phrasing import second_person, sentence
from app.engine.spec import Rule

BRIEF_GROUP = "Requirements"
TONE_PHRASES: dict[str, str] = {
    "friendly": "Friendly and approachable.",
    "formal": "Formal: full sentences, no slang or contractions.",
    "professional": "Professional and precise.",
    "casual": "Casual and conversational.",
    "empathetic": "Empathetic: acknowledge feelings before solving the problem.",
    "playful": "Playful, with light humour that never obscures the answer.",
    "warm": "Warm and personal.",
    "encouraging": "Encouraging: recognise progress.",
    "patient": "Patient: re-explain without signalling impatience.",
    "witty": "Witty, with humour that never obscures the answer.",
    "neutral": "Neutral and matter-of-fact.",
    "authoritative": "Authoritative and confident.",
    "upbeat": "Upbeat and energetic.",
    "calm": "Calm and steady.",
    "direct": "Direct: lead with the answer.",
    "supportive": "Supportive and reassuring.",
    "humorous": "Humorous, with jokes that never obscure the answer.",
}


def dedupe(items: Iterable[str]) -> list[str]:
    """Items in order, without case-insensitive repeats or blanks."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.strip().lower()
        if key and key not in seen:
            seen.add(key)
            out.append(item.strip())
    return out


_QUOTED_RULE = re.compile(r'^Follow this (?:prohibition|rule|order) from the brief: "(.+)"\.$')


_CONTRACTIONS = (("don't", "do not"), ("doesn't", "does not"), ("can't", "cannot"), ("won't", "will not"), ("’", "'"))


def _words(text: str) -> str:
    """The text's words only, one space apart: "At the end, show it:" and "at the end show it (…)" compare."""
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _uncontracted(text: str) -> str:
    """ "Don't ask …" and the rule "Do not ask …" read as the same words."""
    text = text.replace("’", "'")
    for short, long in _CONTRACTIONS:
        text = text.replace(short, long)
    return text


_RANKED_NOTE = "The next {count} rules are in priority order: when two of them conflict, follow the one listed first."


def _in_listed_item(constraint: Constraint, spans: tuple[tuple[int, int], ...]) -> bool:
    span = constraint.span
    return span is not None and span.field == "task" and any(s <= span.start < e for s, e in spans)


def brief_rules(plan: Plan) -> list[Rule]:
    """Prohibitions, ordering rules and requirements from the brief, then `constraints` items none of them covers."""
    english = plan.brief_language is None
    details = " ".join(plan.detail_rules)
    stated = [
        c
        for c in plan.of_kind("prohibition", "ordering", "requirement")
        # A foreign sentence quoted under a guessed kind ("Follow this prohibition from the brief: «warm aber nicht
        # kitschig»") says nothing its own sentence among the requirements does not.
        if (english or not ((quote := _QUOTED_RULE.search(c.text)) and quote.group(1).lower() in details.lower()))
        # a rule written on a section's line of the brief's outline is said there, in the output format
        and not (c.scope or "").endswith(" section")
        # a rule read from inside an item of the brief's rule list is said by the item, whole and in its place
        and not _in_listed_item(c, plan.listed_spans)
    ]
    # A rule the brief's own sentence says whole, with more ("Never make up a litres figure; leave the cell
    # empty if unreadable."), is said once, by the sentence.
    said = _uncontracted(" ".join(d.lower() for d in plan.detail_rules))
    said_words = _words(said)
    rules = [
        Rule(text=c.text, group=BRIEF_GROUP)
        for c in stated
        if _uncontracted(c.text.rstrip(".").lower()) not in said
        # ("At the end, show the record exactly like this:" beside the block its sentence leads)
        and not (english and len(_words(c.text)) > 20 and _words(_uncontracted(c.text.lower())) in said_words)
        # "It never quotes repair prices; it tells …" said whole: its "Never quote repair prices." is said there too
        # (a rule translated from another language stays beside its sentence: the English says what it means)
        and not (
            english
            and c.span is not None
            and len(c.span.text) > 12
            and _uncontracted(c.span.text.rstrip(".").lower()) in said
        )
    ]
    # The brief's other instructions, in its own words ("Player dies = say THE END and offer a restart.").
    for detail in plan.detail_rules:
        if len(plan.ranked_rules) >= 2 and detail == plan.ranked_rules[0]:
            # "Rules, in priority order:": the heading is no rule, but the rank it gives the items is
            count = len(plan.ranked_rules)
            rules.append(Rule(text=_RANKED_NOTE.format(count=count), group=BRIEF_GROUP))
        rules.append(
            Rule(text=second_person(sentence(detail), plan.user_term) if english else detail, group=BRIEF_GROUP)
        )
    # Details to gather from the user in conversation are a step of the conversation, not output fields.
    rules.extend(Rule(text=c.text, group=BRIEF_GROUP) for c in plan.of_kind("fields") if c.value == "collect")
    covered = {c.span.index for c in plan.constraints if c.span is not None and c.span.field == "constraints"}
    rules.extend(
        Rule(text=item.strip(), group=BRIEF_GROUP)
        for i, item in enumerate(plan.brief.constraints)
        if item.strip() and i not in covered
    )
    return rules


def language_rule(plan: Plan) -> Rule | None:
    """The reply-language rule: the brief's own sentence when it states one, else a default where it fits."""
    stated = plan.of_kind("language")
    if plan.directions:
        # "se vier em português, traduz para inglês; se vier em inglês, …": both directions, not one language
        ways = "; ".join(f"{source} into {target}" for source, target in plan.directions)
        return Rule(
            text=f"Translate each message by the language it arrives in: {ways}.",
            reason="The brief sets the direction of each translation by the language of the message.",
            group="Language and tone",
        )
    if not stated and not plan.primary.reply_language_rule:
        return None
    if stated and stated[0].scope == TRANSLATION_SCOPE:
        if plan.primary.language_rule_text and plan.language:
            # a job that words its output's language its own way ("Give each equivalent in German; …")
            return Rule(text=plan.fill(plan.primary.language_rule_text), group="Language and tone")
        # "Translate our Dutch texts into German": the translation's language, whoever reads it
        targets = translation_targets(stated[0].text)
        named = f"each of {listed_languages(targets)}" if len(targets) > 1 else stated[0].value
        reason = f"The brief asks for the translation in {named}."
        return Rule(text=stated[0].text, reason=reason, group="Language and tone")
    if stated and stated[0].scope:
        # "resumo: …, sempre em português europeu": one field's language; the other fields keep the input's words
        reason = "The brief names a language for this field only."
        return Rule(text=stated[0].text, reason=reason, group="Language and tone")
    if stated:
        if (
            plan.primary.language_rule_text
            and plan.language
            and not stated[0].values
            and stated[0].value != USER_LANGUAGE
        ):
            # (a language with cases, "Dutch unless they write English", is the reply's, not a translation target)
            return Rule(text=plan.fill(plan.primary.language_rule_text), group="Language and tone")
        reason = f"The {plan.user_term}s read {plan.language}."
        if stated[0].values:
            # "Answer in English, but if they write in German, answer in German": one rule with its cases, never
            # "Always reply in English" beside it
            reason = f"The brief sets which language each reply is in, by the language the {plan.user_term} writes in."
        elif stated[0].value == USER_LANGUAGE:
            reason = f"Each {plan.user_term} reads the language they write in."
        text = stated[0].text
        if stated[0].values or stated[0].value == USER_LANGUAGE:
            text = text.replace("the user writes", f"the {plan.user_term} writes")  # (the brief's own word for them)
        return Rule(text=text, reason=reason, group="Language and tone")
    if not plan.language:
        return None
    return Rule(
        text=f"Write every reply in {plan.language}, even when the input is in another language.",
        reason=f"The {plan.user_term}s read {plan.language}.",
        group="Language and tone",
    )


def audience_rules(plan: Plan) -> list[Rule]:
    """Pitch the reply at the audience, named whole ("readers with low literacy"), plus the brief's own sentence."""
    if not plan.audience or ((plan.primary.uses_labels or plan.primary.extracts_fields) and not plan.conversational):
        # A label or a record is read by a program: the people the brief mentions ("kids aged 8-14" on a chat it
        # moderates) are who wrote the input, and the context line names them.
        return []
    reason = "An answer the reader cannot follow does not help them."
    rules = [Rule(text=f"Pitch vocabulary and depth at {plan.audience}.", reason=reason, group="Language and tone")]
    for c in plan.of_kind("audience"):
        if plan.audience.lower() not in c.text.lower():
            rules.append(Rule(text=c.text, group="Language and tone"))
        else:
            rules[0] = Rule(text=c.text, reason=reason, group="Language and tone")
    return rules


def tone_rules(plan: Plan) -> list[Rule]:
    """The brief's tone, as rules (kept by every renderer, unlike the tone list)."""
    return [Rule(text=c.text, group="Language and tone") for c in plan.of_kind("tone")]


def tool_rule(plan: Plan) -> Rule | None:
    """The generic tool-use rule, for archetypes whose own rules do not cover tools."""
    if plan.primary.tools_native or not (plan.brief.tools or plan.of_kind("tool")):
        return None
    return Rule(
        text="Call a listed tool when its trigger condition applies, and base the answer on its result.",
        reason="Tool results are more current than your own knowledge.",
        group="Tool use",
    )


# The brief serves customers, their orders or accounts: a support job, whoever leads
_SERVES_CUSTOMERS = re.compile(
    r"\b(?:customers?|clients?|orders?|accounts?|subscri\w+|shoppers?|buyers?|clientes?|pedidos?|cuentas?|"
    r"kunden|kundinnen|bestellung\w*|konto\w*|commandes?|comptes?|ordini|klanten|bestelling\w*)\b|顧客|注文|客户|订单",
    re.IGNORECASE,
)

# A brief that states this many rules of its own has settled how its replies work (see `Archetype.thin_brief_rules`).
THIN_BRIEF_RULES = 4


def archetype_rules(plan: Plan) -> list[Rule]:
    """The archetypes' rules that fit the brief: the unsure path gives way to the brief's fallback, clashes go."""
    has_fallback = bool(plan.of_kind("fallback"))
    candidates: list[Rule] = []
    # The brief's own outline of the reply replaces the default shape: only the job's essential rules stay
    # ("Offer three distinct variants", "End with one clear call to action" would contradict "标题 / 三个卖点 / 结尾…").
    outlined = any(c.value == "sections" for c in plan.of_kind("format"))
    candidates.extend(plan.primary.blend_rules if outlined and plan.primary.blend_rules else plan.primary.rules)
    if len(brief_rules(plan)) < THIN_BRIEF_RULES:
        candidates.extend(plan.primary.thin_brief_rules)
    if not has_fallback:
        candidates.extend(plan.primary.fallback_rules)
    for secondary in plan.blended:
        # A secondary brings its essential rules when it names them, else all its rules.
        candidates.extend(secondary.blend_rules or secondary.rules)
        if secondary.ordered_tools_rules and plan.primary.tools_native and _SERVES_CUSTOMERS.search(plan.brief.task):
            # ("Tools: lookup_order … Always call lookup_order before issue_refund": the support job under the agent)
            candidates.extend(secondary.ordered_tools_rules)
    for partner in plan.partners:
        candidates.extend(partner.blend_rules)
    out: list[Rule] = []
    for rule in candidates:
        filled = each_set_rule(with_own_failure_route(plan.fill(rule.text), plan.brief.task), plan.of_kind("labels"))
        text = plan.conflicts.without_settled_phrases(localise_reply_quotes(filled, plan.language))
        if not text or plan.conflicts.clashes(text):
            continue
        out.append(Rule(text=text, reason=plan.fill(rule.reason) if rule.reason else None, group=rule.group))
    return out


def all_rules(plan: Plan, safety: list[Rule]) -> list[Rule]:
    """Every rule, in reading order, without repeats."""
    rules = brief_rules(plan)
    rules.extend(r for r in (language_rule(plan),) if r is not None)
    rules.extend(audience_rules(plan))
    rules.extend(tone_rules(plan))
    rules.extend(r for r in (tool_rule(plan),) if r is not None)
    rules.extend(archetype_rules(plan))
    rules.extend(safety)
    seen: set[str] = set()
    out: list[Rule] = []
    for rule in rules:
        key = rule.text.strip().lower()
        if key and key not in seen:
            seen.add(key)
            out.append(rule)
    return out


_TONE_FILLER = frozenset({"and", "but", "yet", "also", "very", "quite", "a", "bit", "tone", "voice", "always"})


def _tone_phrase(tone: str, task: str) -> str:
    """The tone a cue word names: the brief's own pairing when it qualifies the word with another that is no tone of
    ours ("warm but businesslike" is not "Warm and personal"), else our phrase for it."""
    paired = re.search(
        rf"\b{tone}\w*,?\s+(?:but|and|yet|though)\s+(?:(?:still|also|very|quite)\s+)?(?P<other>[a-z][\w-]{{3,}})\b(?=\s*(?:[.,;:!)\n]|$|(?:tone|voice|style)\b))|"
        rf"\b(?P<before>[a-z][\w-]{{3,}}),?\s+(?:but|and|yet)\s+(?:(?:still|also|very|quite)\s+)?{tone}\w*\b(?=\s*(?:[.,;:!)\n]|$|(?:tone|voice|style)\b))",
        task,
        re.IGNORECASE,
    )
    other = paired and (paired.group("other") or paired.group("before"))
    if paired is None or not other or other.lower() in TONE_PHRASES or other.lower() in _TONE_FILLER:
        return TONE_PHRASES[tone]
    return sentence(paired.group(0))


def tone_lines(plan: Plan) -> list[str]:
    """Tone: the brief's field, then cue words (when no tone constraint states it), then non-clashing defaults."""
    stated = bool(plan.of_kind("tone"))
    # (a character's mood words, "an angry guest who only calms down once …", are the part's, not a house voice)
    cued = not stated and not plan.primary.plays_a_character
    cues = [_tone_phrase(t, plan.brief.task) for t in plan.entities.tone if t in TONE_PHRASES] if cued else []
    # A tone the brief writes in its own field ("acolhedor, simples") is the voice; a default would be a second one.
    # A tone the brief states anywhere ("bem descontraído") is the voice too: "Confident and vivid" would be a second.
    voices = () if plan.brief.tone or stated else plan.voices
    defaults = plan.conflicts.keep(plan.fill(t) for a in voices for t in a.tone)
    # The brief's tone field is read into a tone rule already ("Use a formal tone."); else it is the voice as written.
    said = {v.lower() for c in plan.of_kind("tone") if c.span is not None and c.span.field == "tone" for v in c.values}
    words = re.findall(r"[^\W\d_]+", (plan.brief.tone or "").lower())
    read = bool(said) and all(w in said or w in _TONE_FILLER for w in words)
    own = [sentence(plan.brief.tone)] if plan.brief.tone and not read else []
    return dedupe([*own, *cues, *defaults])
