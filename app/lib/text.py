"""Names people read: no control characters, no invisible or bidirectional-formatting characters, something visible.

A workspace, API key or display name made of zero-width spaces, or carrying a right-to-left override that makes
`evil.exe‮gpj.` read `evil.jpg.exe`, is a way to impersonate or to hide; such names are refused. Joiners
(U+200C, U+200D) stay allowed, since Persian, Indic scripts and emoji sequences need them, but a name still
needs one visible character.

The rule is a regular expression so that the OpenAPI document states it (as `pattern`) and the API enforces
exactly that; `app.lib.problems` turns a mismatch into a sentence instead of the expression.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

_REFUSED = (
    r"\x00-\x1f\x7f-\x9f"  # C0 and C1 controls (newlines, escapes)
    r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks, embeddings, overrides and isolates
    r"\u200b\u2060-\u2064\u206a-\u206f\ufeff"  # zero-width space, word joiner, invisible operators, BOM
)
_BLANK = r"\s\u200c\u200d\u115f\u1160\u3164\uffa0\u2800"  # spaces, joiners and the letters that draw nothing
VISIBLE_NAME_PATTERN = f"^[^{_REFUSED}]*[^{_REFUSED}{_BLANK}][^{_REFUSED}]*$"
VISIBLE_NAME_MESSAGE = "must have a visible character and no control, invisible or bidirectional-formatting characters"

VisibleName = Annotated[str, msgspec.Meta(min_length=1, max_length=120, pattern=VISIBLE_NAME_PATTERN)]
"""A name of up to 120 characters under the rule above (workspaces, API keys, display names)."""
