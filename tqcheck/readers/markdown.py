"""Markdown through markdown-it-py: headings, paragraphs, list items and table cells are units;
code blocks are skipped. An HTML comment holds notes for the next block. A translation pairs with
its source as plain text does, block for block when both have as many, else by sentence
alignment: a block left out of the translation is an omission, not a shift of every block after it.

Parsed a few hundred blocks at a time (readers.spool.PieceReader), so a long file is spooled to
disk like a translation memory. A piece ends only where CommonMark starts a new block whatever
came before: at a line that follows a blank line, begins with no indentation (else it may continue
a list item or an indented code block), and lies outside a fenced code block or an HTML block
that blank lines do not end (comments, ``<pre>``, ``<script>``…); and never between a comment and
the block its notes are for. The units are those of the whole file parsed at once.

Front matter (YAML between "---" lines, or TOML between "+++" lines, at the top of the file, as
static site generators read it) is no Markdown: parsed as such, its keys read as a heading. Its
values of two words or more ("title: Getting started") are units; keys, and values of one word
("layout: docs", dates), stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from tqcheck.readers.base import Unit
from tqcheck.readers.spool import Declared, PieceReader

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")  # a thematic break: no text
# HTML blocks of CommonMark's kinds 1 to 5, which run to their end marker across blank lines
_HTML_BLOCKS = (
    (
        re.compile(r"^ {0,3}<(?:pre|script|style|textarea)(?:\s|>|$)", re.I),
        re.compile(r"</(?:pre|script|style|textarea)>", re.I),
    ),
    (re.compile(r"^ {0,3}<!--"), re.compile(r"-->")),
    (re.compile(r"^ {0,3}<\?"), re.compile(r"\?>")),
    (re.compile(r"^ {0,3}<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"^ {0,3}<!\[CDATA\["), re.compile(r"\]\]>")),
)


class MarkdownReader(PieceReader):
    format = "markdown"
    bilingual = False
    keyed = False

    def _piece(self, path: str, lines: list[str], first: int, declared: Declared) -> Iterator[Unit]:
        from markdown_it import MarkdownIt

        matter = _front_matter(lines) if first == 0 else None
        if matter is not None:
            end, values = matter
            yield from (Unit(value, index + 1) for index, value in values)
            lines = ["\n"] * end + lines[end:]  # blank, so the blocks after keep their lines
        tokens = MarkdownIt("commonmark").enable("table").parse("".join(lines))
        pending: list[str] = []
        for token in tokens:
            if token.type == "html_block" and token.content.strip().startswith("<!--"):
                pending.append(token.content.strip()[4:-3].strip())
            elif token.type == "inline" and token.content.strip() and token.map:
                yield Unit(token.content, first + token.map[0] + 1, notes=tuple(pending))
                pending = []

    def _blank(self, line: str) -> bool:
        return not line.strip(" \t\r\n")  # CommonMark's blank line: a no-break space is text

    def _cuts(self) -> Callable[[str], bool]:
        fence: tuple[str, int] | None = None  # the open fence's character and length
        html_end: re.Pattern[str] | None = None  # what ends the open HTML block
        comment = False  # the last block was an HTML comment: its notes go with the next block

        def may_cut(line: str) -> bool:
            nonlocal fence, html_end, comment
            starts_block = fence is None and html_end is None and not line[:1].isspace()
            cut = starts_block and not comment
            marks = _FENCE.match(line)  # a fence's marks: opening one, or closing the open one
            text = starts_block and not marks and not _BREAK.match(line) and line[:1] != "<"
            if fence is not None:
                if marks and not marks.group(2).strip() and marks.group(1)[0] == fence[0]:
                    fence = None if len(marks.group(1)) >= fence[1] else fence
            elif html_end is not None:
                if html_end.search(line):
                    html_end = None
            elif marks and not (marks.group(1)[0] == "`" and "`" in marks.group(2)):
                fence = (marks.group(1)[0], len(marks.group(1)))
            else:
                kind = next(((m, end) for start, end in _HTML_BLOCKS if (m := start.match(line))), None)
                if kind is not None:
                    opened, end = kind
                    comment = opened.re is _HTML_BLOCKS[1][0]
                    if not end.search(line, opened.end()):
                        html_end = end
                elif text:  # a block with text, which takes the notes
                    comment = False
            return cut

        return may_cut


_MATTER = {  # a front matter's opening line, and the pattern of its "key: value" lines
    "---": re.compile(r"^([A-Za-z_][\w-]*):[ \t]+(.+?)\s*$"),
    "+++": re.compile(r"^([A-Za-z_][\w-]*)[ \t]*=[ \t]*(.+?)\s*$"),
}


def _front_matter(lines: list[str]) -> tuple[int, list[tuple[int, str]]] | None:
    """The front matter the file opens with: the index of the line after it, and each value of two
    words or more with its line's index; None when the file opens with none."""
    fence = lines[0].strip() if lines else ""
    pattern = _MATTER.get(fence)
    if pattern is None:
        return None
    ends = ("---", "...") if fence == "---" else ("+++",)
    close = next((i for i in range(1, len(lines)) if lines[i].strip() in ends), None)
    if close is None:
        return None
    values = []
    for index in range(1, close):
        found = pattern.match(lines[index])
        value = found.group(2) if found else ""
        if len(value) > 1 and value[0] in "'\"" and value[-1] == value[0]:
            value = value[1:-1]
        if len(value.split()) >= 2 and value[0] not in "[{|>&*":
            values.append((index, value))
    return close + 1, values
