// The registers in the graph, with their rows.
MATCH (g:Registry)
RETURN g.sha256 AS sha, g.path AS path, g.rows AS rows, coalesce(g.pending, false) AS pending
ORDER BY path, sha
