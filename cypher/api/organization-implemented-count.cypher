// How many documents a unit reported on or implemented through its own (issue 14).
MATCH (o:Organization {key: $key})<-[:ISSUED_BY]-(:Document)-[:REPORTS_ON|IMPLEMENTS]->(t:Document)
RETURN count(DISTINCT t) AS n
