-- report_cells: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE report_cells IS 'Provenance: one row per table cell read, with the printed text, value kind and line number. Every fact derives from here. Contract table.';
COMMENT ON COLUMN report_cells.report_id IS 'Stable report id derived from the report''s normalised content (same content ⇒ same id); FK → dim_report';
COMMENT ON COLUMN report_cells.section IS 'Report section: proactive (二、主动公开), applications (三、收到和处理申请), litigation (四、行政复议、行政诉讼)';
COMMENT ON COLUMN report_cells.row_key IS 'Row key of the cell (section 三 row, section 二 item, or section 四 proceeding)';
COMMENT ON COLUMN report_cells.col_key IS 'Column key of the cell (applicant type, section 二 measure, or section 四 result)';
COMMENT ON COLUMN report_cells.article_item IS 'Article 20 item of the 条例 the sub-table reports on (第二十条第（X）项): 20.1, 20.5, 20.6, 20.8, 20.9';
COMMENT ON COLUMN report_cells.raw_text IS 'The cell exactly as printed (before normalisation)';
COMMENT ON COLUMN report_cells.value IS 'The number printed (amounts converted to 万元); NULL when the cell printed no number';
COMMENT ON COLUMN report_cells.value_kind IS 'What the cell printed: number, blank, dash (—/-), slash (/) or text (e.g. 无)';
COMMENT ON COLUMN report_cells.unit IS 'Unit: 件, 项 or 万元; NULL when none applies or is known';
COMMENT ON COLUMN report_cells.line_no IS 'Line in the normalised report text where the cell starts (provenance)';
