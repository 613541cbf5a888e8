"""JSON i18n catalogues: nested objects flatten to dotted keys; only string values are text."""

from __future__ import annotations

import json
import re
from typing import Any

from tqcheck.errors import ReadError
from tqcheck.readers.base import Document, Unit

_MAX_DEPTH = 100  # no catalogue nests keys this deep; Python's own parser gives up near 1,000


class JsonReader:
    format = "json"

    def read(self, path: str, text: str) -> Document:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ReadError(path, f"malformed JSON: {exc.msg}", exc.lineno) from None
        except RecursionError:
            raise ReadError(path, f"JSON nested more than {_MAX_DEPTH} levels deep", 1) from None
        if not isinstance(data, dict):
            raise ReadError(path, "a JSON i18n file must hold an object of keys", 1)
        units: list[Unit] = []
        cursor, line = 0, 1  # the line is counted on as the cursor moves: counting from the top each time took minutes

        def walk(node: Any, prefix: str, depth: int = 1) -> None:
            nonlocal cursor, line
            if depth > _MAX_DEPTH:
                raise ReadError(path, f"JSON nested more than {_MAX_DEPTH} levels deep", line)
            items = node.items() if isinstance(node, dict) else enumerate(node)
            for name, value in items:
                key = f"{prefix}.{name}" if prefix else str(name)
                if isinstance(value, (dict, list)):
                    walk(value, key, depth + 1)
                elif isinstance(value, str):
                    # document order: the next occurrence of this key (or of the value, in a list)
                    needle = re.escape(json.dumps(name if isinstance(name, str) else value, ensure_ascii=False))
                    found = re.compile(needle).search(text, cursor)
                    if found:
                        line += text.count("\n", cursor, found.end())
                        cursor = found.end()
                    units.append(Unit(value, line, key=key))

        walk(data, "")
        return Document(path, self.format, tuple(units), bilingual=False, keyed=True)
