"""Set up the project environment and run it.

    python3 tasks.py run     # install, then ingest data/raw into data/warehouse/ogi.duckdb
    python3 tasks.py test    # install, then ruff and the test suite
    python3 tasks.py serve [port]  # install, then the Dagster webserver (default port 3000) and daemon
    python3 tasks.py bench [--sizes 20000 100000]  # install, then the benchmarks (benchmarks/run.py)
    python3 tasks.py setup   # install only

Needs only Python >= 3.11. Creates ``.venv`` beside this file (from ``OGI_PYTHON`` if set, else from the
system's ``/usr/bin/python3`` when it is 3.11 or newer with venv and its C headers, since distributions build
it faster than pyenv does, else from the Python running this script), installs the pinned dependencies of
``pyproject.toml`` into it (with uv, which pip installs first), then runs the main job or the test suite.
The install is skipped when ``pyproject.toml`` has not changed since the last one. The parser is then
compiled with mypyc (``ogi/native.py``) when its sources changed since the last build; without a C compiler
it runs as plain Python.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".ogi-installed"
UV_VERSION = "0.13.9"


def _run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    completed = subprocess.run([str(a) for a in args], cwd=ROOT, env=env)
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def ensure_environment(compiled_parser_required: bool = False) -> None:
    """Create the virtual environment and install the project with its extras, once per pyproject; compile
    the parser whenever its sources changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py runs on whatever python3 the user has
        sys.exit(f"ogi-warehouse needs Python >= 3.11 (this is {sys.version.split()[0]})")
    _install()
    _compile_parser(compiled_parser_required)


def _compile_parser(required: bool) -> None:
    """The mypyc build of the parser (ogi/native.py). Without it the plain-Python parser runs, with the same
    results; the tests require it (so CI proves the build), unless OGI_NATIVE=0 asks for the plain parser."""
    completed = subprocess.run([str(PYTHON), "-m", "ogi.native"], cwd=ROOT)
    if completed.returncode == 0:
        return
    if required:
        sys.exit("the parser could not be compiled (see above): fix that, or run the tests on the plain-Python "
                 "parser with OGI_NATIVE=0")
    print("warning: the parser was not compiled (see above); it runs as plain Python, about 1.4 times slower",
          flush=True)


# The system's own CPython, when it is recent enough. Linux distributions build it with profile-guided and
# link-time optimisation, linked statically; pyenv (and a plain ./configure) build neither, and link libpython
# as a shared library. On this project's machine kind the parse runs ~15 % faster, and Dagster starts ~20 %
# faster, on Debian's Python 3.11 than on pyenv's (README, Benchmarks).
SYSTEM_PYTHON = Path("/usr/bin/python3")
# What .venv needs of its interpreter: Python >= 3.11, venv with pip, and the C headers mypyc compiles against.
_USABLE = ("import os, sys, sysconfig, venv, ensurepip; sys.exit(sys.version_info < (3, 11) or not "
           "os.path.exists(os.path.join(sysconfig.get_paths()['include'], 'Python.h')))")


def _base_interpreter() -> str:
    """What .venv is made from: OGI_PYTHON if set, else the system's Python if usable, else this one."""
    if chosen := os.environ.get("OGI_PYTHON"):
        return chosen
    if SYSTEM_PYTHON.exists() and Path(sys.executable).resolve() != SYSTEM_PYTHON.resolve():
        usable = subprocess.run([str(SYSTEM_PYTHON), "-c", _USABLE], capture_output=True).returncode == 0
        if usable:
            return str(SYSTEM_PYTHON)
    return sys.executable


def _install() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not PYTHON.exists():
        base = _base_interpreter()
        print(f"creating .venv with {base} ...", flush=True)
        _run(base, "-m", "venv", VENV)
    print("installing dependencies (pinned in pyproject.toml) ...", flush=True)
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"uv=={UV_VERSION}")
    # Byte-compiling matters: PYTHONDONTWRITEBYTECODE is set on these machines, and an uncompiled
    # dagster costs seconds at every process start.
    env = {**os.environ, "UV_COMPILE_BYTECODE": "1", "VIRTUAL_ENV": str(VENV)}
    _run(BIN / "uv", "pip", "install", "--quiet", "--python", PYTHON, "-e", ".[test,native]", env=env)
    STAMP.write_text(wanted)


def serve(args: list[str]) -> None:
    """dagster-webserver and dagster-daemon on a persistent DAGSTER_HOME (default .dagster_home)."""
    home = Path(os.environ.get("DAGSTER_HOME") or ROOT / ".dagster_home").resolve()
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        (home / "dagster.yaml").write_text((ROOT / "dagster.yaml").read_text())
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    port = args[0] if args else "3000"
    print(f"DAGSTER_HOME={home}; UI on http://127.0.0.1:{port}", flush=True)
    children = [
        subprocess.Popen([str(BIN / "dagster-daemon"), "run", "-w", "workspace.yaml"], cwd=ROOT, env=env),
        subprocess.Popen([str(BIN / "dagster-webserver"), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", port],
                         cwd=ROOT, env=env),
    ]

    def stop(signum: int, _frame: object) -> None:  # a supervisor's SIGTERM stops both, not only this process
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    try:
        children[1].wait()
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            child.terminate()
        for child in children:
            try:
                child.wait(timeout=60)
            except subprocess.TimeoutExpired:
                child.kill()


def main(argv: list[str]) -> None:
    command = argv[0] if argv else "help"
    rest = argv[1:]
    if command == "run":
        ensure_environment()
        _run(PYTHON, "-m", "pipelines", "run", *rest)
    elif command == "test":
        ensure_environment(compiled_parser_required=True)
        _run(PYTHON, "-m", "ruff", "check", ".")
        _run(PYTHON, "-m", "pytest", "-q", *rest)
    elif command == "setup":
        ensure_environment()
    elif command == "bench":
        ensure_environment()
        _run(PYTHON, ROOT / "benchmarks" / "run.py", *rest)
    elif command == "serve":
        ensure_environment()
        serve(rest)
    else:
        print(__doc__)
        sys.exit(0 if command in {"help", "-h", "--help"} else 2)


if __name__ == "__main__":
    main(sys.argv[1:])
