"""Random agency names: full name, short name for the narrative, and host office."""

from __future__ import annotations

import random

from ogi.synth.places import COUNTIES, DEPARTMENTS, PROVINCE_DEPARTMENTS, TOWNSHIPS


def draw_agency(rng: random.Random) -> tuple[str, str, str]:
    """(full name, short name used in the narrative, website host office)."""
    province, prefecture, county = rng.choice(COUNTIES)
    roll = rng.random()
    if roll < 0.25:  # township government
        town = rng.choice(TOWNSHIPS)
        suffix = "办事处" if town.endswith("街道") else "人民政府"
        name, short = f"{county}{town}{suffix}", town
    elif roll < 0.35:  # county/district government office
        name, short = f"{prefecture}{county}人民政府办公室", f"{county}政府办"
        if rng.random() < 0.5:
            name = f"{county}人民政府办公室"
    elif roll < 0.47:  # prefecture-level department
        department = rng.choice(DEPARTMENTS)
        city = prefecture or province
        name, short = f"{city}{department}", f"市{department}"
    elif roll < 0.52:  # province-level department
        department = rng.choice(PROVINCE_DEPARTMENTS)
        name, short = f"{province}{department}", "我厅" if department.endswith("厅") else "我局"
    else:  # county-level department, with or without the prefecture / province
        department = rng.choice(DEPARTMENTS)
        prefix = rng.choice((county, county, f"{prefecture}{county}", f"{province}{prefecture}{county}"))
        name, short = f"{prefix}{department}", f"{county[:-1] if len(county) > 2 else county}{department}"
    host = f"{county if roll < 0.47 or roll >= 0.52 else (prefecture or province)}人民政府办公室"
    return name, short, host
