// The sources that were resolved with another answer than the graph gives now, with the answer each
// stored: the caller tells an answer that changes what the source resolves (it is written again) from one
// that only lists more or fewer of several (its ASKS answer is brought up to date, ingest/set-answers).
UNWIND $answers AS a
MATCH (:Question {key: a.key})<-[r:ASKS]-(s:SourceFile)
WHERE r.answer <> a.answer
RETURN s.sha256 AS sha, a.key AS key, r.answer AS stored, a.answer AS answer
