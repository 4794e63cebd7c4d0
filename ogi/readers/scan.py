"""List the files of the raw folder: every regular file, symlinks only when they stay inside the folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ogi.readers.model import RawFile, ReadIssue


def scan_raw_folder(raw_dir: Path) -> tuple[list[RawFile], list[tuple[str, ReadIssue]]]:
    """Files to consider, sorted by relative path, and the entries that cannot be (with the reason).

    Hidden entries (a leading dot: .DS_Store, .git, editor swap files) are not reports and are skipped.
    A run with nothing new lists the whole folder, so this costs one ``lstat`` per ordinary file and no
    ``pathlib`` objects (100,000 files: ~1 s instead of ~8 s)."""
    root = raw_dir.resolve()
    files: list[RawFile] = []
    problems: list[tuple[str, ReadIssue]] = []
    _walk(root, str(root), "", files, problems)
    files.sort(key=lambda f: f.relative_path)
    return files, problems


def _walk(root: Path, folder: str, prefix: str, files: list[RawFile], problems: list[tuple[str, ReadIssue]]) -> None:
    try:
        with os.scandir(folder) as entries:
            listed = sorted(entries, key=lambda e: e.name)
    except OSError as error:
        if not prefix:
            raise  # the raw folder itself: nothing can be ingested, the run must say so
        relative = prefix.rstrip("/")
        problems.append((relative, ReadIssue(
            "unreadable", f"{relative} is a folder that could not be listed ({error.strerror or error}); its files "
            "were not read.")))
        return
    for entry in listed:
        if entry.name.startswith("."):
            continue
        relative = prefix + entry.name
        if entry.is_dir(follow_symlinks=False):
            _walk(root, entry.path, relative + "/", files, problems)
        elif entry.is_symlink() and os.path.isdir(entry.path):
            problems.append((relative, ReadIssue(
                "symlink_directory", f"{relative} is a symbolic link to a folder; linked folders are not followed "
                "(they can loop or leave the raw folder). Copy or move the reports into the raw folder instead.")))
        else:
            found = _entry(root, entry, relative)
            if isinstance(found, ReadIssue):
                problems.append((relative, found))
            else:
                files.append(found)


def _entry(root: Path, entry: os.DirEntry[str], relative: str) -> RawFile | ReadIssue:
    if entry.is_symlink():
        path = Path(entry.path)
        try:
            target = path.resolve(strict=False)
        except (OSError, RuntimeError) as error:  # a link loop
            return ReadIssue("unreadable", f"{relative} is a symbolic link that cannot be resolved ({error}).")
        if not target.is_relative_to(root):
            return ReadIssue("symlink_outside_raw_folder",
                             f"{relative} is a symbolic link to {target}, outside the raw folder; it was not followed.")
        if not target.exists():
            return ReadIssue("broken_symlink", f"{relative} is a symbolic link to {target}, which does not exist.")
    try:
        info = entry.stat(follow_symlinks=True)
    except OSError as error:
        return ReadIssue("unreadable", f"{relative} could not be examined: {error.strerror or error}.")
    if not stat.S_ISREG(info.st_mode):
        return ReadIssue("not_a_regular_file", f"{relative} is a device, socket or pipe, not a file; it was not read.")
    return RawFile(relative, entry.path, info.st_size, info.st_mtime_ns)
