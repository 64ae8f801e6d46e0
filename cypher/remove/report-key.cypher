// After a copy of a report known by its content goes: the report takes the least content key of the
// copies left, the key they alone would give it (see the merge in `writeSourceTx`).
MATCH (d:Document {key: $key})
WHERE d.key STARTS WITH 'text:'
MATCH (s:SourceFile)-[:OF]->(d)
WITH d, min(s.ownKey) AS own
WHERE own IS NOT NULL AND own <> d.key AND NOT EXISTS { MATCH (:Document {key: own}) }
SET d.key = own
RETURN own AS key
