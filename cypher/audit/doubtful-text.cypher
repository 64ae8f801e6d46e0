// Sources whose text is in doubt (issue 13): a legacy encoding decided on little evidence, or read by OCR.
// One role: the document the source is of.
MATCH (s:SourceFile)-[:OF]->(d)
WHERE s.encodingDoubtful = true OR s.ocr = true
RETURN d.key AS anchor, d {.key, .symbol, .name, .issuedOn, .hasText, .type, .title, issuer: COLLECT { MATCH (d)-[:ISSUED_BY]->(by_:Organization) RETURN by_.name ORDER BY by_.name LIMIT 1 }[0]} AS doc,
       s {.path, .encoding, .ocrConfidence} AS source, coalesce(s.encodingDoubtful, false) AS doubtful
ORDER BY source.path
