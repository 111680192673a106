"""A limit on the text around one part of the reply: "at most 80 words outside the table", "100 words max, excluding
the code block", "80 mots maximum hors tableau", "höchstens 60 Wörter außerhalb der Tabelle", "máximo 70 palabras
fuera de la tabla", "al massimo 80 parole fuori dalla tabella", "表以外は80字以内", "表格以外不超过80字".

Read as a limit on the whole reply, such a rule cuts the very part the brief exempts (the table, the code), so the
scope names the text around that part: "the text outside the table".
"""

from __future__ import annotations

import re

# The parts a limit can leave out, in the languages briefs are written in, with the English name the prompt uses.
_PART_NAMES: tuple[tuple[str, str], ...] = (
    ("code block", r"code[\s-]?blo(?:ck|k)s?|bloc(?:s)?\s+de\s+code|bloques?\s+de\s+c[óo]digo|"
     r"blocc(?:o|hi)\s+di\s+codice|blocos?\s+de\s+c[óo]digo|code-?bl[öo]cke?"),
    ("code", r"code|c[óo]digo|codice|snippets?"),
    ("table", r"tables?|tableaux?|tabellen?|tablas?|tabel(?:a|las?|len)?"),
    ("list", r"lists?|listes?|listen?|listas?|lijst(?:en)?"),
    ("JSON", r"json"),
)  # fmt: skip
_PART = "|".join(f"(?P<p{index}>{pattern})" for index, (_, pattern) in enumerate(_PART_NAMES))

# The words that leave a part out, with the article before the part (if any).
_OUTSIDE = (
    r"(?:outside(?:\s+of)?|excluding|not\s+counting|not\s+including|besides|aside\s+from|"
    r"hors(?:\s+d[ue]s?|\s+de\s+la|\s+de\s+l['’])?|en\s+dehors\s+d(?:u|es|e\s+la|e\s+l['’])|sans\s+compter|"
    r"à\s+l['’]exclusion\s+d(?:u|es|e\s+la|e\s+l['’])|"
    r"au(?:ß|ss)erhalb|exklusive|exkl\.|abgesehen\s+von|"
    r"fuera\s+de|sin\s+contar|excluyendo|aparte\s+de|sin\s+incluir|"
    r"fuori|escludendo|esclus[oaie]|senza\s+contare|"
    r"fora\s+d|sem\s+contar|excluindo|"
    r"buiten|exclusief|excl\.)"
)
_ARTICLE = (
    r"(?:the|your|any|le|la|les|l['’]|du|des|der|dem|den|die|das|el|los|las|del|il|lo|dal|dalla|dai|dalle|della|"
    r"o|a|os|as|da|do|das|dos|de|het)"
)
_OBJECT = rf"(?:{_ARTICLE}\s*)?(?:{_PART})\b"
# After the limit: "80 words outside the table", "100 words max, excluding the code block", "(not counting the code)"
_AFTER = re.compile(
    rf"\s*(?:max(?:imum)?\.?|maximum|máximo|massimo|maximal|maximaal|au\s+plus|at\s+most|tops)?"
    rf"(?:\s*(?:per|each|a|an|every|par|pro|por|pour|je)\s+[^\W\d_]+)?\s*[,(–—-]?\s*"
    rf"{_OUTSIDE}\s*{_OBJECT}",
    re.IGNORECASE,
)
# After the limit, the part first: "80 parole, tabella esclusa", "60 Wörter (Tabelle nicht mitgezählt)"
_AFTER_PART_FIRST = re.compile(
    rf"\s*[,(–—-]?\s*(?:{_ARTICLE}\s+)?(?:{_PART})\s+(?:nicht\s+mitgez[äa]hlt|ausgenommen|esclus[oaie]|"
    rf"exclu(?:e?s?)|excluid[oa]s?|niet\s+meegeteld|not\s+counted|excluded)\b",
    re.IGNORECASE,
)
# Before the limit, opening its clause: "Outside the table, at most 80 words", "Außerhalb der Tabelle höchstens 60
# Wörter", "Hors tableau : 80 mots maximum", "keep the text outside the table to at most 80 words"
_BEFORE = re.compile(rf"{_OUTSIDE}\s*{_OBJECT}[^.;!?\n]{{0,30}}$", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[.;!?\n]")

# "表以外は", "表の外の文章は", "コードブロックを除いて", "表格以外的文字", "除表格外", "除了代码块之外": CJK,
# before the limit
_CJK_PARTS: tuple[tuple[str, str], ...] = (
    ("code block", r"コードブロック|代码块|程式碼區塊|代碼塊"),
    ("code", r"コード|代码|代碼|程式碼"),
    ("table", r"表格|表|テーブル"),
    ("list", r"リスト|列表|清单"),
)
_CJK_PART = "|".join(f"(?P<p{index}>{pattern})" for index, (_, pattern) in enumerate(_CJK_PARTS))
_CJK_BEFORE = re.compile(
    rf"(?:除了?\s*)?(?:{_CJK_PART})\s*(?:以外|之外|の外|外|を除(?:いて|く|き))"
    r"[^。．！？!?;；\n]{0,12}$"
)


OUTSIDE_PREFIX = "the text outside the "


def _name(match: re.Match[str], names: tuple[tuple[str, str], ...]) -> str:
    index = next(int(key[1:]) for key, value in match.groupdict().items() if key.startswith("p") and value)
    return OUTSIDE_PREFIX + names[index][0]


def outside_scope(text: str, start: int, end: int) -> str | None:
    """ "the text outside the table" when the limit at `start`-`end` leaves a part of the reply out; else None."""
    after = _AFTER.match(text, end) or _AFTER_PART_FIRST.match(text, end)
    if after is not None:
        return _name(after, _PART_NAMES)
    opening = max((m.end() for m in _CLAUSE_START.finditer(text, max(0, start - 80), start)), default=0)
    before = _BEFORE.search(text, max(opening, start - 80), start)
    return _name(before, _PART_NAMES) if before is not None else None


def cjk_outside_scope(text: str, start: int) -> str | None:
    """ "the text outside the table" for a CJK limit after "表以外は", "表格以外", "除代码块外"; else None."""
    before = _CJK_BEFORE.search(text, max(0, start - 24), start)
    return _name(before, _CJK_PARTS) if before is not None else None
