// The lược đồ's groups (issue 14): for each relation and direction, how many documents it links to this
// one. Documents, not mentions: a report citing a decree five times is one edge of its type (ingest MERGEs
// the edge, load keeps one), so a group's count is the document's degree in that type and direction, a
// count the store keeps for a dense node: a decree cited by thousands is not read edge by edge (it was, and
// with count(DISTINCT) each of its 20,000 edges and documents was read on every page that showed it).
// Every relation written out (RELATIONS, extract/types.ts; test/unit/cypher-relations.test.ts checks it).
MATCH (d:Document {key: $key})
UNWIND [
  ['RESPONDS_TO', 'OUT', COUNT { (d)-[:RESPONDS_TO]->() }],
  ['RESPONDS_TO', 'IN', COUNT { (d)<-[:RESPONDS_TO]-() }],
  ['REPORTS_ON', 'OUT', COUNT { (d)-[:REPORTS_ON]->() }],
  ['REPORTS_ON', 'IN', COUNT { (d)<-[:REPORTS_ON]-() }],
  ['AMENDS', 'OUT', COUNT { (d)-[:AMENDS]->() }],
  ['AMENDS', 'IN', COUNT { (d)<-[:AMENDS]-() }],
  ['REPLACES', 'OUT', COUNT { (d)-[:REPLACES]->() }],
  ['REPLACES', 'IN', COUNT { (d)<-[:REPLACES]-() }],
  ['REPEALS', 'OUT', COUNT { (d)-[:REPEALS]->() }],
  ['REPEALS', 'IN', COUNT { (d)<-[:REPEALS]-() }],
  ['GUIDES', 'OUT', COUNT { (d)-[:GUIDES]->() }],
  ['GUIDES', 'IN', COUNT { (d)<-[:GUIDES]-() }],
  ['IMPLEMENTS', 'OUT', COUNT { (d)-[:IMPLEMENTS]->() }],
  ['IMPLEMENTS', 'IN', COUNT { (d)<-[:IMPLEMENTS]-() }],
  ['BASED_ON', 'OUT', COUNT { (d)-[:BASED_ON]->() }],
  ['BASED_ON', 'IN', COUNT { (d)<-[:BASED_ON]-() }],
  ['CITES', 'OUT', COUNT { (d)-[:CITES]->() }],
  ['CITES', 'IN', COUNT { (d)<-[:CITES]-() }]
] AS g
WITH g[0] AS relation, g[1] AS direction, g[2] AS n
WHERE n > 0 AND relation IN $relations
RETURN relation, direction, n
ORDER BY direction DESC, relation
