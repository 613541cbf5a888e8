"""The translation-unit model every reader produces, and the reader registry.

A reader turns one file into a Document of Units. Bilingual formats (XLIFF, PO, TMX, CSV) carry
both sides in each unit; one-language formats (SRT, Markdown, JSON i18n) carry keys (cue number,
block number, JSON path) by which a translation is paired with its source file; plain text has
neither and is paired line by line or by sentence alignment. Readers are found by extension,
then by sniffing the content, and imported only when needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Protocol

from tqcheck.errors import ReadError
from tqcheck.readers.plaintext import read_text


@dataclass(frozen=True)
class Unit:
    target: str
    line: int  # 1-based line of the unit's translation in its file
    source: str | None = None
    key: str | None = None  # id, msgid, JSON path, cue or block number
    notes: tuple[str, ...] = ()  # translator comments: where inline suppressions live


@dataclass(frozen=True)
class Document:
    path: str
    format: str
    units: tuple[Unit, ...]
    bilingual: bool  # every unit carries its source
    keyed: bool  # units pair with a source file's units by key
    source_lang: str | None = None
    target_lang: str | None = None


class Reader(Protocol):
    format: str

    def read(self, path: str, text: str) -> Document: ...


# extension -> "module:Class", imported lazily
_BY_EXTENSION = {
    "xlf": "xliff:XliffReader", "xliff": "xliff:XliffReader", "sdlxliff": "xliff:XliffReader",
    "po": "po:PoReader", "pot": "po:PoReader",
    "tmx": "tmx:TmxReader",
    "srt": "srt_reader:SrtReader",
    "md": "markdown:MarkdownReader", "markdown": "markdown:MarkdownReader",
    "json": "json_i18n:JsonReader",
    "csv": "table:CsvReader", "tsv": "table:TsvReader",
    "txt": "plaintext:PlainTextReader",
}
_SNIFF = (
    (re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<xliff\b", re.S), "xliff:XliffReader"),
    (re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<tmx\b", re.S), "tmx:TmxReader"),
    (re.compile(r'^\s*(#.*\n\s*)*msgid\s+"', re.M), "po:PoReader"),
    (re.compile(r"^\s*\d+\s*\r?\n\d\d:\d\d:\d\d,\d{3} --> "), "srt_reader:SrtReader"),
    (re.compile(r"^\s*\{"), "json_i18n:JsonReader"),
)


def _load(spec: str) -> Reader:
    module, cls = spec.split(":")
    reader: Reader = getattr(import_module(f"tqcheck.readers.{module}"), cls)()
    return reader


def reader_for(path: str, text: str) -> Reader:
    spec = _BY_EXTENSION.get(Path(path).suffix.lower().lstrip("."))
    if spec is None:
        spec = next((s for pattern, s in _SNIFF if pattern.search(text[:4096])), "plaintext:PlainTextReader")
    return _load(spec)


def read_document(path: str) -> Document:
    """Read any supported file; ReadError (file and line) when it cannot be read or parsed."""
    text = read_text(path)
    return reader_for(path, text).read(path, text)


def iso_lang(code: str | None) -> str | None:
    """"pt-PT", "en_GB" → "pt", "en": the ISO 639-1 part tqcheck compares languages by."""
    return code.replace("-", "_").split("_")[0].lower() if code else None


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def parse_xml(path: str, text: str, root: str):  # type: ignore[no-untyped-def]
    """Parse XML safely and check its root element; a DOCTYPE with an internal subset (entity
    declarations) is refused."""
    from lxml import etree

    if re.search(r"<!DOCTYPE[^>]*\[", text[:65536]) or "<!ENTITY" in text[:65536]:
        raise ReadError(path, "XML entity declarations are not allowed", line_of(text, text.find("<!")))
    # never resolve entities, load DTDs or touch the network
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        tree = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise ReadError(path, f"malformed XML: {exc.msg}", exc.lineno) from None
    if not isinstance(tree.tag, str) or tree.tag.rsplit("}", 1)[-1] != root:
        found = tree.tag.rsplit("}", 1)[-1] if isinstance(tree.tag, str) else "?"
        raise ReadError(path, f"is not {root.upper()}: the root element is <{found}>, not <{root}>", tree.sourceline)
    return tree
