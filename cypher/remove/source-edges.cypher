// The edges this source asserted, found from its own records (its Citations and its SourceFile); each
// goes unless another source still asserts it: another Citation of the report with that relation, of
// the subject with that issuer or fact, or another SourceFile of the report with that issuer, recipient or signer.
MATCH (s:SourceFile {sha256: $sha})-[:OF]->(rep:Document)
CALL (s, rep) {
  MATCH (rep)-[r:ISSUED_BY]->(o:Organization)
  WHERE o.key = s.issuer
  RETURN r
  UNION
  MATCH (rep)-[r:SENT_TO]->(o:Organization)
  WHERE o.key IN coalesce(s.sentTo, [])
  RETURN r
  UNION
  MATCH (rep)-[r:SIGNED_BY]->(p:Person)
  WHERE p.key = s.signedBy
  RETURN r
  UNION
  MATCH (c:Citation {source: $sha})-[:REFERS_TO]->(x:Document)
  MATCH (rep)-[r:$(c.relation)]->(x)
  RETURN r
  UNION
  MATCH (c:Citation {source: $sha})-[:REFERS_TO]->(x:Document)-[r:ISSUED_BY]->(o:Organization)
  WHERE o.key = c.issuer
  RETURN r
  UNION
  MATCH (c:Citation {source: $sha})-[:REFERS_TO]->(x:Document)
  UNWIND coalesce(c.facts, []) AS fact
  WITH x, split(fact, '>')[0] AS rel, substring(fact, size(split(fact, '>')[0]) + 1) AS to
  MATCH (x)-[r:$(rel)]->(y:Document {key: to})
  RETURN r
}
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS b, type(r) AS rel
WHERE NOT CASE
  WHEN rel = 'ISSUED_BY' THEN
    EXISTS { MATCH (a)<-[:REFERS_TO]-(c:Citation) WHERE c.source <> $sha AND c.issuer = b.key }
    OR EXISTS { MATCH (a)<-[:OF]-(o:SourceFile) WHERE o.sha256 <> $sha AND o.issuer = b.key }
  WHEN rel = 'SENT_TO' THEN
    EXISTS { MATCH (a)<-[:OF]-(o:SourceFile) WHERE o.sha256 <> $sha AND b.key IN o.sentTo }
  WHEN rel = 'SIGNED_BY' THEN
    EXISTS { MATCH (a)<-[:OF]-(o:SourceFile) WHERE o.sha256 <> $sha AND o.signedBy = b.key }
  ELSE
    EXISTS { MATCH (a)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(b) WHERE c.source <> $sha AND c.relation = rel }
    OR EXISTS { MATCH (a)<-[:REFERS_TO]-(c:Citation) WHERE c.source <> $sha AND (rel + '>' + b.key) IN c.facts }
  END
DELETE r
