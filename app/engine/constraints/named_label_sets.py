"""Label sets named in a row after one tagging verb: "draft a reply, and tag it with a sentiment
(positive/neutral/negative) and a topic (billing, delivery, other)", "markiere sie mit einer Stimmung (positiv/neutral/
negativ) und einem Thema (Rechnung, Lieferung, Sonstiges)". Each named set is a label set of its own, scoped by its
name, so that the reply gets one line per set; read as one set, all but one would be lost."""

from __future__ import annotations

import re

from app.engine.brief import Brief
from app.engine.constraints.model import BriefSpan, Constraint

# A verb of tagging, in the languages the engine reads (not "add" or "give": "add a subject (short, clear) and a
# greeting (formal/informal)" asks for parts of the text, not labels)
_TAG_VERB = re.compile(
    r"\b(?:tag|tags|label|labels|mark|classify|categori[sz]e|flag|rate|sort|assign|"
    r"markiere|markieren|kennzeichne|kennzeichnen|ordne|bewerte|klassifiziere|kategorisiere|"
    r"étiquette|étiqueter|classe|classer|marque|marquer|attribue|catégorise|"
    r"etiqueta|etiquetar|clasifica|clasificar|marca|marcar|asigna|categoriza|"
    r"etichetta|etichettare|classifica|classificare|assegna|categorizza|"
    r"etiquete|classifique|atribua|categorize|labelen|markeer|markeren|classificeer|categoriseer)\b",
    re.IGNORECASE,
)
# Values of a category set: one of them or the other ("positive/neutral/negative", "Du oder Sie"), not a list of
# qualities ("short, clear")
_ALTERNATIVES = re.compile(r"/|\||\s(?:or|oder|ou|o|of|oppure|ó)\s", re.IGNORECASE)
# "a sentiment (positive/neutral/negative)": a name of one or two words, then its values in brackets
_NAMED_SET = re.compile(r"(?P<name>[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*)?)\s*\((?P<values>[^()\n]{3,200})\)")
# Between two named sets only a comma or "and" and a preposition may stand
_JOINER = re.compile(
    r"\s*(?:,|;)?\s*(?:(?:and|plus|und|sowie|et|y|e|en|also|as\s+well\s+as)\s+)?"
    r"(?:(?:by|with|per|nach|mit|par|avec|por|con|com|met|op)\s+)?",
    re.IGNORECASE,
)
_LEADING = frozenset(
    """
    a an the its their one with by and plus per it them each every
    ein eine einer einem einen mit nach und sowie un une le la les avec par et
    el la los las una uno con por y il lo gli un una con e um uma o os as com een de het met op en
    """.split()  # noqa: SIM905
)
_VALUE_SPLIT = re.compile(r"\s*(?:/|,|\||;|\bor\b|\boder\b|\bou\b|\bo\b|\bof\b)\s*", re.IGNORECASE)


def _name(words: str) -> str | None:
    """The set's name without the article or preposition before it ("with a sentiment" -> "sentiment")."""
    kept = [w for w in words.split() if w.lower() not in _LEADING]
    name = " ".join(kept[-2:]).strip()
    return name if name and not _TAG_VERB.fullmatch(name.split()[0]) else None


def _values(text: str) -> list[str] | None:
    """The set's values, two to ten short ones ("positive/neutral/negative"), or None."""
    values = [v.strip(" .'\"“”") for v in _VALUE_SPLIT.split(text)]
    values = [v for v in values if v]
    if not 2 <= len(values) <= 10 or any(len(v.split()) > 3 or not re.search(r"[^\W\d_]", v) for v in values):
        return None
    return values


def _chain(task: str, start: int, end: int) -> list[tuple[str, list[str], int, int]]:
    """The named sets that follow each other in task[start:end], each joined to the one before by "and"."""
    found: list[tuple[str, list[str], int, int]] = []
    for match in _NAMED_SET.finditer(task, start, end):
        name, values = _name(match.group("name")), _values(match.group("values"))
        if name is None or values is None:
            continue
        if found and not _JOINER.fullmatch(task, found[-1][3], match.start("name")):
            break  # ("tag it with a sentiment (…). Keep the draft short (under 100 words)": no second set)
        found.append((name, values, match.start(), match.end()))
    return found


def named_label_sets(brief: Brief, found: list[Constraint]) -> list[Constraint]:
    """The constraints with two or more label sets named in a row after a tagging verb stated as one set each (any
    label set read from the same words dropped)."""
    task = brief.task
    if sum(1 for c in found if c.kind == "labels" and (c.scope or "").endswith(" label")) >= 2:
        return found  # the sets are read already, each with its topic
    for verb in _TAG_VERB.finditer(task):
        stop = re.search(r"[.!?](?:\s|$)|\n", task[verb.end() :])
        end = verb.end() + (stop.start() if stop else len(task) - verb.end())
        sets = _chain(task, verb.end(), end)
        names = {name for name, *_ in sets}
        if len(sets) < 2 or len(names) < len(sets):
            continue
        if not any(_ALTERNATIVES.search(task, start, stop_at) for *_, start, stop_at in sets):
            continue  # ("tag it with its tone (warm, calm) and its length (short, long)": no set of alternatives)
        words = {v.lower() for _, values, *_ in sets for v in values}
        kept = [
            c
            for c in found
            if not (c.kind == "labels" and ({v.lower() for v in c.values} <= words or _inside(c, verb.start(), end)))
        ]
        return kept + [
            Constraint(
                kind="labels",
                text=f"Assign exactly one {name} label: {', '.join(values[:-1])} or {values[-1]}.",
                values=values,
                scope=f"{name} label",
                span=BriefSpan(field="task", start=start, end=stop_at, text=task[start:stop_at]),
            )
            for name, values, start, stop_at in sets
        ]
    return found


def _inside(constraint: Constraint, start: int, end: int) -> bool:
    span = constraint.span
    return span is not None and span.field == "task" and start <= span.start < end
