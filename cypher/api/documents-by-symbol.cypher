// Documents with a symbol, the best-known first: own text, then most cited.
MATCH (d:Document {symbol: $symbol})
WHERE $issuedOn IS NULL OR d.issuedOn IS NULL OR d.issuedOn = $issuedOn
OPTIONAL MATCH (c:Citation)-[:REFERS_TO]->(d)
WITH d, count(c) AS cited
RETURN d {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc, cited
ORDER BY d.hasText DESC, cited DESC, d.key
LIMIT 20
