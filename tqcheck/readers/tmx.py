"""TMX translation memories: each <tu> pairs the <tuv> of the source language with another, the
language asked for (``--target-lang``) in a memory of several, else the first other language found;
parsed one <tu> at a time (readers.xml.ElementReader)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tqcheck.readers.base import Unit, iso_lang
from tqcheck.readers.xml import ElementReader, local_name, plain_text

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class TmxReader(ElementReader):
    format = "tmx"
    root = "tmx"
    parts = frozenset({"header", "tu"})

    def _parts(self, parts: Iterator[Any], langs: dict[str, str | None]) -> Iterator[Unit]:
        src_lang, tgt_lang = None, iso_lang(langs.get("asked"))
        number = 0
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
            src_lang = src_lang if src_lang in variants else next(iter(variants), None)
            tgt_lang = None if tgt_lang == src_lang else tgt_lang  # the source's own language asked for
            others = [lang for lang in variants if lang != src_lang]
            if not others or src_lang is None:
                continue
            tgt_lang = tgt_lang or others[0]
            seg = variants.get(tgt_lang)
            if seg is None:
                continue
            notes = tuple(plain_text(n) for n in tu if local_name(n.tag) == "note")
            key = tu.get("tuid") or str(number - 1)
            yield Unit(plain_text(seg), seg.sourceline, plain_text(variants[src_lang]), key, notes)
        langs.update(source=src_lang, target=tgt_lang)
