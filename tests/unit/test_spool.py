"""Long TMX, XLIFF, CSV, PO and SRT files streamed into a spool: the same units, segments and errors
as read whole."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tqcheck.errors import ReadError
from tqcheck.readers import lines
from tqcheck.readers.base import read_document
from tqcheck.readers.lines import open_document
from tqcheck.readers.spool import SpooledUnits
from tqcheck.text.align import pair_documents

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="en-GB" datatype="plaintext" segtype="sentence"/>
  <body>
    <tu tuid="a1"><note>checked by Ana</note>
      <tuv xml:lang="en-GB"><seg>Prices rose by <ph>&lt;b&gt;</ph>3 %.</seg></tuv>
      <tuv xml:lang="pt-PT"><seg>Os preços subiram 3 %.</seg></tuv>
    </tu>
    <tu><tuv xml:lang="en-GB"><seg>Only one side.</seg></tuv></tu>
    <tu>
      <tuv xml:lang="en-GB"><seg>Line one
and two.</seg></tuv>
      <tuv xml:lang="pt-PT"><seg>Linha um
e dois — «aspas».</seg></tuv>
    </tu>
  </body>
</tmx>
"""
FORMATS = Path(__file__).resolve().parents[1] / "data" / "formats"
CSV = 'id,source,target\n1,"Hello, world.","Olá, mundo."\n2,"Two\nlines","Duas\nlinhas"\n\n3,Empty target,\n4,Last,Último\n'


@pytest.fixture
def streamed(monkeypatch):
    monkeypatch.setattr(lines, "HOLD_BYTES", 0)  # every file counts as long here


@pytest.mark.parametrize(
    ("name", "text", "langs"),
    [
        ("memory.tmx", TMX, ("en", "pt")),
        ("memory.csv", CSV, (None, None)),
        ("memory.tsv", CSV.replace(",", "\t"), (None, None)),
        ("budget.xlf", (FORMATS / "budget.xlf").read_text(encoding="utf-8"), ("pt", "en")),
        ("budget.v2.xlf", (FORMATS / "budget.v2.xlf").read_text(encoding="utf-8"), ("pt", "en")),
        ("budget.po", (FORMATS / "budget.po").read_text(encoding="utf-8"), (None, "en")),
    ],
)
def test_a_streamed_file_gives_the_units_and_segments_of_the_whole_file(tmp_path: Path, streamed, name, text, langs):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    whole, spooled = read_document(str(path)), open_document(str(path))
    assert isinstance(spooled.units, SpooledUnits) and not isinstance(whole.units, SpooledUnits)
    assert list(spooled.units) == list(whole.units) and len(whole.units) >= 2
    assert spooled.units[1:] == list(whole.units[1:]) and spooled.units[-1] == whole.units[-1]
    assert (spooled.source_lang, spooled.target_lang) == (whole.source_lang, whole.target_lang) == langs
    segments = pair_documents(spooled, None, "en", "pt", None)
    assert list(segments) == list(pair_documents(whole, None, "en", "pt", None))
    assert all(s.source and s.target for s in segments) and segments[0].line == whole.units[0].line


@pytest.mark.parametrize("name", ["memory.tmx", "memory.csv"])
def test_a_memory_exported_in_utf16_reads_as_its_utf8_twin_whole_and_streamed(tmp_path: Path, monkeypatch, name):
    """Trados and Excel write UTF-16 with a byte-order mark; the TMX still declares its encoding,
    which the text read from the file no longer has."""
    text = TMX.replace('encoding="UTF-8"', 'encoding="UTF-16"') if name.endswith(".tmx") else CSV
    twin, wide = tmp_path / ("twin-" + name), tmp_path / name
    twin.write_text(text, encoding="utf-8")
    wide.write_text(text, encoding="utf-16")
    whole = read_document(str(wide))
    monkeypatch.setattr(lines, "HOLD_BYTES", 0)
    streamed = open_document(str(wide))
    assert isinstance(streamed.units, SpooledUnits)
    assert list(streamed.units) == list(whole.units) == list(read_document(str(twin)).units) and len(whole.units) >= 2
    assert (streamed.source_lang, streamed.target_lang) == (whole.source_lang, whole.target_lang)


