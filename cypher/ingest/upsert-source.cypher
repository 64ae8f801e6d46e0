MATCH (d:Document {key: $report})
MERGE (s:SourceFile {sha256: $sha})
ON CREATE SET s.ingestedAt = datetime()
SET s.path = $path, s.format = $format, s.bytes = $bytes, s.extractorVersion = $version, s.refKeys = $refKeys
MERGE (s)-[:OF]->(d)
