// What registers say of documents' force, as settled (ingest/settle-documents): one query for a page of them.
MATCH (d:Document) WHERE d.key IN $keys
RETURN d.key AS key, d.inForce AS inForce, d.link AS link
