COMMENT ON TABLE warehouse_info IS 'What produced this warehouse: parser_version, divisions_source (vintage of the administrative-division data behind dim_agency), generation, committed_at.';
COMMENT ON COLUMN warehouse_info.key IS 'parser_version | divisions_source | generation | committed_at';
COMMENT ON COLUMN warehouse_info.value IS 'the value, as text';
