"""Long runs: results checked a chunk at a time, streamed as JSON Lines, and a killed run resumed."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import tqcheck.engines as engines
from tests.conftest import SEED
from tqcheck.cli import app
from tqcheck.config import Config
from tqcheck.pipeline import Languages, check_files
from tqcheck.records import SegmentResult

runner = CliRunner()


def _findings(segments):
    return [(s.segment.id, s.segment.target, [(f.code, f.severity.value, f.message) for f in s.findings]) for s in segments]


def test_chunks_give_the_same_results_and_a_sink_gets_them_in_order(monkeypatch):
    whole = check_files([str(SEED)], config=Config(cache=False))
    monkeypatch.setattr(engines, "CHUNK_SEGMENTS", 10)
    monkeypatch.setattr(engines, "TAIL_SEGMENTS", 2)
    chunks: list[list[SegmentResult]] = []
    streamed = check_files([str(SEED)], config=Config(cache=False), sink=lambda path, found: chunks.append(found))
    # the seed's 27 sentences: the last chunk of 7 halved while its halves keep 2 at least
    assert [len(c) for c in chunks] == [10, 10, 4, 3]
    assert _findings([s for c in chunks for s in c]) == _findings(whole.files[0].segments)
    # streamed results are not kept: memory stays bounded however long the file
    assert streamed.files[0].segments == () and streamed.files[0].coverage == whole.files[0].coverage


def test_a_chunk_sees_the_source_before_it_in_the_chunk_before(monkeypatch, tmp_path):
    source, draft = tmp_path / "en.txt", tmp_path / "pt.txt"
    source.write_text(
        "Bolivia has asked the court to force Chile to negotiate access to the sea.\n"
        "The two countries have not exchanged ambassadors since 1962.\n", encoding="utf-8"
    )
    draft.write_text(
        "A Bolívia pediu ao tribunal que obrigue o Chile a negociar o acesso ao mar.\n"
        "Desde 1962, não existem embaixadores chilenos na Bolívia e vice-versa.\n", encoding="utf-8"
    )
    args = [str(draft)], str(source), Languages("en", "pt-BR")
    whole = check_files(*args, config=Config(cache=False))
    monkeypatch.setattr(engines, "CHUNK_SEGMENTS", 1)  # each segment a chunk of its own
    chunks: list[list[SegmentResult]] = []
    check_files(*args, config=Config(cache=False), sink=lambda path, found: chunks.append(found))
    assert [len(c) for c in chunks] == [1, 1]
    assert _findings([s for c in chunks for s in c]) == _findings(whole.files[0].segments)
    explicit = "translation names Bolívia, which the source names only before this segment"
    assert ("TQ201", "major", explicit) in _findings(chunks[1])[0][2]


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_json_lines_hold_the_json_reports_segments_one_a_line(tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["check", str(SEED), "--format", "jsonl", "--output", str(out), "-q"])
    assert result.exit_code == 1, result.output  # the seed's two critical headlines
    lines = _lines(out)
    report = json.loads(runner.invoke(app, ["check", str(SEED), "--format", "json", "-q"]).stdout)
    segments = report["files"][0]["segments"]
    assert [line["id"] for line in lines] == [s["id"] for s in segments] == list(range(27))
    assert all(line["path"] == str(SEED) and line["schema_version"] == report["schema_version"] for line in lines)
    assert [line["findings"] for line in lines] == [s["findings"] for s in segments]


def test_a_killed_run_resumes_where_its_last_whole_line_ends(tmp_path):
    out = tmp_path / "out.jsonl"
    args = ["check", str(SEED), "--format", "jsonl", "--output", str(out), "-q"]
    assert runner.invoke(app, args).exit_code == 1
    whole = out.read_bytes()
    out.write_bytes(whole[: len(whole) // 2])  # killed half-way through a line
    assert runner.invoke(app, [*args, "--resume"]).exit_code == 1
    assert out.read_bytes() == whole


def test_resume_needs_a_json_lines_output_file(tmp_path):
    result = runner.invoke(app, ["check", str(SEED), "--format", "jsonl", "--resume", "-q"])
    assert result.exit_code == 2 and "--output" in result.output
    result = runner.invoke(app, ["check", str(SEED), "--output", str(tmp_path / "r.json"), "--resume", "-q"])
    assert result.exit_code == 2 and "--format jsonl" in result.output


def test_a_long_plain_text_pair_read_as_used_gives_the_results_of_files_read_whole(tmp_path, monkeypatch):
    import tqcheck.readers.lines as lines

    source, draft = tmp_path / "source.en.txt", tmp_path / "draft.pt.txt"
    source.write_text("Inflation reached 80% in Germany.\n\nThe minister did not resign.\nPrices are rising.\n", encoding="utf-8")
    draft.write_text("A inflação chegou a 90% na Suécia.\n\nO ministro demitiu-se.\nOs preços estão a subir.\n", encoding="utf-8")
    whole = check_files([str(draft)], str(source), config=Config(cache=False))
    monkeypatch.setattr(lines, "HOLD_BYTES", 0)  # every file counts as long: read line by line
    streamed: list[SegmentResult] = []
    check_files([str(draft)], str(source), config=Config(cache=False), sink=lambda path, found: streamed.extend(found))
    assert _findings(streamed) == _findings(whole.files[0].segments)
    assert [s.segment.line for s in streamed] == [1, 3, 4] and any(f for s in streamed for f in s.findings)
