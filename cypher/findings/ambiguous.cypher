// audit/ambiguous for one document ($key), the one the mention was joined to. Its page leaves out the findings
// that list it as one alternative among others: a number hundreds of units use (1-CT/TU) would put every
// ambiguous mention of any of them on each one's page (864 findings, 13 s at 100,000 reports).
MATCH (d:Document {key: $key})
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
