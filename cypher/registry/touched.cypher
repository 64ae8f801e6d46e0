// What a batch of a register's documents touches: those documents and what their titles cite, and the units
// it named (to remove those nothing else names once it goes).
UNWIND $docs AS key
MATCH (d:Document {key: key})
CALL (d) {
  OPTIONAL MATCH (:Registry {sha256: $sha})-[:HAS_ROW]->(row:RegistryRow)-[:DESCRIBES]->(d)
  RETURN collect(DISTINCT row.issuer) AS issuers
}
CALL (d) {
  OPTIONAL MATCH (d)-[:HAS_CITATION]->(c:Citation {source: $sha})-[:REFERS_TO]->(x:Document)
  RETURN collect(DISTINCT x.key) AS cited, collect(DISTINCT c.issuer) AS citedIssuers
}
WITH collect(DISTINCT d.key) AS described, collect(cited) AS cited, collect(issuers + citedIssuers) AS units
RETURN described,
       reduce(all = [], xs IN cited | all + xs) AS cited,
       [x IN reduce(all = [], xs IN units | all + xs) WHERE x IS NOT NULL] AS units
