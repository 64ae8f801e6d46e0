UNWIND $keys AS key
MATCH (:Document {key: key})-[:ISSUED_BY]->(o:Organization)
RETURN key, o {.key, .name, .shortName, .level, .kind} AS org
