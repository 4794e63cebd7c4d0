-- ingest_issues: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE ingest_issues IS 'What could not be read, one row per problem, each with a sentence a person understands. Contract table.';
COMMENT ON COLUMN ingest_issues.source_path IS 'The file concerned, relative to the raw folder';
COMMENT ON COLUMN ingest_issues.content_sha256 IS 'SHA-256 of the raw bytes of the file';
COMMENT ON COLUMN ingest_issues.report_id IS 'The report concerned, NULL when the file yielded none';
COMMENT ON COLUMN ingest_issues.stage IS 'Pipeline stage that met the problem: scan (folder), read (decoding), extract (tables, metadata), agency (divisions), load (duplicates)';
COMMENT ON COLUMN ingest_issues.code IS 'Short stable problem identifier, e.g. empty_file, not_a_report, undecodable, duplicate_content, table_not_found, cell_unplaced';
COMMENT ON COLUMN ingest_issues.message IS 'The problem in a sentence a person understands';
COMMENT ON COLUMN ingest_issues.seen_at IS 'When the problem was recorded';
COMMENT ON COLUMN ingest_issues.line_no IS 'Line in the normalised text the problem concerns, if any';
COMMENT ON COLUMN ingest_issues.degrades_status IS 'TRUE if the problem made the report partial';
