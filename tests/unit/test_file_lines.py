"""Long plain-text files read as they are used: the same units, pairs and errors as read whole."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tqcheck.errors import ReadError
from tqcheck.readers import lines
from tqcheck.readers.base import read_document
from tqcheck.readers.lines import FileLines, open_document
from tqcheck.text.align import PairedLines, pair_lines

TEXT = "\ufeffFirst line.\r\n\n  Indented third, with trailing space.  \r\nÚltima linha sem fim"


def test_lines_are_the_units_the_whole_file_reader_gives(tmp_path: Path):
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    scanned = FileLines.scan(str(path))
    assert scanned is not None
    assert list(scanned) == list(read_document(str(path)).units)
    assert scanned[3] == read_document(str(path)).units[3] and scanned[1:3] == list(read_document(str(path)).units[1:3])
    assert list(scanned.blank) == [0, 1, 0, 0]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_a_file_in_utf16_or_utf32_after_its_mark_gives_the_lines_of_its_utf8_twin(tmp_path: Path, monkeypatch, codec):
    """Cut by code unit, not by byte: "ਅĀ" holds a line break's bytes in UTF-16LE, between its two
    characters; reads of 5 bytes split code units (and line breaks) between reads."""
    text = TEXT.removeprefix("\ufeff") + "\nਅĀ e 😀 fim\n"
    twin, path = tmp_path / "utf8.txt", tmp_path / "wide.txt"
    twin.write_text(text, encoding="utf-8", newline="")
    mark = {"utf-16": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32": codecs.BOM_UTF32_LE}[codec]
    path.write_bytes(mark + text.encode({"utf-16": "utf-16-le", "utf-32": "utf-32-le"}.get(codec, codec)))
    monkeypatch.setattr(lines, "_CHUNK", 5)
    scanned = FileLines.scan(str(path))
    assert scanned is not None
    expected = list(read_document(str(twin)).units)
    assert list(scanned) == expected == list(read_document(str(path)).units) and len(expected) == 5
    assert scanned[4].target == "ਅĀ e 😀 fim" and scanned[2:4] == expected[2:4]


def test_a_line_with_another_kind_of_break_is_left_to_the_whole_file_reader(tmp_path: Path):
    path = tmp_path / "old-mac.txt"
    path.write_text("one\rtwo\nthree\n", encoding="utf-8")
    assert FileLines.scan(str(path)) is None


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"fine\nbad \xff byte\n", "not valid UTF-8 (byte 0xff at offset 9)", 2),
        (b"fine\nnul\x00here\n", "binary file (contains NUL bytes), not text", 2),
        (b"\n  \n\n", "file is empty", None),
        (codecs.BOM_UTF16_LE + "fine\nbad ".encode("utf-16-le") + b"\x00\xdc", "not valid UTF-16 (byte 0x00 at offset 20)", 2),
        (codecs.BOM_UTF16_LE + "fine\nnul\x00here\n".encode("utf-16-le"), "binary file (contains NUL bytes), not text", 2),
        (codecs.BOM_UTF16_BE + "fine\nodd".encode("utf-16-be") + b"\x00", "not valid UTF-16 (byte 0x00 at offset 18)", 2),
    ],
)
def test_errors_name_the_line_as_the_whole_file_reader_does(tmp_path: Path, data: bytes, message: str, line):
    path = tmp_path / "broken.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError) as lazy:
        FileLines.scan(str(path))
    with pytest.raises(ReadError) as whole:
        read_document(str(path))
    assert (lazy.value.reason, lazy.value.line) == (whole.value.reason, whole.value.line) == (message, line)


def test_pairs_are_made_when_asked_for_and_match_the_pairs_of_whole_files(tmp_path: Path, monkeypatch):
    source, draft = tmp_path / "source.txt", tmp_path / "draft.txt"
    source.write_text("Olá.\n\nAdeus.\n" + "x " * 3000 + "\nFim.\n", encoding="utf-8")
    draft.write_text("Hello.\n\nGoodbye.\n" + "y " * 3000 + "\n  End.\n", encoding="utf-8")
    monkeypatch.setattr(lines, "HOLD_BYTES", 0)  # every file counts as long here
    lazy_source, lazy_draft = open_document(str(source)), open_document(str(draft))
    assert isinstance(lazy_draft.units, FileLines)
    paired = PairedLines(lazy_source.units, lazy_draft.units)
    whole = list(pair_lines(read_document(str(source)).units, read_document(str(draft)).units))
    assert len(paired) == 4 and paired[0:4] == whole and [paired[k] for k in range(4)] == whole
    assert whole[2].unchecked is not None  # a 6,000-character line: out of bounds, as read whole
    assert (whole[3].line, whole[3].target, whole[3].column) == (5, "End.", 3)
