// audit/number-year for one document ($key).
MATCH (d:Document {key: $key})<-[:REFERS_TO]-(c:Citation)
WHERE d.symbol =~ '\\d+/\\d{4}/.*' AND c.issuedOn IS NOT NULL AND substring(c.issuedOn, 0, 4) <> split(d.symbol, '/')[1]
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, collect(c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]}) AS mentions
