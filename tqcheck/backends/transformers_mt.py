"""Open translation models through transformers: Opus-MT (Marian), NLLB-200 and M2M100.

transformers 5 has no translation pipeline, so ``model.generate()`` is called directly. Inputs
are sorted by length into batches (less padding) and results put back in input order. Loading
never downloads unless allowed, never runs remote code, and prefers safetensors weights.
"""

from __future__ import annotations

import importlib.metadata as metadata
from collections.abc import Sequence
from typing import Any

from tqcheck.backends.base import Backend, resolve_directions
from tqcheck.backends.routing import NLLB_CODES, Candidate, Route, route
from tqcheck.errors import BackendError
from tqcheck.records import BackendSignature, GenerationOptions


def pull_command(src: str, tgt: str) -> str:
    return f"tqcheck models pull {src}-{tgt}"


class Seq2SeqModel:
    """One loaded model; multilingual ones serve every direction they know."""

    def __init__(self, candidate: Candidate, allow_download: bool, options: GenerationOptions) -> None:
        try:
            import torch
            from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
        except ImportError:
            raise BackendError("the transformers backend needs: pip install 'tqcheck[transformers]'") from None
        self.candidate = candidate
        self.options = options
        if options.threads:
            torch.set_num_threads(options.threads)
        self.device = "cuda" if torch.cuda.is_available() else "cpu"
        kwargs: dict[str, Any] = {"local_files_only": not allow_download, "trust_remote_code": False}
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(candidate.model, **kwargs)
            self.model = AutoModelForSeq2SeqLM.from_pretrained(candidate.model, **kwargs).to(self.device).eval()
        except OSError as exc:
            raise BackendError(f"cannot load model {candidate.model}: {str(exc).splitlines()[0]}") from None
        self.revision = str(getattr(self.model.config, "_commit_hash", None) or "local")

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        import torch

        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        results: list[str] = [""] * len(texts)
        generate: dict[str, Any] = {"num_beams": self.options.beams, "max_new_tokens": self.options.max_length}
        generate.update(self._languages(src, tgt))
        for start in range(0, len(order), self.options.batch_size):
            batch = [i for i in order[start : start + self.options.batch_size] if texts[i].strip()]
            if not batch:
                continue
            encoded = self.tokenizer(
                [texts[i] for i in batch], return_tensors="pt", padding=True, truncation=True,
                max_length=self.options.max_length,
            ).to(self.device)
            with torch.inference_mode():
                output = self.model.generate(**encoded, **generate)
            for i, text in zip(batch, self.tokenizer.batch_decode(output, skip_special_tokens=True)):
                results[i] = text.strip()
        return results


    def score(self, pairs: Sequence[tuple[str, str]], src: str, tgt: str) -> list[float]:
        """Each target's log-probability given its source: the model's own forward pass over the
        target (teacher forcing), log-softmax, the target tokens' log-probabilities summed."""
        import torch

        self._languages(src, tgt)
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        results = [0.0] * len(pairs)
        for start in range(0, len(order), self.options.batch_size):
            batch = order[start : start + self.options.batch_size]
            encoded = self.tokenizer(
                [pairs[i][0] for i in batch], text_target=[pairs[i][1] for i in batch], return_tensors="pt",
                padding=True, truncation=True, max_length=self.options.max_length,
            ).to(self.device)
            labels = encoded.pop("labels")
            labels[labels == self.tokenizer.pad_token_id] = -100
            with torch.inference_mode():
                logits = self.model(**encoded, labels=labels).logits
            logprobs = torch.log_softmax(logits.float(), dim=-1)
            mask = labels != -100
            picked = logprobs.gather(-1, labels.clamp(min=0).unsqueeze(-1)).squeeze(-1) * mask
            for i, total in zip(batch, picked.sum(-1).tolist()):
                results[i] = float(total)
        return results

    def _languages(self, src: str, tgt: str) -> dict[str, Any]:
        """Set the tokenizer's languages (multilingual models); the generate() options they need."""
        family = self.candidate.family
        if family == "nllb":
            self.tokenizer.src_lang, self.tokenizer.tgt_lang = NLLB_CODES[src], NLLB_CODES[tgt]
            return {"forced_bos_token_id": self.tokenizer.convert_tokens_to_ids(NLLB_CODES[tgt])}
        if family == "m2m100":
            self.tokenizer.src_lang, self.tokenizer.tgt_lang = src, tgt
            return {"forced_bos_token_id": self.tokenizer.get_lang_id(tgt)}
        return {}


class TransformersBackend(Backend):
    """Routes each direction to its model (or two, through English) and loads models on first use."""

    def __init__(
        self,
        directions: Sequence[tuple[str, str]],
        models: Sequence[str] = (),
        allow_download: bool = False,
        options: GenerationOptions = GenerationOptions(),
    ) -> None:
        self.allow_download = allow_download
        self.options = options
        self.routes: dict[tuple[str, str], Route] = resolve_directions(
            directions,
            lambda src, tgt: route(src, tgt, models, allow_download),
            lambda src, tgt: f"no translation model for {src}→{tgt} is available offline; fetch one with "
            f"`{pull_command(src, tgt)}`, or pass --allow-download",
        )
        self._loaded: dict[str, Seq2SeqModel] = {}
        used = sorted({leg[0].model for r in self.routes.values() for leg in r.legs})
        self._signature = BackendSignature(
            "transformers", "+".join(used), f"transformers-{_version('transformers')}"
        )

    @property
    def signature(self) -> BackendSignature:
        return self._signature

    def supports(self, src: str, tgt: str) -> bool:
        return (src, tgt) in self.routes

    def _model(self, candidate: Candidate) -> Seq2SeqModel:
        if candidate.model not in self._loaded:
            self._loaded[candidate.model] = Seq2SeqModel(candidate, self.allow_download, self.options)
        return self._loaded[candidate.model]

    def legs(self, src: str, tgt: str) -> int:
        chosen = self.routes.get((src, tgt))
        return len(chosen.legs) if chosen else 1

    def can_score(self, src: str, tgt: str) -> bool:
        chosen = self.routes.get((src, tgt))
        return chosen is not None and len(chosen.legs) == 1  # a pivot route has no single likelihood

    def score(self, pairs: Sequence[tuple[str, str]], src: str, tgt: str) -> list[float] | None:
        if not self.can_score(src, tgt):
            return None
        candidate, leg_src, leg_tgt = self.routes[(src, tgt)].legs[0]
        return self._model(candidate).score(pairs, leg_src, leg_tgt)

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        chosen = self.routes.get((src, tgt))
        if chosen is None:
            raise BackendError(f"this backend was not set up for {src}→{tgt}")
        out = list(texts)
        for candidate, leg_src, leg_tgt in chosen.legs:
            out = self._model(candidate).translate(out, leg_src, leg_tgt)
        return out


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"
