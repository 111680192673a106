"""Numbers written as words in the languages briefs use ("three", "drei", "三"), the pattern of a number, and
parsing one."""

from __future__ import annotations

import re

_NUMBER_WORDS: dict[str, int] = {
    # English
    "a single": 1, "single": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "a hundred": 100, "one hundred": 100, "a dozen": 12, "a couple of": 2,
    # Spanish
    "un": 1, "una": 1, "uno": 1, "una sola": 1, "un solo": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "cien": 100,
    # German
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "hundert": 100,
    # French
    "une seule": 1, "un seul": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "cent": 100,
    # Portuguese
    "um": 1, "uma só": 1, "um só": 1, "dois": 2, "duas": 2, "três": 3, "sete": 7, "oito": 8, "nove": 9,
    "dez": 10, "cem": 100,
    # Japanese / Chinese numerals
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    "百": 100,
}  # fmt: skip


NUMBER_WORDS: frozenset[str] = frozenset(word for word in _NUMBER_WORDS if " " not in word)


NUMBER_WORD_ALT = "|".join(
    sorted((re.escape(w) for w in _NUMBER_WORDS if w.isascii() or " " in w), key=len, reverse=True)
)


NUMBER_WORD_ALT += "|" + "|".join(
    sorted((re.escape(w) for w in _NUMBER_WORDS if not w.isascii() and " " not in w), key=len, reverse=True)
)


NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{NUMBER_WORD_ALT})(?![\w]))"


_CJK_NUMERAL = re.compile(r"^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$")


def parse_number(token: str) -> int | None:
    """An integer from digits ("150", "1,000", "３") or a number word ("three", "drei", "三"); None otherwise."""
    cleaned = token.strip().lower().replace(",", "")
    if cleaned in _NUMBER_WORDS:
        return _NUMBER_WORDS[cleaned]
    try:
        return int(float(cleaned))
    except ValueError:
        pass
    cjk = _CJK_NUMERAL.match(cleaned)
    if cjk and cleaned:
        tens_digit, ten, ones = cjk.groups()
        if ten is None:
            return None
        return _NUMBER_WORDS.get(tens_digit or "一", 1) * 10 + (_NUMBER_WORDS[ones] if ones else 0)
    return None
