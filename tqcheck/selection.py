"""Which findings a project wants: select/ignore by code prefix or name (longest prefix wins),
per-file ignores, and inline suppressions written in each format's own comment channel.

An inline directive is ``tqcheck: ignore[TQ301,TQ4]`` (or a bare ``tqcheck: ignore``, which
silences every code) in a PO translator comment, an XLIFF or TMX ``<note>``, or a Markdown
``<!-- … -->`` before the block. With ``warn_unused``, a directive that silenced nothing is
reported as TQ901 unused-suppression, so stale ones get cleaned up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tqcheck.checks.registry import BY_CODE, BY_NAME
from tqcheck.errors import ConfigError, did_you_mean
from tqcheck.readers.base import path_matches
from tqcheck.records import Finding, Severity

_DIRECTIVE = re.compile(r"tqcheck:\s*ignore(?:\[([^\]]*)\])?", re.IGNORECASE)
UNUSED = ("TQ901", "unused-suppression")


def _code(selector: str) -> str:
    """A code prefix ("TQ3", "TQ301") or a check name, as a code prefix."""
    cleaned = selector.strip()
    if cleaned.lower() in BY_NAME:
        return BY_NAME[cleaned.lower()].code
    if not re.fullmatch(r"TQ\d{0,3}", cleaned.upper()):
        hint = did_you_mean(cleaned, BY_NAME)
        raise ConfigError(f"{selector!r} is neither a code prefix such as TQ3 or TQ301 nor a check name{hint}")
    # "TQ310" for TQ301 would select nothing and pass every file
    if not any(code.startswith(cleaned.upper()) for code in (*BY_CODE, UNUSED[0])):
        raise ConfigError(f"{selector!r} is the code of no check (`tqcheck rules` lists them)")
    return cleaned.upper()


@dataclass(frozen=True)
class Selector:
    select: tuple[str, ...] = ("TQ",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    warn_unused: bool = False

    @classmethod
    def build(
        cls,
        select: Sequence[str] = ("TQ",),
        ignore: Sequence[str] = (),
        per_file_ignores: Mapping[str, Sequence[str]] | None = None,
        warn_unused: bool = False,
    ) -> Selector:
        return cls(
            tuple(_code(s) for s in select),
            tuple(_code(s) for s in ignore),
            {glob: tuple(_code(s) for s in codes) for glob, codes in (per_file_ignores or {}).items()},
            warn_unused,
        )

    def wanted(self, code: str, path: str) -> bool:
        """Longest matching prefix wins; a tie goes to ignore."""
        ignore = list(self.ignore)
        for glob, codes in self.per_file_ignores.items():
            if path_matches(path, glob):
                ignore.extend(codes)
        best_select = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        best_ignore = max((len(p) for p in ignore if code.startswith(p)), default=-1)
        return best_select > best_ignore

    def apply(self, findings: Sequence[Finding], path: str, notes: Sequence[str]) -> tuple[Finding, ...]:
        directives = [d for note in notes for d in _DIRECTIVE.finditer(note)]
        kept: list[Finding] = []
        used = [False] * len(directives)
        for finding in findings:
            if not self.wanted(finding.code, path):
                continue
            hit = next((i for i, d in enumerate(directives) if _silences(d, finding.code)), None)
            if hit is None:
                kept.append(finding)
            else:
                used[hit] = True
        if self.warn_unused:
            for directive, was_used in zip(directives, used):
                if not was_used:
                    kept.append(Finding(*UNUSED, Severity.MINOR, f"“{directive.group()}” silences nothing here"))
        return tuple(kept)


def _silences(directive: re.Match[str], code: str) -> bool:
    if directive.group(1) is None:
        return True
    return any(code.startswith(_code(c)) for c in directive.group(1).split(",") if c.strip())
