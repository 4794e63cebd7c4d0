-- agency_year_report: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON VIEW agency_year_report IS 'The report that stands for an agency''s year, one row per (agency_id, report_year): of several (a re-issue, an edited copy, a partial download) the most complete (parsed, then most cells placed), then the latest signature date, then the smallest report_id. Failed reports are left out; a report whose agency is not placed is a row of its own.';
COMMENT ON COLUMN agency_year_report.agency_id IS 'Stable agency id; FK → dim_agency (NULL: agency not placed, the report stands alone)';
COMMENT ON COLUMN agency_year_report.report_year IS 'Year the data covers (统计年度), not the publication year';
COMMENT ON COLUMN agency_year_report.report_id IS 'The chosen report; FK → dim_report';
COMMENT ON COLUMN agency_year_report.reports IS 'Reports the warehouse holds for this agency and year (normally 1)';
COMMENT ON COLUMN agency_year_report.other_report_ids IS 'The other reports of the agency-year, set aside (empty when there is one)';
