MERGE (d:Document {key: $r.key})
ON CREATE SET d.createdAt = datetime()
SET d.hasText = true,
    d.type = $r.type,
    d.number = coalesce($r.number, d.number),
    d.symbol = coalesce($r.symbol, d.symbol),
    d.year = coalesce($r.year, d.year),
    d.issuedOn = coalesce($r.issuedOn, d.issuedOn),
    d.title = coalesce($r.title, d.title),
    d.place = coalesce($r.place, d.place),
    d.recipients = $r.recipients,
    d.signer = $r.signer,
    d.signerPosition = $r.signerPosition,
    d.ambiguous = false,
    d.searchText = $r.searchText
