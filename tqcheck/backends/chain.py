"""Routes of one or two legs, each leg on the backend that does it best, through any pivot language.

For each direction the first route that exists here, in this declared order of quality:

1. the embedded model (en↔pt);
2. a good Apertium pair (es↔pt, fr↔es, …; see ``apertium.GOOD_PAIRS``);
3. two such legs through a pivot (es→pt by Apertium, then pt→en by the embedded model), pivots tried
   in the order of ``PIVOTS``;
4. a poor Apertium pair (en↔es), when nothing better is here.

Neural models fetched with `tqcheck models pull` are served by the transformers backend instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tqcheck.backends.apertium import GOOD_PAIRS, ApertiumBackend, installed_modes
from tqcheck.backends.base import Backend
from tqcheck.backends.embedded import EmbeddedBackend
from tqcheck.errors import BackendError
from tqcheck.records import BackendSignature

PIVOTS = ("pt", "en", "es")


@dataclass(frozen=True)
class Leg:
    backend: Backend
    src: str
    tgt: str

    def describe(self) -> str:
        return f"{self.src}→{self.tgt} {self.backend.signature.name}"


def _leg(src: str, tgt: str, good_only: bool) -> Leg | None:
    if EmbeddedBackend.supports(src, tgt):
        return Leg(EmbeddedBackend.shared(), src, tgt)
    modes = installed_modes()
    if (src, tgt) in modes and (not good_only or (src, tgt) in GOOD_PAIRS):
        return Leg(_apertium(), src, tgt)
    return None


def _apertium() -> ApertiumBackend:
    global _APERTIUM
    if _APERTIUM is None:
        _APERTIUM = ApertiumBackend()
    return _APERTIUM


_APERTIUM: ApertiumBackend | None = None


def best_route(src: str, tgt: str) -> tuple[Leg, ...] | None:
    """The best route for ``src``→``tgt`` among those here, in the order of the module docstring."""
    direct = _leg(src, tgt, good_only=True)
    if direct:
        return (direct,)
    for pivot in PIVOTS:
        if pivot in (src, tgt):
            continue
        first, second = _leg(src, pivot, good_only=True), _leg(pivot, tgt, good_only=True)
        if first and second:
            return (first, second)
    poor = _leg(src, tgt, good_only=False)
    return (poor,) if poor else None


class RoutedBackend(Backend):
    """Each direction along its route; a route of one leg scores if its backend does."""

    def __init__(self, routes: dict[tuple[str, str], tuple[Leg, ...]]) -> None:
        if not routes:
            raise BackendError("no route translates these languages here")
        self.routes = routes
        names = sorted({leg.backend.signature.name for legs in routes.values() for leg in legs})
        models = sorted({leg.backend.signature.model for legs in routes.values() for leg in legs})
        versions = sorted({leg.backend.signature.version for legs in routes.values() for leg in legs})
        described = "; ".join(" + ".join(leg.describe() for leg in legs) for legs in routes.values())
        self._signature = BackendSignature("+".join(names), f"{' | '.join(models)} ({described})", "+".join(versions))

    @property
    def signature(self) -> BackendSignature:
        return self._signature

    def supports(self, src: str, tgt: str) -> bool:
        return (src, tgt) in self.routes

    def legs(self, src: str, tgt: str) -> int:
        return len(self.routes.get((src, tgt), ())) or 1

    def can_score(self, src: str, tgt: str) -> bool:
        return self._scoring(src, tgt) is not None

    def score(self, pairs: Sequence[tuple[str, str]], src: str, tgt: str) -> list[float] | None:
        """Each pair's log-likelihood on the route's leg that scores. On a route of two legs, the
        text on the other side of the pivot is carried into the pivot language first by a good
        rule-based leg (es→pt by Apertium keeps negations, numbers and opposites as they are): es→en
        scores the draft given the source's Portuguese, en→es the draft's Portuguese given the
        source. A change in the carried text (a negator taken out) reaches the score unchanged."""
        found = self._scoring(src, tgt)
        if found is None:
            return None
        scorer, carry, carried_side = found
        if carry is None:
            return scorer.backend.score(pairs, src, tgt)
        texts = carry.backend.translate([pair[carried_side] for pair in pairs], carry.src, carry.tgt)
        moved = [(text, t) if carried_side == 0 else (s, text) for (s, t), text in zip(pairs, texts)]
        return scorer.backend.score(moved, scorer.src, scorer.tgt)

    def _scoring(self, src: str, tgt: str) -> tuple[Leg, Leg | None, int] | None:
        """The leg that scores the route, the good leg that carries the other side's text into its
        language (None for a route of one leg), and which side of a pair that is (0 the source)."""
        legs = self.routes.get((src, tgt), ())
        if len(legs) == 1:
            return (legs[0], None, 0) if legs[0].backend.can_score(src, tgt) else None
        if len(legs) != 2:
            return None
        first, second = legs
        if second.backend.can_score(second.src, second.tgt):
            return second, first, 0  # the source carried along the first leg, as translating does
        back = _leg(tgt, first.tgt, good_only=True)  # the target carried back into the pivot language
        if first.backend.can_score(first.src, first.tgt) and back is not None:
            return first, back, 1
        return None

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        legs = self.routes.get((src, tgt))
        if legs is None:
            raise BackendError(f"no route translates {src}→{tgt} here")
        out = list(texts)
        for leg in legs:
            out = leg.backend.translate(out, leg.src, leg.tgt)
        return out
