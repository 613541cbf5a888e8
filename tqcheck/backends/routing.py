"""Which open model translates a language pair, in order of preference, and whether it is here.

For a pair the candidates are the direct Opus-MT model, its tc-big sibling, then the multilingual
NLLB-200 (distilled 600M) and M2M100 (418M). When none is present, the pair is routed through
English (el→en→pt). Presence means: a local folder, or the model in the Hugging Face hub cache.
Nothing here downloads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tqcheck.errors import BackendError

PIVOT = "en"
NLLB = "facebook/nllb-200-distilled-600M"
M2M100 = "facebook/m2m100_418M"

# FLORES-200 codes NLLB needs; M2M100 and Opus-MT use ISO 639-1.
NLLB_CODES = {
    "ar": "arb_Arab", "bg": "bul_Cyrl", "ca": "cat_Latn", "cs": "ces_Latn", "da": "dan_Latn", "de": "deu_Latn",
    "el": "ell_Grek", "en": "eng_Latn", "es": "spa_Latn", "et": "est_Latn", "fi": "fin_Latn", "fr": "fra_Latn",
    "he": "heb_Hebr", "hi": "hin_Deva", "hr": "hrv_Latn", "hu": "hun_Latn", "it": "ita_Latn", "ja": "jpn_Jpan",
    "ko": "kor_Hang", "lt": "lit_Latn", "lv": "lvs_Latn", "nl": "nld_Latn", "no": "nob_Latn", "pl": "pol_Latn",
    "pt": "por_Latn", "ro": "ron_Latn", "ru": "rus_Cyrl", "sk": "slk_Latn", "sl": "slv_Latn", "sr": "srp_Cyrl",
    "sv": "swe_Latn", "tr": "tur_Latn", "uk": "ukr_Cyrl", "zh": "zho_Hans",
}
FAMILY_NAMES = {
    "marian": "Opus-MT (Helsinki-NLP/opus-mt-SRC-TGT and its tc-big sibling), one model a direction",
    "nllb": f"NLLB-200 distilled 600M ({NLLB}), every direction",
    "m2m100": f"M2M100 418M ({M2M100}), every direction",
}
# The pairs `tqcheck models list` shows: what translators and newsrooms ask for most.
COMMON_LANGS = ("en", "pt", "es", "fr", "de", "it", "el", "ru", "uk", "pl", "nl")


@dataclass(frozen=True)
class Candidate:
    model: str  # hub id or local folder
    family: str  # "marian" | "nllb" | "m2m100"

    def supports(self, src: str, tgt: str) -> bool:
        if self.family == "nllb":
            return src in NLLB_CODES and tgt in NLLB_CODES
        return True


def candidates(src: str, tgt: str) -> list[Candidate]:
    """Models that could translate ``src``→``tgt`` directly, best first."""
    found = [
        Candidate(f"Helsinki-NLP/opus-mt-{src}-{tgt}", "marian"),
        Candidate(f"Helsinki-NLP/opus-mt-tc-big-{src}-{tgt}", "marian"),
        Candidate(NLLB, "nllb"),
        Candidate(M2M100, "m2m100"),
    ]
    return [c for c in found if c.supports(src, tgt)]


def family_of(model_dir: Path) -> str:
    """A local model's family, from its config and tokenizer files."""
    import json

    try:
        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        why = "no config.json" if isinstance(exc, FileNotFoundError) else f"config.json unreadable ({exc})"
        raise BackendError(f"{model_dir}: not a translation model folder: {why}") from None
    if config.get("model_type") == "marian":
        return "marian"
    tokenizer = model_dir / "tokenizer_config.json"
    if tokenizer.is_file() and "Nllb" in json.loads(tokenizer.read_text(encoding="utf-8")).get("tokenizer_class", ""):
        return "nllb"
    return "m2m100"


def is_present(model: str) -> bool:
    """A local folder with a config, or a hub id whose config is in the hub cache."""
    if Path(model).is_dir():
        return (Path(model) / "config.json").is_file()
    from huggingface_hub import try_to_load_from_cache

    cached = try_to_load_from_cache(model, "config.json")
    return isinstance(cached, str)


@dataclass(frozen=True)
class Route:
    """How one direction is served: one model, or two through the pivot language."""

    legs: tuple[tuple[Candidate, str, str], ...]


def declared_pair(candidate: Candidate) -> tuple[str, str] | None:
    """The direction a Marian model translates, from its tokenizer config or its hub name."""
    import json
    import re

    folder = Path(candidate.model)
    config = folder / "tokenizer_config.json"
    if folder.is_dir() and config.is_file():
        data = json.loads(config.read_text(encoding="utf-8"))
        if data.get("source_lang") and data.get("target_lang"):
            return str(data["source_lang"]), str(data["target_lang"])
    named = re.search(r"opus-mt-(?:tc-big-)?([a-z]{2,3})-([a-z]{2,3})$", candidate.model)
    return (named.group(1), named.group(2)) if named else None


def as_candidate(model: str) -> Candidate:
    """A user-given model (hub id or folder) with its family."""
    folder = Path(model)
    return Candidate(model, family_of(folder) if folder.is_dir() else _family_from_id(model))


def route(src: str, tgt: str, models: Sequence[str] = (), allow_download: bool = False) -> Route | None:
    """The best available way to translate ``src``→``tgt``; None when nothing is here.

    Models the user named come first: a multilingual one serves any direction, a Marian one the
    direction it declares.
    """
    for model in models:
        chosen = as_candidate(model)
        if (chosen.family != "marian" and chosen.supports(src, tgt)) or declared_pair(chosen) == (src, tgt):
            return Route(((chosen, src, tgt),))
    direct = next((c for c in candidates(src, tgt) if is_present(c.model)), None)
    if direct:
        return Route(((direct, src, tgt),))
    if PIVOT not in (src, tgt):
        first = next((c for c in candidates(src, PIVOT) if is_present(c.model)), None)
        second = next((c for c in candidates(PIVOT, tgt) if is_present(c.model)), None)
        if first and second:
            return Route(((first, src, PIVOT), (second, PIVOT, tgt)))
    if allow_download:
        return Route(((candidates(src, tgt)[0], src, tgt),))
    return None


def _family_from_id(model: str) -> str:
    lowered = model.lower()
    return "nllb" if "nllb" in lowered else "m2m100" if "m2m100" in lowered else "marian"
