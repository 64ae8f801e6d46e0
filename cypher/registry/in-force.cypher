// What registers say of a document's force, as settled (ingest/settle-documents).
MATCH (d:Document {key: $key})
RETURN d.inForce AS inForce, d.link AS link
