// The sources that were resolved with another answer than the graph gives now.
UNWIND $answers AS a
MATCH (:Question {key: a.key})<-[r:ASKS]-(s:SourceFile)
WHERE r.answer <> a.answer
RETURN DISTINCT s.sha256 AS sha
