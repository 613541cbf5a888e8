"""Where a file's segments are checked: in this process a chunk at a time (``local``), or on a Ray
cluster (``ray``, see tqcheck.ray_engine). Either way results come back in input order, to a sink as
each chunk completes or kept for the report."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import cache

from threadpoolctl import threadpool_limits

from tqcheck.cache import Progress
from tqcheck.config import Config
from tqcheck.errors import BackendError
from tqcheck.records import Segment, SegmentResult
from tqcheck.work import FileWork

CHUNK_SEGMENTS = 125
"""Segments translated, probed and checked together here: large enough for full batches and both
workers, small enough that checking one chunk overlaps translating the next (bench/backends.py:
125, 250 and 500 take 24.2, 25.2 and 26.9 s on NTREX 1,000 lines)."""
RAY_CHUNK_SEGMENTS = 1000
"""Segments an actor checks at a time: fewer, larger tasks, as an actor does not overlap them."""
Sink = Callable[[str, list[SegmentResult]], None]
"""Takes a file's results a chunk at a time, in input order, as soon as they are known."""


def chunks(segments: Sequence[Segment], before: Sequence[str], size: int) -> list[tuple[list[Segment], list[str]]]:
    return [(list(segments[i : i + size]), list(before[i : i + size])) for i in range(0, len(segments), size)]


def _ahead(work: FileWork, parts: list[tuple[list[Segment], list[str]]]) -> Iterator[list[SegmentResult]]:
    """Each chunk's results, the next chunk translated (by the backend's workers) while this one
    is probed and checked here: the check's own work overlaps the translation it waits for."""
    ahead = _translating_thread()
    pending = ahead.submit(work.prepare, *parts[0]) if parts else None
    for k in range(len(parts)):
        assert pending is not None
        items = pending.result()
        pending = ahead.submit(work.prepare, *parts[k + 1]) if k + 1 < len(parts) else None
        if pending is None:  # the last chunk: nothing translates beside it, numpy may use every core
            yield work.run(items)
            continue
        # the workers have the cores: BLAS threads here would only spin against them
        with threadpool_limits(limits=1, user_api="blas"):
            yield work.run(items)


@cache
def _translating_thread() -> ThreadPoolExecutor:
    """One thread a process that translates ahead: kept, so an engine the embedded backend binds to
    its thread (small batches translate in-process) loads once, not once a file or a request."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="tqcheck-translate")


def check_segments(
    work: FileWork, segments: Sequence[Segment], before: Sequence[str], sink: Sink | None, progress: Progress | None
) -> list[SegmentResult]:
    """The file's results, checked by the configured engine; kept only when there is no sink."""
    config: Config = work.job.config
    if config.engine == "ray":
        from tqcheck.ray_engine import run_on_ray

        parts = run_on_ray(work.job, chunks(segments, before, RAY_CHUNK_SEGMENTS), config)
    elif config.engine == "local":
        parts = _ahead(work, chunks(segments, before, CHUNK_SEGMENTS))
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

