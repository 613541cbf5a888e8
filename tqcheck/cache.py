"""Persistent translation cache: SQLite in the user cache folder, safe across processes.

The key is the backend signature, the language pair and a SHA-256 of the text, so a new model,
model revision or engine version never reuses old output. WAL journaling lets readers and a
writer work at once; a busy timeout lets concurrent writers wait for each other. A damaged file
is moved aside and rebuilt: the cache only ever saves time, so losing it is never fatal.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from tqcheck.backends.base import Backend
from tqcheck.model import BackendSignature

_SCHEMA = "CREATE TABLE IF NOT EXISTS translations (key TEXT PRIMARY KEY, output TEXT NOT NULL)"


def cache_dir() -> Path:
    """$TQCHECK_CACHE_DIR, else the platform's user cache folder."""
    chosen = os.environ.get("TQCHECK_CACHE_DIR")
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("tqcheck"))


def cache_path() -> Path:
    return cache_dir() / "translations.sqlite3"


def _key(signature: BackendSignature, src: str, tgt: str, text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"{signature.key()}|{src}|{tgt}|{digest}"


class TranslationCache:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_path()
        self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.DatabaseError:
            self._set_aside()
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(_SCHEMA)
            db.execute("SELECT count(*) FROM translations WHERE key = ''").fetchone()
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
        found: dict[str, str] = {}
        items = list(keys)
        try:
            for start in range(0, len(items), 500):  # stay under SQLite's bound-parameter limit
                chunk = items[start : start + 500]
                rows = self._db.execute(
                    f"SELECT key, output FROM translations WHERE key IN ({','.join('?' * len(chunk))})", chunk
                ).fetchall()
                found.update({keys[k]: out for k, out in rows})
        except sqlite3.DatabaseError:
            self._recover()
            return {}
        return found

    def put_many(self, signature: BackendSignature, src: str, tgt: str, pairs: dict[str, str]) -> None:
        rows = [(_key(signature, src, tgt, text), out) for text, out in pairs.items()]
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR REPLACE INTO translations VALUES (?, ?)", rows)
        except sqlite3.DatabaseError:
            self._recover()

    def _recover(self) -> None:
        self._db.close()
        self._set_aside()
        self._db = self._connect()

    def clear(self) -> int:
        """Delete every entry; return how many there were."""
        count = self._db.execute("SELECT count(*) FROM translations").fetchone()[0]
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute("DELETE FROM translations")
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

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        known = self.cache.get_many(self.signature, src, tgt, texts)
        todo = [t for t in dict.fromkeys(texts) if t not in known]
        if todo:
            fresh = dict(zip(todo, self.inner.translate(todo, src, tgt)))
            self.cache.put_many(self.signature, src, tgt, fresh)
            known.update(fresh)
        return [known[t] for t in texts]
