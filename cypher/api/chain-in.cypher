// One level of a citation chain, breadth first: the documents citing the frontier.
UNWIND $frontier AS key
MATCH (a:Document {key: key})<-[r:CITES|IMPLEMENTS|REPORTS_ON|RESPONDS_TO|BASED_ON|AMENDS|REPLACES|REPEALS|GUIDES]-(b:Document)
WITH a, r, b, endNode(r) AS t
OPTIONAL MATCH (c:Citation)-[:REFERS_TO]->(t) WHERE c.source IN r.sources
WITH a, r, b, head(collect(c.quote)) AS quote
RETURN startNode(r).key AS from, endNode(r).key AS to, type(r) AS relation, quote, b {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc
LIMIT $limit
