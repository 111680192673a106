"""Registry of assistant archetypes, in a fixed order (the order breaks classification ties)."""

from __future__ import annotations

from app.engine.archetypes.analysis import RESEARCH_ANALYST, SQL_ANALYST
from app.engine.archetypes.data import DATA_ARCHETYPES
from app.engine.archetypes.evaluation import EVALUATION_ARCHETYPES
from app.engine.archetypes.language import LANGUAGE_ARCHETYPES
from app.engine.archetypes.registry import Archetype, Feature
from app.engine.archetypes.work import CODE_REVIEWER, CODING_ASSISTANT, CUSTOMER_SUPPORT, TOOL_AGENT

REGISTRY: tuple[Archetype, ...] = (
    CUSTOMER_SUPPORT,
    CODING_ASSISTANT,
    CODE_REVIEWER,
    SQL_ANALYST,
    TOOL_AGENT,
    RESEARCH_ANALYST,
    *DATA_ARCHETYPES,
    *EVALUATION_ARCHETYPES,
    *LANGUAGE_ARCHETYPES,
)
BY_ID: dict[str, Archetype] = {a.id: a for a in REGISTRY}
ARCHETYPES: list[str] = [a.id for a in REGISTRY]
FALLBACK_ID = "general_assistant"

__all__ = ["ARCHETYPES", "BY_ID", "FALLBACK_ID", "REGISTRY", "Archetype", "Feature"]
