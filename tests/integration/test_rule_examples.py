"""Every check's documented examples, run through the real embedded pipeline (proselint's meta-test):
the Bad example is flagged by its check, the Good one by no check at major or above."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.checks.base import Check, Example, Need
from tqcheck.checks.registry import ALL_CHECKS
from tqcheck.config import Config
from tqcheck.pipeline import Languages, check_files
from tqcheck.records import Severity
from tqcheck.text.segment import split_sentences

CASES = [(check, example) for check in ALL_CHECKS for example in check.examples()]


def _file(folder: Path, name: str, text: str, lang: str, *, paragraph: bool = False) -> str:
    """The example as a document of one sentence a line, as an editor's bilingual file would hold it,
    or as one paragraph (a draft checked alone is split into sentences, each knowing the one before)."""
    path = folder / name
    path.write_text((text if paragraph else "\n".join(split_sentences(text, lang))) + "\n", encoding="utf-8")
    return str(path)


def _findings(example: Example, folder: Path, config: Config) -> list[tuple[str, Severity]]:
    draft = _file(folder, "draft.txt", example.target, example.target_lang, paragraph=example.source is None)
    source = _file(folder, "source.txt", example.source, "pt") if example.source is not None else None
    report = check_files([draft], source, Languages(example.source_lang, example.target_lang), config)
    assert not report.errors, report.errors
    return [(f.code, f.severity) for s in report.files[0].segments for f in s.findings]


def test_every_check_has_a_bad_and_a_good_example():
    for check in ALL_CHECKS:
        kinds = [e.bad for e in check.examples()]
        assert True in kinds and False in kinds, check.code


@pytest.mark.parametrize(
    ("check", "example"), CASES, ids=[f"{c.code}-{'bad' if e.bad else 'good'}{i}" for i, (c, e) in enumerate(CASES)]
)
def test_documented_example_holds(check: type[Check], example: Example, tmp_path: Path, request):
    # a check that reads a language model runs with the one tqcheck knows (the lm extra), one that
    # reads the slip tagger with a quick one built for the tests
    if Need.SLIP_TAGGER in check.needs:
        request.getfixturevalue("slip_tagger")
    config = Config(fluency_model="smollm2") if Need.LANGUAGE_MODEL in check.needs else Config()
    found = _findings(example, tmp_path, config)
    if example.bad:
        assert check.code in [code for code, _ in found], found
    else:
        assert [(c, s) for c, s in found if c == check.code or s.rank >= Severity.MAJOR.rank] == [], found
