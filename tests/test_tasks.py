"""tasks.py picks the interpreter .venv is made from."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tasks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ogi_tasks", ROOT / "tasks.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _script(path: Path, body: str) -> Path:
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
    return path


def test_ogi_python_is_used_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OGI_PYTHON", "/opt/python3.12/bin/python3")
    assert _tasks()._base_interpreter() == "/opt/python3.12/bin/python3"


def test_a_usable_system_python_is_preferred(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OGI_PYTHON", raising=False)
    tasks = _tasks()
    # Another interpreter at the system's place, as able as this one (venv, pip, C headers).
    system = _script(tmp_path / "python3", f'exec "{sys.executable}" "$@"')
    monkeypatch.setattr(tasks, "SYSTEM_PYTHON", system)
    assert tasks._base_interpreter() == str(system)


@pytest.mark.parametrize("system", ["missing", "unusable"])
def test_otherwise_the_python_running_tasks_is_used(system: str, monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    monkeypatch.delenv("OGI_PYTHON", raising=False)
    tasks = _tasks()
    # "unusable": too old, or without venv or the C headers: the check exits non-zero.
    path = tmp_path / "python3" if system == "missing" else _script(tmp_path / "python3", "exit 1")
    monkeypatch.setattr(tasks, "SYSTEM_PYTHON", path)
    assert tasks._base_interpreter() == sys.executable
