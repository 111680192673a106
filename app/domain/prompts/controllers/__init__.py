"""The registry's HTTP layer, one module per aggregate: prompts, versions, labels, transfer (import/export)."""

from __future__ import annotations

from app.domain.prompts.controllers.labels import LabelController
from app.domain.prompts.controllers.prompts import PromptController
from app.domain.prompts.controllers.transfer import PromptTransferController
from app.domain.prompts.controllers.versions import VersionController

__all__ = ["LabelController", "PromptController", "PromptTransferController", "VersionController"]
