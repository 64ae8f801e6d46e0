// A register by its sha256, a prefix of it, or its path (issue 16).
MATCH (g:Registry)
WHERE g.sha256 = $ref OR (size($ref) >= 8 AND g.sha256 STARTS WITH $ref) OR g.path = $ref
RETURN g.sha256 AS sha, g.path AS path
ORDER BY sha
