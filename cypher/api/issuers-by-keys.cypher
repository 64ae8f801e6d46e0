// Who issued each document: one unit, the first by key where the graph holds several (an issuer conflict the
// audit reports), so every page and look-up shows the same one.
UNWIND $keys AS key
MATCH (d:Document {key: key})
WITH key, COLLECT { MATCH (d)-[:ISSUED_BY]->(o:Organization) RETURN o {.key, .name, .shortName, .level, .kind} AS o ORDER BY o.key LIMIT 1 }[0] AS org
WHERE org IS NOT NULL
RETURN key, org
