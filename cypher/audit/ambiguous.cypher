// A mention whose issuer or year the text does not give, where the graph holds several documents it may mean.
MATCH (r:Document)-[:HAS_CITATION]->(c:Citation {ambiguous: true})-[:REFERS_TO]->(d:Document)
WHERE d.symbol IS NOT NULL AND ($keys IS NULL OR d.key IN $keys)
MATCH (other:Document {symbol: d.symbol}) WHERE other <> d
WITH r, c, d, collect(other {.key, .symbol, .name, .issuedOn, .hasText, .type}) AS alternatives
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type} AS doc, c {.quote, .start, .end, .text, .issuedOn, path: COLLECT { MATCH (s:SourceFile {sha256: c.source}) RETURN s.path }[0]} AS mention, alternatives
