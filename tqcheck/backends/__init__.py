"""Translation backends behind one interface, and the choice of one for a set of directions."""

from __future__ import annotations

from collections.abc import Sequence

from tqcheck.backends.base import Backend
from tqcheck.errors import BackendError
from tqcheck.records import GenerationOptions

BACKENDS = ("auto", "embedded", "transformers", "ctranslate2", "apertium")


def _neural_model_for(src: str, tgt: str) -> bool:
    """Whether a neural model pulled for this very pair is here (it beats Apertium and chains)."""
    if not _transformers_installed():
        return False
    from tqcheck.backends.routing import route

    found = route(src, tgt)
    return found is not None and len(found.legs) == 1


def _transformers_installed() -> bool:
    from importlib.util import find_spec

    return find_spec("transformers") is not None and find_spec("huggingface_hub") is not None


def get_backend(
    name: str,
    directions: Sequence[tuple[str, str]],
    models: Sequence[str] = (),
    allow_download: bool = False,
    options: GenerationOptions = GenerationOptions(),
) -> Backend:
    """The backend for ``directions`` (the first one is required); a clear BackendError otherwise.

    ``auto`` takes, for each direction, the first of: the embedded model (en↔pt); a neural model
    pulled for that very pair (transformers); a good Apertium pair, or two good legs chained through
    a pivot language (see ``chain``); a poor Apertium pair; a neural route through English.
    """
    if name not in BACKENDS:
        raise BackendError(f"unknown backend {name!r}; choose one of {', '.join(BACKENDS)}")
    from tqcheck.backends.chain import Leg, RoutedBackend, best_route
    from tqcheck.backends.embedded import EmbeddedBackend

    if name in ("auto", "embedded") and not models and all(EmbeddedBackend.supports(*d) for d in directions):
        return EmbeddedBackend.shared()
    pair = "→".join(directions[0])
    if name == "embedded":
        raise BackendError(f"the embedded model covers en↔pt only, not {pair}: use --backend transformers")
    if name == "apertium":
        from tqcheck.backends.apertium import ApertiumBackend

        apertium = ApertiumBackend()
        if not apertium.supports(*directions[0]):
            raise BackendError(f"no Apertium pair for {pair} is installed (apt-get install apertium-…)")
        return RoutedBackend({d: (Leg(apertium, *d),) for d in directions if apertium.supports(*d)})
    if name == "auto" and not models and not _neural_model_for(*directions[0]):
        routes = {d: legs for d in directions if (legs := best_route(*d))}
        if directions[0] in routes:
            return RoutedBackend(routes)
    if name == "ctranslate2":
        from tqcheck.backends.ctranslate2_mt import CTranslate2Backend

        return CTranslate2Backend(directions, models, options)
    if not _transformers_installed():
        raise BackendError(
            f"no installed backend translates {pair}: the embedded model covers en↔pt only; the transformers "
            f"backend (Opus-MT, NLLB, M2M100) serves other pairs: pip install 'tqcheck[transformers]'"
        )
    from tqcheck.backends.transformers_mt import TransformersBackend

    return TransformersBackend(directions, models, allow_download, options)


def how_to_get(src: str, tgt: str) -> str:
    """What gives this machine a model for ``src``→``tgt``."""
    if not _transformers_installed():
        return "pip install 'tqcheck[transformers]', then `tqcheck models pull {src}-{tgt}`".format(src=src, tgt=tgt)
    return f"`tqcheck models pull {src}-{tgt}`"
