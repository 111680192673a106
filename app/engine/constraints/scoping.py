"""After reading: what each constraint applies to.

A label set in a blend is one part of the reply, a limit written after a field name limits that field, "every label
that applies" makes a set multi-label, and label names are not the assistant's own tone. These steps look at the
whole brief, so they run once over every constraint read from it.
"""

from __future__ import annotations

import re

import msgspec

from app.engine.brief import Brief
from app.engine.constraints import (
    key_lines,
    label_cues,
    label_fields,
    label_wording,
    labels,
    limits,
    list_fields,
    parts,
)
from app.engine.constraints.clauses import split_clauses
from app.engine.constraints.label_topics import headed_topic, several_label_sets
from app.engine.constraints.limit_numbers import INPUT_SCOPE
from app.engine.constraints.limit_parts import named_part
from app.engine.constraints.line_choices import describe_line_choice, whole_lines
from app.engine.constraints.model import BriefSpan, Constraint
from app.engine.constraints.whole_reply import bounds_whole_reply
from app.engine.phrasing import VERBS

_OTHER_JOB = re.compile(
    r"\b(?:summari[sz]\w*|summary|condens\w*|paraphras\w*|critiqu\w*|answer(?!\s+(?:only|just|with))\w*|explain\w*|draft\w*|translat\w*|"
    r"extract\w*|suggest\w*|recommend\w*|rewrit\w*|respond\w*\s+to|reply\w*\s+to|feedback|"
    r"resum\w*|zusammenfass\w*|beantwort\w*|erkl[äa]r\w*|explica\w*|expliqu\w*|traduc\w*|übersetz\w*|"
    # "RIASSUNTO / URGENZA / BOZZA DI RISPOSTA": a summary and a draft beside the label, in the brief's language
    r"r[ée]sum[ée]\w*|riassunt\w*|sintesi|samenvat\w*|bozz[ae]|borrador\w*|brouillon\w*|rascunho\w*|"
    r"entwurf\w*|conceptantwoord\w*|risposta|respuesta|réponse|resposta|antwortentwurf\w*)\b",
    re.IGNORECASE,
)


def field_text(brief: Brief, span: BriefSpan) -> str:
    if span.field == "constraints" and span.index is not None and span.index < len(brief.constraints):
        return brief.constraints[span.index]
    text = {"task": brief.task, "role": brief.role, "output_format": brief.output_format}.get(span.field)
    return text or ""


def scope_labels(brief: Brief, found: list[Constraint]) -> None:
    """A label set is the whole reply only when the brief says so ("reply only with the label") or labelling is its
    only job; in a blend ("summarise ... and assign a sentiment label") it becomes one part of the reply."""
    if any(c.kind == "format" and c.value == "label" for c in found):
        return
    structured = any(c.kind in ("schema", "fields") for c in found)
    # "Catégories : … Priorité : haute / normale": two sets, each its own part of the reply (with its own topic)
    several = several_label_sets(found)
    for index, constraint in enumerate(found):
        if constraint.kind != "labels" or constraint.scope is not None or constraint.span is None:
            continue
        span = constraint.span
        text = field_text(brief, span)
        outside = text[: span.start] + " " + text[span.end :]
        for other in brief.constraints if span.field != "constraints" else [brief.task]:
            outside += " " + other
        listed = _list_field(found, text, span.start) if structured else None
        if listed is not None:
            # "flags can only contain: SEAL_MISMATCH, …; empty list [] if none apply": a list key's values, any
            # number of them, never one label for the whole reply ("elogios e queixas só com estas etiquetas: …
            # máx. 3 em cada": each of the keys named, with the most items each may hold)
            keys = [listed, *_more_list_fields(found, text, span.start)]
            most = list_fields.most_items(text, span.start, span.end)
            found[index] = msgspec.structs.replace(
                constraint,
                text=label_wording.describe_list_field(
                    " and ".join(keys), constraint.values,
                    bool(_EMPTY_LIST.search(text)) and not _names_none(constraint.values), most,
                ),
                scope=listed,
                multi=True,
            )  # fmt: skip
            for key in keys:
                _with_item_values(found, key, constraint.values, most)
            continue
        if not structured and not several and _OTHER_JOB.search(outside) is None:
            continue
        field = label_fields.field_of_labels(text[: span.start]) or (
            _single_key(found, text, span.start) if structured else None
        )
        if field is not None:
            # "Fehlerart ist genau eine von BEDEUTUNG, …": the values of one named field or column
            values = ", ".join(constraint.values)
            found[index] = msgspec.structs.replace(
                constraint,
                # "Category is …", but a key keeps its spelling ("sample_type is …")
                text=f"{_capitalised(field)} is exactly one of: {values}.",
                scope=field,
                multi=False,
            )
            continue
        prefix = (
            label_fields.line_prefix(text[span.end :])
            or labels.prefixed_line(text[span.start : span.end])
            or label_fields.line_prefix_before(text[: span.start])
        )
        topic = label_fields.label_topic(text[: span.start]) or (prefix.lower() if prefix else None)
        topic = topic or (headed_topic(text[: span.start]) if several else None)
        # "URGENZA: ALTA / MEDIA / BASSA\nBOZZA DI RISPOSTA: …": another headed line follows, so it is not the last
        last = _HEADED_LINE_NEXT.match(text, span.end) is None
        whole = whole_lines(text, prefix, constraint.values) if prefix and not constraint.multi else None
        found[index] = msgspec.structs.replace(
            constraint,
            text=describe_line_choice(whole, last)
            if whole
            else label_wording.describe_scoped_labels(constraint.values, constraint.multi, topic, prefix, last),
            scope=f"{topic} label" if topic else "label",
        )


