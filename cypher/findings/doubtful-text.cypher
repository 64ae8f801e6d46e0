// audit/doubtful-text for one document ($key).
MATCH (s:SourceFile)-[:OF]->(d:Document {key: $key})
WHERE s.encodingDoubtful = true OR s.ocr = true
RETURN d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc,
       s {.path, .encoding, .ocrConfidence} AS source, coalesce(s.encodingDoubtful, false) AS doubtful
ORDER BY s.path
