"""The Ray engine: a file's chunks of segments checked by a pool of Ray actors.

Ray Data reads the chunks (one row each, in input order) and ``map_batches`` hands them to an
actor pool; each actor builds its own workshop and file work once (loading the translation
backend, and the language model when one is asked for), so a model loads once an actor, not once a
chunk. Rows come back with their chunk's index and are put back in input order; segments and
results cross the wire in tqcheck's own codec, the one the result cache uses, so the report is the
same as a local run's. Each actor keeps its translation cache on its own node. Without
``ray_address`` Ray starts locally; with it, tqcheck joins that cluster. ``gpus_per_worker`` asks
each actor for GPUs (the transformers and CTranslate2 backends use CUDA when they see it).
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import re
import socket
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

from tqcheck.codec import decode, encode
from tqcheck.config import Config
from tqcheck.errors import BackendError
from tqcheck.records import Segment, SegmentResult
from tqcheck.work import CHUNK_SEGMENTS, TAIL_SEGMENTS, FileJob, FileWork, Workshop, chunks, overlapped

EXTRA = "pip install 'tqcheck[ray]'"


class _Checker:
    """One actor: the file work built once, then every chunk it is handed, checked as the local
    engine checks a file (tqcheck.work.overlapped)."""

    def __init__(self, job: FileJob) -> None:
        _use_assigned_cpus()
        self.work = FileWork(job, Workshop(job.config))

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        done = []
        for payload in batch["chunk"]:
            encoded, before = json.loads(payload)
            segments = [decode(Segment, s) for s in encoded]
            parts = overlapped(self.work, chunks(segments, before, CHUNK_SEGMENTS, TAIL_SEGMENTS))
            results = [result for part in parts for result in part]
            done.append(json.dumps([encode(r) for r in results], ensure_ascii=False))
        return {"index": list(batch["index"]), "results": done}


def _ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401  (Ray Data is the ray[data] extra)
    except ImportError:
        raise BackendError(f"--engine ray needs Ray: {EXTRA}") from None
    return ray


def _start(config: Config) -> Any:
    ray = _ray()
    if not ray.is_initialized():
        # tqcheck reports its own progress and errors: Ray says only what fails
        quiet = {"log_to_driver": False, "logging_level": logging.ERROR}
        if config.ray_address:
            _reachable(config.ray_address)
            try:
                ray.init(address=config.ray_address, **quiet)
            except (ConnectionError, RuntimeError) as exc:  # something answers there, not a Ray cluster
                raise BackendError(f"cannot join the Ray cluster at {config.ray_address}: {_reason(exc)}") from None
        else:
            ray.init(num_cpus=os.cpu_count() or 1, include_dashboard=False, **quiet)
            # Ray's own exit hook waits half a second for stray messages of a script before it stops
            # the instance; this one runs first (atexit is last in, first out) and stops it at once
            atexit.register(_stop, ray)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        logging.getLogger("ray.data").setLevel(logging.CRITICAL)  # its failures come back as a one-line error
    return ray


def _stop(ray: Any) -> None:
    """Stop the instance this process started, its autoscaler monitor first (killed: it keeps no
    state). ``ray.shutdown`` stops the GCS before the monitor, whose exit handler then waits to
    report to the GCS until Ray kills it a second later (the order ``ray stop`` put right in
    ray-project/ray#30672): 1.4 s to stop the instance, 0.4 s this way. Ray's private node API, so
    only where it is there."""
    worker = getattr(getattr(ray, "_private", None), "worker", None)
    kill_monitor = getattr(getattr(worker, "_global_node", None), "kill_monitor", None)
    if kill_monitor is not None:
        kill_monitor(check_alive=False)
    ray.shutdown()


REACH_SECONDS = 5.0
"""How long a cluster's address has to answer: Ray itself retries an address that does not for
minutes, printing a warning every five seconds."""


def _reachable(address: str) -> None:
    """A clear error now for a cluster address (``host:port``, ``ray://host:port``) nothing answers
    at; others ("auto") are Ray's to find."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=REACH_SECONDS).close()
    except OSError as exc:
        raise BackendError(f"cannot reach the Ray cluster at {address}: {exc.strerror or exc}") from None


CPUS_PER_ACTOR = 2
"""CPUs an actor asks of Ray and works with: the embedded backend's two translation workers beside
the actor's own checks, as a local run on two cores. Ray gives an actor that asks for none one
thread of numerical work (OMP_NUM_THREADS=1), and the backend would start a worker a core of the
node, whatever other actors share it."""


def pool(config: Config) -> tuple[int, int]:
    """The actors in the pool, as many as the nodes' CPUs hold, and the CPUs each asks for:
    ``CPUS_PER_ACTOR``, or fewer where no node has as many (an actor asking for more CPUs than any
    node has would wait for ever)."""
    nodes = [int(node["Resources"].get("CPU", 0)) for node in _start(config).nodes() if node.get("Alive")]
    each = max(1, min(CPUS_PER_ACTOR, max(nodes, default=1)))
    return max(1, sum(cpus // each for cpus in nodes)), each


def _use_assigned_cpus() -> None:
    """In an actor: translation workers as many as the CPUs Ray assigned it (unless
    ``TQCHECK_WORKERS`` says otherwise), as Ray sets the threads of its numerical work."""
    import ray

    assigned = ray.get_runtime_context().get_assigned_resources().get("CPU")
    if assigned:
        os.environ.setdefault("TQCHECK_WORKERS", str(max(1, int(assigned))))


WINDOW_CHUNKS = 32
"""Chunks handed to Ray at once (32,000 segments), or four an actor on a larger cluster: the driver
holds one window's segments and results, never the whole file. Each window starts its actor pool
anew, a second or two against the minutes a window takes with a model."""


def run_on_ray(
    job: FileJob, chunks: Sequence[tuple[list[Segment], list[str]]], config: Config
) -> Iterator[list[SegmentResult]]:
    """Each chunk's results, in input order, a window of chunks at a time."""
    if not chunks:
        return
    ray = _start(config)
    actors, each = pool(config)
    size = max(WINDOW_CHUNKS, 4 * actors)
    try:
        for first in range(0, len(chunks), size):
            window = range(first, min(first + size, len(chunks)))
            yield from _window(ray, job, [(i, *chunks[i]) for i in window], config, actors, each)
    except ray.exceptions.RayError as exc:  # an actor died, or its work raised: the file is not checked
        raise BackendError(f"the Ray engine failed: {_reason(exc)}") from None


def _window(
    ray: Any, job: FileJob, chunks: list[tuple[int, list[Segment], list[str]]], config: Config, actors: int, each: int
) -> Iterator[list[SegmentResult]]:
    rows = [
        {"index": i, "chunk": json.dumps([[encode(s) for s in segments], before], ensure_ascii=False)}
        for i, segments, before in chunks
    ]
    dataset = _pooled(ray, rows, _Checker, {"job": job}, min(len(rows), actors), each, config.gpus_per_worker)
    del rows  # Ray holds them now
    found: dict[int, str] = {}
    ready = chunks[0][0]
    for row in dataset.iter_rows():  # rows finish in any order: each chunk is handed on once those before it are
        found[int(row["index"])] = row["results"]
        while ready in found:
            yield [decode(SegmentResult, r) for r in json.loads(found.pop(ready))]
            ready += 1


def _pooled(
    ray: Any, rows: list[dict[str, Any]], actor: type, kwargs: dict[str, Any], actors: int, each: int, gpus: float
) -> Any:
    """``rows`` handed one at a time to a pool of ``actors`` instances of ``actor``, each asking for
    ``each`` CPUs (and ``gpus``), as every run asks Ray Data for them."""
    with warnings.catch_warnings():
        # Ray Data takes actor options it has no parameter for as extra keywords, deprecated without
        # a replacement until Ray 2.64 (the extra stays below it)
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = ray.data.from_items(rows).map_batches(
            actor,
            batch_size=1,
            compute=ray.data.ActorPoolStrategy(size=actors),
            fn_constructor_kwargs=kwargs,
            num_gpus=gpus or None,
            num_cpus=each,
            batch_format="default",
            # An actor that dies is not restarted: the file fails with a one-line error (``run_on_ray``;
            # ``--resume`` carries on from the cache). Ray Data's default, restarts and retries without end,
            # would hang on a segment that kills its actor each time, and prints an error-level
            # line at every start about restarts (ray-project/ray#57733).
            max_restarts=0,
        )
    return dataset


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_RAISED = re.compile(r"^[\w.]+(?:Error|Exception): .+")


def _reason(exc: Exception) -> str:
    """One line for a Ray error: the exception an actor raised (the last line of Ray's report of
    it), else the report's first line."""
    lines = [line.strip() for line in _ANSI.sub("", str(exc)).splitlines() if line.strip()]
    if lines and _RAISED.match(lines[-1]):
        return lines[-1].split(": ", 1)[1]
    return lines[0] if lines else type(exc).__name__
