from __future__ import annotations


async def test_live_and_ready_pass(client):
    live = await client.get("/health/live")
    assert live.status_code == 200
    assert live.headers["content-type"] == "application/health+json"
    ready = await client.get("/health/ready")
    assert ready.status_code == 200, ready.text
    body = ready.json()
    assert body["status"] == "pass"
    assert body["checks"]["database:responseTime"][0]["status"] == "pass"
    assert body["checks"]["redis:responseTime"][0]["status"] == "pass"
