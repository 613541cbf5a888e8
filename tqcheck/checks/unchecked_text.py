from __future__ import annotations

from collections.abc import Iterator

from tqcheck.checks.base import Check, CheckContext
from tqcheck.records import Finding, Severity


class UncheckedText(Check):
    """Text tqcheck did not check: it is reported, so that its silence is not taken for a pass.

    A unit (or, without a source, a sentence) longer than 5,000 characters, or one holding a token
    of more than 200 characters (base64, URLs glued together), is neither translated nor compared:
    no model reads it whole, and the comparisons would take minutes. Split such text into
    sentences or paragraphs to have it checked. Minor: nothing is known to be wrong with it.

    Bad: "Attachment: tj/ZBjn9I1HtUNi5nK1jcp0Ajlg48RTerAiW/XJB49gATeRRp2KEFj1gGdXePJEJSF5OpbsKvWoJRvK0kuzv7LY/2QY5/SNR7VDYuZytY3KdAI5YOPEU3qwIlv1yQePYAE3kUadihBY9YBnV3jyRCUheTqW7Cr1qCUbytJLs7+y2P9kGOf0jUe1Q2LmcrWNynQCOWDjxFN6sCJb9ckHj2ABN5FGnYoQWPWAZ1d48kQlIXk6luwq9aglG8rSS7O/s"
    Good: "Attachment: the report is on the ministry's website."
    """

    code = "TQ003"
    name = "unchecked-text"
    severity = Severity.MINOR
    reads_unchecked = True

    def run(self, ctx: CheckContext) -> Iterator[Finding]:
        if ctx.unchecked is not None:
            yield self.finding(ctx.unchecked, (0, len(ctx.target)))
