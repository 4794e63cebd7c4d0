-- dim_agency: what it is and what each column means (duckdb_tables()/duckdb_views()/duckdb_columns().comment).
COMMENT ON TABLE dim_agency IS 'One row per publishing agency (发布机关), placed in China''s administrative divisions. Contract table.';
COMMENT ON COLUMN dim_agency.agency_id IS 'Stable agency id (primary key), derived from the division and the agency part of the name';
COMMENT ON COLUMN dim_agency.agency_name IS 'Agency name as printed, normalised (机关名称), e.g. 宁波市镇海区统计局';
COMMENT ON COLUMN dim_agency.province IS 'Province the agency belongs to (省级行政区), e.g. 浙江省';
COMMENT ON COLUMN dim_agency.prefecture IS 'Prefecture-level division (地级行政区), e.g. 宁波市';
COMMENT ON COLUMN dim_agency.county IS 'County-level division (县级行政区), e.g. 镇海区';
COMMENT ON COLUMN dim_agency.township IS 'Township-level division (乡级行政区), e.g. 力洋镇; NULL above township level';
COMMENT ON COLUMN dim_agency.division_code IS 'GB/T 2260 code of the lowest division resolved (行政区划代码), e.g. 330211';
COMMENT ON COLUMN dim_agency.admin_level IS 'Administrative level of the agency (行政级别): province, prefecture, county or township; national for central organs (国务院部门)';
COMMENT ON COLUMN dim_agency.agency_kind IS 'government (人民政府, 街道办事处, 管委会 …) or department (局, 委, 办, 中心 …)';
COMMENT ON COLUMN dim_agency.department IS 'Department part of the name for departments (部门), e.g. 统计局; NULL for governments';
