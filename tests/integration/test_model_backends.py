"""The transformers and CTranslate2 backends on tiny random Marian models built here: the real
from_pretrained, hub-cache, generate() and conversion paths, offline."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("transformers")
pytest.importorskip("torch")

from tests.conftest import HUB_CACHE, SEED  # noqa: E402
from tests.tiny_marian import build, install_in_hub_cache  # noqa: E402
from tqcheck.backends import get_backend  # noqa: E402
from tqcheck.backends.routing import route  # noqa: E402
from tqcheck.cli import app  # noqa: E402
from tqcheck.errors import BackendError  # noqa: E402
from tqcheck.probes import ProbeInput, probe  # noqa: E402
from tqcheck.records import GenerationOptions  # noqa: E402

pytestmark = pytest.mark.slow
# Random weights rarely emit end-of-sentence: one beam and a short output keep each call quick.
QUICK = GenerationOptions(beams=1, max_length=12)

DATA = Path(__file__).resolve().parent.parent / "data"
runner = CliRunner()


@pytest.fixture(scope="session")
def tiny(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("tiny")
    models = {f"{s}-{t}": build(root / f"{s}-{t}", s, t) for s, t in (("en", "pt"), ("pt", "en"), ("el", "en"))}
    # the CLI reads its generation options from the project's pyproject.toml, as a user's would
    (root / "pyproject.toml").write_text("[tool.tqcheck]\nbeams = 1\nmax-length = 12\n", encoding="utf-8")
    # two hub ids resolvable offline from the hub cache: el→en and en→pt, so el→pt pivots through English
    install_in_hub_cache(models["el-en"], HUB_CACHE, "Helsinki-NLP/opus-mt-el-en")
    install_in_hub_cache(models["en-pt"], HUB_CACHE, "Helsinki-NLP/opus-mt-en-pt")
    return models


def test_from_pretrained_generate_keeps_order_and_is_deterministic(tiny):
    backend = get_backend("transformers", [("en", "pt")], [str(tiny["en-pt"])], options=QUICK)
    texts = ["NATO considers Kaliningrad in danger from NATO, Russians", "", "Peskov added that"]
    first = backend.translate(texts, "en", "pt")
    assert len(first) == 3 and first[1] == "" and all(isinstance(t, str) for t in first)
    assert backend.translate(texts, "en", "pt") == first
    assert backend.translate(texts[::-1], "en", "pt") == first[::-1]  # length-sorted batches, order restored
    assert backend.signature.name == "transformers" and str(tiny["en-pt"]) in backend.signature.model


def test_cli_bilingual_and_monolingual_with_local_models(tiny, monkeypatch):
    monkeypatch.chdir(tiny["en-pt"].parent)
    models = ["--model", str(tiny["en-pt"]), "--model", str(tiny["pt-en"])]
    args = ["check", "-f", "json", "--backend", "transformers", *models]
    result = runner.invoke(app, [*args, "-s", str(DATA / "budget.pt.txt"), str(DATA / "budget.en.txt")])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    [file] = report["files"]
    assert file["backend"]["name"] == "transformers" and len(file["segments"]) == 3
    assert all(s["forward_translation"] is not None for s in file["segments"])

    mono = runner.invoke(app, [*args, str(SEED)])
    assert mono.exit_code in (0, 1), mono.output
    [file] = json.loads(mono.stdout)["files"]
    assert file["mode"] == "monolingual" and file["pivot_lang"] == "pt" and len(file["segments"]) == 27


def test_registry_prefers_cached_hub_models_and_pivots_through_english(tiny):
    direct = route("el", "en")
    assert [leg[0].model for leg in direct.legs] == ["Helsinki-NLP/opus-mt-el-en"]
    pivot = route("el", "pt")
    assert [(leg[0].model, leg[1], leg[2]) for leg in pivot.legs] == [
        ("Helsinki-NLP/opus-mt-el-en", "el", "en"),
        ("Helsinki-NLP/opus-mt-en-pt", "en", "pt"),
    ]
    backend = get_backend("auto", [("el", "pt")], options=QUICK)  # auto: not en↔pt, so transformers
    [out] = backend.translate(["Το ΝΑΤΟ θεωρεί ότι το Καλίνινγκραντ κινδυνεύει."], "el", "pt")
    assert isinstance(out, str) and backend.signature.model.count("opus-mt") == 2


def test_missing_model_names_the_pull_command_and_never_downloads(tiny):
    with pytest.raises(BackendError, match="tqcheck models pull fi-sv"):
        get_backend("transformers", [("fi", "sv")])
    # allowed to download, but the hub is offline: a clear error, not a traceback or a hang
    backend = get_backend("transformers", [("fi", "sv")], allow_download=True)
    with pytest.raises(BackendError, match="cannot load model Helsinki-NLP/opus-mt-fi-sv"):
        backend.translate(["Hei"], "fi", "sv")
    args = ["check", "--backend", "transformers", "--source-lang", "fi", "--target-lang", "sv",
            "-s", str(DATA / "budget.pt.txt"), str(DATA / "budget.en.txt")]
    result = runner.invoke(app, [args[0], "--require-model", *args[1:]])
    assert result.exit_code == 2 and "tqcheck models pull sv-fi" in result.stderr
    # without --require-model the model-free checks run, and the report says how to get the rest
    report = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    [status] = [c for c in report["files"][0]["coverage"] if c["code"] == "TQ501"]
    assert not status["ran"] and status["enable"] == "`tqcheck models pull sv-fi`"


def test_a_folder_that_holds_no_model_is_named_not_a_traceback(tmp_path):
    (tmp_path / "notes.txt").write_text("no model here")
    with pytest.raises(BackendError, match=rf"^{tmp_path}: not a translation model folder: no config.json$"):
        get_backend("transformers", [("pt", "en")], models=[str(tmp_path)])
    args = ["check", "--require-model", "--backend", "transformers", "--model", str(tmp_path),
            "-s", str(DATA / "budget.pt.txt"), str(DATA / "budget.en.txt")]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "not a translation model folder" in result.stderr
    assert "Traceback" not in result.output


def test_ctranslate2_convert_and_check_without_torch_calls(tiny, monkeypatch):
    pytest.importorskip("ctranslate2")
    monkeypatch.chdir(tiny["en-pt"].parent)
    converted = {}
    for pair in ("en-pt", "pt-en"):
        result = runner.invoke(app, ["models", "convert", str(tiny[pair])])
        assert result.exit_code == 0, result.output
        converted[pair] = Path(result.stdout.split(" -> ")[1].strip())
        assert (converted[pair] / "model.bin").is_file()
        assert json.loads((converted[pair] / "tqcheck.json").read_text())["pair"] == pair.split("-")
    args = ["check", "-f", "json", "--backend", "ctranslate2", "--model", str(converted["en-pt"]),
            "--model", str(converted["pt-en"]), "-s", str(DATA / "budget.pt.txt"), str(DATA / "budget.en.txt")]
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    [file] = json.loads(result.stdout)["files"]
    assert file["backend"]["name"] == "ctranslate2" and file["backend"]["model"].endswith(":int8")
    assert all(isinstance(s["back_translation"], str) for s in file["segments"])
    # converted copies are found by the original's name as well
    backend = get_backend("ctranslate2", [("en", "pt")], [str(converted["en-pt"])])
    assert backend.supports("en", "pt") and not backend.supports("el", "en")
    # with no CUDA device (this machine) it runs int8 on the CPU; with one, on the GPU
    import ctranslate2

    translator = backend._converted("en", "pt").translator
    assert translator.device == ("cuda" if ctranslate2.get_cuda_device_count() else "cpu")


def test_models_list_and_where(tiny):
    listing = runner.invoke(app, ["models", "list"])
    assert listing.exit_code == 0
    here, _, fetchable = listing.stdout.partition("Can be fetched")
    rows = [line.split()[:3] for line in here.splitlines()]
    assert rows[1][:2] == ["en→pt", "embedded"] and rows[2][:2] == ["pt→en", "embedded"]  # the built-in model first
    assert ["el→en", "transformers", "Helsinki-NLP/opus-mt-el-en"] in rows
    assert " el-en " not in fetchable.split("Opus-MT")[1].split("\n")[1] + " "  # present, so not offered
    assert "fi-sv" not in fetchable and "en-de" in fetchable
    where = runner.invoke(app, ["models", "where"])
    assert str(HUB_CACHE) in where.stdout


def _forced_decoding_holds(backend) -> None:
    pairs = [("NATO considers Kaliningrad in danger", "O Governo aprovou"), ("Peskov added that", "O Governo aprovou ontem")]
    first = backend.score(pairs, "en", "pt")
    assert len(first) == 2 and all(math.isfinite(x) and x < 0 for x in first)
    assert backend.score(pairs[::-1], "en", "pt") == first[::-1]  # batches sorted by length, order restored
    assert first[1] < first[0]  # a longer target costs more log-probability under any model


def test_transformers_and_ctranslate2_score_translations_for_the_probes(tiny, monkeypatch):
    backend = get_backend("transformers", [("en", "pt"), ("pt", "en")], [str(tiny["en-pt"]), str(tiny["pt-en"])], options=QUICK)
    assert backend.can_score("en", "pt") and backend.can_score("pt", "en")
    _forced_decoding_holds(backend)
    pytest.importorskip("ctranslate2")
    monkeypatch.chdir(tiny["en-pt"].parent)
    converted = [Path(runner.invoke(app, ["models", "convert", str(tiny[p])]).stdout.split(" -> ")[1].strip())
                 for p in ("en-pt", "pt-en")]
    ct2 = get_backend("ctranslate2", [("en", "pt"), ("pt", "en")], [str(c) for c in converted], options=QUICK)
    _forced_decoding_holds(ct2)
    # the probes run on such a backend, and the probe checks with them
    found = probe([ProbeInput("Os eleitores, que estão bem informados pelos estudos, perceberam.",
                              "The voters never saw through it.", "Os eleitores perceberam.")], "pt", "en", backend)
    assert found[0] and all(math.isfinite(p.gain) for p in found[0])
    result = runner.invoke(app, ["check", "-f", "json", "--backend", "transformers", "--model", str(tiny["en-pt"]),
                                 "--model", str(tiny["pt-en"]), "-s", str(DATA / "budget.pt.txt"), str(DATA / "budget.en.txt")])
    statuses = {c["code"]: c["ran"] for c in json.loads(result.stdout)["files"][0]["coverage"]}
    assert statuses["TQ105"] and statuses["TQ404"]
