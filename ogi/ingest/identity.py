"""Stable identifiers."""

from __future__ import annotations

import hashlib

from ogi.text.normalize import compact, normalize_text


def report_id_for(text: str, normalized: str | None = None) -> str:
    """Derived from the normalised content, so renaming a file, re-encoding it or re-running never
    changes it: NFKC, simplified characters, no whitespace, no bookmark artefacts."""
    if normalized is None:
        normalized = normalize_text(text)
    return hashlib.sha256(compact(normalized).encode("utf-8")).hexdigest()[:20]


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
