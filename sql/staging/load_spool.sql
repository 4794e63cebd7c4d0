-- Load the parse workers' spool (one Parquet file per table per chunk) into staging, replacing what a
-- previous attempt of this step staged (scan issues are the planning step's, and stay).
-- getvariable('ogi_spool') is the spool folder.
-- The same content met under two names is one report: only the copy of the first chunk (file order)
-- is staged, with its cells and text; every file and every issue is staged.
DELETE FROM staging.files;
DELETE FROM staging.reports;
DELETE FROM staging.agencies;
DELETE FROM staging.cells;
DELETE FROM staging.issues WHERE stage <> 'scan';
DELETE FROM staging.texts;

INSERT INTO staging.files BY NAME
SELECT * EXCLUDE (chunk) FROM read_parquet(getvariable('ogi_spool') || '/files/*.parquet');

INSERT INTO staging.issues BY NAME
SELECT * EXCLUDE (chunk) FROM read_parquet(getvariable('ogi_spool') || '/issues/*.parquet');

INSERT INTO staging.agencies BY NAME
SELECT * EXCLUDE (chunk) FROM read_parquet(getvariable('ogi_spool') || '/agencies/*.parquet');

CREATE OR REPLACE TEMP TABLE spool_first_copy AS
SELECT report_id, min(chunk) AS chunk
FROM read_parquet(getvariable('ogi_spool') || '/reports/*.parquet')
GROUP BY report_id;

INSERT INTO staging.reports BY NAME
SELECT r.* EXCLUDE (chunk)
FROM read_parquet(getvariable('ogi_spool') || '/reports/*.parquet') AS r
SEMI JOIN spool_first_copy AS f ON r.report_id = f.report_id AND r.chunk = f.chunk;

INSERT INTO staging.cells BY NAME
SELECT c.* EXCLUDE (chunk)
FROM read_parquet(getvariable('ogi_spool') || '/cells/*.parquet') AS c
SEMI JOIN spool_first_copy AS f ON c.report_id = f.report_id AND c.chunk = f.chunk;

INSERT INTO staging.texts BY NAME
SELECT t.* EXCLUDE (chunk)
FROM read_parquet(getvariable('ogi_spool') || '/texts/*.parquet') AS t
SEMI JOIN spool_first_copy AS f ON t.report_id = f.report_id AND t.chunk = f.chunk;

DROP TABLE spool_first_copy;
