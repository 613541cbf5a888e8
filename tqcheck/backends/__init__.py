"""Translation backends behind one interface, and the choice of one for a language pair."""

from __future__ import annotations

from tqcheck.backends.base import Backend
from tqcheck.errors import BackendError

BACKENDS = ("auto", "embedded")


def get_backend(name: str, src: str, tgt: str) -> Backend:
    """The backend that serves ``src``→``tgt``; a clear BackendError when none does."""
    if name not in BACKENDS:
        raise BackendError(f"unknown backend {name!r}; choose one of {', '.join(BACKENDS)}")
    from tqcheck.backends.embedded import EmbeddedBackend

    if EmbeddedBackend.supports(src, tgt):
        return EmbeddedBackend.shared()
    raise BackendError(
        f"no installed backend translates {src}→{tgt}: the embedded model covers en↔pt only; "
        f"other pairs will be served by the transformers backend (Opus-MT, NLLB, M2M100), not yet available"
    )
