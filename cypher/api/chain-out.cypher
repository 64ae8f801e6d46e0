// One level of a citation chain, breadth first: the documents the frontier cites.
UNWIND $frontier AS key
MATCH (a:Document {key: key})-[r:CITES|IMPLEMENTS|REPORTS_ON|RESPONDS_TO|BASED_ON|AMENDS|REPLACES|REPEALS|GUIDES]->(b:Document)
WITH a, r, b, startNode(r) AS s, endNode(r) AS t
// The quote: the citing document's own mention (expanding from it, not from a much-cited target);
// for a fact between two cited documents, the mention of its subject in the source that asserts it.
WITH a, r, b, s, t, [(s)-[:HAS_CITATION]->(c:Citation) WHERE (c)-[:REFERS_TO]->(t) | c.quote][0] AS direct
WITH a, r, b, CASE WHEN direct IS NOT NULL THEN direct
  ELSE COLLECT { MATCH (c2:Citation)-[:REFERS_TO]->(s) WHERE (type(r) + '>' + t.key) IN c2.facts RETURN c2.quote LIMIT 1 }[0] END AS quote
RETURN startNode(r).key AS from, endNode(r).key AS to, type(r) AS relation, quote, b {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc
LIMIT $limit
