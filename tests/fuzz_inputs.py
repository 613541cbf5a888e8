"""Seeded generator of broken and hostile files for every reader: real sample files with bytes
flipped, cut, repeated or spliced, and known traps (NUL bytes, bad UTF-8, entity declarations,
deep nesting, control characters). Used by the tests and by bench/hostile.py."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

SAMPLES = sorted((Path(__file__).parent / "data" / "formats").iterdir()) + sorted(
    (Path(__file__).parent / "data").glob("*.txt")
)
EXTENSIONS = ["xlf", "xliff", "po", "pot", "tmx", "srt", "md", "json", "csv", "tsv", "txt", "dat"]
TRAPS = [
    b"\x00", b"\xff\xfe", b"\xc3", b"\x1b[2J", b"<!ENTITY a 'b'>", b"<!DOCTYPE x [", b"]]>", b"&a;", b'"',
    b"\n\n", b"msgid \"", b"-->", b"<!--", b"{", b"[", b"00:00:01,000 --> ", b"\r", b"\t", "é".encode(),
    "\u202e".encode(), b"\\", b",", b"%s", b"{name}",
]


def _mutate(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(data))
        kind = rng.randrange(7)
        if kind == 0 and data:
            data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
        elif kind == 1:
            data = data[:at] + data[at + rng.randint(1, 40) :]
        elif kind == 2:
            data = data[:at] + data[at : at + rng.randint(1, 60)] * rng.randint(2, 20) + data[at:]
        elif kind == 3:
            data = data[:at] + rng.choice(TRAPS) * rng.randint(1, 5) + data[at:]
        elif kind == 4:
            data = data[:at]
        elif kind == 5:
            data = data[:at] + rng.choice([b"[", b"{", b"<g>", b"> ", b"- "]) * rng.randint(50, 3000) + data[at:]
        else:
            data = data[:at] + rng.choice(SAMPLES).read_bytes()[: rng.randint(0, 400)] + data[at:]
    return data


def generate(count: int, seed: int = 0) -> Iterator[tuple[str, bytes]]:
    """``count`` (file name, content) pairs, the same for the same seed."""
    rng = random.Random(seed)
    for n in range(count):
        sample = rng.choice(SAMPLES)
        ext = sample.suffix.lstrip(".") if rng.random() < 0.8 else rng.choice(EXTENSIONS)
        yield f"fuzz{n}.{ext}", _mutate(sample.read_bytes(), rng)
