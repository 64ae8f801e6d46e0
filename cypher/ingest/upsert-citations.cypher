MATCH (rep:Document {key: $report})
UNWIND $citations AS c
MATCH (d:Document {key: c.docKey})
MERGE (x:Citation {key: c.key})
SET x.quote = c.quote, x.text = c.text, x.start = c.start, x.end = c.end, x.inFootnote = c.inFootnote,
    x.relation = c.relation, x.ambiguous = c.ambiguous, x.source = $sha
MERGE (rep)-[:HAS_CITATION]->(x)
MERGE (x)-[:REFERS_TO]->(d)
