"""Apertium, the rule-based engine Debian ships (GPL-2, run as a subprocess, never linked).

Its closely related pairs are good and fast, about a millisecond a sentence: es↔pt, es↔ca, es↔gl,
pt↔ca, pt↔gl, en↔ca, en↔gl, fr↔es. They keep numbers, negations and antonyms as they stand, which
is what a back-translation must do. Its direct en↔es pair is poor, so routing prefers a chain of
good legs through another language (es→pt by Apertium, then pt→en by the embedded model).
``apt-get install apertium apertium-es-pt …`` installs it; without it these routes are absent.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from functools import cache

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
    """Translates through the installed Apertium modes, one process a batch, one line a text."""

    def __init__(self) -> None:
        self.modes = installed_modes()
        if not self.modes:
            raise BackendError("Apertium is not installed: apt-get install apertium and a language pair")
        self._signature = BackendSignature("apertium", "+".join(sorted(self.modes.values())), f"apertium-{_version()}")

    @property
    def signature(self) -> BackendSignature:
        return self._signature

    def supports(self, src: str, tgt: str) -> bool:
        return (src, tgt) in self.modes

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        mode = self.modes.get((src, tgt))
        if mode is None:
            raise BackendError(f"Apertium has no {src}→{tgt} pair installed")
        lines = [" ".join(t.split()) for t in texts]  # one line a text: the output keeps the lines
        try:
            done = subprocess.run(
                ["apertium", "-u", "-f", "txt", mode], input="\n".join(lines) + "\n", capture_output=True,
                text=True, timeout=60 + len(lines),
            )
        except (OSError, subprocess.SubprocessError) as exc:
            raise BackendError(f"Apertium failed on {src}→{tgt}: {exc}") from None
        out = done.stdout.split("\n")[: len(lines)]
        if done.returncode != 0 or len(out) != len(lines):
            raise BackendError(f"Apertium failed on {src}→{tgt}: {done.stderr.strip()[:200]}")
        return [o.strip() if t.strip() else "" for o, t in zip(out, lines)]
