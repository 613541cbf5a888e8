import pytest

from tqcheck.errors import ReadError
from tqcheck.readers.base import read_text


def test_reads_utf8_with_bom(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeffOlá\r\nmundo\n".encode())
    assert read_text(p).splitlines() == ["Olá", "mundo"]


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        (None, "no such file", None),
        (b"", "file is empty", None),
        (b"  \n\n", "file is empty", None),
        (b"ok\nok\n\xff\xfe bad\n", "not valid UTF-8", 3),
        (b"line\n\x00\x01\x02", "binary file", 2),
    ],
)
def test_bad_input_names_file_and_line(tmp_path, content, message, line):
    p = tmp_path / "draft.txt"
    if content is not None:
        p.write_bytes(content)
    with pytest.raises(ReadError, match=message) as info:
        read_text(p)
    assert info.value.path == str(p) and info.value.line == line


def test_directory_is_refused(tmp_path):
    with pytest.raises(ReadError, match="is a directory"):
        read_text(tmp_path)


@pytest.mark.parametrize(
    ("name", "text", "message", "line"),
    [
        ("deep.json", "[" * 100_000, "nested more than 100 levels deep", 1),
        ("deep.json", '{"a":' * 150 + '"x"' + "}" * 150, "nested more than 100 levels deep", 1),
        ("short.csv", "source,target,key\nOlá,Hello\n", "row has 2 columns, the header 3", 2),
        ("cr.csv", 'sou\rrce,"tar\rget\n', "the header needs a source and a target column", 1),
    ],
    ids=["json-beyond-the-parser", "json-beyond-catalogues", "csv-row-without-its-key", "csv-bare-carriage-return"],
)
def test_structures_no_reader_can_use_are_refused_with_their_line(name, text, message, line):
    from tqcheck.readers.base import parse_document

    with pytest.raises(ReadError, match=message) as caught:
        parse_document(name, text)
    assert caught.value.line == line
