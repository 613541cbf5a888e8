from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext
from tqcheck.model import Finding, Severity
from tqcheck.text.entities import find_names, name_in


class EntityMismatch(Check):
    """A name in the source is missing, replaced or swapped in the translation.

    A source name counts as kept when the translation or its back-translation into the source
    language has it (spelling and accents folded: "Polónia" = "Polônia"), so translated names such
    as "Alemanha"/"Germany" are compared in one language. With a forward machine translation of the
    source, names the draft adds are caught too.

    Bad: source "A Alemanha e a Finlândia discordam." — translation "Germany and Sweden disagree."
    Good: source "A Alemanha e a Finlândia discordam." — translation "Germany and Finland disagree."
    """

    code = "TQ201"
    name = "entity-mismatch"
    severity = Severity.CRITICAL
    needs_source = True
    options = {"similarity": 0.8}

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if not ctx.source or not ctx.target:
            return
        sim = self.opts["similarity"]
        missing = [
            n
            for n in find_names(ctx.source)
            if not name_in(n, ctx.target, sim) and not name_in(n, ctx.back_translation, sim)
        ]
        added = []
        if ctx.forward_translation is not None:
            added = [
                n
                for n in find_names(ctx.target)
                if not name_in(n, ctx.forward_translation, sim) and not name_in(n, ctx.source, sim)
            ]
        while missing and added:
            src, tgt = missing.pop(0), added.pop(0)
            yield self.finding(f"source names {src.text}, translation has {tgt.text} instead", tgt.span, src.span)
        for src in missing:
            yield self.finding(f"source names {src.text}; the translation does not", None, src.span)
        for tgt in added:
            yield self.finding(f"translation names {tgt.text}, which the source does not", tgt.span, None)
