// The report without a source left becomes citation-only (or goes, if nothing cites it nor a register
// describes it); cited-only
// documents nothing refers to any more go. What those that stay show, their search text included, is
// settled from the evidence left (ingest/settle-documents), as a fresh ingest of the other sources gives it.
// The keys that went: one written again is a new node, to be settled whatever its evidence.
MATCH (d:Document) WHERE d.key IN $keys
OPTIONAL MATCH (s:SourceFile)-[:OF]->(d)
WITH d, count(s) AS sources
WHERE sources = 0
  AND NOT EXISTS { MATCH (:Citation)-[:REFERS_TO]->(d) } AND NOT EXISTS { MATCH (:Document)-[]->(d) }
  AND NOT EXISTS { MATCH (:RegistryRow)-[:DESCRIBES]->(d) }
WITH d, d.key AS key
DETACH DELETE d
RETURN key
