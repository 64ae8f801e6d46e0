// Each symbol, for the extraction's judgement of its codes (UNKNOWN_CODE, MALFORMED_SYMBOL: the last word is
// TypeScript's). One role: the document.
WITH d WHERE d.symbol IS NOT NULL
// The first three mentions in file order, projected after the slice (a decree cited thousands of times
// projects three).
WITH d, COLLECT { MATCH (c:Citation)-[:REFERS_TO]->(d) RETURN c ORDER BY c.source, c.start LIMIT 3 } AS cs
RETURN d.key AS anchor, d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, [c IN cs | c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s_:SourceFile {sha256: c.source}) RETURN s_.path }[0]}] AS mentions
