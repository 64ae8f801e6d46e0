// Before writing sources (one, or a batch of a bulk ingest): is each here already (and is its search
// text still to be written), is there an older version at its path, and which reports of the same unit
// might be it extracted another way. Writing the unit's name locks it, so two extractions of one report
// ingested at once see each other instead of racing; a batch locks its units in key order. And which of
// the questions its write answers (see 005_questions) it answers anew: the documents and areas it will
// be the first to write, whose askers are to be checked once it commits.
UNWIND $items AS item
WITH item ORDER BY item.org.key
CALL (item) {
  OPTIONAL MATCH (s:SourceFile {sha256: item.sha})
  OPTIONAL MATCH (s)-[:OF]->(d:Document)
  RETURN s.extractorVersion AS version, d.key AS doc, coalesce(s.searchPending, false) AS searchPending
}
CALL (item) {
  OPTIONAL MATCH (p:SourceFile {path: item.path}) WHERE p.sha256 <> item.sha
  RETURN collect(p.sha256) AS older
}
CALL (item) {
  UNWIND CASE WHEN item.org IS NULL OR size(item.refKeys) < 3 THEN [] ELSE [item.org] END AS org
  MERGE (o:Organization {key: org.key})
  ON CREATE SET o.shortName = org.shortName, o.level = org.level, o.kind = org.kind, o.searchText = org.searchText
  SET o.name = org.name
  WITH o
  // From the unit outwards: its reports with text are few, the graph's are many. Only near-identical
  // ones come back (same title when both have one, Jaccard of the references ≥ $nearDuplicate, which
  // the caller passes from NEAR_DUPLICATE in src/graph/identity.ts); the caller checks again with the same rule.
  // Only reports with text have a SourceFile: the many documents the unit issued that are only cited (each
  // with a long chain of Citations to walk) are passed over by their flag.
  MATCH (o)<-[:ISSUED_BY]-(c:Document)
  WHERE c.hasText
  MATCH (c)<-[:OF]-(cs:SourceFile)
  WHERE cs.sha256 <> item.sha AND (item.titleKey IS NULL OR cs.titleKey IS NULL OR cs.titleKey = item.titleKey)
  WITH c, cs, size([k IN cs.refKeys WHERE k IN item.refKeys]) AS shared
  WHERE shared >= $nearDuplicate * (size(cs.refKeys) + size(item.refKeys) - shared)
  RETURN collect({key: c.key, title: c.title, refKeys: cs.refKeys, contentKeyed: c.key STARTS WITH 'text:'}) AS candidates
}
CALL (item) {
  UNWIND item.answers AS a
  WITH a WHERE NOT EXISTS { MATCH (:Document {key: a.key}) } AND NOT EXISTS { MATCH (:Area {key: a.key}) }
  RETURN collect(DISTINCT a.q) AS news
}
RETURN item.sha AS sha, version, doc, searchPending, older, candidates, news
