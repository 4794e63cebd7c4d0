-- fact_proactive_disclosure: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE fact_proactive_disclosure IS 'Section 二 proactive disclosure (主动公开政府信息情况), one row per (report_id, item, measure); amounts in 万元. Contract table.';
COMMENT ON COLUMN fact_proactive_disclosure.report_id IS 'Stable report id derived from the report''s normalised content (same content ⇒ same id); FK → dim_report';
COMMENT ON COLUMN fact_proactive_disclosure.item IS 'Section 二 item (主动公开事项), e.g. rules 规章, normative_documents 规范性文件, administrative_licensing 行政许可; see lookup_proactive_measures';
COMMENT ON COLUMN fact_proactive_disclosure.measure IS 'Section 二 measure (统计指标), e.g. new_made 本年新制作数量, issued 本年制发件数, decisions 处理决定数量';
COMMENT ON COLUMN fact_proactive_disclosure.article_item IS 'Article 20 item of the 条例 the sub-table reports on (第二十条第（X）项): 20.1, 20.5, 20.6, 20.8, 20.9';
COMMENT ON COLUMN fact_proactive_disclosure.value IS 'The number printed (amounts converted to 万元); NULL when the cell printed no number';
COMMENT ON COLUMN fact_proactive_disclosure.unit IS 'Unit: 件, 项 or 万元; NULL when none applies or is known';
COMMENT ON COLUMN fact_proactive_disclosure.raw_text IS 'The number exactly as printed (before normalisation); NULL when the cell printed no number (blank, dash, slash, 无 or other text: see value_kind, and report_cells.raw_text for what it printed), as in the hand-read sample values';
COMMENT ON COLUMN fact_proactive_disclosure.value_kind IS 'What the cell printed: number, blank, dash (—/-), slash (/) or text (e.g. 无)';
