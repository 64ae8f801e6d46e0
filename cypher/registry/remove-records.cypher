// A batch of the register's own records goes: the rows that describe these documents and their titles' Citations.
CALL () {
  MATCH (:Registry {sha256: $sha})-[:HAS_ROW]->(row:RegistryRow)-[:DESCRIBES]->(d:Document)
  WHERE d.key IN $docs
  DETACH DELETE row
}
MATCH (d:Document)-[:HAS_CITATION]->(c:Citation {source: $sha})
WHERE d.key IN $docs
DETACH DELETE c
