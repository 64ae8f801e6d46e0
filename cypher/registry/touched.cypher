// What a register touches: the documents its rows describe and those their titles cite, the units it
// named (to remove those nothing else names once it goes), and the dated documents it answered for.
MATCH (g:Registry {sha256: $sha})
CALL (g) {
  OPTIONAL MATCH (g)-[:HAS_ROW]->(row:RegistryRow)-[:DESCRIBES]->(d:Document)
  RETURN collect(DISTINCT d.key) AS described, collect(DISTINCT row.issuer) AS issuers
}
CALL () {
  OPTIONAL MATCH (c:Citation {source: $sha})-[:REFERS_TO]->(x:Document)
  RETURN collect(DISTINCT x.key) AS cited, collect(DISTINCT c.issuer) AS citedIssuers
}
RETURN described, cited, [x IN issuers + citedIssuers WHERE x IS NOT NULL] AS units, coalesce(g.answers, []) AS answers
