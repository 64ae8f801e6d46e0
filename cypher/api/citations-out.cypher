// What a document cites: one edge per citation, in key order, keyset-paginated.
MATCH (d:Document {key: $key})-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(t:Document)
WHERE $after IS NULL OR c.key > $after
RETURN c {.*} AS citation, t {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc
ORDER BY c.key
LIMIT $limit
