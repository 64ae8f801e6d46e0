// A report citing a document that another had replaced or repealed before the report's date.
MATCH (r:Document)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(d:Document)<-[x:REPLACES|REPEALS]-(n:Document)
WHERE r <> n AND r.issuedOn IS NOT NULL AND n.issuedOn IS NOT NULL AND n.issuedOn < r.issuedOn
  AND ($keys IS NULL OR d.key IN $keys OR r.key IN $keys)
RETURN r {.key, .symbol, .name, .issuedOn, .hasText, .type} AS report, d {.key, .symbol, .name, .issuedOn, .hasText, .type} AS doc, n {.key, .symbol, .name, .issuedOn, .hasText, .type} AS by, type(x) AS how, collect(c {.quote, .start, .end, .text, .issuedOn, ocr: coalesce(c.ocr, false), sha256: c.source, path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]}) AS mentions
