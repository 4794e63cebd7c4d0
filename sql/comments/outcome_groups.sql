-- outcome_groups: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON VIEW outcome_groups IS 'Section 三 outcome subtotals per (report_id, applicant_type, outcome_group); applications is NULL when any cell of the group is NULL or not placed (strict), applications_printed skips them.';
COMMENT ON COLUMN outcome_groups.report_id IS 'Stable report id derived from the report''s normalised content (same content ⇒ same id); FK → dim_report';
COMMENT ON COLUMN outcome_groups.report_year IS 'Year the data covers (统计年度), not the publication year';
COMMENT ON COLUMN outcome_groups.template IS 'Table template: 2019 (国办公开办函〔2019〕60号) or 2021 (国办公开办函〔2021〕30号), detected from the tables';
COMMENT ON COLUMN outcome_groups.applicant_type IS 'Applicant column of section 三 (申请人情况): natural_person 自然人, commercial_enterprise 商业企业, research_institution 科研机构, social_welfare_org 社会公益组织, legal_service_org 法律服务机构, other_org 其他, total 总计';
COMMENT ON COLUMN outcome_groups.outcome_group IS 'Outcome group: granted 予以公开, partially_granted 部分公开, denied 不予公开, unable_to_provide 无法提供, not_processed 不予处理, other 其他处理, total 总计';
COMMENT ON COLUMN outcome_groups.applications IS 'Σ applications of the group''s cells; NULL when any cell printed no number or was not placed (strict)';
COMMENT ON COLUMN outcome_groups.applications_printed IS 'Σ of the numbers printed in the group, NULL cells skipped (the lenient reading; compare cells_counted with cells_expected)';
COMMENT ON COLUMN outcome_groups.cells_expected IS 'Cells the template has for this row/group';
COMMENT ON COLUMN outcome_groups.cells_counted IS 'Of those, cells that printed a number';
