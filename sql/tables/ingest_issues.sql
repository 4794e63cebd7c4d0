-- ingest_issues: what could not be read, one row per problem (WAREHOUSE.md). Re-reading a file replaces
-- its rows; a file that is not re-read keeps them.
CREATE TABLE IF NOT EXISTS ingest_issues (
    source_path VARCHAR NOT NULL,
    content_sha256 VARCHAR,
    report_id VARCHAR,
    stage VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    seen_at TIMESTAMP NOT NULL,
    line_no INTEGER,
    degrades_status BOOLEAN
);

DELETE FROM ingest_issues
WHERE source_path IN (SELECT source_path FROM staging.files WHERE reparsed UNION ALL SELECT source_path FROM staging.issues);

INSERT INTO ingest_issues
SELECT source_path, content_sha256, report_id, stage, code, message, current_localtimestamp(), line_no, degrades_status
FROM staging.issues;

-- The same content under another name: one report, every source kept in report_sources.
INSERT INTO ingest_issues
SELECT
    f.source_path, f.content_sha256, f.report_id, 'load', 'duplicate_content',
    'This file holds the same report as ' || first.source_path || '; it is loaded once and both files are listed in report_sources.',
    current_localtimestamp(), NULL, FALSE
FROM staging.files AS f
JOIN (
    SELECT report_id, arg_min(source_path, (first_seen_at, source_path)) AS source_path
    FROM report_sources WHERE report_id IS NOT NULL GROUP BY report_id
) AS first USING (report_id)
WHERE f.reparsed AND f.source_path <> first.source_path;
