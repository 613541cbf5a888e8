"""`tqcheck serve`: a page for newsroom editors and an HTTP API for their publishing system.

Starlette, served by uvicorn. The model loads once at start-up and every request shares it. Checks
run on one worker thread, off the event loop: the Bergamot engine is bound to the thread that made
it, and the embedded backend spreads a large batch over its worker processes anyway. Every text is
handled as text (the page inserts it with ``textContent``), nothing is written to disk, a request
over the size limit gets 413, and an exception in one request is that request's 500, never the
server's end.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from functools import partial
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from tqcheck import __version__, lang
from tqcheck.checks.registry import ALL_CHECKS
from tqcheck.config import Config
from tqcheck.errors import ConfigError, ReadError, TqcheckError
from tqcheck.pipeline import Languages, check_documents
from tqcheck.readers.base import decoded, parse_document
from tqcheck.records import Report
from tqcheck.reporters import html as html_reporter
from tqcheck.reporters import json as json_reporter
from tqcheck.reporters import sarif as sarif_reporter
from tqcheck.selection import Selector

MAX_CHARS = 200_000
MAX_BYTES = 5 * 1024 * 1024

class _Refused(Exception):
    """A request tqcheck will not check: its status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class _Job:
    draft: tuple[str, str]  # (name, text)
    source: tuple[str, str] | None
    languages: Languages
    config: Config


def create_app(config: Config = Config(), max_chars: int = MAX_CHARS, max_bytes: int = MAX_BYTES) -> Starlette:
    """The application: the page, the API and its OpenAPI description."""
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tqcheck-check")

    def warm() -> None:  # load the models before the first request needs them
        check_documents([("warm-up.txt", partial(parse_document, "warm-up.txt", "O Governo aprovou o orçamento.\n"))],
                        partial(parse_document, "warm-up.en.txt", "The Government approved the budget.\n"),
                        Languages("en", "pt"), replace(config, cache=False))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await asyncio.get_running_loop().run_in_executor(executor, warm)
        yield
        executor.shutdown(wait=False, cancel_futures=True)

    async def check(request: Request) -> Response:
        try:
            job = await _job(request, config, max_chars, max_bytes)
            report = await asyncio.get_running_loop().run_in_executor(executor, _run, job)
        except _Refused as refused:
            return JSONResponse({"error": str(refused)}, status_code=refused.status)
        except TqcheckError as exc:
            return JSONResponse({"error": str(exc)}, status_code=422)
        except Exception as exc:  # noqa: BLE001 - one request's failure, reported; the server goes on
            return JSONResponse({"error": f"internal error: {type(exc).__name__}: {exc}"}, status_code=500)
        if report.errors and not report.files:
            return JSONResponse({"error": str(report.errors[0])}, status_code=422)
        fmt = request.query_params.get("format", "json")
        if fmt == "html":
            return HTMLResponse(html_reporter.render(report))
        if fmt == "sarif":
            return Response(sarif_reporter.render(report), media_type="application/sarif+json")
        return JSONResponse(json_reporter.to_dict(report))

    async def page(request: Request) -> Response:
        return HTMLResponse(resources.files("tqcheck").joinpath("web", "index.html").read_text(encoding="utf-8"))

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__, "backend": config.backend})

    async def rules(request: Request) -> Response:
        return JSONResponse([
            {"code": c.code, "name": c.name, "severity": c.severity.value, "summary": c.summary(), "doc": c.doc(),
             "options": dict(c.options)}
            for c in ALL_CHECKS
        ])

    async def openapi(request: Request) -> Response:
        return JSONResponse(_openapi(max_chars, max_bytes))

    routes = [
        Route("/", page), Route("/api/check", check, methods=["POST"]), Route("/api/health", health),
        Route("/api/rules", rules), Route("/openapi.json", openapi),
    ]
    return Starlette(routes=routes, lifespan=lifespan)


def _run(job: _Job) -> Report:
    source = partial(parse_document, *job.source) if job.source else None
    draft = partial(parse_document, *job.draft, job.languages.target)  # a memory may hold several languages
    return check_documents([(job.draft[0], draft)], source, job.languages, job.config)


async def _job(request: Request, config: Config, max_chars: int, max_bytes: int) -> _Job:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise _Refused(413, f"the request is over {max_bytes:,} bytes")
    body = await request.body()
    if len(body) > max_bytes:
        raise _Refused(413, f"the request is over {max_bytes:,} bytes")
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        fields = await _form(request)
    else:
        try:
            fields = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise _Refused(400, f"the body is not JSON: {exc}") from None
        if not isinstance(fields, dict):
            raise _Refused(400, "the body must be a JSON object")
        _known_fields(fields, _FIELDS)
        fields = {**fields, "draft": ("draft.txt", fields.get("draft")), "source": ("source.txt", fields.get("source"))}
    draft, source = fields.get("draft"), fields.get("source")
    if not isinstance(draft, tuple) or not isinstance(draft[1], str) or not draft[1].strip():
        raise _Refused(422, "there is no draft to check: give 'draft' (text) or a file")
    if source is not None and source[1] is not None and not isinstance(source[1], str):
        raise _Refused(422, "'source' must be text")
    source = source if source and source[1] and source[1].strip() else None
    if len(draft[1]) + len(source[1] if source else "") > max_chars:
        raise _Refused(413, f"the texts are over {max_chars:,} characters")
    languages = Languages(_lang(fields.get("source_lang"), "source_lang"), _lang(fields.get("target_lang"), "target_lang"))
    select, ignore = _codes(fields.get("select"), "select"), _codes(fields.get("ignore"), "ignore")
    try:
        Selector.build(select or config.select, ignore or config.ignore)
    except ConfigError as exc:
        raise _Refused(422, str(exc)) from None
    return _Job(draft, source, languages, config.with_overrides(select=select, ignore=ignore))


