"""The result type of :func:`ogi.agency.resolve_agency`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AgencyResolution:
    agency_name: str
    agency_id: str | None
    province: str | None
    prefecture: str | None
    county: str | None
    township: str | None
    division_code: str | None
    admin_level: str | None
    agency_kind: str | None
    department: str | None
    issues: tuple[tuple[str, str], ...]  # (stable_code, human sentence) → ingest_issues rows
