MATCH (c:Citation {source: $sha})
DETACH DELETE c
