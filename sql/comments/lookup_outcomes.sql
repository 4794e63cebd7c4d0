-- lookup_outcomes: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE lookup_outcomes IS 'Outcome keys of section 三 with group, Chinese label and the templates they occur in.';
COMMENT ON COLUMN lookup_outcomes.outcome IS 'Outcome row key of section 三 (本年度办理结果), e.g. granted 予以公开, denied_state_secret 属于国家秘密; see lookup_outcomes';
COMMENT ON COLUMN lookup_outcomes.outcome_group IS 'Outcome group: granted 予以公开, partially_granted 部分公开, denied 不予公开, unable_to_provide 无法提供, not_processed 不予处理, other 其他处理, total 总计';
COMMENT ON COLUMN lookup_outcomes.outcome_label IS 'Chinese row label of the outcome as the template prints it';
COMMENT ON COLUMN lookup_outcomes.templates IS 'Templates the key occurs in';
COMMENT ON COLUMN lookup_outcomes.sort_order IS 'Position in the template (for ordering rows as printed)';
