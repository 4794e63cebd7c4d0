-- What does a column mean? Every table, view and column carries a comment.
SELECT table_name, column_name, comment
FROM duckdb_columns()
WHERE table_name = 'report_measures' AND column_name LIKE 'disclosure_rate%'
ORDER BY column_index;
