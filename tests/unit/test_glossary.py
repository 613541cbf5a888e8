"""English glosses from the FreeDict dictionaries Debian installs, read as they are on disk."""

import pytest

from tqcheck.text.glossary import Glossary, _renderings, dictd_dir, english, glossary, senses, spells_out, unrendered

greek = pytest.mark.skipif(glossary("el") is None, reason="no FreeDict Greek-English dictionary (dict-freedict-ell-eng)")


@greek
def test_a_greek_word_is_glossed_as_written_and_by_its_lemma():
    assert {"commission", "committee"} <= english("Επιτροπή", "el")
    assert "justice" in english("Δικαιοσύνης", "el")  # genitive: found by its lemma, δικαιοσύνη
    assert english("Ξψζωφ", "el") == frozenset()


@greek
def test_a_body_renders_the_source_when_a_gloss_of_one_of_its_words_is_said():
    source = "The Judiciary Committee will vote on Thursday."
    assert not unrendered(["Επιτροπή", "Δικαιοσύνης"], "el", source, "en")
    assert unrendered(["Κεντρική", "Τράπεζα"], "el", source, "en")
    # inflected in the source ("committees"), still said
    assert not unrendered(["Επιτροπή"], "el", "Both committees met.", "en")
    # a word the dictionary lacks is no evidence either way: the glossed ones speak, or nothing does
    assert unrendered(["Κεντρική", "Ξψζωφ"], "el", source, "en")
    assert not unrendered(["Ξψζωφ"], "el", source, "en")
    # nor is a source in another language
    assert not unrendered(["Κεντρική", "Τράπεζα"], "el", "Die Kommission tagte.", "de")


@greek
def test_an_acronym_is_spelt_out_by_the_initials_of_the_glosses():
    assert spells_out(["Ευρωπαϊκή", "Ένωση"], "EU", "el")
    assert spells_out(["Παγκόσμιος", "Οργανισμός", "Υγείας"], "WHO", "el")
    assert not spells_out(["Κεντρική", "Τράπεζα"], "WHO", "el")


@pytest.fixture
def own_folder(tmp_path, monkeypatch):
    """An empty folder as the dictionaries' place, the loaded ones forgotten before and after."""
    monkeypatch.setenv("TQCHECK_DICTD", str(tmp_path))
    _forget()
    yield tmp_path
    _forget()


def _forget() -> None:
    for cached in (glossary, english, _renderings, senses):
        cached.cache_clear()


def test_no_dictionary_means_no_opinion(own_folder):
    assert dictd_dir() == own_folder
    assert glossary("el") is None and english("Επιτροπή", "el") == frozenset()
    assert senses("mais", "pt") == frozenset()
    assert not unrendered(["Κεντρική", "Τράπεζα"], "el", "The committee met.", "en")


def test_an_unreadable_dictionary_is_as_good_as_none(own_folder):
    (own_folder / "freedict-ell-eng.index").write_text("κόσμος\t!!\t?\n", encoding="utf-8")
    (own_folder / "freedict-ell-eng.dict.dz").write_bytes(b"not gzip")
    assert glossary("el") is None


def test_a_dictd_file_is_read_by_its_index(tmp_path):
    book = _written(tmp_path, ["κόσμος /ˈkozmos/ <n>\n1. world\nο πλανήτης\n2. people\n", "υγεία <n>\nhealth\n"])
    assert book.glosses("Κόσμος") == {"world", "people"}  # numbering cut, the Greek definition left out
    assert book.glosses("ΥΓΕΊΑ") == {"health"}


def test_a_dictionary_from_english_is_read_the_other_way_round(tmp_path):
    book = _written(tmp_path, [
        "before /bɪˈfɔːr/\n1. antes de, antes que\n2. diante de, em frente de\n",
        "more /mɔːr/\nmais\n",
        "rise /raɪz/\n1. de súbito pôr-se de pé\n2. levantar-se\n",
    ])
    found = book.renderings(frozenset({"de", "que", "em", "se"}))
    # a word alone, or with a function word beside it, renders the headword; a longer phrase explains
    assert found["antes"] == {"before"} and found["diante"] == {"before"} and found["mais"] == {"more"}
    assert found["levantar"] == {"rise"} and "frente" not in found and "súbito" not in found


def _written(folder, entries):
    """A dictionary written here in dictd's format: base-64 offsets and lengths, gzip data."""
    import gzip

    data, index, offset = b"", [], 0
    for text in entries:
        raw = text.encode()
        index.append(f"{text.split()[0]}\t{_b64(offset)}\t{_b64(len(raw))}")
        data, offset = data + raw, offset + len(raw)
    (folder / "x.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    (folder / "x.dict.dz").write_bytes(gzip.compress(data))
    return Glossary(folder / "x.index", folder / "x.dict.dz")


def _b64(number: int) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    digits = ""
    while True:
        number, digit = divmod(number, 64)
        digits = alphabet[digit] + digits
        if not number:
            return digits


@greek
def test_spelling_out_is_a_matching_fast_on_a_hostile_all_capitals_text():
    # twelve words, each glossed with the same initials, and a long word in capitals none of them spells:
    # trying every assignment would take 12! steps
    words = ["Ευρωπαϊκή"] * 12
    assert not spells_out(words, "EEEEEEEEEEEX", "el")
    assert spells_out(words, "EEEEEEEEEEEE", "el")
