"""XLIFF 1.2 and 2.x, parsed one unit at a time (readers.xml.ElementReader). Inline codes that
stand for native markup (ph, bpt, ept, it, x, bx, ex, sc, ec) are left out of the compared text;
inline elements that wrap translatable text (g, pc, mrk) keep it. Notes become the unit's notes. A
unit marked ``translate="no"``, or inside a group or file so marked, is left out and counted: its
target is meant to stay as the source, and compared with it would read as untranslated (TQ002).
So is a unit with no target, or an empty one: not translated yet."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tqcheck.readers.base import Unit
from tqcheck.readers.spool import Declared
from tqcheck.readers.xml import ElementReader, local_name, plain_text


class XliffReader(ElementReader):
    format = "xliff"
    root = "xliff"
    # 1.2: languages on each <file>, units are <trans-unit>; 2.x: languages on the root, <unit>s of <segment>s
    parts = frozenset({"xliff", "file", "trans-unit", "unit"})

    def _parts(self, path: str, parts: Iterator[Any], declared: Declared) -> Iterator[Unit]:
        for element in parts:
            name = local_name(element.tag)
            if name == "trans-unit":
                yield from _unit(element, element.get("id"), element, declared)
            elif name == "unit":
                for number, segment in enumerate(e for e in element if local_name(e.tag) == "segment"):
                    yield from _unit(segment, f"{element.get('id')}#{segment.get('id') or number}", element, declared)
            elif name == "file":  # 1.2: the first languages a file declares
                declared.source = declared.source or element.get("source-language")
                declared.target = declared.target or element.get("target-language")
            elif not element.get("version", "1.2").startswith("1"):  # the root, last: 2.x declares them here
                declared.source, declared.target = element.get("srcLang"), element.get("trgLang")


def _unit(holder: Any, key: str | None, unit: Any, declared: Declared) -> Iterator[Unit]:
    source = next((e for e in holder if local_name(e.tag) == "source"), None)
    target = next((e for e in holder if local_name(e.tag) == "target"), None)
    if source is None:
        return
    if not _translatable(unit):
        declared.left_out["marked not to translate"] += 1
    elif target is None or not plain_text(target).strip():
        declared.left_out["untranslated"] += 1
    else:
        notes = tuple(plain_text(n) for n in unit.iter() if local_name(n.tag) == "note")
        yield Unit(plain_text(target), target.sourceline, plain_text(source), key, notes)


def _translatable(unit: Any) -> bool:
    """Whether ``unit`` is to be translated: the nearest ``translate`` attribute of the unit or of
    the group or file around it (both XLIFF versions inherit it so); "yes" when none says."""
    for element in (unit, *unit.iterancestors()):
        said = element.get("translate")
        if said is not None:
            return said.strip() != "no"
    return True
