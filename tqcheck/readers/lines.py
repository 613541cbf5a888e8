"""Long plain-text files, read line by line as they are checked rather than held whole.

A translation memory exported as text can have millions of lines. Above ``HOLD_BYTES`` a plain-text
file is scanned once, as ``read_text`` would check it (no NUL byte, valid text, not empty), keeping
only where each line starts (8 bytes a line) and whether it is blank; a line's text is read from
disk when asked for. The lines are the same units the whole-file reader gives, numbered alike,
unless a line holds another kind of line break ("\\r" alone, U+2028…), which ``str.splitlines``
splits and a line-by-line reading would not: such a file is read whole, as before.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tqcheck.errors import ReadError
from tqcheck.readers.base import (
    Document,
    ReadWhenAsked,
    StreamingReader,
    Unit,
    decode,
    encoding_of,
    read_document,
    reader_for,
)

HOLD_BYTES = 1_000_000
"""Files up to this size are read whole; longer ones line by line, or streamed into a spool."""
_CHUNK = 1 << 16  # bytes read at a time where lines are cut by hand (UTF-16, UTF-32)
_OTHER_BREAKS = frozenset("\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")  # what str.splitlines also breaks at


def open_document(path: str, target_lang: str | None = None) -> Document:
    """``read_document``, except that a file over ``HOLD_BYTES`` is not held whole: a plain-text
    file's lines are read as they are used, and a format that can stream (TMX, XLIFF, CSV, TSV) is parsed
    as it is read, its units kept on disk."""
    p = Path(path)
    if p.is_file() and p.stat().st_size > HOLD_BYTES:
        with p.open("rb") as stream:
            head = stream.read(4096)
        codec, mark = encoding_of(head)
        head = head[mark:].decode(codec, errors="ignore")
        reader = reader_for(path, head)
        if reader.format == "text":
            lines = FileLines.scan(path)
            if lines is not None:
                return Document(path, "text", lines, bilingual=False, keyed=False)
        elif isinstance(reader, StreamingReader):
            return reader.stream(path, target_lang)
    return read_document(path, target_lang)


class FileLines(ReadWhenAsked[Unit]):
    """The lines of a plain-text file as units (``Unit(text, line)``), read from disk when asked."""

    def __init__(self, path: str, codec: str, starts: array, blank: bytearray) -> None:
        self.path, self._codec, self._starts, self.blank = path, codec, starts, blank

    @classmethod
    def scan(cls, path: str) -> FileLines | None:
        """The file's lines, checked as ``read_text`` checks a file (a ReadError names the line), or
        None when a line holds a line break of another kind."""
        with Path(path).open("rb") as stream:
            codec, _ = encoding_of(stream.read(4))
        starts, blank = array("q"), bytearray()
        for offset, line in checked_lines(path):
            text = _unbroken(line)
            if any(c in _OTHER_BREAKS for c in text):
                return None
            starts.append(offset)
            blank.append(not text.strip())
        if all(blank):
            raise ReadError(path, "file is empty")
        return cls(path, codec, starts, blank)

    def __len__(self) -> int:
        return len(self._starts)

    def _run(self, first: int, count: int) -> list[Unit]:
        """``count`` lines from line index ``first``, in one pass over the file."""
        with Path(self.path).open("rb") as stream:
            stream.seek(self._starts[first])
            lines = raw_lines(stream, self._codec)
            return [
                Unit(_unbroken(decode(self.path, next(lines), self._codec, self._starts[i], i + 1)), i + 1)
                for i in range(first, first + count)
            ]


def checked_lines(path: str) -> Iterator[tuple[int, str]]:
    """Each line of the file with its line break, and the byte offset where it starts, checked as
    ``read_text`` checks a whole file: a ReadError names the line with a NUL or bytes its encoding
    cannot read. The byte-order mark is not part of the first line."""
    with Path(path).open("rb") as stream:
        codec, offset = encoding_of(stream.read(4))
        stream.seek(offset)
        for number, raw in enumerate(raw_lines(stream, codec), start=1):
            yield offset, decode(path, raw, codec, offset, number)
            offset += len(raw)


def raw_lines(stream: BinaryIO, codec: str) -> Iterator[bytes]:
    """The lines of a stream of text in ``codec`` as bytes, each with its line break, from where the
    stream stands (a line's start)."""
    return iter(stream) if codec == "utf-8" else _unit_lines(stream, "\n".encode(codec))


def _unit_lines(stream: BinaryIO, newline: bytes) -> Iterator[bytes]:
    """Lines of a UTF-16 or UTF-32 stream: the line break's bytes end a line only where a code unit
    starts (in UTF-16LE "ਅĀ" is 05 0A 00 01, whose middle bytes are those of a line break)."""
    width, cut = len(newline), b""
    parts: list[bytes] = []  # the line so far, when it runs over more than one read
    while chunk := stream.read(_CHUNK):
        data = cut + chunk
        whole = len(data) - len(data) % width  # a code unit split between two reads waits for the next
        data, cut = data[:whole], data[whole:]
        start, at = 0, data.find(newline)
        while at >= 0:
            if at % width:
                at = data.find(newline, at + 1)
                continue
            parts.append(data[start : at + width])
            yield b"".join(parts)
            parts, start = [], at + width
            at = data.find(newline, start)
        parts.append(data[start:])
    last = b"".join(parts) + cut
    if last:
        yield last


def _unbroken(line: str) -> str:
    return line[:-2] if line.endswith("\r\n") else line[:-1] if line.endswith("\n") else line
