"""Prohibitions ("never give legal advice", "no markdown, and avoid jargon"), as English imperatives.

`find_prohibitions` is a pipeline: a clause not in English is quoted (`foreign_prohibitions`); a whole-sentence shape
("No receipt, no refund", "X is not allowed") is read as one rule; otherwise each English negation cue that forbids
something (`non_bans`) is cut to its extent (`ban_extent`), kept whole where its sentence says more than a ban
(`ban_contrasts`), and worded as an imperative (`ban_wording`).
"""

from __future__ import annotations

import re

from app.engine.constraints.ban_contrasts import read_contrast
from app.engine.constraints.ban_extent import PROHIBITION_EN, ban_end
from app.engine.constraints.ban_wording import imperative, worded_ban
from app.engine.constraints.clauses import in_exact_line
from app.engine.constraints.empty_case import empty_case_line
from app.engine.constraints.foreign_prohibitions import find_foreign_prohibitions
from app.engine.constraints.found_rules import FoundRule, is_english
from app.engine.constraints.leading_conditions import condition_end
from app.engine.constraints.negation import REPORTED_LEAD
from app.engine.constraints.non_bans import forbids_nothing
from app.engine.constraints.paired_bans import no_then_no
from app.engine.constraints.scope_quotes import scope_quote
from app.engine.constraints.sentence_case import sentence_case

_FORBIDDEN_PASSIVE = re.compile(
    r"^(?P<rest>.+?)\s+(?:is|are)\s+(?:not\s+allowed|forbidden|prohibited|off[- ]limits|banned|not\s+permitted)\b",
    re.IGNORECASE,
)


_LIMIT_ONLY = re.compile(
    r"^(?:use|write|exceed|go\s+over|include)?\s*(?:more|fewer|less|longer|shorter)\s+than\b|^exceed\b", re.IGNORECASE
)


_POLITE_TAIL = re.compile(r"[\s,]+(?:pls|plz|please|thanks|thx|lol|haha|lmao|tbh)$", re.I)


# "we dont have one lol", "I don't know the stock levels": a fact about the business, not a rule for the assistant
_FIRST_PERSON_FACT = re.compile(r"\b(?:we|i)\s+(?:(?:currently|really|actually)\s+)?$", re.I)


_FACT_VERB = re.compile(r"(?:have|own|know|stock|carry|open|deliver|ship|work)\b", re.I)


# "i get like 60 emails a day and cant keep up": the requester's own trouble, joined to what they say of themselves
_DESCRIBES_PEOPLE = re.compile(
    r"^\s*(?:i|we)\s+(?!(?:want|need|would|wish|expect|'d|d)\b)[a-z']+\b[^,;:.]*\b(?:and|but|so)\s+$", re.IGNORECASE
)
# "Students can vent about revision stress, not sleeping, panicking …": a trouble in a list of them, not a ban
_TROUBLE_ITEM = re.compile(r"not\s+\w+ing\b[^,.;:]{0,40}?(?:,|\betc\b|\band\b|\bor\b|$)", re.IGNORECASE)
_ABOUT = re.compile(r"\b(?:about|with|like|such\s+as|over|from)\b[^.;:]*,\s*$", re.IGNORECASE)


_NOT_WANTED = re.compile(
    r"(?:want|wish|like)\s+(?:the\s+(?:bot|assistant|model|agent|ai)|it|you|them)\s+to\s+(?=\w)", re.IGNORECASE
)


_REPORTED = re.compile(
    r"\b(?:say|says|tell\s+(?:them|the\s+\w+|users?)|mention|state|explain|remind\s+(?:them|the\s+\w+|users?)|note|"
    r"disclose|make\s+(?:it\s+)?clear|clarify)\b[^.;]*?\bthat\b",
    re.IGNORECASE,
)


