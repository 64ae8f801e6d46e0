// audit/date-conflicts for one document ($key). Dates are counted first; mentions are projected only where
// the document is cited with more than one date or against its own header (the finding's condition).
MATCH (d:Document {key: $key})<-[:REFERS_TO]-(c:Citation)
WHERE c.issuedOn IS NOT NULL
WITH d, c.issuedOn AS on, collect(c) AS cs
// Dates in order, so that the message and the params are the same however the rows were found.
ORDER BY on
WITH d, collect({on: on, cs: cs}) AS dates
WHERE size(dates) > 1 OR (d.hasText AND d.issuedOn IS NOT NULL AND any(x IN dates WHERE x.on <> d.issuedOn))
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc,
       [x IN dates | {on: x.on, count: size(x.cs), mentions: [c IN x.cs | c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]}]}] AS dates
