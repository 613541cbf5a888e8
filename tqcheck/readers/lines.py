"""Long plain-text files, read line by line as they are checked rather than held whole.

A translation memory exported as text can have millions of lines. Above ``HOLD_BYTES`` a plain-text
file is scanned once, as ``read_text`` would check it (no NUL byte, valid UTF-8, not empty), keeping
only where each line starts (8 bytes a line) and whether it is blank; a line's text is read from
disk when asked for. The lines are the same units the whole-file reader gives, numbered alike,
unless a line holds another kind of line break ("\\r" alone, U+2028…), which ``str.splitlines``
splits and a line-by-line reading would not: such a file is read whole, as before.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from pathlib import Path

from tqcheck.errors import ReadError
from tqcheck.readers.base import Document, ReadWhenAsked, StreamingReader, Unit, read_document, reader_for

HOLD_BYTES = 1_000_000
"""Files up to this size are read whole; longer ones line by line, or streamed into a spool."""
_BOM = b"\xef\xbb\xbf"
_OTHER_BREAKS = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")  # what str.splitlines also breaks at


def open_document(path: str) -> Document:
    """``read_document``, except that a file over ``HOLD_BYTES`` is not held whole: a plain-text
    file's lines are read as they are used, and a format that can stream (TMX, XLIFF, CSV, TSV) is parsed
    as it is read, its units kept on disk."""
    p = Path(path)
    if p.is_file() and p.stat().st_size > HOLD_BYTES:
        with p.open("rb") as stream:
            head = stream.read(4096).decode("utf-8", errors="ignore")
        reader = reader_for(path, head)
        if reader.format == "text":
            lines = FileLines.scan(path)
            if lines is not None:
                return Document(path, "text", lines, bilingual=False, keyed=False)
        elif isinstance(reader, StreamingReader):
            return reader.stream(path)
    return read_document(path)


class FileLines(ReadWhenAsked[Unit]):
    """The lines of a plain-text file as units (``Unit(text, line)``), read from disk when asked."""

    def __init__(self, path: str, starts: array, blank: bytearray) -> None:
        self.path, self._starts, self.blank = path, starts, blank

    @classmethod
    def scan(cls, path: str) -> FileLines | None:
        """The file's lines, checked as ``read_text`` checks a file (a ReadError names the line), or
        None when a line holds a line break of another kind."""
        starts, blank = array("q"), bytearray()
        for offset, line in checked_lines(path):
            text = _unbroken(line)
            if any(c in _OTHER_BREAKS for c in text):
                return None
            starts.append(offset)
            blank.append(not text.strip())
        if all(blank):
            raise ReadError(path, "file is empty")
        return cls(path, starts, blank)

    def __len__(self) -> int:
        return len(self._starts)

    def _run(self, first: int, count: int) -> list[Unit]:
        """``count`` lines from line index ``first``, in one pass over the file."""
        with Path(self.path).open("rb") as stream:
            stream.seek(self._starts[first])
            return [
                Unit(_unbroken(_decoded(self.path, stream.readline(), i + 1, self._starts[i])), i + 1)
                for i in range(first, first + count)
            ]


def checked_lines(path: str) -> Iterator[tuple[int, str]]:
    """Each line of the file with its line break, and the byte offset where it starts, checked as
    ``read_text`` checks a whole file: a ReadError names the line with a NUL byte or bad UTF-8."""
    offset = 0
    with Path(path).open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            yield offset, _decoded(path, raw, number, offset)
            offset += len(raw)


def _unbroken(line: str) -> str:
    return line[:-2] if line.endswith("\r\n") else line[:-1] if line.endswith("\n") else line


def _decoded(path: str, raw: bytes, number: int, offset: int) -> str:
    """One line's text (on the first line, without a byte-order mark)."""
    if number == 1 and raw.startswith(_BOM):
        raw, offset = raw[len(_BOM) :], offset + len(_BOM)
    if b"\x00" in raw:
        raise ReadError(path, "binary file (contains NUL bytes), not text", number)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = offset + exc.start
        raise ReadError(path, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {at})", number) from None
    return text
