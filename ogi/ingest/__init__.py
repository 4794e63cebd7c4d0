"""Raw files → staged rows: scanning, change detection, parallel parsing (plain Python, no Dagster)."""

from ogi.native import use_compiled

use_compiled(__path__)  # the mypyc build of these modules, when it matches them (ogi/native.py)
