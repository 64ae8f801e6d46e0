// Documents by key; with the issuer the API shows (the first by key, as issuers-by-keys gives it), so that
// a look-up by key and its issuer are one query (rows read by `docRow` leave it out).
UNWIND $keys AS key
MATCH (d:Document {key: key})
RETURN d {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc,
       COLLECT { MATCH (d)-[:ISSUED_BY]->(o:Organization) RETURN o {.key, .name, .shortName, .level, .kind} AS o ORDER BY o.key LIMIT 1 }[0] AS issuer
