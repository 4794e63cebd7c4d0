-- report_sources: every file a report was read from (one report may arrive under several names or
-- encodings). Files later removed from the raw folder keep their row (and their report).
CREATE TABLE IF NOT EXISTS report_sources (
    source_path VARCHAR PRIMARY KEY,
    report_id VARCHAR,
    content_sha256 VARCHAR NOT NULL,
    encoding VARCHAR,
    source_format VARCHAR,
    first_seen_at TIMESTAMP,
    last_loaded_at TIMESTAMP
);

INSERT OR REPLACE INTO report_sources
SELECT
    f.source_path, f.report_id, f.content_sha256, f.encoding, f.source_format,
    coalesce(CASE WHEN r.content_sha256 = f.content_sha256 THEN r.first_seen_at END, current_localtimestamp()),
    current_localtimestamp()
FROM staging.files AS f
LEFT JOIN report_sources AS r USING (source_path)
WHERE f.content_sha256 IS NOT NULL AND f.reparsed;
