// A report that cites a document dated after the report itself.
MATCH (r:Document {hasText: true})-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(d:Document)
WHERE r.issuedOn IS NOT NULL AND coalesce(c.issuedOn, d.issuedOn) > r.issuedOn
  AND ($keys IS NULL OR d.key IN $keys OR r.key IN $keys)
RETURN r {.key, .symbol, .name, .issuedOn, .hasText, .type} AS report, d {.key, .symbol, .name, .issuedOn, .hasText, .type} AS doc, collect(c {.quote, .start, .end, .text, .issuedOn, ocr: coalesce(c.ocr, false), sha256: c.source, path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]}) AS mentions
