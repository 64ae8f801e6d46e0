// Who cites a document: the citing reports, one edge per citation.
MATCH (t:Document {key: $key})<-[:REFERS_TO]-(c:Citation)<-[:HAS_CITATION]-(d:Document)
WHERE $after IS NULL OR c.key > $after
RETURN c {.*} AS citation, d {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc
ORDER BY c.key
LIMIT $limit
