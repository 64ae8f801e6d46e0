// The documents a unit reported on or implemented through its own (issue 14), newest first (then by key),
// keyset-paginated; one row per document however many of the unit's documents name it, with the mentions
// that support it (its documents' Citations of that relation) counted, and at most five quoted.
MATCH (o:Organization {key: $key})<-[:ISSUED_BY]-(own:Document)-[r:REPORTS_ON|IMPLEMENTS]->(t:Document)
WITH t, collect(r) AS rs, collect(DISTINCT own) AS owns, coalesce(t.issuedOn, '') AS issued
WHERE $afterKey IS NULL OR issued < $afterOn OR (issued = $afterOn AND t.key > $afterKey)
ORDER BY issued DESC, t.key
LIMIT $limit
CALL (t, owns) {
  UNWIND owns AS own
  MATCH (own)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(t)
  WHERE c.relation IN ['REPORTS_ON', 'IMPLEMENTS']
  WITH c
  ORDER BY c.source, c.start
  RETURN count(c) AS mentions, collect(c)[0..5] AS cs
}
RETURN issued, t {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc, mentions,
       all(r IN rs WHERE coalesce(r.inferred, false)) AS inferred,
       CASE WHEN size(cs) = 0
         THEN [r IN rs WHERE r.quote IS NOT NULL | {text: r.quote, sha256: null, path: null, start: null, end: null, ocr: false}][0..1]
         ELSE [c IN cs | c {text: c.quote, sha256: c.source, .start, .end, ocr: coalesce(c.ocr, false),
                            path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]}]
       END AS quotes
ORDER BY issued DESC, doc.key
