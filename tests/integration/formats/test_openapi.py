"""The OpenAPI document describes the import and export parameters, media types and results."""

from __future__ import annotations

from typing import Any


def _operation(document: dict[str, Any], operation_id: str) -> dict[str, Any]:
    for path in document["paths"].values():
        for operation in path.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return operation
    raise AssertionError(operation_id)


def _params(operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "query"}


async def test_import_and_export_parameters_and_media_types_are_documented(client: Any) -> None:
    document = (await client.get("/schema/openapi.json")).json()
    imported = _operation(document, "importPrompts")
    params = _params(imported)
    assert {"format", "filename", "dryRun"} <= set(params)
    formats = str(params["format"]["schema"])
    for fmt in ("dotprompt", "prompty", "langfuse", "openai", "markdown", "zip"):
        assert fmt in formats
    assert "unmapped" in imported["description"]
    assert "dryRun" in imported["description"]
    result = document["components"]["schemas"]["ImportResult"]["properties"]
    assert {"dryRun", "format", "prompts"} <= set(result)
    version = document["components"]["schemas"]["ImportedVersion"]["properties"]
    assert {"fileVersion", "version", "created", "unmapped", "variablesInferred"} <= set(version)

    one = _operation(document, "exportPrompt")
    assert {"format", "label", "version"} <= set(_params(one))
    assert {"application/json", "text/x-dotprompt", "text/x-prompty", "text/markdown"} <= set(
        one["responses"]["200"]["content"]
    )
    workspace = _operation(document, "exportPrompts")
    assert {"format", "folder", "label"} <= set(_params(workspace))
    assert "Promptsmith-Unmapped" in workspace["description"]
