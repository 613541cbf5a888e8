"""CTranslate2: int8 copies of the same open models, run without torch.

``tqcheck models convert MODEL`` writes the copy (weights, tokenizer files and a small
``tqcheck.json`` naming the original) under the models folder; this backend finds copies there
by the original's name, or takes converted folders given with ``--model``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tqcheck.backends.base import Backend, resolve_directions
from tqcheck.backends.routing import NLLB_CODES, as_candidate, candidates, declared_pair
from tqcheck.backends.transformers_mt import _version
from tqcheck.errors import BackendError
from tqcheck.records import BackendSignature, GenerationOptions

MANIFEST = "tqcheck.json"


def models_dir() -> Path:
    """$TQCHECK_MODELS_DIR, else the platform's user data folder."""
    chosen = os.environ.get("TQCHECK_MODELS_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_data_dir

    return Path(user_data_dir("tqcheck")) / "models"


def converted_dir(model: str) -> Path:
    return models_dir() / "ctranslate2" / (re.sub(r"[^\w.-]+", "--", model.strip("/")) + "-int8")


def convert(model: str, allow_download: bool = False) -> Path:
    """Write an int8 CTranslate2 copy of ``model`` (hub id or folder); return its folder."""
    try:
        from ctranslate2.converters import TransformersConverter
        from transformers import AutoTokenizer
    except ImportError:
        raise BackendError("converting needs: pip install 'tqcheck[transformers,ctranslate2]'") from None
    out = converted_dir(model)
    try:
        TransformersConverter(model, load_as_float16=False).convert(str(out), quantization="int8", force=True)
        AutoTokenizer.from_pretrained(model, local_files_only=not allow_download).save_pretrained(str(out))
    except (OSError, ValueError) as exc:
        raise BackendError(f"cannot convert {model}: {str(exc).splitlines()[0]}") from None
    original = as_candidate(model)
    pair = declared_pair(original)
    manifest = {"source_model": model, "family": original.family, "pair": list(pair) if pair else None}
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return out


class _Converted:
    def __init__(self, folder: Path, options: GenerationOptions) -> None:
        import ctranslate2
        from transformers import AutoTokenizer

        self.folder = folder
        self.manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        self.options = options
        # int8 weights on either device; on a GPU the activations in float16 (CTranslate2's int8_float16)
        device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        compute = "int8_float16" if device == "cuda" else "int8"
        self.translator = ctranslate2.Translator(
            str(folder), device=device, compute_type=compute, intra_threads=options.threads or 0
        )
        self.tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        prefix = self._prefix(src, tgt)
        order = [i for i in sorted(range(len(texts)), key=lambda i: len(texts[i])) if texts[i].strip()]
        results = [""] * len(texts)
        for start in range(0, len(order), self.options.batch_size):
            batch = order[start : start + self.options.batch_size]
            tokens = [self.tokenizer.convert_ids_to_tokens(self.tokenizer.encode(texts[i])) for i in batch]
            kwargs: dict[str, Any] = {"beam_size": self.options.beams, "max_decoding_length": self.options.max_length}
            if prefix:
                kwargs["target_prefix"] = [prefix] * len(batch)
            for i, result in zip(batch, self.translator.translate_batch(tokens, **kwargs)):
                ids = self.tokenizer.convert_tokens_to_ids(result.hypotheses[0][1 if prefix else 0 :])
                results[i] = self.tokenizer.decode(ids, skip_special_tokens=True).strip()
        return results


    def score(self, pairs: Sequence[tuple[str, str]], src: str, tgt: str) -> list[float]:
        """Each target's log-probability given its source (``Translator.score_batch``), summed over
        its tokens; multilingual models score after their target-language token."""
        prefix = self._prefix(src, tgt)
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        results = [0.0] * len(pairs)
        for start in range(0, len(order), self.options.batch_size):
            batch = order[start : start + self.options.batch_size]
            sources = [self.tokenizer.convert_ids_to_tokens(self.tokenizer.encode(pairs[i][0])) for i in batch]
            targets = [
                (prefix or []) + self.tokenizer.convert_ids_to_tokens(self.tokenizer(text_target=pairs[i][1]).input_ids)
                for i in batch
            ]
            for i, result in zip(batch, self.translator.score_batch(sources, targets)):
                results[i] = float(sum(result.log_probs[len(prefix or []) :]))
        return results

    def _prefix(self, src: str, tgt: str) -> list[str] | None:
        """Set the tokenizer's source language; the target-language token a multilingual model needs."""
        family = self.manifest["family"]
        if family == "nllb":
            self.tokenizer.src_lang = NLLB_CODES[src]
            return [NLLB_CODES[tgt]]
        if family == "m2m100":
            self.tokenizer.src_lang = src
            return [self.tokenizer.lang_code_to_token[tgt]]
        return None


class CTranslate2Backend(Backend):
    def __init__(
        self, directions: Sequence[tuple[str, str]], models: Sequence[str] = (), options: GenerationOptions = GenerationOptions()
    ) -> None:
        try:
            import ctranslate2  # noqa: F401
        except ImportError:
            raise BackendError("the ctranslate2 backend needs: pip install 'tqcheck[ctranslate2]'") from None
        self.options = options
        given = [Path(m) for m in models]
        self.folders: dict[tuple[str, str], Path] = resolve_directions(
            directions,
            lambda src, tgt: self._find(src, tgt, given),
            lambda src, tgt: f"no CTranslate2 model for {src}→{tgt}; convert one with `tqcheck models convert MODEL` "
            f"(e.g. Helsinki-NLP/opus-mt-{src}-{tgt} after `tqcheck models pull {src}-{tgt}`)",
        )
        self._loaded: dict[Path, _Converted] = {}
        used = sorted({json.loads((f / MANIFEST).read_text())["source_model"] for f in self.folders.values()})
        self._signature = BackendSignature("ctranslate2", "+".join(used) + ":int8", f"ctranslate2-{_version('ctranslate2')}")

    @staticmethod
    def _find(src: str, tgt: str, given: list[Path]) -> Path | None:
        for folder in given:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8")) if (folder / MANIFEST).is_file() else None
            if manifest is None:
                raise BackendError(f"{folder} is not a converted model (run `tqcheck models convert` first)")
            if manifest["family"] != "marian" or tuple(manifest["pair"] or ()) == (src, tgt):
                return folder
        for candidate in candidates(src, tgt):
            folder = converted_dir(candidate.model)
            if (folder / MANIFEST).is_file():
                return folder
        return None

    @property
    def signature(self) -> BackendSignature:
        return self._signature

    def supports(self, src: str, tgt: str) -> bool:
        return (src, tgt) in self.folders

    def _converted(self, src: str, tgt: str) -> _Converted:
        folder = self.folders.get((src, tgt))
        if folder is None:
            raise BackendError(f"this backend was not set up for {src}→{tgt}")
        if folder not in self._loaded:
            self._loaded[folder] = _Converted(folder, self.options)
        return self._loaded[folder]

    def can_score(self, src: str, tgt: str) -> bool:
        return (src, tgt) in self.folders

    def score(self, pairs: Sequence[tuple[str, str]], src: str, tgt: str) -> list[float] | None:
        return self._converted(src, tgt).score(pairs, src, tgt) if self.can_score(src, tgt) else None

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        return self._converted(src, tgt).translate(texts, src, tgt)
