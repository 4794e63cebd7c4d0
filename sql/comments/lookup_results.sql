-- lookup_results: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE lookup_results IS 'Section 四 results with their Chinese labels.';
COMMENT ON COLUMN lookup_results.result IS 'Section 四 result: upheld 结果维持, corrected 结果纠正, other 其他结果, pending 尚未审结, total 总计';
COMMENT ON COLUMN lookup_results.result_label IS 'Chinese label of the result';
