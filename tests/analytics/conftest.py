"""One sample warehouse (the five reports of data/raw, built by the real Dagster job) for all analytics tests."""

from __future__ import annotations

import time

import pytest

from tests.pipeline.harness import Workspace, workspace_with_samples


@pytest.fixture(scope="session")
def sample_workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    workspace = workspace_with_samples(tmp_path_factory.mktemp("analytics"))
    started = time.perf_counter()
    workspace.run(analytics=True)
    workspace.build_seconds = time.perf_counter() - started  # type: ignore[attr-defined]
    return workspace
