// What the graph knows for each question a resolution asks (see src/graph/known.ts):
// `place`: the areas of that tier and name whose path reaches their province, each with its chain of names
// (the area first, its province last); `sym`: the keys of the dated documents of one symbol and body.
UNWIND $questions AS q
CALL (q) {
  WITH q WHERE q.kind = 'place'
  // The text index finds the keys that end in the name; the tier and the depth of the path then decide.
  MATCH (a:Area) USING TEXT INDEX a:Area(key)
  WHERE a.key ENDS WITH '/' + q.slug
  WITH q, a WHERE a.tier = q.tier AND size(split(a.key, '/')) = q.depth
  OPTIONAL MATCH (a)-[:IN]->(b:Area)
  OPTIONAL MATCH (b)-[:IN]->(c:Area)
  RETURN collect({key: a.key, names: [x IN [a, b, c] WHERE x IS NOT NULL | {tier: x.tier, name: x.name}]}) AS areas
}
CALL (q) {
  WITH q WHERE q.kind = 'sym'
  // By the key's prefix (symbol and body), not the symbol index: one symbol (1/QĐ-UBND) is shared by
  // every body that numbers alike, and the symbol index read thousands of documents to keep a few.
  MATCH (d:Document) USING INDEX d:Document(key)
  WHERE d.key STARTS WITH q.prefix AND d.symbol = q.symbol AND NOT d.key ENDS WITH '|?'
  RETURN collect(d.key) AS dated
}
RETURN q.key AS key, areas, dated
