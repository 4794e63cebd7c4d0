-- agency_year_denial_reason_mix: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON VIEW agency_year_denial_reason_mix IS 'Denial_reason_mix per (agency_id, report_year, reason), from the report that stands for the agency''s year (agency_year_report: one of several, never their sum); share NULL when nothing was denied. A report whose agency is not placed (agency_id NULL) keeps rows of its own.';
COMMENT ON COLUMN agency_year_denial_reason_mix.agency_id IS 'Stable agency id; FK → dim_agency';
COMMENT ON COLUMN agency_year_denial_reason_mix.report_year IS 'Year the data covers (统计年度), not the publication year';
COMMENT ON COLUMN agency_year_denial_reason_mix.outcome IS 'Denial reason key (denied_*)';
COMMENT ON COLUMN agency_year_denial_reason_mix.outcome_label IS 'Chinese row label of the outcome as the template prints it';
COMMENT ON COLUMN agency_year_denial_reason_mix.denial_class IS 'mandatory (国家秘密, 法律法规禁止, 三安全一稳定, 第三方权益), discretionary (三类内部事务, 四类过程性信息, 行政执法案卷) or query (行政查询事项)';
COMMENT ON COLUMN agency_year_denial_reason_mix.sort_order IS 'Position in the template (for ordering rows as printed)';
COMMENT ON COLUMN agency_year_denial_reason_mix.reports IS 'Reports the warehouse holds for this agency and year (normally 1)';
COMMENT ON COLUMN agency_year_denial_reason_mix.report_id IS 'The report whose numbers these are (agency_year_report); FK → dim_report';
COMMENT ON COLUMN agency_year_denial_reason_mix.applications IS 'Applications denied for this reason (总计 column); NULL if nothing countable was printed';
COMMENT ON COLUMN agency_year_denial_reason_mix.denied_total IS 'Σ of the eight denied_* rows (不予公开 total); NULL if any is NULL';
COMMENT ON COLUMN agency_year_denial_reason_mix.share IS 'applications / denied_total; NULL if either is NULL or denied_total = 0';
