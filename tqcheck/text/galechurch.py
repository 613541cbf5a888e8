"""Gale & Church (1993) alignment: a dynamic programme over lengths with 1-1, 1-0, 0-1, 2-1 and
1-2 beads, kept within a band around the diagonal, in memory that grows with the band's width
and not with the number of cells: costs are kept for the three rows a bead can reach, and the
path back as one byte a cell. A file of 50,000 lines aligns in a few megabytes."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

Bead = tuple[int, int, int, int]
"""source[start:end] pairs with target[start:end]: (source start, source end, target start, target end)."""

# Bead priors and length-ratio variance from Gale & Church's paper.
_BEADS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099 / 2,
    (0, 1): 0.0099 / 2,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
}
_STEPS = list(_BEADS)
_VARIANCE = 6.8


def _length_cost(src_len: int, tgt_len: int, bead: tuple[int, int], ratio: float) -> float:
    prior = -math.log(_BEADS[bead])
    if 0 in bead:  # nothing to compare a lone unit's length with
        return prior
    mean = (src_len + tgt_len / ratio) / 2
    delta = (tgt_len - src_len * ratio) / math.sqrt(max(mean, 1.0) * _VARIANCE)
    tail = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)
    return prior - math.log(tail)


def align(
    source: Sequence[int],
    target: Sequence[int],
    band: int,
    ratio: float = 1.0,
    content: Callable[[int, int, int, int], float] | None = None,
) -> list[Bead]:
    """The cheapest path of beads over the lengths ``source`` and ``target``, within ``band``
    units of the diagonal; ``content`` adds a cost for a bead (i, ni, j, nj) beside its lengths."""
    n, m = len(source), len(target)
    rows: dict[int, dict[int, float]] = {0: {0: 0.0}}
    back: list[tuple[int, bytearray]] = []  # per row: the first column kept, then each cell's step + 1

    for i in range(n + 1):  # the cells a bead may end in: within band + 1 of the diagonal
        diagonal = i * m / max(n, 1)
        first = max(0, math.ceil(diagonal - band - 1))
        back.append((first, bytearray(max(0, min(m, math.floor(diagonal + band + 1)) - first + 1))))
    for i in range(n + 1):
        costs = rows.pop(i, {})
        centre = i * m / max(n, 1)
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band + 1) + 1):
            here = costs.get(j)
            if here is None:
                continue
            for step, (di, dj) in enumerate(_STEPS):
                ni, nj = i + di, j + dj
                if ni > n or nj > m or abs(nj - ni * m / max(n, 1)) > band + 1:
                    continue
                c = here + _length_cost(sum(source[i:ni]), sum(target[j:nj]), (di, dj), ratio)
                if content is not None:
                    c += content(i, ni, j, nj)
                into = costs if ni == i else rows.setdefault(ni, {})
                if c < into.get(nj, math.inf):
                    into[nj] = c
                    start, steps = back[ni]
                    steps[nj - start] = step + 1
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        start, steps = back[i]
        di, dj = _STEPS[steps[j - start] - 1]
        beads.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    beads.reverse()
    return beads
