"""`tqcheck serve` for real: a uvicorn server on a free local port, an HTTP client, and headless
Chromium (Debian's, driven by Playwright) on the page."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

uvicorn = pytest.importorskip("uvicorn")

from tests.conftest import SEED  # noqa: E402
from tqcheck import server  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "tests" / "data" / "formats"
ANNOTATIONS = SEED.parent / "annotations.json"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(server.create_app(max_chars=20_000, max_bytes=100_000), host="127.0.0.1", port=port,
                            log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.1)
    assert running.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=30)


def call(url: str, body: bytes | None = None, content_type: str = "application/json") -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type} if body else {})
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def check(base_url: str, fields: dict, fmt: str = "json") -> tuple[int, dict]:
    status, body = call(f"{base_url}/api/check?format={fmt}", json.dumps(fields).encode())
    return status, json.loads(body)


def multipart(fields: dict[str, tuple[str, bytes] | str]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        if isinstance(value, tuple):
            head = f'Content-Disposition: form-data; name="{name}"; filename="{value[0]}"\r\nContent-Type: text/plain'
            parts.append(f"--{boundary}\r\n{head}\r\n\r\n".encode() + value[1] + b"\r\n")
        else:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def test_health_rules_and_openapi(base_url):
    assert json.loads(call(f"{base_url}/api/health")[1])["status"] == "ok"
    rules = json.loads(call(f"{base_url}/api/rules")[1])
    assert {r["code"] for r in rules} >= {"TQ201", "TQ301", "TQ401"} and all("Bad:" in r["doc"] for r in rules)
    spec = json.loads(call(f"{base_url}/openapi.json")[1])
    assert "/api/check" in spec["paths"] and spec["openapi"].startswith("3.")


def test_the_seed_article_gets_its_two_headlines_critical(base_url):
    status, report = check(base_url, {"draft": SEED.read_text(encoding="utf-8")})
    assert status == 200 and report["schema_version"] == 1  # validated against the published schema below
    must = {a["text"] for a in json.loads(ANNOTATIONS.read_text(encoding="utf-8"))["must_flag"]}
    critical = {s["target"] for s in report["files"][0]["segments"] if any(f["severity"] == "critical" for f in s["findings"])}
    assert critical == must


def test_a_bilingual_json_request_and_its_html_and_sarif_renderings(base_url):
    fields = {"draft": "Inflation reached 99.99% in Germany.", "source": "A inflação chegou a 80% na Alemanha.",
              "source_lang": "pt", "target_lang": "en", "ignore": ["TQ6"]}
    status, report = check(base_url, fields)
    [segment] = report["files"][0]["segments"]
    assert status == 200 and [f["code"] for f in segment["findings"]] == ["TQ301"]
    status, html = call(f"{base_url}/api/check?format=html", json.dumps(fields).encode())
    assert status == 200 and b"<!DOCTYPE html>" in html and b"99.99%" in html
    status, sarif = call(f"{base_url}/api/check?format=sarif", json.dumps(fields).encode())
    assert status == 200 and json.loads(sarif)["version"] == "2.1.0"


def test_an_uploaded_po_file_is_checked_at_its_lines(base_url):
    body, content_type = multipart({"file": ("budget.po", (FORMATS / "budget.po").read_bytes())})
    status, raw = call(f"{base_url}/api/check", body, content_type)
    report = json.loads(raw)
    flagged = {(s["line"], f["code"]) for s in report["files"][0]["segments"] for f in s["findings"]}
    assert status == 200 and any(code == "TQ301" for _, code in flagged)
    line = next(line for line, code in flagged if code == "TQ301")
    assert "99.99%" in (FORMATS / "budget.po").read_text(encoding="utf-8").splitlines()[line - 1]
    assert report["files"][0]["left_out"] == {"fuzzy": 1}  # said, so that the editor knows it was not checked
    status, html = call(f"{base_url}/api/check?format=html", body, content_type)
    assert status == 200 and b"left out, not checked: 1 fuzzy" in html
    wide = (FORMATS / "budget.po").read_text(encoding="utf-8").encode("utf-16")  # as Windows tools save it
    status, raw = call(f"{base_url}/api/check", *multipart({"file": ("budget.po", wide)}))
    assert status == 200 and json.loads(raw)["files"][0]["segments"] == report["files"][0]["segments"]


def test_refusals_are_clear_and_the_server_survives_a_failing_request(base_url, monkeypatch):
    assert call(f"{base_url}/api/check", b"{not json")[0] == 400
    status, answer = check(base_url, {"draft": "Hello there.", "target_lang": "xx!"})
    assert status == 422 and "target_lang" in answer["error"]
    assert check(base_url, {"draft": "Hola a todos.", "target_lang": "es-419"})[0] == 200  # a region is no refusal
    assert check(base_url, {"draft": "   "})[0] == 422
    status, answer = check(base_url, {"draft": "Hello there.", "ignor": ["TQ501"]})  # misspelt: refused, not ignored
    assert status == 422 and answer["error"].startswith("unknown field 'ignor'; the fields are draft, ignore, ")
    body, content_type = multipart({"file": ("draft.txt", b"Hello there."), "sourcelang": "pt"})
    status, raw = call(f"{base_url}/api/check", body, content_type)
    assert status == 422 and json.loads(raw)["error"].startswith("unknown field 'sourcelang'")
    assert check(base_url, {"draft": "word " * 5_000})[0] == 413  # over the 20,000 characters this server takes
    assert call(f"{base_url}/api/check", b"x" * 200_000)[0] == 413  # over its 100,000 bytes
    body, content_type = multipart({"file": ("broken.po", (FORMATS / "broken.po").read_bytes())})
    status, raw = call(f"{base_url}/api/check", body, content_type)
    assert status == 422 and json.loads(raw)["error"].startswith("broken.po:")
    body, content_type = multipart({"file": ("latin1.txt", "Good.\nCafé au lait".encode("latin-1"))})
    status, raw = call(f"{base_url}/api/check", body, content_type)
    assert status == 422 and json.loads(raw)["error"] == "latin1.txt:2: not valid UTF-8 (byte 0xe9 at offset 9)"

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(server, "check_documents", explode)
    status, answer = check(base_url, {"draft": "The minister resigned."})
    assert status == 500 and "boom" in answer["error"]
    monkeypatch.undo()
    assert check(base_url, {"draft": "The minister resigned."})[0] == 200


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def page(base_url):
    if CHROMIUM is None:
        pytest.fail("the browser tests need Chromium: apt-get install chromium (make install does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        yield browser.new_page()
        browser.close()


@pytest.mark.slow
def test_an_editor_pastes_the_seed_and_sees_the_two_headlines_critical(base_url, page):
    page.goto(base_url)
    page.fill("#draft", SEED.read_text(encoding="utf-8"))
    page.keyboard.press("Tab")
    page.click("#check")
    page.wait_for_selector("#result:not([hidden])", timeout=120_000)
    critical = page.locator("article.sentence.critical .text").all_inner_texts()
    must = [a["text"] for a in json.loads(ANNOTATIONS.read_text(encoding="utf-8"))["must_flag"]]
    assert sorted(critical) == sorted(must)
    assert page.locator("#notes").inner_text().count("TQ301") == 1  # what did not run, and why
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "serve-seed.png"), full_page=True)


@pytest.mark.slow
def test_an_uploaded_po_file_shows_its_planted_error_at_its_line(base_url, page):
    page.goto(base_url)
    page.set_input_files("#file", str(FORMATS / "budget.po"))
    page.click("#check")
    page.wait_for_selector("#result:not([hidden])", timeout=120_000)
    flagged = page.locator("article.sentence.critical")
    line = int(flagged.first.get_attribute("data-line"))
    assert "99.99%" in (FORMATS / "budget.po").read_text(encoding="utf-8").splitlines()[line - 1]
    assert "TQ301" in flagged.first.inner_text()
    assert "Left out, not checked: 1 fuzzy" in page.locator("#notes").inner_text()


@pytest.mark.slow
def test_a_draft_holding_markup_is_shown_as_text_never_run(base_url, page):
    hostile = 'The <script>window.pwned = 1</script> minister <img src=x onerror="window.pwned = 2"> resigned.'
    page.goto(base_url)
    page.fill("#draft", hostile)
    page.click("#check")
    page.wait_for_selector("#result:not([hidden])", timeout=120_000)
    page.check("#clean")  # show the sentences without findings too
    assert page.evaluate("window.pwned") is None
    assert "<script>window.pwned = 1</script>" in page.locator("#sentences").inner_text()
    assert page.locator("#sentences img").count() == 0
