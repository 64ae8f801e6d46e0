// audit/dangling for one document ($key): the same rows, found from the document, not from a scan. The
// first three mentions are projected after the slice, so a hub cited thousands of times projects three.
MATCH (d:Document {key: $key})
WHERE d.hasText = false AND NOT EXISTS { (:RegistryRow)-[:DESCRIBES]->(d) }
MATCH (c:Citation)-[:REFERS_TO]->(d)
MATCH (r:Document)-[:HAS_CITATION]->(c)
WITH d, count(DISTINCT r) AS citers
// The same three mentions however the rows were found: in file order.
WITH d, citers, COLLECT { MATCH (c:Citation)-[:REFERS_TO]->(d) RETURN c ORDER BY c.source, c.start LIMIT 3 } AS cs
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, citers, [c IN cs | c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]}] AS mentions
