// Everything each source of a batch asserts, in one statement (one round trip): the report, the areas and units,
// every document it names (with its issuer, the report's edges to it and the Citations that are the
// evidence, all on one row so each document is looked up once), the facts between cited documents,
// the SourceFile and the signer. Who supports an edge is kept on this source's own Citations and
// SourceFile: a document or edge that already exists is only read, never written, so reports citing
// the same directive neither queue behind each other's locks nor grow a list on it.
// A batch is one source unless a bulk ingest groups many (see `writeSources`).
// What a document shows is not written here but by ingest/settle-documents from all its evidence (this
// source's header on its SourceFile, each mention on its Citation), for the report and for each cited
// document this source knows better than what it shows (`stale`); a document it knows no better is
// only read.
UNWIND $batch AS src
CALL (src) {
  MERGE (rep:Document {key: src.r.key})
  ON CREATE SET rep.createdAt = datetime(), rep.type = src.r.type
  SET rep.hasText = true
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
    WITH rep, x, t, src,
         // Better than what it shows, by the rule of ingest/settle-documents: the document is settled.
         // Each property named, not read as x[p]: a dynamic read goes to the store every time, a named one
         // is read once per row (it was the statement's most db hits).
         any(v IN [[t.title, x.title], [t.type, x.type], [t.number, x.number], [t.issuedOn, x.issuedOn], [t.name, x.name]]
             WHERE v[0] IS NOT NULL AND
             (v[1] IS NULL OR size(v[0]) > size(v[1]) OR (size(v[0]) = size(v[1]) AND v[0] < v[1])))
         OR (t.year IS NOT NULL AND (x.year IS NULL OR t.year < x.year))
         OR (x.ambiguous AND NOT t.ambiguous) AS stale
    CALL (x, t) {
      WITH x, t WHERE t.issuer IS NOT NULL
      MATCH (o:Organization {key: t.issuer})
      MERGE (x)-[:ISSUED_BY]->(o)
    }
    // The report's edge keeps the sentence that asserts it (a source's first Citation of that relation;
    // of two copies' sentences the longer, then the smaller, as remove/edge-quotes chooses again), so a
    // query reads the evidence off the edge.
    // An edge whose every mention is an inferred link (an undated number joined to the one known
    // document) is itself inferred; one mention the text dates confirms it (DESIGN §3).
    CALL (rep, x, t) {
      UNWIND t.rels AS rel
      WITH rep, x, rel, all(c IN [c IN t.citations WHERE c.relation = rel] WHERE c.inferred) AS inferred,
           [c IN t.citations WHERE c.relation = rel | c.quote][0] AS quote
      MERGE (rep)-[e:$(rel)]->(x)
      ON CREATE SET e.quote = quote,
                    e.inferred = CASE WHEN inferred THEN true END
      ON MATCH SET e.inferred = CASE WHEN e.inferred AND inferred THEN true END,
                   e.quote = CASE WHEN e.quote IS NULL OR size(quote) > size(e.quote)
                                    OR (size(quote) = size(e.quote) AND quote < e.quote) THEN quote ELSE e.quote END
    }
    // A Citation of a text read by OCR says so (`ocr: true`, absent otherwise, like `inferred`): whoever
    // reads the evidence knows to check the quote against the scan.
    CALL (rep, x, t, src) {
      UNWIND t.citations AS c
      CREATE (cit:Citation {key: c.key, quote: c.quote, text: c.text, start: c.start, end: c.end, inFootnote: c.inFootnote,
                            relation: c.relation, ambiguous: c.ambiguous, inferred: c.inferred, ocr: src.source.ocr, issuedOn: c.issuedOn, source: src.sha,
                            issuer: c.issuer, facts: c.facts, docTitle: c.evidence.title, docYear: c.evidence.year,
                            docType: c.evidence.type, docNumber: c.evidence.number, docName: c.evidence.name,
                            docIssuedOn: c.evidence.issuedOn})
      CREATE (rep)-[:HAS_CITATION]->(cit)
      CREATE (cit)-[:REFERS_TO]->(x)
    }
    RETURN collect(CASE WHEN stale THEN x.key END) AS stale
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
        s.encoding = src.source.encoding, s.encodingDecidedBy = src.source.encodingDecidedBy, s.encodingDoubtful = src.source.encodingDoubtful,
        s.ocr = src.source.ocr, s.ocrPages = src.source.ocrPages, s.ocrConfidence = src.source.ocrConfidence,
        s.refKeys = src.source.refKeys, s.titleKey = src.source.titleKey, s.issuer = src.source.issuer,
        s.sentTo = src.source.sentTo,
        s.searchPending = src.source.searchPending,
        // The report as this copy's text gives it: the evidence ingest/settle-documents chooses from.
        s.title = src.r.title, s.type = src.r.type, s.number = src.r.number, s.symbol = src.r.symbol, s.year = src.r.year,
        s.issuedOn = src.r.issuedOn, s.place = src.r.place, s.recipients = src.r.recipients, s.signer = src.r.signer,
        s.signerPosition = src.r.signerPosition, s.searchText = src.r.searchText, s.signedBy = src.person.key,
        // The key this copy alone gives its report: a report known by its content takes the least of its copies'.
        s.ownKey = src.ownKey,
        s.answers = src.source.answers, s.draft = src.source.draft,
        // The text the Citations' offsets index, packed (issue 14); a rewrite without it keeps the one stored.
        s.textZ = coalesce(src.source.textZ, s.textZ)
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
  RETURN rep.key AS key, stale
}
RETURN collect(key) AS keys, reduce(all = [], s IN collect(stale) | all + s) AS stale
