// The text is folded by the application (diacritics, đ) before it reaches the index, like the query.
// The index keeps the best $limit itself (see find.cypher): a common word matches most of the graph.
CALL db.index.fulltext.queryNodes('document_search', $query, {limit: $limit}) YIELD node, score
RETURN node {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc, score
ORDER BY score DESC, node.key
LIMIT $limit
