// The edges a register asserted about a batch of its documents, found from its own records (its rows and
// the Citations of their titles); each goes unless another source still asserts it (as remove/source-edges
// decides for a text): another register's row or a text of the document with that issuer, another
// source's Citation of the document with that relation, of the subject with that issuer or fact. The
// register's records of later batches do not count: when the last batch is done, all it alone asserted is gone.
CALL () {
  MATCH (:Registry {sha256: $sha})-[:HAS_ROW]->(row:RegistryRow)-[:DESCRIBES]->(d:Document)-[r:ISSUED_BY]->(o:Organization)
  WHERE d.key IN $docs AND o.key = row.issuer
  RETURN r
  UNION
  MATCH (rep:Document)-[:HAS_CITATION]->(c:Citation {source: $sha})-[:REFERS_TO]->(x:Document)
  WHERE rep.key IN $docs
  MATCH (rep)-[r:$(c.relation)]->(x)
  RETURN r
  UNION
  MATCH (rep:Document)-[:HAS_CITATION]->(c:Citation {source: $sha})-[:REFERS_TO]->(x:Document)-[r:ISSUED_BY]->(o:Organization)
  WHERE rep.key IN $docs AND o.key = c.issuer
  RETURN r
  UNION
  MATCH (rep:Document)-[:HAS_CITATION]->(c:Citation {source: $sha})-[:REFERS_TO]->(x:Document)
  WHERE rep.key IN $docs
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
    OR EXISTS { MATCH (a)<-[:OF]-(o:SourceFile) WHERE o.issuer = b.key }
    OR EXISTS { MATCH (a)<-[:DESCRIBES]-(o:RegistryRow) WHERE o.registry <> $sha AND o.issuer = b.key }
  ELSE
    EXISTS { MATCH (a)-[:HAS_CITATION]->(c:Citation)-[:REFERS_TO]->(b) WHERE c.source <> $sha AND c.relation = rel }
    OR EXISTS { MATCH (a)<-[:REFERS_TO]-(c:Citation) WHERE c.source <> $sha AND (rel + '>' + b.key) IN c.facts }
  END
DELETE r
