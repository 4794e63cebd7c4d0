-- The pipeline's own working area in the work database (never in the published warehouse's contract).
-- staging.* holds the current run's batch; ogi_state.* remembers what has been ingested.
CREATE SCHEMA IF NOT EXISTS staging;
CREATE SCHEMA IF NOT EXISTS ogi_state;

-- file_scan: this run's plan, one row per file to (re)read; known_* from the manifest when the parser
-- version is unchanged, so a file whose bytes did not change is only hashed, not parsed.
CREATE TABLE IF NOT EXISTS staging.file_scan (
    source_path VARCHAR PRIMARY KEY, path VARCHAR, size BIGINT, mtime_ns BIGINT, action VARCHAR,
    known_sha256 VARCHAR, known_report_id VARCHAR
);
CREATE TABLE IF NOT EXISTS staging.files (
    source_path VARCHAR, size BIGINT, mtime_ns BIGINT, content_sha256 VARCHAR, report_id VARCHAR,
    encoding VARCHAR, source_format VARCHAR, reparsed BOOLEAN
);
CREATE TABLE IF NOT EXISTS staging.reports (
    report_id VARCHAR, source_path VARCHAR, content_sha256 VARCHAR, encoding VARCHAR, source_format VARCHAR,
    agency_id VARCHAR, agency_name VARCHAR, report_year INTEGER, template VARCHAR, proactive_template VARCHAR,
    applications_template VARCHAR, published_on DATE, parse_status VARCHAR, parser_version VARCHAR,
    year_source VARCHAR, agency_source VARCHAR, cells_placed INTEGER
);
CREATE TABLE IF NOT EXISTS staging.agencies (
    agency_id VARCHAR, agency_name VARCHAR, province VARCHAR, prefecture VARCHAR, county VARCHAR,
    township VARCHAR, division_code VARCHAR, admin_level VARCHAR, agency_kind VARCHAR, department VARCHAR
);
-- The staged reports' cells are not copied into the database: they stay in the parse spool's Parquet files
-- and staged_cells() (sql/staging/staged_cells.sql) reads them from there, taking from each report the copy
-- first_copy names (writing 20 million rows into a table once more cost 8 s of a 100,000-report load).
DROP TABLE IF EXISTS staging.cells;  -- where earlier versions copied them
CREATE TABLE IF NOT EXISTS staging.first_copy (report_id VARCHAR, chunk INTEGER);
CREATE TABLE IF NOT EXISTS staging.issues (
    source_path VARCHAR, content_sha256 VARCHAR, report_id VARCHAR, stage VARCHAR, code VARCHAR,
    message VARCHAR, line_no INTEGER, degrades_status BOOLEAN
);
CREATE TABLE IF NOT EXISTS staging.texts (report_id VARCHAR, text VARCHAR);
-- What a report's running text says about its applications (ogi/extract/narrative.py), for S4 and S5.
CREATE TABLE IF NOT EXISTS staging.narrative (
    report_id VARCHAR, quantity VARCHAR, value BIGINT, line_no INTEGER, raw_text VARCHAR
);

CREATE TABLE IF NOT EXISTS ogi_state.files (
    source_path VARCHAR PRIMARY KEY, size BIGINT, mtime_ns BIGINT, content_sha256 VARCHAR,
    report_id VARCHAR, parser_version VARCHAR
);
CREATE TABLE IF NOT EXISTS ogi_state.meta (key VARCHAR PRIMARY KEY, value VARCHAR);
