// Documents of a type and number however the number is written (`4`, `04`), the best-known first; those
// known only by a number (`Nghị định số 34`, no symbol) among them. Who issued each comes along.
UNWIND $numbers AS number
MATCH (d:Document {number: number, type: $type})
// How often it is cited: its REFERS_TO degree (every REFERS_TO comes from a Citation), which the store
// keeps for a dense node, not a read of each of a decree's thousands of Citations.
WITH d, COUNT { (d)<-[:REFERS_TO]-() } AS cited
RETURN d {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc, cited,
       [(d)-[:ISSUED_BY]->(o:Organization) | o.key] AS issuers,
       // The one the API shows (the first by key, as issuers-by-keys gives it): a look-up and its issuer in one query.
       COLLECT { MATCH (d)-[:ISSUED_BY]->(o:Organization) RETURN o {.key, .name, .shortName, .level, .kind} AS o ORDER BY o.key LIMIT 1 }[0] AS issuer
ORDER BY d.hasText DESC, cited DESC, d.key
LIMIT 50
