// Documents of a type and number however the number is written (`4`, `04`), the best-known first; those
// known only by a number (`Nghị định số 34`, no symbol) among them. Who issued each comes along.
UNWIND $numbers AS number
MATCH (d:Document {number: number, type: $type})
OPTIONAL MATCH (c:Citation)-[:REFERS_TO]->(d)
WITH d, count(c) AS cited
RETURN d {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc, cited,
       [(d)-[:ISSUED_BY]->(o:Organization) | o.key] AS issuers
ORDER BY d.hasText DESC, cited DESC, d.key
LIMIT 50
