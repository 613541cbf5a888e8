"""Where a file's segments are checked: in this process a chunk at a time (``local``), or on a Ray
cluster (``ray``, see tqcheck.ray_engine). Either way results come back in input order, to a sink as
each chunk completes or kept for the report."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tqcheck.cache import Progress
from tqcheck.config import Config
from tqcheck.errors import BackendError
from tqcheck.records import Segment, SegmentResult
from tqcheck.work import FileWork

CHUNK_SEGMENTS = 1000
"""Segments translated, probed and checked together: large enough for full batches and workers."""
Sink = Callable[[str, list[SegmentResult]], None]
"""Takes a file's results a chunk at a time, in input order, as soon as they are known."""


def chunks(segments: Sequence[Segment], before: Sequence[str]) -> list[tuple[list[Segment], list[str]]]:
    return [
        (list(segments[i : i + CHUNK_SEGMENTS]), list(before[i : i + CHUNK_SEGMENTS]))
        for i in range(0, len(segments), CHUNK_SEGMENTS)
    ]


def check_segments(
    work: FileWork, segments: Sequence[Segment], before: Sequence[str], sink: Sink | None, progress: Progress | None
) -> list[SegmentResult]:
    """The file's results, checked by the configured engine; kept only when there is no sink."""
    config: Config = work.job.config
    if config.engine == "ray":
        from tqcheck.ray_engine import run_on_ray

        parts = run_on_ray(work.job, chunks(segments, before), config)
    elif config.engine == "local":
        parts = (work.check(part, previous) for part, previous in chunks(segments, before))
    else:
        raise BackendError(f"unknown engine {config.engine!r}: local or ray")
    kept: list[SegmentResult] = []
    done = 0
    for results in parts:
        done += len(results)
        if sink is None:
            kept += results
        else:
            sink(work.job.path, results)
        if progress and len(segments) > CHUNK_SEGMENTS:
            progress(f"{work.job.path}: checked", done, len(segments))
    return kept

