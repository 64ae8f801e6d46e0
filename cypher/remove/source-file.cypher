MATCH (s:SourceFile {sha256: $sha})
DETACH DELETE s
