// Units that issued a document that REPORTS_ON or IMPLEMENTS the directive, directly or through a chain
// of IMPLEMENTS; each step with the sentence that asserts it.
MATCH (target:Document {key: $key})
MATCH (doc:Document)-[chain:IMPLEMENTS*0..4]->(mid:Document)-[last:REPORTS_ON|IMPLEMENTS]->(target)
MATCH (doc)-[:ISSUED_BY]->(unit:Organization)
WITH unit, doc, mid, last, target
OPTIONAL MATCH (c:Citation)-[:REFERS_TO]->(target)
  WHERE c.source IN last.sources AND EXISTS { MATCH (mid)-[:HAS_CITATION]->(c) }
OPTIONAL MATCH (c2:Citation)-[:REFERS_TO]->(mid)
  WHERE c2.source IN last.sources
WITH unit, doc, mid, type(last) AS relation, target, coalesce(head(collect(c.quote)), head(collect(c2.quote))) AS quote
RETURN unit {.key, .name, .shortName, .level, .kind} AS unit,
       collect({document: doc {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText}, via: mid {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText}, relation: relation, target: target {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText}, quote: quote}) AS evidence,
       min(coalesce(doc.issuedOn, mid.issuedOn)) AS firstOn,
       max(coalesce(doc.issuedOn, mid.issuedOn)) AS lastOn
ORDER BY unit.name
