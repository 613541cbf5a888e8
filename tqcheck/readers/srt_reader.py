"""SubRip subtitles through the srt library; cues pair with the source file's cues by number.

Read a few hundred cues at a time (readers.spool.SpoolingReader), cut at the blank lines between
cues: a long subtitle file is spooled to disk like a translation memory."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator

from tqcheck.errors import ReadError
from tqcheck.readers.base import Unit, line_of
from tqcheck.readers.lines import checked_lines
from tqcheck.readers.spool import SpoolingReader

_CUE_START = re.compile(r"^\s*(\d+)\s*\r?\n\d", re.M)
_TIMING = re.compile(r"^\d{1,2}:\d\d:\d\d[,.]\d{1,3}\s+-->\s+\d{1,2}:\d\d:\d\d[,.]\d{1,3}")


class SrtReader(SpoolingReader):
    format = "srt"
    bilingual = False
    CUES = 500
    """Cues given to the srt library at once."""

    def _from_text(self, path: str, text: str) -> Iterable[str]:
        return io.StringIO(text)

    def _from_file(self, path: str) -> Iterable[str]:
        return (line for _, line in checked_lines(path))

    def _units(self, path: str, lines: Iterable[str], langs: dict[str, str | None]) -> Iterator[Unit]:
        piece: list[str] = []
        first = cues = 0
        for number, line in enumerate(lines):
            piece.append(line)
            if not line.strip() and len(piece) > 1 and piece[-2].strip():  # a blank line ends a cue
                cues += 1
                if cues >= self.CUES:
                    yield from self._piece(path, "".join(piece), first)
                    piece, first, cues = [], number + 1, 0
        if any(line.strip() for line in piece):
            yield from self._piece(path, "".join(piece), first)

    def _piece(self, path: str, text: str, first: int) -> Iterator[Unit]:
        """The units of the cues in ``text``, the file's lines from index ``first`` on."""
        import srt

        _check_blocks(path, text, first)
        try:
            cues = list(srt.parse(text))
        except srt.SRTParseError as exc:
            at = first + line_of(text, exc.actual_start)
            raise ReadError(path, "malformed SRT: a cue without number or timing", at) from None
        # a cue's text starts two lines below its number (number, timing line, text); lines are
        # counted on from one cue to the next
        starts, line, at = {}, first + 1, 0
        for m in _CUE_START.finditer(text):
            line += text.count("\n", at, m.start(1))
            at = m.start(1)
            starts[int(m.group(1))] = line + 2
        for cue in cues:
            if cue.content.strip():
                yield Unit(" ".join(cue.content.split()), starts.get(cue.index, 0), key=str(cue.index))


def _check_blocks(path: str, text: str, first: int) -> None:
    """srt.parse folds a broken cue into the one before; insist that every block is a number, a
    timing line and text."""
    offset = 0
    for block in re.split(r"(\r?\n[ \t]*\r?\n)", text):
        lines = block.strip("\r\n").splitlines()
        if block.strip() and not block.startswith(("\n", "\r")):
            if len(lines) < 2 or not lines[0].strip().isdigit() or not _TIMING.match(lines[1].strip()):
                at = offset + len(block) - len(block.lstrip())
                raise ReadError(path, "malformed SRT: a cue must be a number, a timing line and text", first + line_of(text, at))
        offset += len(block)
