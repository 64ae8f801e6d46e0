UNWIND $areas AS a
MERGE (x:Area {key: a.key})
SET x.name = a.name, x.tier = a.tier
WITH x, a WHERE a.parentKey IS NOT NULL
MERGE (p:Area {key: a.parentKey})
MERGE (x)-[:IN]->(p)
