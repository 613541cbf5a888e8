"""Markdown through markdown-it-py: headings, paragraphs, list items and table cells are units;
code blocks are skipped. An HTML comment holds notes for the next block. A translation pairs with
its source as plain text does, block for block when both have as many, else by sentence
alignment: a block left out of the translation is an omission, not a shift of every block after it."""

from __future__ import annotations

from tqcheck.readers.base import Document, Unit


class MarkdownReader:
    format = "markdown"

    def read(self, path: str, text: str) -> Document:
        from markdown_it import MarkdownIt

        tokens = MarkdownIt("commonmark").enable("table").parse(text)
        units = []
        pending: list[str] = []
        for token in tokens:
            if token.type == "html_block" and token.content.strip().startswith("<!--"):
                pending.append(token.content.strip()[4:-3].strip())
            elif token.type == "inline" and token.content.strip() and token.map:
                units.append(Unit(token.content, token.map[0] + 1, notes=tuple(pending)))
                pending = []
        return Document(path, self.format, tuple(units), bilingual=False, keyed=False)
