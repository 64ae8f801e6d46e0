// The questions to check after writes commit: each given source's own, with the answer it was resolved
// with (`sha`, `answer`); and those the writes answered anew or no longer answer, by key (their askers
// are then compared by cypher/ingest/out-of-date.cypher).
CALL () {
  UNWIND $shas AS sha
  MATCH (:SourceFile {sha256: sha})-[r:ASKS]->(q:Question)
  RETURN q, sha, r.answer AS answer
  UNION
  UNWIND $keys AS key
  MATCH (q:Question {key: key})
  RETURN q, null AS sha, null AS answer
}
RETURN q {.key, .kind, .tier, .slug, .depth, .symbol, .prefix} AS q, sha, answer
