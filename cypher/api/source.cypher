// A source by its sha256 or a prefix of it (issue 14): what it is, its report, and its packed text (null for
// a source stored before the text was kept). Two rows say the prefix is not enough.
MATCH (s:SourceFile)
WHERE s.sha256 STARTS WITH $prefix
WITH s
ORDER BY s.sha256
LIMIT 2
MATCH (s)-[:OF]->(d:Document)
WITH s, d
ORDER BY d.key
WITH s, collect(d)[0] AS d
RETURN s {.sha256, .path, .format, .encoding, .encodingDecidedBy, .ocrConfidence, .ingestedAt,
          ocr: coalesce(s.ocr, false)} AS source,
       s.textZ AS textZ,
       d {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc
