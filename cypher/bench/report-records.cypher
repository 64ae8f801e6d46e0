// bench:floor: a report's own records, as the ingest writes them (its Document, SourceFile, Citations
// with their quotes, HAS_CITATION, REFERS_TO, OF and its edges to what it names), with plain CREATE and
// the named documents found by element id: no MERGE, no index look-up, no probe. What the kernel
// charges for a report's records, below any Cypher the ingest could be written in.
UNWIND $batch AS src
CREATE (rep:Document {key: src.key, createdAt: datetime(), hasText: true, type: src.r.type, number: src.r.number,
                      symbol: src.r.symbol, year: src.r.year, issuedOn: src.r.issuedOn, title: src.r.title,
                      place: src.r.place, recipients: src.r.recipients, signer: src.r.signer,
                      signerPosition: src.r.signerPosition, ambiguous: false})
CREATE (s:SourceFile {sha256: src.sha, ingestedAt: datetime(), path: src.source.path, format: src.source.format,
                      bytes: src.source.bytes, extractorVersion: src.source.version, refKeys: src.source.refKeys,
                      titleKey: src.source.titleKey, issuer: src.source.issuer, sentTo: src.source.sentTo,
                      searchPending: src.source.searchPending})
CREATE (s)-[:OF]->(rep)
WITH rep, src
CALL (rep, src) {
  UNWIND src.targets AS t
  MATCH (x) WHERE elementId(x) = t.id
  CALL (rep, x, t) {
    UNWIND t.rels AS rel
    CREATE (rep)-[e:$(rel)]->(x)
    SET e.quote = [c IN t.citations WHERE c.relation = rel | c.quote][0]
  }
  CALL (rep, x, t, src) {
    UNWIND t.citations AS c
    CREATE (cit:Citation {key: c.key, quote: c.quote, text: c.text, start: c.start, end: c.end, inFootnote: c.inFootnote,
                          relation: c.relation, ambiguous: c.ambiguous, issuedOn: c.issuedOn, source: src.sha,
                          issuer: c.issuer, facts: c.facts})
    CREATE (rep)-[:HAS_CITATION]->(cit)
    CREATE (cit)-[:REFERS_TO]->(x)
  }
}
RETURN count(*) AS rows
