"""Gettext PO/POT through polib: plural forms become one unit each; obsolete entries are skipped,
and fuzzy and untranslated ones are left out and counted (a fuzzy translation is not final).

Read a few hundred entries at a time (readers.spool.PieceReader): the file is cut at the blank
lines between entries and each piece goes to polib, so a catalogue too long to hold is spooled to
disk like a translation memory."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.errors import ReadError
from tqcheck.readers.base import Unit
from tqcheck.readers.spool import Declared, PieceReader

_LINE = re.compile(r"line (\d+)")


class PoReader(PieceReader):
    format = "po"

    def _piece(self, path: str, lines: list[str], first: int, declared: Declared) -> Iterator[Unit]:
        """The units of the entries in ``lines``, the file's lines from index ``first`` on."""
        import polib

        try:
            catalog = polib.pofile("".join(lines) + "\n")
        except (OSError, ValueError) as exc:
            found = _LINE.search(str(exc))
            at = first + int(found.group(1)) if found else None
            message = _LINE.sub(f"line {at}", str(exc)) if at else str(exc)
            raise ReadError(path, f"malformed PO file: {message}", at) from None
        declared.target = declared.target or catalog.metadata.get("Language") or None
        texts = [line.rstrip("\r\n") for line in lines]
        for entry in catalog:
            if entry.obsolete:
                continue
            if "fuzzy" in entry.flags:
                declared.left_out["fuzzy"] += 1
                continue
            notes = tuple(filter(None, [entry.tcomment]))
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            if entry.msgid_plural:
                for index, translation in sorted(entry.msgstr_plural.items()):
                    if not translation:
                        declared.left_out["untranslated"] += 1
                        continue
                    source = entry.msgid if index == 0 else entry.msgid_plural
                    line = first + _msgstr_line(texts, entry.linenum, f"msgstr[{index}]")
                    yield Unit(translation, line, source, f"{key}[{index}]", notes)
            elif entry.msgstr:
                yield Unit(entry.msgstr, first + _msgstr_line(texts, entry.linenum, "msgstr"), entry.msgid, key, notes)
            else:
                declared.left_out["untranslated"] += 1


def _msgstr_line(lines: list[str], start: int, keyword: str) -> int:
    """The line of the entry's translation: polib numbers an entry by its first comment line (the
    first entry of a text by 0)."""
    for number in range(max(start, 1) - 1, len(lines)):
        if lines[number].lstrip().startswith(keyword + " ") or lines[number].lstrip().startswith(keyword + '"'):
            return number + 1
    return start
