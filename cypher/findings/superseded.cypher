// audit/superseded for one document ($key): as the report, the document cited, or the one that replaced it.
CALL () {
  MATCH (r:Document {key: $key})-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(d:Document)<-[x:REPLACES|REPEALS]-(n:Document)
  RETURN r, c, d, x, n
  UNION
  MATCH (r:Document)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(d:Document {key: $key})<-[x:REPLACES|REPEALS]-(n:Document)
  RETURN r, c, d, x, n
  UNION
  MATCH (n:Document {key: $key})-[x:REPLACES|REPEALS]->(d:Document)<-[:REFERS_TO]-(c:Citation)<-[:HAS_CITATION]-(r:Document)
  RETURN r, c, d, x, n
}
WITH r, c, d, x, n WHERE r <> n AND r.issuedOn IS NOT NULL AND n.issuedOn IS NOT NULL AND n.issuedOn < r.issuedOn
RETURN r {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (r)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS report, d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, n {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (n)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS by, type(x) AS how, collect(c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]}) AS mentions
