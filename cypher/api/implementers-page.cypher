// One page of implementers (units ordered by name, then key) for directives hundreds or thousands of units
// carry out: every step is found and grouped by unit holding only references, and the evidence is built
// for the page's units alone. Same steps, quotes and dates as implementers.cypher.
MATCH (target:Document {key: $key})
MATCH (doc:Document)-[:IMPLEMENTS*0..4]->(mid:Document)-[last:REPORTS_ON|IMPLEMENTS]->(target)
MATCH (doc)-[:ISSUED_BY]->(unit:Organization)
WITH target, unit, collect([doc, mid, last]) AS steps
ORDER BY unit.name, unit.key
WITH target, collect({unit: unit, steps: steps}) AS groups
WITH target, size(groups) AS total,
     [g IN groups WHERE $afterName IS NULL OR g.unit.name > $afterName
                        OR (g.unit.name = $afterName AND g.unit.key > $afterKey)][0..$limit] AS page
CALL (target, page) {
  UNWIND page AS g
  UNWIND g.steps AS step
  WITH target, g.unit AS unit, step[0] AS doc, step[1] AS mid, step[2] AS last
  WITH unit, doc, mid, target, type(last) AS relation,
       CASE WHEN last.quote IS NOT NULL THEN last.quote ELSE COLLECT {
         MATCH (c:Citation)-[:REFERS_TO]->(mid) WHERE (type(last) + '>' + target.key) IN c.facts RETURN c.quote LIMIT 1
       }[0] END AS quote
  // The step's quote is flagged `ocr` when every Citation that gives it came from a text read by OCR.
  WITH unit, doc, mid, relation, quote, COLLECT {
         MATCH (mid)-[:HAS_CITATION]->(c:Citation) WHERE c.quote = quote AND EXISTS { (c)-[:REFERS_TO]->(target) }
           RETURN coalesce(c.ocr, false) AS ocr
         UNION ALL
         MATCH (c:Citation)-[:REFERS_TO]->(mid) WHERE c.quote = quote RETURN coalesce(c.ocr, false) AS ocr
       } AS ocrs
  // Each unit's steps in a stable order (by date, then document), the same in both queries.
  WITH unit, doc, mid, relation, quote, ocrs
  ORDER BY coalesce(doc.issuedOn, mid.issuedOn, ''), doc.key, mid.key, relation, quote
  WITH unit,
       collect({document: doc {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText},
                via: CASE WHEN mid = doc THEN null ELSE mid {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} END,
                relation: relation, quote: quote, ocr: size(ocrs) > 0 AND all(o IN ocrs WHERE o)}) AS evidence,
       min(coalesce(doc.issuedOn, mid.issuedOn)) AS firstOn,
       max(coalesce(doc.issuedOn, mid.issuedOn)) AS lastOn
  ORDER BY unit.name, unit.key
  RETURN collect({unit: unit {.key, .name, .shortName, .level, .kind}, evidence: evidence, firstOn: firstOn, lastOn: lastOn}) AS units
}
RETURN total, units
