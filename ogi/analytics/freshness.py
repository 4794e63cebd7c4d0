"""Which warehouse generation an output folder was made from, so a run that published nothing new does not
re-export or re-draw (the nightly run with nothing new must cost seconds, not a full export)."""

from __future__ import annotations

from pathlib import Path

MARK = ".ogi-generation"


def rendered_generation(folder: Path) -> int | None:
    try:
        return int((folder / MARK).read_text().strip())
    except (OSError, ValueError):
        return None


def mark_rendered(folder: Path, generation: int | None) -> None:
    if generation is not None:
        (folder / MARK).write_text(str(generation))