async def _form(request: Request) -> dict[str, Any]:
    form = await request.form(max_files=2, max_fields=10)
    _known_fields(form, _FIELDS | _UPLOADS)
    found: dict[str, Any] = {k: v for k, v in form.items() if isinstance(v, str)}
    for key in ("file", "source_file"):
        upload = form.get(key)
        if upload is not None and not isinstance(upload, str):
            name = upload.filename or key
            raw = await upload.read()
            try:
                text = decoded(name, raw)
            except ReadError as exc:
                raise _Refused(422, str(exc)) from None
            found["draft" if key == "file" else "source"] = (name, text)
    for key, name in (("draft", "draft.txt"), ("source", "source.txt")):
        if isinstance(found.get(key), str):
            found[key] = (name, found[key])
    return found


_FIELDS = frozenset({"draft", "source", "source_lang", "target_lang", "select", "ignore"})
_UPLOADS = frozenset({"file", "source_file"})


def _known_fields(fields: Any, known: frozenset[str]) -> None:
    """A misspelt field ("ignor") is refused, not ignored: the answer would silently be another's."""
    unknown = sorted(set(fields) - known)
    if unknown:
        raise _Refused(422, f"unknown field {unknown[0]!r}; the fields are {', '.join(sorted(known))}")


def _lang(value: Any, field: str) -> str | None:
    if value in (None, "", "detect"):
        return None
    try:
        return lang.base(lang.checked(value))
    except (TypeError, ValueError):
        wanted = "a language code such as en or pt-BR, or 'detect'"
        raise _Refused(422, f"{field} must be {wanted}, not {value!r}") from None


def _codes(value: Any, field: str) -> tuple[str, ...] | None:
    if value in (None, "", []):
        return None
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise _Refused(422, f"{field} must be a list of codes or names, or one comma-separated string")
    return tuple(v.strip() for v in items if v.strip())


def _openapi(max_chars: int, max_bytes: int) -> dict[str, Any]:
    report = {"$ref": "https://github.com/tqcheck/tqcheck/references/report.schema.json"}
    error = {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}
    body = {
        "type": "object",
        "required": ["draft"],
        "properties": {
            "draft": {"type": "string", "description": "the translation to check"},
            "source": {"type": "string", "description": "the original, when there is one"},
            "source_lang": {"type": "string", "description": "a language code such as en or pt-BR, or 'detect'"},
            "target_lang": {"type": "string", "description": "a language code such as en or pt-BR, or 'detect'"},
            "select": {"type": "array", "items": {"type": "string"}},
            "ignore": {"type": "array", "items": {"type": "string"}},
        },
    }
    upload = {
        "type": "object",
        "properties": {
            "file": {"type": "string", "format": "binary", "description": "any file `tqcheck check` reads"},
            "source_file": {"type": "string", "format": "binary"},
            "source_lang": {"type": "string"}, "target_lang": {"type": "string"},
            "select": {"type": "string"}, "ignore": {"type": "string"},
        },
    }
    answers = {
        "200": {"description": "the report of `tqcheck check`, JSON schema version 1 (or HTML, SARIF)",
                "content": {"application/json": {"schema": report}}},
        "400": {"description": "the body is not JSON", "content": {"application/json": {"schema": error}}},
        "413": {"description": f"over {max_chars:,} characters or {max_bytes:,} bytes",
                "content": {"application/json": {"schema": error}}},
        "422": {"description": "no draft, an unknown language or code, a file that cannot be read",
                "content": {"application/json": {"schema": error}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "tqcheck", "version": __version__,
                 "description": "Catch translations that read well but say the wrong thing."},
        "paths": {
            "/api/check": {"post": {
                "summary": "Check a draft translation, with its source when there is one",
                "parameters": [{"name": "format", "in": "query", "schema": {"enum": ["json", "html", "sarif"]}}],
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": body}, "multipart/form-data": {"schema": upload}}},
                "responses": answers,
            }},
            "/api/health": {"get": {"summary": "Whether the server is up", "responses": {"200": {"description": "ok"}}}},
            "/api/rules": {"get": {"summary": "Every check, documented", "responses": {"200": {"description": "the checks"}}}},
        },
    }
