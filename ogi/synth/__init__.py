"""Synthetic annual reports with known values, for benchmarks and accuracy tests (no Dagster here)."""

from ogi.synth.corpus import generate_corpus, write_corpus
from ogi.synth.generator import SHAPES, TEMPLATES, SyntheticReport, generate_report, report_rng
from ogi.synth.rules import broken_rules

__all__ = [
    "SHAPES",
    "TEMPLATES",
    "SyntheticReport",
    "broken_rules",
    "generate_corpus",
    "generate_report",
    "report_rng",
    "write_corpus",
]
