"""YAML named as the format of the tools the brief pastes ("Les outils (format YAML fourni par notre prestataire) :",
"Tools (YAML, from our vendor):", "Die Funktionen im YAML-Format:") is how the tools are written, not the reply's
format: a chat assistant told to answer with "One YAML document" would send its customers YAML."""

from __future__ import annotations

import re

# A tools word shortly before the YAML mention, in the same line and sentence
_TOOLS_BEFORE = re.compile(
    r"\b(?:tools?|functions?|outils?|fonctions?|herramientas?|funciones?|ferramentas?|fun[çc][õo]es|werkzeuge?|"
    r"funktionen|strumenti|funzioni|gereedschap(?:pen)?|functies|api|endpoints?|actions?)\b[^.\n]{0,40}$",
    re.IGNORECASE,
)


def yaml_names_tools(task: str, yaml_at: int) -> bool:
    """Whether the YAML mention at `yaml_at` names the format of the brief's pasted tools."""
    return _TOOLS_BEFORE.search(task[max(0, yaml_at - 60) : yaml_at]) is not None
