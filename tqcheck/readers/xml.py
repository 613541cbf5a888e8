"""XML shared by the XLIFF and TMX readers: safe parsing, local tag names, and the text of an
element without its inline codes."""

from __future__ import annotations

import re
from typing import Any

from tqcheck.errors import ReadError
from tqcheck.readers.base import line_of

# Inline codes that stand for native markup (XLIFF 1.2 and 2.x, TMX): left out of the compared text.
# Elements that wrap translatable text (g, pc, mrk, hi) keep it.
_DECLARATION = re.compile(r"<!DOCTYPE[^>]*\[|<!ENTITY")

INLINE_CODES = frozenset({"ph", "bpt", "ept", "it", "x", "bx", "ex", "sc", "ec", "sm", "em", "sub", "ut"})


def local_name(tag: Any) -> str:
    """"{urn:oasis:names:tc:xliff:document:1.2}source" → "source"; comments and PIs have none."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def plain_text(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        if local_name(child.tag) not in INLINE_CODES:
            parts.append(plain_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def parse_xml(path: str, text: str, root: str):  # type: ignore[no-untyped-def]
    """Parse XML safely and check its root element; a DOCTYPE with an internal subset (entity
    declarations) is refused."""
    from lxml import etree

    # anywhere in the file, not only in its first part: a large comment must not hide one
    declaration = _DECLARATION.search(text)
    if declaration:
        raise ReadError(path, "XML entity declarations are not allowed", line_of(text, declaration.start()))
    # never resolve entities, load DTDs or touch the network
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        tree = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise ReadError(path, f"malformed XML: {exc.msg}", exc.lineno) from None
    if local_name(tree.tag) != root:
        found = local_name(tree.tag) or "?"
        raise ReadError(path, f"is not {root.upper()}: the root element is <{found}>, not <{root}>", tree.sourceline)
    return tree
