// One report ingested from several files: shown merged, with every source named. One role: the report.
MATCH (s:SourceFile)-[:OF]->(d)
WITH d, collect(s {.path, .sha256, .format}) AS sources
WHERE size(sources) > 1
RETURN d.key AS anchor, d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, sources
