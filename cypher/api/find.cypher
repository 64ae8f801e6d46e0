// The search box's documents (issue 14): the full-text matches, best first, at most $max, each with its
// issuer, so that the facets (type, year, issuer) are counted over the matches and not one page of them.
CALL db.index.fulltext.queryNodes('document_search', $query) YIELD node, score
WITH node, score
ORDER BY score DESC, node.key
LIMIT $max
RETURN node {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc,
       COLLECT { MATCH (node)-[:ISSUED_BY]->(o:Organization) RETURN o {.key, .name} ORDER BY o.key LIMIT 1 }[0] AS issuer
ORDER BY score DESC, doc.key
