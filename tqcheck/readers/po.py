"""Gettext PO/POT through polib: plural forms become one unit each; fuzzy and obsolete entries
are skipped (their translations are not final)."""

from __future__ import annotations

import re

from tqcheck.errors import ReadError
from tqcheck.readers.base import Document, Unit, iso_lang


class PoReader:
    format = "po"

    def read(self, path: str, text: str) -> Document:
        import polib

        try:
            catalog = polib.pofile(text)
        except (OSError, ValueError) as exc:
            found = re.search(r"line (\d+)", str(exc))
            raise ReadError(path, f"malformed PO file: {exc}", int(found.group(1)) if found else None) from None
        lines = text.splitlines()
        units = []
        for entry in catalog:
            if entry.obsolete or "fuzzy" in entry.flags:
                continue
            notes = tuple(filter(None, [entry.tcomment]))
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            if entry.msgid_plural:
                for index, translation in sorted(entry.msgstr_plural.items()):
                    if translation:
                        source = entry.msgid if index == 0 else entry.msgid_plural
                        line = _msgstr_line(lines, entry.linenum, f"msgstr[{index}]")
                        units.append(Unit(translation, line, source, f"{key}[{index}]", notes))
            elif entry.msgstr:
                units.append(Unit(entry.msgstr, _msgstr_line(lines, entry.linenum, "msgstr"), entry.msgid, key, notes))
        language = catalog.metadata.get("Language") or None
        return Document(path, self.format, tuple(units), bilingual=True, keyed=True, target_lang=iso_lang(language))


def _msgstr_line(lines: list[str], start: int, keyword: str) -> int:
    """The line of the entry's translation: polib numbers an entry by its first comment line."""
    for number in range(start - 1, len(lines)):
        if lines[number].lstrip().startswith(keyword + " ") or lines[number].lstrip().startswith(keyword + '"'):
            return number + 1
    return start