# "No ofrecer descuentos.", "No dar precios por chat", "Não prometer prazos": a Spanish or Portuguese ban that the
# language identifier leaves undetermined (the "No" reads as English); worded in English it would become "Avoid
# ofrecer descuentos." beside the brief's own line. A common infinitive, or a Romance article after the first word.
_ROMANCE_BAN = re.compile(
    r"^\W*(?:no|nunca)\s+(?:(?:se|le|les|lo|la|los|las|nos|te)\s+)?(?:"
    r"(?:ofrecer|oferecer|dar|usar|utilizar|hacer|fazer|decir|dizer|prometer|mencionar|responder|contestar|incluir|"
    r"poner|pedir|enviar|mandar|compartir|compartilhar|inventar|recomendar|sugerir|escribir|escrever|hablar|falar|"
    r"revelar|confirmar|garantizar|garantir|aceptar|aceitar|cobrar|aplicar|a[ñn]adir|citar|discutir|opinar|comentar|"
    r"criticar|juzgar|julgar|tratar|tutear|insistir|presionar|pressionar|vender|cotizar|diagnosticar|recetar|receitar|"
    r"publicar|copiar|traducir|traduzir|cambiar|mudar|modificar|borrar|eliminar|dejar|deixar|entrar|hacerse|reservar|"
    r"llamar|ligar|preguntar|perguntar|explicar|indicar|mostrar|enviar|solicitar|aconsejar|aconselhar|asesorar)\b|"
    r"[a-záéíóúñç]+\s+(?:de|del|la|los|las|el|al|nada|ning[úu]n\w*|nenhum\w*|sin|sem|com|con|nunca|jam[áa]s)\b)",
    re.IGNORECASE,
)


def find_prohibitions(text: str, original: str | None = None) -> list[FoundRule]:
    """Every prohibition one clause states ("no markdown, and avoid jargon" holds two), as English imperatives.
    `rest` is what each forbids, in the brief's words. `text` may have quoted words blanked out (so a quote does
    not negate anything); `original` is the same text unblanked, for the words."""
    stripped = text.rstrip()
    source = (original if original is not None and len(original) == len(text) else text).rstrip()
    if _CASE_ARROW.match(source) or empty_case_line(source) or scope_quote(source) is not None:
        # 'No findings -> "LGTM"', 'Keine Befunde → „Alles korrekt.“', "Question hors de ces sujets ou dont vous
        # n'êtes pas sûr : « … »": a case and its reply, no ban
        return []
    if not is_english(stripped) or _ROMANCE_BAN.match(stripped):
        return find_foreign_prohibitions(stripped)
    whole = _whole_sentence_ban(stripped, source)
    if whole is not None:
        return whole
    return _english_bans(stripped, source)


def _whole_sentence_ban(stripped: str, source: str) -> list[FoundRule] | None:
    """The rules of a sentence read whole ("No receipt, no refund", "Weapons are not allowed"), [] for one that
    forbids nothing for good, or None when its negations are read one by one."""
    paired = no_then_no(stripped, source)
    if paired is not None:
        return paired
    passive = _FORBIDDEN_PASSIVE.search(stripped)
    if passive:
        rest = passive.group("rest").strip()
        return [FoundRule(f"Never allow this: {rest}.", None, None, 0, len(stripped), rest)]
    if _HELD_UNTIL.search(stripped):
        # "No balances, no statements, nothing before that.": every item holds only until then, so no prohibition
        # ("Avoid balances." would forbid them for good); the sentence stays a rule in its place in the brief.
        return []
    return None


def _english_bans(stripped: str, source: str) -> list[FoundRule]:
    """Each ban an English clause states, one per negation cue that forbids something."""
    found: list[FoundRule] = []
    # "If you don't know, say so": a negation inside the condition forbids nothing.
    taken = condition_end(stripped)
    for match in PROHIBITION_EN.finditer(stripped):
        if match.start("cue") < taken:
            continue
        if in_exact_line(stripped, match.start("cue")):
            continue  # "If the diary is empty, write only: NO ENTRIES THIS WEEK": words to write, no ban
        if forbids_nothing(stripped, match):
            continue
        before = stripped[: match.start("cue")]
        if _FIRST_PERSON_FACT.search(before) and _FACT_VERB.match(stripped[match.end("cue") :].lstrip()):
            if found and found[-1].end <= match.start():
                # "never give a phone number, we dont have one lol": the fact is the rule's reason; keep it with it
                whole = _POLITE_TAIL.sub("", source).rstrip(" .!")
                last = found.pop()
                found.append(FoundRule(sentence_case(whole), None, None, last.start, len(whole), last.rest))
            continue
        if _REPORTED.search(before) or REPORTED_LEAD.search(before[-40:]):
            continue  # "say that this is general information and not legal advice": words to say, not a rule
        trouble = _TROUBLE_ITEM.match(stripped, match.start("cue")) is not None and _ABOUT.search(before) is not None
        if trouble or _DESCRIBES_PEOPLE.search(before):
            continue  # "i get 60 emails a day and cant keep up", "vent about stress, not sleeping, …": no rule
        rule, taken = _ban_rule(stripped, source, match, ban_end(stripped, match))
        if rule is not None:
            found.append(rule)
    return found


