MATCH (d:Document) WHERE d.symbol IS NOT NULL AND ($keys IS NULL OR d.key IN $keys)
// The first three mentions, projected after the slice (a decree cited thousands of times projects three).
// The same three mentions however the rows were found: in file order.
WITH d, COLLECT { MATCH (c:Citation)-[:REFERS_TO]->(d) RETURN c ORDER BY c.source, c.start LIMIT 3 } AS cs
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, [c IN cs | c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]}] AS mentions