def test_a_csv_saved_with_semicolons_reads_as_its_comma_twin_whole_and_streamed(tmp_path: Path, monkeypatch):
    """Spreadsheets write semicolons where the comma is the decimal mark; the header tells which."""
    rows = [["id", "source", "target"], ["1", "Hello, world.", "Olá, mundo."], ["2", "It cost 3,5 €; no more.", "Custou 3,5 €; não mais."]]
    commas, semicolons = tmp_path / "commas.csv", tmp_path / "semicolons.csv"
    for path, delimiter in ((commas, ","), (semicolons, ";")):
        with path.open("w", encoding="utf-8", newline="") as out:
            csv.writer(out, delimiter=delimiter).writerows(rows)
    assert ";" in semicolons.read_text(encoding="utf-8").splitlines()[0]
    whole = read_document(str(semicolons))
    monkeypatch.setattr(lines, "HOLD_BYTES", 0)
    streamed = open_document(str(semicolons))
    assert list(whole.units) == list(streamed.units) == list(read_document(str(commas)).units)
    assert [u.target for u in whole.units] == ["Olá, mundo.", "Custou 3,5 €; não mais."]


@pytest.mark.parametrize(
    ("name", "data", "message", "line"),
    [
        ("bad.tmx", TMX.replace("</seg></tuv>\n    </tu>", "</sg></tuv>\n    </tu>", 1).encode(), "malformed XML", 7),
        ("bad.tmx", TMX.encode().replace(b"Linha", b"L\xffnha"), "not valid UTF-8", 13),
        ("bad.tmx", TMX.replace("<tmx", '<!DOCTYPE tmx [<!ENTITY x "y">]>\n<tmx').encode(), "XML entity declarations", 2),
        ("bad.tmx", b'<?xml version="1.0"?>\n<xliff version="1.2"/>\n', "is not TMX", 2),
        ("bad.xlf", (FORMATS / "broken.xlf").read_bytes(), "malformed XML", 7),
        ("bad.csv", b"id,source,target\n1,a,b\n2,only\n", "row has 2 columns", 3),
        ("bad.csv", b"id,source,target\n1,a,b\n2,nul\x00,c\n", "binary file", 3),
        ("bad.po", (FORMATS / "broken.po").read_bytes(), "malformed PO file", 4),
        ("bad.srt", (FORMATS / "broken.srt").read_bytes(), "malformed SRT", 5),
    ],
)
def test_errors_name_the_line_as_the_whole_file_reader_does(tmp_path: Path, streamed, name, data, message, line):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as lazy:
        open_document(str(path))
    with pytest.raises(ReadError) as whole:
        read_document(str(path))
    assert lazy.value.reason.startswith(message) and (lazy.value.reason, lazy.value.line) == (whole.value.reason, whole.value.line)
    assert lazy.value.line == line


XLIFF_12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="pt" datatype="plaintext" original="ui"><body>
    <trans-unit id="save"><source>Save your changes.</source><target>Guarde as alterações.</target></trans-unit>
    <trans-unit id="licence" translate="no"><source>Licensed under the Apache License.</source><target>Licensed under the Apache License.</target></trans-unit>
    <group id="legal" translate="no">
      <trans-unit id="rights"><source>All rights reserved.</source><target>All rights reserved.</target></trans-unit>
      <trans-unit id="notice" translate="yes"><source>Read the notice.</source><target>Leia o aviso.</target></trans-unit>
    </group>
    <trans-unit id="close"><source>Close the window.</source><target>Feche a janela.</target></trans-unit>
  </body></file>
