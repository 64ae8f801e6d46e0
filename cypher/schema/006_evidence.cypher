// What a document shows is settled from all its evidence (ingest/settle-documents): each SourceFile keeps
// its report's header and text, each Citation what its mention says of the document. Graphs written before
// had only the shown values: each record takes those, so that settling keeps what they show.
MATCH (s:SourceFile)-[:OF]->(d:Document)
WHERE s.type IS NULL
OPTIONAL MATCH (d)-[:SIGNED_BY]->(p:Person)
WITH s, d, min(p.key) AS signedBy
SET s.title = d.title, s.type = d.type, s.number = d.number, s.symbol = d.symbol, s.year = d.year,
    s.issuedOn = d.issuedOn, s.place = d.place, s.recipients = d.recipients, s.signer = d.signer,
    s.signerPosition = d.signerPosition, s.searchText = d.searchText, s.signedBy = signedBy;
MATCH (c:Citation)-[:REFERS_TO]->(d:Document)
WHERE c.docType IS NULL
SET c.docTitle = CASE WHEN NOT coalesce(c.inferred, false) THEN d.title END, c.docYear = d.year, c.docType = d.type,
    c.docNumber = d.number, c.docName = d.name, c.docIssuedOn = d.issuedOn;
