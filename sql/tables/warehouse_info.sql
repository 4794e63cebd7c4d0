-- warehouse_info: what produced this warehouse (key → value), written when a batch is committed:
-- parser_version, divisions_source (the vintage of the administrative-division data behind dim_agency),
-- generation (bumped by every run that changed something) and committed_at.
CREATE TABLE IF NOT EXISTS warehouse_info (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
