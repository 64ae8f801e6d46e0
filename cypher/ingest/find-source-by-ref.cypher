// A source named by its sha256 (or a prefix of it) or by its path.
MATCH (s:SourceFile)
WHERE s.sha256 STARTS WITH $ref OR s.path = $ref
RETURN s.sha256 AS sha, s.path AS path
