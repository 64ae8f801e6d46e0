MATCH (d:Document {key: $key})
RETURN COUNT { (d)-[:HAS_CITATION]->(:Citation) } AS out, COUNT { (:Citation)-[:REFERS_TO]->(d) } AS in