</xliff>
"""
XLIFF_2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="pt">
  <file id="ui">
    <unit id="save"><segment><source>Save your changes.</source><target>Guarde as alterações.</target></segment></unit>
    <unit id="licence" translate="no"><segment><source>Licensed under the Apache License.</source><target>Licensed under the Apache License.</target></segment></unit>
    <group id="legal" translate="no">
      <unit id="rights"><segment><source>All rights reserved.</source><target>All rights reserved.</target></segment></unit>
      <unit id="notice" translate="yes"><segment><source>Read the notice.</source><target>Leia o aviso.</target></segment></unit>
    </group>
    <unit id="close"><segment><source>Close the window.</source><target>Feche a janela.</target></segment></unit>
  </file>
  <file id="legal" translate="no">
    <unit id="terms"><segment><source>Terms of use.</source><target>Terms of use.</target></segment></unit>
  </file>
</xliff>
"""


@pytest.mark.parametrize(("text", "keys"), [(XLIFF_12, ["save", "notice", "close"]), (XLIFF_2, ["save#0", "notice#0", "close#0"])])
def test_units_marked_not_to_translate_are_left_out_whole_and_streamed(tmp_path: Path, monkeypatch, text, keys):
    """A target meant to stay as the source would read as untranslated; the mark is inherited from a
    group or file, and a unit may say otherwise."""
    path = tmp_path / "ui.xlf"
    path.write_text(text, encoding="utf-8")
    whole = read_document(str(path))
    monkeypatch.setattr(lines, "HOLD_BYTES", 0)
    streamed = open_document(str(path))
    assert isinstance(streamed.units, SpooledUnits)
    assert [u.key for u in whole.units] == [u.key for u in streamed.units] == keys
    assert whole.left_out == streamed.left_out == (("marked not to translate", 3 if text is XLIFF_2 else 2),)


UNTRANSLATED = {
    "ui.po": (
        'msgid ""\nmsgstr ""\n"Language: pt\\n"\n\n'
        'msgid "Save your changes."\nmsgstr "Guarde as alterações."\n\n'
        '#, fuzzy\nmsgid "Close the window."\nmsgstr "Feche a janela."\n\n'
        'msgid "Open a file."\nmsgstr ""\n\n'
        'msgid "One file"\nmsgid_plural "%d files"\nmsgstr[0] "Um ficheiro"\nmsgstr[1] ""\n\n'
        '#~ msgid "Old text."\n#~ msgstr ""\n'
    ),
    "ui.xlf": XLIFF_12.replace(
        '<trans-unit id="close">',
        '<trans-unit id="open"><source>Open a file.</source><target/></trans-unit>'
        '<trans-unit id="quit"><source>Quit.</source></trans-unit><trans-unit id="close">',
    ),
    "ui.csv": 'key,source,target\nsave,Save your changes.,Guarde as alterações.\nopen,Open a file.,\n,,\nclose,Close.,Feche.\n',
}


@pytest.mark.parametrize(("name", "kept", "left_out"), [
    ("ui.po", ["Guarde as alterações.", "Um ficheiro"], (("fuzzy", 1), ("untranslated", 2))),
    ("ui.xlf", ["Guarde as alterações.", "Leia o aviso.", "Feche a janela."],
     (("marked not to translate", 2), ("untranslated", 2))),
    ("ui.csv", ["Guarde as alterações.", "Feche."], (("untranslated", 1),)),  # a blank row is no unit
])
def test_units_not_translated_yet_are_left_out_and_counted_whole_and_streamed(tmp_path: Path, monkeypatch, name, kept, left_out):
    """A catalogue half translated is checked on what it holds, and the report can say how much it
    did not check; an obsolete PO entry is no unit of the catalogue at all."""
    path = tmp_path / name
    path.write_text(UNTRANSLATED[name], encoding="utf-8")
    whole = read_document(str(path))
    monkeypatch.setattr(lines, "HOLD_BYTES", 0)
    streamed = open_document(str(path))
    assert isinstance(streamed.units, SpooledUnits)
    assert [u.target for u in whole.units] == [u.target for u in streamed.units] == kept
    assert whole.left_out == streamed.left_out == left_out


