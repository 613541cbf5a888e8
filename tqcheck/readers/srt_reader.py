"""SubRip subtitles through the srt library; cues pair with the source file's cues by number."""

from __future__ import annotations

import re

from tqcheck.errors import ReadError
from tqcheck.readers.base import Document, Unit, line_of

_CUE_START = re.compile(r"^\s*(\d+)\s*\r?\n\d", re.M)
_TIMING = re.compile(r"^\d{1,2}:\d\d:\d\d[,.]\d{1,3}\s+-->\s+\d{1,2}:\d\d:\d\d[,.]\d{1,3}")


class SrtReader:
    format = "srt"

    def read(self, path: str, text: str) -> Document:
        import srt

        self._check_blocks(path, text)
        try:
            cues = list(srt.parse(text))
        except srt.SRTParseError as exc:
            raise ReadError(path, "malformed SRT: a cue without number or timing", line_of(text, exc.actual_start)) from None
        # a cue's text starts two lines below its number (number, timing line, text)
        starts = {int(m.group(1)): line_of(text, m.start(1)) + 2 for m in _CUE_START.finditer(text)}
        units = tuple(
            Unit(" ".join(cue.content.split()), starts.get(cue.index, 0), key=str(cue.index)) for cue in cues if cue.content.strip()
        )
        return Document(path, self.format, units, bilingual=False, keyed=True)

    @staticmethod
    def _check_blocks(path: str, text: str) -> None:
        """srt.parse folds a broken cue into the one before; insist that every block is
        a number, a timing line and text."""
        offset = 0
        for block in re.split(r"(\r?\n[ \t]*\r?\n)", text):
            lines = block.strip("\r\n").splitlines()
            if block.strip() and not block.startswith(("\n", "\r")):
                if len(lines) < 2 or not lines[0].strip().isdigit() or not _TIMING.match(lines[1].strip()):
                    at = offset + len(block) - len(block.lstrip())
                    raise ReadError(path, "malformed SRT: a cue must be a number, a timing line and text", line_of(text, at))
            offset += len(block)
