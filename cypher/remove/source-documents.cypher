// What a source touches: its report and every document its citations refer to; the units and signer it
// named (to remove those nothing else names once it goes); and what it answered.
MATCH (s:SourceFile {sha256: $sha})-[:OF]->(rep:Document)
OPTIONAL MATCH (c:Citation {source: $sha})-[:REFERS_TO]->(d:Document)
WITH s, rep, collect(DISTINCT d.key) AS cited, collect(DISTINCT c.issuer) AS issuers
RETURN rep.key AS report, cited, coalesce(s.answers, []) AS answers,
       [x IN issuers WHERE x IS NOT NULL] + coalesce(s.sentTo, []) + CASE WHEN s.issuer IS NULL THEN [] ELSE [s.issuer] END AS units,
       [(rep)-[:SIGNED_BY]->(p:Person) | p.key] AS people
