-- Uploaded files get a thumbnail when they are images; imported resources
-- remember the identifier of the record they came from, so that importing
-- the same file again updates them instead of adding copies.

-- Generated name of the thumbnail (a JPEG or PNG) under the data folder.
ALTER TABLE resource_files ADD COLUMN thumbnail TEXT;

-- The IRI of the imported record (schema.org/LRMI `id`), or the seed id.
ALTER TABLE resources ADD COLUMN source_uri TEXT;
CREATE UNIQUE INDEX resources_source_uri ON resources (source_uri);
