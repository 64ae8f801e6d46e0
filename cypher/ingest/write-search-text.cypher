// The search text of many sources at once (the full-text index is refreshed once for all of them). A
// report's: its best copy's text, by the rule ingest/settle-documents applies (the longest, then the
// smaller), read from its SourceFiles. A document known only by citation: the text folded from the symbol,
// name and title it shows now (a row made from others, since bettered by another source, is passed over:
// the source that bettered it wrote the text then).
CALL () {
  UNWIND $rows AS row
  WITH row.key AS key, collect(row) AS rows
  MATCH (d:Document {key: key})
  CALL (d, rows) {
    WITH d, rows WHERE d.hasText AND any(r IN rows WHERE r.force)
    MATCH (s:SourceFile)-[:OF]->(d)
    WITH collect(s.searchText) AS texts
    RETURN reduce(b = null, t IN texts |
             CASE WHEN t IS NULL OR (b IS NOT NULL AND (size(t) < size(b) OR (size(t) = size(b) AND t >= b))) THEN b ELSE t END) AS text
    UNION
    WITH d, rows WHERE NOT d.hasText
    RETURN [r IN rows WHERE NOT r.force AND coalesce(r.symbol, '') = coalesce(d.symbol, '')
              AND coalesce(r.name, '') = coalesce(d.name, '') AND coalesce(r.title, '') = coalesce(d.title, '') | r.text][0] AS text
  }
  WITH d, text WHERE text IS NOT NULL AND text <> coalesce(d.searchText, '')
  SET d.searchText = text
}
CALL () {
  UNWIND $shas AS sha
  MATCH (s:SourceFile {sha256: sha})
  REMOVE s.searchPending
}
RETURN true AS done
