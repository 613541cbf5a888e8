"""The one interface every translation backend implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

from tqcheck.model import BackendSignature


class Backend(ABC):
    """Translates batches of sentences; its signature goes into every report and cache key."""

    @property
    @abstractmethod
    def signature(self) -> BackendSignature: ...

    @abstractmethod
    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate ``texts`` from ``src`` to ``tgt``, one output per input, in input order."""

    def supports(self, src: str, tgt: str) -> bool:
        """Whether this backend, as set up, can translate ``src``→``tgt``."""
        return True
