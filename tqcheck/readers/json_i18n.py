"""JSON i18n catalogues: nested objects flatten to dotted keys; only string values are text.

Parsed as the text streams past (readers.spool.SpoolingReader), one token at a time: a long
catalogue is spooled to disk like a translation memory, and a short one goes through the same
parser. Keys and values are decoded by Python's own JSON decoder, the structure between them
here, with the same error messages and lines as ``json.loads``. A unit's line is its key's (a
list item's own line). Two equal keys in one object are an error: ``json.loads`` would keep the
last value silently, and a catalogue that says a thing twice loses a translation.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tqcheck.errors import ReadError
from tqcheck.readers.base import Unit
from tqcheck.readers.spool import Declared, LineReader

_MAX_DEPTH = 100  # no catalogue nests keys this deep
_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class _Tokens:
    """The text of a JSON file, piece by piece (a line at a time from a file), with a position
    and its line. Every JSON token but a string's escapes lies on one line, so a piece that ends
    a line holds each token whole; a token cut at a piece's end is read again with the next."""

    def __init__(self, path: str, pieces: Iterable[str]) -> None:
        self.path, self._pieces = path, iter(pieces)
        self.text, self.at = "", 0
        self._line, self._counted = 1, 0  # the line at offset ``_counted`` of ``text``

    def _more(self) -> bool:
        piece = next(self._pieces, None)
        if piece is None:
            return False
        self._line += self.text.count("\n", self._counted, self.at)
        self.text, self.at, self._counted = self.text[self.at :] + piece, 0, 0
        return True

    def line(self) -> int:
        """The line of the current position (counted on as the position moves)."""
        self._line += self.text.count("\n", self._counted, self.at)
        self._counted = self.at
        return self._line

    def peek(self) -> str:
        """The next character that is not white space ("" at the end of the file)."""
        while True:
            self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]
            if self.at < len(self.text) or not self._more():
                return self.text[self.at : self.at + 1]

    def take(self, char: str, expecting: str) -> None:
        if self.peek() != char:
            self.fail(f"Expecting {expecting}")
        self.at += 1

    def scalar(self) -> Any:
        """The string, number, true, false or null at the position."""
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.at)
            except json.JSONDecodeError as exc:
                if "\n" not in self.text[self.at :] and self._more():  # the token may go on
                    continue
                self.at = exc.pos
                self.fail(exc.msg)
            if end < len(self.text) or not self._more():  # a number may go on in the next piece
                self.at = end
                return value

    def fail(self, message: str) -> None:
        raise ReadError(self.path, f"malformed JSON: {message}", self.line())


@dataclass
class _Open:
    """An object or array being read: its key, its next index, the keys it has had."""

    key: str
    array: bool
    index: int = 0
    names: set[str] = field(default_factory=set)


class JsonReader(LineReader):
    format = "json"
    bilingual = False

    def _units(self, path: str, pieces: Iterable[str], declared: Declared) -> Iterator[Unit]:
        tokens = _Tokens(path, pieces)
        catalogue = tokens.peek() == "{"
        stack: list[_Open] = []
        key, line = "", 1
        while True:
            char = tokens.peek()
            if char in ("{", "["):  # a value that opens an object or an array
                if len(stack) >= _MAX_DEPTH:
                    raise ReadError(path, f"JSON nested more than {_MAX_DEPTH} levels deep", tokens.line())
                tokens.at += 1
                stack.append(_Open(key, char == "["))
            else:
                if not char:
                    tokens.fail("Expecting value")
                value = tokens.scalar()
                if isinstance(value, str) and stack:
                    yield Unit(value, line, key=key)
            while stack:  # the objects and arrays this value ends, then the next key
                now = stack[-1]
                if tokens.peek() == ("]" if now.array else "}"):
                    tokens.at += 1
                    stack.pop()
                    continue
                if now.index:
                    tokens.take(",", "',' delimiter")
                key, line = _next_key(tokens, now)
                break
            if not stack:
                break
        if tokens.peek():
            tokens.fail("Extra data")
        if not catalogue:
            raise ReadError(path, "a JSON i18n file must hold an object of keys", 1)


def _next_key(tokens: _Tokens, now: _Open) -> tuple[str, int]:
    """The key of the next value of ``now`` and its line (a list item's own)."""
    char = tokens.peek()
    line = tokens.line()
    if now.array:
        name = str(now.index)
    else:
        if char != '"':
            tokens.fail("Expecting property name enclosed in double quotes")
        name = tokens.scalar()
        if name in now.names:
            raise ReadError(tokens.path, f"duplicate key {json.dumps(name, ensure_ascii=False)} in one object", line)
        now.names.add(name)
        tokens.take(":", "':' delimiter")
    now.index += 1
    return (f"{now.key}.{name}" if now.key else name), line
