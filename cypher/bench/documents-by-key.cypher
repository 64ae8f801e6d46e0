// bench:floor, untimed set-up: the documents a set of reports names, made to exist, with their element ids.
UNWIND $keys AS k
MERGE (d:Document {key: k})
RETURN k AS key, elementId(d) AS id
