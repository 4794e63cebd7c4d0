-- lookup_proactive_measures: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE lookup_proactive_measures IS 'Section 二 items and measures of each template with their Chinese labels.';
COMMENT ON COLUMN lookup_proactive_measures.template IS 'Template the measure belongs to (2019/2021)';
COMMENT ON COLUMN lookup_proactive_measures.article_item IS 'Article 20 item of the 条例 the sub-table reports on (第二十条第（X）项): 20.1, 20.5, 20.6, 20.8, 20.9';
COMMENT ON COLUMN lookup_proactive_measures.item IS 'Section 二 item (主动公开事项), e.g. rules 规章, normative_documents 规范性文件, administrative_licensing 行政许可; see lookup_proactive_measures';
COMMENT ON COLUMN lookup_proactive_measures.item_label IS 'Chinese label of the item';
COMMENT ON COLUMN lookup_proactive_measures.measure IS 'Section 二 measure (统计指标), e.g. new_made 本年新制作数量, issued 本年制发件数, decisions 处理决定数量';
COMMENT ON COLUMN lookup_proactive_measures.measure_label IS 'Chinese label of the measure';
COMMENT ON COLUMN lookup_proactive_measures.is_amount IS 'TRUE for money measures (万元), FALSE for counts';
