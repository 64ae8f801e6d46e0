// The questions whose answers the given writes may have changed: those the sources asked, those their
// writes answer (`answers` on each SourceFile), and any named by key (what a removed source answered).
CALL () {
  UNWIND $shas AS sha
  MATCH (:SourceFile {sha256: sha})-[:ASKS]->(q:Question)
  RETURN q
  UNION
  UNWIND $shas AS sha
  MATCH (s:SourceFile {sha256: sha})
  UNWIND coalesce(s.answers, []) AS key
  MATCH (q:Question {key: key})
  RETURN q
  UNION
  UNWIND $keys AS key
  MATCH (q:Question {key: key})
  RETURN q
}
RETURN q {.key, .kind, .tier, .slug, .depth, .symbol, .prefix} AS q
