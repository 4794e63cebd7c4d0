"""Stable agency ids.

Rule: sha1 of a basis string, first 16 hex digits.
* placed agency: ``div:<12-digit 民政部 key of its division>|<what the agency is there>`` where the second part is
  ``gov`` for the division's own government (人民政府/政府/街道办事处 …) and otherwise the canonical non-place part
  (统计局, 国家税务总局…税务局 → prefix + 税务局). Place spellings therefore do not matter: 宁波市镇海区统计局,
  镇海区统计局 and a former name of the district (湟中县 → 湟中区) give the same id.
* national agency (国家统计局, 教育部): ``nat:<canonical name>``.
* anything else (a bare 统计局 the text does not place, a 朝阳区统计局 the text does not disambiguate): no id,
  because one built from the name alone would merge different agencies.
"""

from __future__ import annotations

import hashlib

from ogi.agency.data import Division


def _h(basis: str) -> str:
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def placed_id(division: Division, kind: str | None, what: str) -> str:
    return _h(f"div:{division.key}|{what or ('gov' if kind == 'government' else '')}")


def national_id(canonical_name: str) -> str:
    return _h(f"nat:{canonical_name}")
