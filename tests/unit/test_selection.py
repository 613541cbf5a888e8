import pytest

from tqcheck.errors import ConfigError
from tqcheck.records import Finding, Severity
from tqcheck.selection import Selector

NUMBER = Finding("TQ301", "number-mismatch", Severity.CRITICAL, "source says 80%, translation says 99.99%")
ENTITY = Finding("TQ201", "entity-mismatch", Severity.CRITICAL, "source names X")


def test_longest_prefix_wins_and_names_work():
    selector = Selector.build(select=["TQ"], ignore=["TQ3"])
    assert not selector.wanted("TQ301", "a.po") and selector.wanted("TQ201", "a.po")
    assert Selector.build(select=["TQ301"], ignore=["TQ3"]).wanted("TQ301", "a.po")
    assert not Selector.build(ignore=["number-mismatch"]).wanted("TQ301", "a.po")
    with pytest.raises(ConfigError):
        Selector.build(ignore=["XYZ"])
    with pytest.raises(ConfigError, match=r"nor a check name \(did you mean 'number-mismatch'\?\)"):
        Selector.build(ignore=["number_mismatch"])
    # a code no check has (a typo for TQ301) would select nothing and pass every file
    for typo in ("TQ310", "TQ8", "TQ99"):
        with pytest.raises(ConfigError, match=f"'{typo}' is the code of no check"):
            Selector.build(select=[typo])
    assert Selector.build(ignore=["TQ901", "TQ90"]).ignore == ("TQ901", "TQ90")  # the unused-suppression notice


def test_per_file_ignores_by_glob():
    selector = Selector.build(per_file_ignores={"locales/legal/*": ["TQ2"]})
    assert not selector.wanted("TQ201", "locales/legal/terms.po") and selector.wanted("TQ201", "locales/app.po")


def test_inline_directives_and_unused_ones():
    selector = Selector.build(warn_unused=True)
    assert selector.apply([NUMBER, ENTITY], "a.po", ["tqcheck: ignore[TQ301]"]) == (ENTITY,)
    assert selector.apply([NUMBER, ENTITY], "a.po", ["tqcheck: ignore[TQ2, TQ3]"]) == ()
    assert selector.apply([NUMBER], "a.po", ["reviewed; tqcheck: ignore"]) == ()
    [unused] = selector.apply([], "a.po", ["tqcheck: ignore[TQ301]"])
    assert unused.code == "TQ901" and "silences nothing" in unused.message
    assert Selector.build().apply([], "a.po", ["tqcheck: ignore[TQ301]"]) == ()
