"""A version's model settings accept what models take and refuse absurd numbers (maxTokens once took 10^30)."""

from __future__ import annotations

import msgspec
import pytest

from app.domain.prompts.schemas import MAX_OUTPUT_TOKENS, ModelConfig


@pytest.mark.parametrize("value", [1, 4096, 2_000_000, MAX_OUTPUT_TOKENS])
def test_realistic_max_tokens_are_accepted(value):
    assert msgspec.convert({"maxTokens": value}, ModelConfig).max_tokens == value


@pytest.mark.parametrize("value", [0, -1, MAX_OUTPUT_TOKENS + 1, 10**30])
def test_absurd_max_tokens_are_refused(value):
    with pytest.raises(msgspec.ValidationError, match="maxTokens"):
        msgspec.convert({"maxTokens": value}, ModelConfig)
