"""Load on `tqcheck serve`, on loopback only, bounded in time.

    python bench/serve.py [--clients 20] [--seconds 60]

Starts `tqcheck serve` on a free local port, then ``--clients`` clients each send the seed article
to POST /api/check again and again for ``--seconds``: requests per second, p50/p95 latency and
failed requests, with the translation cache warm, then with the server started with --no-cache
(every request translated afresh).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "references" / "seed" / "kaliningrad-article.en.txt"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(port: int, cache: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "TQCHECK_CACHE_DIR": str(cache)}
    process = subprocess.Popen([sys.executable, "-m", "tqcheck", "serve", "--port", str(port), *extra], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2)
            return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the server did not start")


def _load(port: int, clients: int, seconds: float) -> dict[str, Any]:
    body = json.dumps({"draft": SEED.read_text(encoding="utf-8")}).encode()
    latencies: list[float] = []
    failures = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client() -> None:
        while time.monotonic() < stop:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/check", data=body,
                                             headers={"Content-Type": "application/json"})
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=300) as answer:
                    ok = answer.status == 200 and json.loads(answer.read())["summary"]["critical"] == 2
            except (OSError, ValueError, KeyError):
                ok = False
            with lock:
                latencies.append(time.perf_counter() - started) if ok else None
                failures[0] += 0 if ok else 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    quantiles = statistics.quantiles(latencies, n=20) if len(latencies) >= 2 else [float("nan")] * 19
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests": len(latencies) + failures[0],
        "failed": failures[0],
        "requests_per_second": round(len(latencies) / elapsed, 2),
        "p50_seconds": round(statistics.median(latencies), 2) if latencies else None,
        "p95_seconds": round(quantiles[18], 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, extra in (("warm_cache", ()), ("no_cache", ("--no-cache",))):
            port = _free_port()
            server = _serve(port, Path(tmp) / name, *extra)
            try:
                results[name] = _load(port, args.clients, args.seconds)
            finally:
                server.terminate()
                server.wait(timeout=30)
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
