// A document that carries out or is based on one a register says has expired (issue 16), with the
// register's rows as evidence and the report's mentions of it. Primary role: the expired document; on one
// document's page ($everyRole) also the one that carries it out.
CALL (d) {
  MATCH (r:Document)-[e:IMPLEMENTS|BASED_ON|REPORTS_ON]->(d)<-[:DESCRIBES]-(row:RegistryRow {inForce: 'expired'})
  RETURN r, e, d AS x, row
  UNION
  WITH d WHERE $everyRole
  MATCH (d)-[e:IMPLEMENTS|BASED_ON|REPORTS_ON]->(x:Document)<-[:DESCRIBES]-(row:RegistryRow {inForce: 'expired'})
  RETURN d AS r, e, x, row
}
WITH d, r, e, x, row WHERE r <> x
MATCH (g:Registry)-[:HAS_ROW]->(row)
WITH d, r, x, type(e) AS how, collect(DISTINCT {path: g.path, row: row.row, text: row.inForceText}) AS rows
RETURN d.key AS anchor, r {.key, .symbol, .name, .issuedOn, .hasText, .type} AS report,
       x {.key, .symbol, .name, .issuedOn, .hasText, .type} AS doc, how, rows,
       COLLECT { MATCH (r)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(x) RETURN c {.quote, .start, .end, .text, .issuedOn, sha256: c.source, ocr: coalesce(c.ocr, false), path: COLLECT { MATCH (s_:SourceFile {sha256: c.source}) RETURN s_.path }[0]} } AS mentions
ORDER BY report.key, doc.key, how
