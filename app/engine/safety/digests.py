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


# Someone reads or pastes their own report ("patients paste their report", "for the patient"): the digest is a
# health chat with that person, so the pack stays.
_PERSON_READS = re.compile(
    r"\b(?:patients?|person|people|customers?|clients?|users?|members?|parents?|famil(?:y|ies)|residents?|callers?|"
    r"you(?:r)?\s+(?:own\s+)?(?:results?|reports?)|their\s+own|pacientes?|kunden|patient(?:en|in)?|"
    r"pazient[ei]|pati[ëe]nten|usuari[oa]s?|utilisateurs?|clientes?)\b|"
    r"\bpaste[sd]?\b|\bpasting\b|患者|利用者",
    re.IGNORECASE,
)
# Health results are no operational report: "blood test", "lab report", "scan", "doctor's report", "discharge letter"
_HEALTH_RESULTS = re.compile(
    r"\b(?:blood\s+(?:tests?|work|results?|counts?)|lab(?:oratory)?\b|scans?|x-?rays?|mri|ct\b|biops\w+|"
    r"(?:doctor|doctors|doctor['’]s|gp['’]?s?|consultant['’]?s?|medical|clinical|clinic|hospital|pathology|"
    r"radiology)\s+(?:reports?|letters?|notes?|results?)|discharge\s+(?:letters?|summar\w+|notes?)|"
    r"prescriptions?|test\s+results?|reference\s+ranges?|diagnos\w+|befund\w*|arztbrief\w*|blutwert\w*|"
    r"analy(?:se|ses|tique)s?\s+(?:de\s+sang|sanguines?)|analíticas?|an[áa]lisis\s+de\s+sangre|receta|"
    r"ordonnance|informe\s+m[ée]dico|compte\s+rendu\s+m[ée]dical)\b|血液検査|診断書|检验报告",
    re.IGNORECASE,
)


def digests_reports(lowered: str) -> bool:
    """Whether the brief asks for a digest of operational reports, logs or handovers for staff (a summary, a short
    version, a recap). A person reading or pasting the report, or health results (a blood test, a scan, a doctor's
    report, a discharge letter, a prescription), make it a health chat: no digest then."""
    if _DIGEST.search(lowered) is None or _REPORTS.search(lowered) is None:
        return False
    return _PERSON_READS.search(lowered) is None and _HEALTH_RESULTS.search(lowered) is None