def _ban_rule(stripped: str, source: str, match: re.Match[str], end: int) -> tuple[FoundRule | None, int]:
    """The rule the ban from `match` to `end` states (None when it forbids nothing), and where the next ban may
    start."""
    rest = source[match.end("cue") : end].strip().rstrip(".!,;:")
    wanted = _NOT_WANTED.match(rest)
    if wanted is not None:
        # "we do not want the bot to say X": the builder's wish is the rule "Never say X".
        rest = rest[wanted.end() :]
        return FoundRule(f"Never {rest}.", None, None, match.start(), end, rest), end
    rest = _POLITE_TAIL.sub("", rest)  # "not too chatty pls"
    shared = _shared_subject(stripped, source, match, end, rest)
    if shared is not None:
        return shared, end
    if not rest or _LIMIT_ONLY.match(rest) or rest.lower() in _BARE_VERBS:
        return None, end  # "We dont do: boiler installs, …": what is not done follows the colon, in its own clause
    contrast = read_contrast(stripped, match, rest)
    if contrast is not None:
        return (contrast[0] if contrast else None), end
    lead, rest = imperative(stripped, match, rest)
    rule, taken = worded_ban(stripped, source, match, end, lead, rest)
    if re.search(r"[.!?][\"”]\.$", rule.text):
        rule = rule._replace(text=rule.text[:-1])  # ('say "Nearly! Let's try again."': the quote ends the sentence)
    return rule, taken


# "rounded up", "abbreviated", "written out", "shown": a past participle, whose subject is the clause's before the comma
_PARTICIPLE = re.compile(
    r"(?:[a-z]+ed|written|shown|given|taken|made|cut|left|spelt|hidden|known|done|said|told|sent|kept|put|set|"
    r"shortened|broken|chosen)(?:\s+(?:up|down|out|off|away|over))?\b(?!\s+(?:the|a|an|your|their|it|them)\b)",
    re.IGNORECASE,
)


def _shared_subject(stripped: str, source: str, match: re.Match[str], end: int, rest: str) -> FoundRule | None:
    """ "Battery health exactly as on the sheet, never rounded up": the ban's participle shares the subject before the
    comma, so the rule is the whole clause ("Never rounded up." would name nothing)."""
    head = stripped[: match.start("cue")]
    opening = max((m.end() for m in re.finditer(r"[.;:!?]\s", head)), default=0)
    if not _PARTICIPLE.match(rest) or not re.search(r"\w[^,]*,\s*$", head[opening:]):
        return None
    if PROHIBITION_EN.search(head[opening:]) or len(head[opening:].split()) < 2:
        return None  # ("No refunds, never promised": each item its own ban)
    whole = source[opening:end].strip().rstrip(".,;")
    return FoundRule(sentence_case(whole), None, None, opening, end, rest)


_CASE_ARROW = re.compile(r"\s*(?:[-*•]\s+)?[^\"“„«\n]{2,60}?\s*(?:->|→|=>|⇒)\s*[\"“„«'`]")


_HELD_UNTIL = re.compile(r"\b(?:before|until|till)\s+(?:that|then|this\s+(?:step|check)|it\s+(?:is|has))\b", re.I)


_BARE_VERBS = frozenset({"do", "does", "go", "be", "have", "get", "offer", "cover", "handle", "sell", "take"})


def find_prohibition(text: str) -> FoundRule | None:
    """The first prohibition one clause states, if any."""
    found = find_prohibitions(text)
    return found[0] if found else None
