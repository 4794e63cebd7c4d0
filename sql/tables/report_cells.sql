-- report_cells: provenance, one row per table cell read (WAREHOUSE.md). Every fact is derived from here.
CREATE TABLE IF NOT EXISTS report_cells (
    report_id VARCHAR NOT NULL,
    section VARCHAR NOT NULL,
    row_key VARCHAR NOT NULL,
    col_key VARCHAR NOT NULL,
    article_item VARCHAR,
    raw_text VARCHAR NOT NULL,
    value DOUBLE,
    value_kind VARCHAR NOT NULL,
    unit VARCHAR,
    line_no INTEGER NOT NULL
);

DELETE FROM report_cells WHERE report_id IN (SELECT report_id FROM staging.reports);

-- (staged_cells() holds exactly the staged reports' cells, read from the parse spool.)
INSERT INTO report_cells
SELECT report_id, section, row_key, col_key, article_item, raw_text, value, value_kind, unit, line_no
FROM staged_cells();
