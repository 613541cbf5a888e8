"""Pairing a one-language file with its source by key (JSON path, cue number, msgid), in memory
that does not grow with the text.

Subtitles split sentences across cues, and a subtitler moves words from one cue to the next as the
target language's order asks ("… that it will build | three new hospitals in the north." →
"… que vai construir três novos hospitais | no norte do país."): compared cue by cue, the words
moved read as left out of one cue and added to the next. So cues that continue a sentence, in the
draft or in its source, are checked together as one segment, up to ``SENTENCE_CUES`` cues.

Each side's keys are kept as 64-bit hashes in sorted arrays (16 bytes a unit), and a segment is
made when asked for from the draft's unit and the source unit its key finds; a pair is confirmed
by comparing the keys themselves, so two keys that hash alike never pair (a source key that hashes
like a draft key, one chance in 10¹¹ for a million keys, would not be listed as omitted). A key on
one side only is an addition or an omission.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tqcheck.readers.base import ReadWhenAsked, Unit
from tqcheck.records import Segment
from tqcheck.text.segment import bounded, leaves_open

if TYPE_CHECKING:
    import numpy as np


SENTENCE_CUES = 4
"""The most cues one segment joins: a subtitle's sentence rarely runs over more, and a file that
never closes a sentence (songs, captions without punctuation) is still checked a few cues at a time."""


class KeyedSegments(ReadWhenAsked[Segment]):
    """The draft's units in order, each with the source unit of its key (the last of a key the
    source repeats), then the source's units whose key the draft lacks. With ``join_sentences``
    (subtitles), a run of units that continue a sentence is one segment, where each unit and the
    next pair with neighbouring source units."""

    def __init__(self, draft: Sequence[Unit], source: Sequence[Unit], join_sentences: bool = False) -> None:
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
        self._starts = self._sentence_starts() if join_sentences else None  # where each joined run starts

    def __len__(self) -> int:
        return self._drafted() + len(self._omitted)

    def _drafted(self) -> int:
        return len(self.draft) if self._starts is None else len(self._starts)

    def _run(self, first: int, count: int) -> list[Segment]:
        segments = []
        stop, drafted = first + count, self._drafted()
        last = min(stop, drafted)
        if first < last:  # the run's draft units, in one read
            low, high = self._span(first)[0], self._span(last - 1)[1]
            units = self.draft[low:high]
        for k in range(first, last):
            start, end = self._span(k)
            pairs = [(unit, self._source_of(i, unit)) for i, unit in enumerate(units[start - low : end - low], start=start)]
            unit = pairs[0][0]
            target, source = (" ".join(texts) for texts in zip(*((u.target, s) for u, s in pairs)))
            notes = tuple(n for u, _ in pairs for n in u.notes)
            segments.append(bounded(Segment(k, unit.line, target, source, unit.key, notes)))
        for k in range(max(first, drafted), stop):
            unit = self.source[int(self._omitted[k - drafted])]
            segments.append(bounded(Segment(k, unit.line, "", unit.target, unit.key)))
        return segments

    def _source_of(self, index: int, unit: Unit) -> str:
        """The source text of the draft's unit at ``index``; "" when its key is the source's nowhere."""
        partner = int(self._partner[index])
        source = self.source[partner] if partner >= 0 else None
        return source.target if source is not None and source.key == unit.key else ""

    def _span(self, k: int) -> tuple[int, int]:
        """The draft units of segment ``k``: one, unless sentences are joined."""
        if self._starts is None:
            return k, k + 1
        return self._starts[k], self._starts[k + 1] if k + 1 < len(self._starts) else len(self.draft)

    def _sentence_starts(self) -> array:
        """The index of the first draft unit of each joined run: a unit joins the one before when
        that one and its source cue pair with the units just before this one's (the same cue order
        on both sides) and either leaves its sentence open."""
        starts, open_before, run, partner_before = array("q"), False, 0, -2
        for index, unit in enumerate(self.draft):
            partner = int(self._partner[index])
            source = self._source_of(index, unit)
            if open_before and partner == partner_before + 1 and source and run < SENTENCE_CUES:
                run += 1
            else:
                starts.append(index)
                run = 1
            open_before = bool(source) and (leaves_open(unit.target) or leaves_open(source))
            partner_before = partner
        return starts


def _hashes(units: Sequence[Unit]) -> np.ndarray:
    """The 64-bit hashes of the units' keys, in file order."""
    import numpy as np

    return np.fromiter((hash(u.key) for u in units), dtype=np.int64, count=len(units))
