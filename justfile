# Promptsmith tasks. Run with `uv run just <recipe>` (rust-just is a dev dependency).

set shell := ["bash", "-euo", "pipefail", "-c"]

# List recipes
default:
    @just --list

# Serve the API (embedded SQLite + memory stores unless DATABASE_URL / REDIS_URL are set)
serve *ARGS:
    uv run python -m app serve {{ARGS}}

# The whole test suite: lint, type check, then pytest against real PostgreSQL and Redis
test *ARGS: lint typecheck
    uv run pytest -n 2 --dist loadgroup --max-worker-restart=0 {{ARGS}}

# Tests only, no static checks
pytest *ARGS:
    uv run pytest {{ARGS}}

# ruff lint and format check
lint:
    uv run ruff check .
    uv run ruff format --check .

# mypy, strict
typecheck:
    uv run mypy app

# Format the code
fmt:
    uv run ruff format .
    uv run ruff check --fix .

# Apply migrations to DATABASE_URL
migrate:
    uv run python -m app database upgrade --no-prompt

# Create a new migration from model changes
make-migration MESSAGE:
    uv run python -m app database make-migrations -m "{{MESSAGE}}" --no-prompt

# Write the OpenAPI document to app/server/openapi.json (committed; served at /schema/openapi.json)
openapi OUT="app/server/openapi.json":
    uv run python -m app schema openapi --output {{OUT}}

# Lint prompt files with the offline engine
lint-prompts *FILES:
    uv run python -m app lint {{FILES}}

# Evaluate the generation engine on the brief corpus (figures, not a gate); --holdout, --verbose, --json
eval *ARGS:
    uv run python -m bench.eval.run {{ARGS}}

# Benchmark against a bare Litestar app (needs wrk); QUICK=1 for the quick mode
bench *ARGS:
    uv run python -m bench.run {{ARGS}}

# Resolve and list latency as the version count grows
bench-growth *ARGS:
    uv run python -m bench.growth {{ARGS}}

# Build the container image (needs a Docker engine)
docker-build TAG="promptsmith:latest":
    docker build -f docker/Dockerfile -t {{TAG}} .
