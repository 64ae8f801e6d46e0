// The SourceFile goes, with its questions (see 005_questions) that no other source asks.
MATCH (s:SourceFile {sha256: $sha})
OPTIONAL MATCH (s)-[:ASKS]->(q:Question)
WITH s, collect(q) AS questions
DETACH DELETE s
WITH questions
UNWIND questions AS q
WITH q WHERE NOT EXISTS { (q)<-[:ASKS]-() }
DELETE q
