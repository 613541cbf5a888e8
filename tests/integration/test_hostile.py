"""Hostile and oversized input: nothing hangs, nothing is overwritten, nothing reaches the terminal
raw, and no process outlives the check."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcheck.cli import app
from tqcheck.reporters import atomic_output

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = Path(__file__).resolve().parents[2] / "references" / "seed" / "kaliningrad-article.en.txt"
runner = CliRunner()


def _json(*args: str) -> tuple[int, dict]:
    result = runner.invoke(app, ["check", "-f", "json", "--no-cache", *args])
    return result.exit_code, json.loads(result.stdout)


def _words(n: int) -> str:
    words = SEED.read_text(encoding="utf-8").replace(".", " ").replace(",", " ").split()
    return " ".join(words[i % len(words)] for i in range(n))


def test_a_megabyte_line_and_a_megabyte_word_are_reported_unchecked(tmp_path):
    draft = tmp_path / "long.en.txt"
    draft.write_text(_words(200_000)[:1_000_000] + "\n" + "x" * 1_000_000 + "\nThe minister resigned.\n")
    code, report = _json(str(draft))
    assert code == 0  # minor findings only
    long_line, long_word, normal = report["files"][0]["segments"]
    for seg in (long_line, long_word):
        [finding] = seg["findings"]
        assert (finding["code"], finding["severity"]) == ("TQ003", "minor")
        assert finding["message"].startswith("not checked: 1,000,000 characters") and seg["scores"] is None
    assert normal["back_translation"] and normal["scores"] is not None


def test_a_long_token_is_unchecked_and_a_long_sentence_is_checked_in_pieces(tmp_path):
    token = "aGVsbG8" * 40  # 280 characters of base64
    long_sentence = ", ".join(f"the minister visited the hospital number {i} in the north" for i in range(30)) + "."
    draft = tmp_path / "mixed.en.txt"
    draft.write_text(f"Attachment: {token}\n{long_sentence}\n")
    _, report = _json(str(draft))
    attachment, *pieces = report["files"][0]["segments"]
    assert [f["code"] for f in attachment["findings"]] == ["TQ003"] and "280-character token" in attachment["findings"][0]["message"]
    assert len(long_sentence) > 1_500 and len(pieces) >= 3
    assert all(len(p["target"]) <= 600 and p["back_translation"] and p["line"] == 2 for p in pieces)
    assert " ".join(p["target"] for p in pieces) == long_sentence


def test_a_long_bilingual_unit_is_translated_in_pieces_and_a_huge_one_skipped(tmp_path):
    source = tmp_path / "s.pt.txt"
    draft = tmp_path / "d.en.txt"
    clause_pt = "o ministro visitou o hospital do norte e falou com os médicos"
    clause_en = "the minister visited the hospital in the north and spoke with the doctors"
    source.write_text(", ".join([clause_pt] * 30) + ".\n" + "o" * 6_000 + "\n")
    draft.write_text(", ".join([clause_en] * 30) + ".\n" + "e" * 6_000 + "\n")
    _, report = _json("--source-lang", "pt", "--target-lang", "en", "-s", str(source), str(draft))
    checked, huge = report["files"][0]["segments"]
    assert len(checked["target"]) > 2_000 and checked["back_translation"].count("hospital") >= 20
    assert checked["scores"]["chrf"] > 50 and not [f for f in checked["findings"] if f["severity"] != "minor"]
    assert [f["code"] for f in huge["findings"]] == ["TQ003"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_report_is_never_written_over_an_input(tmp_path):
    table = tmp_path / "same.csv"
    table.write_bytes((DATA / "formats" / "budget.csv").read_bytes())
    before = _digest(table)
    (tmp_path / "link.json").symlink_to(table)
    os.link(table, tmp_path / "hard.json")
    for output in (table, tmp_path / "link.json", tmp_path / "hard.json"):
        result = runner.invoke(app, ["check", str(table), "-f", "json", "-o", str(output)])
        assert result.exit_code == 2 and "refusing to write the report over the input" in result.stderr
    assert _digest(table) == before


def test_a_report_replaces_its_file_only_when_whole(tmp_path):
    report = tmp_path / "report.json"
    report.write_text("the previous report\n")
    with pytest.raises(RuntimeError):
        with atomic_output(report) as stream:
            stream.write('{"half": ')
            raise RuntimeError("killed half-way")
    assert report.read_text() == "the previous report\n" and sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]
    with atomic_output(report) as stream:
        stream.write("{}\n")
    assert report.read_text() == "{}\n" and sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_control_characters_are_shown_never_sent(tmp_path):
    source, draft = tmp_path / "s.pt.txt", tmp_path / "d.en.txt"
    source.write_text("O ministro disse que 80% dos hospitais fecharam.\n")
    draft.write_text("The minister said \x1b[H\x1b[J that 90% of hospitals closed.\n")
    text = runner.invoke(app, ["check", "--no-cache", "-s", str(source), str(draft)])
    assert "\x1b" not in text.stdout and "␛[H␛[J" in text.stdout and "TQ301" in text.stdout
    sarif = json.loads(runner.invoke(app, ["check", "--no-cache", "-f", "sarif", "-s", str(source), str(draft)]).stdout)
    messages = [r["message"]["text"] for r in sarif["runs"][0]["results"]]
    assert messages and not any(ord(c) < 32 for m in messages for c in m)


def test_a_markdown_block_left_out_is_an_omission_not_a_shift(tmp_path):
    source, draft = tmp_path / "news.pt.md", tmp_path / "news.en.md"
    source.write_text(
        "# Orçamento\n\nO Governo aprovou ontem o orçamento da saúde.\n\n"
        "A oposição criticou a proposta e pediu mais tempo.\n\nO debate continua na próxima semana.\n"
    )
    draft.write_text("# Budget\n\nThe Government approved the health budget yesterday.\n\nThe debate continues next week.\n")
    _, report = _json("-s", str(source), str(draft))
    title, *segments, last = report["files"][0]["segments"]
    # the block that is gone is named where it is missing (by sentence alignment: here its sentence
    # joins its neighbour's bead, and TQ103 names it), and every other block keeps its partner
    named = [s["source"][slice(*f["source_span"])] for s in segments for f in s["findings"] if f["source_span"]]
    assert any("oposição criticou a proposta" in text for text in named), named
    assert (title["source"], title["target"], title["findings"]) == ("Orçamento", "Budget", [])
    assert (last["source"], last["target"], last["line"]) == (
        "O debate continua na próxima semana.", "The debate continues next week.", 5
    )
    assert last["findings"] == []


COMMENT = "<!-- " + "padding " * 20_000 + "-->\n"


@pytest.mark.parametrize(
    "declaration",
    [
        '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    ],
    ids=["xxe", "billion-laughs"],
)
def test_entity_declarations_after_a_large_comment_are_refused_at_their_line(tmp_path, declaration):
    xliff = tmp_path / "units.xlf"
    xliff.write_text(f'<?xml version="1.0"?>\n{COMMENT}{declaration}\n<xliff version="1.2"></xliff>\n')
    result = runner.invoke(app, ["check", str(xliff)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"tqcheck: error: {xliff}:3: XML entity declarations are not allowed"


def _children(pid: int) -> list[int]:
    listed = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in listed.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat")
    return not (state.exists() and state.read_text().split()[2] == "Z")


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "kill-9"])
def test_no_process_outlives_a_killed_check(tmp_path, sig):
    draft = tmp_path / "many.en.txt"
    draft.write_text("\n".join(f"Sentence {i} of the long report on the budget debate." for i in range(3000)) + "\n")
    env = {**os.environ, "TQCHECK_WORKERS": "2"}
    check = subprocess.Popen([sys.executable, "-m", "tqcheck", "check", "--no-cache", "-q", str(draft)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_children(check.pid)) < 2 and time.monotonic() < deadline:  # two workers (and the tracker)
        time.sleep(0.2)
    children = _children(check.pid)
    assert len(children) >= 2, "the workers never started"
    check.send_signal(sig)
    check.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(c) for c in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [c for c in children if _alive(c)] == []


@pytest.mark.slow
def test_ctrl_c_stops_a_check_with_exit_130(tmp_path):
    draft = tmp_path / "many.en.txt"
    draft.write_text("\n".join(f"Sentence {i} of the long report on the budget debate." for i in range(3000)) + "\n")
    # a test run started in the background (nohup, "&") hands SIGINT down ignored, and Python then
    # keeps ignoring it: as Ctrl-C in a terminal would, the check gets the default disposition
    check = subprocess.Popen([sys.executable, "-m", "tqcheck", "check", "--no-cache", "-q", str(draft)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while len(_children(check.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    children = _children(check.pid)
    check.send_signal(signal.SIGINT)
    assert check.wait(timeout=30) == 130
    assert "Traceback" not in check.stderr.read().decode()
    time.sleep(1)
    assert [c for c in children if _alive(c)] == []
