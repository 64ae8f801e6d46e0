// The register's own records go: its Citations, its rows and itself.
MATCH (g:Registry {sha256: $sha})
OPTIONAL MATCH (g)-[:HAS_ROW]->(row:RegistryRow)
CALL (row) {
  WITH row WHERE row IS NOT NULL
  DETACH DELETE row
}
WITH DISTINCT g
CALL () {
  MATCH (c:Citation {source: $sha})
  DETACH DELETE c
}
DETACH DELETE g
