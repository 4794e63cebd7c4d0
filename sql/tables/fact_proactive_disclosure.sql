-- fact_proactive_disclosure: section 二, one row per (report_id, item, measure). value is in 万元 for
-- amounts whose unit is known (unit = '万元'); raw_text is the printed number (NULL when the cell printed
-- no number: see value_kind here and the full text in report_cells).
CREATE TABLE IF NOT EXISTS fact_proactive_disclosure (
    report_id VARCHAR NOT NULL,
    item VARCHAR NOT NULL,
    measure VARCHAR NOT NULL,
    article_item VARCHAR NOT NULL,
    value DOUBLE,
    unit VARCHAR,
    raw_text VARCHAR,
    value_kind VARCHAR NOT NULL
);

DELETE FROM fact_proactive_disclosure WHERE report_id IN (SELECT report_id FROM staging.reports);

INSERT INTO fact_proactive_disclosure
SELECT
    report_id, row_key, col_key, article_item, value, unit,
    CASE WHEN value_kind = 'number' THEN raw_text END,
    value_kind
FROM report_cells
WHERE section = 'proactive'
  AND report_id IN (SELECT report_id FROM staging.reports);
