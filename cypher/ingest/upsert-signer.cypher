MATCH (d:Document {key: $report})
MERGE (p:Person {key: $person.key})
SET p.name = $person.name, p.position = coalesce($person.position, p.position)
MERGE (d)-[:SIGNED_BY]->(p)
