"""The HTML report in a real headless Chromium: the seed article's flagged rows are visible,
filters work, and a screenshot is kept in test-artifacts/."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tqcheck.cli import app

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--virtual-time-budget=3000",
]
runner = CliRunner()


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    if CHROMIUM is None:
        pytest.skip("Chromium is installed by `make install` (Debian package chromium)")
    out = tmp_path_factory.mktemp("html") / "report.html"
    result = runner.invoke(app, ["check", "-f", "html", "-o", str(out), str(ROOT / "references/seed/kaliningrad-article.en.txt")])
    assert result.exit_code == 1
    return out


def chromium(page: Path, profile: Path, *extra: str) -> str:
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def rows(dom: str) -> list[tuple[bool, str]]:
    """(visible, text) of every table body row after the page's scripts ran."""
    found = re.findall(r"<tr([^>]*)>(.*?)</tr>", dom.split("<tbody>", 1)[1], re.S)
    return [("hidden" not in attrs, re.sub(r"<[^>]+>", "", body)) for attrs, body in found]


def test_flagged_rows_visible_and_screenshot(report, tmp_path):
    html = report.read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html  # self-contained: no network assets
    dom = chromium(report, tmp_path / "profile", "--dump-dom")
    visible = [text for shown, text in rows(dom) if shown]
    assert len(rows(dom)) == 27 and len(visible) == 3
    assert "NATO considers Kaliningrad in danger from NATO" in visible[0] and "TQ401" in visible[0]
    assert visible[1].startswith("17—Years.") and "TQ702" in visible[1]
    assert "Macron's statements about Macron" in visible[2]
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "seed-report.png"
    chromium(report, tmp_path / "profile2", "--window-size=1400,1000", f"--screenshot={shot}")
    assert shot.stat().st_size > 20_000


def test_filters_hide_and_show_rows(report, tmp_path):
    page = tmp_path / "all.html"
    page.write_text(report.read_text(encoding="utf-8").replace('id="flagged" checked', 'id="flagged"'), encoding="utf-8")
    assert all(shown for shown, _ in rows(chromium(page, tmp_path / "p1", "--dump-dom")))
    only_minor = report.read_text(encoding="utf-8").replace('value="critical" checked', 'value="critical"')
    page.write_text(only_minor, encoding="utf-8")
    shown = [text for shown, text in rows(chromium(page, tmp_path / "p2", "--dump-dom")) if shown]
    assert len(shown) == 1 and "TQ702" in shown[0]  # the critical rows hide; the minor fragment stays


def test_the_page_says_which_checks_did_not_run_and_why(report):
    html = report.read_text(encoding="utf-8")
    box = html[html.index('<details class="coverage">'):html.index("</details>")]
    assert "checks did not run on this file" in box and "<b>TQ301</b>" in box and "no source to compare with" in box
    assert "<b>TQ401</b>" not in box  # it ran: the headlines are its findings
