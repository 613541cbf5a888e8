"""SubRip subtitles through the srt library; cues pair with the source file's cues by number.

Read a few hundred cues at a time (readers.spool.PieceReader), cut at the blank lines between
cues: a long subtitle file is spooled to disk like a translation memory."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.errors import ReadError
from tqcheck.readers.base import Unit, line_of
from tqcheck.readers.spool import Declared, PieceReader

_CUE_START = re.compile(r"^\s*(\d+)\s*\r?\n\d", re.M)
_TIMING = re.compile(r"^\d{1,2}:\d\d:\d\d[,.]\d{1,3}\s+-->\s+\d{1,2}:\d\d:\d\d[,.]\d{1,3}")


class SrtReader(PieceReader):
    format = "srt"
    bilingual = False

    def _piece(self, path: str, lines: list[str], first: int, declared: Declared) -> Iterator[Unit]:
        """The units of the cues in ``lines``, the file's lines from index ``first`` on."""
        import srt

        text = "".join(lines)
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
