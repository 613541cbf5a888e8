"""What `tqcheck models` shows and does: known pairs, local presence, downloads, conversion."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import permutations
from pathlib import Path

from tqcheck.backends.apertium import installed_modes
from tqcheck.backends.chain import RoutedBackend, best_route
from tqcheck.backends.ctranslate2_mt import MANIFEST, converted_dir, models_dir
from tqcheck.backends.routing import COMMON_LANGS, FAMILY_NAMES, candidates, is_present
from tqcheck.cache import cache_path
from tqcheck.errors import BackendError


@dataclass(frozen=True)
class Available:
    """A direction this machine can translate now, and with what."""

    src: str
    tgt: str
    backend: str  # "embedded" | "transformers" | "ctranslate2"
    model: str
    size_mb: float | None = None
    scores: bool = True  # whether the probe checks (TQ105, TQ402–TQ404) can run on it


@dataclass(frozen=True)
class Fetchable:
    """A model family `tqcheck models pull` can fetch, and the pairs of it not here yet."""

    family: str
    pairs: tuple[tuple[str, str], ...]


def _hub_sizes() -> dict[str, int]:
    try:
        from huggingface_hub import scan_cache_dir

        return {repo.repo_id: repo.size_on_disk for repo in scan_cache_dir().repos}
    except Exception:  # no cache folder yet, or an unreadable one: sizes are just unknown
        return {}


def available(langs: tuple[str, ...] = COMMON_LANGS) -> list[Available]:
    """What translates here, best first: the embedded model, then pulled models (with their
    CTranslate2 copies) for the pairs of ``langs``."""
    from tqcheck.backends.embedded import EmbeddedBackend

    embedded = EmbeddedBackend.shared().signature.model
    found = [Available(src, tgt, "embedded", embedded) for src, tgt in EmbeddedBackend.directions()]
    apertium_langs = {code for pair in installed_modes() for code in pair}
    for src, tgt in permutations(sorted(set(langs) | apertium_langs), 2):
        legs = best_route(src, tgt) if not EmbeddedBackend.supports(src, tgt) else None
        if legs:
            backends = "+".join(dict.fromkeys(leg.backend.signature.name for leg in legs))
            scores = RoutedBackend({(src, tgt): legs}).can_score(src, tgt)
            found.append(Available(src, tgt, backends, " + ".join(leg.describe() for leg in legs), scores=scores))
    sizes = _hub_sizes()
    for src, tgt in permutations(langs, 2):
        for candidate in candidates(src, tgt):
            size = sizes.get(candidate.model)
            mb = round(size / 1e6, 1) if size else None
            if is_present(candidate.model):
                found.append(Available(src, tgt, "transformers", candidate.model, mb))
            if (converted_dir(candidate.model) / MANIFEST).is_file():
                found.append(Available(src, tgt, "ctranslate2", candidate.model + ":int8"))
    return found


def fetchable(langs: tuple[str, ...] = COMMON_LANGS) -> list[Fetchable]:
    """Each model family with the pairs of ``langs`` it serves that are not here yet."""
    here = {(a.src, a.tgt, a.model.removesuffix(":int8")) for a in available(langs)}
    families: dict[str, list[tuple[str, str]]] = {}
    for src, tgt in permutations(langs, 2):
        options = candidates(src, tgt)
        served = {c.family for c in options if (src, tgt, c.model) in here}
        for candidate in options:
            pairs = families.setdefault(FAMILY_NAMES[candidate.family], [])
            if candidate.family not in served and (src, tgt) not in pairs:
                pairs.append((src, tgt))
    return [Fetchable(name, tuple(pairs)) for name, pairs in families.items()]


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
