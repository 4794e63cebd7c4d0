-- staged_cells(): the cells of the reports staged in this batch, as the parse workers spooled them
-- (one Parquet file per chunk; getvariable('ogi_spool') is the spool folder, set on every connection
-- to the work database). Only the copy of each report that staging.first_copy names is read: the same
-- content met under two names is one report. Defined on each connection (TEMP), since the spool's place
-- belongs to the work folder, not to the database file (which is also published to analysts).
CREATE OR REPLACE TEMP MACRO staged_cells() AS TABLE
SELECT c.* EXCLUDE (chunk)
FROM read_parquet(getvariable('ogi_spool') || '/cells/*.parquet') AS c
SEMI JOIN staging.first_copy AS f ON c.report_id = f.report_id AND c.chunk = f.chunk;
