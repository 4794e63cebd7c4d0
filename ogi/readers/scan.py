"""List the files of the raw folder: every regular file, symlinks only when they stay inside the folder."""

from __future__ import annotations

import os
from pathlib import Path

from ogi.readers.model import RawFile, ReadIssue


def scan_raw_folder(raw_dir: Path) -> tuple[list[RawFile], list[tuple[str, ReadIssue]]]:
    """Files to consider, sorted by relative path, and the entries that cannot be (with the reason).

    Hidden entries (a leading dot: .DS_Store, .git, editor swap files) are not reports and are skipped."""
    root = raw_dir.resolve()
    files: list[RawFile] = []
    problems: list[tuple[str, ReadIssue]] = []
    for folder, directories, names in os.walk(root, followlinks=False):
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        for directory in directories:
            if os.path.islink(os.path.join(folder, directory)):
                relative = Path(folder, directory).relative_to(root).as_posix()
                problems.append((relative, ReadIssue(
                    "symlink_directory", f"{relative} is a symbolic link to a folder; linked folders are not followed "
                    "(they can loop or leave the raw folder). Copy or move the reports into the raw folder instead.")))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(folder, name)
            relative = path.relative_to(root).as_posix()
            entry = _entry(root, path, relative)
            if isinstance(entry, ReadIssue):
                problems.append((relative, entry))
            else:
                files.append(entry)
    files.sort(key=lambda f: f.relative_path)
    return files, problems


def _entry(root: Path, path: Path, relative: str) -> RawFile | ReadIssue:
    if path.is_symlink():
        try:
            target = path.resolve()
        except (OSError, RuntimeError) as error:  # a link loop
            return ReadIssue("unreadable", f"{relative} is a symbolic link that cannot be resolved ({error}).")
        if not target.is_relative_to(root):
            return ReadIssue("symlink_outside_raw_folder",
                             f"{relative} is a symbolic link to {target}, outside the raw folder; it was not followed.")
        if not target.exists():
            return ReadIssue("broken_symlink", f"{relative} is a symbolic link to {target}, which does not exist.")
    try:
        stat = path.stat()
    except OSError as error:
        return ReadIssue("unreadable", f"{relative} could not be examined: {error.strerror or error}.")
    if not path.is_file():
        return ReadIssue("not_a_regular_file", f"{relative} is a device, socket or pipe, not a file; it was not read.")
    return RawFile(relative, path, stat.st_size, stat.st_mtime_ns)
