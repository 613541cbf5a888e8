"""Apertium, the rule-based engine Debian ships (GPL-2, run as a subprocess, never linked).

Its closely related pairs are good and fast, about a millisecond a sentence: es↔pt, es↔ca, es↔gl,
pt↔ca, pt↔gl, en↔ca, en↔gl, fr↔es. They keep numbers, negations and antonyms as they stand, which
is what a back-translation must do. Its direct en↔es pair is poor, so routing prefers a chain of
good legs through another language (es→pt by Apertium, then pt→en by the embedded model).
``apt-get install apertium apertium-es-pt …`` installs it; without it these routes are absent.

Each text is translated as if it came alone, whatever else is in the batch. Two things in a plain
``apertium`` run make a line depend on the lines before it: the text format reads on across a line
that does not end a sentence, and the part-of-speech tagger (an HMM) learns every new ambiguity class
it meets and tags differently from then on, for the rest of the process (on NTREX 1,000 lines, eng→spa
and pt→es, 111 and 139 lines came out otherwise than alone). So the pipeline of the mode runs in
null-flush mode with every text ended as a file ends, and the tagger is a process of its own that is
restarted after each text that taught it a new class: 0 of those 2,000 lines differ from their
translation alone, so the cache, the chunking and the Ray engine cannot change a translation.
"""

from __future__ import annotations

import os
import re
import selectors
import shutil
import subprocess
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from tqcheck.backends.base import Backend
from tqcheck.errors import BackendError
from tqcheck.records import BackendSignature

GOOD_PAIRS = frozenset(
    tuple(pair.split("-"))
    for pair in "es-pt pt-es es-ca ca-es es-gl gl-es pt-ca ca-pt pt-gl gl-pt en-ca ca-en en-gl gl-en fr-es es-fr".split()
)
"""The pairs Apertium translates well (the rest, en↔es among them, only when nothing else does)."""
_ISO3 = {"eng": "en", "spa": "es", "por": "pt", "cat": "ca", "glg": "gl", "fra": "fr", "ita": "it", "ron": "ro",
         "oci": "oc", "eus": "eu", "deu": "de", "nld": "nl", "afr": "af"}


