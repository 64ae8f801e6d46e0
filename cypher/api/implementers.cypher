// Units that issued a document that REPORTS_ON or IMPLEMENTS the directive, directly or through a chain
// of IMPLEMENTS; each step with the sentence that asserts it. Quotes are found from the citing side
// (a report has tens of citations, a directive thousands).
MATCH (target:Document {key: $key})
MATCH (doc:Document)-[chain:IMPLEMENTS*0..4]->(mid:Document)-[last:REPORTS_ON|IMPLEMENTS]->(target)
MATCH (doc)-[:ISSUED_BY]->(unit:Organization)
// A pattern comprehension expands from the bound report; a MATCH lets the planner start at the target.
WITH unit, doc, mid, last, target,
     [(mid)-[:HAS_CITATION]->(c:Citation) WHERE (c)-[:REFERS_TO]->(target) | c.quote][0] AS direct
WITH unit, doc, mid, type(last) AS relation, target,
     CASE WHEN direct IS NOT NULL THEN direct
       ELSE COLLECT { MATCH (c2:Citation)-[:REFERS_TO]->(mid) WHERE (type(last) + '>' + target.key) IN c2.facts RETURN c2.quote LIMIT 1 }[0] END AS quote
RETURN unit {.key, .name, .shortName, .level, .kind} AS unit,
       collect({document: doc {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText}, via: mid {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText}, relation: relation, target: target {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText}, quote: quote}) AS evidence,
       min(coalesce(doc.issuedOn, mid.issuedOn)) AS firstOn,
       max(coalesce(doc.issuedOn, mid.issuedOn)) AS lastOn
ORDER BY unit.name
