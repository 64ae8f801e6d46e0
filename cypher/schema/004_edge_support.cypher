// Who supports an edge moves from a list on the edge (rewritten by every report citing a much-cited
// document) to the asserting source's own Citations and SourceFile: `issuer` and `facts` on a Citation,
// `issuer` on a SourceFile; a report's edge keeps the sentence that asserts it (`quote`). Graphs written
// before keep their meaning.
MATCH (s:SourceFile)-[:OF]->(:Document)-[r:ISSUED_BY]->(o:Organization)
WHERE s.sha256 IN coalesce(r.sources, [])
SET s.issuer = o.key;
MATCH (c:Citation)-[:REFERS_TO]->(:Document)-[r:ISSUED_BY]->(o:Organization)
WHERE c.source IN coalesce(r.sources, [])
SET c.issuer = o.key;
MATCH (rep:Document)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(x:Document)-[r]->(y:Document)
WHERE x <> rep AND c.source IN coalesce(r.sources, [])
WITH c, collect(DISTINCT type(r) + '>' + y.key) AS facts
SET c.facts = facts;
MATCH (rep:Document)-[r]->(x:Document)
WHERE r.quote IS NULL
WITH rep, r, x, [(rep)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(x) WHERE c.relation = type(r) | c.quote][0] AS quote
WHERE quote IS NOT NULL
SET r.quote = quote;
MATCH ()-[r]->() WHERE r.sources IS NOT NULL
REMOVE r.sources;
