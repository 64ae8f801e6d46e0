// A year in the number (04/2015/NĐ-CP) that the date given for it contradicts.
MATCH (d:Document)<-[:REFERS_TO]-(c:Citation)
WHERE d.symbol =~ '\\d+/\\d{4}/.*' AND c.issuedOn IS NOT NULL AND substring(c.issuedOn, 0, 4) <> split(d.symbol, '/')[1]
  AND ($keys IS NULL OR d.key IN $keys)
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type} AS doc, collect(c {.quote, .start, .end, .text, .issuedOn, ocr: coalesce(c.ocr, false), sha256: c.source, path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]}) AS mentions
