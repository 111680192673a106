"""A script the brief names beside the reply language ("Answer in Serbian, Latin script", "auf Serbisch in
lateinischer Schrift", "日本語で、ひらがなだけ"): it stays in the language rule, never dropped for the bare name."""

from __future__ import annotations

import re

_SCRIPT = re.compile(
    r"(?P<latin>\blatin(?:\s+(?:script|alphabet|letters|characters))|\blateinische[nmr]?\s+(?:schrift|buchstaben)|"
    r"\b(?:alfabeto|caracteres|caratteri)\s+lat[ií]n[oi]s?|\bcaract[èe]res\s+latins|\balphabet\s+latin|latijnse\s+letters)|"
    r"(?P<cyrillic>\bcyrillic(?:\s+(?:script|alphabet|letters))?|\bkyrillisch\w*|\bcir[íi]lic[oa]|\bcyrillique|"
    r"\bcirillic[oa]|\bcyrillisch)|"
    r"(?P<hiragana>\bhiragana|ひらがな|平仮名)|(?P<katakana>\bkatakana|カタカナ|片仮名)|(?P<kana>\bkana\b|かな)|"
    r"(?P<romaji>\brom[aā]ji\b|ローマ字)|(?P<pinyin>\bpinyin\b|拼音)",
    re.IGNORECASE,
)
_LABELS = {"latin": "Latin script", "cyrillic": "Cyrillic script"}
_ONLY = re.compile(r"\s*(?:only|alone|だけ|のみ|solamente|nur|uniquement|soltanto|apenas)", re.IGNORECASE)
_STOP = re.compile(r"[.;!?。；！？\n]")


def script_after(text: str, end: int) -> tuple[str, int] | None:
    """(English words for the script, where they end) named in the same sentence just after a language name."""
    stop = _STOP.search(text, end)
    limit = min(stop.start() if stop is not None else len(text), end + 60)
    match = _SCRIPT.search(text, end, limit)
    if match is None or match.lastgroup is None:
        return None
    label = _LABELS.get(match.lastgroup, match.lastgroup)
    only = _ONLY.match(text, match.end())
    return (f"{label} only" if only else label), (only.end() if only else match.end())
