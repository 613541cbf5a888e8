"""Where a file's segments are checked: in this process a chunk at a time (``local``), or on a Ray
cluster (``ray``, see tqcheck.ray_engine). Either way results come back in input order, to a sink as
each chunk completes or kept for the report."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tqcheck.cache import Progress
from tqcheck.config import Config
from tqcheck.errors import BackendError
from tqcheck.records import Segment, SegmentResult
from tqcheck.work import CHUNK_SEGMENTS, TAIL_SEGMENTS, FileWork, chunks, overlapped

RAY_CHUNK_SEGMENTS = 1000
"""Segments handed to an actor at a time: few, large tasks (Ray schedules each one), which the
actor checks in local chunks, translating the next while it checks this one."""
Sink = Callable[[str, list[SegmentResult]], None]
"""Takes a file's results a chunk at a time, in input order, as soon as they are known."""


def check_segments(
    work: FileWork, segments: Sequence[Segment], before: Sequence[str], sink: Sink | None, progress: Progress | None
) -> list[SegmentResult]:
    """The file's results, checked by the configured engine; kept only when there is no sink."""
    config: Config = work.job.config
    if config.engine == "ray":
        from tqcheck.ray_engine import run_on_ray

        parts = run_on_ray(work.job, chunks(segments, before, RAY_CHUNK_SEGMENTS), config)
    elif config.engine == "local":
        parts = overlapped(work, chunks(segments, before, CHUNK_SEGMENTS, TAIL_SEGMENTS))
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

