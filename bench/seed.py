"""Bench data: the account, workspace and API key through the app's HTTP API (cheap, and exercises the real
paths), prompts in bulk through SQL (volume: executemany of Core inserts, or INSERT ... SELECT generate_series).

Bulk rows are built from the ORM tables' metadata, so Python-side column defaults (ids, timestamps, flags)
follow the models; the content hash uses the registry's own function when it is importable.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import Table, text
from sqlalchemy.ext.asyncio import AsyncEngine

PASSWORD = "bench password: correct horse battery staple"  # noqa: S105 - throwaway bench account
HOT_PROMPT = "bench-hot"
WRITE_PROMPT = "bench-writes"
WRITE_POOL_PREFIX = "bench-w-"
WRITE_POOL = 256
"""Prompts `bench-w-0000000` ... that `create_version_distinct` spreads its writes over (more than the connections)."""
HOT_TEXT = (
    "You are the support assistant for Acme's billing app. Answer the customer's question about "
    "{{topic}} in {{language}}. Be concise, cite the relevant help-centre article, and escalate refunds "
    "over $500 to a human agent."
)
HOT_VARIABLES = [
    {"name": "topic", "type": "string", "required": True, "description": "What the customer asks about"},
    {"name": "language", "type": "string", "required": True, "description": "Reply language"},
]


class SetupError(RuntimeError):
    pass


@dataclass
class Account:
    cookie: str
    csrf: str
    workspace: str
    workspace_id: str
    api_key: str

    @property
    def key_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}


def _check(response: httpx.Response, expected: int, what: str) -> dict[str, Any]:
    if response.status_code != expected:
        raise SetupError(f"{what}: expected {expected}, got {response.status_code}: {response.text[:500]}")
    return response.json() if response.content else {}


def _cookie_header(response: httpx.Response) -> str:
    # Production sessions use Secure cookies, which a client talking plain http to 127.0.0.1 would not send
    # back by itself: carry them by hand.
    return "; ".join(f"{name}={value}" for name, value in response.cookies.items())


async def create_account(base_url: str) -> Account:
    """Register, create a workspace and a read+write API key, all through the HTTP API."""
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        email = f"bench-{uuid.uuid4().hex[:10]}@example.com"
        response = await client.post(
            "/api/v1/auth/register", json={"email": email, "password": PASSWORD, "displayName": "Bench"}
        )
        body = _check(response, 201, "register")
        cookie, csrf = _cookie_header(response), body["csrfToken"]
        headers = {"Cookie": cookie, "X-CSRF-Token": csrf}
        workspace = _check(
            await client.post("/api/v1/workspaces", json={"name": "Bench"}, headers=headers), 201, "create workspace"
        )
        slug = workspace["slug"]
        key = _check(
            await client.post(
                f"/api/v1/workspaces/{slug}/api-keys",
                json={"name": "bench", "scopes": ["read", "write", "admin"]},
                headers=headers,
            ),
            201,
            "create API key",
        )["key"]
    return Account(cookie=cookie, csrf=csrf, workspace=slug, workspace_id=str(workspace["id"]), api_key=key)


async def create_prompt_http(base_url: str, account: Account, name: str, labels: list[str]) -> dict[str, Any]:
    """A prompt with one version (and labels) through the API, as a client would publish it."""
    async with httpx.AsyncClient(base_url=base_url, timeout=30, headers=account.key_headers) as client:
        base = f"/api/v1/workspaces/{account.workspace}/prompts"
        _check(await client.post(base + "/", json={"name": name, "kind": "text"}), 201, f"create prompt {name}")
        return _check(
            await client.post(
                f"{base}/{name}/versions",
                json={"text": HOT_TEXT, "variables": HOT_VARIABLES, "commitMessage": "bench", "labels": labels},
            ),
            201,
            f"create version of {name}",
        )


def _hash(text_value: str, variables: list[dict[str, Any]]) -> str:
    try:
        import msgspec

        from app.domain.prompts.pure.content import content_hash
        from app.domain.prompts.schemas import ModelConfig
        from app.engine.types import Variable

        return content_hash("text", text_value, None, msgspec.convert(variables, list[Variable]), ModelConfig())
    except Exception:  # noqa: BLE001 - any registry change: fall back to a plain digest (still unique)
        return hashlib.sha256(text_value.encode()).hexdigest()


def _table(name: str) -> Table:
    from advanced_alchemy.base import orm_registry

    from app.db import models  # noqa: F401 - registers every table on the metadata

    return orm_registry.metadata.tables[name]


async def bulk_prompts(
    engine: AsyncEngine,
    workspace_id: str,
    count: int,
    *,
    prefix: str = "bulk-",
    label: str | None = "production",
    batch: int = 5000,
) -> None:
    """`count` text prompts with one version each (and `label` on it), inserted with executemany."""
    prompt_t, version_t, label_t = _table("prompt"), _table("prompt_version"), _table("prompt_label")
    ws = uuid.UUID(workspace_id)
    base_hash_text = "You are a helpful assistant for team {n}. Answer questions about {{topic}} briefly."
    async with engine.begin() as conn:
        for start in range(0, count, batch):
            prompts, versions, labels = [], [], []
            for n in range(start, min(count, start + batch)):
                pid = uuid.uuid4()
                body = base_hash_text.replace("{n}", str(n))
                prompts.append(
                    {
                        "id": pid,
                        "workspace_id": ws,
                        "name": f"{prefix}{n:07d}",
                        "description": "",
                        "kind": "text",
                        "archived": False,
                        "version_count": 1,
                        "revision": 1,
                    }
                )
                versions.append(
                    {
                        "prompt_id": pid,
                        "version": 1,
                        "text": body,
                        "variables": [],
                        "model_config": {},
                        "commit_message": "seed",
                        "author_type": "user",
                        "author_label": "bench",
                        "source": "imported",
                        "content_hash": hashlib.sha256(body.encode()).hexdigest(),
                    }
                )
                if label:
                    labels.append({"prompt_id": pid, "name": label, "version": 1})
            await conn.execute(prompt_t.insert(), prompts)
            await conn.execute(version_t.insert(), versions)
            if labels:
                await conn.execute(label_t.insert(), labels)
        await conn.execute(text("ANALYZE"))


# --- generate_series bulk (growth) ---------------------------------------------------------------------


def _literal_default(table: Table, column: str) -> str | None:
    col = table.c[column]
    default = col.default
    if default is not None and getattr(default, "is_scalar", False):
        value = getattr(default, "arg", None)
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (int, float)):
            return str(value)
        if isinstance(value, str):
            return "'" + value.replace("'", "''") + "'"
    if default is not None and getattr(default, "is_callable", False):
        # list/dict factories of JSONB columns
        name = getattr(getattr(default, "arg", None), "__name__", "")
        if "list" in name:
            return "'[]'::jsonb"
        if "dict" in name:
            return "'{}'::jsonb"
    return None


def insert_select_sql(table: Table, exprs: dict[str, str], from_clause: str) -> str:
    """`INSERT INTO table (cols) SELECT exprs FROM from_clause`, filling other NOT NULL columns from defaults."""
    cols, values = [], []
    for column in table.columns:
        if column.name in exprs:
            expr = exprs[column.name]
        elif column.name in {"created_at", "updated_at"}:
            expr = "now()"
        elif column.name == "id":
            expr = "gen_random_uuid()"
        else:
            literal = _literal_default(table, column.name)
            if literal is None:
                if column.nullable or column.server_default is not None:
                    continue
                raise SetupError(f"bulk insert: no value for NOT NULL column {table.name}.{column.name}")
            expr = literal
        cols.append(f'"{column.name}"')
        values.append(expr)
    # Built only from the table metadata and the harness's own expressions (no outside input).
    return f'INSERT INTO "{table.name}" ({", ".join(cols)}) SELECT {", ".join(values)} FROM {from_clause}'  # noqa: S608
