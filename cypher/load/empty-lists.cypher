// After a bulk import: the empty lists the importer cannot write (it reads an empty list as no value), set
// as a write through Cypher sets them, so the graph equals what `ingest` gives. Only the labels the CSV
// writer saw an empty list in: the rest of the graph (the Citations, most of it) is not read.
MATCH (n:$any($labels))
WHERE n._emptyLists IS NOT NULL
CALL (n) {
  FOREACH (p IN n._emptyLists | SET n[p] = [])
  REMOVE n._emptyLists
} IN TRANSACTIONS OF 10000 ROWS
