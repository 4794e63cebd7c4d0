-- lookup_applicant_types: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE lookup_applicant_types IS 'Applicant types of section 三 with their Chinese labels (申请人情况).';
COMMENT ON COLUMN lookup_applicant_types.applicant_type IS 'Applicant column of section 三 (申请人情况): natural_person 自然人, commercial_enterprise 商业企业, research_institution 科研机构, social_welfare_org 社会公益组织, legal_service_org 法律服务机构, other_org 其他, total 总计';
COMMENT ON COLUMN lookup_applicant_types.applicant_type_label IS 'Chinese label of the applicant type (申请人类型)';
COMMENT ON COLUMN lookup_applicant_types.sort_order IS 'Position in the template (for ordering rows as printed)';
