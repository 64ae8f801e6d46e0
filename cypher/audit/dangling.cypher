// Cited, never ingested: normal, and gone when the document's own text arrives.
MATCH (d:Document {hasText: false})
WHERE $keys IS NULL OR d.key IN $keys
MATCH (c:Citation)-[:REFERS_TO]->(d)
MATCH (r:Document)-[:HAS_CITATION]->(c)
WITH d, count(DISTINCT r) AS citers, collect(c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]})[0..3] AS mentions
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, citers, mentions
ORDER BY citers DESC, d.key
