"""Pairing a one-language file with its source by key (JSON path, cue number, msgid), in memory
that does not grow with the text.

Each side's keys are kept as 64-bit hashes in sorted arrays (16 bytes a unit), and a segment is
made when asked for from the draft's unit and the source unit its key finds; a pair is confirmed
by comparing the keys themselves, so two keys that hash alike never pair (a source key that hashes
like a draft key, one chance in 10¹¹ for a million keys, would not be listed as omitted). A key on
one side only is an addition or an omission.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tqcheck.readers.base import ReadWhenAsked, Unit
from tqcheck.records import Segment
from tqcheck.text.segment import bounded

if TYPE_CHECKING:
    import numpy as np


class KeyedSegments(ReadWhenAsked[Segment]):
    """The draft's units in order, each with the source unit of its key (the last of a key the
    source repeats), then the source's units whose key the draft lacks."""

    def __init__(self, draft: Sequence[Unit], source: Sequence[Unit]) -> None:
        import numpy as np  # only when files pair by key: a run that needs no numpy does not load it

        self.draft, self.source = draft, source
        draft_hashes, source_hashes = _hashes(draft), _hashes(source)  # each side read once
        order = np.argsort(source_hashes, kind="stable")  # equal hashes in file order
        source_keys = source_hashes[order]
        at = np.searchsorted(source_keys, draft_hashes, side="right") - 1  # the last of equal hashes
        if len(source_keys):
            found = (at >= 0) & (source_keys[np.maximum(at, 0)] == draft_hashes)
            self._partner = np.where(found, order[np.maximum(at, 0)], -1)
        else:
            self._partner = np.full(len(draft), -1)
        draft_keys = np.sort(draft_hashes)
        spot = np.minimum(np.searchsorted(draft_keys, source_hashes), max(len(draft_keys) - 1, 0))
        missing = np.ones(len(source), dtype=bool) if not len(draft_keys) else draft_keys[spot] != source_hashes
        self._omitted = np.flatnonzero(missing)

    def __len__(self) -> int:
        return len(self.draft) + len(self._omitted)

    def _run(self, first: int, count: int) -> list[Segment]:
        segments = []
        stop = first + count
        if first < len(self.draft):
            units = self.draft[first : min(stop, len(self.draft))]
            for k, unit in enumerate(units, start=first):
                partner = int(self._partner[k])
                source = self.source[partner] if partner >= 0 else None
                text = source.target if source is not None and source.key == unit.key else ""
                segments.append(bounded(Segment(k, unit.line, unit.target, text, unit.key, unit.notes)))
        for k in range(max(first, len(self.draft)), stop):
            unit = self.source[int(self._omitted[k - len(self.draft)])]
            segments.append(bounded(Segment(k, unit.line, "", unit.target, unit.key)))
        return segments


def _hashes(units: Sequence[Unit]) -> np.ndarray:
    """The 64-bit hashes of the units' keys, in file order."""
    import numpy as np

    return np.fromiter((hash(u.key) for u in units), dtype=np.int64, count=len(units))
