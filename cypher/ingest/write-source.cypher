// Everything each source of a batch asserts, in one statement (one round trip): the report, the areas and units,
// every document it names (with its issuer, the report's edges to it and the Citations that are the
// evidence, all on one row so each document is looked up once), the facts between cited documents,
// the SourceFile and the signer. Who supports an edge is kept on this source's own Citations and
// SourceFile: a document or edge that already exists is only read, never written, so reports citing
// the same directive neither queue behind each other's locks nor grow a list on it.
// A batch is one source unless a bulk ingest groups many (see `writeSources`).
UNWIND $batch AS src
CALL (src) {
  MERGE (rep:Document {key: src.r.key})
  ON CREATE SET rep.createdAt = datetime()
  SET rep.hasText = true,
      rep.type = src.r.type,
      rep.number = coalesce(src.r.number, rep.number),
      rep.symbol = coalesce(src.r.symbol, rep.symbol),
      rep.year = coalesce(src.r.year, rep.year),
      rep.issuedOn = coalesce(src.r.issuedOn, rep.issuedOn),
      rep.title = coalesce(src.r.title, rep.title),
      rep.place = coalesce(src.r.place, rep.place),
      rep.recipients = src.r.recipients,
      rep.signer = src.r.signer,
      rep.signerPosition = src.r.signerPosition,
      rep.ambiguous = false,
      rep.searchText = coalesce(src.r.searchText, rep.searchText)
  WITH rep, src
  CALL (src) {
    UNWIND src.areas AS a
    MERGE (x:Area {key: a.key})
    ON CREATE SET x.name = a.name, x.tier = a.tier
    WITH x, a WHERE a.parentKey IS NOT NULL
    MERGE (p:Area {key: a.parentKey})
    MERGE (x)-[:IN]->(p)
  }
  CALL (src) {
    UNWIND src.orgs AS o
    MERGE (x:Organization {key: o.key})
    ON CREATE SET x.name = o.name, x.shortName = o.shortName, x.level = o.level, x.kind = o.kind, x.searchText = o.searchText
    WITH x, o WHERE o.areaKey IS NOT NULL
    MATCH (a:Area {key: o.areaKey})
    MERGE (x)-[:IN]->(a)
  }
  CALL (rep, src) {
    UNWIND src.targets AS t
    MERGE (x:Document {key: t.key})
    ON CREATE SET x.hasText = false, x.createdAt = datetime(), x.type = t.type, x.number = t.number, x.symbol = t.symbol,
                  x.year = t.year, x.issuedOn = t.issuedOn, x.title = t.title, x.name = t.name,
                  x.ambiguous = t.ambiguous, x.searchText = t.searchText
    WITH rep, x, t, src
    // A citation only fills what is still unknown, and never what the document's own text says.
    CALL (x, t) {
      WITH x, t
      WHERE NOT x.hasText AND ((x.issuedOn IS NULL AND t.issuedOn IS NOT NULL) OR (x.title IS NULL AND t.title IS NOT NULL))
      SET x.searchText = CASE WHEN x.title IS NULL AND t.title IS NOT NULL THEN coalesce(t.searchText, x.searchText) ELSE x.searchText END,
          x.issuedOn = coalesce(x.issuedOn, t.issuedOn), x.title = coalesce(x.title, t.title), x.year = coalesce(x.year, t.year)
    }
    CALL (x, t) {
      WITH x, t WHERE t.issuer IS NOT NULL
      MATCH (o:Organization {key: t.issuer})
      MERGE (x)-[:ISSUED_BY]->(o)
    }
    // The report's edge keeps the sentence that asserts it (its first Citation of that relation), so a
    // query reads the evidence off the edge.
    // An edge whose every mention is an inferred link (an undated number joined to the one known
    // document) is itself inferred; one mention the text dates confirms it (DESIGN §3).
    CALL (rep, x, t) {
      UNWIND t.rels AS rel
      WITH rep, x, rel, all(c IN [c IN t.citations WHERE c.relation = rel] WHERE c.inferred) AS inferred
      MERGE (rep)-[e:$(rel)]->(x)
      ON CREATE SET e.quote = [c IN t.citations WHERE c.relation = rel | c.quote][0],
                    e.inferred = CASE WHEN inferred THEN true END
      ON MATCH SET e.inferred = CASE WHEN e.inferred AND inferred THEN true END
    }
    CALL (rep, x, t, src) {
      UNWIND t.citations AS c
      CREATE (cit:Citation {key: c.key, quote: c.quote, text: c.text, start: c.start, end: c.end, inFootnote: c.inFootnote,
                            relation: c.relation, ambiguous: c.ambiguous, inferred: c.inferred, issuedOn: c.issuedOn, source: src.sha,
                            issuer: c.issuer, facts: c.facts})
      CREATE (rep)-[:HAS_CITATION]->(cit)
      CREATE (cit)-[:REFERS_TO]->(x)
    }
  }
  CALL (src) {
    UNWIND src.facts AS e
    MATCH (a:Document {key: e.from})
    MATCH (b:Document {key: e.to})
    MERGE (a)-[:$(e.rel)]->(b)
  }
  CALL (rep, src) {
    MERGE (s:SourceFile {sha256: src.sha})
    ON CREATE SET s.ingestedAt = datetime()
    SET s.path = src.source.path, s.format = src.source.format, s.bytes = src.source.bytes, s.extractorVersion = src.source.version,
        s.refKeys = src.source.refKeys, s.titleKey = src.source.titleKey, s.issuer = src.source.issuer,
        s.sentTo = src.source.sentTo,
        s.searchPending = src.source.searchPending,
        s.answers = src.source.answers, s.draft = src.source.draft
    MERGE (s)-[:OF]->(rep)
    WITH s
    UNWIND src.source.questions AS q
    MERGE (n:Question {key: q.key})
    ON CREATE SET n.kind = q.kind, n.tier = q.tier, n.slug = q.slug, n.depth = q.depth, n.symbol = q.symbol, n.prefix = q.prefix
    MERGE (s)-[a:ASKS]->(n)
    SET a.answer = q.answer
  }
  CALL (rep, src) {
    UNWIND src.source.sentTo AS unit
    MATCH (o:Organization {key: unit})
    MERGE (rep)-[:SENT_TO]->(o)
  }
  CALL (rep, src) {
    UNWIND CASE WHEN src.person IS NULL THEN [] ELSE [src.person] END AS person
    MERGE (p:Person {key: person.key})
    ON CREATE SET p.name = person.name, p.position = person.position
    MERGE (rep)-[:SIGNED_BY]->(p)
  }
  RETURN rep.key AS key
}
RETURN collect(key) AS keys
