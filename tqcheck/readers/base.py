"""The translation-unit model every reader produces, and the reader registry.

A reader turns one file into a Document of Units. Bilingual formats (XLIFF, PO, TMX, CSV) carry
both sides in each unit; one-language formats (SRT, Markdown, JSON i18n) carry keys (cue number,
block number, JSON path) by which a translation is paired with its source file; plain text has
neither and is paired line by line or by sentence alignment. Readers are found by extension,
then by sniffing the content, and imported only when needed.
"""

from __future__ import annotations

import codecs
import fnmatch
import glob
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Protocol, TypeVar, overload, runtime_checkable

from tqcheck import lang
from tqcheck.errors import ReadError


@dataclass(frozen=True, slots=True)
class Unit:
    target: str
    line: int  # 1-based line of the unit's translation in its file
    source: str | None = None
    key: str | None = None  # id, msgid, JSON path, cue or block number
    notes: tuple[str, ...] = ()  # translator comments: where inline suppressions live


@dataclass(frozen=True)
class Document:
    path: str
    format: str
    units: Sequence[Unit]  # a tuple, or a long plain-text file's lines read as used (readers.lines)
    bilingual: bool  # every unit carries its source
    keyed: bool  # units pair with a source file's units by key
    source_lang: str | None = None
    target_lang: str | None = None
    left_out: tuple[tuple[str, int], ...] = ()  # units not for checking, counted by reason, as first met

    @property
    def runs_on(self) -> bool:
        """Whether a sentence may run on from one unit into the next: subtitles cut it into cues."""
        return self.format == "srt"


T = TypeVar("T")


class ReadWhenAsked(Sequence[T]):
    """Items read or made when asked for, a run at a time (``_run``): a long file is never held
    whole (readers.lines, readers.spool, text.align), and a slice costs one pass over its part."""

    BLOCK = 1_000
    """Items taken at once when the whole sequence is iterated."""

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            wanted = range(*index.indices(len(self)))
            if wanted.step != 1:
                return [self._run(i, 1)[0] for i in wanted]
            return self._run(wanted.start, len(wanted)) if wanted else []
        if not -len(self) <= index < len(self):
            raise IndexError(index)
        return self._run(index % len(self), 1)[0]

    def __iter__(self) -> Iterator[T]:
        for first in range(0, len(self), self.BLOCK):
            yield from self._run(first, min(self.BLOCK, len(self) - first))

    def _run(self, first: int, count: int) -> list[T]:
        """The ``count`` items (one at least) from index ``first``."""
        raise NotImplementedError


class Reader(Protocol):
    format: str

    def read(self, path: str, text: str, target_lang: str | None = None) -> Document: ...


@runtime_checkable
class StreamingReader(Reader, Protocol):
    """A reader that can also parse a file too long to hold as it streams past, its units kept on
    disk (readers.spool)."""

    def stream(self, path: str, target_lang: str | None = None) -> Document: ...


