// What each document shows, from all its evidence, so that neither the order sources came in nor a removal
// changes it: its own text first (the SourceFiles OF it), then what registers say of it (their rows that
// describe it, issue 16: its force and link are theirs alone), then what the sources citing it say (each
// source's reading, on its Citations). Of several values, the more complete (longer) wins, then the
// smaller: a join, order-free, so a value no better than the one shown changes nothing (its writer does not
// come here: see `stale` in write-source) and a better one is taken whatever the order, also when writers
// run at once. A year: the earliest. (Not the most common value: counting would make every citer of a
// decree read all its citations, or wait on its lock.) Signer, position, place and recipients are a
// report's own (its best signed copy's); a document known only by citation has none. The lock first, then the reads: a writer that comes here second reads what the first committed.
// A report's search text is its best copy's text (`$search`: now, else by the deferred search batch); a
// cited document's is folded from its symbol, name and title by the caller (`searchText` in TypeScript),
// which gets those back.
UNWIND $keys AS key
MATCH (d:Document {key: key})
WITH DISTINCT d ORDER BY d.key
SET d._lock = true
WITH d
CALL (d) {
  OPTIONAL MATCH (s:SourceFile)-[:OF]->(d)
  WITH s ORDER BY s.sha256
  RETURN collect(s {.title, .type, .number, .symbol, .year, .issuedOn, .place, .recipients, .signer,
                    .signerPosition, .searchText}) AS own
}
CALL (d) {
  OPTIONAL MATCH (r:RegistryRow)-[:DESCRIBES]->(d)
  WITH r ORDER BY r.key
  RETURN collect(r {.title, .type, .number, .symbol, .year, .issuedOn, .inForce, .link, .ambiguous}) AS reg
}
CALL (d) {
  OPTIONAL MATCH (c:Citation)-[:REFERS_TO]->(d)
  RETURN collect({title: c.docTitle, type: c.docType, number: c.docNumber, name: c.docName, year: c.docYear,
                  issuedOn: c.docIssuedOn, ambiguous: c.ambiguous}) AS cited
}
WITH d, own, reg, cited, size(own) > 0 AS hasText,
     // The best copy for what is signed: the longest signer, then the smaller; its position with it.
     reduce(b = null, s IN own |
       CASE WHEN s.signer IS NULL OR (b IS NOT NULL AND (size(s.signer) < size(b.signer) OR
                 (size(s.signer) = size(b.signer) AND s.signer >= b.signer))) THEN b ELSE s END) AS signed
WITH d, hasText, signed, own, reg, cited,
     [p IN ['title', 'type', 'number', 'issuedOn', 'name', 'symbol', 'place', 'searchText'] |
       [reduce(b = null, s IN own |
          CASE WHEN s[p] IS NULL OR (b IS NOT NULL AND (size(s[p]) < size(b) OR (size(s[p]) = size(b) AND s[p] >= b)))
               THEN b ELSE s[p] END),
        reduce(b = null, s IN reg |
          CASE WHEN s[p] IS NULL OR (b IS NOT NULL AND (size(s[p]) < size(b) OR (size(s[p]) = size(b) AND s[p] >= b)))
               THEN b ELSE s[p] END),
        reduce(b = null, c IN cited |
          CASE WHEN c[p] IS NULL OR (b IS NOT NULL AND (size(c[p]) < size(b) OR (size(c[p]) = size(b) AND c[p] >= b)))
               THEN b ELSE c[p] END)]] AS best,
     [reduce(b = null, s IN own | CASE WHEN s.year IS NULL OR (b IS NOT NULL AND s.year >= b) THEN b ELSE s.year END),
      reduce(b = null, s IN reg | CASE WHEN s.year IS NULL OR (b IS NOT NULL AND s.year >= b) THEN b ELSE s.year END),
      reduce(b = null, c IN cited | CASE WHEN c.year IS NULL OR (b IS NOT NULL AND c.year >= b) THEN b ELSE c.year END)] AS year,
     reduce(b = null, s IN own |
       CASE WHEN size(coalesce(s.recipients, [])) = 0 OR (b IS NOT NULL AND (size(s.recipients) < size(b) OR
                 (size(s.recipients) = size(b) AND reduce(t = '', x IN s.recipients | t + x + '\n') >= reduce(t = '', x IN b | t + x + '\n'))))
            THEN b ELSE s.recipients END) AS recipients
SET d.hasText = hasText,
    d.title = coalesce(best[0][0], best[0][1], best[0][2]),
    d.type = coalesce(best[1][0], best[1][1], best[1][2], d.type),
    d.number = coalesce(best[2][0], best[2][1], best[2][2]),
    d.issuedOn = coalesce(best[3][0], best[3][1], best[3][2]),
    d.name = best[4][2],
    d.symbol = coalesce(best[5][0], best[5][1], best[5][2], d.symbol),
    d.year = coalesce(year[0], year[1], year[2]),
    d.ambiguous = CASE WHEN hasText OR any(r IN reg WHERE NOT r.ambiguous) THEN false WHEN size(cited) = 0 THEN d.ambiguous ELSE all(c IN cited WHERE c.ambiguous) END,
    // What registers say of its force: one that says it expired outweighs one that does not (order-free).
    d.inForce = CASE WHEN any(r IN reg WHERE r.inForce = 'expired') THEN 'expired'
                     WHEN any(r IN reg WHERE r.inForce = 'partly-expired') THEN 'partly-expired'
                     WHEN any(r IN reg WHERE r.inForce = 'in-force') THEN 'in-force'
                     WHEN any(r IN reg WHERE r.inForce = 'not-yet') THEN 'not-yet' END,
    d.link = reduce(b = null, r IN reg | CASE WHEN r.link IS NULL OR (b IS NOT NULL AND r.link >= b) THEN b ELSE r.link END),
    d.registered = CASE WHEN size(reg) > 0 THEN true END,
    d.place = CASE WHEN hasText THEN best[6][0] END,
    d.recipients = CASE WHEN hasText THEN coalesce(recipients, []) END,
    d.signer = CASE WHEN hasText THEN signed.signer END,
    d.signerPosition = CASE WHEN hasText THEN signed.signerPosition END,
    d.searchText = CASE WHEN hasText AND $search THEN best[7][0] ELSE d.searchText END
REMOVE d._lock
RETURN d.key AS key, d.hasText AS hasText, d.symbol AS symbol, d.name AS name, d.title AS title,
       d.searchText AS searchText
