// The report without a source left becomes citation-only (or goes, if nothing cites it); cited-only
// documents nothing refers to any more go.
MATCH (d:Document) WHERE d.key IN $keys
OPTIONAL MATCH (s:SourceFile)-[:OF]->(d)
WITH d, count(s) AS sources
WHERE sources = 0
// Only a report that loses its last source loses its text; a document known by citation keeps its search text.
SET d.searchText = CASE WHEN d.hasText THEN coalesce(d.symbol, '') + ' ' + coalesce(d.title, '') ELSE d.searchText END,
    d.hasText = false
WITH d
WHERE NOT EXISTS { MATCH (:Citation)-[:REFERS_TO]->(d) } AND NOT EXISTS { MATCH (:Document)-[]->(d) }
DETACH DELETE d
