"""TMX translation memories: each <tu> pairs the <tuv> of the source language with another, the
language asked for (``--target-lang``) in a memory of several, else the first other language found;
parsed one <tu> at a time (readers.xml.ElementReader). A <tu> without that language is left out and
counted as untranslated; a memory in which no <tu> holds the language asked for is an input error,
not a pass on nothing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tqcheck.errors import ReadError
from tqcheck.readers.base import Unit, iso_lang
from tqcheck.readers.spool import Declared
from tqcheck.readers.xml import ElementReader, local_name, plain_text

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class TmxReader(ElementReader):
    format = "tmx"
    root = "tmx"
    parts = frozenset({"header", "tu"})

    def _parts(self, path: str, parts: Iterator[Any], declared: Declared) -> Iterator[Unit]:
        src_lang, tgt_lang = None, iso_lang(declared.asked)
        number = paired = 0
        found: set[str] = set()
        for element in parts:
            if local_name(element.tag) == "header":
                src_lang = iso_lang(element.get("srclang"))
                continue
            tu, number = element, number + 1
            variants = {}
            for tuv in (e for e in tu if local_name(e.tag) == "tuv"):
                seg = next((e for e in tuv if local_name(e.tag) == "seg"), None)
                lang = iso_lang(tuv.get(_XML_LANG) or tuv.get("lang"))
                if seg is not None and lang:
                    variants[lang] = seg
            found.update(variants)
            src_lang = src_lang if src_lang in variants else next(iter(variants), None)
            tgt_lang = None if tgt_lang == src_lang else tgt_lang  # the source's own language asked for
            others = [lang for lang in variants if lang != src_lang]
            if src_lang is None:
                continue
            tgt_lang = tgt_lang or (others[0] if others else None)
            seg = variants.get(tgt_lang) if tgt_lang else None
            if seg is None:
                declared.left_out["untranslated"] += 1
                continue
            paired += 1
            notes = tuple(plain_text(n) for n in tu if local_name(n.tag) == "note")
            key = tu.get("tuid") or str(number - 1)
            yield Unit(plain_text(seg), seg.sourceline, plain_text(variants[src_lang]), key, notes)
        if declared.asked and not paired and found - {src_lang}:
            held = ", ".join(sorted(found))
            raise ReadError(path, f"no unit holds the language asked for ({declared.asked}); the memory holds {held}")
        declared.source, declared.target = src_lang, tgt_lang
