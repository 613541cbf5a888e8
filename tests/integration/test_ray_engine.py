"""The Ray engine on a real local Ray instance (the ray extra): same results as the local run."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import tqcheck.engines as engines
import tqcheck.ray_engine as ray_engine
from tests.conftest import SEED
from tqcheck.config import Config
from tqcheck.pipeline import check_files
from tqcheck.reporters.json import to_dict

ray = pytest.importorskip("ray", reason="the ray extra (make install brings it)")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def _shut_down_after():
    yield
    ray.shutdown()


def test_the_ray_engine_gives_the_local_report_in_input_order(monkeypatch):
    monkeypatch.setattr(engines, "RAY_CHUNK_SEGMENTS", 10)  # the seed's 27 sentences: 3 chunks over the actors
    monkeypatch.setattr(ray_engine, "WINDOW_CHUNKS", 2)  # handed to Ray two chunks at a time
    local = to_dict(check_files([str(SEED)], config=Config(cache=False)))
    on_ray = to_dict(check_files([str(SEED)], config=Config(cache=False, engine="ray")))
    assert ray.is_initialized() and on_ray.pop("engine") == "ray" and local.pop("engine") == "local"
    assert on_ray == local
    assert [s["id"] for s in on_ray["files"][0]["segments"]] == list(range(27))


def test_without_ray_the_engine_is_an_error_naming_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)
    report = check_files([str(SEED)], config=Config(cache=False, engine="ray"))
    assert report.files == () and "pip install 'tqcheck[ray]'" in report.errors[0].message


def test_a_quiet_run_on_ray_prints_nothing_but_its_report(tmp_path):
    out = tmp_path / "report.json"
    run = subprocess.run(
        [sys.executable, "-m", "tqcheck", "check", "--engine", "ray", "--no-cache", "-q", "-f", "json", "-o", str(out), str(SEED)],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 1 and run.stdout == "" and run.stderr == ""  # the seed has findings
    assert '"engine": "ray"' in out.read_text(encoding="utf-8")


def test_an_actor_that_fails_is_one_line_error_not_a_hang_or_a_traceback():
    from tqcheck.errors import BackendError
    from tqcheck.records import Segment
    from tqcheck.work import FileJob, chunks

    config = Config(cache=False, engine="ray", require_model=True)
    job = FileJob(config, "draft.txt", "xx", "yy")  # no model for the pair: the actor cannot start
    with pytest.raises(BackendError, match=r"^the Ray engine failed: no translation model for yy→xx") as failed:
        list(ray_engine.run_on_ray(job, chunks([Segment(0, 1, "Olá.", "Hello.")], [""], 10), config))
    assert "\n" not in str(failed.value)


_STOP_ALL = """
import ray
from tqcheck import ray_engine
from tqcheck.config import Config
ray_engine._start(Config(engine="ray"))
processes = [info.process for infos in ray._private.worker._global_node.all_processes.values() for info in infos]
ray_engine._stop(ray)
print(len(processes), sum(p.poll() is None for p in processes))
"""


def test_stopping_the_instance_a_run_started_stops_every_process_of_it():
    """The monitor goes first, then the rest as ``ray.shutdown`` stops them: nothing is left."""
    run = subprocess.run([sys.executable, "-c", _STOP_ALL], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and run.stderr == "", run.stderr
    started, alive = map(int, run.stdout.split())
    assert started >= 4 and alive == 0  # GCS, raylet, monitor, log monitor and more


def test_an_actor_works_with_the_cpus_ray_assigned_it():
    """Ray sets an actor's numerical threads to the CPUs it asked for; its translation workers follow."""
    from tqcheck.backends.base import cores

    actors, cpus = ray_engine.pool(Config(engine="ray"))  # Ray started as the engine starts it
    assert cpus == min(2, os.cpu_count() or 1) and actors == max(1, (os.cpu_count() or 1) // cpus)

    @ray.remote(num_cpus=cpus)
    class Actor:
        def threads(self) -> tuple[int, str]:
            ray_engine._use_assigned_cpus()
            return cores(), os.environ["OMP_NUM_THREADS"]

    assert ray.get(Actor.remote().threads.remote()) == (cpus, str(cpus))


def test_a_cluster_address_nothing_answers_at_is_a_one_line_error_not_a_wait():
    port = _closed_port()
    run = subprocess.run(
        [sys.executable, "-m", "tqcheck", "check", "--engine", "ray", "--address", f"127.0.0.1:{port}", "--no-cache",
         "-q", str(SEED)],
        capture_output=True, text=True, timeout=60,  # Ray alone retries such an address for minutes
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert f"cannot reach the Ray cluster at 127.0.0.1:{port}: Connection refused" in run.stderr


def _closed_port() -> int:
    """A local port nothing listens on: bound, then closed."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
