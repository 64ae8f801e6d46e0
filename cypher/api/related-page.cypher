// One page of one group of the lược đồ (issue 14): the documents `relation` links to this one in
// `direction`, newest first (then by key), keyset-paginated; each with every mention that supports the link
// counted once, and at most five of them to quote with where they are. A mention supports a link `a -rel-> b`
// when it is a's own Citation of b with that relation, or a Citation of a whose facts say `rel>b` (a report
// telling what a cited document does to another: ingest/write-source).
// One branch per relation and direction, each expanding its one type: the parameters rule out every branch
// but one before it reads anything, and a decree cited by thousands is read only through the edges of the
// group asked for (an expansion of all nine types read the other groups' edges too, and an untyped one its
// REFERS_TO from Citations). Every relation written out (RELATIONS, extract/types.ts;
// test/unit/cypher-relations.test.ts checks it).
MATCH (d:Document {key: $key})
CALL (d) {
  MATCH (d)-[r:RESPONDS_TO]->(t:Document) WHERE $relation = 'RESPONDS_TO' AND $direction = 'OUT' RETURN r, t
  UNION ALL
  MATCH (d)<-[r:RESPONDS_TO]-(t:Document) WHERE $relation = 'RESPONDS_TO' AND $direction = 'IN' RETURN r, t
  UNION ALL
  MATCH (d)-[r:REPORTS_ON]->(t:Document) WHERE $relation = 'REPORTS_ON' AND $direction = 'OUT' RETURN r, t
  UNION ALL
  MATCH (d)<-[r:REPORTS_ON]-(t:Document) WHERE $relation = 'REPORTS_ON' AND $direction = 'IN' RETURN r, t
  UNION ALL
  MATCH (d)-[r:AMENDS]->(t:Document) WHERE $relation = 'AMENDS' AND $direction = 'OUT' RETURN r, t
  UNION ALL
  MATCH (d)<-[r:AMENDS]-(t:Document) WHERE $relation = 'AMENDS' AND $direction = 'IN' RETURN r, t
  UNION ALL
  MATCH (d)-[r:REPLACES]->(t:Document) WHERE $relation = 'REPLACES' AND $direction = 'OUT' RETURN r, t
  UNION ALL
  MATCH (d)<-[r:REPLACES]-(t:Document) WHERE $relation = 'REPLACES' AND $direction = 'IN' RETURN r, t
  UNION ALL
  MATCH (d)-[r:REPEALS]->(t:Document) WHERE $relation = 'REPEALS' AND $direction = 'OUT' RETURN r, t
  UNION ALL
  MATCH (d)<-[r:REPEALS]-(t:Document) WHERE $relation = 'REPEALS' AND $direction = 'IN' RETURN r, t
  UNION ALL
  MATCH (d)-[r:GUIDES]->(t:Document) WHERE $relation = 'GUIDES' AND $direction = 'OUT' RETURN r, t
  UNION ALL
  MATCH (d)<-[r:GUIDES]-(t:Document) WHERE $relation = 'GUIDES' AND $direction = 'IN' RETURN r, t
  UNION ALL
  MATCH (d)-[r:IMPLEMENTS]->(t:Document) WHERE $relation = 'IMPLEMENTS' AND $direction = 'OUT' RETURN r, t
  UNION ALL
  MATCH (d)<-[r:IMPLEMENTS]-(t:Document) WHERE $relation = 'IMPLEMENTS' AND $direction = 'IN' RETURN r, t
  UNION ALL
  MATCH (d)-[r:BASED_ON]->(t:Document) WHERE $relation = 'BASED_ON' AND $direction = 'OUT' RETURN r, t
  UNION ALL
  MATCH (d)<-[r:BASED_ON]-(t:Document) WHERE $relation = 'BASED_ON' AND $direction = 'IN' RETURN r, t
  UNION ALL
  MATCH (d)-[r:CITES]->(t:Document) WHERE $relation = 'CITES' AND $direction = 'OUT' RETURN r, t
  UNION ALL
  MATCH (d)<-[r:CITES]-(t:Document) WHERE $relation = 'CITES' AND $direction = 'IN' RETURN r, t
}
WITH d, r, t, coalesce(t.issuedOn, '') AS issued
WHERE $afterKey IS NULL OR issued < $afterOn OR (issued = $afterOn AND t.key > $afterKey)
ORDER BY issued DESC, t.key
LIMIT $limit
WITH d, r, t, issued, CASE $direction WHEN 'OUT' THEN d ELSE t END AS a, CASE $direction WHEN 'OUT' THEN t ELSE d END AS b
CALL (r, a, b) {
  // From a's own Citations (tens) to b, never from b's: b may be the decree thousands of Citations refer to.
  CALL (r, a, b) {
    MATCH (a)-[:HAS_CITATION]->(c:Citation)
    WHERE c.relation = type(r) AND EXISTS { (c)-[:REFERS_TO]->(b) }
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
