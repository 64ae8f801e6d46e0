// The lược đồ's groups (issue 14): for each relation and direction, how many documents it links to this
// one. Documents, not mentions: a report citing a decree five times is one document of its group.
// The relation types written out (RELATIONS, extract/types.ts): a decree cited by thousands has as many
// REFERS_TO from Citations; an untyped expansion reads them all (2 s at 100,000 reports), a typed one skips them.
MATCH (d:Document {key: $key})
CALL (d) {
  MATCH (d)-[r:RESPONDS_TO|REPORTS_ON|AMENDS|REPLACES|REPEALS|GUIDES|IMPLEMENTS|BASED_ON|CITES]->(t:Document)
  WHERE type(r) IN $relations
  RETURN type(r) AS relation, 'OUT' AS direction, count(DISTINCT t) AS n
  UNION ALL
  MATCH (t:Document)-[r:RESPONDS_TO|REPORTS_ON|AMENDS|REPLACES|REPEALS|GUIDES|IMPLEMENTS|BASED_ON|CITES]->(d)
  WHERE type(r) IN $relations
  RETURN type(r) AS relation, 'IN' AS direction, count(DISTINCT t) AS n
}
RETURN relation, direction, n
ORDER BY direction DESC, relation
