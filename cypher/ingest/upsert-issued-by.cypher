UNWIND $rows AS r
MATCH (d:Document {key: r.doc})
MATCH (o:Organization {key: r.org})
MERGE (d)-[e:ISSUED_BY]->(o)
SET e.sources = CASE WHEN $sha IN coalesce(e.sources, []) THEN e.sources ELSE coalesce(e.sources, []) + $sha END