def test_a_po_catalogue_read_a_few_entries_at_a_time_gives_what_polib_reads_whole(tmp_path: Path, monkeypatch):
    import polib

    from tqcheck.readers.po import PoReader

    entries = "".join(
        f'#. note {i}\nmsgctxt "c{i}"\nmsgid "Price {i} rose."\nmsgstr "O preço {i} subiu."\n\n' for i in range(7)
    )
    plural = 'msgid "one file"\nmsgid_plural "{n} files"\nmsgstr[0] "um ficheiro"\nmsgstr[1] "{n} ficheiros"\n\n'
    fuzzy = '#, fuzzy\nmsgid "Draft"\nmsgstr "Rascunho"\n\n'
    text = 'msgid ""\nmsgstr ""\n"Language: pt_PT\\n"\n\n' + entries + plural + fuzzy + entries.replace("Price", "Cost")
    path = tmp_path / "app.po"
    path.write_text(text, encoding="utf-8")
    whole = read_document(str(path))
    monkeypatch.setattr(PoReader, "ENTRIES", 2)
    pieces = read_document(str(path))
    assert list(pieces.units) == list(whole.units) and whole.target_lang == pieces.target_lang == "pt"
    translated = [e for e in polib.pofile(text) if e.msgstr and "fuzzy" not in e.flags]
    assert [u.target for u in whole.units if not u.key.endswith("]")] == [e.msgstr for e in translated]
    lines = text.splitlines()
    assert all(lines[u.line - 1].startswith(("msgstr", "msgstr[")) for u in whole.units)
    assert [u.target for u in whole.units if u.key.endswith("]")] == ["um ficheiro", "{n} ficheiros"]
    # an error in a later piece names its line in the file
    broken = text.replace('msgid "Cost 5 rose."', "garbage here", 1)
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ReadError) as error:
        read_document(str(path))
    at = broken.splitlines().index("garbage here") + 1
    assert error.value.line == at and f"line {at}" in error.value.reason


def test_subtitles_read_a_few_cues_at_a_time_give_the_cues_read_whole(tmp_path: Path, monkeypatch):
    from tqcheck.readers.srt_reader import SrtReader

    cues = "".join(f"{i}\n00:00:{i:02d},000 --> 00:00:{i:02d},900\nLine {i} of the\nfilm.\n\n" for i in range(1, 12))
    path = tmp_path / "film.pt.srt"
    path.write_text(cues, encoding="utf-8")
    whole = read_document(str(path))
    monkeypatch.setattr(SrtReader, "ENTRIES", 2)
    pieces = read_document(str(path))
    assert list(pieces.units) == list(whole.units) and len(whole.units) == 11 and not whole.bilingual
    lines = cues.splitlines()
    assert all(lines[u.line - 1] == f"Line {u.key} of the" and u.target == f"Line {u.key} of the film." for u in whole.units)
    broken = cues.replace("9\n00:00:09,000", "9\nnine o'clock", 1)  # a cue with no timing, in a later piece
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ReadError) as error:
        read_document(str(path))
    assert error.value.line == broken.splitlines().index("9") + 1


MARKDOWN = """# Budget 2025

<!-- note for the intro:
keep "deficit"

as it is -->

The deficit fell to 3 % of output.

```python
rate = 0.03

print(rate)
```

- First item

  its second paragraph

      indented code

<!-- lint disable -->

<table>
<tr><td>cell</td></tr>
</table>

* After the table, with the note above.

<pre>
kept

as it is
</pre>

~~~
a tilde fence

~~~~

A line after a no-break space:
\u00a0
still the same paragraph.

---

Last paragraph.
"""


