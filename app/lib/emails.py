"""The one stored form of an email address, shared by identity (login, register) and workspaces (invites).

Addresses are compared in their NFKC, case-folded form, so look-alike spellings of one address (`ＡＤＡ@x.io`
in full-width letters, `Straße` and `STRASSE`) are one account. Letters of Latin, Greek and Cyrillic mixed in one
part of an address (`pаypal.com` with a Cyrillic `а`) are refused: such mixes exist to impersonate.
"""

from __future__ import annotations

import unicodedata

CONFUSABLE_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")


def normalize_email(email: str) -> str:
    """Trimmed, NFKC-normalised and case-folded: the one form stored and compared."""
    return unicodedata.normalize("NFKC", email.strip()).casefold()


def mixed_script_part(email: str) -> str | None:
    """The part of `email` (local part or domain) whose letters mix Latin, Greek and Cyrillic, if any."""
    for part in normalize_email(email).split("@"):
        scripts = set()
        for char in part:
            if char.isalpha():
                script = unicodedata.name(char, "").split(" ", 1)[0]
                if script in CONFUSABLE_SCRIPTS:
                    scripts.add(script)
        if len(scripts) > 1:
            return part
    return None
