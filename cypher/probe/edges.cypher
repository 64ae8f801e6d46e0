// Every relationship, named by the keys of its two ends, with its properties.
MATCH (a)-[r]->(b)
RETURN coalesce(a.key, a.sha256, a.name) AS a, type(r) AS t, coalesce(b.key, b.sha256, b.name) AS b, properties(r) AS p
