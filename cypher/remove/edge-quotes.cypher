// After a source's Citations go: each edge of the report to what it named that another copy still asserts
// keeps a sentence of a copy still here: each copy's first Citation of that relation, of those the longer,
// then the smaller (as ingest/write-source chooses while copies come in).
MATCH (rep:Document {key: $report})-[e]->(x:Document)
WHERE x.key IN $keys AND e.quote IS NOT NULL
CALL (rep, e, x) {
  MATCH (rep)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(x)
  WHERE c.relation = type(e)
  WITH c ORDER BY c.start
  WITH c.source AS source, collect(c.quote)[0] AS first
  RETURN reduce(b = null, q IN collect(first) |
           CASE WHEN q IS NULL OR (b IS NOT NULL AND (size(q) < size(b) OR (size(q) = size(b) AND q >= b))) THEN b ELSE q END) AS quote
}
WITH e, quote WHERE quote IS NOT NULL AND quote <> e.quote
SET e.quote = quote
