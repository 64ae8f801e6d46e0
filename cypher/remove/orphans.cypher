// The report without a source left becomes citation-only (or goes, if nothing cites it); cited-only
// documents nothing refers to any more go.
MATCH (d:Document) WHERE d.key IN $keys
OPTIONAL MATCH (s:SourceFile)-[:OF]->(d)
WITH d, count(s) AS sources
WHERE sources = 0
SET d.hasText = false, d.searchText = coalesce(d.symbol, '') + ' ' + coalesce(d.title, '')
WITH d
WHERE NOT EXISTS { MATCH (:Citation)-[:REFERS_TO]->(d) } AND NOT EXISTS { MATCH (:Document)-[]->(d) }
DETACH DELETE d
