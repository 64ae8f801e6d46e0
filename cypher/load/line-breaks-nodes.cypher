// After a bulk import: the node properties written with their line breaks marked (src/ingest/csv.ts,
// LINE_MARK; no field spans lines, so the importer's multiline reader is never used), decoded, so the graph
// equals what `ingest` gives. Only the labels the CSV writer saw a mark in.
MATCH (n:$any($labels))
WHERE n._lineBreaks IS NOT NULL
CALL (n) {
  FOREACH (p IN n._lineBreaks |
    SET n[p] =
      CASE
        WHEN n[p] IS :: LIST<ANY> NOT NULL
          THEN [x IN n[p] | replace(replace(replace(x, $mark + '1', '\n'), $mark + '2', '\r'), $mark + '0', $mark)]
        ELSE replace(replace(replace(n[p], $mark + '1', '\n'), $mark + '2', '\r'), $mark + '0', $mark)
      END
  )
  REMOVE n._lineBreaks
} IN TRANSACTIONS OF 10000 ROWS
