// A report first known by its content gets its own number once a source gives it.
MATCH (d:Document {key: $from})
WHERE NOT EXISTS { MATCH (:Document {key: $to}) }
SET d.key = $to
RETURN d.key AS key
