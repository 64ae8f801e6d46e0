// Reports of the same unit that may be this report extracted another way.
MATCH (d:Document {hasText: true})-[:ISSUED_BY]->(:Organization {key: $org})
MATCH (s:SourceFile)-[:OF]->(d)
RETURN d.key AS key, d.title AS title, s.refKeys AS refKeys, d.key STARTS WITH 'text:' AS contentKeyed