def test_markdown_read_a_few_blocks_at_a_time_gives_the_blocks_read_whole(tmp_path: Path, monkeypatch):
    from markdown_it import MarkdownIt

    from tqcheck.readers.markdown import MarkdownReader

    path = tmp_path / "budget.md"
    path.write_text(MARKDOWN * 3, encoding="utf-8")
    whole = read_document(str(path))
    monkeypatch.setattr(MarkdownReader, "ENTRIES", 1)  # a cut wherever one is allowed
    pieces = read_document(str(path))
    assert list(pieces.units) == list(whole.units) and not whole.keyed and not whole.bilingual
    inline = [t for t in MarkdownIt("commonmark").enable("table").parse(MARKDOWN * 3) if t.type == "inline" and t.content.strip()]
    assert [(u.target, u.line) for u in whole.units] == [(t.content, t.map[0] + 1) for t in inline]
    noted = {u.target: u.notes for u in whole.units}
    assert noted["The deficit fell to 3 % of output."] == ('note for the intro:\nkeep "deficit"\n\nas it is',)
    assert noted["After the table, with the note above."] == ("lint disable",)
    assert "still the same paragraph." in pieces.units[-2].target and "kept" not in noted
    monkeypatch.setattr(lines, "HOLD_BYTES", 0)
    spooled = open_document(str(path))
    assert isinstance(spooled.units, SpooledUnits) and list(spooled.units) == list(whole.units)


def test_a_memory_of_several_languages_gives_the_language_asked_for_whole_and_streamed(tmp_path: Path, monkeypatch):
    """Each <tu> holds en, es and pt-BR: asked for pt, the Portuguese variants are the translations
    (the Spanish ones were checked as Portuguese); asked for nothing, the first language after the source."""
    tus = [("Prices rose.", "Los precios subieron.", "Os preços subiram."), ("Rain fell.", "Llovió.", "Choveu.")]
    body = "".join(
        f'<tu><tuv xml:lang="en"><seg>{en}</seg></tuv><tuv xml:lang="es"><seg>{es}</seg></tuv>'
        f'<tuv xml:lang="pt-BR"><seg>{pt}</seg></tuv></tu>\n'
        for en, es, pt in tus
    )
    path = tmp_path / "memory.tmx"
    path.write_text(f'<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>\n{body}</body></tmx>\n', encoding="utf-8")
    for asked, column in ((None, 1), ("pt", 2), ("pt-BR", 2), ("en", 1)):  # the source's own language: as if none
        whole = read_document(str(path), asked)
        monkeypatch.setattr(lines, "HOLD_BYTES", 0)
        streamed = open_document(str(path), asked)
        monkeypatch.undo()
        assert isinstance(streamed.units, SpooledUnits) and list(streamed.units) == list(whole.units)
        assert [(u.source, u.target) for u in whole.units] == [(tu[0], tu[column]) for tu in tus]
        assert whole.target_lang == streamed.target_lang == ("es", "pt")[column - 1]


def test_a_memory_without_the_language_asked_for_is_an_error_and_a_unit_without_it_is_counted(tmp_path: Path):
    """Asked for Portuguese, a memory of English and Spanish would pass on nothing: it is an input
    error naming the file and the languages it holds. A <tu> lacking the language is untranslated."""
    tus = ('<tu><tuv xml:lang="en"><seg>Prices rose.</seg></tuv><tuv xml:lang="es"><seg>Los precios subieron.</seg></tuv></tu>'
           '<tu><tuv xml:lang="en"><seg>Rain fell.</seg></tuv></tu>')
    path = tmp_path / "memory.tmx"
    path.write_text(f'<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body>{tus}</body></tmx>\n', encoding="utf-8")
    with pytest.raises(ReadError) as error:
        read_document(str(path), "pt")
    assert error.value.path == str(path) and "(pt)" in error.value.reason and "en, es" in error.value.reason
    memory = read_document(str(path))
    assert [u.target for u in memory.units] == ["Los precios subieron."] and memory.left_out == (("untranslated", 1),)


