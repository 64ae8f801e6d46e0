// Documents with any of the symbols (as written, then with its separators swapped), the best-known first:
// own text, then most cited; a date or year given keeps out the documents of another. Who issued each
// comes along, for the issuer a reference names to decide (see src/graph/refs.ts).
UNWIND $symbols AS symbol
MATCH (d:Document {symbol: symbol})
WHERE ($issuedOn IS NULL OR d.issuedOn IS NULL OR d.issuedOn = $issuedOn)
  AND ($year IS NULL OR d.year IS NULL OR d.year = $year OR d.symbol CONTAINS ('/' + toString($year) + '/'))
// How often it is cited: its REFERS_TO degree (every REFERS_TO comes from a Citation), which the store
// keeps for a dense node, not a read of each of a decree's thousands of Citations.
WITH d, COUNT { (d)<-[:REFERS_TO]-() } AS cited
RETURN d {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc, cited,
       [(d)-[:ISSUED_BY]->(o:Organization) | o.key] AS issuers,
       // The one the API shows (the first by key, as issuers-by-keys gives it): a look-up and its issuer in one query.
       COLLECT { MATCH (d)-[:ISSUED_BY]->(o:Organization) RETURN o {.key, .name, .shortName, .level, .kind} AS o ORDER BY o.key LIMIT 1 }[0] AS issuer
ORDER BY d.hasText DESC, cited DESC, d.key
LIMIT 50
