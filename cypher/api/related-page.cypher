// One page of one group of the lược đồ (issue 14): the documents `relation` links to this one in
// `direction`, newest first (then by key), keyset-paginated; each with every mention that supports the link
// counted once, and at most five of them to quote with where they are. A mention supports a link `a -rel-> b`
// when it is a's own Citation of b with that relation, or a Citation of a whose facts say `rel>b` (a report
// telling what a cited document does to another: ingest/write-source).
// The relation types written out (RELATIONS, extract/types.ts): a decree cited by thousands has as many
// REFERS_TO from Citations; an untyped expansion reads them all (2 s at 100,000 reports), a typed one skips them.
MATCH (d:Document {key: $key})
CALL (d) {
  MATCH (d)-[r:RESPONDS_TO|REPORTS_ON|AMENDS|REPLACES|REPEALS|GUIDES|IMPLEMENTS|BASED_ON|CITES]->(t:Document)
  WHERE $direction = 'OUT' AND type(r) = $relation
  RETURN r, t, d AS a, t AS b
  UNION
  MATCH (t:Document)-[r:RESPONDS_TO|REPORTS_ON|AMENDS|REPLACES|REPEALS|GUIDES|IMPLEMENTS|BASED_ON|CITES]->(d)
  WHERE $direction = 'IN' AND type(r) = $relation
  RETURN r, t, t AS a, d AS b
}
WITH r, t, a, b, coalesce(t.issuedOn, '') AS issued
WHERE $afterKey IS NULL OR issued < $afterOn OR (issued = $afterOn AND t.key > $afterKey)
ORDER BY issued DESC, t.key
LIMIT $limit
CALL (r, a, b) {
  CALL (r, a, b) {
    MATCH (a)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(b)
    WHERE c.relation = type(r)
    RETURN c
    UNION
    MATCH (c:Citation)-[:REFERS_TO]->(a)
    WHERE (type(r) + '>' + b.key) IN coalesce(c.facts, [])
    RETURN c
  }
  WITH c
  ORDER BY c.source, c.start
  RETURN count(c) AS mentions, collect(c)[0..5] AS cs
}
RETURN issued, t {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc, mentions,
       coalesce(r.inferred, false) AS inferred,
       CASE WHEN size(cs) = 0 AND r.quote IS NOT NULL
         THEN [{text: r.quote, sha256: null, path: null, start: null, end: null, ocr: false}]
         ELSE [c IN cs | c {text: c.quote, sha256: c.source, .start, .end, ocr: coalesce(c.ocr, false),
                            path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]}]
       END AS quotes
ORDER BY issued DESC, doc.key
