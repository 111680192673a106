"""A case about a subgroup of the users: "children under 12 must …", "12歳未満のお子さんは店頭測定不可",
"Kinder unter 12 brauchen ein Rezept". The age phrase is the subject of a rule the brief sets for that group,
never who reads."""

from __future__ import annotations

import re

from app.engine.constraints.ages import FoundAges

# What follows the age phrase when it is the subject of a rule: a verb of obligation, need, ability or price
# ("must", "need", "pay", "müssen", "brauchen", "doivent", "necesitan"), or a Japanese topic marker after
# the group's noun ("のお子さんは", "の方には").
_RULE_AFTER = re.compile(
    r"(?:s\b)?(?:\s*(?:-?\s*years?(?:\s+old)?|yrs?|jahren?|ans|años|anos|anni|jaar)\b)?"
    r"\s*,?\s*(?:(?:also|always|still|only|then|first|usually|all)\s+)?(?:"
    r"must|need|needs|have\s+to|has\s+to|require|requires|should|may\s+not|are\s+required|pay|travel\s+free|"
    r"müssen|brauchen|benötigen|dürfen|zahlen|bezahlen|"
    r"doivent|ont\s+besoin|ne\s+doivent|paient|"
    r"deben|necesitan|no\s+deben|pagan|requieren|tienen\s+que|"
    r"devem|precisam|pagam|devono|hanno\s+bisogno|pagano|"
    r"moeten|hebben\s+\w+\s+nodig|mogen\s+niet|betalen"
    r")\b"
    r"|(?:の)?(?:お子さん|お子様|子ども|子供|こども|小児|児童|方|お客様)?(?:は|には|の場合|も)",
    re.IGNORECASE,
)


# What the need is when it says how to write for the group: "need simple words", "need short sentences", "must
# get plain answers". The group then reads, so the age phrase is the audience, never a subgroup rule.
_HOW_TO_WRITE = re.compile(
    r"[^.;:!?\n]{0,40}?\b(?:simple|simpler|short|shorter|plain|easy|easier|clear|big|bigger|large|larger|basic|"
    r"everyday|child-?friendly|kid-?friendly|gentle|friendly|fewer|one)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:words?|sentences?|language|explanations?|answers?|replies|text|fonts?|steps?|examples?|questions?|"
    r"instructions?|paragraphs?|terms|vocabulary)\b|"
    r"[^.;:!?\n]{0,40}?\b(?:to\s+be\s+(?:spoken|talked|written)\s+to|lots\s+of\s+(?:praise|encouragement|pictures|"
    r"emojis?)|extra\s+(?:patience|encouragement|help\s+reading)|pictures|emojis?|no\s+jargon|no\s+long\s+words|"
    r"einfache\w*\s+(?:wörter|worte|sätze|sprache)|kurze\w*\s+sätze|palabras\s+(?:sencillas|simples|fáciles)|"
    r"frases\s+(?:cortas|simples)|mots\s+simples|phrases\s+courtes|parole\s+semplici|frasi\s+brevi|"
    r"eenvoudige\s+woorden|korte\s+zinnen)",
    re.IGNORECASE,
)


def subgroup_rule(text: str, ages: FoundAges | None) -> bool:
    """Whether the open age bound `ages` is the subject of a rule for that group ("under-12s need …"); a range
    ("kids 8 to 10 need short words") describes the readers and is never one, and neither is a need that says how
    to write for them ("kids under 12 need simple words")."""
    if ages is None or (ages.minimum is not None and ages.maximum is not None):
        return False
    rule_after = _RULE_AFTER.match(text, ages.end)
    return rule_after is not None and not _HOW_TO_WRITE.match(text, rule_after.end())


_CHILD_NOUN = (
    r"children|child|kids|kid|minors|babies|toddlers|infants|kinder|kindern|enfants|niños|niñas|menores|crianças|"
    r"bambini|kinderen"
)
_UNDER = r"under|below|younger\s+than|unter|de\s+moins\s+de|menores\s+de|de\s+menos\s+de|menos\s+de|sotto\s+i|onder"
_AGE_UNIT = r"(?:\s*(?:-?\s*years?(?:\s+old)?|yrs?|jahren?|ans|años|anos|anni|jaar))?"
_SUBGROUP = re.compile(
    rf"\b(?:(?:{_CHILD_NOUN})\s+(?:(?:aged|agés?)\s+)?(?:{_UNDER})\s+\d{{1,2}}{_AGE_UNIT}|under-?\d{{1,2}}s)"
    rf"|\d{{1,2}}\s*(?:歳|才)(?:未満|以下)(?:の(?:お子さん|お子様|子ども|子供|こども|方))?",
    re.IGNORECASE,
)


