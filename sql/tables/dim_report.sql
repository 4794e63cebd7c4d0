-- dim_report: one row per distinct report (WAREHOUSE.md). The staged copy is read from the file the report
-- was first seen in whenever that file still holds it (staging/load_spool.sql), so source_path and
-- content_sha256 are those of the file every row of the report came from.
CREATE TABLE IF NOT EXISTS dim_report (
    report_id VARCHAR PRIMARY KEY,
    source_path VARCHAR NOT NULL,
    content_sha256 VARCHAR NOT NULL,
    agency_id VARCHAR,
    report_year INTEGER,
    template VARCHAR,
    published_on DATE,
    parse_status VARCHAR NOT NULL,
    parser_version VARCHAR NOT NULL,
    agency_name VARCHAR,
    proactive_template VARCHAR,
    applications_template VARCHAR,
    encoding VARCHAR,
    source_format VARCHAR,
    year_source VARCHAR,
    agency_source VARCHAR,
    cells_placed INTEGER,
    loaded_at TIMESTAMP
);

INSERT OR REPLACE INTO dim_report
SELECT
    s.report_id,
    s.source_path,
    s.content_sha256,
    s.agency_id, s.report_year, s.template, s.published_on, s.parse_status, s.parser_version,
    s.agency_name, s.proactive_template, s.applications_template, s.encoding, s.source_format,
    s.year_source, s.agency_source, s.cells_placed,
    current_localtimestamp()
FROM staging.reports AS s;
