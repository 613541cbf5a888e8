"""Names heard across scripts: Greek read in Latin letters, keys of consonant sounds."""

import pytest

from tqcheck.text.sounds import keys


@pytest.mark.parametrize(
    "english, greek",
    [("Willoughby", "Ουίλομπι"), ("Londonderry", "Λοντοντέρι"), ("Diddy", "Ντίντι"), ("Jackman", "Τζάκμαν"),
     ("Wayne", "Γουέιν"), ("Aguero", "Αγουέρο"), ("Baldwin", "Μπάλντουιν"), ("Nottingham", "Νότινγκαμ")],
)
def test_a_name_and_its_greek_transliteration_share_a_key(english, greek):
    assert keys(english, "en") & keys(greek, "el")


def test_different_names_do_not():
    assert not keys("Pompeo", "en") & keys("Τερέζα", "el")
    assert not keys("Truly", "en") & keys("Πέλεϊ", "el")
    # a language whose module reads no other script is heard as written
    assert keys("Москва", "ru") == keys("Москва", "xx")
