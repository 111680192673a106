"""Whether the brief asks for the reply as YAML (not YAML the user works on), and as a YAML list."""

from __future__ import annotations

import re

from app.engine.archetypes.variants import ASKS_YAML
from app.engine.compose.tool_yaml import yaml_names_tools
from app.engine.tool_text import without_tools_intro

# "output yaml, a list where each item has keys": a YAML list of items, not one document
YAML_LIST = re.compile(
    r"\byaml\b[^.\n]{0,30}\b(?:list|array|sequence|items?)\b|\b(?:list|array|sequence)\b[^.\n]{0,30}\byaml\b",
    re.IGNORECASE,
)


def is_yaml_reply(task: str) -> bool:
    """Whether the brief asks for the reply as YAML and never for JSON (not YAML the user works on: "mistakes in YAML
    files", "Fehler in YAML-Dateien", nor "in Markdown, not as YAML")."""
    if re.search(r"\bjson\b", task, re.IGNORECASE):
        return False
    task = without_tools_intro(task)  # ("Les outils (format YAML fourni par …) :": the tool list's format)
    for asked in ASKS_YAML.finditer(task):
        yaml_at = task.lower().rfind("yaml", asked.start(), asked.end())
        before = task[max(0, yaml_at - 25) : yaml_at]
        # ("Output a YAML file …", "Return a YAML config …": the reply is that file)
        thing = _YAML_THING.match(task, yaml_at + 4) and not _OUTPUT_VERB_BEFORE.search(before)
        if thing or _NOT_YAML.search(before) or _WRITTEN_IN.search(before) or yaml_names_tools(task, yaml_at):
            continue  # ("Les outils (format YAML …) :": how the tools are written)
        return True
    return False


_YAML_THING = re.compile(
    r"[\s-]*(?:files?|configs?|configuration|manifests?|dateien|datei|snippets?|templates?)\b", re.I
)


_WRITTEN_IN = re.compile(
    r"\b(?:written|stored|kept|defined|saved|configured|described|geschrieben)\s+(?:in|as|als)\s+$", re.I
)


_NOT_YAML = re.compile(
    r"\b(?:not|no|never|nicht|kein\w*|pas|sin|sem|niet|non|instead\s+of|rather\s+than)\s+(?:(?:as|in|als|en|em)\s+)?$",
    re.I,
)


_OUTPUT_VERB_BEFORE = re.compile(
    r"\b(?:output|return|reply\s+with|respond\s+with|give|produce|write|send)\b[^.;]*$", re.I
)
