-- report_texts: the decoded text of reports read from HTML or Word files, whose cell line numbers
-- (report_cells.line_no) refer to this rendering rather than to the raw file.
CREATE TABLE IF NOT EXISTS report_texts (
    report_id VARCHAR PRIMARY KEY,
    text VARCHAR NOT NULL
);

INSERT OR REPLACE INTO report_texts
SELECT report_id, any_value(text) FROM staging.texts GROUP BY report_id;
