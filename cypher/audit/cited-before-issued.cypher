// A report that cites a document dated after the report itself. Primary role: the document cited; on
// one document's page ($everyRole) also the report.
CALL (d) {
  MATCH (r:Document {hasText: true})-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(d)
  WHERE r.issuedOn IS NOT NULL AND coalesce(c.issuedOn, d.issuedOn) > r.issuedOn
  RETURN r, c, d AS x
  UNION
  WITH d WHERE $everyRole AND d.hasText = true AND d.issuedOn IS NOT NULL
  MATCH (d)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(x:Document)
  WHERE coalesce(c.issuedOn, x.issuedOn) > d.issuedOn
  RETURN d AS r, c, x
}
WITH d, r, x, collect(c) AS cs
RETURN d.key AS anchor, r {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (r)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS report, x {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (x)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, [c IN cs | c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s_:SourceFile {sha256: c.source}) RETURN s_.path }[0]}] AS mentions
