// One report ingested from several files: shown merged, with every source named.
MATCH (s:SourceFile)-[:OF]->(d:Document)
WHERE $keys IS NULL OR d.key IN $keys
WITH d, collect(s {.path, .sha256, .format}) AS sources
WHERE size(sources) > 1
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, sources
