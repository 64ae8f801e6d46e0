// A chain of IMPLEMENTS or BASED_ON that returns to its start. Each of its documents finds it: a scan keeps
// the one found from its smallest key (its primary role), a page the ones through its document.
WITH d WHERE EXISTS { (d)-[:IMPLEMENTS|BASED_ON]->() } AND EXISTS { ()-[:IMPLEMENTS|BASED_ON]->(d) }
CALL (d) {
  MATCH p = (d)-[:IMPLEMENTS|BASED_ON*1..6]->(d)
  WHERE $everyRole OR all(n IN nodes(p) WHERE n.key >= d.key)
  RETURN p
  // A tangle of plans gives paths by the thousand: a bound per document.
  LIMIT 200
}
RETURN d.key AS anchor, [n IN nodes(p) | n {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (n)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]}] AS docs, [r IN relationships(p) | type(r)] AS rels
