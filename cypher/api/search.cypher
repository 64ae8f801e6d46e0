// The text is folded by the application (diacritics, đ) before it reaches the index, like the query.
CALL db.index.fulltext.queryNodes('document_search', $query) YIELD node, score
RETURN node {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc, score
ORDER BY score DESC, node.key
LIMIT $limit
