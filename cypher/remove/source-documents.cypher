// What a source touches: its report and every document its citations refer to.
MATCH (s:SourceFile {sha256: $sha})-[:OF]->(rep:Document)
OPTIONAL MATCH (c:Citation {source: $sha})-[:REFERS_TO]->(d:Document)
RETURN rep.key AS report, collect(DISTINCT d.key) AS cited
