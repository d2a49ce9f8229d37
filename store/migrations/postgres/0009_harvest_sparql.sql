-- A fourth kind of harvest source: another Archipel instance harvested
-- through its SPARQL endpoint. The column's CHECK constraint has the name
-- PostgreSQL generated for it (table_column_check).
ALTER TABLE harvest_sources DROP CONSTRAINT harvest_sources_kind_check;
ALTER TABLE harvest_sources ADD CONSTRAINT harvest_sources_kind_check
    CHECK (kind IN ('rdf-dump', 'archipel', 'oai-pmh', 'archipel-sparql'));
