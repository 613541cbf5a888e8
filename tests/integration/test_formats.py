"""Each bilingual file format, read for real and checked with the embedded model: a planted error
(80% → 99.99%) is found at the right file:line, and the clean twin passes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcheck.cli import app
from tqcheck.errors import ReadError
from tqcheck.readers.base import read_document

FORMATS = Path(__file__).resolve().parent.parent / "data" / "formats"
runner = CliRunner()

CASES = [
    # (translation, its source file or None, line of the planted error, clean twin)
    ("budget.xlf", None, 11, "budget.clean.xlf"),
    ("budget.v2.xlf", None, 14, "budget.v2.clean.xlf"),
    ("budget.po", None, 13, "budget.clean.po"),
    ("budget.tmx", None, 11, "budget.clean.tmx"),
    ("budget.csv", None, 3, "budget.clean.csv"),
    ("budget.tsv", None, 3, "budget.clean.tsv"),
    ("budget.en.srt", "budget.pt.srt", 7, "budget.clean.en.srt"),
    ("budget.en.md", "budget.pt.md", 3, "budget.clean.en.md"),
    ("budget.en.json", "budget.pt.json", 4, "budget.clean.en.json"),
]


def check(name: str, source: str | None):
    args = ["check", "-f", "json", str(FORMATS / name)] + (["-s", str(FORMATS / source)] if source else [])
    result = runner.invoke(app, args)
    return result, json.loads(result.stdout)


@pytest.mark.parametrize(("name", "source", "line", "clean"), CASES, ids=[c[0] for c in CASES])
def test_planted_error_found_at_file_and_line_and_clean_twin_passes(name, source, line, clean):
    result, report = check(name, source)
    assert result.exit_code == 1
    [file] = report["files"]
    assert (file["source_lang"], file["target_lang"], file["mode"]) == ("pt", "en", "bilingual")
    flagged = [(s["line"], f["code"], f["message"]) for s in file["segments"] for f in s["findings"]]
    assert flagged == [(line, "TQ301", "source says 80%, translation says 99.99%")]
    assert (FORMATS / name).read_text(encoding="utf-8").splitlines()[line - 1].count("99.99%") == 1
    clean_result, clean_report = check(clean, source)
    assert clean_result.exit_code == 0, clean_report["files"][0]["segments"]


def test_words_a_subtitler_moves_to_the_next_cue_are_not_read_as_left_out(tmp_path):
    """A sentence over two cues is checked whole, at its first cue; a number changed in it still is."""
    timing = ("00:00:01,000 --> 00:00:04,000", "00:00:04,000 --> 00:00:07,000", "00:00:07,500 --> 00:00:10,000")

    def srt(path: Path, *cues: str) -> str:
        path.write_text("\n".join(f"{i}\n{t}\n{c}\n" for i, (t, c) in enumerate(zip(timing, cues), 1)), encoding="utf-8")
        return str(path)

    source = srt(tmp_path / "en.srt", "The government announced yesterday that it will build",
                 "three new hospitals in the north of the country.", "The work starts next year.")
    moved = srt(tmp_path / "pt.srt", "O governo anunciou ontem que vai construir três novos hospitais",
                "no norte do país.", "As obras começam no próximo ano.")
    result = runner.invoke(app, ["check", "-f", "json", "-s", source, moved])
    [file] = json.loads(result.stdout)["files"]
    assert result.exit_code == 0, file["segments"]
    assert [(s["line"], s["key"]) for s in file["segments"]] == [(3, "1"), (11, "3")]
    # with no source, a cue that finishes the sentence before is read with it: alone, TQ705 read
    # "three new hospitals in the north of the country." as scrambled
    result = runner.invoke(app, ["check", "-f", "json", source])
    [file] = json.loads(result.stdout)["files"]
    assert result.exit_code == 0 and not [f for s in file["segments"] for f in s["findings"]], file["segments"]
    wrong = srt(tmp_path / "wrong.srt", "O governo anunciou ontem que vai construir cinco novos hospitais",
                "no norte do país.", "As obras começam no próximo ano.")
    result = runner.invoke(app, ["check", "-f", "json", "-s", source, wrong])
    [file] = json.loads(result.stdout)["files"]
    assert [(s["line"], f["code"]) for s in file["segments"] for f in s["findings"]] == [(3, "TQ301")]


def test_inline_codes_stay_out_of_the_compared_text():
    units = read_document(str(FORMATS / "budget.v2.xlf")).units
    assert units[1].source == "A ministra da Saúde, Marta Temido, disse que 80% do valor vai para os hospitais."
    assert units[1].key == "u2#0" and units[1].notes == ("quote from the ministry",)
    xliff1 = read_document(str(FORMATS / "budget.xlf"))
    assert xliff1.units[1].target.endswith("hospitals.") and xliff1.units[1].notes == ("checked by the desk editor",)


def test_po_plurals_fuzzy_and_comments():
    doc = read_document(str(FORMATS / "budget.po"))
    assert [u.target for u in doc.units][-2:] == ["One hospital", "%d hospitals"]
    assert [u.source for u in doc.units][-2:] == ["Um hospital", "%d hospitais"]
    assert not any("praised" in u.target for u in doc.units)  # the fuzzy and the obsolete entries are skipped
    assert doc.left_out == (("fuzzy", 1),)  # and the fuzzy one counted: it is a unit not checked
    assert doc.units[1].notes == ("checked by the desk editor",) and doc.target_lang == "en"


def test_keys_and_lines_of_one_language_formats():
    assert [(u.key, u.line) for u in read_document(str(FORMATS / "budget.en.json")).units] == [
        ("budget.approved", 3), ("budget.minister", 4), ("opposition", 6)
    ]
    assert [(u.key, u.line) for u in read_document(str(FORMATS / "budget.en.srt")).units] == [("1", 3), ("2", 7), ("3", 11)]
    md = read_document(str(FORMATS / "budget.en.md")).units
    assert [u.line for u in md] == [1, 3, 9] and "code" not in " ".join(u.target for u in md)


def test_missing_json_key_is_an_omission(tmp_path):
    source = json.loads((FORMATS / "budget.pt.json").read_text(encoding="utf-8"))
    target = {"budget": {"approved": "The Government yesterday approved a budget of 2.3 billion euros for health."}}
    (tmp_path / "en.json").write_text(json.dumps(target, ensure_ascii=False, indent=2), encoding="utf-8")
    (tmp_path / "pt.json").write_text(json.dumps(source, ensure_ascii=False, indent=2), encoding="utf-8")
    result = runner.invoke(app, ["check", "-f", "json", "-s", str(tmp_path / "pt.json"), str(tmp_path / "en.json")])
    segments = json.loads(result.stdout)["files"][0]["segments"]
    omitted = {s["key"] for s in segments if any(f["code"] == "TQ101" for f in s["findings"])}
    assert omitted == {"budget.minister", "opposition"}


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("broken.xlf", 7, "malformed XML"),
        ("entities.xlf", 2, "entity declarations are not allowed"),
        ("broken.po", 4, "malformed PO file"),
        ("broken.srt", 5, "malformed SRT"),
    ],
)
def test_malformed_files_name_file_and_line(name, line, message):
    with pytest.raises(ReadError, match=message) as info:
        read_document(str(FORMATS / name))
    assert info.value.line == line


def test_malformed_files_exit_2_and_the_others_are_checked():
    names = ["broken.xlf", "entities.xlf", "broken.po", "broken.srt", "budget.clean.csv"]
    result = runner.invoke(app, ["check", "-f", "json", *[str(FORMATS / n) for n in names]])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert [Path(f["path"]).name for f in report["files"]] == ["budget.clean.csv"]
    assert sorted(Path(e["path"]).name for e in report["errors"]) == sorted(names[:4])
    assert "passwd" not in result.stdout


def test_wrong_root_element_is_named(tmp_path):
    page = tmp_path / "page.xlf"
    page.write_text('<?xml version="1.0"?>\n<html><body/></html>\n', encoding="utf-8")
    with pytest.raises(ReadError, match="is not XLIFF: the root element is <html>, not <xliff>") as info:
        read_document(str(page))
    assert info.value.line == 2


def test_format_is_sniffed_without_an_extension(tmp_path):
    copy = tmp_path / "translations"
    copy.write_bytes((FORMATS / "budget.po").read_bytes())
    assert read_document(str(copy)).format == "po"
    copy.write_bytes((FORMATS / "budget.xlf").read_bytes())
    assert read_document(str(copy)).format == "xliff"


def test_markdown_table_cells_and_list_items_are_units(tmp_path):
    page = tmp_path / "prices.md"
    page.write_text(
        "# Prices\n\n| item | price |\n|------|-------|\n| Bread | 2 euros |\n\n- First point\n- Second point\n\n"
        "Closing words.\n\n    indented code is skipped\n",
        encoding="utf-8",
    )
    units = read_document(str(page)).units
    assert [(u.target, u.line) for u in units] == [
        ("Prices", 1), ("item", 3), ("price", 3), ("Bread", 5), ("2 euros", 5), ("First point", 7), ("Second point", 8),
        ("Closing words.", 10),
    ]


def test_a_catalogue_with_nothing_translated_yet_passes_and_says_what_it_left_out(tmp_path):
    """No unit to check is no error (its language need not be told), but the report says why it is
    empty: a pre-commit hook on a catalogue just extracted must not fail, nor read as checked."""
    catalogue = tmp_path / "new.po"
    catalogue.write_text(
        'msgid ""\nmsgstr ""\n"Language: pt\\n"\n\nmsgid "Save the file."\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Open the file."\nmsgstr "Abrir o ficheiro."\n',
        encoding="utf-8",
    )
    result, report = check(str(catalogue), None)
    assert result.exit_code == 0 and report["errors"] == []
    assert report["files"][0]["segments"] == [] and report["files"][0]["left_out"] == {"untranslated": 1, "fuzzy": 1}
    assert report["summary"]["left_out"] == 2
    text = runner.invoke(app, ["check", str(catalogue)])
    assert "left out, not checked: 1 untranslated, 1 fuzzy" in text.stdout
    # JSON Lines carry segments only (none here): the count is said on stderr, the lines stay clean
    lines = runner.invoke(app, ["check", "-f", "jsonl", str(catalogue)])
    assert lines.exit_code == 0 and lines.stdout == ""
    assert lines.stderr == f"tqcheck: note: {catalogue}: left out, not checked: 1 untranslated, 1 fuzzy\n"


def test_a_memory_without_the_language_asked_for_exits_2_and_the_others_are_checked(tmp_path):
    memory = tmp_path / "es.tmx"
    memory.write_text(
        '<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en">'
        '<seg>Prices rose.</seg></tuv><tuv xml:lang="es"><seg>Los precios subieron.</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8",
    )
    clean = str(FORMATS / "budget.clean.csv")
    result = runner.invoke(app, ["check", "-f", "json", "--target-lang", "pt", str(memory), clean])
    report = json.loads(result.stdout)
    assert result.exit_code == 2 and [f["path"] for f in report["files"]] == [clean]
    assert report["errors"] == [
        {"path": str(memory), "line": None, "message": "no unit holds the language asked for (pt); the memory holds en, es"}
    ]
