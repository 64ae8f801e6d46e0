// An earlier version of the same file: same path, other bytes.
MATCH (s:SourceFile {path: $path}) WHERE s.sha256 <> $sha
RETURN s.sha256 AS sha
