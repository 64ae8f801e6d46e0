// One document cited with different dates, within or across reports; its own header, if ingested, counts most.
MATCH (d:Document)<-[:REFERS_TO]-(c:Citation)
WHERE c.issuedOn IS NOT NULL AND ($keys IS NULL OR d.key IN $keys)
WITH d, c.issuedOn AS on, collect(c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]}) AS mentions
WITH d, collect({on: on, count: size(mentions), mentions: mentions}) AS dates
WHERE size(dates) > 1 OR (d.hasText AND d.issuedOn IS NOT NULL AND any(x IN dates WHERE x.on <> d.issuedOn))
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, dates
