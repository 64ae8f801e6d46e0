// A unit's documents per year (issue 14): those it issued, and of them those through which it reported on
// or implemented another document. A document with neither date nor year is left out.
MATCH (o:Organization {key: $key})<-[:ISSUED_BY]-(d:Document)
WITH d, coalesce(d.year, toInteger(substring(d.issuedOn, 0, 4))) AS year
WHERE year IS NOT NULL
RETURN year, count(d) AS issued,
       count(CASE WHEN EXISTS { (d)-[:REPORTS_ON|IMPLEMENTS]->(:Document) } THEN 1 END) AS implemented
ORDER BY year
