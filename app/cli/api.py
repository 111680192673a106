"""A small client of the Promptsmith REST API for `sync`: API-key auth from the environment, problem+json errors."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import quote

import httpx

from app.cli.common import InputError

URL_ENV = "PROMPTSMITH_URL"
KEY_ENV = "PROMPTSMITH_API_KEY"


class ApiError(Exception):
    """The server refused a request; `status` is the HTTP status, `detail` the problem's detail."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


def _detail(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:300] or response.reason_phrase
    if isinstance(body, dict):
        return str(body.get("detail") or body.get("title") or body)
    return str(body)


class Registry:
    """The prompts of one workspace, over HTTP."""

    def __init__(self, workspace: str, *, url: str | None = None, api_key: str | None = None) -> None:
        base = url or os.environ.get(URL_ENV)
        key = api_key or os.environ.get(KEY_ENV)
        if not base:
            raise InputError(f"set {URL_ENV} to the server's URL (e.g. http://localhost:8000)")
        if not key:
            raise InputError(f"set {KEY_ENV} to an API key of the workspace")
        self.prefix = f"/api/v1/workspaces/{quote(workspace, safe='')}/prompts"
        self.http = httpx.Client(
            base_url=base.rstrip("/"),
            headers={"Authorization": f"Bearer {key}", "User-Agent": "promptsmith-cli"},
            timeout=30,
        )

    def close(self) -> None:
        self.http.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self.http.request(method, self.prefix + path, **kwargs)
        except httpx.HTTPError as exc:
            raise InputError(f"cannot reach {self.http.base_url}: {exc}") from exc
        if response.status_code == 401:
            raise InputError(f"the server rejected the API key ({_detail(response)}); check {KEY_ENV}")
        return response

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._request(method, path, **kwargs)
        if response.status_code >= 400:
            raise ApiError(response.status_code, _detail(response))
        return response.json()

    @staticmethod
    def _name(name: str) -> str:
        return "/" + quote(name, safe="")  # a `/` in a name travels as %2F inside one path segment

    def prompt(self, name: str) -> dict[str, Any] | None:
        """The prompt's metadata, labels and latest version number, or None when it does not exist."""
        response = self._request("GET", self._name(name))
        if response.status_code == 404:
            return None
        if response.status_code >= 400:
            raise ApiError(response.status_code, _detail(response))
        result: dict[str, Any] = response.json()
        return result

    def prompts(self) -> list[dict[str, Any]]:
        """Every unarchived prompt of the workspace (all pages)."""
        items: list[dict[str, Any]] = []
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"limit": 100, **({"cursor": cursor} if cursor else {})}
            page = self._json("GET", "", params=params)
            items.extend(page["items"])
            cursor = page.get("nextCursor")
            if not cursor:
                return items

    def version(self, name: str, version: int) -> dict[str, Any]:
        result: dict[str, Any] = self._json("GET", f"{self._name(name)}/versions/{version}")
        return result

    def create_prompt(self, body: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = self._json("POST", "", json=body)
        return result

    def create_version(self, name: str, body: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = self._json("POST", f"{self._name(name)}/versions", json=body)
        return result

    def update_prompt(self, name: str, body: dict[str, Any]) -> dict[str, Any]:
        result: dict[str, Any] = self._json("PATCH", self._name(name), json=body)
        return result

    def move_label(self, name: str, label: str, version: int) -> dict[str, Any]:
        result: dict[str, Any] = self._json(
            "PUT", f"{self._name(name)}/labels/{quote(label, safe='')}", json={"version": version}
        )
        return result
