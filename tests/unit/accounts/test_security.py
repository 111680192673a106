from __future__ import annotations

from app.domain.access.secrets import generate_api_key, parse_api_key, secret_matches
from app.domain.accounts.passwords import hash_password, verify_password
from app.lib.emails import normalize_email


def test_generated_key_round_trips_and_only_the_hash_is_kept():
    material = generate_api_key()
    assert material.full.startswith(material.prefix + "_")
    assert material.prefix.startswith("psk_")
    prefix, secret = parse_api_key(material.full)
    assert prefix == material.prefix
    assert secret not in material.secret_hash
    assert secret_matches(secret, material.secret_hash)
    assert not secret_matches(secret + "x", material.secret_hash)


def test_malformed_keys_are_rejected():
    for raw in ["", "psk_", "psk_zzzzzzzzzzzz_" + "a" * 43, "sk_0123456789ab_" + "a" * 43, "psk_0123456789ab_short"]:
        assert parse_api_key(raw) is None


def test_keys_are_unique():
    assert len({generate_api_key().full for _ in range(200)}) == 200


def test_email_normalisation():
    assert normalize_email("  Ada@Example.COM ") == "ada@example.com"


async def test_argon2id_with_owasp_parameters():
    hashed = await hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert await verify_password(hashed, "correct horse battery")
    assert not await verify_password(hashed, "wrong horse battery")
    assert not await verify_password(None, "anything at all")
    assert not await verify_password("not-a-hash", "anything at all")
