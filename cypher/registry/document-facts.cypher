// Where a document's register facts came from: each row of each register that describes it.
MATCH (d:Document {key: $key})<-[:DESCRIBES]-(row:RegistryRow)<-[:HAS_ROW]-(g:Registry)
RETURN g.path AS path, g.sha256 AS sha256, row.row AS row, row.symbol AS symbol, row.issuedOn AS issuedOn,
       row.title AS title, row.type AS type, row.inForce AS inForce, row.inForceText AS inForceText, row.link AS link
ORDER BY path, row
