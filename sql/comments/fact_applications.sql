-- fact_applications: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE fact_applications IS 'Section 三 intake and backlog, one row per (report_id, applicant_type): rows 一、二、四 of 收到和处理政府信息公开申请情况. Contract table.';
COMMENT ON COLUMN fact_applications.report_id IS 'Stable report id derived from the report''s normalised content (same content ⇒ same id); FK → dim_report';
COMMENT ON COLUMN fact_applications.applicant_type IS 'Applicant column of section 三 (申请人情况): natural_person 自然人, commercial_enterprise 商业企业, research_institution 科研机构, social_welfare_org 社会公益组织, legal_service_org 法律服务机构, other_org 其他, total 总计';
COMMENT ON COLUMN fact_applications.new_received IS '一、本年新收政府信息公开申请数量: applications received this year; NULL if nothing countable was printed';
COMMENT ON COLUMN fact_applications.carried_over IS '二、上年结转政府信息公开申请数量: applications carried over from last year';
COMMENT ON COLUMN fact_applications.carried_forward IS '四、结转下年度继续办理: applications carried forward to next year';
