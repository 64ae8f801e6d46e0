// Documents known from citations. What a document's own text says is never overwritten by a citation;
// a citation only fills what is still unknown.
UNWIND $docs AS d
MERGE (x:Document {key: d.key})
ON CREATE SET x.hasText = false, x.createdAt = datetime()
SET x.type = coalesce(x.type, d.type),
    x.number = coalesce(x.number, d.number),
    x.symbol = coalesce(x.symbol, d.symbol),
    x.year = coalesce(x.year, d.year),
    x.issuedOn = coalesce(x.issuedOn, d.issuedOn),
    x.title = coalesce(x.title, d.title),
    x.name = coalesce(x.name, d.name),
    x.ambiguous = d.ambiguous,
    x.searchText = CASE WHEN x.hasText THEN x.searchText ELSE d.searchText END
