"""The brief's own route for a failed tool replaces the end of the default retry rule.

"If the tools fail … say: "Sorry, I can't do that here. Please ring …"", "投诉或者工具出错 → transfer_human",
"wenn technisch was nicht klappt: …", "ツールがエラーのときは「…」と返す": the brief says what happens when a tool
fails, so the default "… then tell the person it did not work" would give a second, contradicting route.
"""

from __future__ import annotations

import re

# A tool failure the brief names, in the languages briefs come in.
_TOOL_FAILS = re.compile(
    r"\b(?:tools?|api|apis|system|systems|lookup|booking\s+system|function\s+calls?)\s+(?:\w+\s+)?"
    r"(?:fails?|failed|errors?|is\s+down|are\s+down|times?\s+out|returns?\s+an?\s+error|doesn['’]t\s+work|don['’]t\s+work)\b|"
    r"\b(?:tool|api)\s+(?:errors?|failures?|outages?)\b|\bif\s+(?:a|the|any)\s+(?:tool|call)\s+(?:call\s+)?fails\b|"
    r"\b(?:technisch|das\s+tool|die\s+tools|ein\s+tool)\b[^.\n]{0,20}\b(?:nicht\s+klappt|fehlschl[äa]gt|ausf[äa]llt|"
    r"einen\s+fehler|fehler\s+(?:gibt|liefert|meldet))|\bbei\s+(?:einem\s+)?(?:tool-?)?fehler\w*|"
    r"\b(?:herramientas?|api|sistema)\s+(?:\w+\s+)?(?:falla|fallan|da\s+error|dan\s+error|no\s+funciona)\b|"
    r"\b(?:outils?|api|syst[èe]me)\s+(?:\w+\s+)?(?:[ée]choue|[ée]chouent|plante|renvoie\s+une\s+erreur|ne\s+marche\s+pas)\b|"
    r"\ben\s+cas\s+d['’](?:erreur|[ée]chec)\s+(?:d['’]un\s+outil|technique)\b|"
    r"\b(?:strument[oi]|tool|api|sistema)\s+(?:\w+\s+)?(?:fallisce|falliscono|d[àa]\s+errore|non\s+funziona)\b|"
    r"\b(?:ferramentas?|api|sistema)\s+(?:\w+\s+)?(?:falhar|falha|der\s+erro|d[áa]\s+erro)\b|"
    r"\b(?:tools?|api|systeem)\s+(?:\w+\s+)?(?:faalt|falen|een\s+fout\s+geeft|werkt\s+niet)\b|"
    r"(?:ツール|API|システム)(?:が|の)?(?:エラー|失敗|不具合)|(?:工具|接口|系统)(?:调用)?(?:出错|报错|失败|异常)",
    re.IGNORECASE,
)
_DEFAULT_END = re.compile(
    r"^(If a tool returns an error, retry once with corrected arguments), then (?:tell the person it did not work|"
    r"report the failure)\.$"
)


def with_own_failure_route(text: str, task: str) -> str:
    """The default retry rule ending in the brief's own route when the brief names one; any other text as it is."""
    match = _DEFAULT_END.match(text)
    if match is None or _TOOL_FAILS.search(task) is None:
        return text
    return f"{match.group(1)}; if it fails again, do what this prompt says to do when a tool fails."
