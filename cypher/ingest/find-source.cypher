MATCH (s:SourceFile {sha256: $sha})
OPTIONAL MATCH (s)-[:OF]->(d:Document)
RETURN s.extractorVersion AS version, d.key AS doc
