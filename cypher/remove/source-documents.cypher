// What a source touches: its report and every document its citations refer to; the units and signer it
// named (to remove those nothing else names once it goes); and what it answered. With each Citation,
// what it says of the document it refers to (what ingest/settle-documents reads of it), so that a source
// written again that says the same does not make each document it cites be settled again.
MATCH (s:SourceFile {sha256: $sha})-[:OF]->(rep:Document)
OPTIONAL MATCH (c:Citation {source: $sha})-[:REFERS_TO]->(d:Document)
WITH s, rep, collect(DISTINCT d.key) AS cited, collect(DISTINCT c.issuer) AS issuers,
     collect(CASE WHEN d IS NOT NULL THEN [d.key, c.docTitle, c.docType, c.docNumber, c.docName, c.docYear,
                                          c.docIssuedOn, c.ambiguous] END) AS evidence
RETURN rep.key AS report, cited, evidence, coalesce(s.answers, []) AS answers,
       [x IN issuers WHERE x IS NOT NULL] + coalesce(s.sentTo, []) + CASE WHEN s.issuer IS NULL THEN [] ELSE [s.issuer] END AS units,
       [(rep)-[:SIGNED_BY]->(p:Person) | p.key] AS people
