"""XLIFF 1.2 and 2.x. Inline codes that stand for native markup (ph, bpt, ept, it, x, bx, ex, sc,
ec) are left out of the compared text; inline elements that wrap translatable text (g, pc, mrk)
keep it. Notes become the unit's notes."""

from __future__ import annotations

from typing import Any

from tqcheck.readers.base import Document, Unit, iso_lang
from tqcheck.readers.xml import local_name, parse_xml, plain_text


class XliffReader:
    format = "xliff"

    def read(self, path: str, text: str) -> Document:
        root = parse_xml(path, text, "xliff")
        version = root.get("version", "1.2")
        units: list[Unit] = []
        src_lang = tgt_lang = None
        if version.startswith("1"):
            for file in (e for e in root.iter() if local_name(e.tag) == "file"):
                src_lang = src_lang or file.get("source-language")
                tgt_lang = tgt_lang or file.get("target-language")
            for unit in (e for e in root.iter() if local_name(e.tag) == "trans-unit"):
                self._add(units, unit, unit.get("id"), unit)
        else:
            src_lang, tgt_lang = root.get("srcLang"), root.get("trgLang")
            for unit in (e for e in root.iter() if local_name(e.tag) == "unit"):
                for number, segment in enumerate(e for e in unit if local_name(e.tag) == "segment"):
                    self._add(units, segment, f"{unit.get('id')}#{segment.get('id') or number}", unit)
        return Document(path, self.format, tuple(units), True, True, iso_lang(src_lang), iso_lang(tgt_lang))

    @staticmethod
    def _add(units: list[Unit], holder: Any, key: str | None, unit: Any) -> None:
        source = next((e for e in holder if local_name(e.tag) == "source"), None)
        target = next((e for e in holder if local_name(e.tag) == "target"), None)
        if source is None or target is None or not plain_text(target).strip():
            return
        notes = tuple(plain_text(n) for n in unit.iter() if local_name(n.tag) == "note")
        units.append(Unit(plain_text(target), target.sourceline, plain_text(source), key, notes))
