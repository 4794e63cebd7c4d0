"""The parser compiled with mypyc: the same modules as C extensions, about a third less time per report.

The compiled copy is optional and never shadows the source. ``build()`` compiles a snapshot of the parser's
modules into ``<sys.prefix>/ogi-native/<digest>/``, where the digest is taken over every module the compiled
code is built from. Each compiled package calls ``use_compiled(__path__)`` first thing: when a build for the
sources as they are now exists, its folder is put before the package's own, so the extensions load; when
the sources have changed since (or there is no build, or ``OGI_NATIVE=0``), the plain modules load as always.
An edited module therefore runs as written until the next build, never as a stale extension.

What makes the compiled modules fast, and should stay so: module constants are declared ``Final`` (compiled,
a Final name is a C constant; any other module global is a dictionary lookup at each use), and classes made
per token or row are plain classes with their own ``__init__`` (mypyc does not compile the ``__init__`` a
dataclass generates: it runs interpreted).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent  # the ogi package
# The compiled modules import only each other and these, so together they decide what the build contains.
_DIGESTED_PACKAGES = ("extract", "text", "agency")
_DIGESTED_MODULES = ("ingest/identity.py",)
# Loaded once per process, off the per-report path: not worth compiling.
_NOT_COMPILED = ("agency/data.py",)
_GROUP = "ogi_parser"  # the name of the shared library that holds all compiled modules
_COMPLETE = "complete"


def _digested_sources(package_root: Path = PACKAGE_ROOT) -> list[str]:
    """Paths relative to the ogi package."""
    return [*(f"{package}/{path.name}" for package in _DIGESTED_PACKAGES
              for path in sorted((package_root / package).glob("*.py"))), *_DIGESTED_MODULES]


def compiled_sources(package_root: Path = PACKAGE_ROOT) -> list[str]:
    """The modules compiled: the digested ones but package __init__s and those named in _NOT_COMPILED."""
    return [p for p in _digested_sources(package_root) if not p.endswith("__init__.py") and p not in _NOT_COMPILED]


def source_digest(package_root: Path = PACKAGE_ROOT) -> str:
    """Digest of the sources a build is made from, and of the interpreter it is made for."""
    digest = hashlib.sha256(sys.implementation.cache_tag.encode())
    for relative in _digested_sources(package_root):
        digest.update(relative.encode() + b"\0" + (package_root / relative).read_bytes() + b"\0")
    return digest.hexdigest()[:20]


def builds_folder() -> Path:
    return Path(os.environ.get("OGI_NATIVE_DIR") or Path(sys.prefix) / "ogi-native")


def _wanted() -> bool:
    return os.environ.get("OGI_NATIVE", "1") != "0"


@cache
def compiled_root() -> Path | None:
    """The build for the current sources, if there is one and it is wanted."""
    if not _wanted():
        return None
    root = builds_folder() / source_digest()
    return root if (root / _COMPLETE).exists() else None


def use_compiled(package_path: list[str]) -> None:
    """Put the compiled modules of this package before its sources (called from the package's __init__)."""
    root = compiled_root()
    if root is None:
        return
    package = Path(package_path[-1]).resolve().relative_to(PACKAGE_ROOT.parent)
    compiled = root / package
    if compiled.is_dir() and str(compiled) not in package_path:
        package_path.insert(0, str(compiled))
    if str(root) not in sys.path:
        sys.path.append(str(root))  # the group's shared library is a top-level module; append: it never shadows


def compiled_in_use() -> bool:
    """Whether the parser's modules loaded are the compiled ones."""
    import ogi.extract.tokens

    return not ogi.extract.tokens.__file__.endswith(".py")


def build(quiet: bool = True) -> Path:
    """Compile the current sources (a snapshot, so the digest matches what was compiled); returns the build
    folder. Existing builds for other sources are removed. Needs mypy and a C compiler."""
    folder = builds_folder()
    with tempfile.TemporaryDirectory(prefix="ogi-native-") as scratch:
        source = Path(scratch) / "src"
        shutil.copytree(PACKAGE_ROOT, source / "ogi", ignore=shutil.ignore_patterns("__pycache__", "*.so", "data"))
        digest = source_digest(source / "ogi")
        target = folder / digest
        if (target / _COMPLETE).exists():
            return target
        files = [f"ogi/{relative}" for relative in compiled_sources(source / "ogi")]
        script = ("import sys\nfrom setuptools import setup\nfrom mypyc.build import mypycify\n"
                  f"setup(name='ogi-native', ext_modules=mypycify({files!r} + ['--ignore-missing-imports', "
                  f"'--follow-imports=silent'], group_name={_GROUP!r}), "
                  "script_args=['build_ext', '--inplace'])\n")
        output = subprocess.run([sys.executable, "-c", script], cwd=source, capture_output=quiet, text=True)
        if output.returncode != 0:
            raise RuntimeError(f"mypyc failed:\n{(output.stdout or '')[-3000:]}{(output.stderr or '')[-3000:]}")
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".building-", dir=folder))
        # --inplace leaves each extension beside its source, the shared library at the top (build/ holds copies).
        for extension in [*source.glob("*.so"), *(source / "ogi").rglob("*.so")]:
            placed = staging / extension.relative_to(source)
            placed.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(extension, placed)
        (staging / _COMPLETE).write_text(f"{sys.version}\n")
        if (target / _COMPLETE).exists():  # another process built the same sources meanwhile
            shutil.rmtree(staging, ignore_errors=True)
            return target
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
    for stale in folder.iterdir():  # builds of older sources; another process's build in progress is kept
        if stale != target and not stale.name.startswith("."):
            shutil.rmtree(stale, ignore_errors=True)
    return target


def main() -> int:
    """``python -m ogi.native``: compile the parser unless a build for its current sources exists."""
    if not _wanted() or compiled_root() is not None:
        return 0
    print("compiling the parser with mypyc (once per change of its sources; 1-2 minutes) ...", flush=True)
    try:
        print(f"compiled parser: {build(quiet='-v' not in sys.argv)}", flush=True)
    except (RuntimeError, OSError, ImportError) as error:
        print(f"the parser was not compiled: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
