"""CSV and TSV with a header row naming a source and a target column.

A CSV file's cells are split at commas, or at semicolons where the header is: spreadsheets save
CSV with semicolons wherever the comma is the decimal mark (Portuguese, Spanish, French, German
settings). A row with a source and no translation is left out as untranslated. Read row by row
(readers.spool.SpoolingReader): a table too long to hold is spooled to disk."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator

from tqcheck.errors import ReadError
from tqcheck.readers.base import Unit
from tqcheck.readers.lines import checked_lines
from tqcheck.readers.spool import Declared, SpoolingReader

_SOURCE = ("source", "src", "original")
_TARGET = ("target", "tgt", "translation")


class CsvReader(SpoolingReader):
    format = "csv"
    delimiters = (",", ";")  # the first that splits the header into a source and a target column

    def _from_text(self, path: str, text: str) -> Iterable[str]:
        return io.StringIO(text, newline="")

    def _from_file(self, path: str) -> Iterable[str]:
        return (line for _, line in checked_lines(path))

    def _units(self, path: str, lines: Iterable[str], declared: Declared) -> Iterator[Unit]:
        lines = iter(lines)
        first = next(lines, "")
        delimiter = next((d for d in self.delimiters if _names_both(_header(first, d))), self.delimiters[0])
        rows = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
        try:
            header = _names(next(rows, []))
            src = next((header.index(name) for name in _SOURCE if name in header), None)
            tgt = next((header.index(name) for name in _TARGET if name in header), None)
            if src is None or tgt is None:
                raise ReadError(path, f"the header needs a source and a target column, found {header}", 1)
            key = header.index("key") if "key" in header else header.index("id") if "id" in header else None
            needed = max(src, tgt, -1 if key is None else key) + 1
            for row in rows:
                line = rows.line_num
                if len(row) < needed:
                    if any(cell.strip() for cell in row):
                        raise ReadError(path, f"row has {len(row)} columns, the header {len(header)}", line)
                    continue
                if row[tgt].strip():
                    yield Unit(row[tgt], line, row[src], row[key] if key is not None else str(line))
                elif row[src].strip():
                    declared.left_out["untranslated"] += 1
        except csv.Error as exc:
            raise ReadError(path, f"malformed {self.format.upper()}: {exc}", rows.line_num) from None


class TsvReader(CsvReader):
    format = "tsv"
    delimiters = ("\t",)


def _header(line: str, delimiter: str) -> list[str]:
    """The column names of a header line split at ``delimiter`` (its quoting read as CSV's)."""
    try:
        return _names(next(csv.reader([line], delimiter=delimiter), []))
    except csv.Error:
        return []


def _names(row: list[str]) -> list[str]:
    return [cell.strip().lower() for cell in row]


def _names_both(header: list[str]) -> bool:
    return any(name in header for name in _SOURCE) and any(name in header for name in _TARGET)
