// The lược đồ's groups (issue 14): for each relation and direction, how many documents it links to this
// one. Documents, not mentions: a report citing a decree five times is one document of its group.
MATCH (d:Document {key: $key})
CALL (d) {
  MATCH (d)-[r]->(t:Document)
  WHERE type(r) IN $relations
  RETURN type(r) AS relation, 'OUT' AS direction, count(DISTINCT t) AS n
  UNION ALL
  MATCH (t:Document)-[r]->(d)
  WHERE type(r) IN $relations
  RETURN type(r) AS relation, 'IN' AS direction, count(DISTINCT t) AS n
}
RETURN relation, direction, n
ORDER BY direction DESC, relation
