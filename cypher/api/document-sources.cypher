// A document's text files (issue 14), by path.
MATCH (s:SourceFile)-[:OF]->(:Document {key: $key})
RETURN s {.sha256, .path, .format, .encoding, .encodingDecidedBy, .ocrConfidence, .ingestedAt,
          ocr: coalesce(s.ocr, false)} AS source
ORDER BY s.path, s.sha256