_EMPTY_LIST = re.compile(
    r"\[\s*\]|\bempty\b|\bvac[ií]as?\b|\bvazias?\b|\bvides?\b|\bleere?\b|\bvuot[ae]\b|\bleeg\b", re.I
)


# "gruende …: beleidigung, …, keine", "reasons: …, none": the set's own value for "none apply" (not an empty list)
_NONE_VALUES = frozenset(
    {
        "none", "keine", "kein", "nichts", "ninguno", "ninguna", "nada", "aucun", "aucune", "rien", "nessuno",
        "nessuna", "niente", "geen", "nenhum", "nenhuma"
    }
)  # fmt: skip


def _names_none(values: list[str]) -> bool:
    """Whether a value set has its own value for "none of them applies"."""
    return any(value.lower() in _NONE_VALUES for value in values)


def _array_keys(found: list[Constraint]) -> dict[str, str]:
    """The schema's keys whose value is a list ('"flags": []'), by their lower-case spelling."""
    keys: dict[str, str] = {}
    for c in found:
        properties = (c.schema or {}).get("properties") if c.kind == "schema" else None
        for key, prop in properties.items() if isinstance(properties, dict) else ():
            kind = prop.get("type") if isinstance(prop, dict) else None
            if kind == "array" or (isinstance(kind, list) and "array" in kind):
                keys[key.lower()] = key
    return keys


def _list_field(found: list[Constraint], text: str, start: int) -> str | None:
    """The reply's key a label set gives the values of when that key holds a list: named as one ("flags can only
    contain:", "temas: cero o más de") or a list in the brief's schema ("flags": [] and "flags: only from …")."""
    keys = {v.lower(): v for c in found if c.kind in ("schema", "fields") for v in c.values}
    before = text[:start]
    named = label_fields.list_field_of_labels(before)
    arrays = _array_keys(found)
    if named is not None and named.lower() in keys and _single_key(found, text, start) is None:
        return keys[named.lower()]
    full_stop = max(before.rfind(". "), before.rfind("\n"))
    opening = _KEY_OPENS_SENTENCE.match(before, full_stop + 1)
    field = label_fields.field_of_labels(before) or (opening.group("key") if opening is not None else None)
    return arrays.get(field.lower()) if field is not None else None


def _single_key(found: list[Constraint], text: str, start: int) -> str | None:
    """The schema's one-value key a label set is named for with a list's words ('"hazard": ""' and "hazard can only
    contain: NONE, TOXIC"): the key takes one of them."""
    named = label_fields.list_field_of_labels(text[:start])
    keys = {v.lower(): v for c in found if c.kind == "schema" for v in c.values}
    if named is None or named.lower() not in keys or named.lower() in _array_keys(found):
        return None
    return keys[named.lower()]


