"""A thousand broken files through every reader: each is read or refused with a ReadError that
names the file, and nothing else escapes (no traceback reaches a user)."""

from __future__ import annotations

from tests.fuzz_inputs import generate
from tqcheck.errors import ReadError
from tqcheck.readers.base import read_document


def test_a_thousand_broken_files_are_read_or_refused_cleanly(tmp_path):
    escaped, refused = [], 0
    for name, content in generate(1000, seed=13):
        path = tmp_path / name
        path.write_bytes(content)
        try:
            read_document(str(path))
        except ReadError as exc:
            refused += 1
            assert exc.path == str(path) and str(exc).startswith(str(path))
        except Exception as exc:  # noqa: BLE001 - what the test is looking for
            escaped.append(f"{name}: {type(exc).__name__}: {exc}")
        path.unlink()
    assert escaped == []
    assert 100 < refused < 1000  # the generator makes both readable and broken files
