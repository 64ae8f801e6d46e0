// A year in the number (04/2015/NĐ-CP) that the date given for it contradicts. One role: the document cited.
WITH d WHERE d.symbol =~ '\\d+/\\d{4}/.*'
MATCH (d)<-[:REFERS_TO]-(c:Citation)
WHERE c.issuedOn IS NOT NULL AND substring(c.issuedOn, 0, 4) <> split(d.symbol, '/')[1]
RETURN d.key AS anchor, d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, collect(c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s_:SourceFile {sha256: c.source}) RETURN s_.path }[0]}) AS mentions
