from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext, Need
from tqcheck.records import Finding, Severity

_FINAL = ".!?:;…。！？"


class WhitespacePunctuation(Check):
    """Leading or trailing whitespace, or the final punctuation, differs from the source.

    Bad: source "Guardar alterações? " — translation "Save changes"
    Good: source "Guardar alterações? " — translation "Save changes? "
    """

    code = "TQ603"
    name = "whitespace-punctuation"
    severity = Severity.MINOR
    needs = (Need.SOURCE,)

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        source, target = ctx.source, ctx.target
        if not source or not target:
            return
        if _lead(source) != _lead(target) or _trail(source) != _trail(target):
            yield self.finding("leading or trailing whitespace differs from the source")
        end_source, end_target = source.rstrip()[-1:], target.rstrip()[-1:]
        if (end_source in _FINAL) != (end_target in _FINAL) or (end_source in "?!" and end_source != end_target):
            stripped = len(target.rstrip())
            yield self.finding(
                f"source ends with “{end_source}”, translation with “{end_target}”", (max(stripped - 1, 0), stripped)
            )


def _lead(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trail(text: str) -> str:
    return text[len(text.rstrip()) :]
