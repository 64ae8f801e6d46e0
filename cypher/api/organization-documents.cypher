MATCH (o:Organization {key: $key})<-[:ISSUED_BY]-(d:Document)
WHERE $after IS NULL OR d.key > $after
RETURN d {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc
ORDER BY d.key
LIMIT $limit