@pytest.mark.parametrize(
    ("matter", "numbers"),
    [
        ('---\ntitle: "Getting started: the budget"\nlayout: docs\ndate: 2025-01-02\ntags: [budget, news]\nsummary: How the deficit fell\n---\n', [2, 6, 9, 11]),
        ('+++\ntitle = "Getting started: the budget"\nlayout = "docs"\nsummary = "How the deficit fell"\n+++\n', [2, 4, 7, 9]),
    ],
)
def test_front_matter_values_of_two_words_are_units_and_its_keys_no_heading(tmp_path: Path, monkeypatch, matter, numbers):
    """Static site generators read a page's settings from its front matter; parsed as Markdown,
    "title: … layout: docs" read as one setext heading."""
    path = tmp_path / "page.md"
    path.write_text(matter + "\n# Budget\n\nThe deficit fell.\n", encoding="utf-8")
    whole = read_document(str(path))
    monkeypatch.setattr(lines, "HOLD_BYTES", 0)
    spooled = open_document(str(path))
    assert isinstance(spooled.units, SpooledUnits) and list(spooled.units) == list(whole.units)
    assert [u.target for u in whole.units] == ["Getting started: the budget", "How the deficit fell", "Budget", "The deficit fell."]
    assert [u.line for u in whole.units] == numbers


CATALOGUE = """{
  "app": {
    "title": "Orçamento 2025",
    "menu": {"open": "Abrir", "count": 3, "items": ["Primeiro", {"label": "Segundo"}, null]},
    "escaped": "Linha \\"um\\"\\nLinha dois \\u00e9"
  },
  "empty": {},
  "last": "Fim"
}
"""


def _flattened(node, prefix=""):
    """What a JSON i18n catalogue holds, from Python's own parser: each string by its dotted key."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for name, value in items:
        key = f"{prefix}.{name}" if prefix else str(name)
        if isinstance(value, (dict, list)):
            yield from _flattened(value, key)
        elif isinstance(value, str):
            yield value, key


def test_a_json_catalogue_parsed_token_by_token_gives_what_python_parses(tmp_path: Path, streamed):
    import json

    path = tmp_path / "app.pt.json"
    path.write_text(CATALOGUE, encoding="utf-8")
    whole, spooled = read_document(str(path)), open_document(str(path))
    assert isinstance(spooled.units, SpooledUnits) and list(spooled.units) == list(whole.units)
    assert [(u.target, u.key) for u in whole.units] == list(_flattened(json.loads(CATALOGUE)))
    lines = CATALOGUE.splitlines()
    assert all(f'"{u.key.split(".")[-1]}"' in lines[u.line - 1] for u in whole.units if not u.key[-1].isdigit())
    assert lines[next(u.line for u in whole.units if u.key == "app.menu.items.0") - 1].count("Primeiro") == 1
    # a malformed catalogue: the error and line Python's parser gives
    for broken in (CATALOGUE.replace('"Abrir",', '"Abrir"'), CATALOGUE.replace('"Fim"', '"Fim",'), CATALOGUE + "{}",
                   CATALOGUE.replace('"title":', '"title"'), CATALOGUE.replace('"Fim"', '"Fim')):
        path.write_text(broken, encoding="utf-8")
        with pytest.raises(json.JSONDecodeError) as expected:
            json.loads(broken)
        with pytest.raises(ReadError) as error:
            open_document(str(path))
        assert (error.value.reason, error.value.line) == (f"malformed JSON: {expected.value.msg}", expected.value.lineno)
    # a key said twice in one object would lose a translation silently: an error, with its line
    path.write_text(CATALOGUE.replace('"last"', '"empty": "Vazio",\n  "last"'), encoding="utf-8")
    with pytest.raises(ReadError) as error:
        open_document(str(path))
    assert (error.value.reason, error.value.line) == ('duplicate key "empty" in one object', 8)