def _more_list_fields(found: list[Constraint], text: str, start: int) -> list[str]:
    """The other list keys the sentence names before the same values ("elogios e queixas só com …")."""
    before = text[:start]
    full_stop = max(before.rfind(". "), before.rfind("\n"))
    return list_fields.joined_keys(before[full_stop + 1 :], _array_keys(found))


def _with_item_values(found: list[Constraint], key: str, values: list[str], most: int | None = None) -> None:
    """The schema's list key gets the values its items may take ('"flags": {"type": "array", "items": {"enum": …}}')
    and the most items it may hold."""
    for c in found:
        properties = (c.schema or {}).get("properties") if c.kind == "schema" else None
        prop = properties.get(key) if isinstance(properties, dict) else None
        if isinstance(prop, dict) and "items" not in prop:
            prop["items"] = {"type": "string", "enum": list(values)}
            if most is not None:
                prop["maxItems"] = most


_HEADED_LINE_NEXT = re.compile(r"[^\n]*\n[ \t]*(?:[-*•][ \t]*)?[^\W\d_][^\n:：]{1,40}[:：]")


def _capitalised(word: str) -> str:
    return word.capitalize() if word.isalpha() and word.islower() else word


def without_banned_labels(found: list[Constraint]) -> list[Constraint]:
    """ "never write INSERT, UPDATE, DELETE, DROP or ALTER statements": a list a prohibition rules out is no label
    set to choose from."""
    bans = [c.span for c in found if c.kind == "prohibition" and c.span is not None]
    return [c for c in found if c.kind != "labels" or not any(_inside(c.span, ban) for ban in bans)]


def multi_labels(brief: Brief, found: list[Constraint]) -> None:
    """A brief that says "every label that applies" anywhere allows several labels from the set it states."""
    if not any(c.kind == "labels" and not c.multi for c in found):
        return
    text = " ".join([brief.task, *brief.constraints, brief.output_format or ""])
    several = label_cues.allows_several(text)
    if not several and not _label_array(found):
        return
    for index, constraint in enumerate(found):
        if constraint.kind == "labels" and not constraint.multi and constraint.scope is None:
            if not several and _single_key_values(brief, found, constraint):
                continue  # "category is one of billing, bug, other" beside a "tags" list: the category takes one
            text = label_wording.describe_labels(constraint.values, True)
            found[index] = msgspec.structs.replace(constraint, multi=True, text=text)


def _single_key_values(brief: Brief, found: list[Constraint], constraint: Constraint) -> bool:
    """Whether a label set gives the values of a schema key that holds one value ("category is one of …")."""
    if constraint.span is None:
        return False
    field = label_fields.field_of_labels(field_text(brief, constraint.span)[: constraint.span.start])
    keys = {v.lower() for c in found if c.kind == "schema" for v in c.values}
    return field is not None and field.lower() in keys and field.lower() not in _array_keys(found)


_LABEL_KEY = re.compile(r"label|tag|categor|etiqueta|étiquette|kategorie|rótulo|class", re.IGNORECASE)


def _label_array(found: list[Constraint]) -> bool:
    """Whether the brief's own schema holds the labels in a list (`"categorias": [...]`): several may apply."""
    for c in found:
        properties = (c.schema or {}).get("properties") if c.kind == "schema" else None
        if isinstance(properties, dict) and any(
            _LABEL_KEY.search(key) and isinstance(value, dict) and value.get("type") == "array"
            for key, value in properties.items()
        ):
            return True
    return False


def _inside(inner: BriefSpan | None, outer: BriefSpan | None) -> bool:
    return (
        inner is not None
        and outer is not None
        and (inner.field, inner.index) == (outer.field, outer.index)
        and outer.start <= inner.start
        and inner.end <= outer.end
    )


def without_label_tones(found: list[Constraint]) -> list[Constraint]:
    """ "one of BULLISH / NEUTRAL / BEARISH" names labels to assign; its "neutral" is not the assistant's tone, and
    "EMERGENCY (no heat, flooding, gas smell)" says what a label covers, not what the assistant must avoid."""
    label_spans = [c.span for c in found if c.kind == "labels"]
    return [
        c
        for c in found
        if c.kind not in ("tone", "prohibition") or not any(_inside(c.span, outer) for outer in label_spans)
    ]


