"""What `tqcheck models` shows and does: known pairs, local presence, downloads, conversion."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tqcheck.backends.ctranslate2_mt import MANIFEST, converted_dir, models_dir
from tqcheck.backends.routing import COMMON_LANGS, candidates, is_present
from tqcheck.cache import cache_path
from tqcheck.errors import BackendError


@dataclass(frozen=True)
class ModelRow:
    pair: str
    model: str
    present: bool
    size_mb: float | None
    converted: bool


def _hub_sizes() -> dict[str, int]:
    try:
        from huggingface_hub import scan_cache_dir

        return {repo.repo_id: repo.size_on_disk for repo in scan_cache_dir().repos}
    except Exception:  # no cache folder yet, or an unreadable one: sizes are just unknown
        return {}


def list_models(langs: tuple[str, ...] = COMMON_LANGS) -> list[ModelRow]:
    """Every candidate model for the common pairs, with whether it is here and its size."""
    sizes = _hub_sizes()
    rows = []
    for src in langs:
        for tgt in langs:
            if src == tgt:
                continue
            for candidate in candidates(src, tgt):
                size = sizes.get(candidate.model)
                rows.append(
                    ModelRow(
                        f"{src}-{tgt}",
                        candidate.model,
                        is_present(candidate.model),
                        round(size / 1e6, 1) if size else None,
                        (converted_dir(candidate.model) / MANIFEST).is_file(),
                    )
                )
    return rows


def parse_pair(pair: str) -> tuple[str, str]:
    parts = pair.lower().split("-")
    if len(parts) != 2 or not all(parts):
        raise BackendError(f"a pair is written like el-en, not {pair!r}")
    return parts[0], parts[1]


def pull(pair: str) -> str:
    """Download the preferred model for ``pair`` into the hub cache; return its id."""
    src, tgt = parse_pair(pair)
    from huggingface_hub import snapshot_download

    errors = []
    for candidate in candidates(src, tgt):
        try:
            snapshot_download(candidate.model, allow_patterns=["*.json", "*.spm", "*.model", "*.txt", "*.safetensors"])
        except Exception as exc:  # hub errors have many types; each is reported, the next model tried
            errors.append(f"{candidate.model}: {type(exc).__name__}")
            continue
        return candidate.model
    raise BackendError(f"could not download a model for {src}→{tgt} ({'; '.join(errors)})")


def where() -> dict[str, Path]:
    from huggingface_hub import constants

    return {
        "hub cache (downloaded models)": Path(constants.HF_HUB_CACHE),
        "converted CTranslate2 models": models_dir() / "ctranslate2",
        "translation cache": cache_path(),
    }
