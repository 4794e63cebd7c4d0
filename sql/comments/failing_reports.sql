-- failing_reports: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON VIEW failing_reports IS 'Each report failing at least one hard rule (C1–C5), with its agency, year, rules failed and verdicts.';
COMMENT ON COLUMN failing_reports.report_id IS 'Stable report id derived from the report''s normalised content (same content ⇒ same id); FK → dim_report';
COMMENT ON COLUMN failing_reports.agency_name IS 'Agency name as printed, normalised (机关名称), e.g. 宁波市镇海区统计局';
COMMENT ON COLUMN failing_reports.province IS 'Province the agency belongs to (省级行政区), e.g. 浙江省';
COMMENT ON COLUMN failing_reports.prefecture IS 'Prefecture-level division (地级行政区), e.g. 宁波市';
COMMENT ON COLUMN failing_reports.county IS 'County-level division (县级行政区), e.g. 镇海区';
COMMENT ON COLUMN failing_reports.report_year IS 'Year the data covers (统计年度), not the publication year';
COMMENT ON COLUMN failing_reports.template IS 'Table template: 2019 (国办公开办函〔2019〕60号) or 2021 (国办公开办函〔2021〕30号), detected from the tables';
COMMENT ON COLUMN failing_reports.source_path IS 'Path of the file the report was read from, relative to the raw folder (first seen)';
COMMENT ON COLUMN failing_reports.rules_failed IS 'Hard rules (C1–C5) the report fails';
COMMENT ON COLUMN failing_reports.failed_checks IS 'Number of failing (rule, scope) checks';
COMMENT ON COLUMN failing_reports.failed_scopes IS 'Each failing check as ''rule scope''';
COMMENT ON COLUMN failing_reports.reviewed IS 'Failing checks with a reviewer verdict';
COMMENT ON COLUMN failing_reports.confirmed IS 'Failing checks confirmed by a reviewer';
COMMENT ON COLUMN failing_reports.dismissed IS 'Failing checks dismissed by a reviewer';
COMMENT ON COLUMN failing_reports.awaiting_review IS 'Failing checks no reviewer has looked at';
