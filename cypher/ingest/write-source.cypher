// Everything one source asserts, in one statement (one round trip): the report, the areas and units,
// the documents it cites, who issued them, the edges with the sources that support them, one Citation
// per mention, the SourceFile and the signer. Shared nodes are only written when something is new,
// so that reports citing the same documents do not queue behind each other's locks.
MERGE (rep:Document {key: $r.key})
ON CREATE SET rep.createdAt = datetime()
SET rep.hasText = true,
    rep.type = $r.type,
    rep.number = coalesce($r.number, rep.number),
    rep.symbol = coalesce($r.symbol, rep.symbol),
    rep.year = coalesce($r.year, rep.year),
    rep.issuedOn = coalesce($r.issuedOn, rep.issuedOn),
    rep.title = coalesce($r.title, rep.title),
    rep.place = coalesce($r.place, rep.place),
    rep.recipients = $r.recipients,
    rep.signer = $r.signer,
    rep.signerPosition = $r.signerPosition,
    rep.ambiguous = false,
    rep.searchText = $r.searchText
WITH rep
CALL () {
  UNWIND $areas AS a
  MERGE (x:Area {key: a.key})
  ON CREATE SET x.name = a.name, x.tier = a.tier
  WITH x, a WHERE a.parentKey IS NOT NULL
  MERGE (p:Area {key: a.parentKey})
  MERGE (x)-[:IN]->(p)
  RETURN count(*) AS areas
}
CALL () {
  UNWIND $orgs AS o
  MERGE (x:Organization {key: o.key})
  ON CREATE SET x.name = o.name, x.shortName = o.shortName, x.level = o.level, x.kind = o.kind, x.searchText = o.searchText
  WITH x, o WHERE o.areaKey IS NOT NULL
  MATCH (a:Area {key: o.areaKey})
  MERGE (x)-[:IN]->(a)
  RETURN count(*) AS orgs
}
CALL () {
  UNWIND $docs AS d
  MERGE (x:Document {key: d.key})
  ON CREATE SET x.hasText = false, x.createdAt = datetime(), x.type = d.type, x.number = d.number, x.symbol = d.symbol,
                x.year = d.year, x.issuedOn = d.issuedOn, x.title = d.title, x.name = d.name,
                x.ambiguous = d.ambiguous, x.searchText = d.searchText
  // A citation only fills what is still unknown, and never what the document's own text says.
  WITH x, d
  WHERE NOT x.hasText AND ((x.issuedOn IS NULL AND d.issuedOn IS NOT NULL) OR (x.title IS NULL AND d.title IS NOT NULL))
  SET x.issuedOn = coalesce(x.issuedOn, d.issuedOn), x.title = coalesce(x.title, d.title), x.year = coalesce(x.year, d.year)
  RETURN count(*) AS docs
}
CALL () {
  UNWIND $issuedBy AS r
  MATCH (d:Document {key: r.doc})
  MATCH (o:Organization {key: r.org})
  MERGE (d)-[e:ISSUED_BY]->(o)
  WITH e WHERE NOT $sha IN coalesce(e.sources, [])
  SET e.sources = coalesce(e.sources, []) + $sha
  RETURN count(*) AS issued
}
CALL () {
  UNWIND $edges AS e
  MATCH (a:Document {key: e.from})
  MATCH (b:Document {key: e.to})
  // Relationship types cannot be parameters: one FOREACH per type.
  FOREACH (_ IN CASE WHEN e.rel = 'CITES' THEN [1] ELSE [] END | MERGE (a)-[x:CITES]->(b) SET x.sources = coalesce(x.sources, []) + $sha)
  FOREACH (_ IN CASE WHEN e.rel = 'IMPLEMENTS' THEN [1] ELSE [] END | MERGE (a)-[x:IMPLEMENTS]->(b) SET x.sources = coalesce(x.sources, []) + $sha)
  FOREACH (_ IN CASE WHEN e.rel = 'REPORTS_ON' THEN [1] ELSE [] END | MERGE (a)-[x:REPORTS_ON]->(b) SET x.sources = coalesce(x.sources, []) + $sha)
  FOREACH (_ IN CASE WHEN e.rel = 'RESPONDS_TO' THEN [1] ELSE [] END | MERGE (a)-[x:RESPONDS_TO]->(b) SET x.sources = coalesce(x.sources, []) + $sha)
  FOREACH (_ IN CASE WHEN e.rel = 'BASED_ON' THEN [1] ELSE [] END | MERGE (a)-[x:BASED_ON]->(b) SET x.sources = coalesce(x.sources, []) + $sha)
  FOREACH (_ IN CASE WHEN e.rel = 'AMENDS' THEN [1] ELSE [] END | MERGE (a)-[x:AMENDS]->(b) SET x.sources = coalesce(x.sources, []) + $sha)
  FOREACH (_ IN CASE WHEN e.rel = 'REPLACES' THEN [1] ELSE [] END | MERGE (a)-[x:REPLACES]->(b) SET x.sources = coalesce(x.sources, []) + $sha)
  FOREACH (_ IN CASE WHEN e.rel = 'REPEALS' THEN [1] ELSE [] END | MERGE (a)-[x:REPEALS]->(b) SET x.sources = coalesce(x.sources, []) + $sha)
  FOREACH (_ IN CASE WHEN e.rel = 'GUIDES' THEN [1] ELSE [] END | MERGE (a)-[x:GUIDES]->(b) SET x.sources = coalesce(x.sources, []) + $sha)
  RETURN count(*) AS edges
}
CALL (rep) {
  UNWIND $citations AS c
  MATCH (d:Document {key: c.docKey})
  CREATE (x:Citation {key: c.key, quote: c.quote, text: c.text, start: c.start, end: c.end, inFootnote: c.inFootnote,
                      relation: c.relation, ambiguous: c.ambiguous, issuedOn: c.issuedOn, source: $sha})
  CREATE (rep)-[:HAS_CITATION]->(x)
  CREATE (x)-[:REFERS_TO]->(d)
  RETURN count(*) AS citations
}
CALL (rep) {
  MERGE (s:SourceFile {sha256: $sha})
  ON CREATE SET s.ingestedAt = datetime()
  SET s.path = $source.path, s.format = $source.format, s.bytes = $source.bytes, s.extractorVersion = $source.version,
      s.refKeys = $source.refKeys
  MERGE (s)-[:OF]->(rep)
  RETURN count(*) AS sources
}
CALL (rep) {
  UNWIND CASE WHEN $person IS NULL THEN [] ELSE [$person] END AS person
  MERGE (p:Person {key: person.key})
  ON CREATE SET p.name = person.name, p.position = person.position
  MERGE (rep)-[:SIGNED_BY]->(p)
  RETURN count(*) AS signers
}
RETURN rep.key AS key
