// audit/expired for one document ($key), as the one that carries out or as the one expired.
CALL () {
  MATCH (r:Document)-[e:IMPLEMENTS|BASED_ON|REPORTS_ON]->(d:Document {key: $key})<-[:DESCRIBES]-(row:RegistryRow {inForce: 'expired'})
  RETURN r, e, d, row
  UNION
  MATCH (r:Document {key: $key})-[e:IMPLEMENTS|BASED_ON|REPORTS_ON]->(d:Document)<-[:DESCRIBES]-(row:RegistryRow {inForce: 'expired'})
  RETURN r, e, d, row
}
WITH r, e, d, row WHERE r <> d
MATCH (g:Registry)-[:HAS_ROW]->(row)
WITH r, d, type(e) AS how, collect(DISTINCT {path: g.path, row: row.row, text: row.inForceText}) AS rows
RETURN r {.key, .symbol, .name, .issuedOn, .hasText, .type} AS report, d {.key, .symbol, .name, .issuedOn, .hasText, .type} AS doc,
       how, rows,
       COLLECT { MATCH (r)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(d)
                 RETURN c {.quote, .start, .end, .text, .issuedOn, ocr: coalesce(c.ocr, false), sha256: c.source, path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]} } AS mentions
ORDER BY r.key, d.key, how
