MATCH (d:Document {number: $number, type: $type})
OPTIONAL MATCH (c:Citation)-[:REFERS_TO]->(d)
WITH d, count(c) AS cited
RETURN d {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc, cited
ORDER BY d.hasText DESC, cited DESC, d.key
LIMIT 20
