// The identities behind every MERGE of the ingest (DESIGN §3).
CREATE CONSTRAINT document_key IF NOT EXISTS FOR (d:Document) REQUIRE d.key IS UNIQUE;
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (o:Organization) REQUIRE o.key IS UNIQUE;
CREATE CONSTRAINT area_key IF NOT EXISTS FOR (a:Area) REQUIRE a.key IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (p:Person) REQUIRE p.key IS UNIQUE;
CREATE CONSTRAINT source_sha IF NOT EXISTS FOR (s:SourceFile) REQUIRE s.sha256 IS UNIQUE;
CREATE CONSTRAINT citation_key IF NOT EXISTS FOR (c:Citation) REQUIRE c.key IS UNIQUE;

// Look-ups by the parts of a number people type.
CREATE INDEX document_symbol IF NOT EXISTS FOR (d:Document) ON (d.symbol);
CREATE INDEX document_number_type IF NOT EXISTS FOR (d:Document) ON (d.number, d.type);
CREATE INDEX document_issued_on IF NOT EXISTS FOR (d:Document) ON (d.issuedOn);
CREATE INDEX organization_level IF NOT EXISTS FOR (o:Organization) ON (o.level);
