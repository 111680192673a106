"""The separate worker (`python -m app worker`): a worker killed mid-delivery loses nothing; the next one
delivers. Its liveness check follows its heartbeat."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar

from app.config.settings import Settings
from app.server.asgi import create_app
from tests.conftest import REDIS_URL, TEST_SECRET
from tests.integration.webhooks.conftest import Hooks, webhook_settings
from tests.integration.webhooks.receiver import Receiver

pytestmark = pytest.mark.slow


@pytest.fixture
def worker_settings(database_url: str) -> Settings:
    return webhook_settings(WEBHOOK_WORKER="external")


@pytest.fixture
async def app(worker_settings: Settings) -> Litestar:
    return create_app(worker_settings)


@pytest.fixture
def spawn(worker_settings: Settings) -> Iterator[Any]:
    """Start `python -m app worker` processes on the app's database and queue; all are killed at the end."""
    started: list[subprocess.Popen[bytes]] = []
    env = {
        **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "VIRTUAL_ENV", "PYTHONPATH")},
        "ENVIRONMENT": "test",
        "SECRET_KEY": TEST_SECRET,
        "DATABASE_URL": worker_settings.database_url,
        "REDIS_URL": REDIS_URL,
        "REDIS_NAMESPACE": worker_settings.redis_namespace,
        "WEBHOOK_ALLOW_PRIVATE_TARGETS": "true",
        "WEBHOOK_TIMEOUT": "2",
        "WEBHOOK_POLL_INTERVAL": "0.1",
        "WEBHOOK_RETRY_BASE": "0.2",
        "LOG_LEVEL": "WARNING",
        "LOG_FORMAT": "json",
    }

    def start(name: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen([sys.executable, "-m", "app", "worker", "--name", name], env=env)
        started.append(process)
        return process

    def check(name: str) -> int:
        return subprocess.run(
            [sys.executable, "-m", "app", "worker", "--check", "--name", name], env=env, timeout=60, check=False
        ).returncode

    start.check = check  # type: ignore[attr-defined]
    start.env = env  # type: ignore[attr-defined]
    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


async def _wait_until(predicate: Any, timeout: float) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.2)


async def test_a_worker_killed_mid_delivery_is_followed_by_a_later_delivery(
    hooks: Hooks, receiver: Receiver, spawn: Any
) -> None:
    receiver.script = ["hang"]  # the first attempt never gets an answer: the worker is mid-job when killed
    created = await hooks.subscribe(receiver.url(), events=["version.created"])
    await hooks.create_prompt("survivor")
    await hooks.add_version("survivor", "You are a survivor. Answer in one line.")
    await asyncio.sleep(0.5)
    assert receiver.received == [], "the API process must not deliver in external mode"

    first = spawn(f"first-{uuid.uuid4().hex[:6]}")
    await receiver.wait_for(1, timeout=60)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    receiver.drop_connections()
    [delivery] = await hooks.deliveries(created["id"])
    assert delivery["status"] == "pending"
    assert delivery["attempts"] == 0

    second_name = f"second-{uuid.uuid4().hex[:6]}"
    spawn(second_name)
    received = await receiver.wait_for(2, timeout=60)
    assert received[1].answered == 200
    assert received[1].json["id"] == received[0].json["id"]

    async def delivered() -> bool:
        items = await hooks.deliveries(created["id"])
        return bool(items[0]["status"] == "delivered")

    await _wait_until(delivered, 10)
    assert await asyncio.to_thread(spawn.check, second_name) == 0
    assert await asyncio.to_thread(spawn.check, f"never-started-{uuid.uuid4().hex[:6]}") == 1
