// A mention whose issuer or year the text does not give, where the graph holds several documents it may
// mean; and a mention by number alone (`Nghị định số 34`, no symbol), with the documents of that type
// and number, however the number is written. One role: the document the mention was joined to. Its page
// leaves out the findings that list it as one alternative among others: a number hundreds of units use
// (1-CT/TU) would put every ambiguous mention of any of them on each one's page.
WITH d WHERE EXISTS { (:Citation {ambiguous: true})-[:REFERS_TO]->(d) }
// The alternatives once per document, not once per mention: a hub is mentioned thousands of times.
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
WITH d, other ORDER BY other.key
WITH d, collect(DISTINCT other) AS others
// The first ten by key, and how many: 1-CT/TU is the number of hundreds of units, and each of their mentions
// listing all the others made a scan's page of 40 findings read 10 s at 100,000 reports.
WITH d, others[..10] AS shown, size(others) AS alternativesCount
MATCH (:Document)-[:HAS_CITATION]->(c:Citation {ambiguous: true})-[:REFERS_TO]->(d)
WITH d, shown, alternativesCount, collect(c) AS cs
RETURN d.key AS anchor, d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, [c IN cs | c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s_:SourceFile {sha256: c.source}) RETURN s_.path }[0]}] AS mentions, [o IN shown | o {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (o)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]}] AS alternatives, alternativesCount
