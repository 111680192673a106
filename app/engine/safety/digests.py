"""A brief whose job is a digest of reports ("a short version of the DSM's show report", "summarise the site's
incident logs"): the first aid and injuries in those reports are content to sum up, never a health chat, so they
bring no medical pack."""

from __future__ import annotations

import re

_DIGEST = re.compile(
    r"\b(?:summar(?:y|ies|ise|ize|ised|ized|ising|izing)|digests?|short(?:er)?\s+version|condens\w*|recaps?|"
    r"boil\w*\s+(?:it\s+|them\s+)?down|zusammenfass\w*|kurzfassung|r[ée]sum[ée]\w*|r[ée]sumer|resum\w*|riassun\w*|"
    r"sintesi|samenvat\w*)|要約|摘要|总结|汇总",
    re.IGNORECASE,
)
_REPORTS = re.compile(
    r"\b(?:reports?|logs?|minutes|handovers?|write-?ups?|incident\s+forms?|shift\s+notes|berichte?n?|protokoll\w*|"
    r"rapports?|comptes?\s+rendus?|informes?|actas?|relat[óo]rios?|verbali|rapporti|verslag\w*)\b|報告|日報|报告|日志",
    re.IGNORECASE,
)


def digests_reports(lowered: str) -> bool:
    """Whether the brief asks for a digest of reports or logs (a summary, a short version, a recap)."""
    return _DIGEST.search(lowered) is not None and _REPORTS.search(lowered) is not None
