"""A self-contained HTML page (no network assets) for editors: a summary, then source |
translation | back-translation side by side, differing spans highlighted and findings beside
each row; filters by severity and code; prints cleanly."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from html import escape
from typing import TextIO

from tqcheck import __version__
from tqcheck.records import Report, SegmentResult, Severity, Span
from tqcheck.reporters.terminal import left_out_words, merge_spans

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d1d1f}
h1{font-size:1.4rem;margin:0 0 .3rem} h2{font-size:1.1rem;margin:1.6rem 0 .4rem}
.summary span{display:inline-block;margin-right:1rem}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border-top:1px solid #ddd;padding:.45rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#f4f4f6;font-weight:600} td.line{width:3.5rem;color:#666}
mark{background:#ffd6d6;border-radius:2px;padding:0 1px} mark.diff{background:#fff1b8}
.finding{margin:.2rem 0;font-size:.9rem} .code{font-weight:700}
.critical{color:#b00020} .major{color:#a15c00} .minor{color:#3a5fa0}
tr.worst-critical td:first-child{box-shadow:inset 4px 0 #b00020}
tr.worst-major td:first-child{box-shadow:inset 4px 0 #e69500}
tr.worst-minor td:first-child{box-shadow:inset 4px 0 #3a5fa0}
.controls{margin:.6rem 0;padding:.5rem;background:#f4f4f6;border-radius:6px}
.controls label{margin-right:.8rem}
.muted{color:#666}
@media print{.controls{display:none} tr[hidden]{display:none} body{margin:0}}
"""

_JS = """
function applyFilters(){
  const sev=[...document.querySelectorAll('input[name=sev]:checked')].map(e=>e.value);
  const code=document.getElementById('code').value;
  const flaggedOnly=document.getElementById('flagged').checked;
  document.querySelectorAll('tbody tr').forEach(tr=>{
    const codes=(tr.dataset.codes||'').split(' ').filter(Boolean);
    const sevs=(tr.dataset.severities||'').split(' ').filter(Boolean);
    let show=!flaggedOnly||codes.length>0;
    if(codes.length){show=show&&sevs.some(s=>sev.includes(s))&&(code===''||codes.includes(code));}
    else if(code!==''){show=false;}
    tr.hidden=!show;
  });
}
document.addEventListener('DOMContentLoaded',()=>{
  document.querySelectorAll('.controls input,.controls select').forEach(e=>e.addEventListener('change',applyFilters));
  applyFilters();
});
"""


def _marked(text: str | None, spans: Iterable[Span], cls: str = "") -> str:
    if text is None:
        return '<span class="muted">—</span>'
    out, last = [], 0
    attr = f' class="{cls}"' if cls else ""
    for start, end in merge_spans(spans):
        out += [escape(text[last:start]), f"<mark{attr}>", escape(text[start:end]), "</mark>"]
        last = end
    return "".join(out) + escape(text[last:])


def _row(seg: SegmentResult) -> str:
    whole = (0, len(seg.segment.target))
    target_spans = [f.target_span for f in seg.findings if f.target_span and f.target_span != whole]
    source_spans = [f.source_span for f in seg.findings if f.source_span]
    codes = " ".join(sorted({f.code for f in seg.findings}))
    severities = " ".join(sorted({f.severity.value for f in seg.findings}))
    worst = seg.worst.value if seg.worst else ""
    findings = "".join(
        f'<div class="finding {f.severity.value}"><span class="code">{f.code}</span> {f.severity.value} '
        f"{escape(f.name)}: {escape(f.message)}</div>"
        for f in seg.findings
    )
    scores = f'<div class="muted">chrF {seg.scores.chrf:.1f} · TER {seg.scores.ter:.1f}</div>' if seg.scores else ""
    return (
        f'<tr class="{"flagged worst-" + worst if seg.findings else ""}" data-codes="{codes}" data-severities="{severities}">'
        f'<td class="line">{seg.segment.line}</td>'
        f"<td>{_marked(seg.segment.source, source_spans)}</td>"
        f"<td>{_marked(seg.segment.target, target_spans)}</td>"
        f'<td>{_marked(seg.back_translation, [d.back_span for d in seg.diff], "diff")}</td>'
        f"<td>{findings}{scores}</td></tr>"
    )


def render(report: Report) -> str:
    codes = Counter(f.code for file in report.files for s in file.segments for f in s.findings)
    summary = (
        f'<p class="summary"><span>{len(report.files)} file(s)</span><span>{report.segment_count()} segments</span>'
        f"<span>{report.flagged()} flagged</span>"
        + "".join(f'<span class="{sev.value}">{report.count(sev)} {sev.value}</span>' for sev in reversed(Severity))
        + "</p>"
    )
    options = "".join(f'<option value="{c}">{c} ({n})</option>' for c, n in sorted(codes.items()))
    controls = (
        '<div class="controls">'
        + "".join(f'<label><input type="checkbox" name="sev" value="{s.value}" checked> {s.value}</label>' for s in reversed(Severity))
        + f'<label>code <select id="code"><option value="">all</option>{options}</select></label>'
        '<label><input type="checkbox" id="flagged" checked> flagged segments only</label></div>'
    )
    sections = []
    for file in report.files:
        mode = f"source {escape(file.source_path or '')}" if file.mode == "bilingual" else f"round trip through {file.pivot_lang}"
        rows = "".join(_row(seg) for seg in file.segments)
        not_run = "".join(
            f"<li><b>{s.code}</b> {escape(s.name)}: {escape(s.reason or '')}"
            + (f" — {escape(s.enable)}" if s.enable else "") + "</li>"
            for s in file.not_run()
        )
        coverage = f'<details class="coverage"><summary>{len(file.not_run())} checks did not run on this file</summary><ul>{not_run}</ul></details>' if not_run else ""
        sections.append(
            f"<h2>{escape(file.path)}</h2><p class=\"muted\">{(file.source_lang + '→') if file.source_lang else ''}{file.target_lang}, {mode}, "
            f"{escape(file.backend.name)} backend ({escape(file.backend.model)})"
            + (f"; left out, not checked: {escape(left_out_words(file))}" if file.left_out else "") + f"</p>{coverage}"
            '<table><thead><tr><th style="width:3.5rem">line</th><th>source</th><th>translation</th>'
            f"<th>back-translation</th><th>findings</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    errors = "".join(f'<p class="critical">{escape(str(e))}</p>' for e in report.errors)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>tqcheck report</title><style>{_CSS}</style><script>{_JS}</script></head><body>"
        f"<h1>tqcheck report</h1>{summary}{errors}{controls}{''.join(sections)}"
        f'<p class="muted">tqcheck {__version__}</p></body></html>\n'
    )


def write(report: Report, stream: TextIO) -> None:
    stream.write(render(report))
