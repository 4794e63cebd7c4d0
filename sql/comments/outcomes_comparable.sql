-- outcomes_comparable: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON VIEW outcomes_comparable IS 'Outcomes on one vocabulary for both templates: 2019 other = Σ of the 2021 other_no_correction, other_fee_unpaid, other_misc rows (FORMAT.md §4.3); NULL if any summed cell is NULL.';
COMMENT ON COLUMN outcomes_comparable.report_id IS 'Stable report id derived from the report''s normalised content (same content ⇒ same id); FK → dim_report';
COMMENT ON COLUMN outcomes_comparable.report_year IS 'Year the data covers (统计年度), not the publication year';
COMMENT ON COLUMN outcomes_comparable.template IS 'Table template: 2019 (国办公开办函〔2019〕60号) or 2021 (国办公开办函〔2021〕30号), detected from the tables';
COMMENT ON COLUMN outcomes_comparable.applicant_type IS 'Applicant column of section 三 (申请人情况): natural_person 自然人, commercial_enterprise 商业企业, research_institution 科研机构, social_welfare_org 社会公益组织, legal_service_org 法律服务机构, other_org 其他, total 总计';
COMMENT ON COLUMN outcomes_comparable.outcome IS 'Outcome key on the 2019 vocabulary (2021 other_* rows summed into other)';
COMMENT ON COLUMN outcomes_comparable.outcome_group IS 'Outcome group: granted 予以公开, partially_granted 部分公开, denied 不予公开, unable_to_provide 无法提供, not_processed 不予处理, other 其他处理, total 总计';
COMMENT ON COLUMN outcomes_comparable.outcome_label IS 'Chinese row label of the outcome as the template prints it';
COMMENT ON COLUMN outcomes_comparable.sort_order IS 'Position in the template (for ordering rows as printed)';
COMMENT ON COLUMN outcomes_comparable.applications IS 'Applications; for `other` in 2021 the sum of the three other_* cells, NULL if any is NULL';
COMMENT ON COLUMN outcomes_comparable.source_outcomes IS 'The outcome keys summed into this row (the three 2021 other_* rows for `other`)';
COMMENT ON COLUMN outcomes_comparable.cells_expected IS 'Cells the template has for this row/group';
COMMENT ON COLUMN outcomes_comparable.cells_counted IS 'Of those, cells that printed a number';