# 'Output JSON {"label": ..., "reason": ...}, reason at most 30 characters': the limit is the field's, not the reply's.
_FIELD_BEFORE_LIMIT = re.compile(
    r"(?:^|[\s,;(（，；。、])[\"'`“「]?(?P<key>[A-Za-z_][A-Za-z0-9_-]*)[\"'`”」]?\s*(?:field|key)?\s*(?:[:：=]|should\s+be|"
    r"must\s+be|is|has|of|with|in)?\s*"
    # '"reden" in het Nederlands, maximaal 15 woorden': the field's language first, in a Latin script
    r"(?:(?:in\s+(?:het\s+|de\s+)?|auf\s+|en\s+|em\s+)?(?:English|Dutch|German|French|Spanish|Portuguese|Italian|"
    r"Nederlands|Engels|Deutsch|Englisch|français|anglais|español|inglés|português|inglês|italiano|inglese)\s*[,，]?\s*)?"
    # "reasonは日本語で30文字以内", "reason 用中文，不超过30字": a CJK topic marker and the field's language first
    r"(?:(?:は|も|要|须|需要?|应)?\s*(?:[^\s\d\W]{1,4}語で|用?中文|用?英文|日本語|中国語)?[，,、]?\s*)?"
    r"(?:(?:at\s+most|under|max(?:imum)?|no\s+more\s+than|up\s+to|less\s+than|不超过|最多|höchstens|"
    r"maximal|maximaal|massimo|máximo|au\s+plus)\s*)?$",
    re.IGNORECASE,
)


_IN_TOTAL = re.compile(
    r"\b(?:in\s+total|total|together|overall|altogether|combined|insgesamt|zusammen|en\s+total|au\s+total|"
    r"in\s+totale|em\s+total|in\s+totaal)\b",
    re.IGNORECASE,
)
_KEY_OPENS_SENTENCE = re.compile(
    r"\s*(?:[-*•]\s*)?(?:(?:the|el|la|le|les|der|die|das|il|lo|o|a|het|de)\s+)?(?P<key>[A-Za-z_]\w*)\b", re.IGNORECASE
)


def scope_field_limits(brief: Brief, found: list[Constraint]) -> None:
    """A limit written right after one of the output's field names limits that field."""
    spelled = {v.lower(): v for c in found if c.kind in ("schema", "fields") for v in c.values}
    keys = set(spelled)
    if not keys:
        return
    for index, constraint in enumerate(found):
        span = constraint.span
        if constraint.kind != "limit" or span is None:
            continue
        text = field_text(brief, span)
        match = _FIELD_BEFORE_LIMIT.search(text[max(0, span.start - 30) : span.start])
        if match is None or match.group("key").lower() not in keys:
            # "Feedback goes straight to the student: max 25 words": the sentence opens with the key, a colon
            # later introduces what holds for it
            # ("resumo …, máx. 15 palavras": an abbreviation's full stop ends no sentence)
            sentence_start = key_lines.sentence_start(text, span.start)
            match = _KEY_OPENS_SENTENCE.match(text, sentence_start)
            between = text[match.end() : span.start] if match is not None else ""
            # ("El comentario en español y de máximo 25 palabras": a short sentence about the field needs no colon;
            # "- resumo em português de Portugal, máx. 15 palavras": a line the key opens needs neither)
            if (
                match is None
                or match.group("key").lower() not in keys
                or (":" not in between and len(between.split()) > 6 and not key_lines.opens_line(text, sentence_start))
            ):
                continue
            if _IN_TOTAL.search(text, match.end(), min(len(text), span.end + 20)):
                continue  # "Summary and tags together make one JSON object: max 80 words in total": the whole reply
        if constraint.scope is not None and constraint.scope.lower() != f"the {match.group('key').lower()}":
            named = constraint.scope[4:] if constraint.scope.startswith("the ") else None
            near = text[max(0, span.start - 30) : span.end]
            if named is None or re.search(rf"\b{re.escape(named)}\b", near, re.IGNORECASE):
                continue  # "feedback max 40 words" beside a "feedback" key: the field, named as such
            # ("hinweis: höchstens 15 Wörter" read as "the hint": the key in English; the key is the field's name)
        scope = f"the {spelled.get(match.group('key').lower(), match.group('key'))} field"
        found[index] = msgspec.structs.replace(
            constraint,
            scope=scope,
            text=limits.describe_limit(
                constraint.unit or "words", constraint.minimum, constraint.maximum, constraint.exact, scope
            ),
        )


