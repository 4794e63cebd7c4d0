"""Whole corpora: generating reports by (seed, index) and writing them as .txt files."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from ogi.synth.generator import SyntheticReport, generate_report, report_rng


def generate_corpus(count: int, seed: int = 0, inconsistent_share: float = 0.0) -> list[SyntheticReport]:
    return _generate_range(0, count, seed, inconsistent_share)


def write_corpus(folder: Path, count: int, seed: int = 0, inconsistent_share: float = 0.0) -> list[SyntheticReport]:
    """Write ``count`` reports as UTF-8 .txt files into ``folder`` (created); file names are unique."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    base = str(folder)
    reports: list[SyntheticReport] = []
    for start in range(0, count, 5000):
        batch = _generate_range(start, min(count, start + 5000), seed, inconsistent_share)
        for report in batch:
            with open(os.path.join(base, report.file_name), "wb") as handle:
                handle.write(report.text.encode("utf-8"))
        reports.extend(batch)
    return reports


def _generate_range(start: int, stop: int, seed: int, inconsistent_share: float) -> list[SyntheticReport]:
    batch = []
    enabled = gc.isenabled()
    gc.disable()  # the reports are acyclic: collecting while they pile up only costs time
    try:
        for index in range(start, stop):
            rng = report_rng(seed, index)
            batch.append(generate_report(rng, index, inconsistent=rng.random() < inconsistent_share))
    finally:
        if enabled:
            gc.enable()
    return batch
