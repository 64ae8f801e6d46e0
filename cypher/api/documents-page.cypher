// Keyset pagination on the key: a deep page costs what the first does.
MATCH (d:Document)
WHERE ($after IS NULL OR d.key > $after)
  AND ($type IS NULL OR d.type = $type)
  AND ($year IS NULL OR d.year = $year)
  AND ($hasText IS NULL OR d.hasText = $hasText)
  AND ($issuer IS NULL OR EXISTS { MATCH (d)-[:ISSUED_BY]->(:Organization {key: $issuer}) })
RETURN d {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc
ORDER BY d.key
LIMIT $limit
