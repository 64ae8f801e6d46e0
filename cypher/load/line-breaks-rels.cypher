// After a bulk import: the relationship properties written with their line breaks marked (src/ingest/csv.ts,
// LINE_MARK), decoded, as line-breaks-nodes.cypher does for nodes. Only the types the CSV writer saw a mark in.
MATCH ()-[r:$any($types)]->()
WHERE r._lineBreaks IS NOT NULL
CALL (r) {
  FOREACH (p IN r._lineBreaks |
    SET r[p] =
      CASE
        WHEN r[p] IS :: LIST<ANY> NOT NULL
          THEN [x IN r[p] | replace(replace(replace(x, $mark + '1', '\n'), $mark + '2', '\r'), $mark + '0', $mark)]
        ELSE replace(replace(replace(r[p], $mark + '1', '\n'), $mark + '2', '\r'), $mark + '0', $mark)
      END
  )
  REMOVE r._lineBreaks
} IN TRANSACTIONS OF 10000 ROWS
