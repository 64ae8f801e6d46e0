MERGE (m:Migration {name: $name})
SET m.checksum = $checksum, m.appliedAt = datetime()
