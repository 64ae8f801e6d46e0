// One batch of a register's rows (issue 16), in one statement: for each row, the areas and units it names,
// its document (created citation-only if the graph has none: `hasText` stays what the text says), the
// RegistryRow that is its provenance (what this row alone asserts, by which the removal takes it back),
// its issuer, and what its title cites (the title is the document's own text: one Citation per mention,
// keyed by the row, with the edges of its relations). What the document shows is not written here but by
// ingest/settle-documents, which reads the register rows between the document's own text and its citers.
MATCH (g:Registry {sha256: $sha})
UNWIND $rows AS r
CALL (r) {
  UNWIND r.areas AS a
  MERGE (x:Area {key: a.key})
  ON CREATE SET x.name = a.name, x.tier = a.tier
  WITH x, a WHERE a.parentKey IS NOT NULL
  MERGE (p:Area {key: a.parentKey})
  MERGE (x)-[:IN]->(p)
}
CALL (r) {
  UNWIND r.orgs AS o
  MERGE (x:Organization {key: o.key})
  ON CREATE SET x.name = o.name, x.shortName = o.shortName, x.level = o.level, x.kind = o.kind, x.searchText = o.searchText
  WITH x, o WHERE o.areaKey IS NOT NULL
  MATCH (a:Area {key: o.areaKey})
  MERGE (x)-[:IN]->(a)
}
CALL (g, r) {
  MERGE (d:Document {key: r.doc.key})
  ON CREATE SET d.hasText = false, d.createdAt = datetime(), d.type = r.doc.type, d.symbol = r.doc.symbol
  CREATE (row:RegistryRow {key: r.key, registry: g.sha256, row: r.row, symbol: r.doc.symbol, type: r.doc.type,
                           number: r.doc.number, year: r.doc.year, issuedOn: r.doc.issuedOn, title: r.doc.title,
                           ambiguous: r.doc.ambiguous, issuer: r.issuer, inForce: r.inForce, inForceText: r.inForceText,
                           link: r.link})
  CREATE (g)-[:HAS_ROW]->(row)
  CREATE (row)-[:DESCRIBES]->(d)
  WITH d, r
  CALL (d, r) {
    WITH d, r WHERE r.issuer IS NOT NULL
    MATCH (o:Organization {key: r.issuer})
    MERGE (d)-[:ISSUED_BY]->(o)
  }
  CALL (d, r) {
    UNWIND r.targets AS t
    MERGE (x:Document {key: t.key})
    ON CREATE SET x.hasText = false, x.createdAt = datetime(), x.type = t.type, x.number = t.number, x.symbol = t.symbol,
                  x.year = t.year, x.issuedOn = t.issuedOn, x.title = t.title, x.name = t.name,
                  x.ambiguous = t.ambiguous, x.searchText = t.searchText
    WITH d, x, t
    CALL (x, t) {
      WITH x, t WHERE t.issuer IS NOT NULL
      MATCH (o:Organization {key: t.issuer})
      MERGE (x)-[:ISSUED_BY]->(o)
    }
    CALL (d, x, t) {
      UNWIND t.rels AS rel
      WITH d, x, rel, all(c IN [c IN t.citations WHERE c.relation = rel] WHERE c.inferred) AS inferred,
           [c IN t.citations WHERE c.relation = rel | c.quote][0] AS quote
      MERGE (d)-[e:$(rel)]->(x)
      ON CREATE SET e.quote = quote,
                    e.inferred = CASE WHEN inferred THEN true END
      ON MATCH SET e.inferred = CASE WHEN e.inferred AND inferred THEN true END,
                   e.quote = CASE WHEN e.quote IS NULL OR size(quote) > size(e.quote)
                                    OR (size(quote) = size(e.quote) AND quote < e.quote) THEN quote ELSE e.quote END
    }
    CALL (d, x, t) {
      UNWIND t.citations AS c
      CREATE (cit:Citation {key: c.key, quote: c.quote, text: c.text, start: c.start, end: c.end, inFootnote: c.inFootnote,
                            relation: c.relation, ambiguous: c.ambiguous, inferred: c.inferred, issuedOn: c.issuedOn, source: $sha,
                            issuer: c.issuer, facts: c.facts, docTitle: c.evidence.title, docYear: c.evidence.year,
                            docType: c.evidence.type, docNumber: c.evidence.number, docName: c.evidence.name,
                            docIssuedOn: c.evidence.issuedOn})
      CREATE (d)-[:HAS_CITATION]->(cit)
      CREATE (cit)-[:REFERS_TO]->(x)
    }
  }
}
CALL (r) {
  UNWIND r.facts AS e
  MATCH (a:Document {key: e.from})
  MATCH (b:Document {key: e.to})
  MERGE (a)-[:$(e.rel)]->(b)
}
RETURN count(*) AS rows
