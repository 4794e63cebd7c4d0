"""Many distinct synthetic reports (every shape and template), for load-shaped pipeline tests."""

from __future__ import annotations

from pathlib import Path

from ogi.synth import write_corpus


def write_variants(folder: Path, count: int, seed: int = 11) -> None:
    """The first ``count`` reports of one deterministic corpus: a larger count adds files, never changes any."""
    folder.mkdir(parents=True, exist_ok=True)
    write_corpus(folder, count, seed=seed)
