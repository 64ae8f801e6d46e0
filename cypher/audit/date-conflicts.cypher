// One document cited with different dates, within or across reports; its own header, if ingested, counts
// most. One role: the document cited. Dates are counted first; mentions are projected only where the
// finding's condition holds.
MATCH (d)<-[:REFERS_TO]-(c:Citation)
WHERE c.issuedOn IS NOT NULL
WITH d, c.issuedOn AS on, collect(c) AS cs
// Dates in order, so that the message and the params are the same however the rows were found.
ORDER BY on
WITH d, collect({on: on, cs: cs}) AS dates
WHERE size(dates) > 1 OR (d.hasText AND d.issuedOn IS NOT NULL AND any(x IN dates WHERE x.on <> d.issuedOn))
// The date the check will propose (graph/audit.ts proposedDate, which has the last word: the document's own
// header if its text is held, else the one date most mentions give) is shown by no mention, so its mentions
// are not projected: a hub cited thousands of times, right but for a few, projects the few.
WITH d, dates, reduce(m = 0, x IN dates | CASE WHEN size(x.cs) > m THEN size(x.cs) ELSE m END) AS top
WITH d, dates, CASE
    WHEN d.hasText = true AND d.issuedOn IS NOT NULL THEN d.issuedOn
    WHEN size([x IN dates WHERE size(x.cs) = top]) = 1 THEN [x IN dates WHERE size(x.cs) = top][0].on
  END AS likely
RETURN d.key AS anchor, d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc,
       [x IN dates | {on: x.on, count: size(x.cs), mentions: CASE WHEN x.on = likely THEN [] ELSE [c IN x.cs | c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s_:SourceFile {sha256: c.source}) RETURN s_.path }[0]}] END}] AS dates
