"""Raw files → staged rows: scanning, change detection, parallel parsing (plain Python, no Dagster)."""
