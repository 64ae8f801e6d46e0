// After a register's Citations go: each edge of a document it described that another source still
// asserts keeps a sentence of a source still here (as remove/edge-quotes chooses for one report).
UNWIND $docs AS key
MATCH (rep:Document {key: key})-[e]->(x:Document)
WHERE e.quote IS NOT NULL
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