def scope_part_limits(brief: Brief, found: list[Constraint]) -> None:
    """ "The summary should be at most 40 words; the changelog below it has no limit", "feedback of max 2 sentences
    - only the feedback is limited": a sentence elsewhere in the brief frees the rest of the reply, so a limit on a
    named part (even one that is often the whole reply) limits that part only."""
    for index, constraint in enumerate(found):
        span = constraint.span
        if constraint.kind != "limit" or span is None or constraint.unit in (None, "items"):
            continue
        text = field_text(brief, span)
        context = " ".join([text, *brief.constraints]) if span.field == "constraints" else text
        scope = constraint.scope
        if scope is not None and scope.endswith(" version") and not limits.frees_rest(constraint):
            if parts.names_other_language(" ".join([brief.task, *brief.constraints]), scope):
                found[index] = msgspec.structs.replace(constraint, text=_rest_free_text(constraint, scope))
            continue
        if not parts.releases(context):
            continue
        if scope is None:
            only = parts.only_part(context)
            named = named_part(text, span.start, span.end, released=True)
            scope = named if only is None or named == only else None
            if (
                only is not None
                and named is None
                and only[4:].lower() in text[max(0, span.start - 60) : span.start].lower()
            ):
                scope = only  # "a verdict of max 2 sentences - only the verdict is limited"
        if scope is None or not scope.startswith("the ") or scope == INPUT_SCOPE:
            continue
        found[index] = msgspec.structs.replace(constraint, scope=scope, text=_rest_free_text(constraint, scope))


def _rest_free_text(constraint: Constraint, scope: str) -> str:
    """ "Keep the summary to at most 60 words; the rest of the reply is not limited by this." """
    assert constraint.unit is not None
    return limits.describe_limit(
        constraint.unit, constraint.minimum, constraint.maximum, constraint.exact, scope, rest_free=True
    )


_LABEL_LEAD = re.compile(
    r"^\s*[\"'“]?(?P<label>[\w-]+)[\"'”]?\s*(?P<link>when|if|for|=|:|->|–|—|means|is\s+for)?\s*", re.I
)


_VERB_LABEL = re.compile(r"reject|remove|block|flag|ban|delete|hide|escalate|approve|allow", re.I)
_PARTICLE = re.compile(r"(?:on|off|up|out|it|them|this|that|is|are|was|should|must|will|can)\b", re.I)


_DEFINITION_PARTS = ("prohibition", "requirement", "tone")
# An instruction after a case's heading: an imperative verb, maybe after "first"/"always", then its object.
CASE_STEP = re.compile(
    r"(?:(?:first|always|then|just|also|only|never|immediately|please)\s+)?"
    rf"(?:{'|'.join(sorted(VERBS | {'tell', 'ask', 'call', 'check', 'offer', 'send', 'refer', 'explain', 'advise'}))})"
    r"\s+(?:the|a|an|them|him|her|it|for|to|whether|if|me|us|their|your|that|this|about|back|up|out|with)\b|"
    # "COMPLAINT: apologise once, don't argue …", "PRICE: politely say …": how to answer that case, not a definition
    r"(?:apologi[sz]e|thank|acknowledge|reassure|sympathi[sz]e|empathi[sz]e|stay|remain|direct|point|redirect|"
    r"don['’]?t|do\s+not|never|politely|kindly|gently|briefly|calmly|be\s+(?:polite|calm|brief|kind|firm|clear))\b|"
    rf"(?:{'|'.join(sorted(VERBS))})\s+(?:once|politely|briefly|calmly|kindly|gently|first|right\s+away)\b",
    re.IGNORECASE,
)