# The brief is for children: "a reading buddy for kids", "chat for children aged 6 to 9", "pupils", "Year 7"
_FOR_CHILDREN = re.compile(
    rf"\b(?:for|with|helps?|teach\w*|talks?\s+to|chats?\s+with)\s+(?:(?:young|little|our|the|primary|school)\s+)?"
    rf"(?:{_CHILD_NOUN}|pupils|schoolchildren|year\s+\d)\b|\b(?:{_CHILD_NOUN})\s+(?:aged|ages)\s+\d|"
    rf"\bpara\s+(?:niños|niñas|menores)\b|\bfür\s+kinder\b|\bpour\s+(?:les\s+)?enfants\b|子ども向け|子供向け|児童向け",
    re.IGNORECASE,
)


# A group named in a product warning or an eligibility rule: "Déconseillé aux femmes enceintes et aux enfants de moins
# de 5 ans", "not suitable for children under 3", "keep out of reach of children", "nicht für Kinder unter 3 Jahren
# geeignet", "no recomendado para menores de 3 años", "対象は4歳以上". The group is who the warning is about, never
# who reads. (Not "content not suitable for children": what may be shown to children who read.)
_WARNED = re.compile(
    r"(?<!content\s)(?<!material\s)(?<!anything\s)(?<!language\s)(?<!topics\s)(?<!words\s)(?<!images\s)"
    r"\b(?:(?:not|isn['’]t|aren['’]t)\s+(?:suitable|recommended|intended|safe)\s+for|unsuitable\s+for|"
    r"out\s+of\s+(?:the\s+)?(?:reach|sight)\s+of|d[ée]conseill[ée]e?s?\s+(?:aux|à|pour)|interdite?s?\s+aux|"
    r"(?:hors\s+de\s+(?:la\s+)?port[ée]e|[àa]\s+l['’]?[ée]cart)\s+des|ne\s+convient\s+pas\s+aux|"
    r"no\s+(?:apto|aptos|recomendad[oa]s?|adecuad[oa]s?)\s+para|fuera\s+del\s+alcance\s+de|"
    r"nicht\s+(?:geeignet\s+)?f[üu]r|au[ßs]er\s+reichweite\s+von|"
    r"n[ãa]o\s+(?:recomendad[oa]s?|indicad[oa]s?|adequad[oa]s?)\s+para|fora\s+do\s+alcance\s+d[ae]s?|"
    r"sconsigliat[oa]\s+(?:ai|alle|a)|non\s+adatt[oa]\s+(?:ai|a)|fuori\s+dalla\s+portata\s+dei|"
    r"niet\s+geschikt\s+voor|buiten\s+bereik\s+van)\s+(?:[\w'’-]+\s+){0,8}?(?:"
    + _CHILD_NOUN
    + r")\b(?:\s+(?:(?:aged\s+)?(?:"
    + _UNDER
    + r")\s+\d{1,2}"
    + _AGE_UNIT
    + r"))?|対象(?:年齢)?(?:は|[:：])\s*\d{1,2}\s*(?:歳|才)(?:以上|から)|"
    r"\d{1,2}\s*(?:歳|才)(?:以上|から)(?:の方|のお子さ[まん])?(?:が|を)対象",
    re.IGNORECASE,
)


def without_warned_groups(text: str) -> str:
    """The text with every group named in a warning or an eligibility rule blanked (same length)."""
    return _WARNED.sub(lambda m: " " * len(m.group(0)), text)


def without_subgroup_cases(text: str) -> str:
    """The text with the subject of every subgroup case blanked (same length): "children under 12 must come with an
    adult" names a case, not children who read, so its words bring no children's pack. A brief for children, or a
    need that says how to write for them ("kids under 12 need simple words"), is no case: its words stay."""
    text = without_warned_groups(text)
    if not any(ch.isdigit() for ch in text):
        return text
    chars = list(text)
    for match in _SUBGROUP.finditer(text):
        rule_after = _RULE_AFTER.match(text, match.end())
        if rule_after is None or _HOW_TO_WRITE.match(text, rule_after.end()):
            continue
        if _FOR_CHILDREN.search(text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]):
            continue
        chars[match.start() : match.end()] = " " * (match.end() - match.start())
    return "".join(chars)
