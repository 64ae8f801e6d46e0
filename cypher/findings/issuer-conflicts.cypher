// audit/issuer-conflicts for one document ($key): its first five mentions, projected after the slice.
MATCH (d:Document {key: $key})-[:ISSUED_BY]->(o:Organization)
WITH d, collect(o {.key, .name, .level, .kind}) AS issuers
WHERE size(issuers) > 1
OPTIONAL MATCH (c:Citation)-[:REFERS_TO]->(d)
WITH d, issuers, collect(c)[0..5] AS cs
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, issuers, [c IN cs | c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]}] AS mentions
