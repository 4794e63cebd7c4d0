"""Many distinct reports made from the samples (a unique closing line each), for load-shaped tests."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RAW_SAMPLES


def write_variants(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    samples = sorted(RAW_SAMPLES.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in samples]
    for index in range(count):
        text = texts[index % len(texts)]
        (folder / f"variant_{index:05d}.txt").write_text(f"{text}\n附：本报告副本编号{index}。\n", encoding="utf-8")
