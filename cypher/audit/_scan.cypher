// A chunk of the whole graph's scan: the next documents in key order from $from (inclusive), read from the
// key's index in its order, so a page costs the chunk it reads, never a sort of the graph.
MATCH (d:Document) WHERE d.key >= $from
RETURN d.key AS key
ORDER BY d.key
LIMIT $n
