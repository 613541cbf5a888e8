"""XML shared by the XLIFF and TMX readers: safe incremental parsing (a short file from its text,
a long one streamed from disk with its units spooled), local tag names, and the text of an element
without its inline codes."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import IO, Any

from tqcheck.errors import ReadError
from tqcheck.readers.base import Unit, line_of
from tqcheck.readers.lines import checked_lines
from tqcheck.readers.spool import Declared, SpoolingReader

_DECLARATION = re.compile(r"<!DOCTYPE[^>]*\[|<!ENTITY")  # refused: entities are how XML bombs are made

# Inline codes that stand for native markup (XLIFF 1.2 and 2.x, TMX): left out of the compared text.
# Elements that wrap translatable text (g, pc, mrk, hi) keep it.
INLINE_CODES = frozenset({"ph", "bpt", "ept", "it", "x", "bx", "ex", "sc", "ec", "sm", "em", "sub", "ut"})


def local_name(tag: Any) -> str:
    """"{urn:oasis:names:tc:xliff:document:1.2}source" → "source"; comments and PIs have none."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def plain_text(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        if local_name(child.tag) not in INLINE_CODES:
            parts.append(plain_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def text_stream(path: str, text: str) -> IO[bytes]:
    """A whole file's text for ``elements``, its entity declarations refused first (anywhere in the
    file, not only in its first part: a large comment must not hide one)."""
    declaration = _DECLARATION.search(text)
    if declaration:
        raise ReadError(path, "XML entity declarations are not allowed", line_of(text, declaration.start()))
    return io.BytesIO(text.encode("utf-8"))


class FileStream:
    """A long file for ``elements``, read a line at a time and checked as it is read: UTF-8, no NUL
    byte, no entity declaration (a ReadError names the line)."""

    def __init__(self, path: str) -> None:
        self._path, self._lines, self._rest, self._number = path, checked_lines(path), b"", 0

    def read(self, size: int = -1) -> bytes:
        if not self._rest:
            line = next(self._lines, None)
            if line is None:
                return b""
            self._number += 1
            if _DECLARATION.search(line[1]):
                raise ReadError(self._path, "XML entity declarations are not allowed", self._number)
            self._rest = line[1].encode("utf-8")
        cut = len(self._rest) if size is None or size < 0 else size
        taken, self._rest = self._rest[:cut], self._rest[cut:]
        return taken


def elements(path: str, stream: IO[bytes] | FileStream, root: str, tags: frozenset[str]) -> Iterator[Any]:
    """Each complete element named in ``tags``, in document order, parsed incrementally and safely
    (no entity, DTD or network) from a document whose root element is ``root``. An element is
    cleared once the caller has it, and the finished ones before it dropped, so a file of any
    length is parsed in the memory of one element."""
    from lxml import etree

    events = etree.iterparse(  # the bytes are UTF-8 whatever the file's declaration says: it was read as text
        stream, events=("start", "end"), encoding="utf-8", resolve_entities=False, no_network=True, load_dtd=False,
        huge_tree=False,
    )
    first = True
    try:
        for event, element in events:
            if event == "start":
                if first and local_name(element.tag) != root:
                    found = local_name(element.tag) or "?"
                    message = f"is not {root.upper()}: the root element is <{found}>, not <{root}>"
                    raise ReadError(path, message, element.sourceline)
                first = False
            elif local_name(element.tag) in tags:
                yield element
                element.clear(keep_tail=True)
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise ReadError(path, f"malformed XML: {exc.msg}", exc.lineno) from None


class ElementReader(SpoolingReader):
    """A reader of an XML format whose units come one element at a time (``_parts``), parsed
    incrementally from a text or from a file (readers.spool.SpoolingReader)."""

    root = "xml"  # the document's root element
    parts: frozenset[str] = frozenset()  # the elements ``_parts`` is handed, each complete

    def _from_text(self, path: str, text: str) -> IO[bytes]:
        return text_stream(path, text)

    def _from_file(self, path: str) -> FileStream:
        return FileStream(path)

    def _units(self, path: str, source: IO[bytes] | FileStream, declared: Declared) -> Iterator[Unit]:
        return self._parts(path, elements(path, source, self.root, self.parts), declared)

    def _parts(self, path: str, parts: Iterator[Any], declared: Declared) -> Iterator[Unit]:
        """Each unit of the elements ``parts``, in order."""
        raise NotImplementedError
