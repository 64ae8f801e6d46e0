// Units that issued a document that REPORTS_ON or IMPLEMENTS the directive, directly or through a chain
// of IMPLEMENTS; each step with the sentence that asserts it: a report's own edge carries it, a fact
// between two cited documents is found on the Citation of its subject that asserts it.
MATCH (target:Document {key: $key})
WITH target, target {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS targetProps
MATCH (doc:Document)-[chain:IMPLEMENTS*0..4]->(mid:Document)-[last:REPORTS_ON|IMPLEMENTS]->(target)
MATCH (doc)-[:ISSUED_BY]->(unit:Organization)
WITH unit, doc, mid, type(last) AS relation, targetProps,
     coalesce(last.quote, COLLECT {
       MATCH (c:Citation)-[:REFERS_TO]->(mid) WHERE (type(last) + '>' + target.key) IN c.facts RETURN c.quote LIMIT 1
     }[0]) AS quote
RETURN unit {.key, .name, .shortName, .level, .kind} AS unit,
       collect({document: doc {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText}, via: mid {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText}, relation: relation, target: targetProps, quote: quote}) AS evidence,
       min(coalesce(doc.issuedOn, mid.issuedOn)) AS firstOn,
       max(coalesce(doc.issuedOn, mid.issuedOn)) AS lastOn
ORDER BY unit.name
