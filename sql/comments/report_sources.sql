-- report_sources: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE report_sources IS 'Every file a report was read from (one report may arrive under several names or encodings).';
COMMENT ON COLUMN report_sources.source_path IS 'Path of one file holding the report, relative to the raw folder';
COMMENT ON COLUMN report_sources.report_id IS 'The report the file holds (NULL if it holds none)';
COMMENT ON COLUMN report_sources.content_sha256 IS 'SHA-256 of the raw bytes of the file';
COMMENT ON COLUMN report_sources.encoding IS 'Text encoding the file was decoded with (utf-8, gb18030 …)';
COMMENT ON COLUMN report_sources.source_format IS 'File format read: text, html, docx …';
COMMENT ON COLUMN report_sources.first_seen_at IS 'When this file was first read';
COMMENT ON COLUMN report_sources.last_loaded_at IS 'When this file was last (re)loaded';
