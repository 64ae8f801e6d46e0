// Links made by inference (DESIGN §3): a mention with no date joined to the one document of its symbol and
// issuer the graph knows, for a person to confirm (Party numbers restart each term). A mention of the same
// document that the report dates confirms it. Primary role: the document cited; on one document's page
// ($everyRole) also the report.
CALL (d) {
  MATCH (r:Document)-[:HAS_CITATION]->(c:Citation {inferred: true})-[:REFERS_TO]->(d)
  RETURN r, c, d AS x
  UNION
  WITH d WHERE $everyRole
  MATCH (d)-[:HAS_CITATION]->(c:Citation {inferred: true})-[:REFERS_TO]->(x:Document)
  RETURN d AS r, c, x
}
WITH d, r, c, x WHERE NOT EXISTS { MATCH (r)-[:HAS_CITATION]->(o:Citation)-[:REFERS_TO]->(x) WHERE o.inferred IS NULL }
RETURN d.key AS anchor, r {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (r)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS report, x {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (x)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc, c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s_:SourceFile {sha256: c.source}) RETURN s_.path }[0]} AS mention
ORDER BY doc.key, report.key, mention.start
