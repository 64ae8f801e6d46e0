// The search text of many sources at once (the full-text index is refreshed once for all of them). One
// text per document, chosen from all its rows (rows of one statement do not see each other's writes): a
// report's own text (the last); else, for a document known only by citation, the text made with the
// title it now has (a later citation may have filled it); else the first text, where there is none.
CALL () {
  UNWIND $rows AS row
  WITH row.key AS key, collect(row) AS rows
  MATCH (d:Document {key: key})
  WITH d,
       [r IN rows WHERE r.force | r.text] AS own,
       [r IN rows WHERE NOT r.force AND r.title IS NOT NULL AND r.title = d.title | r.text] AS titled,
       [r IN rows WHERE NOT r.force | r.text] AS cited
  WITH d, CASE
    WHEN size(own) > 0 THEN last(own)
    WHEN NOT coalesce(d.hasText, false) AND size(titled) > 0 THEN titled[0]
    WHEN d.searchText IS NULL THEN cited[0]
  END AS text
  WITH d, text WHERE text IS NOT NULL AND text <> coalesce(d.searchText, '')
  SET d.searchText = text
}
CALL () {
  UNWIND $shas AS sha
  MATCH (s:SourceFile {sha256: sha})
  REMOVE s.searchPending
}
RETURN true AS done
