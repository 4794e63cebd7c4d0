"""What every parse worker needs, loaded once by the fork server that workers are forked from
(ogi/ingest/parallel.py): importing this module imports the parser and polars and builds the division tables."""

from __future__ import annotations

import gc

import ogi.ingest.spool  # noqa: F401 - the parser, the frames and polars, for the workers forked later
from ogi.agency.data import gazetteer

gazetteer()
gc.freeze()  # what the forked workers share stays out of their collections (and unwritten, so shared)
