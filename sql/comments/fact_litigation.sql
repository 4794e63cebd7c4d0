-- fact_litigation: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE fact_litigation IS 'Section 四 administrative review and litigation (行政复议、行政诉讼), one row per (report_id, proceeding, result). Contract table.';
COMMENT ON COLUMN fact_litigation.report_id IS 'Stable report id derived from the report''s normalised content (same content ⇒ same id); FK → dim_report';
COMMENT ON COLUMN fact_litigation.proceeding IS 'Section 四 proceeding: administrative_review 行政复议, litigation_direct 未经复议直接起诉, litigation_after_review 复议后起诉';
COMMENT ON COLUMN fact_litigation.result IS 'Section 四 result: upheld 结果维持, corrected 结果纠正, other 其他结果, pending 尚未审结, total 总计';
COMMENT ON COLUMN fact_litigation.cases IS 'Number of cases (件) in the cell; NULL when nothing countable was printed';
