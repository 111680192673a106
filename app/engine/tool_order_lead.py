"""The tool agent leads a support brief whose job is operating its declared tools in a stated order.

"Queremos un asistente para el chat de la web que dé citas … buscar_cliente primero … consultar_huecos antes de
reservar_cita": the brief pastes the tools and says in which order to call them, so the assistant's work is an agent's
(look up, check, book, confirm), done for customers. The model reads "customers" and "chat" and picks support; the
support job stays as a second job, so its escalation and policy rules still join the agent's tool rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import msgspec

from app.engine.archetypes import BY_ID, REGISTRY
from app.engine.archetypes.registry import Archetype
from app.engine.classify import ArchetypeMatch
from app.engine.constraints import Constraint


def _names_a_tool(text: str | None, names: set[str]) -> bool:
    """Whether `text` names one of the declared tools as a word of its own ("call quoteHire", "Siempre buscar_cliente
    primero"), not inside a longer name."""
    return bool(text) and any(re.search(rf"(?<![\w.]){re.escape(n)}(?!\w)", text or "") for n in names)


def orders_declared_tools(constraints: Sequence[Constraint]) -> bool:
    """Whether the brief declares tools and one of its orderings names one of them as a step."""
    names = {c.name for c in constraints if c.kind == "tool" and c.name}
    return bool(names) and any(
        c.kind == "ordering" and (_names_a_tool(c.first, names) or _names_a_tool(c.then, names)) for c in constraints
    )


def _own_frame(archetype: Archetype, task: str) -> bool:
    """Whether the task names one of the archetype's narrower jobs (an internal IT helpdesk for colleagues), whose
    frame is its own and not a customer-facing one."""
    return any(v.cue.search(task) and not (v.unless and v.unless.search(task)) for v in archetype.variants)


def ordered_tools_lead(
    matches: list[ArchetypeMatch], constraints: Sequence[Constraint], task: str
) -> list[ArchetypeMatch]:
    """The matches with the tool agent first when the lead yields to ordered tools (support) and the brief orders
    calls to its declared tools; the old lead stays as the first second job. A support job in a frame of its own
    ("Internal IT helpdesk bot for employees …") keeps the lead."""
    if not matches or matches[0].id not in BY_ID or not BY_ID[matches[0].id].yields_to_ordered_tools:
        return matches
    if not orders_declared_tools(constraints) or _own_frame(BY_ID[matches[0].id], task):
        return matches
    agent = next(a for a in REGISTRY if a.tools_native)
    found = next((m for m in matches if m.id == agent.id), None)
    lead = found or ArchetypeMatch(id=agent.id, score=matches[0].score, features=["ordered tools"])
    rest = [msgspec.structs.replace(m, rank="secondary") for m in matches if m.id != agent.id]
    return [msgspec.structs.replace(lead, rank="primary"), *rest[:2]]
