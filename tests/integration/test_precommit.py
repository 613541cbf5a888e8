"""The real pre-commit installs tqcheck's hook from this repository into a temporary git
repository: a commit with a planted error fails, the corrected commit passes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "tests" / "data" / "formats"


def run(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of tqcheck")
    pytest.importorskip("pre_commit")
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    work = tmp_path / "translations"
    work.mkdir()
    run("git", "init", "-q", cwd=work, env=env)
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head}\n  hooks:\n  - id: tqcheck\n", encoding="utf-8"
    )
    installed = run(sys.executable, "-m", "pre_commit", "install", cwd=work, env=env)
    assert installed.returncode == 0, installed.stderr
    return work, env


def test_failing_then_passing_commit(repo):
    work, env = repo
    shutil.copy(FORMATS / "budget.po", work / "budget.po")
    run("git", "add", ".", cwd=work, env=env)
    failing = run("git", "commit", "-q", "-m", "draft", cwd=work, env=env)
    assert failing.returncode != 0
    assert "TQ301" in failing.stdout + failing.stderr and "99.99%" in failing.stdout + failing.stderr
    shutil.copy(FORMATS / "budget.clean.po", work / "budget.po")
    run("git", "add", ".", cwd=work, env=env)
    passing = run("git", "commit", "-q", "-m", "fixed", cwd=work, env=env)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    log = run("git", "log", "--oneline", cwd=work, env=env).stdout
    assert "fixed" in log and "draft" not in log
