// After a source goes: the units it named that no document names any more, their areas that hold no
// other unit or area, and its signer if no other report was signed by them. A source resolved again under
// a better key (a district placed in its province) leaves nothing behind under the old one.
CALL () {
  UNWIND $people AS key
  MATCH (p:Person {key: key})
  WHERE NOT EXISTS { ()-[:SIGNED_BY]->(p) }
  DELETE p
}
UNWIND $units AS key
MATCH (o:Organization {key: key})
WHERE NOT EXISTS { (o)<-[]-() }
OPTIONAL MATCH (o)-[:IN]->(a:Area)
OPTIONAL MATCH (a)-[:IN]->(b:Area)
OPTIONAL MATCH (b)-[:IN]->(c:Area)
DETACH DELETE o
WITH collect(DISTINCT a) AS la, collect(DISTINCT b) AS lb, collect(DISTINCT c) AS lc
WITH la, [x IN lb WHERE NOT x IN la] AS lb, [x IN lc WHERE NOT x IN la + lb] AS lc
CALL (la) {
  UNWIND la AS x
  WITH x WHERE NOT EXISTS { ()-[:IN]->(x) }
  DETACH DELETE x
}
CALL (lb) {
  UNWIND lb AS x
  WITH x WHERE NOT EXISTS { ()-[:IN]->(x) }
  DETACH DELETE x
}
CALL (lc) {
  UNWIND lc AS x
  WITH x WHERE NOT EXISTS { ()-[:IN]->(x) }
  DETACH DELETE x
}
RETURN count(*) AS n
