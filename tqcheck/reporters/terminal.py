"""Human-readable report: each flagged segment with its findings and the differing spans marked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tqcheck.records import FileReport, Report, SegmentResult, Severity, Span
from tqcheck.text.strings import visible

_STYLE = {Severity.CRITICAL: "bold red", Severity.MAJOR: "yellow", Severity.MINOR: "cyan"}
_MARK = "bold red underline"


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    merged: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def marked(text: str, spans: Iterable[Span], plain: bool) -> Text:
    """``text`` with ``spans`` highlighted, or wrapped in «…» when there is no colour; control
    characters shown as symbols, never sent to the terminal."""
    merged = merge_spans(spans)
    text = visible(text)
    if plain:
        out, last = [], 0
        for start, end in merged:
            out += [text[last:start], "«", text[start:end], "»"]
            last = end
        return Text("".join(out) + text[last:])
    rich_text = Text(text)
    for start, end in merged:
        rich_text.stylize(_MARK, start, end)
    return rich_text


_SHOWN_UNCHECKED = 300  # characters of an unchecked (overlong) segment shown


def _segment(console: Console, path: str, seg: SegmentResult, plain: bool) -> None:
    where = Text(f"{visible(path)}:{seg.segment.line}", style="bold")
    console.print(where, Text(f"(segment {seg.segment.id + 1})", style="dim"))
    for f in seg.findings:
        line = Text("  ")
        line.append(f"{f.code} {f.severity.value:<8}", style=_STYLE[f.severity])
        line.append(f" {f.name}: {visible(f.message)}")
        console.print(line)
    target = seg.segment.target
    if seg.segment.unchecked is not None and len(target) > _SHOWN_UNCHECKED:
        shown = Text(f"{visible(target[:_SHOWN_UNCHECKED])}… ({len(target):,} characters)")
        console.print(Text("    translation:  ", style="dim"), shown)
        console.print()
        return
    whole = (0, len(target))
    target_spans = [f.target_span for f in seg.findings if f.target_span and f.target_span != whole]
    console.print(Text("    translation:  ", style="dim"), marked(target, target_spans, plain))
    if seg.segment.source is not None:
        source_spans = [f.source_span for f in seg.findings if f.source_span] + [d.reference_span for d in seg.diff]
        console.print(Text("    source:       ", style="dim"), marked(seg.segment.source, source_spans, plain))
    console.print(
        Text("    back:         ", style="dim"), marked(seg.back_translation, [d.back_span for d in seg.diff], plain)
    )
    if seg.scores:
        scores = seg.scores
        console.print(Text(f"    chrF {scores.chrf:.1f}  BLEU {scores.bleu:.1f}  TER {scores.ter:.1f}", style="dim"))
    console.print()


def _table(report: Report, console: Console) -> None:
    """Findings counted by code and severity."""
    counts = Counter((f.code, f.name, f.severity) for file in report.files for s in file.segments for f in s.findings)
    if not counts:
        return
    table = Table(title="Findings by code", title_justify="left", box=box.SIMPLE)
    table.add_column("code")
    table.add_column("check")
    for severity in reversed(Severity):
        table.add_column(severity.value, justify="right", style=_STYLE[severity])
    for code, name in sorted({(c, n) for c, n, _ in counts}):
        table.add_row(code, name, *(str(counts[(code, name, sev)] or "") for sev in reversed(Severity)))
    console.print(table)


def write(report: Report, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=True)
    plain = not console.is_terminal or console.no_color
    for file in report.files:
        if file.mode == "bilingual":
            mode = f"source {file.source_path} ({file.source_lang}→{file.target_lang})"
        elif file.pivot_lang:
            mode = f"round trip {file.target_lang}→{file.pivot_lang}→{file.target_lang}"
        else:
            mode = f"no source ({file.target_lang})"
        backend = f"{file.backend.name} backend" if file.backend.name != "none" else "no model: the checks that need none"
        head = f"{visible(file.path)}: {len(file.segments)} segments, {mode}, {backend}"
        console.print(Text(head, style="bold"))
        for seg in file.segments:
            if seg.findings:
                _segment(console, file.path, seg, plain)
        reasons: dict[tuple[str, str], list[str]] = {}
        for status in file.not_run():  # one line a reason: a file without a source skips a dozen checks
            reasons.setdefault((status.reason or "", status.enable or ""), []).append(status.code)
        for (reason, enable), codes in reasons.items():
            how = f" ({visible(enable)})" if enable else ""
            console.print(Text(f"  not run: {', '.join(codes)}: {visible(reason)}{how}", style="dim"))
        if file.left_out:
            console.print(Text(f"  left out, not checked: {left_out_words(file)}"))
    _table(report, console)
    summary = Text(
        f"{len(report.files)} file(s), {report.segment_count()} segments, {report.flagged()} flagged: "
        f"{report.count(Severity.CRITICAL)} critical, {report.count(Severity.MAJOR)} major, "
        f"{report.count(Severity.MINOR)} minor"
    )
    if left := report.left_out_count():
        summary.append(f"; {left} unit(s) left out, not checked")
    if report.errors:
        summary.append(f"; {len(report.errors)} file(s) could not be checked", style="bold red")
    console.print(summary)


def left_out_words(file: FileReport) -> str:
    """The units of a file that were not checked, by reason: "3 untranslated, 1 fuzzy"."""
    return ", ".join(f"{count} {reason}" for reason, count in file.left_out)
