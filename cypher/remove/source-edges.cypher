// Take the source out of every edge it supported; an edge no source supports any more goes.
MATCH (x:Document) WHERE x.key IN $keys
MATCH (x)-[r]-()
WHERE $sha IN coalesce(r.sources, [])
WITH DISTINCT r
SET r.sources = [s IN r.sources WHERE s <> $sha]
WITH r WHERE size(r.sources) = 0
DELETE r