def label_rules(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """'EDIT when the bio shares contact details; BLOCK for hate …', 'Reject weapons …': a sentence that opens with
    one of the brief's labels says when to use it, so it becomes a rule, not background."""
    # (not a tool argument's values: "incidentType: "theft" | …" names what a call sends, no label of the reply)
    arguments = {p.lower() for c in found if c.kind == "tool" for p in c.parameters}
    values = {
        v.lower(): v for c in found if c.kind == "labels" and (c.scope or "").lower() not in arguments for v in c.values
    }
    if not values:
        return []
    rules_found: list[Constraint] = []
    for clause in split_clauses(brief.task):
        lead = _LABEL_LEAD.match(clause.text)
        if lead is None or lead.group("label").lower() not in values:
            continue
        rest = clause.text[lead.end() :].strip().rstrip(".")
        start, end = clause.start, clause.start + len(clause.text.rstrip())
        inside = [
            c
            for c in found
            if c.kind != "labels" and c.span is not None and c.span.field == "task"
            and c.span.start < end and start < c.span.end
        ]  # fmt: skip
        if (lead.group("link") or "") in ("=", ":") and all(c.kind in _DEFINITION_PARTS for c in inside):
            # "TODAY = clearly distressed but no risk words": the words after "=" define the label; "no risk words"
            # is part of that definition, not a ban on words.
            found[:] = [c for c in found if not any(c is i for i in inside)]
            inside = []
        if len(rest.split()) < 2 or inside:
            continue
        if (lead.group("link") or "") in (":", "–", "—", "->") and CASE_STEP.match(rest):
            continue  # "Theft: ask for the crime reference first": what to do in that case, no label's definition
        if not lead.group("link") and not (_VERB_LABEL.fullmatch(lead.group("label")) and not _PARTICLE.match(rest)):
            # Without "when"/"for"/":" only a label that is itself an order ("Reject weapons …") says when to use
            # it; "Feature requests often …" or "Spam messages should …" just talk about the label's topic.
            continue
        label = values[lead.group("label").lower()]
        link = (lead.group("link") or "").lower()
        joiner = link if link in ("when", "if", "for") else "for"
        text = f'Use "{label}" {joiner} {rest}.'
        span = BriefSpan(field="task", start=start, end=end, text=brief.task[start:end])
        rules_found.append(Constraint(kind="requirement", text=text, span=span, value=text))
    return rules_found


_TINY = {"characters": 40, "words": 6}
_COUNTED_NOUN = re.compile(r"\b(?:exactly|at\s+most|between\s+\d+\s+and)\s+\d+\s+(?P<noun>[a-z][a-z -]{1,30}?)s?\.$")


def scope_tiny_limits(found: list[Constraint]) -> None:
    """ "come up with exactly 10 name ideas … max 18 characters incl spaces": a reply of several items cannot fit in
    a few characters, so a limit that small is each item's, not the whole reply's."""
    counts = [
        c for c in found
        if c.kind == "limit" and c.unit == "items" and c.scope is None and (c.exact or c.maximum or 0) >= 2
    ]  # fmt: skip
    if len(counts) != 1:
        return
    noun = _COUNTED_NOUN.search(counts[0].text)
    scope = f"each {noun.group('noun')}" if noun else "each item"
    for index, constraint in enumerate(found):
        cap = _TINY.get(constraint.unit or "")
        bound = constraint.maximum if constraint.maximum is not None else constraint.exact
        if constraint.kind != "limit" or constraint.scope is not None or cap is None or bound is None or bound > cap:
            continue
        text = limits.describe_limit(
            constraint.unit or "characters", constraint.minimum, constraint.maximum, constraint.exact, scope
        )
        found[index] = msgspec.structs.replace(constraint, scope=scope, text=text)


def fields_as_keys(found: list[Constraint]) -> list[Constraint]:
    """A field list in words beside a JSON template with as many keys ("pull out: supplier name, invoice number, … —
    output json like {"supplier": "", "invoice_no": "", …}") names what goes under each key, in order: one list,
    said as the template's keys with the words the brief gives for each, so no JSON object can contradict either."""
    schemas = [c for c in found if c.kind == "schema" and c.values]
    if len(schemas) != 1:
        return found
    keys = schemas[0].values
    result = []
    for c in found:
        described = _described_fields(c)
        if (
            c.kind != "fields"
            or c.value == "collect"
            or len(described) != len(keys)
            or set(c.values) == set(keys)
            # ("customer name, order number" beside {"order_id", "customer"}: another order, no pairing by position)
            or not all(_names_alike(key, words) for key, words in zip(keys, described, strict=True))
        ):
            result.append(c)
            continue
        pairs = [
            key if key.lower() == words.lower() else f"{key} = {words}"
            for key, words in zip(keys, described, strict=True)
        ]
        text = f"Fill each key from the input: {'; '.join(pairs)}."
        result.append(msgspec.structs.replace(c, text=text, values=list(keys)))
    return result


def _described_fields(constraint: Constraint) -> list[str]:
    """The fields a field list names, each with its aside ("invoice date (YYYY-MM-DD)"), split at top-level commas."""
    if constraint.kind != "fields" or ":" not in constraint.text:
        return []
    listed = constraint.text.split(":", 1)[1].strip().rstrip(".")
    parts_found, depth, start = [], 0, 0
    for index, char in enumerate(listed):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts_found.append(listed[start:index].strip())
            start = index + 1
    parts_found.append(listed[start:].strip())
    return [re.sub(r"^(?:and|or)\s+", "", p) for p in parts_found if p]


_GENERIC_KEY_WORDS = frozenset({"date", "name", "number", "no", "id", "code", "time", "type", "value", "text", "at"})


def _names_alike(key: str, words: str) -> bool:
    """Whether a key and the words for it share a word or a word's start ("invoice_no" / "invoice number", "lines" /
    "line items", "due" / "due date")."""
    key_words = [w for w in re.split(r"[_\W]+|(?<=[a-z])(?=[A-Z])", key.lower()) if len(w) >= 2]
    said = [w for w in re.split(r"\W+", words.lower()) if len(w) >= 2]
    # ("delivery_date" / "order date": a shared "date" says nothing; the word that tells them apart must match)
    specific = [w for w in key_words if w not in _GENERIC_KEY_WORDS]
    if specific:
        key_words = specific
    return any(
        k == w or (min(len(k), len(w)) >= 3 and (k.startswith(w[:4]) or w.startswith(k[:4])))
        for k in key_words
        for w in said
    )


# "end with these two lines exactly:", "start with the following three lines": lines the reply carries, not its length
_FIXED_LINES_BEFORE = re.compile(
    r"\b(?:end|start|begin|finish|close|open|sign\s+off)\w*\s+(?:\w+\s+)?with\s+(?:these|the\s+following|this|those)\s*$",
    re.IGNORECASE,
)
# "Setting: 0-2 - one sentence": a limit on one labelled line of a layout, not on the reply
_LABEL_LINE = re.compile(r"[ \t]*(?:[-*•][ \t]*)?[A-Z][\w /&'’-]{0,30}:[ \t]")


def without_misread_limits(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """Limits that are no limits on the reply: a range of years ("2022-2026 question pool"), the lines the reply ends
    with ("end with these two lines exactly:"), a limit on one labelled line of a layout ("Setting: 0-2 - one
    sentence")."""
    kept = []
    for c in found:
        if c.kind == "limit" and c.span is not None and c.scope is None:
            low, high = c.minimum, c.maximum
            if low is not None and high is not None and 1900 <= low < high <= 2100:
                continue
            text = field_text(brief, c.span)
            if _FIXED_LINES_BEFORE.search(text, max(0, c.span.start - 40), c.span.start):
                continue
            if _on_a_label_line(brief, c) and len(_SIZED_LABEL_LINE.findall(text)) >= 2:
                continue  # (a layout's lines, each with its own size: the layout itself is kept whole)
        kept.append(c)
    return kept


_SIZED_LABEL_LINE = re.compile(
    r"(?m)^[ \t]*(?:[-*•][ \t]*)?[A-Z][\w /&'’-]{0,30}:[ \t].*\b(?:sentences?|words?|characters?)\b"
)


def _on_a_label_line(brief: Brief, c: Constraint) -> bool:
    if c.kind != "limit" or c.span is None or c.scope is not None or c.unit not in ("sentences", "words", "characters"):
        return False
    text = field_text(brief, c.span)
    line_start = text.rfind("\n", 0, c.span.start) + 1
    # ("Rules: whole handover under 150 words.": the reply's own limit, beside a layout with sized lines)
    return (
        line_start > 0
        and _LABEL_LINE.match(text, line_start) is not None
        and not bounds_whole_reply(text, line_start, c.span.start)
    )
