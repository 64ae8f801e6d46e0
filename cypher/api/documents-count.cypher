MATCH (d:Document)
WHERE ($type IS NULL OR d.type = $type)
  AND ($year IS NULL OR d.year = $year)
  AND ($hasText IS NULL OR d.hasText = $hasText)
  AND ($issuer IS NULL OR EXISTS { MATCH (d)-[:ISSUED_BY]->(:Organization {key: $issuer}) })
RETURN count(d) AS n
