MATCH (d:Document) WHERE d.symbol IS NOT NULL AND ($keys IS NULL OR d.key IN $keys)
OPTIONAL MATCH (c:Citation)-[:REFERS_TO]->(d)
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type} AS doc, collect(c {.quote, .start, .end, .text, .issuedOn, ocr: coalesce(c.ocr, false), sha256: c.source, path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]})[0..3] AS mentions
