// Registers of documents (issue 16): a register is found by its sha256, its rows by their key and by register.
CREATE CONSTRAINT registry_sha IF NOT EXISTS FOR (g:Registry) REQUIRE g.sha256 IS UNIQUE;
CREATE CONSTRAINT registry_row_key IF NOT EXISTS FOR (r:RegistryRow) REQUIRE r.key IS UNIQUE;
CREATE INDEX registry_row_registry IF NOT EXISTS FOR (r:RegistryRow) ON (r.registry);
CREATE INDEX registry_path IF NOT EXISTS FOR (g:Registry) ON (g.path);
