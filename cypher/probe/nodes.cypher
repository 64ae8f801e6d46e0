// Every node but the migration records, with its labels and properties: what the probe compares between runs.
MATCH (n)
WHERE NOT n:Migration
RETURN labels(n) AS labels, properties(n) AS p
