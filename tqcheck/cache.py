"""Caches: SQLite in the user cache folder, safe across processes, and the run's own memo.

Three tables. ``translations``: the key is the backend signature, the language pair and a SHA-256
of the text, so a new model, model revision or engine version never reuses old output.
``scores``: a model's log-probability of a (source, target) pair, keyed the same way.
``results``: a segment's scores and findings, keyed by a hash of every input the checks see plus
the tool version and check options, so an unchanged file is re-checked without recomputing. WAL journaling lets readers and a
writer work at once; a busy timeout lets concurrent writers wait for each other. A damaged file
is moved aside and rebuilt: the cache only ever saves time, so losing it is never fatal.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import redirect_stderr
from functools import cache
from pathlib import Path
from typing import Any

from tqcheck.backends.base import Backend
from tqcheck.codec import decode, encode
from tqcheck.errors import CacheError
from tqcheck.records import BackendSignature, SegmentResult
from tqcheck.text.segment import pieces

Progress = Callable[[str, int, int], None]
"""Called with a stage description, the texts done so far and the stage's total."""

_TABLES = ("translations", "results", "scores")


def cache_dir() -> Path:
    """$TQCHECK_CACHE_DIR, else the platform's user cache folder."""
    chosen = os.environ.get("TQCHECK_CACHE_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tqcheck"))


def save_model(folder: Path, model: Any, tokenizer: Any, files: Mapping[str, str] | None = None) -> None:
    """A transformers model and its tokenizer (and ``files``, text by name) saved as ``folder``
    whole or not at all: written beside it, then moved in place of what was there, so a build cut
    short never leaves half a model to load."""
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    with redirect_stderr(io.StringIO()):  # saving draws its own bars
        model.save_pretrained(partial)
        tokenizer.save_pretrained(partial)
    for name, text in (files or {}).items():
        (partial / name).write_text(text, encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)


def cache_path() -> Path:
    return cache_dir() / "translations.sqlite3"


