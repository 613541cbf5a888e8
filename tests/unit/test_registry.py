import pytest

from tqcheck.checks.base import CODE_PATTERN, NAME_PATTERN
from tqcheck.checks.registry import ALL_CHECKS, build_checks, lookup
from tqcheck.errors import ConfigError


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda c: c.code)
def test_every_check_is_documented_with_examples(check):
    assert CODE_PATTERN.match(check.code) and NAME_PATTERN.match(check.name)
    doc = check.doc()
    assert "Bad:" in doc and "Good:" in doc
    assert check.summary().endswith(".")


def test_codes_and_names_are_unique():
    assert len({c.code for c in ALL_CHECKS}) == len(ALL_CHECKS)
    assert len({c.name for c in ALL_CHECKS}) == len(ALL_CHECKS)


def test_lookup_by_code_or_name_and_bad_options():
    assert lookup("tq301") is lookup("number-mismatch")
    with pytest.raises(ConfigError, match="no check called"):
        lookup("TQ999")
    with pytest.raises(ConfigError, match="has no option"):
        build_checks({"backtranslation-divergence": {"nonsense": 1}})
    with pytest.raises(ConfigError, match="unknown check"):
        build_checks({"no-such-check": {}})
