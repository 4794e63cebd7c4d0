"""Report text → placed table cells and report metadata (plain Python, no Dagster)."""
