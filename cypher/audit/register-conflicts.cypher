// A document a register dates otherwise than its own text, or than another register (issue 16): the
// register's date is a finding, never an overwrite of the text's. One role: the document.
MATCH (g:Registry)-[:HAS_ROW]->(row:RegistryRow)-[:DESCRIBES]->(d)
WHERE row.issuedOn IS NOT NULL
WITH d, collect({path: g.path, row: row.row, on: row.issuedOn}) AS rows
WITH d, rows, [(s:SourceFile)-[:OF]->(d) WHERE s.issuedOn IS NOT NULL | {path: s.path, on: s.issuedOn}] AS texts
WITH d, rows, texts, [x IN rows | x.on] + [t IN texts | t.on] AS dates
WHERE any(a IN dates WHERE any(b IN dates WHERE a <> b))
RETURN d.key AS anchor, d {.key, .symbol, .name, .issuedOn, .hasText, .type} AS doc, rows, texts
ORDER BY anchor
