MATCH (o:Organization {key: $key})<-[:ISSUED_BY]-(d:Document) RETURN count(d) AS n
