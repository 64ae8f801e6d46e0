// Whether the database holds any graph (anything but the migration records): `luocdo load` fills only an empty one.
MATCH (n)
WHERE NOT n:Migration
WITH n LIMIT 1
RETURN count(n) > 0 AS has
