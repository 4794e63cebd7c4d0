-- Load the parse workers' spool (one Parquet file per table per chunk) into staging, replacing what a
-- previous attempt of this step staged (scan issues are the planning step's, and stay).
-- getvariable('ogi_spool') is the spool folder.
-- The same content met under two names is one report: only one copy is staged (see staging.first_copy),
-- with its cells and text; every file and every issue is staged. The cells are not copied: they are read
-- from the spool by staged_cells() (sql/staging/staged_cells.sql).
DELETE FROM staging.files;
DELETE FROM staging.reports;
DELETE FROM staging.agencies;
DELETE FROM staging.first_copy;
DELETE FROM staging.issues WHERE stage <> 'scan';
DELETE FROM staging.texts;
DELETE FROM staging.narrative;

INSERT INTO staging.files BY NAME
SELECT * EXCLUDE (chunk) FROM read_parquet(getvariable('ogi_spool') || '/files/*.parquet');

INSERT INTO staging.issues BY NAME
SELECT * EXCLUDE (chunk) FROM read_parquet(getvariable('ogi_spool') || '/issues/*.parquet');

INSERT INTO staging.agencies BY NAME
SELECT * EXCLUDE (chunk) FROM read_parquet(getvariable('ogi_spool') || '/agencies/*.parquet');

-- Which copy of a report to stage. A report is read from the file it was first seen in (dim_report.source_path)
-- for as long as that file holds it, so that its rows, source_path and line numbers all come from one file:
-- that file's copy when it was re-read; no copy at all when it was not (the warehouse rows stay, unless
-- an older parser made them); otherwise, for a new report or one whose file changed, the first copy in
-- file order.
INSERT INTO staging.first_copy
WITH copies AS (
    SELECT
        c.report_id,
        coalesce(min(c.chunk) FILTER (WHERE c.source_path = d.source_path), min(c.chunk)) AS chunk,
        any_value(c.parser_version) AS parser_version
    FROM read_parquet(getvariable('ogi_spool') || '/reports/*.parquet') AS c
    LEFT JOIN dim_report AS d USING (report_id)
    GROUP BY c.report_id
)
SELECT report_id, chunk
FROM copies AS f
WHERE NOT EXISTS (
    SELECT 1
    FROM dim_report AS d
    JOIN report_sources AS s ON s.source_path = d.source_path AND s.report_id = d.report_id
    WHERE d.report_id = f.report_id AND d.parser_version = f.parser_version
      AND d.source_path NOT IN (SELECT source_path FROM staging.files WHERE reparsed)
);

INSERT INTO staging.reports BY NAME
SELECT r.* EXCLUDE (chunk)
FROM read_parquet(getvariable('ogi_spool') || '/reports/*.parquet') AS r
SEMI JOIN staging.first_copy AS f ON r.report_id = f.report_id AND r.chunk = f.chunk;

INSERT INTO staging.texts BY NAME
SELECT t.* EXCLUDE (chunk)
FROM read_parquet(getvariable('ogi_spool') || '/texts/*.parquet') AS t
SEMI JOIN staging.first_copy AS f ON t.report_id = f.report_id AND t.chunk = f.chunk;

INSERT INTO staging.narrative BY NAME
SELECT n.* EXCLUDE (chunk)
FROM read_parquet(getvariable('ogi_spool') || '/narrative/*.parquet') AS n
SEMI JOIN staging.first_copy AS f ON n.report_id = f.report_id AND n.chunk = f.chunk;

