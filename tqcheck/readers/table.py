"""CSV and TSV with a header row naming a source and a target column."""

from __future__ import annotations

import csv
import io

from tqcheck.errors import ReadError
from tqcheck.readers.base import Document, Unit

_SOURCE = ("source", "src", "original")
_TARGET = ("target", "tgt", "translation")


class CsvReader:
    format = "csv"
    delimiter = ","

    def read(self, path: str, text: str) -> Document:
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter)
        try:
            header = [h.strip().lower() for h in next(rows, [])]
            src = next((header.index(name) for name in _SOURCE if name in header), None)
            tgt = next((header.index(name) for name in _TARGET if name in header), None)
            if src is None or tgt is None:
                raise ReadError(path, f"the header needs a source and a target column, found {header}", 1)
            key = header.index("key") if "key" in header else header.index("id") if "id" in header else None
            needed = max(src, tgt, -1 if key is None else key) + 1
            units = []
            for row in rows:
                line = rows.line_num
                if len(row) < needed:
                    if any(cell.strip() for cell in row):
                        raise ReadError(path, f"row has {len(row)} columns, the header {len(header)}", line)
                    continue
                if row[tgt].strip():
                    units.append(Unit(row[tgt], line, row[src], row[key] if key is not None else str(line)))
        except csv.Error as exc:
            raise ReadError(path, f"malformed {self.format.upper()}: {exc}", rows.line_num) from None
        return Document(path, self.format, tuple(units), bilingual=True, keyed=True)


class TsvReader(CsvReader):
    format = "tsv"
    delimiter = "\t"
