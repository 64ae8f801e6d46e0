// The search box's documents (issue 14): the full-text matches, best first, at most $max, each with its
// issuer, so that the facets (type, year, issuer) are counted over the matches and not one page of them.
// The index keeps the best $max itself (`limit`): words every report holds (`ke hoach thuc hien`) match
// most of the graph, and taking every match to sort it here read each one's key (at 100,000 reports: 98,000
// db hits and 290 ms, now 4,000 and 70-110 ms).
// Ties at the $max-th score are the index's to break; the matches kept are then ordered by score and key.
CALL db.index.fulltext.queryNodes('document_search', $query, {limit: $max}) YIELD node, score
RETURN node {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc,
       COLLECT { MATCH (node)-[:ISSUED_BY]->(o:Organization) RETURN o {.key, .name} ORDER BY o.key LIMIT 1 }[0] AS issuer
ORDER BY score DESC, doc.key
