// Units that received the directive, or sit in the area of its issuer, and show no evidence yet.
MATCH (target:Document {key: $key})
OPTIONAL MATCH (target)-[:ISSUED_BY]->(issuer:Organization)-[:IN]->(area:Area)
CALL (target, area) {
  MATCH (target)-[:SENT_TO]->(u:Organization) RETURN u
  UNION
  MATCH (u:Organization)-[:IN]->(:Area)-[:IN*0..3]->(area) RETURN u
}
WITH DISTINCT u, target
WHERE NOT EXISTS { MATCH (u)<-[:ISSUED_BY]-(:Document)-[:IMPLEMENTS*0..4]->(:Document)-[:REPORTS_ON|IMPLEMENTS]->(target) }
  AND NOT EXISTS { MATCH (target)-[:ISSUED_BY]->(u) }
RETURN u {.key, .name, .shortName, .level, .kind} AS unit
ORDER BY u.name
LIMIT 200
