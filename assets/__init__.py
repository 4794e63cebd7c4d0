"""Dagster asset definitions, one module per stage: ingest → warehouse tables → checks → publish."""
