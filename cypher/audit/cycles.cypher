// A chain of IMPLEMENTS or BASED_ON that returns to its start.
MATCH p = (d:Document)-[:IMPLEMENTS|BASED_ON*1..6]->(d)
WHERE $keys IS NULL OR d.key IN $keys
RETURN [n IN nodes(p) | n {.key, .symbol, .name, .issuedOn, .hasText, .type}] AS docs, [r IN relationships(p) | type(r)] AS rels
LIMIT 200
