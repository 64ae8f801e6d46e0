// The search text of many sources at once (the full-text index is refreshed once for all of them): a
// report's own text replaces what is there, a cited document's only fills a gap.
CALL () {
  UNWIND $rows AS row
  MATCH (d:Document {key: row.key})
  WITH d, row WHERE row.force OR d.searchText IS NULL
  SET d.searchText = row.text
}
CALL () {
  UNWIND $shas AS sha
  MATCH (s:SourceFile {sha256: sha})
  REMOVE s.searchPending
}
RETURN true AS done
