"""YAML front matter (`---` ... `---`) split from the body, with the body's offset in the source."""

from __future__ import annotations

import re
from typing import Any

MAX_ALIASES = 32
"""YAML aliases a front matter may use: enough for shared settings, too few for an exponential "billion laughs"
expansion once the parsed value is walked."""
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^---[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)


class FormatError(ValueError):
    """The source is not valid in the format it was read as."""


def split_front_matter(source: str) -> tuple[dict[str, Any] | None, int]:
    """The front matter mapping (None when there is none) and the offset where the body starts."""
    import yaml

    match = FRONT_MATTER_RE.match(source)
    if match is None:
        return None, 0
    try:
        data = yaml.load(match.group(1), Loader=_loader()) if match.group(1).strip() else {}  # noqa: S506 - safe loader
    except yaml.YAMLError as exc:
        raise FormatError(f"front matter is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise FormatError("front matter must be a YAML mapping")
    return data, match.end()


def _loader() -> Any:
    """PyYAML's safe loader, counting aliases (a YAMLError past MAX_ALIASES)."""
    import yaml

    class CappedSafeLoader(yaml.SafeLoader):
        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.alias_count = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                self.alias_count += 1
                if self.alias_count > MAX_ALIASES:
                    raise yaml.YAMLError(f"more than {MAX_ALIASES} aliases")
            return super().compose_node(parent, index)

    return CappedSafeLoader


def dump_yaml(data: dict[str, Any]) -> str:
    """YAML for a front matter block: keys in the given order, unicode kept, block style."""
    import yaml

    text: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return text


def with_front_matter(front: dict[str, Any], body: str) -> str:
    """`---`, the YAML, `---`, then the body ending with one newline."""
    head = f"---\n{dump_yaml(front)}---\n" if front else ""
    return head + (body + "\n" if body else "")


def stripped(source: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of `source[start:end]` without its surrounding whitespace."""
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end
