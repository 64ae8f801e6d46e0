// audit/ambiguous where one document ($key) is the one cited or one of the alternatives: the documents of
// its symbol, and the number-only documents of its type whose number may be its own (5, 05, 005 for 5).
MATCH (x:Document {key: $key})
CALL (x) {
  RETURN x AS d
  UNION
  WITH x WHERE x.symbol IS NOT NULL
  MATCH (d:Document {symbol: x.symbol})
  RETURN d
  UNION
  WITH x WHERE x.symbol IS NOT NULL AND x.number IS NOT NULL
  UNWIND [x.number, toString(toInteger(x.number)), '0' + toString(toInteger(x.number)), '00' + toString(toInteger(x.number)), '000' + toString(toInteger(x.number))] AS n
  MATCH (d:Document {number: n, type: x.type}) WHERE d.symbol IS NULL
  RETURN d
}
WITH DISTINCT d
MATCH (r:Document)-[:HAS_CITATION]->(c:Citation {ambiguous: true})-[:REFERS_TO]->(d)
CALL (d) {
  WITH d WHERE d.symbol IS NOT NULL
  MATCH (other:Document {symbol: d.symbol}) WHERE other <> d
  RETURN other
  UNION
  WITH d WHERE d.symbol IS NULL AND d.number IS NOT NULL
  UNWIND [d.number, toString(toInteger(d.number)), CASE WHEN toInteger(d.number) < 10 THEN '0' + toString(toInteger(d.number)) END] AS n
  MATCH (other:Document {number: n, type: d.type}) WHERE other <> d AND other.symbol IS NOT NULL
  RETURN other
}
WITH r, c, d, collect(DISTINCT other {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (other)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]}) AS alternatives
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]} AS mention, alternatives
