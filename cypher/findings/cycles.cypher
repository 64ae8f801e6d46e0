// audit/cycles through one document ($key), from it.
MATCH p = (d:Document {key: $key})-[:IMPLEMENTS|BASED_ON*1..6]->(d)
RETURN [n IN nodes(p) | n {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (n)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]}] AS docs, [r IN relationships(p) | type(r)] AS rels
LIMIT 200
