// audit/cited-before-issued for one document ($key), as the report or as the document cited.
CALL () {
  MATCH (r:Document {hasText: true})-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(d:Document {key: $key})
  RETURN r, c, d
  UNION
  MATCH (r:Document {key: $key})-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(d:Document)
  WHERE r.hasText = true
  RETURN r, c, d
}
WITH r, c, d WHERE r.issuedOn IS NOT NULL AND coalesce(c.issuedOn, d.issuedOn) > r.issuedOn
RETURN r {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (r)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS report, d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, collect(c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]}) AS mentions
