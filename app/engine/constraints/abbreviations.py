"""Whether a dot ends an abbreviation ("e.g.", "Abs.", initials) rather than a sentence."""

from __future__ import annotations

import re

from app.engine.constraints.street_dots import street_dot_ends_sentence

_ABBREVIATIONS = frozenset({
    "e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.", "z.b.", "p.ej.", "ca.", "min.", "max.", "no.", "sec.",
    "fig.", "p.", "pp.", "dept.", "art.", "nr.", "cf.", "mr.", "mrs.", "ms.", "dr.", "st.", "u.s.", "a.m.", "p.m.",
    "ltd.", "inc.", "co.", "corp.", "jr.", "sr.", "ex.", "prof.", "mme.", "sra.", "hr.", "ext.",
    "rr.", "hh.", "rrhh.", "ee.uu.", "uu.",
    # German, Spanish, French, Portuguese, Italian and Dutch ones that real briefs use mid-sentence ("laut § 3 Abs. 2")
    "abs.", "bzw.", "vgl.", "usw.", "ggf.", "evtl.", "inkl.", "zzgl.", "gem.", "lt.", "sog.", "bspw.", "tel.", "str.",
    "u.a.", "d.h.", "z.t.", "ff.", "núm.", "pág.", "cap.", "av.", "dra.", "ej.", "aprox.", "cía.", "mlle.", "env.",
    "pag.", "ecc.", "sig.", "dott.", "bijv.", "o.a.", "m.b.t.", "enz.",
    "para.", "paras.", "chap.", "ch.", "vol.", "ed.", "rev.", "sect.", "cl.", "reg.", "mon.", "tue.", "tues.", "wed.",
    "thu.", "thur.", "thurs.", "fri.", "sat.", "sun.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
    "sept.", "oct.", "nov.", "dec.", "tbl.",
    "p.es.",
})  # fmt: skip


def is_abbreviation(text: str, index: int) -> bool:
    """Whether the full stop at `index` ends an abbreviation ("e.g.", "sec."), not a sentence."""
    street = street_dot_ends_sentence(text, index)
    if street is not None:
        return not street  # "12 Baker St. Never …" ends its sentence; "Mt. Pleasant Rd. community garden" does not
    start = index
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([\"'":
        start -= 1
    word = text[start : index + 1].lower()
    if len(word) == 2 and word[0].isalpha() and _SPACED_INITIALS.search(text, max(0, index - 4), index + 4):
        return True  # "z. B.", "d. h.", "u. a.": initials with a space between them
    if word in _ABBREVIATIONS_BEFORE_MORE:
        # "TSV Grünwald 1921 e.V. (Abteilung Fußball)", "tra parentesi, es. (Art. 7)": a club, "for example"; but
        # "… Neckarau e.V. Mitglieder schreiben …", "… lo que es. Usa …" end their sentence
        after = text[index + 1 :].lstrip()[:1]
        return bool(after) and (after in "(«\"“'" or after.isdigit() or after.islower())
    if word == "no." and text[index + 1 : index + 2].isspace() and text[index + 1 :].lstrip()[:1].isupper():
        return False  # "Answer with yes or no. Do not explain.": the word "no", not "no. 5" or "the no. of guests"
    if word in _ABBREVIATIONS or word.endswith(("e.g.", "i.e.")):
        return True
    if len(word) == 2 and text[index - 1].isupper() and _INITIAL_BEFORE.match(text, index + 1):
        return True  # "T. rex", "T. 0117 496 0823", "J. smith": an initial or a phone "T.", and the sentence goes on
    return _short_in_brackets(text, index)


_INITIAL_BEFORE = re.compile(r"[ \t]+(?:[a-zà-ÿ]|\d)")


def _short_in_brackets(text: str, index: int) -> bool:
    """Whether the full stop ends a short word inside brackets that close a few words on, on the same line: "Marisol
    (Prod. Coordinator)", "(Dept. of Health)"."""
    opening = text.rfind("(", max(0, index - 30), index)
    if opening < 0 or ")" in text[opening:index]:
        return False
    word = re.search(r"(?<![^\W\d_])[^\W\d_]{2,6}$", text[opening + 1 : index])
    if word is None:
        return False
    closing = text.find(")", index, index + 40)
    return closing > 0 and not re.search(r"[.!?\n]", text[index + 1 : closing])


_ABBREVIATIONS_BEFORE_MORE = frozenset({"e.v.", "es."})


_SPACED_INITIALS = re.compile(r"(?<![\w.])[^\W\d_]\.\s[^\W\d_]\.(?!\w)")
