// The register as a source of its own: created once; a second import of the same bytes finds it and
// writes nothing. `pending` until its last batch is in (an import that stopped half-way is made again).
MERGE (g:Registry {sha256: $sha})
ON CREATE SET g.path = $path, g.format = $format, g.bytes = $bytes, g.encoding = $encoding, g.issuer = $issuer,
              g.ingestedAt = datetime(), g.rows = $rows, g.badRows = $badRows, g.extractorVersion = $version,
              g.pending = true, g._new = true
WITH g, coalesce(g._new, false) AS fresh
REMOVE g._new
RETURN fresh, coalesce(g.pending, false) AS pending