@cache
def installed_modes() -> dict[tuple[str, str], str]:
    """Each installed direction (ISO 639-1 codes) and the Apertium mode that translates it."""
    if shutil.which("apertium") is None:
        return {}
    try:
        listed = subprocess.run(["apertium", "-l"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    modes: dict[tuple[str, str], str] = {}
    for mode in listed.split():
        parts = mode.split("-")
        if len(parts) != 2 or "_" in mode:  # "eco-es-fr", "es-pt_BR": variants, the plain pair is enough
            continue
        src, tgt = (_ISO3.get(p, p) for p in parts)
        if len(src) == 2 and len(tgt) == 2:
            modes.setdefault((src, tgt), mode)
    return modes


@cache
def _version() -> str:
    out = subprocess.run(["apertium", "-V"], capture_output=True, text=True, timeout=30)
    return (out.stdout.strip().split() or ["unknown"])[-1]


class ApertiumBackend(Backend):
    """Translates through the installed Apertium modes, each text as if alone (see the module)."""

    def __init__(self) -> None:
        self.modes = installed_modes()
        if not self.modes:
            raise BackendError("Apertium is not installed: apt-get install apertium and a language pair")
        # "texts-apart": translations made a batch at a time by earlier versions are not this one's
        version = f"apertium-{_version()}+texts-apart"
        self._signature = BackendSignature("apertium", "+".join(sorted(self.modes.values())), version)

    @property
    def signature(self) -> BackendSignature:
        return self._signature

    def supports(self, src: str, tgt: str) -> bool:
        return (src, tgt) in self.modes

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        mode = self.modes.get((src, tgt))
        if mode is None:
            raise BackendError(f"Apertium has no {src}→{tgt} pair installed")
        lines = [" ".join(t.replace("\0", " ").split()) for t in texts]  # one line a text; a null frames texts
        todo = [line for line in lines if line]
        try:
            done = iter(_stages(mode).translate(todo) if todo else [])
        except (OSError, subprocess.SubprocessError, ValueError) as exc:
            raise BackendError(f"Apertium failed on {src}→{tgt}: {str(exc)[:200]}") from None
        return [next(done) if line else "" for line in lines]


_FLUSH = re.compile("\0+")
_NEW_CLASS = b"new ambiguity class"


class _Stages:
    """A mode's pipeline cut around its tagger: the stages before and after run once a batch in
    null-flush mode, the tagger once a text or so."""

    def __init__(self, before: str, tagger: str | None, after: str) -> None:
        self.before, self.tagger, self.after = before, tagger, after

    def translate(self, texts: list[str]) -> list[str]:
        pieces = _run(["apertium-destxt"], "".join(t + "\n" for t in texts)).split("[\n]")
        _expect(len(pieces) - 1, texts, "apertium-destxt")
        # Each text ends as destxt ends a file (a period it may take back, then the last blank), so it
        # reads as a whole text does, not as the opening of the next line's sentence.
        ends = [".[][\n]"] * (len(texts) - 1) + ["[\n]"]
        analysed = _flushed(_shell(self.before, "".join(p + e + "\0" for p, e in zip(pieces, ends))), texts)
        tagged = _tag_apart(self.tagger, analysed) if self.tagger else analysed
        out = _run(["apertium-retxt"], "".join(_flushed(_shell(self.after, "".join(t + "\0" for t in tagged)), texts)))
        lines = out.split("\n")[: len(texts)]
        _expect(len(lines), texts, "apertium-retxt")
        return [line.strip() for line in lines]


@cache
def _stages(mode: str) -> _Stages:
    datadir = Path(os.environ.get("APERTIUM_DATADIR", "/usr/share/apertium"))
    pipeline = _run(["apertium-wblank-mode", "-z", str(datadir / "modes" / f"{mode}.mode")], "").strip()
    stages = [stage.strip() for stage in pipeline.split(" | ")]
    at = next((i for i, stage in enumerate(stages) if stage.startswith("apertium-tagger ")), None)
    if at is None:
        return _Stages(" | ".join(stages), None, "cat")
    # -d: the tagger says on stderr when it meets an ambiguity class its model lacks
    tagger = stages[at].replace("apertium-tagger ", "apertium-tagger -d ", 1)
    return _Stages(" | ".join(stages[:at]), tagger, " | ".join(stages[at + 1 :]) or "cat")


def _tag_apart(tagger: str, texts: list[str]) -> list[str]:
    """Each text tagged by a tagger that has seen no new ambiguity class before it: one process
    tags text after text, and a fresh one takes over after a text that taught it one."""
    tagged: list[str] = []
    process: subprocess.Popen[bytes] | None = None
    try:
        for text in texts:
            if process is None:
                process = _popen(tagger)
            out, learned = _exchange(process, text.encode("utf-8") + b"\0")
            tagged.append(out.decode("utf-8"))
            if learned:
                _close(process)
                process = None
    finally:
        if process is not None:
            _close(process)
    return tagged


_TIMEOUT = 60.0


def _exchange(process: subprocess.Popen[bytes], text: bytes) -> tuple[bytes, bool]:
    """Send one null-ended text; its output up to the null, and whether the tagger learned a class."""
    assert process.stdin and process.stdout and process.stderr
    process.stdin.write(text)
    process.stdin.flush()
    out, err = b"", b""
    with selectors.DefaultSelector() as selector:  # stderr read as it comes, so it never fills up
        selector.register(process.stdout, selectors.EVENT_READ)
        selector.register(process.stderr, selectors.EVENT_READ)
        while not out.endswith(b"\0"):
            ready = selector.select(_TIMEOUT)
            if not ready:
                raise subprocess.TimeoutExpired(process.args, _TIMEOUT)
            for key, _ in ready:
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    raise ValueError(f"the tagger stopped: {err.decode('utf-8', 'replace').strip()[:200]}")
                if key.fileobj is process.stdout:
                    out += chunk
                else:
                    err += chunk
    return out.rstrip(b"\0"), _NEW_CLASS in err


def _popen(command: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(["bash", "-c", command, "_", "-n", ""], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _close(process: subprocess.Popen[bytes]) -> None:
    assert process.stdin
    process.stdin.close()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _shell(command: str, text: str) -> str:
    """A stage of a mode run on ``text`` ($1 -n: unknown words unmarked; $2: no tagger option)."""
    return _run(["bash", "-c", f"set -o pipefail; {command}", "_", "-n", ""], text)


def _run(command: list[str], text: str) -> str:
    done = subprocess.run(command, input=text, capture_output=True, text=True, timeout=_TIMEOUT + len(text) / 1000)
    if done.returncode != 0:
        raise ValueError(done.stderr.strip() or f"{command[0]} exited with {done.returncode}")
    return done.stdout


def _flushed(stream: str, texts: list[str]) -> list[str]:
    """The per-text outputs of a null-flushed stream; stages may add nulls, and no text's output is empty."""
    parts = [part for part in _FLUSH.split(stream) if part]
    _expect(len(parts), texts, "a null-flushed stage")
    return parts


def _expect(count: int, texts: list[str], stage: str) -> None:
    if count != len(texts):
        raise ValueError(f"{stage} gave {count} texts for {len(texts)}")
