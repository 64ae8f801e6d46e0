MATCH (o:Organization)
WHERE ($after IS NULL OR o.key > $after) AND ($level IS NULL OR o.level = $level)
RETURN o {.key, .name, .shortName, .level, .kind} AS org
ORDER BY o.key
LIMIT $limit
