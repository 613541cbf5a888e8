"""TMX translation memories: each <tu> pairs the <tuv> of the source language with another."""

from __future__ import annotations

from tqcheck.readers.base import Document, Unit, iso_lang
from tqcheck.readers.xml import local_name, parse_xml, plain_text

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class TmxReader:
    format = "tmx"

    def read(self, path: str, text: str) -> Document:
        root = parse_xml(path, text, "tmx")
        header = next((e for e in root if local_name(e.tag) == "header"), None)
        src_lang = iso_lang(header.get("srclang")) if header is not None else None
        units = []
        tgt_lang = None
        for number, tu in enumerate(e for e in root.iter() if local_name(e.tag) == "tu"):
            variants = {}
            for tuv in (e for e in tu if local_name(e.tag) == "tuv"):
                seg = next((e for e in tuv if local_name(e.tag) == "seg"), None)
                lang = iso_lang(tuv.get(_XML_LANG) or tuv.get("lang"))
                if seg is not None and lang:
                    variants[lang] = seg
            src_lang = src_lang if src_lang in variants else next(iter(variants), None)
            others = [lang for lang in variants if lang != src_lang]
            if not others or src_lang is None:
                continue
            tgt_lang = tgt_lang or others[0]
            seg = variants.get(tgt_lang)
            if seg is None:
                continue
            notes = tuple(plain_text(n) for n in tu if local_name(n.tag) == "note")
            units.append(Unit(plain_text(seg), seg.sourceline, plain_text(variants[src_lang]), tu.get("tuid") or str(number), notes))
        return Document(path, self.format, tuple(units), True, True, src_lang, tgt_lang)