# extension -> "module:Class", imported lazily
_BY_EXTENSION = {
    "xlf": "xliff:XliffReader", "xliff": "xliff:XliffReader", "sdlxliff": "xliff:XliffReader",
    "po": "po:PoReader", "pot": "po:PoReader",
    "tmx": "tmx:TmxReader",
    "srt": "srt_reader:SrtReader",
    "md": "markdown:MarkdownReader", "markdown": "markdown:MarkdownReader",
    "json": "json_i18n:JsonReader",
    "csv": "table:CsvReader", "tsv": "table:TsvReader",
    "txt": "plaintext:PlainTextReader",
}
_SNIFF = (
    (re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<xliff\b", re.S), "xliff:XliffReader"),
    (re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<tmx\b", re.S), "tmx:TmxReader"),
    (re.compile(r'^\s*(#.*\n\s*)*msgid\s+"', re.M), "po:PoReader"),
    (re.compile(r"^\s*\d+\s*\r?\n\d\d:\d\d:\d\d,\d{3} --> "), "srt_reader:SrtReader"),
    (re.compile(r"^\s*\{"), "json_i18n:JsonReader"),
)


def _load(spec: str) -> Reader:
    module, cls = spec.split(":")
    reader: Reader = getattr(import_module(f"tqcheck.readers.{module}"), cls)()
    return reader


STDIN = "-"
"""The name that reads standard input, as for most command-line tools (``cat draft.txt | tqcheck check -``)."""
STDIN_MAX_BYTES = 64_000_000
"""Standard input is read whole; a longer text is checked from a file, which is read as it is used."""


def read_text(path: str | Path) -> str:
    """The file (or standard input, ``STDIN``) as text: UTF-8, or UTF-16 or UTF-32 after a byte-order
    mark; not binary, not empty; raise ReadError naming file and line."""
    name = str(path)
    text = decoded(name, _stdin() if name == STDIN else _file_bytes(name))
    if not text.strip():
        raise ReadError(name, "file is empty")
    return text


_MARKS = (  # UTF-32's little-endian mark begins with UTF-16's: it is looked for first
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY = "binary file (contains NUL bytes), not text"


def encoding_of(head: bytes) -> tuple[str, int]:
    """The codec a file starting with ``head`` is read with, and the length of its byte-order mark.
    Without a mark a file is UTF-8; with one it may be UTF-16 or UTF-32, as translation memories
    exported on Windows often are (Trados writes TMX in UTF-16)."""
    return next(((codec, len(mark)) for mark, codec in _MARKS if head.startswith(mark)), ("utf-8", 0))


def decoded(name: str, data: bytes) -> str:
    """A whole file's bytes (or an upload's) as text, in the encoding its byte-order mark names."""
    codec, mark = encoding_of(data)
    return decode(name, data[mark:] if mark else data, codec, mark, 1)


def decode(name: str, data: bytes, codec: str, offset: int, line: int) -> str:
    """``data``, which starts at byte ``offset`` of the file ``name`` on line ``line``, as text; a
    ReadError names the line of a NUL or of bytes the codec cannot read."""
    if codec == "utf-8" and (nul := data.find(b"\x00")) >= 0:  # a binary file is told as one, not as bad UTF-8
        raise ReadError(name, _BINARY, line + data.count(b"\n", 0, nul))
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        where = line + data[: exc.start].decode(codec).count("\n")
        label = codec.upper() if codec == "utf-8" else codec.upper().rsplit("-", 1)[0]
        message = f"not valid {label} (byte 0x{data[exc.start]:02x} at offset {offset + exc.start})"
        raise ReadError(name, message, where) from None
    if codec != "utf-8" and (nul := text.find("\x00")) >= 0:  # UTF-8's bytes were looked at above
        raise ReadError(name, _BINARY, line + text.count("\n", 0, nul))
    return text


def _file_bytes(name: str) -> bytes:
    p = Path(name)
    if not p.exists():
        raise ReadError(name, "no such file")
    if p.is_dir():
        raise ReadError(name, "is a directory, not a text file")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise ReadError(name, f"cannot read: {exc.strerror or exc}") from None


def _stdin() -> bytes:
    data = sys.stdin.buffer.read(STDIN_MAX_BYTES + 1)
    if len(data) > STDIN_MAX_BYTES:
        raise ReadError(STDIN, f"standard input is over {STDIN_MAX_BYTES // 1_000_000} MB: check it from a file")
    return data


def reader_for(path: str, text: str) -> Reader:
    spec = _BY_EXTENSION.get(Path(path).suffix.lower().lstrip("."))
    if spec is None:
        spec = next((s for pattern, s in _SNIFF if pattern.search(text[:4096])), "plaintext:PlainTextReader")
    return _load(spec)


def read_document(path: str, target_lang: str | None = None) -> Document:
    """Read any supported file; ReadError (file and line) when it cannot be read or parsed.
    ``target_lang``: the translation language asked for, where a file holds several (TMX)."""
    return parse_document(path, read_text(path), target_lang)


SAMPLE_CHARS = 100_000
"""Language detection reads a document's first this many characters: enough for any language,
and a long file is not joined whole into one string."""


def sample_text(texts: Iterable[str]) -> str:
    """The first ``SAMPLE_CHARS`` characters of ``texts`` joined by spaces (all of a shorter text)."""
    taken: list[str] = []
    size = 0
    for text in texts:
        if size >= SAMPLE_CHARS:
            break
        taken.append(text)
        size += len(text) + 1
    return " ".join(taken)[:SAMPLE_CHARS]


def parse_document(name: str, text: str, target_lang: str | None = None) -> Document:
    """Parse ``text`` as the file ``name`` would be parsed (by its extension, else its content)."""
    return reader_for(name, text).read(name, text, target_lang)


def iso_lang(code: str | None) -> str | None:
    """A file's language code as tqcheck compares languages ("pt-PT", "por" → "pt"); None for none."""
    return lang.base(code) if code else None


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def files_under(folder: str) -> list[str]:
    """The files under ``folder`` that a reader knows by extension, in sorted order, so that a folder
    named on the command line is checked as its files would be. Hidden folders and files (".git")
    and PO templates (".pot", which hold no translation) are left out; a ReadError when none is left."""
    kinds = [extension for extension in _BY_EXTENSION if extension != "pot"]
    found = []
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and Path(name).suffix.lower().lstrip(".") in kinds:
                found.append(os.path.join(root, name))
    if not found:
        raise ReadError(folder, f"no file tqcheck reads is under this folder ({', '.join('.' + k for k in kinds)})")
    return found


def path_matches(file: str, pattern: str) -> bool:
    """Whether a glob matches the file's path as given, without a leading "./", or its name."""
    posix = Path(file).as_posix()
    return any(fnmatch.fnmatch(p, pattern) for p in (posix, posix.removeprefix("./"), Path(file).name))


def find_source(path: str, pairs: Sequence[tuple[str, str]]) -> Document | None:
    """The source of a one-language file, from the configured (source glob, target glob) pairs:
    the file of the same name matching the pair's source glob ("locales/en/*.json" for
    "locales/pt/app.json")."""
    for source_glob, target_glob in pairs:
        if path_matches(path, target_glob) and not path_matches(path, source_glob):
            name = Path(path).name
            found = sorted(p for p in glob.glob(source_glob, recursive=True) if Path(p).name == name)
            if found:
                return read_document(found[0])
    return None
