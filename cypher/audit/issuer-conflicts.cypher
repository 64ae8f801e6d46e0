// One document given several issuers; whether they can be one body is the check's (graph/audit.ts). One
// role: the document.
WITH d WHERE COUNT { (d)-[:ISSUED_BY]->(:Organization) } > 1
// Issuers and mentions in a stable order: the message lists the issuers, the finding shows the first five mentions.
WITH d, COLLECT { MATCH (d)-[:ISSUED_BY]->(o:Organization) RETURN o {.key, .name, .level, .kind} ORDER BY o.name, o.key } AS issuers,
     COLLECT { MATCH (c:Citation)-[:REFERS_TO]->(d) RETURN c ORDER BY c.source, c.start LIMIT 5 } AS cs
RETURN d.key AS anchor, d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, issuers, [c IN cs | c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s_:SourceFile {sha256: c.source}) RETURN s_.path }[0]}] AS mentions
