"""Secrets the service must read back (webhook signing secrets), encrypted at rest with a key from SECRET_KEY.

Hashes suit credentials we only compare (API keys, passwords); a signing secret must be recovered to sign, so it
is encrypted (Fernet: AES-128-CBC with HMAC-SHA256, from `cryptography`) under a key derived from SECRET_KEY
with HKDF and a per-purpose label, so the same SECRET_KEY never yields the same key for two uses.
Rotating SECRET_KEY makes the stored secrets unreadable: rotate the webhook secrets afterwards.
"""

from __future__ import annotations

import base64


class SecretUnreadable(Exception):
    """A stored secret cannot be decrypted (SECRET_KEY changed, or the value was altered)."""


class SecretBox:
    """Encrypts and decrypts short secrets for one `purpose` under SECRET_KEY."""

    def __init__(self, secret_key: str, purpose: str) -> None:
        # Imported here, not at module level: `cryptography`'s bindings hold about 6 MB per process, and a server
        # only needs them once it stores or delivers a webhook.
        from cryptography.fernet import Fernet
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"promptsmith", info=purpose.encode()).derive(
            secret_key.encode()
        )
        self._fernet = Fernet(base64.urlsafe_b64encode(derived))

    def encrypt(self, plaintext: str) -> str:
        return self._fernet.encrypt(plaintext.encode()).decode()

    def decrypt(self, token: str) -> str:
        from cryptography.fernet import InvalidToken

        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken:
            raise SecretUnreadable("the stored secret cannot be decrypted with the current SECRET_KEY") from None
