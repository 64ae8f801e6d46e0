// Relationship types cannot be parameters: one FOREACH per type, each a MERGE with the supporting sources.
UNWIND $edges AS e
MATCH (a:Document {key: e.from})
MATCH (b:Document {key: e.to})
FOREACH (_ IN CASE WHEN e.rel = 'CITES' THEN [1] ELSE [] END |
  MERGE (a)-[x:CITES]->(b)
  SET x.sources = CASE WHEN $sha IN coalesce(x.sources, []) THEN x.sources ELSE coalesce(x.sources, []) + $sha END)
FOREACH (_ IN CASE WHEN e.rel = 'IMPLEMENTS' THEN [1] ELSE [] END |
  MERGE (a)-[x:IMPLEMENTS]->(b)
  SET x.sources = CASE WHEN $sha IN coalesce(x.sources, []) THEN x.sources ELSE coalesce(x.sources, []) + $sha END)
FOREACH (_ IN CASE WHEN e.rel = 'REPORTS_ON' THEN [1] ELSE [] END |
  MERGE (a)-[x:REPORTS_ON]->(b)
  SET x.sources = CASE WHEN $sha IN coalesce(x.sources, []) THEN x.sources ELSE coalesce(x.sources, []) + $sha END)
FOREACH (_ IN CASE WHEN e.rel = 'RESPONDS_TO' THEN [1] ELSE [] END |
  MERGE (a)-[x:RESPONDS_TO]->(b)
  SET x.sources = CASE WHEN $sha IN coalesce(x.sources, []) THEN x.sources ELSE coalesce(x.sources, []) + $sha END)
FOREACH (_ IN CASE WHEN e.rel = 'BASED_ON' THEN [1] ELSE [] END |
  MERGE (a)-[x:BASED_ON]->(b)
  SET x.sources = CASE WHEN $sha IN coalesce(x.sources, []) THEN x.sources ELSE coalesce(x.sources, []) + $sha END)
FOREACH (_ IN CASE WHEN e.rel = 'AMENDS' THEN [1] ELSE [] END |
  MERGE (a)-[x:AMENDS]->(b)
  SET x.sources = CASE WHEN $sha IN coalesce(x.sources, []) THEN x.sources ELSE coalesce(x.sources, []) + $sha END)
FOREACH (_ IN CASE WHEN e.rel = 'REPLACES' THEN [1] ELSE [] END |
  MERGE (a)-[x:REPLACES]->(b)
  SET x.sources = CASE WHEN $sha IN coalesce(x.sources, []) THEN x.sources ELSE coalesce(x.sources, []) + $sha END)
FOREACH (_ IN CASE WHEN e.rel = 'REPEALS' THEN [1] ELSE [] END |
  MERGE (a)-[x:REPEALS]->(b)
  SET x.sources = CASE WHEN $sha IN coalesce(x.sources, []) THEN x.sources ELSE coalesce(x.sources, []) + $sha END)
FOREACH (_ IN CASE WHEN e.rel = 'GUIDES' THEN [1] ELSE [] END |
  MERGE (a)-[x:GUIDES]->(b)
  SET x.sources = CASE WHEN $sha IN coalesce(x.sources, []) THEN x.sources ELSE coalesce(x.sources, []) + $sha END)
