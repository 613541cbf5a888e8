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


@pytest.mark.parametrize(
    ("mistyped", "message"),
    [
        (lambda: lookup("negation_mismatch"), "no check called 'negation_mismatch' (did you mean 'negation-mismatch'?)"),
        (lambda: build_checks({"negation-mismach": {}}), "negation-mismach (did you mean 'negation-mismatch'?)"),
        (lambda: build_checks({"negation-mismatch": {"min_gain": 3}}), "no option min_gain (did you mean 'min-gain'?)"),
    ],
)
def test_a_mistyped_name_is_answered_with_the_name_meant(mistyped, message):
    with pytest.raises(ConfigError) as error:
        mistyped()
    assert str(error.value).endswith(message)


def test_a_name_like_no_other_gets_no_guess():
    with pytest.raises(ConfigError) as error:
        lookup("spelling")
    assert str(error.value) == "no check called 'spelling'"

