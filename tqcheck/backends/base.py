"""The one interface every translation backend implements."""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import TypeVar

from tqcheck.errors import BackendError
from tqcheck.records import BackendSignature

T = TypeVar("T")


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

    def legs(self, src: str, tgt: str) -> int:
        """How many models a translation ``src``→``tgt`` goes through (a route through a pivot: 2)."""
        return 1

    def can_score(self, src: str, tgt: str) -> bool:
        """Whether ``score`` gives log-probabilities for ``src``→``tgt`` (the probe checks need them)."""
        return False

    def score(self, pairs: Sequence[tuple[str, str]], src: str, tgt: str) -> list[float] | None:
        """The log-probability of each (source, target) pair's target under the ``src``→``tgt`` model,
        or None when this backend cannot score; the checks that need scores then stay silent."""
        return None


def cores() -> int:
    """The cores a check uses for its own work: ``TQCHECK_WORKERS`` when set, else one a core and
    at most 4 (the embedded backend's translation workers, or the word-order judge's threads where
    nothing translates)."""
    chosen = os.environ.get("TQCHECK_WORKERS")
    return max(1, int(chosen)) if chosen else min(os.cpu_count() or 1, 4)


def resolve_directions(
    directions: Sequence[tuple[str, str]],
    find: Callable[[str, str], T | None],
    missing: Callable[[str, str], str],
) -> dict[tuple[str, str], T]:
    """What serves each direction; the first direction is required (its absence is the error
    ``missing`` words), the others are optional (the pipeline skips what has no model)."""
    found = {d: f for d in directions if (f := find(*d)) is not None}
    if directions and directions[0] not in found:
        raise BackendError(missing(*directions[0]))
    return found
