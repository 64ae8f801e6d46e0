// The documents a register's rows describe, in order: its removal goes through them a batch at a time.
MATCH (:Registry {sha256: $sha})-[:HAS_ROW]->(:RegistryRow)-[:DESCRIBES]->(d:Document)
RETURN DISTINCT d.key AS key
ORDER BY key
