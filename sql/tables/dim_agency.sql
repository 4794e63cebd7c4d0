-- dim_agency: one row per agency (WAREHOUSE.md); the latest resolution of an agency wins, and the commit
-- names each agency by the fullest name its reports print (ogi/warehouse/store.py, commit_batch).
CREATE TABLE IF NOT EXISTS dim_agency (
    agency_id VARCHAR PRIMARY KEY,
    agency_name VARCHAR NOT NULL,
    province VARCHAR,
    prefecture VARCHAR,
    county VARCHAR,
    township VARCHAR,
    division_code VARCHAR(6),
    admin_level VARCHAR,
    agency_kind VARCHAR,
    department VARCHAR
);

INSERT OR REPLACE INTO dim_agency
SELECT DISTINCT ON (agency_id)
    agency_id, agency_name, province, prefecture, county, township, division_code, admin_level, agency_kind,
    department
FROM staging.agencies
WHERE agency_id IS NOT NULL
ORDER BY agency_id, length(agency_name) DESC, agency_name;
