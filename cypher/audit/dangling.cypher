// Cited, never ingested: normal, and gone when the document's own text arrives or a register describes it
// (issue 16: its identity, date and title are then known without its text). One role: the document cited.
WITH d WHERE d.hasText = false AND NOT EXISTS { (:RegistryRow)-[:DESCRIBES]->(d) }
MATCH (c:Citation)-[:REFERS_TO]->(d)
MATCH (r:Document)-[:HAS_CITATION]->(c)
WITH d, count(DISTINCT r) AS citers
// The first three mentions in file order, projected after the slice (a decree cited thousands of times
// projects three).
WITH d, citers, COLLECT { MATCH (c:Citation)-[:REFERS_TO]->(d) RETURN c ORDER BY c.source, c.start LIMIT 3 } AS cs
RETURN d.key AS anchor, d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, citers, [c IN cs | c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s_:SourceFile {sha256: c.source}) RETURN s_.path }[0]}] AS mentions
