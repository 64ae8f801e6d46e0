// A report citing a document that another had replaced or repealed before the report's date. Primary role:
// the document cited; on one document's page ($everyRole) also the report and the one that replaced it.
CALL (d) {
  MATCH (r:Document)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(d)<-[x:REPLACES|REPEALS]-(n:Document)
  RETURN r, c, d AS cited, x, n
  UNION
  WITH d WHERE $everyRole
  MATCH (d)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(cited:Document)<-[x:REPLACES|REPEALS]-(n:Document)
  RETURN d AS r, c, cited, x, n
  UNION
  WITH d WHERE $everyRole
  MATCH (d)-[x:REPLACES|REPEALS]->(cited:Document)<-[:REFERS_TO]-(c:Citation)<-[:HAS_CITATION]-(r:Document)
  RETURN r, c, cited, x, d AS n
}
WITH d, r, c, cited, x, n
WHERE r <> n AND r.issuedOn IS NOT NULL AND n.issuedOn IS NOT NULL AND n.issuedOn < r.issuedOn
WITH d, r, cited, n, type(x) AS how, collect(c) AS cs
RETURN d.key AS anchor, r {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (r)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS report, cited {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (cited)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, n {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (n)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS by, how, [c IN cs | c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s_:SourceFile {sha256: c.source}) RETURN s_.path }[0]}] AS mentions
