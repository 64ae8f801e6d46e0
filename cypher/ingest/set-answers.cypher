// The answers sources stored for questions whose answer changed without changing what the sources resolve
// (one of several became one of more: still none decides), set to what the graph gives now, so the graph
// is the one a source-by-source ingest gives without writing each asker again.
UNWIND $rows AS x
MATCH (:SourceFile {sha256: x.sha})-[r:ASKS]->(:Question {key: x.key})
SET r.answer = x.answer
