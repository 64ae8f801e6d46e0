MATCH (o:Organization) WHERE $level IS NULL OR o.level = $level RETURN count(o) AS n
