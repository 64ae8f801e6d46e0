// Before a source's Citations go: a report edge it shares with another source of the same report is
// inferred only if every mention left is an inferred link.
MATCH (:SourceFile {sha256: $sha})-[:OF]->(rep:Document)
MATCH (rep)-[:HAS_CITATION]->(c:Citation {source: $sha})-[:REFERS_TO]->(x:Document)
WITH DISTINCT rep, x, c.relation AS rel
MATCH (rep)-[e:$(rel)]->(x)
WITH e, [(rep)-[:HAS_CITATION]->(o:Citation)-[:REFERS_TO]->(x) WHERE o.source <> $sha AND o.relation = rel | coalesce(o.inferred, false)] AS others
WHERE size(others) > 0
SET e.inferred = CASE WHEN all(i IN others WHERE i) THEN true END
