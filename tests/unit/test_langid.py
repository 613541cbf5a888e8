import pytest

from tqcheck.errors import ConfigError
from tqcheck.text.langid import detector

SENTENCES = {
    "en": "Putin's forces have been rehearsing the use of tactical nuclear weapons.",
    "pt": "As forças de Putin têm ensaiado o uso de armas nucleares táticas.",
}


@pytest.mark.parametrize("name", ["fasttext", "langdetect"])
def test_both_detectors_identify_and_repeat(name):
    detect = detector(name)
    for lang, text in SENTENCES.items():
        first = detect(text)
        assert first.lang == lang and first.score > 0.5
        assert all(detect(text) == first for _ in range(5))  # seeded: never varies
    assert detect("   ").lang is None


def test_unknown_detector_is_a_config_error():
    with pytest.raises(ConfigError):
        detector("cld9")
