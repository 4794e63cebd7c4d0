-- denial_reason_mix: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON VIEW denial_reason_mix IS 'Denial-reason mix per (report_id, denied_* reason): share = applications / Σ denied_* (总计 column); NULL when an operand is NULL or nothing was denied.';
COMMENT ON COLUMN denial_reason_mix.report_id IS 'Stable report id derived from the report''s normalised content (same content ⇒ same id); FK → dim_report';
COMMENT ON COLUMN denial_reason_mix.agency_id IS 'Stable agency id; FK → dim_agency';
COMMENT ON COLUMN denial_reason_mix.report_year IS 'Year the data covers (统计年度), not the publication year';
COMMENT ON COLUMN denial_reason_mix.template IS 'Table template: 2019 (国办公开办函〔2019〕60号) or 2021 (国办公开办函〔2021〕30号), detected from the tables';
COMMENT ON COLUMN denial_reason_mix.outcome IS 'Denial reason key (denied_*), see lookup_outcomes';
COMMENT ON COLUMN denial_reason_mix.outcome_label IS 'Chinese row label of the outcome as the template prints it';
COMMENT ON COLUMN denial_reason_mix.denial_class IS 'mandatory (国家秘密, 法律法规禁止, 三安全一稳定, 第三方权益), discretionary (三类内部事务, 四类过程性信息, 行政执法案卷) or query (行政查询事项)';
COMMENT ON COLUMN denial_reason_mix.sort_order IS 'Position in the template (for ordering rows as printed)';
COMMENT ON COLUMN denial_reason_mix.applications IS 'Applications denied for this reason (总计 column); NULL if nothing countable was printed';
COMMENT ON COLUMN denial_reason_mix.denied_total IS 'Σ of the eight denied_* rows (不予公开 total); NULL if any is NULL';
COMMENT ON COLUMN denial_reason_mix.share IS 'applications / denied_total; NULL if either is NULL or denied_total = 0';
