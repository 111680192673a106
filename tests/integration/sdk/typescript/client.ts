// A small client program written the way an SDK user would write it: plain calls with only the fields
// they care about. `tsc` must accept it against the types openapi-typescript generates from our OpenAPI
// document (tests/integration/sdk/test_typescript_client.py); a field with a server-side default that the
// document marks as required, or a missing security or CSRF declaration, breaks it.
import createClient from "openapi-fetch";
import type { components, operations, paths } from "./generated/schema";

type Schemas = components["schemas"];

export async function walkthrough(baseUrl: string, apiKey: string, csrfToken: string): Promise<string> {
  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${apiKey}` } });
  const workspace = "support";

  const created = await api.POST("/api/v1/workspaces/{workspace}/prompts", {
    params: { path: { workspace } },
    body: { name: "support/billing" },
  });
  const prompt: Schemas["PromptOut"] | undefined = created.data;

  const version = await api.POST("/api/v1/workspaces/{workspace}/prompts/{name}/versions", {
    params: { path: { workspace, name: "support/billing" } },
    body: { text: "You are Acme's billing assistant. Answer {{question}}.", commitMessage: "first" },
  });

  await api.PUT("/api/v1/workspaces/{workspace}/prompts/{name}/labels/{label}", {
    params: { path: { workspace, name: "support/billing", label: "production" } },
    body: { version: version.data?.version ?? 1 },
  });

  const resolved = await api.GET("/api/v1/workspaces/{workspace}/prompts/{name}/resolve", {
    params: { path: { workspace, name: "support/billing" }, query: { label: "production" } },
  });

  const generated = await api.POST("/api/v1/generate", {
    body: { task: "Answer billing questions for Acme using the help-center article", target: "claude" },
  });

  const linted = await api.POST("/api/v1/lint", { body: { prompt: generated.data?.prompt ?? "" } });

  // A person's session: writes carry the CSRF token the document declares.
  const people = createClient<paths>({ baseUrl, credentials: "include" });
  await people.POST("/api/v1/workspaces/{workspace}/api-keys", {
    params: { path: { workspace }, header: { "X-CSRF-Token": csrfToken } },
    body: { name: "ci", scopes: ["read"] },
  });

  const renderOp: operations["renderPrompt"]["requestBody"] | undefined = undefined;
  void renderOp;
  return `${prompt?.name}:${resolved.data?.version}:${linted.data?.score}`;
}
