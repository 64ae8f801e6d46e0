// One level of a citation chain, breadth first: the documents citing the frontier.
UNWIND $frontier AS key
MATCH (a:Document {key: key})<-[r:CITES|IMPLEMENTS|REPORTS_ON|RESPONDS_TO|BASED_ON|AMENDS|REPLACES|REPEALS|GUIDES]-(b:Document)
// The quote: a report's own edge carries it; a fact between two cited documents is found on the
// Citation of its subject that asserts it.
WITH a, r, b, startNode(r) AS s, endNode(r) AS t
RETURN s.key AS from, t.key AS to, type(r) AS relation,
       CASE WHEN r.quote IS NOT NULL THEN r.quote ELSE COLLECT {
         MATCH (c:Citation)-[:REFERS_TO]->(s) WHERE (type(r) + '>' + t.key) IN c.facts RETURN c.quote LIMIT 1
       }[0] END AS quote,
       b {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc
LIMIT $limit
