"""Units kept on disk: a long file (a translation memory in TMX, XLIFF or CSV; a PO catalogue, an
SRT file) parsed once as it streams past, its units written to an unnamed temporary file and read back a chunk at a
time.

Parsed units take about 1.7 KB each in memory (the text, its source, key and notes as Python
objects); spooled, 8 bytes each (where each ends in the file), so a file of millions of units is
checked in the memory of one chunk. The temporary file has no name and goes with the object.
Reads use ``os.pread``, which keeps no shared file position: translating one chunk ahead in a
thread while another is checked reads safely.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from tqcheck.readers.base import Document, ReadWhenAsked, Unit, iso_lang
from tqcheck.readers.lines import checked_lines


class SpooledUnits(ReadWhenAsked[Unit]):
    """The units of ``units`` (consumed once, here), read back from disk when asked for."""

    def __init__(self, units: Iterable[Unit]) -> None:
        self._file = tempfile.TemporaryFile()
        self._ends = array("q")
        size = 0
        for unit in units:
            # JSON escapes line breaks, so each unit is one line of the file
            data = json.dumps([unit.target, unit.line, unit.source, unit.key, unit.notes], ensure_ascii=False)
            encoded = data.encode("utf-8") + b"\n"
            self._file.write(encoded)
            size += len(encoded)
            self._ends.append(size)
        self._file.flush()

    def __len__(self) -> int:
        return len(self._ends)

    def _run(self, first: int, count: int) -> list[Unit]:
        start = self._ends[first - 1] if first else 0
        data = os.pread(self._file.fileno(), self._ends[first + count - 1] - start, start)
        units = []
        for line in data.splitlines():
            target, number, source, key, notes = json.loads(line)
            units.append(Unit(target, number, source, key, tuple(notes)))
        return units


@dataclass
class Declared:
    """What a file tells of itself as it is read: the languages it declares, and the units it
    holds that are not for checking (untranslated, fuzzy, marked not to translate), by reason."""

    asked: str | None = None  # the translation language asked for, where a file holds several (TMX)
    source: str | None = None
    target: str | None = None
    left_out: Counter[str] = field(default_factory=Counter)


class SpoolingReader:
    """A reader whose units come one at a time from its input (``_units``): ``read``
    holds a short file's units, ``stream`` spools a long file's to disk, and the parsing is the
    same. A subclass says how it reads a text (``_from_text``) and a file (``_from_file``)."""

    format = ""
    bilingual = True  # a file holding the source with each translation (a monolingual one pairs by key)
    keyed = True  # units pair with a source file's units by key (cue number, msgid), not by position

    def read(self, path: str, text: str, target_lang: str | None = None) -> Document:
        return self._document(path, self._from_text(path, text), tuple, target_lang)

    def stream(self, path: str, target_lang: str | None = None) -> Document:
        return self._document(path, self._from_file(path), SpooledUnits, target_lang)

    def _document(
        self, path: str, source: Any, keep: Callable[[Iterable[Unit]], Sequence[Unit]], target_lang: str | None
    ) -> Document:
        declared = Declared(asked=target_lang)
        units = keep(self._units(path, source, declared))  # all read: the languages are known now
        source_lang, target_lang = iso_lang(declared.source), iso_lang(declared.target)
        left_out = tuple(declared.left_out.items())
        return Document(path, self.format, units, self.bilingual, self.keyed, source_lang, target_lang, left_out)

    def _from_text(self, path: str, text: str) -> Any:
        raise NotImplementedError

    def _from_file(self, path: str) -> Any:
        raise NotImplementedError

    def _units(self, path: str, source: Any, declared: Declared) -> Iterator[Unit]:
        """Each unit of ``source``, in order; ``declared`` learns what the file declares and what
        it leaves out, once all are read, and holds the translation language asked for."""
        raise NotImplementedError


class LineReader(SpoolingReader):
    """A reader whose parser takes the text a line at a time: a file's lines are read as they are
    parsed (checked as ``read_text`` checks a whole file), so a long file is never held whole."""

    def _from_text(self, path: str, text: str) -> Iterable[str]:
        return io.StringIO(text)

    def _from_file(self, path: str) -> Iterable[str]:
        return (line for _, line in checked_lines(path))


class PieceReader(LineReader):
    """A reader of a format of blocks between blank lines (PO entries, SRT cues, Markdown blocks),
    whose parser is handed a piece of about ``ENTRIES`` blocks at a time (``_piece``), cut before
    a block that starts after a blank line where the format allows (``_cuts``)."""

    ENTRIES = 500
    """Blocks given to the parser at once."""

    def _units(self, path: str, lines: Iterable[str], declared: Declared) -> Iterator[Unit]:
        piece: list[str] = []
        first = entries = 0
        may_cut = self._cuts()
        blank = True  # the line before
        for number, line in enumerate(lines):
            before, blank = blank, self._blank(line)
            cut = not blank and may_cut(line)  # every line that is not blank is shown, in turn
            if cut and before and piece:  # a block starts after a blank line
                entries += 1
                if entries > self.ENTRIES:
                    yield from self._piece(path, piece, first, declared)
                    piece, first, entries = [], number, 1
            piece.append(line)
        if any(line.strip() for line in piece):
            yield from self._piece(path, piece, first, declared)

    def _blank(self, line: str) -> bool:
        return not line.strip()

    def _cuts(self) -> Callable[[str], bool]:
        """A fresh judge, shown every non-blank line in turn, of whether a piece may end before
        it when it follows a blank line: always, where blank lines only ever end a block."""
        return lambda line: True

    def _piece(self, path: str, lines: list[str], first: int, declared: Declared) -> Iterator[Unit]:
        """The units of the blocks in ``lines``, the file's lines from index ``first`` on."""
        raise NotImplementedError
