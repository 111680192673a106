"""Find the per-call parts of a prompt (a customer's message, names, ids, pasted documents) and propose variables."""

from app.engine.templatize._core import templatize
from app.engine.templatize._model import TemplatizeResult, VariableProposal

__all__ = ["TemplatizeResult", "VariableProposal", "templatize"]
