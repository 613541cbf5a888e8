import pytest

from tqcheck.config import load_config
from tqcheck.errors import ConfigError
from tqcheck.records import Severity


def test_defaults_without_pyproject(tmp_path):
    config = load_config(tmp_path)
    assert config.fail_on is Severity.CRITICAL and config.backend == "auto"


def test_pyproject_section_and_cli_precedence(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tqcheck]\nfail-on = "major"\nfluency-model = "smollm2"\n'
        "[tool.tqcheck.checks.backtranslation-divergence]\nmajor-below = 15\n"
    )
    sub = tmp_path / "locales"
    sub.mkdir()
    config = load_config(sub)
    assert config.fail_on is Severity.MAJOR and config.fluency_model == "smollm2"
    assert config.check_options == {"backtranslation-divergence": {"major-below": 15}}
    assert config.with_overrides(fail_on=Severity.MINOR, backend=None).fail_on is Severity.MINOR


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[tool.tqcheck]\nfail_on = "major"\n', "unknown key \\[tool.tqcheck\\] 'fail_on' \\(did you mean 'fail-on'\\?\\)"),
        ('[tool.tqcheck]\nfail-on = "fatal"\n', "fail-on must be"),
        ("[tool.tqcheck.checks.number-mismatch]\nx = 'a'\n", "must be a number"),
        ("[tool.tqcheck]\nfluency-model = 1\n", "fluency-model must be a string"),
    ],
)
def test_bad_configuration_is_an_error(tmp_path, body, message):
    (tmp_path / "pyproject.toml").write_text(body)
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path)
