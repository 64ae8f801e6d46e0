CALL db.index.fulltext.queryNodes('organization_search', $query) YIELD node, score
RETURN node {.key, .name, .shortName, .level, .kind} AS org, score
ORDER BY score DESC, node.key
LIMIT $limit
