UNWIND $orgs AS o
MERGE (x:Organization {key: o.key})
SET x.name = o.name,
    x.shortName = coalesce(o.shortName, x.shortName),
    x.level = coalesce(o.level, x.level),
    x.kind = coalesce(o.kind, x.kind),
    x.searchText = o.searchText
WITH x, o WHERE o.areaKey IS NOT NULL
MATCH (a:Area {key: o.areaKey})
MERGE (x)-[:IN]->(a)
