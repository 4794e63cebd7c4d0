-- outcome_grid: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON VIEW outcome_grid IS 'Every section 三 outcome cell a report''s template has, one row per (report_id, applicant_type, outcome), placed or not (placed = FALSE, applications NULL when not read).';
COMMENT ON COLUMN outcome_grid.report_id IS 'Stable report id derived from the report''s normalised content (same content ⇒ same id); FK → dim_report';
COMMENT ON COLUMN outcome_grid.report_year IS 'Year the data covers (统计年度), not the publication year';
COMMENT ON COLUMN outcome_grid.template IS 'Template of section 三 (dim_report.applications_template, else dim_report.template)';
COMMENT ON COLUMN outcome_grid.applicant_type IS 'Applicant column of section 三 (申请人情况): natural_person 自然人, commercial_enterprise 商业企业, research_institution 科研机构, social_welfare_org 社会公益组织, legal_service_org 法律服务机构, other_org 其他, total 总计';
COMMENT ON COLUMN outcome_grid.outcome IS 'Outcome row key of section 三 (本年度办理结果), e.g. granted 予以公开, denied_state_secret 属于国家秘密; see lookup_outcomes';
COMMENT ON COLUMN outcome_grid.outcome_group IS 'Outcome group: granted 予以公开, partially_granted 部分公开, denied 不予公开, unable_to_provide 无法提供, not_processed 不予处理, other 其他处理, total 总计';
COMMENT ON COLUMN outcome_grid.outcome_label IS 'Chinese row label of the outcome as the template prints it';
COMMENT ON COLUMN outcome_grid.sort_order IS 'Position in the template (for ordering rows as printed)';
COMMENT ON COLUMN outcome_grid.placed IS 'TRUE if the cell was read from the report; FALSE if the template has it but it was not placed (partial report)';
COMMENT ON COLUMN outcome_grid.applications IS 'Number of applications (件) in the cell; NULL when the report printed nothing countable (never 0 by default)';