def _key(signature: BackendSignature, src: str, tgt: str, text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"{signature.key()}|{src}|{tgt}|{digest}"


def _busy(exc: sqlite3.DatabaseError) -> bool:
    """Whether an error is another process holding the file, not damage to it."""
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


class TranslationCache:
    """Translations, scores and results on disk (SQLite), shared by the threads of one check: the
    next chunk is translated while this one is checked, so reads and writes take a lock."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_path()
        self._lock = threading.Lock()
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                return self._connect()
            except sqlite3.DatabaseError:
                self._set_aside()
                return self._connect()
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise CacheError(f"cannot use the cache at {self.path}: {reason} (--no-cache checks without it)") from None

    def _connect(self) -> sqlite3.Connection:
        # Switching to WAL takes a lock without waiting for SQLite's busy handler: another process
        # opening the same new file at once makes it fail with "locked", which is no damage.
        for attempt in range(100):
            try:
                return self._connect_once()
            except sqlite3.OperationalError as exc:
                if not _busy(exc) or attempt == 99:
                    raise
                time.sleep(0.05)
        raise AssertionError("unreachable")

    def _connect_once(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            for table in _TABLES:
                db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, output TEXT NOT NULL)")
                db.execute(f"SELECT count(*) FROM {table} WHERE key = ''").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _set_aside(self) -> None:
        """Keep a damaged file for inspection and start afresh."""
        for suffix in ("", "-wal", "-shm"):
            damaged = Path(f"{self.path}{suffix}")
            if damaged.exists():
                damaged.replace(Path(f"{self.path}{suffix}.damaged"))

    def get_many(self, signature: BackendSignature, src: str, tgt: str, texts: Sequence[str]) -> dict[str, str]:
        keys = {_key(signature, src, tgt, t): t for t in texts}
        return {keys[k]: out for k, out in self.lookup("translations", list(keys)).items()}

    def put_many(self, signature: BackendSignature, src: str, tgt: str, pairs: dict[str, str]) -> None:
        self.store("translations", {_key(signature, src, tgt, text): out for text, out in pairs.items()})

    def lookup(self, table: str, keys: Sequence[str]) -> dict[str, str]:
        with self._lock:
            return self._lookup(table, keys)

    def _lookup(self, table: str, keys: Sequence[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        try:
            for start in range(0, len(keys), 500):  # stay under SQLite's bound-parameter limit
                chunk = list(keys[start : start + 500])
                rows = self._db.execute(
                    f"SELECT key, output FROM {table} WHERE key IN ({','.join('?' * len(chunk))})", chunk
                ).fetchall()
                found.update(dict(rows))
        except sqlite3.DatabaseError as exc:
            if _busy(exc):  # held by another process past the timeout: a miss, not damage
                return found
            self._recover()
            return {}
        return found

    def store(self, table: str, items: dict[str, str]) -> None:
        with self._lock:
            self._store(table, items)

    def _store(self, table: str, items: dict[str, str]) -> None:
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", list(items.items()))
        except sqlite3.DatabaseError as exc:
            if not _busy(exc):  # a busy cache only loses this write; a damaged one is rebuilt
                self._recover()

    def _recover(self) -> None:
        self._db.close()
        self._set_aside()
        self._db = self._connect()

    def clear(self) -> int:
        """Delete every entry; return how many translations there were."""
        count = self._db.execute("SELECT count(*) FROM translations").fetchone()[0]
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            for table in _TABLES:
                self._db.execute(f"DELETE FROM {table}")
        self._db.execute("VACUUM")
        return int(count)

    def close(self) -> None:
        self._db.close()


class CachedBackend(Backend):
    """Any backend, with translations looked up in and saved to the persistent cache."""

    def __init__(self, inner: Backend, cache: TranslationCache) -> None:
        self.inner = inner
        self.cache = cache

    @property
    def signature(self) -> BackendSignature:
        return self.inner.signature

    def supports(self, src: str, tgt: str) -> bool:
        return self.inner.supports(src, tgt)

    def can_score(self, src: str, tgt: str) -> bool:
        return self.inner.can_score(src, tgt)

    def legs(self, src: str, tgt: str) -> int:
        return self.inner.legs(src, tgt)

    def score(self, pairs: Sequence[tuple[str, str]], src: str, tgt: str) -> list[float] | None:
        keys = [_key(self.signature, src, tgt, f"{source}\0{target}") for source, target in pairs]
        known = self.cache.lookup("scores", keys)
        todo = [(key, pair) for key, pair in dict(zip(keys, pairs)).items() if key not in known]
        if todo:
            fresh = self.inner.score([pair for _, pair in todo], src, tgt)
            if fresh is None:
                return None
            new = {key: repr(value) for (key, _), value in zip(todo, fresh)}
            self.cache.store("scores", new)
            known.update(new)
        return [float(known[key]) for key in keys]

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        known = self.cache.get_many(self.signature, src, tgt, texts)
        todo = [t for t in dict.fromkeys(texts) if t not in known]
        if todo:
            fresh = dict(zip(todo, self.inner.translate(todo, src, tgt)))
            self.cache.put_many(self.signature, src, tgt, fresh)
            known.update(fresh)
        return [known[t] for t in texts]


class MemoTranslator:
    """A backend for one run: repeated texts are translated once; a text longer than a model's
    window goes in pieces (``text.segment.pieces``) whose translations are joined; blank texts stay
    blank; and texts go to the backend in length-sorted chunks so progress can be reported."""

    CHUNK = 64
    MEMO_LIMIT = 10_000
    """Texts remembered at most; then the memo starts afresh (the translation cache still has them).
    It serves repeats close together, as in a translation memory, without growing with the file."""

    def __init__(self, backend: Backend, progress: Progress | None = None) -> None:
        self.backend = backend
        self.progress = progress
        self._memo: dict[tuple[str, str, str], str] = {}

    def __call__(self, texts: Sequence[str], src: str, tgt: str, stage: str = "translating") -> list[str]:
        parts = {t: pieces(t) if t.strip() else [] for t in texts}
        if len(self._memo) > self.MEMO_LIMIT:
            self._memo.clear()
        todo = sorted({p for ps in parts.values() for p in ps if (src, tgt, p) not in self._memo}, key=len)
        for start in range(0, len(todo), self.CHUNK):
            chunk = todo[start : start + self.CHUNK]
            for text, out in zip(chunk, self.backend.translate(chunk, src, tgt)):
                self._memo[(src, tgt, text)] = out
            if self.progress:
                self.progress(stage, start + len(chunk), len(todo))
        return [" ".join(self._memo[(src, tgt, p)] for p in parts[t]) for t in texts]


@cache
def code_digest() -> str:
    """A hash of tqcheck's own source: a result computed by other code is never reused, even
    between releases (an editable install, a patched check)."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def result_key(*inputs: object) -> str:
    """The key of a segment's result: a hash of everything it follows from and of its layout."""
    return hashlib.sha256(json.dumps([RESULT_FORMAT, *inputs], ensure_ascii=False).encode("utf-8")).hexdigest()


RESULT_FORMAT = 2
"""The layout of a stored result (``codec.encode`` of a SegmentResult); part of every result key."""


class ResultCache:
    """Segment results by ``result_key``, in the ``results`` table; none without a cache."""

    def __init__(self, cache: TranslationCache | None) -> None:
        self.cache = cache

    def lookup(self, keys: Sequence[str]) -> dict[str, SegmentResult]:
        found = self.cache.lookup("results", keys) if self.cache else {}
        results = {}
        for key, text in found.items():
            try:
                results[key] = decode(SegmentResult, json.loads(text))
            except (ValueError, KeyError, TypeError):  # written by another layout: a miss, recomputed
                continue
        return results

    def store(self, results: dict[str, SegmentResult]) -> None:
        if self.cache and results:
            self.cache.store("results", {k: json.dumps(encode(r), ensure_ascii=False) for k, r in results.items()})
