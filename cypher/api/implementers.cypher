// Units that issued a document that REPORTS_ON or IMPLEMENTS the directive, directly or through a chain
// of IMPLEMENTS; each step with the sentence that asserts it: a report's own edge carries it, a fact
// between two cited documents is found on the Citation of its subject that asserts it. The directive
// itself, and the step's document when it is the unit's own, are left to the caller, who has them.
MATCH (target:Document {key: $key})
MATCH (doc:Document)-[chain:IMPLEMENTS*0..4]->(mid:Document)-[last:REPORTS_ON|IMPLEMENTS]->(target)
MATCH (doc)-[:ISSUED_BY]->(unit:Organization)
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
RETURN unit {.key, .name, .shortName, .level, .kind} AS unit,
       collect({document: doc {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText},
                via: CASE WHEN mid = doc THEN null ELSE mid {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} END,
                relation: relation, quote: quote, ocr: size(ocrs) > 0 AND all(o IN ocrs WHERE o)}) AS evidence,
       min(coalesce(doc.issuedOn, mid.issuedOn)) AS firstOn,
       max(coalesce(doc.issuedOn, mid.issuedOn)) AS lastOn
ORDER BY unit.name, unit.key
