// One report ingested from several files: shown merged, with every source named.
MATCH (s:SourceFile)-[:OF]->(d:Document)
WHERE $keys IS NULL OR d.key IN $keys
WITH d, collect(s {.path, .sha256, .format}) AS sources
WHERE size(sources) > 1
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type} AS doc, sources
